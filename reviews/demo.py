"""Demo data for reviews: two Domestic Homicide Reviews at different stages, Channel referrals, Prevent oversight.

Call from core/demo.py once staff exist: ``reviews.demo.seed(rng, coordinator_user, police_agency, today)``.
The coordinator must sit on the dhr and channel panels (the demo coordinator does)."""

import random
from datetime import date, timedelta

from access.policy import actor_for_user
from partnership.models import Agency, User
from reviews.actions import channel as channel_actions
from reviews.actions import dhr as dhr_actions
from reviews.models import PreventPlanAction, PreventRiskAssessment, PreventTraining


def seed(rng: random.Random, coordinator: User, police: Agency, today: date) -> None:
    acting = actor_for_user(coordinator)
    council = coordinator.memberships.first().agency
    older = dhr_actions.do_notify_dhr(acting=acting, title="Death of a woman aged 50 to 60", lead_agency=council,
                                      notified_on=today - timedelta(days=200), notifying_agency=police)
    dhr_actions.do_decide_dhr(review=older, hold=True, decided_on=today - timedelta(days=180),
                              reasons="The death meets the criteria for a review.", acting=acting)
    dhr_actions.do_request_agency_report(review=older, agency=police, kind="imr", acting=acting,
                                         requested_on=today - timedelta(days=150))
    dhr_actions.do_add_recommendation(review=older, acting=acting, theme="risk_assessment",
                                      lesson="Risk was not reassessed after the couple separated.",
                                      recommendation="Repeat the DASH checklist at separation.",
                                      owner_agency=police, due_on=today + timedelta(days=60))
    dhr_actions.do_notify_dhr(acting=acting, title="Death of a man aged 30 to 40", lead_agency=council,
                              notified_on=today - timedelta(days=12), notifying_agency=police)
    for days_ago in rng.sample(range(20, 400), 9):
        channel_actions.do_receive_channel_referral(acting=acting, title="Referral after police screening",
                                                    received_on=today - timedelta(days=days_ago),
                                                    screened_by=police, lead_agency=council)
    _supported_case(acting, police, council, today)
    PreventRiskAssessment.objects.get_or_create(period=f"{today.year}", defaults={
        "assessed_on": today - timedelta(days=90), "overall_risk": "medium",
        "summary": "Online radicalisation of young people is the main local risk in the Counter-Terrorism Local "
                   "Profile."})
    PreventPlanAction.objects.get_or_create(title="Refresh Prevent training for schools", defaults={
        "owner_agency": council, "due_on": today + timedelta(days=90)})
    PreventTraining.objects.get_or_create(agency=council, role="Housing officers", defaults={
        "as_at": today - timedelta(days=30), "staff_in_scope": 48, "staff_trained": 41})


def _supported_case(acting, police: Agency, council: Agency, today: date) -> None:  # noqa: ANN001
    """One person in Channel support, with a review held and the next one coming up."""
    referral = channel_actions.do_receive_channel_referral(
        acting=acting, title="Young person, online extremist material", received_on=today - timedelta(days=130),
        screened_by=police, lead_agency=council, concern_type="Mixed or unclear")
    channel_actions.do_record_consent(referral=referral, consent="given", consent_on=today - timedelta(days=118),
                                      consent_by="Parent", acting=acting)
    channel_actions.do_decide_channel(referral=referral, outcome="channel", decided_on=today - timedelta(days=115),
                                      acting=acting)
    channel_actions.do_add_support(referral=referral, acting=acting, provider="Intervention provider",
                                   support_type="Mentoring", started_on=today - timedelta(days=108))
    channel_actions.do_record_support_review(referral=referral, held_on=today - timedelta(days=22),
                                             progress="Attends mentoring every week; less time on the forum.",
                                             continue_support=True, acting=acting)
