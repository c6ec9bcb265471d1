"""The word lists are data files, loaded once and validated; multi-word entries stay whole."""

import pytest

from claims.extraction import lexicon as L

from .helpers import claims_of, find


def test_multi_word_place_names_are_single_entries():
    assert {"new delhi", "tel aviv", "new zealand", "buenos aires", "abu dhabi"} <= L.COUNTRIES_CAPITALS
    assert not {"new", "tel", "aviv", "abu", "city"} & L.COUNTRIES_CAPITALS


def test_word_lists_are_loaded_once():
    assert L.load_words("countries_capitals.txt") is L.load_words("countries_capitals.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("# header\nnew delhi\nNew Delhi\n", "lower case"),
        ("# header\ntel aviv\ntel aviv\n", "repeats line 2"),
        ("# header\ntel  aviv\n", "single spaces"),
        ("# header\nsay\tspeech\n", "one column"),
    ],
)
def test_a_malformed_word_list_is_refused_with_its_line(tmp_path, monkeypatch, content, message):
    (tmp_path / "bad.txt").write_text(content, encoding="utf-8")
    monkeypatch.setattr(L, "_DATA", tmp_path)
    L.load_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            L.load_words("bad.txt")
    finally:
        L.load_words.cache_clear()


def test_a_cue_table_row_with_an_unknown_class_is_refused(tmp_path, monkeypatch):
    (tmp_path / "bad.tsv").write_text("say\tshouting\tsay says said\n", encoding="utf-8")
    monkeypatch.setattr(L, "_DATA", tmp_path)
    with pytest.raises(ValueError, match="bad.tsv:1"):
        L.load_table("bad.tsv", columns=3, classes=L.CUE_CLASSES)


@pytest.mark.parametrize(
    ("text", "fragment", "source"),
    [
        (
            "New Zealand said its ports would reopen to cruise ships in October.",
            "its ports would reopen",
            "New Zealand",
        ),
        (
            "The New York Times reported that the museum had sold two paintings.",
            "the museum had sold",
            "New York Times",
        ),
        ("Tel Aviv said the ceasefire talks had stalled again.", "the ceasefire talks had stalled", "Tel Aviv"),
        ("New Delhi insisted that the border was calm overnight.", "the border was calm", "New Delhi"),
    ],
)
def test_multi_word_place_and_newspaper_names_stay_whole_as_sources(text, fragment, source):
    assert find(claims_of(text), fragment).source == source
