"""The project's URLs without the other domain apps, so this app's tests do not depend on their state.

Mounted exactly as csphub/urls.py mounts them."""

from django.urls import include, path

from csphub.admin_site import admin_site

urlpatterns = [
    path("", include("csphub.urls_public")),
    path("", include("partnership.urls")),
    path("", include("intake.urls")),
    path("staff/", include("core.urls")),
    path("staff/audit/", include("audit.urls")),
    path("staff/admin/", admin_site.urls),
    path("", include("hate_crime.urls")),
]
