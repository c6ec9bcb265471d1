"""Chart geometry: pure Python, no database."""

from annotations.charts import columns, decimal, percent, share_bars, shorten, stacked_bars


def test_stacked_bars_share_one_scale_and_keep_the_verdict_order():
    chart = stacked_bars([("Ministry", {"disputed": 1, "verified": 3}), ("Mayor", {"unverified": 2})], width=600)
    first, second = chart.rows
    assert [s.key for s in first.segments] == ["verified", "disputed"]
    assert sum(s.width for s in first.segments) == chart.plot_width  # the largest bar fills the plot
    assert second.segments[0].width == chart.plot_width / 2
    assert first.segments[1].x == first.segments[0].x + first.segments[0].width
    assert first.summary == "Ministry: 3 verified, 1 disputed (4)"
    assert second.y > first.y


def test_stacked_bars_without_rows_still_have_a_height():
    assert stacked_bars([]).rows == []
    assert stacked_bars([]).height > 0


def test_columns_scale_to_the_largest_day_and_tick_every_fifth():
    chart = columns([(f"d{i}", f"t{i}", i) for i in range(11)])
    assert chart.largest == 10
    assert chart.total == 55
    assert chart.columns[10].height == chart.plot_height
    assert chart.columns[0].height == 0
    assert [c.tick for c in chart.columns if c.tick] == ["t0", "t5", "t10"]
    assert [c.anchor for c in chart.columns if c.tick] == ["start", "middle", "end"]


def test_columns_leave_out_a_tick_that_would_run_into_the_last_one():
    chart = columns([(f"d{i}", f"t{i}", 1) for i in range(30)])
    assert [c.tick for c in chart.columns if c.tick] == ["t0", "t5", "t10", "t15", "t20", "t29"]


def test_columns_with_no_labels_draw_nothing():
    chart = columns([("d", "t", 0)] * 3)
    assert all(c.height == 0 for c in chart.columns)


def test_share_bars_say_n_a_for_an_undefined_share():
    chart = share_bars([("ann", 0.75), ("new", None)])
    assert chart.bars[0].text == "75%"
    assert chart.bars[0].width == chart.plot_width * 0.75
    assert (chart.bars[1].text, chart.bars[1].width) == ("n/a", 0)


def test_text_helpers():
    assert shorten("a very long source name indeed", 10) == "a very lo…"
    assert decimal(None) == percent(None) == "n/a"
    assert decimal(0.12345, 3) == "0.123"


def test_share_bars_keep_the_dashboards_longest_status_name_whole():
    chart = share_bars([("Flagged: not a claim", 0.0), ("an annotator with a very long name", 0.5)])
    assert chart.bars[0].label == "Flagged: not a claim"
    assert chart.bars[1].label.endswith("…")
