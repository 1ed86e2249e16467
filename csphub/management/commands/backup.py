from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csphub.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into one archive (SQLite or PostgreSQL)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--out", default="var/backups", help="Folder to write the archive into")

    def handle(self, *args, out: str, **options) -> None:  # noqa: ANN002, ANN003
        try:
            summary = create_backup(Path(out))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Backup written to {summary.path} (database {summary.database_bytes} bytes, {summary.files} files)"
        ))
