from django.urls import path

from intake import views

app_name = "intake"

urlpatterns = [
    path("check-a-report/", views.status_lookup, name="status_lookup"),
    path("staff/outbox/", views.outbox, name="outbox"),
]
