from django.urls import include, path

from domestic_abuse import views, views_directory, views_public, views_safeguarding
from domestic_abuse.public_forms import SelfReferralFlow

app_name = "domestic_abuse"

STAFF = "staff/domestic-abuse/"
CASE = STAFF + "cases/<str:reference>/"
MEETING = STAFF + "marac/meetings/<int:meeting_id>/"

urlpatterns = [
    path("find-support/", views_public.find_support, name="find_support"),
    path("find-support/ask-for-help/", include((SelfReferralFlow().urls()[0], "self_referral"))),
    path("find-support/services/<slug:slug>/", views_public.service_detail, name="service_detail"),
    path("encompass/acknowledge/<uuid:notification_id>/", views_public.encompass_acknowledge,
         name="encompass_acknowledge"),
    path(STAFF, views.home, name="home"),
    path(STAFF + "figures/", views.figures, name="figures"),
    path(STAFF + "perpetrators/", views.perpetrators, name="perpetrators"),
    path(STAFF + "encompass/", views_safeguarding.encompass, name="encompass"),
    path(STAFF + "self-referrals/", views_safeguarding.self_referrals, name="self_referrals"),
    path(STAFF + "self-referrals/<uuid:referral_id>/contact/", views_safeguarding.self_referral_contact,
         name="self_referral_contact"),
    path(STAFF + "support-directory/", views_directory.directory, name="directory"),
    path(STAFF + "support-directory/new/", views_directory.service_new, name="service_new"),
    path(STAFF + "support-directory/<slug:slug>/", views_directory.service_edit, name="service_edit"),
    path(CASE, views.case, name="case"),
    path(CASE + "perpetrators/link/", views_directory.perpetrator_link, name="perpetrator_link"),
    path(CASE + "dash/new/", views.dash_new, name="dash_new"),
    path(CASE + "dash/<uuid:assessment_id>/", views.dash_detail, name="dash_detail"),
    path(CASE + "referrals/<uuid:referral_id>/submit/", views.referral_submit, name="referral_submit"),
    path(CASE + "referrals/<uuid:referral_id>/decline/", views.referral_decline, name="referral_decline"),
    path(CASE + "call-outs/new/", views_safeguarding.attendance_new, name="attendance_new"),
    path(CASE + "children/<uuid:person_id>/school/", views_safeguarding.child_school, name="child_school"),
    path(CASE + "interventions/new/", views_safeguarding.intervention_new, name="intervention_new"),
    path(CASE + "interventions/<int:intervention_id>/outcome/", views_safeguarding.intervention_decide,
         name="intervention_decide"),
    path(STAFF + "marac/", views.marac_home, name="marac_home"),
    path(STAFF + "marac/actions/", views.marac_actions, name="marac_actions"),
    path(STAFF + "marac/meetings/new/", views.meeting_new, name="meeting_new"),
    path(MEETING, views.meeting_detail, name="meeting_detail"),
    path(MEETING + "agenda.csv", views.agenda_export, name="agenda_export"),
    path(MEETING + "list/", views.meeting_list_case, name="meeting_list_case"),
    path(MEETING + "items/<int:item_id>/research/", views.research, name="research"),
    path(MEETING + "items/<int:item_id>/minutes/", views.minutes, name="minutes"),
    path(MEETING + "items/<int:item_id>/actions/new/", views.minute_action, name="minute_action"),
]
