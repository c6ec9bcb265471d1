"""Quotation regions inside one line: curly, straight, guillemet and single quotes.

``quote_regions`` returns ``(inner_start, inner_end, closed)`` with absolute offsets; an opening
mark without its closing mark yields a region running to the end of the line (``closed=False``),
the British style where a quotation continues in the next paragraph.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"’’|''|[“”\"«»„‘’']")
OPENING = "“«„\"‘'"
QUOTE_CHARS = "“”\"«»„‘’'"


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    regions: list[tuple[int, int, bool]] = []
    open_double: int | None = None
    open_single: int | None = None
    for m in _MARKS.finditer(text, start, end):
        ch = m.group()
        i = m.start()
        before = text[i - 1] if i > start else " "
        after = text[m.end()] if m.end() < end else " "
        if ch == "''" and open_double is None and not after.isspace() and (before.isspace() or before in "([—–-"):
            open_double, open_single = m.end(), None  # ''Quote,'' (two apostrophes as an opening mark)
            continue
        if ch in ("’’", "''", "”", "»"):
            if open_double is not None:
                regions.append((open_double, i, True))
                open_double = None
            continue
        if ch in ("“", "«", "„"):
            if open_double is None:
                open_double, open_single = m.end(), None
            continue
        if ch == '"':
            if open_double is not None:
                regions.append((open_double, i, True))
                open_double = None
            elif not after.isspace():
                open_double, open_single = m.end(), None
            continue
        if open_double is not None:
            continue  # single quotes nested in a double quotation are ignored
        # single quotes: apostrophes are far more common, be strict
        if ch in ("‘", "'") and open_single is None and (before.isspace() or before in "([—–-") and after.isalnum():
            open_single = m.end()
        elif ch in ("’", "'") and open_single is not None and not after.isalnum() and not before.isspace():
            regions.append((open_single, i, True))
            open_single = None
    if open_double is not None:
        regions.append((open_double, end, False))
    return regions
