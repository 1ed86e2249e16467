"""Backups of the database and uploaded files, and restoring them.

A backup is one ``.tar.gz`` holding ``database.sqlite3`` (SQLite's online backup API, safe while the
service runs) or ``database.pgdump`` (``pg_dump --format=custom``), every uploaded file under ``media/``,
and ``manifest.json`` with a SHA-256 of each member so a damaged archive is refused before anything is
overwritten.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore are the tools made for the job
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    database_bytes: int
    files: int


def _media_root() -> Path:
    return Path(settings.STORAGES["default"]["OPTIONS"]["location"])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _dump_database(target_dir: Path) -> Path:
    db = settings.DATABASES["default"]
    vendor = connections["default"].vendor
    if vendor == "sqlite":
        target = target_dir / "database.sqlite3"
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return target
    if vendor == "postgresql":
        target = target_dir / "database.pgdump"
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *_pg_args(db)]
        subprocess.run(command, check=True, env=_pg_env(db), capture_output=True)  # noqa: S603
        return target
    raise BackupError(f"Backups are not supported for {vendor}")


def create_backup(out_dir: Path) -> BackupSummary:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    archive_path = out_dir / f"csphub-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        database = _dump_database(Path(work))
        media_root = _media_root()
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "vendor": connections["default"].vendor,
            "database": {"name": database.name, "sha256": _sha256(database)},
            "media": {str(p.relative_to(media_root)): _sha256(p) for p in media_files},
        }
        with tarfile.open(archive_path, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(database, arcname=database.name)
            for path in media_files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root)}")
        os.chmod(archive_path, 0o600)  # it holds everything: keep it as private as the database
        return BackupSummary(archive_path, database.stat().st_size, len(media_files))


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        if not (member.isfile() or member.isdir()) or member.name.startswith("/") or ".." in Path(member.name).parts:
            raise BackupError(f"Refusing unexpected archive member {member.name!r}")
    return members


def _verify(work: Path, manifest: dict) -> None:
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("This backup was made by an incompatible version of csphub")
    database = work / manifest["database"]["name"]
    if _sha256(database) != manifest["database"]["sha256"]:
        raise BackupError("The database in the backup is damaged (checksum mismatch)")
    for name, digest in manifest["media"].items():
        if _sha256(work / "media" / name) != digest:
            raise BackupError(f"A file in the backup is damaged: media/{name}")


def _restore_database(dump: Path, vendor: str) -> None:
    db = settings.DATABASES["default"]
    if vendor != connections["default"].vendor:
        raise BackupError(f"This is a {vendor} backup; the configured database is {connections['default'].vendor}")
    connections.close_all()
    if vendor == "sqlite":
        source = sqlite3.connect(dump)
        target = sqlite3.connect(db["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()
        return
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *_pg_args(db),
               str(dump)]
    subprocess.run(command, check=True, env=_pg_env(db), capture_output=True)  # noqa: S603


def restore_backup(archive_path: Path) -> dict:
    """Replace the database and uploaded files with the backup's. Verifies the archive first."""
    with tempfile.TemporaryDirectory() as temp, tarfile.open(archive_path, "r:gz") as archive:
        work = Path(temp)
        archive.extractall(work, members=_safe_members(archive), filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        _verify(work, manifest)
        _restore_database(work / manifest["database"]["name"], manifest["vendor"])
        media_root = _media_root()
        if media_root.exists():
            shutil.rmtree(media_root)
        if (work / "media").exists():
            shutil.copytree(work / "media", media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
        return manifest
