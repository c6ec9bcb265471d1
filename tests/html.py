"""Reading rendered pages the way a browser would."""

from html.parser import HTMLParser


class _BodyText(HTMLParser):
    """The text a browser's DOM would hold inside #article-body (display:none text included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.text = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif ("id", "article-body") in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def article_body_text(page: str) -> str:
    parser = _BodyText()
    parser.feed(page)
    return "".join(parser.text)
