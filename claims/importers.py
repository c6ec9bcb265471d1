"""Read article files (.txt, .jsonl) into plain records. No database here: the ingest service stores them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import make_aware

SUPPORTED_SUFFIXES = (".txt", ".jsonl")


class ImportFileError(Exception):
    """One file or line that cannot be read; the message is shown to the user as the reason."""


@dataclass
class ArticleRecord:
    label: str  # where it came from: "path.txt" or "path.jsonl:12"
    body: str
    title: str = ""
    url: str = ""
    publisher: str = ""
    published_at: datetime | None = None
    extra: dict = field(default_factory=dict)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the .txt/.jsonl files inside given directories (sorted, recursively)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(path)
    return files


def read_text_file(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read the file ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"not valid UTF-8 (byte {error.start})") from None
    return text.removeprefix("\ufeff")


def parse_published_at(value) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ImportFileError("published_at must be an ISO 8601 date or date-time string")
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is None:
            raise ImportFileError(f"published_at {value!r} is not an ISO 8601 date or date-time")
        parsed = datetime(day.year, day.month, day.day)
    return parsed if parsed.tzinfo else make_aware(parsed)


def record_from_object(obj, label: str) -> ArticleRecord:
    if not isinstance(obj, dict):
        raise ImportFileError("each line must be a JSON object")
    body = obj.get("body")
    if not isinstance(body, str):
        raise ImportFileError("missing 'body' (the article text)")
    fields = {}
    for name in ("title", "url", "publisher"):
        value = obj.get(name) or ""
        if not isinstance(value, str):
            raise ImportFileError(f"'{name}' must be a string")
        fields[name] = value
    extra = {}
    if "claims" in obj:
        # An article record from /api/export/articles.jsonl?claims=true: its claims are imported as given.
        extra["claims"] = obj["claims"]
        extra["language"] = obj.get("language")
    return ArticleRecord(
        label=label, body=body, published_at=parse_published_at(obj.get("published_at")), extra=extra, **fields
    )


def is_export_trailer(obj) -> bool:
    """The `{"_end": {...}}` line that ends a ClaimDesk JSONL export: not an article."""
    return isinstance(obj, dict) and list(obj) == ["_end"]


def iter_records(path: Path) -> Iterator[ArticleRecord | ImportFileError]:
    """Each article in the file, or the error that stopped one; errors in one line never stop the next."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ImportFileError(f"{path}: unsupported file type (use .txt or .jsonl)")
        return
    try:
        text = read_text_file(path)
    except ImportFileError as error:
        yield ImportFileError(f"{path}: {error}")
        return
    if suffix == ".txt":
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        yield ArticleRecord(label=str(path), body=text, title=first_line[:500])
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{path}:{number}"
        try:
            obj = json.loads(line)
            if is_export_trailer(obj):
                continue
            yield record_from_object(obj, label)
        except json.JSONDecodeError as error:
            yield ImportFileError(f"{label}: invalid JSON ({error.msg})")
        except ImportFileError as error:
            yield ImportFileError(f"{label}: {error}")
