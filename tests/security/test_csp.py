"""The Content-Security-Policy under production settings: on every HTML page, enforced, no inline script."""

from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests.claims.factories import ClaimFactory
from tests.factories import sign_in_form
from tests.security.factories import through_proxy

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class _ScriptThatRuns(HTMLParser):
    """Markup that would run script without a file: inline <script>, on* handlers, hx-on, javascript: links,
    htmx values evaluated as JavaScript."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.found.append("inline <script>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith(("on", "hx-on", "data-hx-on")):
                self.found.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction"} and value.startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")
            if name in {"hx-vals", "hx-headers", "data-hx-vals", "data-hx-headers"} and value.startswith(
                ("js:", "javascript:")
            ):
                self.found.append(f"{tag} {name}=js:")


def script_that_runs(html: str) -> list[str]:
    parser = _ScriptThatRuns()
    parser.feed(html)
    return parser.found


def script_src(policy: str) -> list[str]:
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
    return directives["script-src"].split()


@pytest.mark.parametrize("path", sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html")))
def test_no_template_has_inline_script_or_event_handlers(path):
    assert script_that_runs((TEMPLATES / path).read_text()) == []


def test_the_checker_sees_every_kind_of_inline_script():
    html = (
        '<script>alert(1)</script><button onclick="x()">b</button><div hx-on:click="x()"></div>'
        '<div hx-on::after-request="x()"></div><a href="javascript:x()">a</a><form hx-vals="js:{a: x()}"></form>'
        '<script src="/static/js/review.js"></script>'
    )
    assert len(script_that_runs(html)) == 6


def _pages(claim) -> list[str]:
    names = ["home", "review", "article_list", "article_new", "adjudicate", "dashboard", "cluster_list"]
    pages = [reverse(name) for name in names]
    pages += [reverse("article_detail", args=[claim.article.pk]), reverse("claim_detail", args=[claim.pk])]
    pages += [reverse("two_factor:profile"), reverse("api-docs"), "/no-such-page/", reverse("admin:index")]
    for model in admin.site._registry:
        pages.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    return pages


def _assert_enforced_policy_without_inline_script(response, where: str) -> None:
    assert "Content-Security-Policy-Report-Only" not in response, where
    sources = script_src(response["Content-Security-Policy"])
    assert "'self'" in sources, where
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:", "http:"} & set(sources), where
    assert script_that_runs(response.content.decode()) == [], where


def test_every_html_page_carries_an_enforced_policy_and_no_inline_script(verified_admin):
    for path in _pages(ClaimFactory()):
        response = verified_admin.get(path)
        assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}, path
        assert response["Content-Type"].startswith("text/html"), path
        _assert_enforced_policy_without_inline_script(response, path)


def test_sign_in_and_lockout_pages_carry_the_policy_too(behind_one_proxy, staff):
    client = Client()
    _assert_enforced_policy_without_inline_script(client.get(reverse("login")), "login")
    for _ in range(5):
        response = client.post(reverse("login"), sign_in_form("admin", "guess"), **through_proxy("203.0.113.5"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    _assert_enforced_policy_without_inline_script(response, "lockout")


def test_swagger_ui_loads_its_start_up_script_from_our_origin(verified_admin):
    page = verified_admin.get(reverse("api-docs")).content.decode()
    assert f'<script src="{reverse("api-docs")}?script="></script>' in page
    script = verified_admin.get(reverse("api-docs"), {"script": ""})
    assert script.status_code == HTTPStatus.OK
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def test_htmx_runs_without_eval_or_script_from_swapped_html(verified_admin):
    page = verified_admin.get(reverse("review")).content.decode()
    assert '"allowEval":false' in page
    assert '"allowScriptTags":false' in page
