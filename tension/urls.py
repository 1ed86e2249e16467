from django.urls import path

from tension.views import areas, incidents, rumours

app_name = "tension"

urlpatterns = [
    path("staff/tension/", areas.home, name="home"),
    path("staff/tension/figures/", areas.figures, name="figures"),
    path("staff/tension/reports/", areas.report_list, name="report_list"),
    path("staff/tension/reports/new/", areas.report_create, name="report_create"),
    path("staff/tension/reports/<uuid:public_id>/", areas.report_detail, name="report_detail"),
    path("staff/tension/reports/<uuid:public_id>/sharing/", areas.report_review, name="report_review"),
    path("staff/tension/areas/new/", areas.area_create, name="area_create"),
    path("staff/tension/areas/<uuid:public_id>/", areas.area_detail, name="area_detail"),
    path("staff/tension/areas/<uuid:public_id>/level/", areas.area_set_level, name="area_set_level"),
    path("staff/tension/incidents/", incidents.incident_list, name="incident_list"),
    path("staff/tension/incidents/declare/", incidents.incident_declare, name="incident_declare"),
    path("staff/tension/incidents/<str:reference>/", incidents.incident_detail, name="incident_detail"),
    path("staff/tension/incidents/<str:reference>/timeline/", incidents.add_timeline_entry, name="add_timeline_entry"),
    path("staff/tension/incidents/<str:reference>/call-list/", incidents.add_partner, name="add_partner"),
    path("staff/tension/incidents/<str:reference>/actions/", incidents.add_action, name="add_action"),
    path("staff/tension/incidents/<str:reference>/actions/<int:action_id>/done/", incidents.complete_action,
         name="complete_action"),
    path("staff/tension/incidents/<str:reference>/escalate/", incidents.escalate, name="escalate"),
    path("staff/tension/incidents/<str:reference>/stand-down/", incidents.stand_down, name="stand_down"),
    path("staff/tension/incidents/<str:reference>/sitrep/", incidents.sitrep_issue, name="sitrep_issue"),
    path("staff/tension/incidents/<str:reference>/sitrep/<int:number>/", incidents.sitrep_detail,
         name="sitrep_detail"),
    path("staff/tension/incidents/<str:reference>/sitrep/<int:number>/pdf/", incidents.sitrep_pdf, name="sitrep_pdf"),
    path("staff/tension/rumours/", rumours.rumour_list, name="rumour_list"),
    path("staff/tension/rumours/spreading/", rumours.spreading, name="spreading"),
    path("staff/tension/rumours/new/", rumours.rumour_create, name="rumour_create"),
    path("staff/tension/rumours/<uuid:public_id>/", rumours.rumour_detail, name="rumour_detail"),
    path("staff/tension/rumours/<uuid:public_id>/edit/", rumours.rumour_edit, name="rumour_edit"),
    path("staff/tension/rumours/<uuid:public_id>/status/", rumours.rumour_status, name="rumour_status"),
    path("staff/tension/rumours/<uuid:public_id>/approve/", rumours.rumour_approve, name="rumour_approve"),
]
