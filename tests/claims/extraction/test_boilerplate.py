from claims.extraction.boilerplate import classify_lines
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
