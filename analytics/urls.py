from django.urls import path

from analytics import views

app_name = "analytics"

urlpatterns = [
    path("staff/analytics/hotspots/", views.hotspots, name="hotspots"),
    path("staff/analytics/hotspots.csv", views.hotspots_csv, name="hotspots_csv"),
    path("staff/analytics/imports/", views.imports, name="imports"),
]
