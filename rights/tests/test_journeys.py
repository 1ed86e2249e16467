"""A coordinator records and actions subject rights requests: every form with bad input, every action audited."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEvent
from conftest import World, signed_in_client
from core.models import Person
from retention.anonymise import is_anonymised
from rights.models import ErasureRequest, RectificationRequest, RequestStatus, SubjectAccessRequest
from rights.tests.conftest import Subject


def events_since(sequence: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(sequence__gt=sequence).order_by("sequence"))


def last_sequence() -> int:
    return AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


def assert_error(response, message: str) -> None:  # noqa: ANN001
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and message in page, page[:200]


@pytest.fixture
def client(world: World):  # noqa: ANN201
    return signed_in_client(world.coordinator)


def test_finding_a_person_is_a_post_audited_without_names(client, subject: Subject) -> None:  # noqa: ANN001
    before = last_sequence()
    page = client.post(reverse("rights:find_person"), {"given_name": "dana", "family_name": "EXAMPLE"})
    assert reverse("rights:person", args=[subject.person.public_id]) in page.content.decode()
    assert subject.da_case.reference in page.content.decode()
    [event] = events_since(before)
    assert event.action == AuditAction.SEARCH and event.reason == "subject rights person search: 1 found"
    narrowed = client.post(
        reverse("rights:find_person"), {"given_name": "Dana", "family_name": "Example", "date_of_birth": "1990-01-01"}
    )
    assert "Nobody with those details is held." in narrowed.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"given_name": "", "family_name": "Example"}, "Enter the person&#x27;s first name"),
        ({"given_name": "Dana", "family_name": ""}, "Enter the person&#x27;s last name"),
        ({"given_name": "Dana", "family_name": "Example", "date_of_birth": "31/02/1990"}, "Enter a real date"),
    ],
)
def test_the_person_search_with_bad_input(client, subject: Subject, data: dict, message: str) -> None:  # noqa: ANN001
    before = last_sequence()
    assert_error(client.post(reverse("rights:find_person"), data), message)
    assert events_since(before) == []


def test_a_subject_access_request_from_record_to_response(client, subject: Subject) -> None:  # noqa: ANN001
    person = subject.person
    response = client.post(
        reverse("rights:new_request", args=[person.public_id, "access"]), {"received_on": "2026-01-31"}
    )
    sar = SubjectAccessRequest.objects.get(person=person)
    assert response.status_code == 302 and response["Location"] == reverse(
        "rights:access_request", args=[sar.public_id]
    )
    assert sar.reference.startswith("SAR-2026-") and sar.due_on == date(2026, 2, 28)
    register = client.get(reverse("rights:register")).content.decode()
    assert sar.reference in register and "Overdue" in register

    client.post(reverse("rights:extend_access_request", args=[sar.public_id]), {"reason": "Records in six apps"})
    sar.refresh_from_db()
    assert sar.extended and sar.due_on == date(2026, 4, 30)

    before = last_sequence()
    download = client.get(reverse("rights:download_export", args=[sar.public_id, "json"]))
    assert download["Content-Disposition"] == (
        f'attachment; filename="sar-{sar.reference}-{timezone.localdate().isoformat()}.json"'
    )
    assert json.loads(download.content)["request"]["reference"] == sar.reference
    pdf = client.get(reverse("rights:download_export", args=[sar.public_id, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert [(e.action, e.object_type, e.object_id, e.reason) for e in events_since(before)] == [
        (
            AuditAction.EXPORT,
            "core.person",
            str(person.pk),
            f"subject access export (json) for request {sar.reference}",
        ),
        (AuditAction.EXPORT, "core.person", str(person.pk), f"subject access export (pdf) for request {sar.reference}"),
    ]

    client.post(reverse("rights:complete_access_request", args=[sar.public_id]), {"completed_on": "2026-03-02"})
    sar.refresh_from_db()
    assert sar.status == RequestStatus.COMPLETE and sar.completed_on == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("url_name", "data", "message"),
    [
        ("access", {"received_on": ""}, "Enter the date the request was received"),
        ("access", {"received_on": "2026-02-30"}, "Enter a real date"),
        ("access", {"received_on": "FUTURE"}, "The date cannot be in the future"),
        (
            "rectification",
            {
                "received_on": "2026-01-05",
                "field": "email",
                "what_is_wrong": "Old address",
                "corrected_value": "not an email",
            },
            "Enter a valid value for this detail",
        ),
        (
            "rectification",
            {
                "received_on": "2026-01-05",
                "field": "date_of_birth",
                "what_is_wrong": "Wrong year",
                "corrected_value": "31 Feb 1991",
            },
            "Enter a valid value for this detail",
        ),
        (
            "rectification",
            {"received_on": "2026-01-05", "field": "given_name", "what_is_wrong": "Misspelt", "corrected_value": ""},
            "Enter what the detail should be",
        ),
        (
            "rectification",
            {"received_on": "2026-01-05", "field": "", "what_is_wrong": "x", "corrected_value": "y"},
            "Select which detail is wrong",
        ),
        ("erasure", {"received_on": "2026-01-05", "grounds": ""}, "Enter why the person asks for erasure"),
    ],
)
def test_recording_a_request_with_bad_input_saves_nothing(
    client,
    subject: Subject,
    url_name: str,
    data: dict,  # noqa: ANN001
    message: str,
) -> None:
    if data.get("received_on") == "FUTURE":
        data = {"received_on": (timezone.localdate() + timedelta(days=1)).isoformat()}
    before = last_sequence()
    assert_error(client.post(reverse("rights:new_request", args=[subject.person.public_id, url_name]), data), message)
    assert not SubjectAccessRequest.objects.exists() and not RectificationRequest.objects.exists()
    assert not ErasureRequest.objects.exists() and events_since(before) == []


def test_extending_and_completing_with_bad_input(client, subject: Subject) -> None:  # noqa: ANN001
    client.post(reverse("rights:new_request", args=[subject.person.public_id, "access"]), {"received_on": "2026-01-31"})
    sar = SubjectAccessRequest.objects.get()
    assert_error(
        client.post(reverse("rights:extend_access_request", args=[sar.public_id]), {"reason": ""}),
        "Enter why more time is needed",
    )
    assert_error(
        client.post(reverse("rights:complete_access_request", args=[sar.public_id]), {"completed_on": "2026-01-30"}),
        "The response cannot be sent before the request was received",
    )
    sar.refresh_from_db()
    assert not sar.extended and sar.due_on == date(2026, 2, 28) and sar.status == RequestStatus.OPEN


def test_a_rectification_changes_the_field_audits_and_keeps_the_old_value_out_of_the_log(
    client, subject: Subject
) -> None:  # noqa: ANN001
    person = subject.person
    client.post(
        reverse("rights:new_request", args=[person.public_id, "rectification"]),
        {
            "received_on": "2026-01-05",
            "field": "date_of_birth",
            "what_is_wrong": "Wrong year",
            "corrected_value": "1992-01-31",
        },
    )
    rect = RectificationRequest.objects.get()
    assert_error(
        client.post(reverse("rights:rectify", args=[rect.public_id]), {}), "Confirm you have checked the request"
    )
    person.refresh_from_db()
    assert person.date_of_birth == date(1991, 1, 31)

    before = last_sequence()
    response = client.post(reverse("rights:rectify", args=[rect.public_id]), {"confirmed": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    rect.refresh_from_db()
    assert person.date_of_birth == date(1992, 1, 31)
    assert rect.status == RequestStatus.COMPLETE and rect.completed_on == timezone.localdate()
    events = events_since(before)
    assert [(e.action, e.object_type, e.reason) for e in events] == [
        (AuditAction.UPDATE, "core.person", f"rectified under request {rect.reference}: date_of_birth"),
        (AuditAction.UPDATE, "rights.rectificationrequest", "correction made"),
    ]
    logged = " ".join(e.reason for e in events)
    assert "1991" not in logged and "1992" not in logged
    again = client.post(reverse("rights:rectify", args=[rect.public_id]), {"confirmed": "on"})
    assert_error(again, "This request is already complete")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"decision": "", "decided_on": "2026-01-06"}, "Select whether the request is granted"),
        (
            {"decision": "refused", "refusal_ground": "", "reason": "Kept", "decided_on": "2026-01-06"},
            "Select the ground for refusing the request",
        ),
        (
            {"decision": "refused", "refusal_ground": "legal_hold", "reason": "", "decided_on": "2026-01-06"},
            "Explain why the request is refused: the person must be told",
        ),
        (
            {"decision": "granted", "refusal_ground": "legal_hold", "decided_on": "2026-01-06"},
            "A granted request has no ground for refusal",
        ),
        ({"decision": "granted", "decided_on": ""}, "Enter the date of decision"),
    ],
)
def test_deciding_an_erasure_with_bad_input_decides_nothing(
    client,
    subject: Subject,
    data: dict,  # noqa: ANN001
    message: str,
) -> None:
    client.post(
        reverse("rights:new_request", args=[subject.person.public_id, "erasure"]),
        {"received_on": "2026-01-05", "grounds": "I moved away"},
    )
    erasure = ErasureRequest.objects.get()
    assert_error(client.post(reverse("rights:assess_erasure", args=[erasure.public_id]), data), message)
    erasure.refresh_from_db()
    assert erasure.decision == "" and erasure.status == RequestStatus.OPEN


def test_a_refused_erasure_is_complete_and_erases_nothing(client, subject: Subject) -> None:  # noqa: ANN001
    client.post(
        reverse("rights:new_request", args=[subject.person.public_id, "erasure"]),
        {"received_on": "2026-01-05", "grounds": "I moved away"},
    )
    erasure = ErasureRequest.objects.get()
    before = last_sequence()
    client.post(
        reverse("rights:assess_erasure", args=[erasure.public_id]),
        {
            "decision": "refused",
            "refusal_ground": "statutory_function",
            "decided_on": "2026-01-20",
            "reason": "MARAC records are kept for the statutory period",
        },
    )
    erasure.refresh_from_db()
    assert erasure.status == RequestStatus.COMPLETE and erasure.refusal_ground == "statutory_function"
    assert [(e.action, e.reason) for e in events_since(before)] == [
        (AuditAction.UPDATE, "erasure refused: statutory_function")
    ]
    assert client.get(reverse("rights:erase", args=[erasure.public_id])).status_code == 200
    assert_error(
        client.post(reverse("rights:erase", args=[erasure.public_id]), {"confirmed": "on"}),
        "Only a granted request can be carried out, and only once",
    )
    assert Person.objects.get(pk=subject.person.pk).family_name == "Example"


def test_a_granted_erasure_anonymises_the_person_through_retention_and_audits(client, subject: Subject) -> None:  # noqa: ANN001
    person = subject.person
    client.post(
        reverse("rights:new_request", args=[person.public_id, "rectification"]),
        {
            "received_on": "2026-01-05",
            "field": "phone",
            "what_is_wrong": "Old number",
            "corrected_value": "07700 900111",
        },
    )
    client.post(
        reverse("rights:new_request", args=[person.public_id, "erasure"]),
        {"received_on": "2026-01-05", "grounds": "I moved away"},
    )
    erasure = ErasureRequest.objects.get()
    client.post(
        reverse("rights:assess_erasure", args=[erasure.public_id]), {"decision": "granted", "decided_on": "2026-01-20"}
    )
    assert_error(
        client.post(reverse("rights:erase", args=[erasure.public_id]), {}), "Confirm you have checked the request"
    )
    assert not is_anonymised(Person.objects.get(pk=person.pk))

    before = last_sequence()
    assert client.post(reverse("rights:erase", args=[erasure.public_id]), {"confirmed": "on"}).status_code == 302
    person.refresh_from_db()
    erasure.refresh_from_db()
    assert is_anonymised(person) and person.email == "" and person.date_of_birth is None
    assert erasure.status == RequestStatus.COMPLETE and erasure.grounds == ""
    assert RectificationRequest.objects.get().corrected_value == ""
    assert [(e.action, e.object_type, e.reason) for e in events_since(before)] == [
        (AuditAction.DELETE, "core.person", f"anonymised under erasure request {erasure.reference}"),
        (AuditAction.UPDATE, "rights.erasurerequest", "erasure carried out"),
    ]
