from django.urls import include, path

from csphub.admin_site import admin_site

handler400 = "csphub.views_errors.bad_request"
handler403 = "csphub.views_errors.permission_denied"
handler404 = "csphub.views_errors.page_not_found"
handler500 = "csphub.views_errors.server_error"

urlpatterns = [
    path("", include("csphub.urls_public")),
    path("", include("partnership.urls")),
    path("", include("intake.urls")),
    path("staff/", include("core.urls")),
    path("staff/audit/", include("audit.urls")),
    path("staff/sharing-agreements/", include("access.urls")),
    path("staff/admin/", admin_site.urls),
    path("api/v1/", include("csphub.api_urls")),
    path("", include("hate_crime.urls")),
    path("", include("asb.urls")),
    path("", include("domestic_abuse.urls")),
    path("", include("vawg.urls")),
    path("", include("analytics.urls")),
    path("", include("tension.urls")),
    path("", include("reviews.urls")),
    path("", include("strategy.urls")),
    path("", include("retention.urls")),
    path("", include("rights.urls")),
]
