"""Geometry for the dashboard's inline SVG charts. Pure Python: numbers in, positions and texts out.

The templates draw the SVG and Django escapes every text there; nothing here builds markup. Sizes are SVG user
units inside a viewBox, so a chart scales to its container's width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

VERDICT_ORDER = ("verified", "disputed", "unverified")
NOT_AVAILABLE = "n/a"


def shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def percent(value: float | None, digits: int = 0) -> str:
    return NOT_AVAILABLE if value is None else f"{value * 100:.{digits}f}%"


def decimal(value: float | None, digits: int = 2) -> str:
    return NOT_AVAILABLE if value is None else f"{value:.{digits}f}"


# ---- Stacked horizontal bars: verdicts per source -------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    key: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class StackedRow:
    label: str  # as shown (shortened)
    full_label: str
    total: int
    y: float
    segments: list[Segment]
    summary: str  # "Ministry: 3 verified, 1 disputed (4)"


@dataclass(frozen=True)
class StackedBarChart:
    rows: list[StackedRow]
    keys: tuple[str, ...]
    width: int
    height: int
    label_width: int
    plot_width: int
    bar_height: int
    total_x: float  # where the totals column starts
    label_x: int  # right edge of the row labels


def stacked_bars(
    rows: Sequence[tuple[str, dict[str, int]]],
    *,
    keys: tuple[str, ...] = VERDICT_ORDER,
    width: int = 460,
    label_width: int = 150,
    row_height: int = 30,
    bar_height: int = 20,
    max_rows: int = 15,
) -> StackedBarChart:
    """One bar per row, its segments proportional to the counts; bars share one scale (the largest total)."""
    rows = list(rows)[:max_rows]
    totals_width = 48
    plot_width = width - label_width - totals_width
    largest = max((sum(counts.get(k, 0) for k in keys) for _, counts in rows), default=0)
    chart_rows = []
    for index, (label, counts) in enumerate(rows):
        total = sum(counts.get(k, 0) for k in keys)
        x = float(label_width)
        segments = []
        for key in keys:
            count = counts.get(key, 0)
            if count:
                segment_width = plot_width * count / largest
                segments.append(Segment(key, count, round(x, 2), round(segment_width, 2)))
                x += segment_width
        parts = ", ".join(f"{counts.get(k, 0)} {k}" for k in keys if counts.get(k, 0))
        chart_rows.append(
            StackedRow(
                label=shorten(label, 16),
                full_label=str(label),
                total=total,
                y=index * row_height,
                segments=segments,
                summary=f"{label}: {parts or 'none'} ({total})",
            )
        )
    return StackedBarChart(
        rows=chart_rows,
        keys=keys,
        width=width,
        height=max(len(chart_rows) * row_height, row_height),
        label_width=label_width,
        plot_width=plot_width,
        bar_height=bar_height,
        total_x=label_width + plot_width + 6,
        label_x=label_width - 8,
    )


# ---- Columns: labels per day ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    label: str  # full label, e.g. "2026-11-22"
    tick: str  # axis text, empty for most columns so ticks do not collide
    value: int
    x: float
    y: float
    width: float
    height: float
    center: float  # where the tick text sits
    anchor: str  # the tick's text-anchor: the first and last stay inside the chart


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    width: int
    height: int
    plot_height: int
    top: int
    largest: int
    total: int


def columns(
    points: Sequence[tuple[str, str, int]],
    *,
    width: int = 460,
    height: int = 200,
    tick_every: int = 5,
) -> ColumnChart:
    """Vertical bars from (label, short tick text, value); every `tick_every`-th column and the last get a tick."""
    top, bottom = 18, 22  # room for the largest value above and the ticks below
    plot_height = height - top - bottom
    largest = max((value for _, _, value in points), default=0)
    slot = width / max(len(points), 1)
    result = []
    for index, (label, tick, value) in enumerate(points):
        bar_height = plot_height * value / largest if largest else 0
        first, last = index == 0, index == len(points) - 1
        # A regular tick too close to the last one would run into it.
        show_tick = last or (index % tick_every == 0 and len(points) - 1 - index >= tick_every)
        x = index * slot + slot * 0.15
        # The first and last ticks line up with their bar's outer edge, so their text stays inside the chart.
        anchor, tick_x = ("start", x) if first else ("end", x + slot * 0.7) if last else ("middle", x + slot * 0.35)
        result.append(
            Column(
                label=str(label),
                tick=tick if show_tick else "",
                value=value,
                x=round(x, 2),
                y=round(top + plot_height - bar_height, 2),
                width=round(slot * 0.7, 2),
                height=round(bar_height, 2),
                center=round(tick_x, 2),
                anchor=anchor,
            )
        )
    return ColumnChart(
        columns=result,
        width=width,
        height=height,
        plot_height=plot_height,
        top=top,
        largest=largest,
        total=sum(value for _, _, value in points),
    )


# ---- Horizontal bars of a share: agreement per annotator ------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    value: float | None
    text: str  # "87%" or "n/a"
    y: float
    width: float
    text_x: float  # the value's text, just after the bar


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    plot_width: int
    bar_height: int
    label_x: int


def share_bars(
    items: Sequence[tuple[str, float | None]],
    *,
    width: int = 460,
    label_width: int = 170,
    row_height: int = 30,
    bar_height: int = 20,
) -> BarChart:
    """Bars for shares between 0 and 1 on a fixed 0–100% scale; an undefined share draws no bar and says n/a.

    Labels get as many characters as their column holds at the chart's 15 px font (about 8 px each)."""
    plot_width = width - label_width - 56
    bars = []
    for index, (label, value) in enumerate(items):
        share = None if value is None else min(max(value, 0.0), 1.0)
        bar_width = round(plot_width * share, 2) if share is not None else 0
        bars.append(
            Bar(
                label=shorten(label, label_width // 8),
                full_label=str(label),
                value=value,
                text=percent(value),
                y=index * row_height,
                width=bar_width,
                text_x=label_width + bar_width + 6,
            )
        )
    return BarChart(
        bars=bars,
        width=width,
        height=max(len(bars) * row_height, row_height),
        label_width=label_width,
        plot_width=plot_width,
        bar_height=bar_height,
        label_x=label_width - 8,
    )
