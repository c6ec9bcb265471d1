from claims.extraction.segmentation import split_lines, split_sentences


def _sents(text):
    return [text[s.start : s.end] for ln in split_lines(text) for s in split_sentences(text, ln)]


def test_line_breaks_are_hard_boundaries_with_crlf_and_cr():
    text = "First line without stop\r\nSecond line. Third sentence.\rLast"
    assert _sents(text) == ["First line without stop", "Second line.", "Third sentence.", "Last"]


def test_abbreviations_titles_and_dates_do_not_split():
    text = "Mr. Medinsky met U.S. envoys on Feb. 24 in Kyiv. Then he left."
    assert _sents(text) == ["Mr. Medinsky met U.S. envoys on Feb. 24 in Kyiv.", "Then he left."]


def test_military_ranks_do_not_split():
    text = "Lt. Gen. John Smith and Col. Ann Lee spoke. Sgt. Bob Ray agreed."
    assert _sents(text) == ["Lt. Gen. John Smith and Col. Ann Lee spoke.", "Sgt. Bob Ray agreed."]


def test_question_inside_quote_followed_by_attribution_stays_one_sentence():
    assert _sents('"Why now?" he asked. Nobody knew.') == ['"Why now?" he asked.', "Nobody knew."]


def test_offsets_are_absolute():
    text = "Title\nÉmile said hi. Zoë left."
    for ln in split_lines(text):
        for s in split_sentences(text, ln):
            assert text[s.start : s.end].strip() == text[s.start : s.end]
    assert _sents(text)[1:] == ["Émile said hi.", "Zoë left."]


def test_a_title_after_then_or_ex_does_not_split():
    for title in ("then-Sen.", "ex-Gov.", "then-Rep."):
        text = f"The report said {title} Ana Ruiz had backed the plan in 2010."
        assert _sents(text) == [text]
