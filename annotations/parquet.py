"""The claim export record as a Parquet file (pyarrow), streamed one row group at a time.

Its own module so that pyarrow (65 MB of memory and a third of a second to import) is loaded only by a process
that writes Parquet: web/api/exports.py imports it when a client asks for claims.parquet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq


def _timestamp() -> pa.DataType:
    return pa.timestamp("us", tz="UTC")


USER_LABEL = pa.struct(
    [
        ("id", pa.int64()),
        ("annotator", pa.string()),
        ("verdict", pa.string()),
        ("note", pa.string()),
        ("evidence_url", pa.string()),
        ("created_at", _timestamp()),
        ("updated_at", _timestamp()),
    ]
)
PARQUET_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        (
            "article",
            pa.struct(
                [
                    ("id", pa.int64()),
                    ("title", pa.string()),
                    ("url", pa.string()),
                    ("publisher", pa.string()),
                    ("published_at", _timestamp()),
                ]
            ),
        ),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("start_utf16", pa.int64()),
        ("end_utf16", pa.int64()),
        ("source", pa.struct([("id", pa.int64()), ("name", pa.string()), ("kind", pa.string())])),
        ("source_mention", pa.string()),
        ("cue", pa.string()),
        ("is_direct_quote", pa.bool_()),
        ("confidence", pa.float64()),
        ("position", pa.int64()),
        ("origin", pa.string()),
        ("extraction_rule", pa.string()),
        ("extractor_version", pa.string()),
        ("is_flagged_not_claim", pa.bool_()),
        ("created_at", _timestamp()),
        ("updated_at", _timestamp()),
        ("label_count", pa.int64()),
        ("status", pa.string()),
        ("verdict", pa.string()),
        ("annotations", pa.list_(USER_LABEL)),
        (
            "adjudication",
            pa.struct(
                [
                    ("reviewer", pa.string()),
                    ("verdict", pa.string()),
                    ("rationale", pa.string()),
                    ("created_at", _timestamp()),
                    ("updated_at", _timestamp()),
                ]
            ),
        ),
        ("cluster", pa.int64()),
    ]
)
# 10,000 rows (about 10 MB of Arrow data) per row group, and Arrow's buffers from the system allocator: Arrow's
# default (mimalloc) keeps freed pages, and with 20,000-row groups a million-claim export peaked 65 MB above the
# worker's idle memory, against 36 MB so (bench/export.py prints the worker's peak).
PARQUET_ROW_GROUP_ROWS = 10_000
pa.set_memory_pool(pa.system_memory_pool())


class _Drain:
    """A write-only file for pyarrow that hands each written piece on instead of keeping it."""

    closed = False

    def __init__(self):
        self.pieces: list[bytes] = []
        self.position = 0

    def write(self, data) -> int:
        piece = bytes(data)
        self.pieces.append(piece)
        self.position += len(piece)
        return len(piece)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        data, self.pieces = b"".join(self.pieces), []
        return data


def parquet_chunks(
    batches: Iterable[list[dict]], *, as_of: datetime, row_group_rows: int = PARQUET_ROW_GROUP_ROWS
) -> Iterator[bytes]:
    """The claim records as a Parquet file (PARQUET_SCHEMA), streamed one row group of `row_group_rows` at a time.

    Each batch becomes an Arrow record batch at once (far smaller than the dicts), so memory holds one row group.
    `as_of` and the row count are in the file's key-value metadata (`claimdesk.as_of`, `claimdesk.rows`).
    """
    drain, skipped = _Drain(), []
    writer = pq.ParquetWriter(drain, PARQUET_SCHEMA, compression="zstd")
    pending: list[pa.RecordBatch] = []
    pending_rows = count = 0
    for rows in batches:
        if rows:
            batch = _record_batch(rows, skipped)
            pending.append(batch)
            pending_rows += batch.num_rows
            count += batch.num_rows
        if pending_rows >= row_group_rows:
            writer.write_table(pa.Table.from_batches(pending), row_group_size=pending_rows)
            pending, pending_rows = [], 0
            yield drain.take()
    if pending:
        writer.write_table(pa.Table.from_batches(pending), row_group_size=pending_rows)
    writer.add_key_value_metadata(
        {
            "claimdesk.as_of": as_of.isoformat(),
            "claimdesk.rows": str(count),
            "claimdesk.skipped": json.dumps(skipped, ensure_ascii=False),
        }
    )
    writer.close()
    yield drain.take()


def _record_batch(rows: list[dict], skipped: list[dict]) -> pa.RecordBatch:
    """The rows as Arrow; a row Arrow refuses (a lone surrogate in its text) is left out and listed in `skipped`."""
    try:
        return pa.RecordBatch.from_pylist(rows, schema=PARQUET_SCHEMA)
    except (pa.ArrowException, UnicodeError):
        good = []
        for row in rows:
            try:
                pa.RecordBatch.from_pylist([row], schema=PARQUET_SCHEMA)
            except (pa.ArrowException, UnicodeError) as error:
                skipped.append({"id": row["id"], "reason": f"{type(error).__name__}: {error}"[:300]})
            else:
                good.append(row)
        return pa.RecordBatch.from_pylist(good, schema=PARQUET_SCHEMA)
