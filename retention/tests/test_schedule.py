"""The schedule deletes and anonymises each record type, keeps the figures, respects holds and notice,
and writes one audit event for everything it removes."""

import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from access.models import SharingBasis
from access.policy import actor_for_user
from audit.chain import verify_chain
from audit.models import AuditAction, AuditEvent
from conftest import World
from core.models import Attachment, Case, Incident, Note, Person
from hate_crime.models import HateReport
from retention.actions import do_lift_legal_hold, do_place_legal_hold
from retention.anonymise import ANONYMISED_PERSON, anonymise_person
from retention.models import AnonymisedRecord, RetentionPlan, RetentionRun
from retention.schedule import plan_for, run_schedule
from retention.tasks import apply_retention_schedule
from retention.tests.conftest import attachment_of, rule

pytestmark = pytest.mark.usefixtures("no_default_rules")


def removal_events(action: str) -> list[tuple[str, str, str]]:
    return list(
        AuditEvent.objects.filter(action=action, actor_label="retention schedule").values_list(
            "object_type", "object_id", "reason"
        )
    )


@pytest.mark.usefixtures("no_notice")
def test_a_closed_case_is_deleted_with_its_file_notes_and_people(world: World, closed_case: Case) -> None:
    file_path = attachment_of(closed_case).file.path
    person = closed_case.participants.get().person
    made = rule("case.asb", "closure", "delete")
    run = run_schedule()
    assert not Case.objects.filter(pk=closed_case.pk).exists()
    assert not Note.objects.filter(case_id=closed_case.pk).exists()
    assert not Attachment.objects.filter(case_id=closed_case.pk).exists() and not os.path.exists(file_path)
    # Alex was in no other case: deleted, and unlinked from the incident, which stays for its own rule.
    assert not Person.objects.filter(pk=person.pk).exists()
    assert Incident.objects.filter(description__startswith="Shouting").get().people.count() == 0
    assert removal_events(AuditAction.DELETE) == [
        ("core.case", str(closed_case.pk), f"retention rule {made.pk}: delete")
    ]
    assert run.counts["case.asb"]["deleted"] == 1
    assert Case.objects.filter(pk=world.case_b.pk).exists()  # open cases are never candidates
    assert verify_chain() is None


@pytest.mark.usefixtures("no_notice")
def test_an_anonymised_case_still_counts_in_its_kind_and_status(world: World, closed_case: Case) -> None:
    before = Case.objects.filter(kind="asb", status="closed").count()
    person = closed_case.participants.get().person
    SharingBasis.objects.filter(person=person).update(explanation="Alex agreed on the phone")
    made = rule("case.asb", "closure", "anonymise")
    run_schedule()
    closed_case.refresh_from_db()
    assert Case.objects.filter(kind="asb", status="closed").count() == before
    assert (closed_case.kind, closed_case.status, closed_case.lead_agency, closed_case.opened_on) == (
        "asb",
        "closed",
        world.council,
        world.case_a.opened_on,
    )
    assert closed_case.title == "Anonymised case" and not closed_case.notes.exists()
    assert not closed_case.attachments.exists()
    person.refresh_from_db()
    assert closed_case.participants.get().person == person and person.given_name == ANONYMISED_PERSON
    assert not SharingBasis.objects.filter(person=person).exclude(explanation="").exists()
    assert removal_events(AuditAction.ANONYMISE) == [
        ("core.case", str(closed_case.pk), f"retention rule {made.pk}: anonymise")
    ]
    run_schedule()  # anonymised once: not again, and not audited again
    assert len(removal_events(AuditAction.ANONYMISE)) == 1


@pytest.mark.usefixtures("no_notice")
def test_a_person_in_another_case_is_unlinked_not_anonymised(world: World, closed_case: Case) -> None:
    person = closed_case.participants.get().person
    world.case_b.participants.create(person=person, role="witness")
    rule("case.asb", "closure", "anonymise")
    run_schedule()
    person.refresh_from_db()
    assert person.given_name == "Alex" and not closed_case.participants.exists()


@pytest.mark.usefixtures("no_notice")
def test_incidents_are_anonymised_keeping_category_time_and_area(closed_case: Case) -> None:
    incident = closed_case.incidents.get()
    rule("core.incident", "submission", "anonymise")
    run_schedule()
    incident.refresh_from_db()
    assert incident.description == "" and incident.location_text == "" and not incident.people.exists()
    assert (incident.category, str(incident.latitude), str(incident.longitude)) == (
        "asb_personal",
        "54.640000",
        "-3.540000",
    )
    assert list(incident.cases.all()) == [closed_case]


@pytest.mark.usefixtures("no_notice")
def test_incidents_are_deleted_and_those_of_open_cases_kept(world: World, closed_case: Case) -> None:
    incident = closed_case.incidents.get()
    Case.objects.filter(pk=closed_case.pk).update(status="open")
    rule("core.incident", "submission", "delete")
    run_schedule()
    assert Incident.objects.filter(pk=incident.pk).exists()
    Case.objects.filter(pk=closed_case.pk).update(status="closed")
    run_schedule()
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert removal_events(AuditAction.DELETE) == [
        ("core.incident", str(incident.pk), removal_events(AuditAction.DELETE)[0][2])
    ]


@pytest.mark.usefixtures("no_notice")
def test_attachments_are_deleted_with_their_files(closed_case: Case) -> None:
    attachment = attachment_of(closed_case)
    path = attachment.file.path
    rule("core.attachment", "closure", "delete")
    run_schedule()
    assert not Attachment.objects.filter(pk=attachment.pk).exists() and not os.path.exists(path)
    assert Case.objects.filter(pk=closed_case.pk).exists()
    assert [event[:2] for event in removal_events(AuditAction.DELETE)] == [("core.attachment", str(attachment.pk))]


PUBLIC_TRIGGERS = {
    "hate_crime.hatereport": "closure",
    "asb.casereviewapplication": "closure",
    "vawg.unsafeplacereport": "submission",
    "domestic_abuse.selfreferral": "submission",
}


@pytest.mark.usefixtures("no_notice")
@pytest.mark.parametrize("record_type", sorted(PUBLIC_TRIGGERS))
def test_each_public_report_is_deleted(record_type: str, public_reports: dict) -> None:
    record = public_reports[record_type]
    rule(record_type, PUBLIC_TRIGGERS[record_type], "delete")
    run_schedule()
    assert not type(record).objects.filter(pk=record.pk).exists()
    assert [event[:2] for event in removal_events(AuditAction.DELETE)] == [(record._meta.label_lower, str(record.pk))]
    others = [r for code, r in public_reports.items() if code != record_type]
    assert all(type(other).objects.filter(pk=other.pk).exists() for other in others)


# What anonymising must remove, and what it must keep for the figures.
ANONYMISED = {
    "hate_crime.hatereport": (
        {"name": "", "email": "", "postcode": "", "what_happened": "Anonymised"},
        {"strands": ["race"], "locality": "CA14", "status": "closed", "classification": "crime"},
    ),
    "asb.casereviewapplication": (
        {
            "applicant_name": "Anonymised",
            "applicant_email": "",
            "impact": "",
            "behaviour": "Anonymised",
            "postcode": "CA14",
        },
        {"status": "outcome_sent"},
    ),
    "vawg.unsafeplacereport": (
        {"place_text": "", "details": "", "latitude": 54.64, "longitude": -3.54},
        {"reasons": ["poor_lighting"], "time_of_day": "night"},
    ),
    "domestic_abuse.selfreferral": ({"name": "", "contact_detail": "", "message": ""}, {"contact_method": "phone"}),
}


@pytest.mark.usefixtures("no_notice")
@pytest.mark.parametrize("record_type", sorted(PUBLIC_TRIGGERS))
def test_each_public_report_is_anonymised_keeping_its_figures(record_type: str, public_reports: dict) -> None:
    record = public_reports[record_type]
    rule(record_type, PUBLIC_TRIGGERS[record_type], "anonymise")
    run_schedule()
    record.refresh_from_db()
    removed, kept = ANONYMISED[record_type]
    assert {name: getattr(record, name) for name in removed} == removed
    assert {name: getattr(record, name) for name in kept} == kept
    assert AnonymisedRecord.objects.filter(record_type=record_type, object_id=record.pk).exists()
    assert [event[:2] for event in removal_events(AuditAction.ANONYMISE)] == [
        (record._meta.label_lower, str(record.pk))
    ]


@pytest.mark.usefixtures("no_notice")
def test_a_legal_hold_on_a_case_stops_the_case_its_files_incidents_and_reports(
    world: World, closed_case: Case, public_reports: dict
) -> None:
    hate = public_reports["hate_crime.hatereport"]
    HateReport.objects.filter(pk=hate.pk).update(case=closed_case)
    for code, trigger in (
        ("case.asb", "closure"),
        ("core.attachment", "closure"),
        ("core.incident", "submission"),
        ("hate_crime.hatereport", "closure"),
    ):
        rule(code, trigger, "delete")
    hold = do_place_legal_hold(
        obj=closed_case,
        reason="Civil claim 2026/17",
        label=closed_case.reference,
        acting=actor_for_user(world.coordinator),
    )
    run = run_schedule()
    assert Case.objects.filter(pk=closed_case.pk).exists() and closed_case.attachments.exists()
    assert closed_case.incidents.exists() and HateReport.objects.filter(pk=hate.pk).exists()
    assert removal_events(AuditAction.DELETE) == []
    assert run.counts["case.asb"] == {"due": 0, "held": 1, "deleted": 0, "anonymised": 0, "blocked": 0}
    do_lift_legal_hold(hold=hold, reason="Claim settled", acting=actor_for_user(world.coordinator))
    run_schedule()
    assert not Case.objects.filter(pk=closed_case.pk).exists()
    assert not HateReport.objects.filter(pk=hate.pk).exists()


def test_placing_and_lifting_a_hold_are_audited_without_the_reason(world: World, closed_case: Case) -> None:
    acting = actor_for_user(world.coordinator)
    hold = do_place_legal_hold(
        obj=closed_case, reason="Claim by Alex Victimson", label=closed_case.reference, acting=acting
    )
    do_lift_legal_hold(hold=hold, reason="Settled with Alex", acting=acting)
    events = AuditEvent.objects.filter(object_type="retention.legalhold", object_id=str(hold.pk))
    assert sorted(events.values_list("action", flat=True)) == ["create", "update"]
    assert not any("Alex" in reason for reason in events.values_list("reason", flat=True))


def test_the_dry_run_changes_nothing(world: World, closed_case: Case, public_reports: dict, capsys) -> None:  # noqa: ANN001
    rule("case.asb", "closure", "delete")
    rule("hate_crime.hatereport", "submission", "anonymise")
    counts_before = [
        model.objects.count() for model in (Case, Person, Incident, HateReport, AuditEvent, RetentionPlan, RetentionRun)
    ]
    on = timezone.localdate() + timedelta(days=30)
    assert {line.record_type.code: line.due for line in plan_for(on)} == {"case.asb": 1, "hate_crime.hatereport": 1}
    call_command("retention", "plan", "--on", on.isoformat())
    assert f"2 records fall due on {on.isoformat()}" in capsys.readouterr().out
    assert [
        model.objects.count() for model in (Case, Person, Incident, HateReport, AuditEvent, RetentionPlan, RetentionRun)
    ] == counts_before
    closed_case.refresh_from_db()
    assert closed_case.title == "Noise and intimidation"


def test_nothing_is_removed_until_it_has_been_planned_for_the_notice_period(settings, closed_case: Case) -> None:  # noqa: ANN001
    settings.RETENTION_NOTICE_DAYS = 14
    rule("case.asb", "closure", "delete")
    today = timezone.localdate()
    first = run_schedule(today - timedelta(days=13))
    assert first.counts["case.asb"]["deleted"] == 0 and first.counts["case.asb"]["due"] == 1
    assert run_schedule(today).counts["case.asb"]["deleted"] == 0  # planned only 13 days ago
    assert run_schedule(today + timedelta(days=1)).counts["case.asb"]["deleted"] == 1
    assert not Case.objects.filter(pk=closed_case.pk).exists()


@pytest.mark.usefixtures("no_notice")
def test_the_nightly_task_audits_every_removal_and_records_its_counts(
    world: World, closed_case: Case, public_reports: dict
) -> None:
    rule("case.asb", "closure", "delete")
    rule("core.incident", "submission", "delete")
    for code, trigger in PUBLIC_TRIGGERS.items():
        rule(code, trigger, "anonymise")
    counts = apply_retention_schedule.call()
    deleted, anonymised = removal_events(AuditAction.DELETE), removal_events(AuditAction.ANONYMISE)
    assert sum(row["deleted"] for row in counts.values()) == len(deleted) == 2
    assert sum(row["anonymised"] for row in counts.values()) == len(anonymised) == 4
    assert all(reason.startswith("retention rule ") for _type, _id, reason in deleted + anonymised)
    assert RetentionRun.objects.get().counts == counts
    assert verify_chain() is None


@pytest.mark.usefixtures("no_notice")
def test_old_audit_events_are_pruned_and_the_chain_still_verifies(world: World) -> None:
    rule("audit.auditevent", "submission", "delete", months=84)
    events = AuditEvent.objects.count()
    assert events > 0
    assert run_schedule().counts["audit.auditevent"]["deleted"] == 0  # none is seven years old today
    later = timezone.localdate() + timedelta(days=366 * 7 + 2)
    run = run_schedule(later)
    assert run.counts["audit.auditevent"]["deleted"] == events
    prune = AuditEvent.objects.get(action=AuditAction.PRUNE)
    assert prune.reason.startswith("retention rule ") and f"pruned {events} events" in prune.reason
    assert verify_chain() is None


def test_anonymise_person_blanks_every_personal_field(world: World) -> None:
    person = world.case_a.participants.get().person
    Person.objects.filter(pk=person.pk).update(
        date_of_birth="1980-01-02",
        email="alex@example.test",
        safe_contact="After 6pm",
        vulnerabilities="Anxiety",
        gender="F",
    )
    SharingBasis.objects.filter(person=person).update(explanation="Agreed by phone")
    person.refresh_from_db()
    anonymise_person(person)
    person.refresh_from_db()
    assert person.full_name == ANONYMISED_PERSON
    assert [
        getattr(person, name)
        for name in (
            "other_names",
            "address",
            "postcode",
            "phone",
            "email",
            "safe_contact",
            "vulnerabilities",
            "date_of_birth",
        )
    ] == ["", "", "", "", "", "", "", None]
    assert person.gender == "F" and person.participations.count() == 1
    assert set(SharingBasis.objects.filter(person=person).values_list("explanation", flat=True)) == {""}
    assert not AuditEvent.objects.filter(object_type="core.person", action=AuditAction.ANONYMISE).exists()
