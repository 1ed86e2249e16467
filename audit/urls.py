from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("", views.viewer, name="viewer"),
    path("export.csv", views.export_csv, name="export"),
]
