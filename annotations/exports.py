"""Export formatters: claim and article records (plain dicts from annotations.selectors) to JSONL, CSV, Parquet
and ClaimReview JSON-LD.

Pure Python, no database: each function takes batches of records and yields bytes, so a view (or a worker writing
a snapshot file) can stream any number of claims one batch at a time. The claim record is the one documented in
web/api/exports.py and README ("The export record").

- JSONL: one JSON object per claim and line, UTF-8, keys in a fixed order. Lossless: `text` equals
  `article body[start:end]` (offsets in code points; `start_utf16`/`end_utf16` for UTF-16 consumers).
- End of file: JSONL exports end with one trailer line `{"_end": {"rows": N, "as_of": "..."}}` (a reader skips a
  line whose only key is `_end`; a download without it was cut short); CSV with a last line `#end,rows=N,...`;
  Parquet files are only readable when complete (the footer) and carry the count and `as_of` in their metadata.
- CSV: the record flattened, one row per claim and a header row; `annotations` is one cell holding a JSON list.
  UTF-8 with a byte-order mark (how Excel recognises UTF-8). Text is always quoted and null is an empty unquoted
  cell, so "" (empty text) and null differ (PostgreSQL's COPY ... CSV and DuckDB read them so). By default a text
  cell that starts with = + - @ tab or CR gets a leading ' so a spreadsheet shows it instead of running it as a
  formula; `escape_formulas=False` writes every cell as stored.
- Parquet: in annotations.parquet (imported only when asked for: pyarrow alone is 65 MB of a process's memory).
- ClaimReview: schema.org JSON-LD for claims with a consensus verdict, rated on a 1-5 scale (see VERDICT_RATINGS).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime

import orjson

END_KEY = "_end"
CSV_HEADER = (
    "id",
    "article_id",
    "article_title",
    "article_url",
    "article_publisher",
    "article_published_at",
    "text",
    "start",
    "end",
    "start_utf16",
    "end_utf16",
    "source_id",
    "source_name",
    "source_kind",
    "source_mention",
    "cue",
    "is_direct_quote",
    "confidence",
    "position",
    "origin",
    "extraction_rule",
    "extractor_version",
    "is_flagged_not_claim",
    "created_at",
    "updated_at",
    "label_count",
    "status",
    "verdict",
    "annotations",
    "adjudication_reviewer",
    "adjudication_verdict",
    "adjudication_rationale",
    "adjudication_created_at",
    "adjudication_updated_at",
    "cluster",
)
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Our verdict -> (ratingValue, alternateName) on a scale from worstRating 1 to bestRating 5. The names are our own
# words: "disputed" means credible sources contradict the claim, which is not the same as proven false.
VERDICT_RATINGS = {
    "verified": (5, "Verified"),
    "unverified": (3, "Unverified"),
    "disputed": (1, "Disputed"),
}
BEST_RATING, WORST_RATING = 5, 1
SCHEMA_TYPES = {"person": "Person"}  # every other source kind is an organisation of some sort


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


_encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"), default=_json_default)


def jsonl_lines(rows: Iterable[dict]) -> str:
    """The rows as JSON lines, each ending in a newline.

    ensure_ascii=False keeps text readable, but U+2028/U+2029 and U+0085 are escaped: readers that split on every
    Unicode line break (Python's str.splitlines, some JavaScript) would otherwise cut a record in two.
    """
    encode = _encoder.encode
    text = "".join([encode(row) + "\n" for row in rows])
    if not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text):
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    return text


_LINE_BREAKS = ((b"\xe2\x80\xa8", b"\\u2028"), (b"\xe2\x80\xa9", b"\\u2029"), (b"\xc2\x85", b"\\u0085"))


def jsonl_bytes(rows: list[dict]) -> bytes:
    """jsonl_lines as UTF-8, by orjson (several times faster than json with date-times, the bulk of a record).

    The same bytes as jsonl_lines: ISO 8601 date-times, no ASCII escaping, U+2028/U+2029/U+0085 escaped. A row
    orjson refuses (a lone surrogate in its text) makes the batch go through jsonl_lines instead.
    """
    try:
        data = b"".join([orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows])
    except orjson.JSONEncodeError:
        return _utf8(jsonl_lines(rows))
    # Each of the three breaks ends in a byte of its own (A8, A9, 85): looking for those single bytes is a memchr, a
    # hundred times faster than looking for the multi-byte sequences in text that has other characters from U+20xx.
    if not data.isascii() and (b"\xa8" in data or b"\xa9" in data or b"\x85" in data):
        for raw, escaped in _LINE_BREAKS:
            if raw in data:
                data = data.replace(raw, escaped)
    return data


def end_record(*, rows: int, as_of: datetime, skipped: list[dict] | None = None) -> dict:
    """The trailer: how many records came, the moment they reflect, and any claim left out with the reason."""
    return {END_KEY: {"rows": rows, "as_of": as_of, "skipped": skipped or []}}


def _utf8(text: str) -> bytes:
    # A lone surrogate (SQLite stores what it is given) cannot be UTF-8: written as the JSON escape \udXXX, which
    # every JSON reader turns back into the same string, instead of failing the whole export.
    return text.encode("utf-8", errors="backslashreplace")


def jsonl_chunks(
    batches: Iterable[list[dict]], *, as_of: datetime, trailer: bool = True, skipped: list[dict] | None = None
) -> Iterator[bytes]:
    """One chunk of JSON lines per batch, then (with `trailer`) the `_end` line with the number of records.

    `skipped` is filled by the caller's formatter while the batches are read (claims it could not write).
    """
    count = 0
    for rows in batches:
        count += len(rows)
        yield jsonl_bytes(rows)
    if trailer:
        yield _utf8(jsonl_lines([end_record(rows=count, as_of=as_of, skipped=skipped)]))


class _Null(float):
    """csv's QUOTE_NONNUMERIC leaves numbers unquoted: a number that prints as nothing is an unquoted empty cell,
    which is how CSV readers that know NULL (PostgreSQL, DuckDB, Python 3.12's QUOTE_NOTNULL) spell it."""

    def __str__(self) -> str:
        return ""


NULL = _Null()


def _text(value: str | None, escape: bool):
    if value is None:
        return NULL
    return "'" + value if escape and value.startswith(FORMULA_STARTS) else value


def _when(value) -> str | _Null:
    return NULL if value is None else value.isoformat()


def _json_cell(value) -> str:
    """A list or object as one cell of compact JSON (orjson; the json module for what orjson refuses)."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return _encoder.encode(value)


def csv_row(row: dict, *, escape_formulas: bool = True) -> list:
    """One claim record as the cells of CSV_HEADER: text (quoted; with a leading ' when it would run as a formula,
    unless `escape_formulas` is off), numbers, "true"/"false", ISO 8601 date-times, NULL for null.

    Each column converted as its type says: a type test per cell was the larger part of a CSV export's time."""
    article, source, adjudication = row["article"], row["source"] or {}, row["adjudication"] or {}
    source_id, confidence, cluster = source.get("id"), row["confidence"], row["cluster"]
    return [
        row["id"],
        article["id"],
        _text(article["title"], escape_formulas),
        _text(article["url"], escape_formulas),
        _text(article["publisher"], escape_formulas),
        _when(article["published_at"]),
        _text(row["text"], escape_formulas),
        row["start"],
        row["end"],
        row["start_utf16"],
        row["end_utf16"],
        NULL if source_id is None else source_id,
        _text(source.get("name"), escape_formulas),
        _text(source.get("kind"), escape_formulas),
        _text(row["source_mention"], escape_formulas),
        _text(row["cue"], escape_formulas),
        "true" if row["is_direct_quote"] else "false",
        NULL if confidence is None else confidence,
        row["position"],
        _text(row["origin"], escape_formulas),
        _text(row["extraction_rule"], escape_formulas),
        _text(row["extractor_version"], escape_formulas),
        "true" if row["is_flagged_not_claim"] else "false",
        _when(row["created_at"]),
        _when(row["updated_at"]),
        row["label_count"],
        _text(row["status"], escape_formulas),
        _text(row["verdict"], escape_formulas),
        _text(_json_cell(row["annotations"]), escape_formulas),
        _text(adjudication.get("reviewer"), escape_formulas),
        _text(adjudication.get("verdict"), escape_formulas),
        _text(adjudication.get("rationale"), escape_formulas),
        _when(adjudication.get("created_at")),
        _when(adjudication.get("updated_at")),
        NULL if cluster is None else cluster,
    ]


def csv_chunks(
    batches: Iterable[list[dict]], *, as_of: datetime, escape_formulas: bool = True, trailer: bool = True
) -> Iterator[bytes]:
    """A BOM and the header, one chunk of CSV lines per batch, then (with `trailer`) the `#end` line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_HEADER)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    count = 0
    for rows in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([csv_row(row, escape_formulas=escape_formulas) for row in rows])
        count += len(rows)
        yield _utf8(buffer.getvalue())
    if trailer:
        yield f"#end,rows={count},as_of={as_of.isoformat()}\r\n".encode()


def _day(value) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def reviewed_at(row: dict):
    """When a claim's consensus was reached: its adjudication's last change, else its latest label's."""
    if row["adjudication"]:
        return row["adjudication"]["updated_at"]
    return max((label["updated_at"] for label in row["annotations"]), default=None)


def claimreview_url(row: dict, *, public_url: str, path: str) -> str:
    """Where the organisation publishes this claim's review: CLAIMDESK_PUBLIC_URL + CLAIMREVIEW_PATH."""
    return public_url.rstrip("/") + path.format(id=row["id"], article_id=row["article"]["id"])


def claimreview(row: dict, *, url: str, author_name: str, author_url: str = "") -> dict:
    """schema.org ClaimReview for one claim record with a consensus verdict.

    `@id` is the review's URL with #claimreview: stable across exports, so a consumer updates instead of
    duplicating. `reviewBody` is the reviewer's rationale when a reviewer adjudicated.
    """
    rating_value, rating_name = VERDICT_RATINGS[row["verdict"]]
    article, source = row["article"], row["source"]
    appearance = {"@type": "CreativeWork", "headline": article["title"]}
    if article["url"]:
        appearance["url"] = article["url"]
    if article["published_at"]:
        appearance["datePublished"] = _day(article["published_at"])
    if article["publisher"]:
        appearance["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    item = {"@type": "Claim", "appearance": appearance}
    if source:
        item["author"] = {"@type": SCHEMA_TYPES.get(source["kind"], "Organization"), "name": source["name"]}
    if article["published_at"]:
        item["datePublished"] = _day(article["published_at"])
    author = {"@type": "Organization", "name": author_name}
    if author_url:
        author["url"] = author_url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": url + "#claimreview",
        "url": url,
        "claimReviewed": row["text"],
        "itemReviewed": item,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating_name,
        },
    }
    if row["adjudication"]:
        review["reviewBody"] = row["adjudication"]["rationale"]
    published = reviewed_at(row)
    if published:
        review["datePublished"] = _day(published)
    return review


def claimreview_chunks(
    batches: Iterable[list[dict]],
    *,
    public_url: str,
    path: str,
    author_name: str,
    author_url: str = "",
    as_of: datetime,
    trailer: bool = True,
) -> Iterator[bytes]:
    """ClaimReview JSON-LD, one per line, for the rows that have a consensus verdict; then the `_end` line.

    A claim whose stored verdict is not one of ours is listed in the trailer's `skipped`, not published.
    """
    skipped: list[dict] = []

    def reviews():
        for rows in batches:
            page = []
            for row in rows:
                if not row["verdict"]:
                    continue
                if row["verdict"] not in VERDICT_RATINGS:
                    skipped.append({"id": row["id"], "reason": f"unknown verdict {row['verdict']!r}"})
                    continue
                url = claimreview_url(row, public_url=public_url, path=path)
                page.append(claimreview(row, url=url, author_name=author_name, author_url=author_url))
            yield page

    yield from jsonl_chunks(reviews(), as_of=as_of, trailer=trailer, skipped=skipped)
