from datetime import date

import pytest

from access.policy import actor_for_user
from conftest import World
from reviews.actions import channel as channel_actions
from reviews.actions import dhr as dhr_actions
from reviews.models import PreventPlanAction


@pytest.fixture
def records(world: World) -> dict:
    """A DHR under way (with an agency report and a recommendation) and a closed Channel case, both opened by
    the coordinator, who is therefore named on their teams."""
    acting = actor_for_user(world.coordinator)
    review = dhr_actions.do_notify_dhr(acting=acting, title="Death of a woman aged 40 to 50",
                                       notified_on=date(2025, 1, 6), notifying_agency=world.police,
                                       lead_agency=world.council)
    dhr_actions.do_decide_dhr(review=review, hold=True, decided_on=date(2025, 1, 20), reasons="Criteria met",
                              acting=acting)
    report = dhr_actions.do_request_agency_report(review=review, agency=world.police, kind="imr",
                                                  requested_on=date(2025, 2, 3), acting=acting)
    item = dhr_actions.do_add_recommendation(review=review, acting=acting, theme="risk_assessment",
                                             lesson="DASH not repeated after escalation",
                                             recommendation="Repeat DASH after every incident",
                                             owner_agency=world.police, due_on=date(2025, 9, 1))
    referral = channel_actions.do_receive_channel_referral(acting=acting, title="Young person, online material",
                                                           received_on=date(2025, 1, 10), screened_by=world.police,
                                                           lead_agency=world.council)
    channel_actions.do_record_consent(referral=referral, consent="given", consent_on=date(2025, 1, 15),
                                      consent_by="Parent", acting=acting)
    channel_actions.do_decide_channel(referral=referral, outcome="channel", decided_on=date(2025, 1, 20),
                                      acting=acting)
    channel_actions.do_close_channel(referral=referral, closed_on=date(2025, 6, 30), reason="Goals met",
                                     acting=acting)
    supported = channel_actions.do_receive_channel_referral(acting=acting, title="Adult, online material",
                                                            received_on=date(2025, 2, 3), screened_by=world.police,
                                                            lead_agency=world.council)
    channel_actions.do_record_consent(referral=supported, consent="given", consent_on=date(2025, 2, 10),
                                      consent_by="The person", acting=acting)
    channel_actions.do_decide_channel(referral=supported, outcome="channel", decided_on=date(2025, 2, 10),
                                      acting=acting)
    prevent_action = PreventPlanAction.objects.create(title="Train school staff", owner_agency=world.council,
                                                      due_on=date(2025, 9, 1))
    return {"review": review, "report": report, "item": item, "referral": referral,
            "post_review": referral.post_closure_reviews.first(), "supported": supported,
            "prevent_action": prevent_action}
