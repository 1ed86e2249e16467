"""The ASB Case Review end to end: public application, threshold decision, panel, outcome letter, status, figures."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from asb.models import ApplicationStatus, CaseReviewApplication
from asb.tests.conftest import record_incident
from conftest import World, signed_in_client
from core.models import Meeting
from intake.models import OutboundMessage
from intake.status import find_status

TODAY = timezone.localdate()


def _d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def _reports(*rows: tuple) -> dict:
    data = {}
    for n, (behaviour, complained, agency, ref) in enumerate(rows, start=1):
        data.update({f"c{n}_behaviour_on": behaviour, f"c{n}_complained_on": complained, f"c{n}_agency_name": agency,
                     f"c{n}_agency_reference": ref})
    return data


GOOD_REPORTS = _reports((_d(60), _d(59), "Council", "C1"), (_d(40), _d(40), "Police", "P7"),
                        (_d(20), _d(18), "Landlord", ""))


def _apply(client: Client, *, who: str = "yes", reports: dict | None = None) -> None:
    def answer(slug: str, data: dict) -> None:
        response = client.post(reverse("asb:apply:question", args=[slug]), data)
        assert response.status_code == 302, response.content.decode()[:3000]

    answer("who", {"applicant_is_victim": who})
    if who == "no":
        answer("victim", {"victim_name": "Vic Tim", "victim_consent": "on"})
    answer("about-you", {"applicant_name": "Pat Applicant", "applicant_email": "pat@example.test"})
    answer("where", {"address": "12 High Street", "postcode": "CA1 1AA"})
    answer("behaviour", {"behaviour": "Loud music and shouting every night", "hate_motivated": "no"})
    answer("reports", reports or GOOD_REPORTS)
    answer("impact", {"impact": "I cannot sleep", "vulnerable": "no"})


def _send(client: Client) -> str:
    check = client.get(reverse("asb:apply:check"))
    assert check.status_code == 200 and "Send application" in check.content.decode()
    token = check.context["form"].initial["token"]
    response = client.post(reverse("asb:apply:check"), {"token": token})
    assert response.status_code == 302
    done = client.get(reverse("asb:apply:done"))
    return done.context["done"]


def test_public_application_end_to_end(world: World) -> None:
    client = Client()
    _apply(client)
    done = _send(client)
    application = CaseReviewApplication.objects.get()
    assert application.reference == done["reference"] and application.complaints.count() == 3
    assert application.channel == "online"
    assert OutboundMessage.objects.filter(purpose="asb_case_review_received", to="pat@example.test").exists()
    assert find_status(done["reference"], done["secret"]).status == "We have your application and are checking it"
    assert find_status(done["reference"], "WRONGCODE1") is None

    coordinator = signed_in_client(world.coordinator)
    detail = coordinator.get(reverse("asb:review_detail", args=[application.public_id]))
    assert "threshold met" in detail.content.decode()
    assert coordinator.post(reverse("asb:review_decide", args=[application.public_id])).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.THRESHOLD_MET
    assert OutboundMessage.objects.filter(purpose="asb_case_review_decision").exists()

    held_at = (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = coordinator.post(reverse("asb:review_schedule", args=[application.public_id]),
                                {"held_at": held_at, "lead_agency": world.council.pk})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.meeting.kind == Meeting.Kind.CASE_REVIEW and application.case.kind == "asb"

    coordinator.post(reverse("asb:review_information", args=[application.public_id]),
                     {"agency": world.police.pk, "asked_for": "Call logs", "due_on": (TODAY + timedelta(days=5))})
    coordinator.post(reverse("asb:review_recommendation", args=[application.public_id]),
                     {"text": "Noise monitoring for 4 weeks", "owner_agency": world.council.pk,
                      "due_on": (TODAY + timedelta(days=30))})
    assert application.information_requests.count() == 1 and application.recommendations.count() == 1
    coordinator.post(reverse("asb:review_held", args=[application.public_id]), {"on": TODAY.isoformat()})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REVIEW_HELD
    assert "Noise monitoring for 4 weeks" in application.outcome_letter

    letter = application.outcome_letter + "\nEdited by the coordinator."
    coordinator.post(reverse("asb:review_outcome", args=[application.public_id]), {"letter": letter})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.OUTCOME_SENT
    sent = OutboundMessage.objects.get(purpose="asb_case_review_outcome")
    assert "Edited by the coordinator." in sent.body
    assert find_status(done["reference"], done["secret"]).status == "We have sent you the outcome"

    figures = Client().get(reverse("asb:review_statistics")).content.decode()
    assert "fewer than 5" in figures
    csv_text = Client().get(reverse("asb:review_statistics_csv")).content.decode()
    assert csv_text.splitlines()[1] == f"{TODAY.year},fewer than 5,0,fewer than 5,fewer than 5"


def test_double_submission_creates_one_application(world: World) -> None:
    client = Client()
    _apply(client)
    token = client.get(reverse("asb:apply:check")).context["form"].initial["token"]
    client.post(reverse("asb:apply:check"), {"token": token})
    client.post(reverse("asb:apply:check"), {"token": token})
    assert CaseReviewApplication.objects.count() == 1


def test_threshold_not_met_offers_escalation(world: World) -> None:
    client = Client()
    _apply(client, reports=_reports((_d(60), _d(59), "Council", "C1")))
    _send(client)
    application = CaseReviewApplication.objects.get()
    coordinator = signed_in_client(world.coordinator)
    coordinator.post(reverse("asb:review_decide", args=[application.public_id]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.THRESHOLD_NOT_MET
    url = reverse("asb:review_escalation", args=[application.public_id])
    assert coordinator.post(url, {"grounds": "", "requested_on": ""}).status_code == 200
    coordinator.post(url, {"grounds": "Threshold wrongly refused", "requested_on": TODAY.isoformat()})
    application.refresh_from_db()
    assert application.escalation_status == "requested"
    coordinator.post(url, {"upheld": "yes"})
    application.refresh_from_db()
    assert application.escalation_status == "upheld"


def test_incidents_held_by_csphub_count_towards_the_threshold(world: World) -> None:
    record_incident(world, days_ago=45, victim=None)
    record_incident(world, user=world.practitioner_b, days_ago=30, victim=None)
    client = Client()
    _apply(client, reports=_reports((_d(10), _d(9), "Council", "C1")))
    _send(client)
    application = CaseReviewApplication.objects.get()
    signed_in_client(world.coordinator).post(reverse("asb:review_decide", args=[application.public_id]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.THRESHOLD_MET
    assert "already held by the partnership" in application.decision_lines


BAD_REPORTS = [
    ("reported after the application", _reports((_d(5), _d(-3), "Council", ""))),
    ("reported before it happened", _reports((_d(5), _d(9), "Council", ""))),
    ("impossible date", {"c1_behaviour_on": "2026-02-30", "c1_complained_on": _d(1), "c1_agency_name": "Council"}),
    ("duplicated complaint", _reports((_d(5), _d(4), "Council", ""), (_d(5), _d(4), "council", ""))),
    ("nothing at all", {}),
    ("missing who it was reported to", {"c1_behaviour_on": _d(5), "c1_complained_on": _d(4)}),
]


@pytest.mark.parametrize(("name", "data"), BAD_REPORTS, ids=[b[0] for b in BAD_REPORTS])
def test_bad_reports_show_errors_and_keep_nothing(name: str, data: dict, db) -> None:  # noqa: ANN001
    client = Client()
    response = client.post(reverse("asb:apply:question", args=["reports"]), data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "flow:asb:apply" not in client.session or "reports" not in client.session["flow:asb:apply"]["data"]


def test_on_behalf_without_consent_is_refused(db) -> None:  # noqa: ANN001
    client = Client()
    client.post(reverse("asb:apply:question", args=["who"]), {"applicant_is_victim": "no"})
    response = client.post(reverse("asb:apply:question", args=["victim"]), {"victim_name": "Vic Tim"})
    assert "You need the victim&#x27;s agreement to apply for them" in response.content.decode()
    # Skipping the page does not help: "check your answers" sends the applicant back to it.
    _rest = {"applicant_name": "A", "applicant_email": "a@example.test"}
    client.post(reverse("asb:apply:question", args=["about-you"]), _rest)
    assert client.get(reverse("asb:apply:check"))["Location"].endswith("/victim/")


def test_no_anonymous_applications(db) -> None:  # noqa: ANN001
    response = Client().post(reverse("asb:apply:question", args=["about-you"]), {"applicant_email": "a@example.test"})
    assert "Enter your full name" in response.content.decode()


def test_on_behalf_application_with_consent(world: World) -> None:
    client = Client()
    _apply(client, who="no")
    _send(client)
    application = CaseReviewApplication.objects.get()
    assert not application.applicant_is_victim and application.victim_consent and application.victim_name == "Vic Tim"


def test_staff_enter_a_phone_application_and_bad_input_saves_nothing(world: World) -> None:
    coordinator = signed_in_client(world.coordinator)
    url = reverse("asb:review_create")
    base = {"channel": "phone", "received_on": TODAY.isoformat(), "applicant_is_victim": "no",
            "applicant_name": "Cllr Jones", "applicant_phone": "01234 567890", "address": "12 High Street",
            "behaviour": "Drug dealing", "impact": "Afraid", "hate_motivated": "no", "vulnerable": "yes"}
    response = coordinator.post(url, {**base, **GOOD_REPORTS})
    assert response.status_code == 200 and "needs the victim&#x27;s agreement" in response.content.decode()
    assert not CaseReviewApplication.objects.exists()
    response = coordinator.post(url, {**base, "victim_name": "Vic Tim", "victim_consent": "on", **GOOD_REPORTS})
    assert response.status_code == 302
    assert CaseReviewApplication.objects.get().channel == "phone"


def test_deadlines_dashboard_shows_breached(world: World) -> None:
    client = Client()
    _apply(client)
    _send(client)
    CaseReviewApplication.objects.update(received_on=TODAY - timedelta(days=40))
    page = signed_in_client(world.coordinator).get(reverse("asb:review_list")).content.decode()
    assert "Breached" in page and "Decide whether the threshold is met" in page
