import pytest

from claims.extraction.boilerplate import RULES, RULES_BY_ID, classify_lines
from claims.extraction.segmentation import split_lines

PAGE = """World
Minister says talks will resume
Updated: 12 March 2024
Download the Daily News app for breaking stories
The minister said on Monday that talks would resume next week.
READ MORE:
Ten things you missed this week [PICS]
Why the summit failed [ANALYSIS]
A man walks past the ministry in the capital on Monday.
A man walks past the ministry in the capital on Monday. © Jane Roe, Reuters
"We are ready," she said.
(Reporting by Jane Roe; Editing by John Doe)
Follow us @dailynews on Twitter
Click here to read more
jdoe in: Another unrelated post title
Nice article, thanks
"""


def _flags(text):
    return {text[ln.start : ln.end]: ln.furniture for ln in classify_lines(text, split_lines(text))}


def test_furniture_lines_are_flagged_and_prose_is_kept():
    f = _flags(PAGE)
    kept = {k for k, v in f.items() if v is None and k.strip()}
    assert kept == {
        "Minister says talks will resume",
        "The minister said on Monday that talks would resume next week.",
        '"We are ready," she said.',
    }


def test_caption_duplicated_above_credit_line_is_flagged():
    f = _flags(PAGE)
    assert f["A man walks past the ministry in the capital on Monday."] == "caption"


def test_everything_after_reader_comment_widget_is_dropped():
    f = _flags(PAGE)
    assert f["Nice article, thanks"] == "after_article"


def test_seed_furniture_lines(seeds):
    furniture = [
        "Stay tuned with 24 News HD Android App",
        "Europe",
        "First modification:",
        "with AFP",
        "Source link",
        "DON’T MISS:",
        "Scroll down to our comments section below to share your views on this story",
        "Source: Read Full Article",
    ]
    flagged = set()
    for text in seeds.values():
        for k, v in _flags(text).items():
            if v:
                flagged.add(k)
    for line in furniture:
        assert line in flagged, line
    assert any(k.startswith("admin in:") for k in flagged)
    assert any(k.endswith("[REVEAL]") for k in flagged)
    assert any(k.startswith("Follow me @") for k in flagged)
    assert any(k.startswith("We use your sign-up") for k in flagged)
    assert any("© Dimitar Dilkoff, AFP" in k for k in flagged)


def _last_line(text):
    lines = [ln for ln in classify_lines(text, split_lines(text)) if text[ln.start : ln.end].strip()]
    return text[lines[-1].start : lines[-1].end], lines[-1].furniture


RULE_EXAMPLES = [pytest.param(rule.id, ex, id=f"{rule.id}-{i}") for rule in RULES for i, ex in enumerate(rule.examples)]
RULE_COUNTER_EXAMPLES = [
    pytest.param(rule.id, ex, id=f"{rule.id}-{i}") for rule in RULES for i, ex in enumerate(rule.counter_examples)
]


@pytest.mark.parametrize(("rule_id", "example"), RULE_EXAMPLES)
def test_every_rule_flags_its_examples_with_its_own_id(rule_id, example):
    # a context rule's example holds the lines around the one it flags
    flags = [(example[ln.start : ln.end], ln.furniture) for ln in classify_lines(example, split_lines(example))]
    assert any(furniture == rule_id for _, furniture in flags), flags


@pytest.mark.parametrize(("rule_id", "example"), RULE_COUNTER_EXAMPLES)
def test_no_rule_flags_a_counter_example(rule_id, example):
    line, furniture = _last_line(example)
    assert furniture is None, f"{line!r} was flagged {furniture!r}"


def test_every_rule_has_examples_and_counter_examples_and_a_unique_priority():
    assert all(rule.examples and rule.counter_examples for rule in RULES)
    priorities = [rule.priority for rule in RULES]
    assert len(set(priorities)) == len(priorities)
    assert set(RULES_BY_ID) == {rule.id for rule in RULES}


def test_every_dropped_line_names_a_registered_rule(seeds):
    # --explain looks the id up to say why a line was dropped
    texts = [PAGE, *seeds.values(), *(rule_ex for rule in RULES for rule_ex in rule.examples)]
    recorded = {ln.furniture for text in texts for ln in classify_lines(text, split_lines(text)) if ln.furniture}
    assert recorded
    assert recorded <= set(RULES_BY_ID)


def test_a_sentence_introducing_the_articles_own_list_is_not_a_teaser_in_a_headline_list():
    text = (
        "There's still a chance for these teams\n"
        "As it stands, each group of teams below will play a semifinal and final for a spot at the tournament "
        "according to UEFA:\n"
        "Path A: Iceland, Bulgaria\nPath B: Wales, Slovakia\nPath C: Scotland, Norway\n"
    )
    intro = next(ln for ln in classify_lines(text, split_lines(text)) if "As it stands" in text[ln.start : ln.end])
    assert intro.furniture is None
