from django.core.management.base import BaseCommand, CommandError

from audit.chain import verify_chain
from audit.models import AuditEvent


class Command(BaseCommand):
    help = "Work with the audit trail. `audit verify` checks the hash chain and exits non-zero if broken."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("operation", choices=["verify"])

    def handle(self, *args, operation: str, **options) -> None:  # noqa: ANN002, ANN003
        problem = verify_chain()
        if problem is not None:
            raise CommandError(f"Audit chain broken at {problem}")
        count = AuditEvent.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {count} events checked."))
