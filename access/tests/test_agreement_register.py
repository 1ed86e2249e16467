"""The register of sharing agreements: adding, changing and ending agreements, the list's filters and the
dashboard panel of reviews falling due."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import SharingAgreement
from access.testing import make_sharing_agreement
from audit.models import AuditEvent
from conftest import World, signed_in_client


def _form(world: World, **changes: object) -> dict:
    today = timezone.localdate()
    return {
        "title": "Cumbria CSP multi-agency information sharing agreement",
        "reference": "ISA-001",
        "owner_agency": world.council.pk,
        "parties": [world.council.pk, world.fire.pk],
        "purposes": ["case_team"],
        "lawful_bases": ["prevent_crime"],
        "legal_conditions": "Art 6(1)(e); Art 10 with DPA 2018 Sch 1 para 10",
        "data_shared": "Names, addresses, incident history",
        "starts_on": today.isoformat(),
        "review_on": (today + timedelta(days=365)).isoformat(),
        "document_link": "https://example.org/isa-001.pdf",
        "notes": "",
        **changes,
    }


def _events(agreement: SharingAgreement) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="access.sharingagreement", object_id=str(agreement.pk))
        .order_by("sequence")
        .values_list("reason", flat=True)
    )


def test_a_coordinator_adds_changes_and_ends_an_agreement_audited(world: World) -> None:
    client = signed_in_client(world.coordinator)
    response = client.post(reverse("access:agreement_create"), _form(world))
    agreement = SharingAgreement.objects.get(reference="ISA-001")
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    assert set(agreement.parties.all()) == {world.council, world.fire}
    assert agreement.purposes == ["case_team"] and agreement.lawful_bases == ["prevent_crime"]

    client.post(
        reverse("access:agreement_edit", args=[agreement.public_id]),
        _form(world, purposes=["case_team", "referral"], parties=[world.council.pk, world.fire.pk, world.police.pk]),
    )
    agreement.refresh_from_db()
    assert agreement.purposes == ["case_team", "referral"] and agreement.parties.count() == 3

    today = timezone.localdate()
    response = client.post(reverse("access:agreement_end", args=[agreement.public_id]), {"ends_on": today.isoformat()})
    agreement.refresh_from_db()
    assert response.status_code == 302 and agreement.ends_on == today
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "Ended" in html and "End the agreement" not in html
    assert _events(agreement) == [
        "sharing agreement added to the register",
        "sharing agreement changed: parties, purposes",
        f"sharing agreement ends on {today.isoformat()}",
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"review_on": "start"}, "The review date must be after the start date"),
        ({"parties": [1]}, "Select at least two agencies that have signed the agreement"),
        ({"parties": []}, "Select at least two agencies that have signed the agreement"),
        ({"purposes": []}, "Select at least one purpose"),
        ({"owner_agency": "police"}, "The agency that owns the agreement must be one of the agencies that signed it"),
        ({"title": ""}, "Enter the agreement&#x27;s title"),
        ({"starts_on": "2026-02-31"}, "Enter a real start date"),
        ({"document_link": "not a link"}, "Enter a link starting with https://"),
        ({"reference": "ISA-WORLD"}, "Another agreement already has this reference"),
    ],
)
def test_adding_an_agreement_with_bad_input_saves_nothing(changes: dict, message: str, world: World) -> None:
    if changes.get("review_on") == "start":
        changes["review_on"] = timezone.localdate().isoformat()
    if changes.get("parties") == [1]:
        changes["parties"] = [world.council.pk]
    if changes.get("owner_agency") == "police":
        changes["owner_agency"] = world.police.pk
    response = signed_in_client(world.coordinator).post(reverse("access:agreement_create"), _form(world, **changes))
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html and message in html
    assert SharingAgreement.objects.count() == 1  # only the world's own agreement
    assert not AuditEvent.objects.filter(object_type="access.sharingagreement").exists()


def test_changing_an_agreement_with_bad_input_leaves_it_as_it_was(world: World) -> None:
    agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    response = signed_in_client(world.coordinator).post(
        reverse("access:agreement_edit", args=[agreement.public_id]),
        _form(world, reference="ISA-WORLD", parties=[world.council.pk], purposes=["referral"]),
    )
    assert "Select at least two agencies" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.parties.count() == 3 and "case_team" in agreement.purposes


@pytest.mark.parametrize(
    ("ends_on", "message"),
    [
        ("", "Enter the date it ends"),
        ("2026-13-01", "Enter a real date"),
        ("2000-01-01", "The end date must be the same as or after the start date"),
    ],
)
def test_ending_an_agreement_with_bad_input_changes_nothing(ends_on: str, message: str, world: World) -> None:
    agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    response = signed_in_client(world.coordinator).post(
        reverse("access:agreement_end", args=[agreement.public_id]), {"ends_on": ends_on}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html and message in html
    agreement.refresh_from_db()
    assert agreement.ends_on is None


def test_a_practitioner_reads_the_register_but_may_not_change_it(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    html = client.get(reverse("access:agreement_list")).content.decode()
    assert "ISA-WORLD" in html and "Add an agreement" not in html
    assert client.post(reverse("access:agreement_create"), _form(world)).status_code == 403
    assert (
        client.post(
            reverse("access:agreement_end", args=[agreement.public_id]), {"ends_on": timezone.localdate().isoformat()}
        ).status_code
        == 403
    )
    agreement.refresh_from_db()
    assert agreement.ends_on is None and SharingAgreement.objects.count() == 1


def test_the_list_filters_by_agency_and_status(world: World) -> None:
    today = timezone.localdate()
    make_sharing_agreement(world.council, world.fire, reference="ISA-FIRE-OLD", ends_on=today - timedelta(days=1))
    make_sharing_agreement(
        world.fire,
        world.police,
        reference="ISA-FIRE-NEW",
        starts_on=today + timedelta(days=7),
        review_on=today + timedelta(days=400),
    )
    make_sharing_agreement(world.council, world.charity, reference="ISA-LATE", review_on=today - timedelta(days=3))
    client = signed_in_client(world.practitioner_a)

    def listed(**query: object) -> list[str]:
        response = client.get(reverse("access:agreement_list"), query)
        return [a.reference for a in response.context["agreements"]]

    assert set(listed()) == {"ISA-FIRE-OLD", "ISA-FIRE-NEW", "ISA-LATE", "ISA-WORLD"}
    assert set(listed(agency=world.fire.pk)) == {"ISA-FIRE-OLD", "ISA-FIRE-NEW"}
    assert listed(status="ended") == ["ISA-FIRE-OLD"]
    assert listed(status="draft") == ["ISA-FIRE-NEW"]
    assert listed(status="review_overdue") == ["ISA-LATE"]
    assert listed(status="active") == ["ISA-WORLD"]
    assert listed(agency=world.fire.pk, status="active") == []


def test_dashboard_shows_reviews_falling_due(world: World) -> None:
    today = timezone.localdate()
    make_sharing_agreement(world.council, world.police, reference="ISA-SOON", review_on=today + timedelta(days=20))
    make_sharing_agreement(world.police, world.fire, reference="ISA-LATE", review_on=today - timedelta(days=3))
    make_sharing_agreement(world.council, world.police, reference="ISA-LATER", review_on=today + timedelta(days=45))
    make_sharing_agreement(
        world.council,
        world.police,
        reference="ISA-GONE",
        review_on=today - timedelta(days=3),
        ends_on=today - timedelta(days=1),
    )

    def due_for(user) -> list[str]:  # noqa: ANN001
        response = signed_in_client(user).get(reverse("core:dashboard"))
        assert response.status_code == 200
        return [a.reference for a in response.context["agreements_due"]]

    # Coordinators see every agreement due; others only those their agency has signed.
    assert due_for(world.coordinator) == ["ISA-LATE", "ISA-SOON"]
    assert due_for(world.practitioner_a) == ["ISA-SOON"]
    assert due_for(world.outsider) == ["ISA-LATE"]
    assert due_for(world.idva) == []
    html = signed_in_client(world.coordinator).get(reverse("core:dashboard")).content.decode()
    assert "Sharing agreements due for review" in html and "Review overdue" in html
    idva_html = signed_in_client(world.idva).get(reverse("core:dashboard")).content.decode()
    assert "No sharing agreements are due for review in the next 30 days." in idva_html


def test_the_list_does_not_query_per_agreement(world: World, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client = signed_in_client(world.practitioner_a)
    client.get(reverse("access:agreement_list"))  # warm the session and the actor
    for number in range(5):
        make_sharing_agreement(world.council, world.police, world.fire, reference=f"ISA-Q{number}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("access:agreement_list"))
    assert len(response.context["agreements"]) == 6
