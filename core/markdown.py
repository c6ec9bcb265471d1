"""Markdown that people type, turned into HTML that is safe to show to everyone else.

markdown-it-py (CommonMark) with raw HTML off escapes any tag typed into the text; nh3 (the Rust ammonia
sanitiser) then keeps only ordinary document tags and http(s)/mailto links, so a stored page cannot run script
even if a renderer bug let markup through.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_TAGS = {
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
    "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip


@lru_cache(maxsize=64)
def render_markdown(text: str) -> SafeString:
    """Pure in the text, so remembered: the guidelines show on every review page and change rarely."""
    html = _renderer.render(text or "")
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},  # no style attributes: the site's CSP allows no inline styles
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised just above
