from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("search/", views.search, name="search"),
    path("figures/", views.figures, name="figures"),
    path("cases/<str:reference>/", views.case_detail, name="case_detail"),
    path("cases/<str:reference>/break-glass/", views.break_glass, name="break_glass"),
    path("cases/<str:reference>/edit/", views.case_edit, name="case_edit"),
    path("cases/<str:reference>/incidents/new/", views.add_incident, name="add_incident"),
    path("cases/<str:reference>/notes/new/", views.add_note, name="add_note"),
    path("cases/<str:reference>/actions/new/", views.add_action, name="add_action"),
    path("cases/<str:reference>/actions/<int:action_id>/complete/", views.complete_action, name="complete_action"),
    path("cases/<str:reference>/people/new/", views.add_participant, name="add_participant"),
    path("cases/<str:reference>/people/<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("cases/<str:reference>/team/agencies/new/", views.add_team_agency, name="add_team_agency"),
    path("cases/<str:reference>/team/people/new/", views.add_team_user, name="add_team_user"),
    path("cases/<str:reference>/files/new/", views.add_attachment, name="add_attachment"),
    path("cases/<str:reference>/files/<uuid:attachment_id>/", views.download_attachment, name="download_attachment"),
]
