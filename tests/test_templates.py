"""Template hygiene a reader of any page would notice."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_no_template_comment_spans_lines():
    """Django's {# #} comment ends at the line's end: one spanning lines is printed on the page as text (it was, at
    the top of every page, from base.html). Longer comments use {% comment %}."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for opening in re.finditer(r"\{#", line):
                if "#}" not in line[opening.end() :]:
                    offenders.append(f"{path.relative_to(TEMPLATES)}:{number}")
    assert offenders == []


def test_pages_show_no_template_syntax(annotator_client):
    response = annotator_client.get("/review/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "{#" not in page
    assert "#}" not in page
