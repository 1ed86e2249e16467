from django.urls import path

from retention import views

app_name = "retention"

urlpatterns = [
    path("staff/retention/", views.overview, name="overview"),
    path("staff/retention/holds/", views.holds, name="holds"),
    path("staff/retention/holds/new/", views.hold_place, name="hold_place"),
    path("staff/retention/holds/<int:hold_id>/lift/", views.hold_lift, name="hold_lift"),
]
