"""Consistent snapshots of the whole database and their restore: SQLite's online backup API, or pg_dump."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}


def backups_dir() -> Path:
    return Path(settings.BASE_DIR) / "var" / "backups"


def _vendor() -> str:
    if connection.vendor not in SUFFIXES:
        raise ValidationError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ValidationError(f"{name} is not installed; install the PostgreSQL client tools.")
    return path


def database_backup(*, path: Path | None = None) -> Path:
    """Write a consistent snapshot while the app keeps running; returns the file written."""
    vendor = _vendor()
    if path is None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        path = backups_dir() / f"claimdesk-{stamp}{SUFFIXES[vendor]}"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        cmd = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial), *_pg_args()]
        result = subprocess.run(cmd, env=_pg_env(), capture_output=True, text=True, check=False)
        if result.returncode:
            partial.unlink(missing_ok=True)
            raise ValidationError(f"pg_dump failed: {result.stderr.strip().splitlines()[-1:]}")
    partial.replace(path)  # only a complete snapshot ever carries the final name
    return path


def database_restore(*, path: Path) -> None:
    """Replace the database's contents with a snapshot made by database_backup."""
    vendor = _vendor()
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"No backup file at {path}.")
    if path.suffix != SUFFIXES[vendor]:
        raise ValidationError(f"{path.name} is not a {vendor} backup (expected a {SUFFIXES[vendor]} file).")
    if vendor == "sqlite":
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            source.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise ValidationError(f"{path.name} is not a readable SQLite backup ({error}).") from None
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    connection.close()
    cmd = [
        _pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        *_pg_args(),
        str(path),
    ]
    result = subprocess.run(cmd, env=_pg_env(), capture_output=True, text=True, check=False)
    if result.returncode:
        raise ValidationError(f"pg_restore failed: {result.stderr.strip().splitlines()[-1:]}")
