from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csphub.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database and uploaded files from a `csphub backup` archive. Replaces what is there."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("archive", help="The .tar.gz written by `csphub backup`")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, archive: str, yes: bool, **options) -> None:  # noqa: ANN002, ANN003
        question = "This replaces the database and all uploaded files. Type 'restore' to go on: "
        if not yes and input(question) != "restore":
            raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Restored the backup made at {manifest['created_at']} ({len(manifest['media'])} files). "
            "Run `csphub audit verify` to check the audit chain."
        ))
