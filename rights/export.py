"""The subject access export: every app's sections about a person, as JSON and as a readable PDF.

Building an export reads personal data but writes nothing; the actions that hand it to someone
(``rights.actions.do_export_subject_access`` and ``do_write_subject_access_files``) audit it.
"""

import json
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from core.models import Person
from rights.models import SubjectAccessRequest
from rights.registry import collect

FORMAT = "csphub-subject-access/1"


def build_export(person: Person, *, request: SubjectAccessRequest | None = None) -> dict[str, Any]:
    """Everything csphub holds about ``person``, with third-party information marked for review."""
    sections = [section.as_json() for section in collect(person)]
    items = [item for section in sections for item in section["items"]]
    return {
        "format": FORMAT,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "person": {"id": person.pk, "public_id": str(person.public_id), "name": person.full_name},
        "request": None
        if request is None
        else {
            "reference": request.reference,
            "received_on": request.received_on.isoformat(),
            "due_on": request.due_on.isoformat(),
        },
        "summary": {
            "sections": len(sections),
            "items": len(items),
            "third_party_items": sum(1 for item in items if item["third_party"]),
        },
        "sections": sections,
    }


def export_name(person: Person, request: SubjectAccessRequest | None, on: date, extension: str) -> str:
    """``sar-<request reference or person id>-<date>.<extension>``: no name, so safe in a file listing."""
    key = request.reference if request is not None else str(person.pk)
    return f"sar-{key}-{on.isoformat()}.{extension}"


def export_json(export: dict[str, Any]) -> bytes:
    return json.dumps(export, indent=2, ensure_ascii=False).encode()


def export_pdf(export: dict[str, Any]) -> bytes:
    """The export as a GOV.UK-styled PDF, each item about another person marked for review."""
    from weasyprint import HTML  # imported here: loading it is slow and most requests never need it

    html = render_to_string("rights/export_pdf.html", {"export": export})
    return HTML(string=html).write_pdf()  # no base URL: the page loads nothing from the network
