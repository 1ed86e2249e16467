from django.urls import path

from access import views

app_name = "access"

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("new/", views.agreement_create, name="agreement_create"),
    path("<uuid:agreement_id>/", views.agreement_detail, name="agreement_detail"),
    path("<uuid:agreement_id>/edit/", views.agreement_edit, name="agreement_edit"),
    path("<uuid:agreement_id>/end/", views.agreement_end, name="agreement_end"),
]
