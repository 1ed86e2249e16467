from django.urls import path

from rights import views

app_name = "rights"

urlpatterns = [
    path("staff/subject-rights/", views.register, name="register"),
    path("staff/subject-rights/find-a-person/", views.find_person, name="find_person"),
    path("staff/subject-rights/people/<uuid:person_id>/", views.person, name="person"),
    path("staff/subject-rights/people/<uuid:person_id>/new/<slug:kind>/", views.new_request, name="new_request"),
    path("staff/subject-rights/access/<uuid:public_id>/", views.access_request, name="access_request"),
    path(
        "staff/subject-rights/access/<uuid:public_id>/extend/",
        views.extend_access_request,
        name="extend_access_request",
    ),
    path(
        "staff/subject-rights/access/<uuid:public_id>/complete/",
        views.complete_access_request,
        name="complete_access_request",
    ),
    path(
        "staff/subject-rights/access/<uuid:public_id>/export.<slug:file_format>",
        views.download_export,
        name="download_export",
    ),
    path(
        "staff/subject-rights/rectification/<uuid:public_id>/",
        views.rectification_request,
        name="rectification_request",
    ),
    path("staff/subject-rights/rectification/<uuid:public_id>/correct/", views.rectify, name="rectify"),
    path("staff/subject-rights/erasure/<uuid:public_id>/", views.erasure_request, name="erasure_request"),
    path("staff/subject-rights/erasure/<uuid:public_id>/decision/", views.assess_erasure, name="assess_erasure"),
    path("staff/subject-rights/erasure/<uuid:public_id>/erase/", views.erase, name="erase"),
]
