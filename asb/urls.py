from django.urls import include, path

from asb.flow import flow
from asb.views import cases, imports, incidents, public, reviews

app_name = "asb"

apply_patterns, _name = flow.urls()
R = "staff/asb/case-reviews/<uuid:public_id>/"

urlpatterns = [
    # Public
    path("report/asb-case-review/apply/", include((apply_patterns, "apply"))),
    path("report/asb-case-review/figures/", public.review_statistics, name="review_statistics"),
    path("report/asb-case-review/figures.csv", public.review_statistics_csv, name="review_statistics_csv"),
    # Staff: incidents and victims
    path("staff/asb/", incidents.home, name="home"),
    path("staff/asb/incidents/new/", incidents.incident_create, name="incident_create"),
    path("staff/asb/incidents/import/", imports.import_csv, name="incident_import"),
    path("staff/asb/incidents/<uuid:public_id>/", incidents.incident_detail, name="incident_detail"),
    path("staff/asb/incidents/<uuid:public_id>/link/", incidents.incident_link, name="incident_link"),
    path("staff/asb/access-requests/decide/<uuid:public_id>/", incidents.access_request_decide,
         name="access_request_decide"),
    path("staff/asb/access-requests/<str:token>/", incidents.access_request, name="access_request"),
    path("staff/asb/repeat-victims/", incidents.repeat_victims, name="repeat_victims"),
    path("staff/asb/matches/<uuid:public_id>/", incidents.match_decide, name="match_decide"),
    path("staff/asb/pspos/", incidents.pspo_list, name="pspo_list"),
    path("staff/asb/pspos/new/", incidents.pspo_create, name="pspo_create"),
    path("staff/asb/figures/", incidents.figures, name="figures"),
    # Staff: cases
    path("staff/asb/cases/<str:reference>/", cases.case_page, name="case"),
    path("staff/asb/cases/<str:reference>/plan/", cases.plan_edit, name="plan_edit"),
    path("staff/asb/cases/<str:reference>/interventions/new/", cases.intervention_create, name="intervention_create"),
    path("staff/asb/cases/<str:reference>/interventions/<uuid:public_id>/", cases.intervention_edit,
         name="intervention_edit"),
    path("staff/asb/cases/<str:reference>/risk/new/", cases.risk_create, name="risk_create"),
    # Staff: ASB Case Review
    path("staff/asb/case-reviews/", reviews.review_list, name="review_list"),
    path("staff/asb/case-reviews/new/", reviews.review_create, name="review_create"),
    path(R, reviews.review_detail, name="review_detail"),
    path(R + "decide/", reviews.review_decide, name="review_decide"),
    path(R + "panel/", reviews.review_schedule, name="review_schedule"),
    path(R + "information/", reviews.review_information, name="review_information"),
    path(R + "information/<int:number>/received/", reviews.information_received, name="information_received"),
    path(R + "recommendations/", reviews.review_recommendation, name="review_recommendation"),
    path(R + "recommendations/<int:number>/done/", reviews.recommendation_done, name="recommendation_done"),
    path(R + "held/", reviews.review_held, name="review_held"),
    path(R + "outcome/", reviews.review_outcome, name="review_outcome"),
    path(R + "escalation/", reviews.review_escalation, name="review_escalation"),
]
