"""``csphub sar export --person ID [--request REF] [--out DIR]``: write a subject access export to files."""

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.core.management.base import BaseCommand, CommandError

from core.models import Person
from rights.actions import do_write_subject_access_files
from rights.models import SubjectAccessRequest


@dataclass(frozen=True)
class ConsoleActor:
    """Who the audit trail records for an export run from the console (audit.log.AuditActor)."""

    label: str

    @property
    def audit_user_id(self) -> None:
        return None

    @property
    def audit_label(self) -> str:
        return self.label

    @property
    def audit_agency(self) -> tuple[None, str]:
        return None, ""


class Command(BaseCommand):
    help = (
        "Subject access. `sar export --person ID` writes sar-<request or person id>-<date>.json and .pdf: "
        "everything csphub holds about the person, with information about others marked for review."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("operation", choices=["export"])
        parser.add_argument("--person", required=True, help="The person's id, or their reference (a UUID)")
        parser.add_argument("--request", default="", help="The subject access request's reference, if any")
        parser.add_argument("--out", default=".", help="The folder to write to (created if missing)")

    def handle(self, *args, operation: str, person: str, request: str, out: str, **options) -> None:  # noqa: ANN002, ANN003
        subject = self._person(person)
        sar = None
        if request:
            sar = SubjectAccessRequest.objects.filter(reference=request, person=subject).first()
            if sar is None:
                raise CommandError("No subject access request with that reference for this person")
        paths = do_write_subject_access_files(
            person=subject, out_dir=Path(out), request=sar, acting=ConsoleActor("console: csphub sar export")
        )
        for path in paths:
            self.stdout.write(str(path))

    @staticmethod
    def _person(key: str) -> Person:
        lookup = {"pk": int(key)} if key.isdigit() else {"public_id": _uuid(key)}
        found = Person.objects.filter(**lookup).first()
        if found is None:
            raise CommandError("No person with that id")
        return found


def _uuid(key: str) -> UUID:
    try:
        return UUID(key)
    except ValueError as error:
        raise CommandError("Give the person's id (a number) or reference (a UUID)") from error
