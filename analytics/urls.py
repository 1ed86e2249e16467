from django.urls import path

from analytics import views

app_name = "analytics"

urlpatterns = [
    path("staff/analytics/hotspots/", views.hotspots, name="hotspots"),
    path("staff/analytics/hotspots.csv", views.hotspots_csv, name="hotspots_csv"),
    path("staff/analytics/trends/", views.trends, name="trends"),
    path("staff/analytics/imports/", views.imports, name="imports"),
    path("staff/analytics/imports/partner/", views.partner_import, name="partner_import"),
]
