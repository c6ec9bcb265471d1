"""Export formatters: claim rows (plain dicts from `claim_export_batches`) to JSONL, CSV and ClaimReview JSON-LD.

Pure Python, no database: each function takes rows and yields text or bytes, so a view can stream any number of
claims one batch at a time.

- JSONL: one JSON object per claim and line, UTF-8, keys in a fixed order. Lossless: `text` equals
  `article body[start:end]`.
- CSV: one row per claim with a header row; the annotations are one column holding a JSON list (a claim has a
  varying number of labels, and a JSON cell keeps every field of each). UTF-8 *with* a byte-order mark, because
  that is how Excel recognises UTF-8 (without it, quotes and Cyrillic come out garbled). A text cell that starts
  with = + - @ or a tab is prefixed with ' so a spreadsheet shows it instead of running it as a formula; use
  JSONL when you need the exact text.
- ClaimReview: schema.org JSON-LD for claims with a consensus verdict, rated on a 1-5 scale (see VERDICT_RATINGS).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime

CSV_HEADER = (
    "id",
    "text",
    "start",
    "end",
    "article_id",
    "article_title",
    "article_url",
    "article_publisher",
    "article_published_at",
    "source_name",
    "source_kind",
    "source_mention",
    "cue",
    "quote",
    "verdict",
    "status",
    "label_count",
    "annotations",
    "adjudication_verdict",
    "adjudication_reviewer",
    "adjudication_rationale",
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
    """The rows as JSON lines, each ending in a newline."""
    encode = _encoder.encode
    return "".join([encode(row) + "\n" for row in rows])


def jsonl_chunks(batches: Iterable[list[dict]]) -> Iterator[bytes]:
    for rows in batches:
        yield jsonl_lines(rows).encode("utf-8")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _article_cells(article: dict) -> list:
    published_at = article["published_at"]
    return [
        article["id"],
        _cell(article["title"]),
        _cell(article["url"]),
        _cell(article["publisher"]),
        published_at.isoformat() if published_at else "",
    ]


def csv_row(row: dict, article_cells: dict | None = None) -> list:
    """One claim as the CSV columns of CSV_HEADER. `article_cells` caches the article's columns across rows."""
    article, source, labels = row["article"], row["source"], row["annotations"]
    adjudication = row.get("adjudication")
    if article_cells is None:
        cells = _article_cells(article)
    else:
        cells = article_cells.get(article["id"])
        if cells is None:
            cells = article_cells[article["id"]] = _article_cells(article)
    return [
        row["id"],
        _cell(row["text"]),
        row["start"],
        row["end"],
        *cells,
        _cell(source["name"]) if source else "",
        source["kind"] if source else "",
        _cell(row["source_mention"]),
        _cell(row["cue"]),
        "true" if row["quote"] else "false",
        row["verdict"] or "",
        row["status"],
        len(labels),
        _encoder.encode(labels) if labels else "[]",
        adjudication["verdict"] if adjudication else "",
        adjudication["reviewer"] if adjudication else "",
        _cell(adjudication["rationale"]) if adjudication else "",
        row.get("cluster") or "",
    ]


def csv_chunks(batches: Iterable[list[dict]]) -> Iterator[bytes]:
    """A BOM and the header, then one chunk of CSV lines per batch of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    for rows in batches:
        buffer.seek(0)
        buffer.truncate()
        article_cells: dict = {}  # per batch, so memory stays bounded
        writer.writerows([csv_row(row, article_cells) for row in rows])
        yield buffer.getvalue().encode("utf-8")


def _day(value) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def claimreview(row: dict, *, url: str, author_name: str, author_url: str = "") -> dict:
    """schema.org ClaimReview for one row with a consensus verdict (and `reviewed_at`, see claim_export_batches)."""
    rating_value, rating_name = VERDICT_RATINGS[row["verdict"]]
    article, source = row["article"], row["source"]
    appearance = {"@type": "CreativeWork", "headline": article["title"]}
    if article["url"]:
        appearance["url"] = article["url"]
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
    if row.get("reviewed_at"):
        review["datePublished"] = _day(row["reviewed_at"])
    return review


def claim_page_path(row: dict) -> str:
    """Where a claim is shown in the web UI: its article's page, scrolled to the claim."""
    return f"/articles/{row['article']['id']}/#claim-{row['id']}"


def claimreview_chunks(
    batches: Iterable[list[dict]], *, base_url: str, author_name: str, author_url: str = ""
) -> Iterator[bytes]:
    """ClaimReview JSON-LD, one per line, for the rows that have a consensus verdict; `base_url` has no path."""
    base_url = base_url.rstrip("/")
    for rows in batches:
        reviews = [
            claimreview(row, url=base_url + claim_page_path(row), author_name=author_name, author_url=author_url)
            for row in rows
            if row["verdict"]
        ]
        if reviews:
            yield jsonl_lines(reviews).encode("utf-8")
