"""`csphub backup` then `csphub restore` gives back every row and every uploaded file, on SQLite and PostgreSQL.

These run the real commands in subprocesses against a database of their own, as an operator would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

SNAPSHOT = """
import hashlib, json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
django.setup()
from django.apps import apps
print(json.dumps({m._meta.label: hashlib.sha256(repr(list(m.objects.order_by("pk").values_list())).encode())
                  .hexdigest() for m in apps.get_models()}))
"""
CHANGE_SOMETHING = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
django.setup()
from core.models import Case, Note
Note.objects.all().delete()
Case.objects.filter(pk=Case.objects.order_by("pk").first().pk).update(title="changed after the backup")
"""
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = f"csphub_backup_roundtrip_{os.getpid()}"


def run(env: dict, *args: str) -> str:
    result = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def csphub(env: dict, *args: str) -> str:
    return run(env, "-m", "csphub.cli", *args)


def environment(tmp_path: Path, database_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSPHUB_", "DATABASE_URL", "PYTEST"))}
    env.update(CSPHUB_VAR_DIR=str(tmp_path / "var"), CSPHUB_MEDIA_ROOT=str(tmp_path / "media"),
               DJANGO_SETTINGS_MODULE="csphub.settings", CSPHUB_DEMO="1")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def round_trip(tmp_path: Path, env: dict) -> None:
    csphub(env, "migrate", "-v", "0")
    csphub(env, "seed_demo", "--cases", "6", "--incidents", "10")
    media = tmp_path / "media"
    (media / "attachments" / "1").mkdir(parents=True)
    (media / "attachments" / "1" / "statement").write_bytes(b"%PDF-1.4 a witness statement\x00\xff")
    (media / "attachments" / "1" / "photo").write_bytes(bytes(range(256)) * 40)
    before_rows = json.loads(run(env, "-c", SNAPSHOT))
    before_files = files_under(media)

    out = csphub(env, "backup", "--out", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("csphub-backup-*.tar.gz"))
    assert str(archive) in out and oct(archive.stat().st_mode & 0o777) == "0o600"

    run(env, "-c", CHANGE_SOMETHING)
    (media / "attachments" / "1" / "photo").unlink()
    (media / "stray").write_bytes(b"added after the backup")
    assert json.loads(run(env, "-c", SNAPSHOT)) != before_rows

    csphub(env, "restore", str(archive), "--yes")

    assert json.loads(run(env, "-c", SNAPSHOT)) == before_rows
    assert files_under(media) == before_files
    assert "intact" in csphub(env, "audit", "verify")


def test_sqlite_round_trip_restores_every_row_and_file(tmp_path: Path) -> None:
    round_trip(tmp_path, environment(tmp_path, None))


def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path: Path) -> None:
    env = environment(tmp_path, None)
    csphub(env, "migrate", "-v", "0")
    csphub(env, "backup", "--out", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("*.tar.gz"))
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    result = subprocess.run([sys.executable, "-m", "csphub.cli", "restore", str(archive), "--yes"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0


@pytest.mark.postgres
def test_postgresql_round_trip_restores_every_row_and_file(tmp_path: Path) -> None:
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("needs PostgreSQL on 127.0.0.1:5432 (trust auth), as CI provides")
    with admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        admin.execute(f"CREATE DATABASE {PG_DATABASE}")
    try:
        round_trip(tmp_path, environment(tmp_path, f"{PG_SERVER}/{PG_DATABASE}"))
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
