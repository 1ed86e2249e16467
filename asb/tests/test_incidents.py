"""Recording ASB incidents: repeat victims flagged as they arrive, person matches, suggestions, CSV import."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from asb.actions.incidents import do_decide_match
from asb.models import AsbIncident, MatchStatus, PersonMatch, RepeatVictimFlag
from asb.tests.conftest import VICTIM, record_incident
from audit.models import AuditEvent
from conftest import World, signed_in_client
from core.models import Incident
from intake.models import OutboundMessage


def test_repeat_victim_flagged_on_third_incident_across_agencies(world: World) -> None:
    world.council.email = "asb@council.test"
    world.council.save()
    record_incident(world, days_ago=200, victim=None)
    record_incident(world, user=world.practitioner_b, days_ago=100, victim=None)
    assert not RepeatVictimFlag.objects.exists()
    third, flags = record_incident(world, days_ago=1, victim=None)
    assert len(flags) == 1 and flags[0].key == "address:12 high street ca11aa"
    assert set(flags[0].incidents.values_list("pk", flat=True)) == set(Incident.objects.values_list("pk", flat=True))
    message = OutboundMessage.objects.get(purpose="asb_repeat_victim")
    assert "High Street" not in message.body and message.to == "asb@council.test"


def test_incident_outside_the_rolling_year_does_not_count(world: World) -> None:
    record_incident(world, days_ago=400, victim=None)
    record_incident(world, days_ago=100, victim=None)
    _incident, flags = record_incident(world, days_ago=1, victim=None)
    assert flags == []


def test_typo_in_the_name_suggests_a_match_and_confirming_it_flags_the_person(world: World) -> None:
    record_incident(world, days_ago=30, victim_address="")
    record_incident(world, days_ago=20, victim={**VICTIM, "family_name": "OBrian"}, victim_address="")
    _incident, flags = record_incident(world, days_ago=10, victim={**VICTIM, "given_name": "margaret "},
                                       victim_address="")
    assert flags == []  # three person records, not yet confirmed as one person
    matches = PersonMatch.objects.filter(status=MatchStatus.SUGGESTED)
    assert matches.count() == 3
    acting = actor_for_user(world.practitioner_a)
    for match in matches:
        do_decide_match(match=match, same_person=True, acting=acting)
    assert RepeatVictimFlag.objects.filter(key__startswith="person:").exists()


def test_split_match_stays_split(world: World) -> None:
    record_incident(world, days_ago=30)
    record_incident(world, days_ago=20, victim={**VICTIM, "family_name": "OBrian"})
    match = PersonMatch.objects.get()
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("asb:match_decide", args=[match.public_id]), {"decision": "different"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.SPLIT
    assert AuditEvent.objects.filter(object_type="asb.personmatch", action="update").exists()


def test_staff_form_records_incident_and_audits_it(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("asb:incident_create"), {
        "occurred_at": (timezone.now() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "category": "asb_nuisance",
        "asb_type": "noise", "description": "Loud music", "victim_address": "3 Mill Lane",
        "victim_postcode": "CA2 2BB"})
    assert response.status_code == 302
    asb = AsbIncident.objects.get()
    assert asb.address_key == "3 mill lane ca22bb" and asb.incident.source_agency == world.council
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert AuditEvent.objects.filter(object_type="core.incident", action="view").exists()


def test_staff_form_bad_input_shows_errors_and_saves_nothing(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("asb:incident_create"), {
        "occurred_at": (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"), "category": "asb_nuisance",
        "asb_type": "", "description": "", "family_name": "Smith", "date_of_birth": "2026-02-30"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    for message in ("The date and time must be in the past", "Select the type of antisocial behaviour",
                    "Describe what happened", "Enter a real date", "Enter the victim&#x27;s first name"):
        assert message in content, message
    assert not Incident.objects.exists()


def test_suggestion_in_a_hidden_case_reveals_only_the_lead_agency(world: World) -> None:
    # Police record an incident about the victim on the council's case; the police officer cannot see that case.
    victim = world.case_a.participants.get().person
    record_incident(world, victim={"given_name": victim.given_name, "family_name": victim.family_name})
    incident, _flags = record_incident(world, user=world.practitioner_b,
                                       victim={"given_name": victim.given_name, "family_name": victim.family_name},
                                       victim_address="1 Example Street", victim_postcode="CA1 1AA")
    world.case_a.incidents.add(Incident.objects.exclude(pk=incident.pk).first())
    page = signed_in_client(world.practitioner_b).get(reverse("asb:incident_detail", args=[incident.public_id]))
    content = page.content.decode()
    assert "Test Council holds a case about" in content
    assert world.case_a.reference not in content and world.case_a.title not in content
    # The council officer sees the case itself and can add the incident to it.
    own = signed_in_client(world.practitioner_a)
    council_incident = Incident.objects.exclude(pk=incident.pk).first()
    assert own.get(reverse("asb:incident_detail", args=[council_incident.public_id])).status_code == 200


def test_access_request_goes_to_the_lead_agency(world: World) -> None:
    from django.core import signing

    from asb.models import AccessRequest
    from asb.views.incidents import ACCESS_SALT

    world.council.email = "asb@council.test"
    world.council.save()
    token = signing.dumps(world.case_a.pk, salt=ACCESS_SALT)
    client = signed_in_client(world.practitioner_b)
    bad = client.post(reverse("asb:access_request", args=[token]), {"reason": ""})
    assert bad.status_code == 200 and not AccessRequest.objects.exists()
    response = client.post(reverse("asb:access_request", args=[token]), {"reason": "Same address as our case"})
    assert response.status_code == 302
    assert AccessRequest.objects.get().agency == world.police
    assert OutboundMessage.objects.filter(purpose="asb_access_request", to="asb@council.test").exists()


def test_lead_agency_grants_access_and_the_requester_joins_the_team(world: World) -> None:
    from asb.actions.cases import do_request_access

    request = do_request_access(case=world.case_a, reason="Same address", acting=actor_for_user(world.practitioner_b))
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:access_request_decide", args=[request.public_id])
    assert "Select yes or no" in client.post(url, {}).content.decode()
    assert client.post(url, {"decision": "grant"}).status_code == 302
    request.refresh_from_db()
    assert request.status == "granted"
    assert world.case_a.team.filter(agency=world.police, user__isnull=True).exists()
    assert signed_in_client(world.practitioner_b).get(world.case_a.get_absolute_url()).status_code == 200


def test_forged_access_token_is_not_found(world: World) -> None:
    client = signed_in_client(world.practitioner_b)
    assert client.get(reverse("asb:access_request", args=["nonsense"])).status_code == 404


CSV_GOOD = ("date,category,type,description,address,postcode,reference\n"
            "01/03/2026 21:30,Nuisance,Noise,Loud party,4 Park Road,CA3 3CC,P-1\n"
            "2026-03-02 22:00,personal,intimidation or harassment,Threats,4 Park Road,CA3 3CC,P-2\n")
CSV_BAD = CSV_GOOD + "31/02/2026 10:00,unknown,Noise,,4 Park Road,,P-3\n"


def _upload(client, text: str, **extra):  # noqa: ANN001, ANN202
    return client.post(reverse("asb:incident_import"),
                       {"file": SimpleUploadedFile("x.csv", text.encode(), "text/csv"), **extra})


def test_csv_import_saves_every_good_row(world: World) -> None:
    response = _upload(signed_in_client(world.practitioner_a), CSV_GOOD)
    assert response.status_code == 302
    assert AsbIncident.objects.count() == 2


def test_csv_import_with_a_bad_row_reports_it_and_saves_nothing(world: World) -> None:
    response = _upload(signed_in_client(world.practitioner_a), CSV_BAD)
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content
    assert "<th scope=\"row\" class=\"govuk-table__header\">4</th>" in content
    assert "Describe what happened" in content
    assert not AsbIncident.objects.exists()
    assert _upload(signed_in_client(world.practitioner_a), CSV_BAD, good_rows_only="on").status_code == 302
    assert AsbIncident.objects.count() == 2


def test_csv_import_with_column_mapping(world: World) -> None:
    text = CSV_GOOD.replace("date,", "When,", 1)
    assert _upload(signed_in_client(world.practitioner_a), text).status_code == 200
    response = _upload(signed_in_client(world.practitioner_a), text, col_occurred_at="When")
    assert response.status_code == 302 and AsbIncident.objects.count() == 2
