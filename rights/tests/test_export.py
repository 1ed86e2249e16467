"""The subject access export: the subject's data from every app, other people's marked, and real files."""

import json
import re
import zlib
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from access.policy import actor_for_user
from audit.models import AuditAction, AuditEvent
from conftest import World
from core.models import Person
from rights.actions import do_record_subject_access_request
from rights.export import build_export, export_pdf
from rights.registry import ANOTHER_PERSON, MATCHED_BY_CONTACT, MATCHED_BY_NAME, NAMES_ANOTHER_PERSON
from rights.tests.conftest import Subject


def pdf_text(pdf: bytes) -> str:
    """The text drawn in a PDF written by WeasyPrint, read back through its fonts' ToUnicode maps."""
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            continue
    glyphs: dict[str, str] = {}
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for glyph, char in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                glyphs[glyph.decode().upper()] = bytes.fromhex(char.decode()).decode("utf-16-be")
    shown = []
    for stream in streams:
        for array in re.findall(rb"\[(.*?)\]\s*TJ", stream, re.S):
            shown.append("".join(glyphs.get(g.decode().upper(), "?") for g in re.findall(rb"<([0-9A-Fa-f]+)>", array)))
    return "\n".join(shown) + "\n" + b"\n".join(streams).decode("latin-1")


def section(export: dict, title: str) -> dict:
    return next(s for s in export["sections"] if s["title"] == title)


def items_text(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False)


def test_the_export_holds_the_subjects_data_from_every_app(subject: Subject) -> None:
    export = build_export(subject.person)
    assert export["person"]["id"] == subject.person.pk
    assert {s["source"] for s in export["sections"]} >= {
        "core",
        "access",
        "asb",
        "domestic_abuse",
        "hate_crime",
        "vawg",
        "tension",
        "reviews",
        "rights",
        "audit",
    }
    person = section(export, "Your person record")["items"][0]
    assert {
        "label": "Email address",
        "value": "dana.example@example.test",
        "free_text": False,
        "staff": False,
        "third_party": False,
        "reason": "",
    } in person["entries"]
    assert not person["third_party"]
    expected = {
        "Cases you are part of": subject.da_case.reference,
        "Incidents": "Shouting in the stairwell",
        "Actions on your cases": "Fit a door chain",
        "Files on your cases": "statement.pdf",
        "Consent and the lawful basis for sharing your information": "Agreed at first contact",
        "Antisocial behaviour incidents": "Flat 2, 10 Example Street",
        "ASB victim risk assessments": "Frightened to leave home",
        "Repeat victim flags": "3 incidents in 90 days",
        "ASB Case Review applications": "ACR-2025-00007",
        "Domestic abuse risk assessments (DASH)": "Has the current incident resulted in injury?",
        "MARAC referrals": "Only via the IDVA",
        "Requests for help from the support directory": "Please call after 10am",
        "Hate crime and incident reports": "Slurs shouted at me",
        "Tension reports and rumours that give your name": "naming Dana Example",
        "Who has seen or changed these records": "core.person",
    }
    for title, text in expected.items():
        assert text in items_text(section(export, title)["items"]), title
    assert export["summary"]["items"] == sum(len(s["items"]) for s in export["sections"])


def test_other_peoples_information_is_marked_for_review_never_passed_off_as_the_subjects(subject: Subject) -> None:
    export = build_export(subject.person)
    cases = section(export, "Cases you are part of")["items"]
    others = [i for i in cases if i["record"]["type"] == "core.caseparticipant"]
    assert {e["value"] for i in others for e in i["entries"] if e["label"] == "Name"} == {
        "Lee Otherperson",
        "Sky Example",
    }
    assert all(i["third_party"] and ANOTHER_PERSON in i["review_reasons"] for i in others)

    notes = {i["entries"][-1]["value"]: i for i in section(export, "Notes on your cases")["items"]}
    assert notes["Dana says Otherperson has been sending messages again."]["third_party"]
    assert NAMES_ANOTHER_PERSON in notes["Dana says Otherperson has been sending messages again."]["review_reasons"]
    assert not notes["Safety plan reviewed with Dana."]["third_party"]  # only the subject, and staff

    dash = section(export, "Domestic abuse risk assessments (DASH)")["items"][0]
    assert [e for e in dash["entries"] if e["value"] == "Lee pushed her down stairs"][0]["third_party"]
    clare = section(export, "Work with perpetrators and Clare's Law disclosures")["items"][0]
    assert clare["third_party"] and "Lee Otherperson" in items_text([clare])
    asb = section(export, "Antisocial behaviour incidents")["items"][0]
    perpetrator = [e for e in asb["entries"] if e["label"] == "Alleged perpetrator"][0]
    assert perpetrator == {
        "label": "Alleged perpetrator",
        "value": "Lee Otherperson",
        "free_text": False,
        "staff": False,
        "third_party": True,
        "reason": ANOTHER_PERSON,
    }

    reports = {i["title"]: i for i in section(export, "Hate crime and incident reports")["items"]}
    neighbour = reports["Hate report HC-R-0002"]
    assert [e for e in neighbour["entries"] if e["label"] == "Name given"][0]["third_party"]
    assert reports["Hate report HC-R-0001"]["review_reasons"] == [MATCHED_BY_CONTACT]
    tension = section(export, "Tension reports and rumours that give your name")["items"][0]
    assert tension["review_reasons"] == [MATCHED_BY_NAME]
    assert export["summary"]["third_party_items"] >= 6


def test_staff_names_are_marked_only_when_the_partnerships_policy_says(subject: Subject, settings) -> None:  # noqa: ANN001
    def lead_officer(export: dict) -> dict:
        case = section(export, "Cases you are part of")["items"][0]
        return [e for e in case["entries"] if e["label"] == "Lead officer"][0]

    settings.SAR_REVIEW_STAFF_NAMES = False
    assert lead_officer(build_export(subject.person)) == {
        "label": "Lead officer",
        "value": "Idva",
        "free_text": False,
        "staff": True,
        "third_party": False,
        "reason": "",
    }
    settings.SAR_REVIEW_STAFF_NAMES = True
    assert lead_officer(build_export(subject.person))["third_party"]


def test_a_childs_export_has_their_school_and_encompass_notices(subject: Subject) -> None:
    export = build_export(subject.child)
    encompass = items_text(section(export, "Operation Encompass (school notices)")["items"])
    assert "Example Primary" in encompass and "Sent, waiting for the school" in encompass


def test_a_young_persons_export_has_their_channel_referral(subject: Subject) -> None:
    export = build_export(subject.young_person)
    assert "Watching extremist videos" in items_text(section(export, "Channel vulnerability assessments")["items"])
    assert section(export, "Channel and Prevent referrals")["items"][0]["title"].startswith("Channel referral CHAN-")


def test_a_person_with_no_records_gives_an_empty_but_valid_export(db) -> None:  # noqa: ANN001
    person = Person.objects.create(given_name="Nobody", family_name="Known")
    export = json.loads(json.dumps(build_export(person)))
    assert export["format"] == "csphub-subject-access/1"
    assert [s["title"] for s in export["sections"] if s["items"]] == ["Your person record"]
    assert export["summary"] == {"sections": len(export["sections"]), "items": 1, "third_party_items": 0}
    assert section(export, "Unsafe place reports")["note"].startswith("Unsafe place reports are anonymous")
    assert export_pdf(export).startswith(b"%PDF")


def test_the_pdf_is_a_real_pdf_with_the_reference_and_the_review_marker(subject: Subject, world: World) -> None:
    sar = do_record_subject_access_request(
        person=subject.person, received_on=date(2026, 1, 31), acting=actor_for_user(world.coordinator)
    )
    pdf = export_pdf(build_export(subject.person, request=sar))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf)
    assert sar.reference in text and str(subject.person.public_id) in text
    assert "Review before release: about another person" in text
    assert "Lee Otherperson" in text


def test_the_console_command_writes_json_and_pdf_and_audits_once(subject: Subject, tmp_path: Path) -> None:
    before = AuditEvent.objects.count()
    call_command("sar", "export", "--person", str(subject.person.pk), "--out", str(tmp_path))
    today = timezone.localdate().isoformat()
    json_file, pdf_file = (
        tmp_path / f"sar-{subject.person.pk}-{today}.json",
        tmp_path / f"sar-{subject.person.pk}-{today}.pdf",
    )
    assert json.loads(json_file.read_text())["person"]["public_id"] == str(subject.person.public_id)
    assert pdf_file.read_bytes().startswith(b"%PDF")
    assert oct(pdf_file.stat().st_mode & 0o777) == "0o600"
    events = list(AuditEvent.objects.order_by("sequence")[before:])
    assert [(e.action, e.object_type, e.object_id) for e in events] == [
        (AuditAction.EXPORT, "core.person", str(subject.person.pk))
    ]
    assert "Dana" not in events[0].reason and "Example" not in events[0].reason


def test_the_console_command_names_files_by_the_request_and_refuses_unknown_people(
    subject: Subject, world: World, tmp_path: Path
) -> None:
    from django.core.management.base import CommandError

    sar = do_record_subject_access_request(
        person=subject.person, received_on=date(2026, 2, 2), acting=actor_for_user(world.coordinator)
    )
    call_command(
        "sar", "export", "--person", str(subject.person.public_id), "--request", sar.reference, "--out", str(tmp_path)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"sar-{sar.reference}-{timezone.localdate().isoformat()}.json",
        f"sar-{sar.reference}-{timezone.localdate().isoformat()}.pdf",
    ]
    with pytest.raises(CommandError, match="No person"):
        call_command("sar", "export", "--person", "999999", "--out", str(tmp_path))
