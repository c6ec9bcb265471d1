"""Read article files (.txt, .jsonl, .html/.htm) into plain records. No database here: the ingest service stores them.

Web pages (an .html/.htm file, or a body that is an HTML document in any file or way in) are read with
``claims.extraction.html``: the article's text becomes the body, and the page's title, publisher, date and URL fill
the fields the user left empty.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import make_aware

from claims.extraction.html import NoArticleError, looks_like_html, page_from_html

HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", ".jsonl", *HTML_SUFFIXES)
SUPPORTED_DESCRIPTION = "use .txt, .jsonl, .html or .htm"
# for the upload form's file input
SUPPORTED_ACCEPT = ",".join(SUPPORTED_SUFFIXES)


class ImportFileError(Exception):
    """One file or line that cannot be read; the message is shown to the user as the reason."""


UPLOAD_SNIFF_BYTES = 64 * 1024


def upload_check(*, name: str, head: bytes) -> None:
    """The checks an upload passes before it is kept for a background import, from its name and first bytes only:
    a supported type, and for .txt/.jsonl text in UTF-8 (the whole file is read as UTF-8, so a file whose start is
    not would fail whole). ImportFileError with the reason; everything else is reported line by line later."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(f"{name}: unsupported file type ({SUPPORTED_DESCRIPTION})")
    if suffix in HTML_SUFFIXES:
        return  # a web page says its own encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a character cut at the end is fine
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{name}: not a UTF-8 text file (byte {error.start})") from None


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


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read the file ({error.strerror or error})") from None


def read_text_file(path: Path) -> str:
    raw = _read_bytes(path)
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


def article_fields_from_html(raw: bytes | str, *, url: str = "", content_type: str | None = None) -> dict:
    """``title``, ``body``, ``publisher``, ``published_at`` and ``url`` of the article in a web page.

    Bytes are decoded as a browser would (``content_type`` is the HTTP header, if there was one); a page with no
    article text raises ``ValidationError`` on ``body``."""
    try:
        page = page_from_html(raw, url=url, content_type=content_type)
    except NoArticleError:
        raise ValidationError(
            {"body": "No article text was found in this HTML page (it may be empty, behind a login or only links)."}
        ) from None
    try:
        published_at = parse_published_at(page.published_at)
    except ImportFileError:
        published_at = None  # a page's own odd date is not the user's error: the article is kept without it
    return {
        "title": page.title[:500],
        "body": page.body,
        "publisher": page.publisher[:200],
        "published_at": published_at,
        "url": page.url if page.url.startswith(("http://", "https://")) else "",
    }


def article_fields_from_input(fields: dict) -> dict:
    """The article fields as a user gave them, with an HTML ``body`` replaced by the article it holds.

    Fields the user filled in win over the page's metadata. For the API and the paste form:
    ``article_ingest(**article_fields_from_input(data), created_by=user)``."""
    body = fields.get("body")
    if not isinstance(body, str) or not looks_like_html(body):
        return fields
    return _merge(fields, article_fields_from_html(body, url=fields.get("url") or ""))


def _merge(given: dict, page: dict) -> dict:
    return {**given, **{k: v for k, v in page.items() if k == "body" or not given.get(k)}}


def read_article_text(path: Path) -> str:
    """The article text of one file: the file's UTF-8 text, or the article found in it when it is a web page."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return _page_fields(_read_bytes(path))["body"]
    text = read_text_file(path)
    return _page_fields(text)["body"] if looks_like_html(text) else text


def _page_fields(raw: bytes | str, url: str = "") -> dict:
    try:
        return article_fields_from_html(raw, url=url)
    except ValidationError as error:
        raise ImportFileError(" ".join(error.messages)) from None


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
    fields["published_at"] = parse_published_at(obj.get("published_at"))
    fields["body"] = body
    if looks_like_html(body):
        fields = _merge(fields, _page_fields(body, url=fields["url"]))
    extra = {}
    if "claims" in obj:
        # An article record from /api/export/articles.jsonl?claims=true: its claims are imported as given.
        extra["claims"] = obj["claims"]
        extra["language"] = obj.get("language")
    return ArticleRecord(label=label, extra=extra, **fields)


def is_export_trailer(obj) -> bool:
    """The `{"_end": {...}}` line that ends a ClaimDesk JSONL export: not an article."""
    return isinstance(obj, dict) and list(obj) == ["_end"]


def iter_records(path: Path) -> Iterator[ArticleRecord | ImportFileError]:
    """Each article in the file, or the error that stopped one; errors in one line never stop the next."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ImportFileError(f"{path}: unsupported file type ({SUPPORTED_DESCRIPTION})")
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield ArticleRecord(label=str(path), **_page_fields(_read_bytes(path)))
            return
        text = read_text_file(path)
        if suffix == ".txt" and looks_like_html(text):  # a saved page with the wrong name
            yield ArticleRecord(label=str(path), **_page_fields(text))
            return
    except ImportFileError as error:
        yield ImportFileError(f"{path}: {error}")
        return
    if suffix == ".txt":
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        yield ArticleRecord(label=str(path), body=text, title=first_line[:500])
        return
    # JSON Lines ends lines at "\n" only: str.splitlines() would also split at U+2028, U+2029 and U+0085, which
    # JSON allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
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
        except RecursionError:
            yield ImportFileError(f"{label}: invalid JSON (nested too deeply)")
        except ImportFileError as error:
            yield ImportFileError(f"{label}: {error}")
        except Exception as error:  # one line's surprise must not lose the lines after it
            yield ImportFileError(f"{label}: could not be read ({type(error).__name__})")
