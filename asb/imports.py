"""CSV import of ASB incidents from a partner's export: a column mapping, then each row checked by the same form as
the staff page, with a per-row error report. Nothing is saved unless every row is good, or the officer asks to
import only the good rows."""

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from access.policy import Actor
from asb.actions.incidents import do_record_asb_incident
from asb.forms.incidents import AsbIncidentForm
from asb.models import AsbType
from core.models import IncidentCategory

# Target field → the column name a partner export usually has (the default mapping).
TARGETS: dict[str, str] = {
    "occurred_at": "date", "category": "category", "asb_type": "type", "description": "description",
    "location_text": "location", "external_reference": "reference", "given_name": "victim first name",
    "family_name": "victim last name", "date_of_birth": "victim date of birth", "victim_address": "address",
    "victim_postcode": "postcode", "perpetrator_description": "perpetrator",
}
REQUIRED_TARGETS = ("occurred_at", "category", "asb_type", "description")
_CATEGORY_WORDS = {"personal": IncidentCategory.ASB_PERSONAL, "nuisance": IncidentCategory.ASB_NUISANCE,
                   "environmental": IncidentCategory.ASB_ENVIRONMENTAL}
MAX_ROWS = 5000


@dataclass
class RowResult:
    line: int
    errors: list[str] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)


def _category(text: str) -> str:
    word = text.strip().lower().replace("asb_", "").replace("antisocial behaviour – ", "")
    return _CATEGORY_WORDS.get(word, text.strip())


def _asb_type(text: str) -> str:
    lowered = text.strip().lower()
    for value, label in AsbType.choices:
        if lowered in (value, str(label).lower()):
            return value
    return text.strip()


def read_rows(text: str, mapping: dict[str, str]) -> tuple[list[RowResult], list[str]]:
    """Check every row; returns the results and any problem with the file itself (missing columns)."""
    reader = csv.DictReader(io.StringIO(text))
    headers = {h.strip().lower(): h for h in reader.fieldnames or []}
    missing = [f"No column called “{mapping[t]}”" for t in REQUIRED_TARGETS
               if mapping[t].strip().lower() not in headers]
    if missing:
        return [], missing
    results = []
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            return results, [f"The file has more than {MAX_ROWS} rows; split it into smaller files"]
        data = {target: (row.get(headers.get(column.strip().lower(), ""), "") or "").strip()
                for target, column in mapping.items()}
        data["category"] = _category(data["category"])
        data["asb_type"] = _asb_type(data["asb_type"])
        form = AsbIncidentForm(data)
        result = RowResult(line)
        if form.is_valid():
            result.kwargs = form.action_kwargs()
        else:
            result.errors = [f"{form.fields[name].label if name in form.fields else ''}: {message}".lstrip(": ")
                             for name, messages in form.errors.items() for message in messages]
        results.append(result)
    return results, []


@transaction.atomic
def import_rows(results: list[RowResult], *, acting: Actor, agency_id: int) -> int:
    """Save the good rows in one transaction (the caller has decided whether bad rows stop the import)."""
    saved = 0
    for result in results:
        if not result.errors:
            do_record_asb_incident(acting=acting, source_agency_id=agency_id, **result.kwargs)
            saved += 1
    return saved
