from django.urls import path

from hate_crime import centre, public, views

app_name = "hate_crime"

STAFF = "staff/hate-reports/"
REPORT = STAFF + "<uuid:public_id>/"

urlpatterns = [
    *public.urlpatterns,
    path(STAFF, views.queue, name="queue"),
    path(STAFF + "record/", centre.staff_new, name="staff_new"),
    path(STAFF + "record/done/", centre.staff_done, name="staff_done"),
    path(STAFF + "trends/", views.trends, name="trends"),
    path(STAFF + "trends.csv", views.trends_csv, name="trends_csv"),
    path(STAFF + "centre/", centre.centre_list, name="centre_list"),
    path(STAFF + "centre/new/", centre.centre_new, name="centre_new"),
    path(STAFF + "centre/done/", centre.centre_done, name="centre_done"),
    path(STAFF + "centre/<uuid:public_id>/", centre.centre_detail, name="centre_detail"),
    path(REPORT, views.report_detail, name="report_detail"),
    path(REPORT + "acknowledge/", views.acknowledge, name="acknowledge"),
    path(REPORT + "triage/", views.triage, name="triage"),
    path(REPORT + "assign/", views.assign, name="assign"),
    path(REPORT + "case/", views.case, name="case"),
    path(REPORT + "police-reference/", views.police_reference, name="police_reference"),
    path(REPORT + "update/", views.add_update, name="add_update"),
    path(REPORT + "route/", views.route, name="route"),
    path(REPORT + "close/", views.close, name="close"),
]
