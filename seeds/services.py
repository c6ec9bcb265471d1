"""Load the seed articles and demo accounts. Both are idempotent: running them again changes nothing."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from claims.services import IngestResult, article_ingest

SEEDS_DIR = Path(__file__).resolve().parent
DEMO_ACCOUNTS = [
    # username, role group (None: superuser)
    ("admin", None),
    ("annotator1", "annotator"),
    ("annotator2", "annotator"),
    ("reviewer", "reviewer"),
]


def seeds_load(*, directory: Path = SEEDS_DIR) -> list[IngestResult]:
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    results = []
    for entry in manifest["articles"]:
        body = (directory / entry["file"]).read_text(encoding="utf-8")
        results.append(
            article_ingest(
                title=entry["title"], body=body, publisher=entry.get("publisher", ""), url=entry.get("url", "")
            )
        )
    return results


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str
    created: bool


def demo_accounts_file() -> Path:
    return Path(settings.BASE_DIR) / "var" / "demo_accounts.txt"


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the demo users once, with generated passwords kept in var/ (never in the repository)."""
    User = get_user_model()
    path = demo_accounts_file()
    known = {}
    if path.exists():
        for line in path.read_text().splitlines():
            username, _, password = line.partition(" ")
            known[username] = password.strip()
    accounts = []
    for username, role in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            password = secrets.token_urlsafe(12)
            if role is None:
                user = User.objects.create_superuser(username=username, email="", password=password)
            else:
                user = User.objects.create_user(username=username, password=password)
                user.groups.add(Group.objects.get(name=role))
            known[username] = password
        accounts.append(DemoAccount(username, role or "admin", known.get(username, "(see your own records)"), created))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{a.username} {a.password}\n" for a in accounts))
    path.chmod(0o600)
    return accounts
