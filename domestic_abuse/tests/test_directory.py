"""Coordinators manage the support directory; practitioners link a known perpetrator into another case."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user
from audit.models import AuditEvent
from conftest import signed_in_client
from core.actions import do_create_case
from core.models import ParticipantRole
from domestic_abuse.models import SupportService
from domestic_abuse.tests.fixtures import DaWorld, add_person

GOOD = {
    "name": "Rural outreach service", "category": "idva", "description": "Visits people in villages.",
    "eligibility": "Anyone 16 or over", "area": "North Cumberland", "phone": "01228 900999", "opening_hours": "",
    "web_address": "", "referral_route": "Call us", "accepts_self_referral": "yes",
    "referral_email": "referrals@outreach.test", "agency": "", "active": "yes",
}


def test_coordinator_adds_a_service_and_it_appears_on_the_public_page(da: DaWorld) -> None:
    client = signed_in_client(da.world.coordinator)
    response = client.post(reverse("domestic_abuse:service_new"), {**GOOD, "agency": da.world.charity.pk})
    assert response.status_code == 302
    service = SupportService.objects.get(slug="rural-outreach-service")
    assert service.agency == da.world.charity and service.accepts_self_referral
    assert AuditEvent.objects.filter(object_type="domestic_abuse.supportservice", object_id=str(service.pk),
                                     action="create").exists()
    public = signed_in_client(None).get(reverse("domestic_abuse:find_support")).content.decode()
    assert "Rural outreach service" in public
    listing = client.get(reverse("domestic_abuse:directory")).content.decode()
    assert "Rural outreach service" in listing


def test_coordinator_hides_a_service_and_the_audit_names_the_fields_only(da: DaWorld) -> None:
    client = signed_in_client(da.world.coordinator)
    url = reverse("domestic_abuse:service_edit", args=[da.service.slug])
    form = client.get(url).content.decode()
    assert da.service.description in form  # the form starts from the service as it is
    data = {**GOOD, "name": da.service.name, "active": "no"}
    assert client.post(url, data).status_code == 302
    da.service.refresh_from_db()
    assert not da.service.active and da.service.area == "North Cumberland"
    event = AuditEvent.objects.filter(object_type="domestic_abuse.supportservice", action="update").latest("id")
    assert "active" in event.reason and "North Cumberland" not in event.reason
    assert da.service.name not in signed_in_client(None).get(reverse("domestic_abuse:find_support")).content.decode()


@pytest.mark.parametrize(("change", "message"), [
    ({"name": ""}, "Enter the name of the service"),
    ({"category": ""}, "Select the type of help"),
    ({"category": "astrology"}, "Select a valid choice"),
    ({"description": "  "}, "Say what the service does"),
    ({"referral_route": ""}, "Say how people get help"),
    ({"accepts_self_referral": ""}, "Say if people can ask for help through this website"),
    ({"referral_email": ""}, "Enter the secure email address that requests for help go to"),
    ({"referral_email": "not an email"}, "Enter an email address, like referrals@example.org"),
    ({"web_address": "not a web address"}, "Enter a web address, like https://www.example.org"),
    ({"active": ""}, "Say if the service should be shown"),
    ({"name": "IDVA service"}, "There is already a service with this name"),
    ({"name": "!!!"}, "The name must include some letters or numbers"),
])
def test_bad_service_input_shows_the_error_summary_and_saves_nothing(da: DaWorld, change: dict, message: str) -> None:
    before = list(SupportService.objects.values_list("pk", "name", "active"))
    events = AuditEvent.objects.count()
    response = signed_in_client(da.world.coordinator).post(reverse("domestic_abuse:service_new"), {**GOOD, **change})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert list(SupportService.objects.values_list("pk", "name", "active")) == before
    assert AuditEvent.objects.count() == events


def test_bad_edit_changes_nothing(da: DaWorld) -> None:
    url = reverse("domestic_abuse:service_edit", args=[da.service.slug])
    response = signed_in_client(da.world.coordinator).post(url, {**GOOD, "name": "", "active": "no"})
    assert "govuk-error-summary" in response.content.decode()
    da.service.refresh_from_db()
    assert da.service.active and da.service.name == "IDVA service"


def test_unknown_service_is_not_found(da: DaWorld) -> None:
    url = reverse("domestic_abuse:service_edit", args=["no-such-service"])
    assert signed_in_client(da.world.coordinator).get(url).status_code == 404


# --- Linking a known perpetrator -----------------------------------------------------------------------


def _second_case(da: DaWorld):  # noqa: ANN202
    officer = actor_for_user(da.world.practitioner_a)
    case = do_create_case(acting=officer, kind="domestic_abuse", title="Second DA case", lead_agency=da.world.council,
                          lead_officer=da.world.practitioner_a)
    add_person(case, da.world.practitioner_a, "Nina", "victim")
    return case


def test_practitioner_links_a_perpetrator_from_another_case_and_he_becomes_serial(da: DaWorld) -> None:
    case = _second_case(da)
    client = signed_in_client(da.world.practitioner_a)
    url = reverse("domestic_abuse:perpetrator_link", args=[case.reference])
    page = client.get(url).content.decode()
    assert "Perry Testperson" in page
    assert AuditEvent.objects.filter(action="view", reason__contains="known perpetrators listed").exists()
    response = client.post(url, {"person": da.perpetrator.pk})
    assert response.status_code == 302
    assert case.participants.filter(person=da.perpetrator, role=ParticipantRole.PERPETRATOR).exists()
    rows = client.get(reverse("domestic_abuse:perpetrators")).content.decode()
    assert "Serial" in rows or "serial" in rows


def test_linking_offers_only_perpetrators_on_cases_the_user_can_see(da: DaWorld) -> None:
    """A perpetrator on the restricted MARAC case the council officer is not on is never offered to her; an
    officer on no DA case cannot open the page at all."""
    hidden = add_person(da.world.marac, da.world.idva, "Hugo", "perpetrator")
    case = _second_case(da)
    url = reverse("domestic_abuse:perpetrator_link", args=[case.reference])
    page = signed_in_client(da.world.practitioner_a).get(url).content.decode()
    assert "Perry Testperson" in page and hidden.full_name not in page
    response = signed_in_client(da.world.practitioner_a).post(url, {"person": hidden.pk})
    assert "govuk-error-summary" in response.content.decode()
    assert not case.participants.filter(person=hidden).exists()
    assert signed_in_client(da.world.outsider).get(url).status_code == 404


def test_a_person_not_offered_cannot_be_posted(da: DaWorld) -> None:
    case = _second_case(da)
    victim = case.participants.get(role="victim").person
    client = signed_in_client(da.world.practitioner_a)
    url = reverse("domestic_abuse:perpetrator_link", args=[case.reference])
    for bad in ({"person": victim.pk}, {}, {"person": "999999"}):
        response = client.post(url, bad)
        assert "govuk-error-summary" in response.content.decode()
    assert not case.participants.filter(role=ParticipantRole.PERPETRATOR).exists()


def test_nothing_to_link_says_so(da: DaWorld) -> None:
    url = reverse("domestic_abuse:perpetrator_link", args=[da.case.reference])
    page = signed_in_client(da.world.practitioner_a).get(url).content.decode()
    assert "There is no perpetrator on another case you work on to link." in page
