"""The project's progress for the dashboard: claims by status (numbers and a chart) and each annotator's pace."""

from __future__ import annotations

from annotations import charts
from annotations.selectors import PROGRESS_BUCKETS, annotator_throughput, claim_status_counts

BUCKET_NAMES = {
    "unlabelled": "Unlabelled",
    "in_progress": "In progress",
    "agreed": "Agreed",
    "conflicting": "Conflicting",
    "adjudicated": "Adjudicated",
    "flagged": "Flagged: not a claim",
}


def progress_context() -> dict:
    """Shares only when there are claims: with none, the page says so instead of drawing 0 % or 100 %."""
    counts = claim_status_counts()
    total = sum(counts.values())
    rows = [
        {"key": key, "name": BUCKET_NAMES[key], "count": counts[key], "share": charts.percent(counts[key] / total)}
        for key in PROGRESS_BUCKETS
    ] if total else []  # fmt: skip
    done = counts["agreed"] + counts["adjudicated"]
    return {
        "progress_total": total,
        "progress_rows": rows,
        "progress_done": charts.percent(done / (total - counts["flagged"])) if total - counts["flagged"] else None,
        "progress_chart": charts.share_bars([(r["name"], counts[r["key"]] / total) for r in rows]) if total else None,
        "throughput": annotator_throughput(),
    }
