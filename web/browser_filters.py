"""The claim browser's filters: the API's ClaimFilter (reused as it is, so the exports and /api/claims/ take the
same parameters and the page's export links carry all of them), with the page's own labels, a sort and a keyset
cursor.
"""

from __future__ import annotations

import django_filters
from django.db.models import BooleanField, F, Func, QuerySet, Value

from claims.models import Claim
from web.filters import ClaimFilter, IdFilter

NOT_FILTERS = ("sort", "after")
# The page's own names for three filters before the API took them (links shared then still open the same view).
RENAMED_FILTERS = {"speaker": "source_name", "labels": "label_count", "rule": "extraction_rule"}


class ClaimBrowserFilter(ClaimFilter):
    flagged = django_filters.ChoiceFilter(
        choices=[("true", "Flagged"), ("false", "Not flagged")], method="filter_flagged", label="Flagged as not a claim"
    )
    # Ids are typed or come from the links in the rows: a select of every article or source would not scale.
    article = IdFilter(field_name="article_id", label="Article id")
    source = IdFilter(field_name="source_id", label="Source id")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            "search": "Text contains",
            "created_after": "Stored from",
            "created_before": "Stored before",
            "published_after": "Published from",
            "published_before": "Published before",
            "cluster": "Cluster id",
            "verdict": "Final verdict",
            "publisher": "Publisher",
            "source_name": "Source name",
            "label_count": "Labels",
            "extraction_rule": "Extraction rule",
        }
        for name, label in labels.items():
            self.filters[name].label = label
        for name in ("status", "verdict", "flagged"):
            self.filters[name].extra["empty_label"] = "Any"
        for name in self.filters:
            self.filters[name].extra["help_text"] = ""  # the API's help texts; the page's labels say enough


# The filters always in view; the rest fold away under "More filters" (open when one of them is set).
MAIN_FILTERS = ("search", "status", "verdict", "source_name")


# Sorts the browser offers. Each is a list of integer columns read in one direction, so a page boundary is the
# last row's values (a keyset): the next page is `WHERE (cols) > (last)`, an index range whatever the depth.
SORTS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "newest": ("Newest first", ("id",), True),
    "oldest": ("Oldest first", ("id",), False),
    "article": ("Article order", ("article_id", "position", "id"), False),
    "fewest_labels": ("Fewest labels", ("label_count", "id"), False),
    "most_labels": ("Most labels", ("label_count", "id"), True),
}
DEFAULT_SORT = "newest"


def parse_cursor(value: str, size: int) -> tuple[int, ...] | None:
    """`after` is the previous page's last row as dot-separated integers; anything else starts from the top."""
    parts = (value or "").split(".")
    if len(parts) != size or not all(p.isdigit() and len(p) <= 19 for p in parts):
        return None
    return tuple(int(p) for p in parts)


def _row(*items) -> Func:
    return Func(*items, function="", template="(%(expressions)s)")


def _after(columns: tuple[str, ...], cursor: tuple[int, ...], descending: bool) -> Func:
    """The rows after the cursor in this order, as one row-value comparison, `(a, b) > (x, y)`: SQLite and PostgreSQL
    read it as one index range from the cursor on. (Django writes the same test as `a > x OR (a = x AND b > y)`,
    which made SQLite read every row of the cursor's `a` before it: 30 ms halfway down 200,000 claims.)"""
    return Func(
        _row(*(F(column) for column in columns)),
        _row(*(Value(value) for value in cursor)),
        template="%(expressions)s",
        arg_joiner=" < " if descending else " > ",
        output_field=BooleanField(),
    )


def keyset_page(claims: QuerySet[Claim], *, sort: str, after: str, size: int) -> tuple[list[Claim], str | None]:
    """One page of claims in `sort` order after the cursor, and the cursor of the next page (None at the end)."""
    _, columns, descending = SORTS[sort]
    cursor = parse_cursor(after, len(columns))
    if cursor is not None:
        claims = claims.filter(_after(columns, cursor, descending))
    ordering = [f"-{c}" if descending else c for c in columns]
    rows = list(claims.order_by(*ordering)[: size + 1])
    if len(rows) <= size:
        return rows, None
    rows = rows[:size]
    last = rows[-1]
    return rows, ".".join(str(getattr(last, c)) for c in columns)
