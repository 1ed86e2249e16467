from django.urls import path

from reviews.views import channel, dhr, prevent

app_name = "reviews"

urlpatterns = [
    path("staff/reviews/dhr/", dhr.dashboard, name="dhr_dashboard"),
    path("staff/reviews/dhr/new/", dhr.notify, name="dhr_notify"),
    path("staff/reviews/dhr/<uuid:public_id>/", dhr.detail, name="dhr_detail"),
    path("staff/reviews/dhr/<uuid:public_id>/decision/", dhr.decide, name="dhr_decide"),
    path("staff/reviews/dhr/<uuid:public_id>/record/<slug:step>/", dhr.step, name="dhr_step"),
    path("staff/reviews/dhr/<uuid:public_id>/agency-reports/new/", dhr.agency_report, name="dhr_agency_report"),
    path("staff/reviews/dhr/<uuid:public_id>/agency-reports/<int:report_id>/received/", dhr.agency_report_received,
         name="dhr_agency_report_received"),
    path("staff/reviews/dhr/<uuid:public_id>/lessons/new/", dhr.recommendation, name="dhr_recommendation"),
    path("staff/reviews/dhr/<uuid:public_id>/lessons/<uuid:item_id>/done/", dhr.recommendation_done,
         name="dhr_recommendation_done"),
    path("staff/reviews/dhr/<uuid:public_id>/meetings/new/", dhr.meeting, name="dhr_meeting"),
    path("staff/reviews/lessons/", dhr.lessons, name="lessons"),
    path("staff/channel/", channel.dashboard, name="channel_dashboard"),
    path("staff/channel/new/", channel.new, name="channel_new"),
    path("staff/channel/<uuid:public_id>/", channel.detail, name="channel_detail"),
    path("staff/channel/<uuid:public_id>/record/<slug:step>/", channel.step, name="channel_step"),
    path("staff/channel/<uuid:public_id>/review-during-support/", channel.support_review,
         name="channel_support_review"),
    path("staff/channel/<uuid:public_id>/after-closure/<int:review_id>/", channel.post_closure_review,
         name="channel_post_closure_review"),
    path("staff/prevent/", prevent.overview, name="prevent"),
    path("staff/prevent/<slug:what>/new/", prevent.add, name="prevent_add"),
    path("staff/prevent/actions/<int:action_id>/done/", prevent.action_done, name="prevent_action_done"),
]
