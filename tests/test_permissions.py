"""Every URL of the web UI × every role, with the answer each should get.

The table must name every URL pattern of config.urls (the admin, the API and static files aside): a new page
without an entry here fails `test_every_web_url_has_an_entry_in_the_table`.
"""

from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from annotations.models import ClaimFixProposal
from annotations.services import annotation_submit, claim_adjudicate
from matching.models import MatchStatus
from tests.claims.factories import ArticleFactory, ClaimFactory
from tests.factories import UserFactory
from tests.jobs.factories import JobFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "annotator", "reviewer", "admin")
LOGIN = "to login"  # a redirect to the sign-in page
OK, FOUND, FORBIDDEN, NOT_ALLOWED = HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.METHOD_NOT_ALLOWED
EXCLUDED_PREFIXES = ("admin/", "api/", "static/")


@dataclass(frozen=True)
class Case:
    method: str
    expected: tuple  # one answer per role, in ROLES order
    data: str = ""  # name of the POST body builder below


def _posted_only(post: tuple, data: str = "") -> list[Case]:
    """A POST-only endpoint: GET is 405 for everyone (require_POST answers before the sign-in check)."""
    return [Case("get", (NOT_ALLOWED,) * 4), Case("post", post, data)]


EVERYONE = (OK, OK, OK, OK)
SIGNED_IN = (LOGIN, OK, OK, OK)
REVIEWERS = (LOGIN, FORBIDDEN, OK, OK)

TABLE: dict[str, list[Case]] = {
    # django.contrib.auth
    "login": [Case("get", EVERYONE)],
    "logout": _posted_only((FOUND, FOUND, FOUND, FOUND)),
    "password_change": [Case("get", SIGNED_IN)],
    "password_change_done": [Case("get", SIGNED_IN)],
    "password_reset": [Case("get", EVERYONE)],
    "password_reset_done": [Case("get", EVERYONE)],
    "password_reset_confirm": [Case("get", EVERYONE)],
    "password_reset_complete": [Case("get", EVERYONE)],
    # django-two-factor-auth (security.urls): enrolment for any signed-in user; the QR code only during enrolment,
    # backup codes and "enrolled" only after a second factor (else to sign-in), disabling only then (else home).
    "profile": [Case("get", SIGNED_IN)],
    "setup": [Case("get", SIGNED_IN)],
    "qr": [Case("get", (LOGIN, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_FOUND))],
    "setup_complete": [Case("get", (LOGIN,) * 4)],
    "backup_tokens": [Case("get", (LOGIN,) * 4)],
    "disable": [Case("get", (FOUND,) * 4)],
    # annotations
    "home": [Case("get", SIGNED_IN)],
    "review": [Case("get", SIGNED_IN)],
    # Forms that render their errors at their own address: a GET there (a reload later) goes back to the page.
    "review_submit": [Case("get", (LOGIN, FOUND, FOUND, FOUND)), Case("post", (LOGIN, FOUND, FOUND, FOUND), "label")],
    "review_skip": _posted_only((LOGIN, FOUND, FOUND, FOUND), "claim"),
    "review_undo": _posted_only((LOGIN, FOUND, FOUND, FOUND)),
    "adjudicate": [Case("get", REVIEWERS)],
    "adjudicate_submit": [
        Case("get", (LOGIN, FOUND, FOUND, FOUND)),
        Case("post", (LOGIN, FORBIDDEN, FOUND, FOUND), "adjudication"),
    ],
    "claim_reopen": _posted_only((LOGIN, FORBIDDEN, FOUND, FOUND)),
    "dashboard": [Case("get", REVIEWERS)],
    # matching
    "match_decide": _posted_only((LOGIN, FOUND, FOUND, FOUND), "decision"),
    "match_apply_verdict": _posted_only((LOGIN, FOUND, FOUND, FOUND), "claim"),
    "cluster_list": [Case("get", REVIEWERS)],
    "extraction_report": [Case("get", REVIEWERS)],
    # claims
    "article_list": [Case("get", SIGNED_IN)],
    "article_new": [Case("get", REVIEWERS), Case("post", (LOGIN, FORBIDDEN, FOUND, FOUND), "article")],
    "article_upload": [
        Case("get", (LOGIN, FORBIDDEN, FOUND, FOUND)),
        Case("post", (LOGIN, FORBIDDEN, FOUND, FOUND), "upload"),
    ],
    "article_detail": [Case("get", SIGNED_IN)],
    "claim_new": [Case("get", SIGNED_IN), Case("post", (LOGIN, FOUND, FOUND, FOUND), "new_claim")],
    "claim_detail": [Case("get", SIGNED_IN)],
    "claim_flag": _posted_only((LOGIN, FOUND, FOUND, FOUND), "flag"),
    "claim_source": _posted_only((LOGIN, FOUND, FOUND, FOUND), "source"),
    # the reviewers' workspace
    "claim_browser": [Case("get", REVIEWERS)],
    "claims_bulk": [
        Case("get", (LOGIN, FORBIDDEN, FOUND, FOUND)),
        Case("post", (LOGIN, FORBIDDEN, FOUND, FOUND), "bulk"),
    ],
    "claims_mine": [Case("get", SIGNED_IN)],
    "claim_fix": [Case("get", SIGNED_IN), Case("post", (LOGIN, FOUND, FOUND, FOUND), "fix")],
    "proposal_decide": _posted_only((LOGIN, FORBIDDEN, FOUND, FOUND), "proposal"),
    "guidelines": [Case("get", SIGNED_IN)],
    "guidelines_edit": [Case("get", REVIEWERS), Case("post", (LOGIN, FORBIDDEN, FOUND, FOUND), "guidelines")],
    "account_token": [Case("get", SIGNED_IN)],
    "account_token_create": _posted_only((LOGIN, OK, OK, OK)),
    "account_token_revoke": _posted_only((LOGIN, FOUND, FOUND, FOUND)),
    # jobs: the world's job was started by an admin, so an annotator does not see it
    "job_list": [Case("get", SIGNED_IN)],
    "job_start": _posted_only((LOGIN, FORBIDDEN, FOUND, FOUND), "job"),
    "job_detail": [Case("get", (LOGIN, HTTPStatus.NOT_FOUND, OK, OK))],
    "job_cancel": _posted_only((LOGIN, HTTPStatus.NOT_FOUND, FOUND, FOUND)),
}


def _web_url_names() -> set[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(EXCLUDED_PREFIXES):
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern.name

    return set(walk(get_resolver("config.urls").url_patterns))


def test_every_web_url_has_an_entry_in_the_table():
    assert _web_url_names() == set(TABLE)


@dataclass
class World:
    article: object
    open_claim: object  # no labels yet
    conflicting: object  # two labels that disagree, then adjudicated
    decided: object  # has a final verdict
    suggested_match: object
    confirmed_match: object
    job: object


def _world() -> World:
    first, second = UserFactory(username="w1"), UserFactory(username="w2")
    for user in (first, second):
        user.groups.add(Group.objects.get(name="annotator"))
    boss = UserFactory(username="w-boss", is_staff=True)
    article = ArticleFactory()
    open_claim = ClaimFactory(article=article)
    conflicting = ClaimFactory()
    decided = ClaimFactory()
    third = ClaimFactory()
    annotation_submit(claim=conflicting, annotator=first, verdict="verified")
    annotation_submit(claim=conflicting, annotator=second, verdict="disputed")
    claim_adjudicate(claim=conflicting, reviewer=boss, verdict="verified", rationale="settled")
    claim_adjudicate(claim=decided, reviewer=boss, verdict="disputed", rationale="contradicted")
    return World(
        article=article,
        open_claim=open_claim,
        conflicting=conflicting,
        decided=decided,
        suggested_match=ClaimMatchFactory(claim=open_claim, other=third, status=MatchStatus.SUGGESTED),
        confirmed_match=ClaimMatchFactory(claim=open_claim, other=decided, status=MatchStatus.CONFIRMED),
        job=JobFactory(started_by=boss),
    )


TWO_FACTOR_NAMES = {"profile", "setup", "qr", "setup_complete", "backup_tokens", "disable"}


def _url(name: str, w: World) -> str:
    kwargs = {
        "password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "claim_reopen": {"pk": w.conflicting.pk},
        "match_decide": {"pk": w.suggested_match.pk},
        "match_apply_verdict": {"pk": w.confirmed_match.pk},
        "article_detail": {"pk": w.article.pk},
        "claim_new": {"pk": w.article.pk},
        "claim_detail": {"pk": w.conflicting.pk},
        "claim_flag": {"pk": w.open_claim.pk},
        "claim_source": {"pk": w.open_claim.pk},
        "claim_fix": {"pk": w.open_claim.pk},
        "job_detail": {"pk": w.job.pk},
        "job_cancel": {"pk": w.job.pk},
    }.get(name, {})
    if name == "proposal_decide":  # an annotator's proposed fix of the open claim
        proposal = ClaimFixProposal.objects.create(
            claim=w.open_claim, proposed_by=w.conflicting.annotations.first().annotator, start=0, end=5, text="x"
        )
        kwargs = {"pk": proposal.pk}
    return reverse(f"two_factor:{name}" if name in TWO_FACTOR_NAMES else name, kwargs=kwargs)


def _data(kind: str, w: World) -> dict:
    body = w.article.body
    sentence = "40 drones were shot down overnight"
    return {
        "": {},
        "claim": {"claim": w.open_claim.pk},
        "label": {"claim": w.open_claim.pk, "verdict": "verified"},
        "adjudication": {"claim": w.conflicting.pk, "verdict": "disputed", "rationale": "the footage is older"},
        "decision": {"claim": w.open_claim.pk, "status": MatchStatus.CONFIRMED},
        "article": {"body": "Bridge closed\nThe mayor said the bridge would stay closed until spring."},
        "upload": {"files": SimpleUploadedFile("one.txt", b"Dam report\nThe engineer said the dam was safe.")},
        "new_claim": {"start": body.index(sentence), "end": body.index(sentence) + len(sentence), "text": sentence},
        "flag": {"flagged": "1"},
        "source": {"new_name": "Ministry of Defence", "kind": "government"},
        "bulk": {"claims": [w.open_claim.pk], "action": "flag", "kind": "unknown"},
        "fix": {"start": w.open_claim.start, "end": w.open_claim.end - 1, "source_kind": "unknown"},
        "guidelines": {"text": "# Guidelines\n\nVerified means checked."},
        "proposal": {"decision": "reject"},
        "job": {"kind": "matching"},
    }[kind]


def _sign_in(client, role: str, request) -> None:
    if role != "anonymous":
        fixture = {"annotator": "annotator", "reviewer": "reviewer", "admin": "admin_user"}[role]
        client.force_login(request.getfixturevalue(fixture))


CASES = [
    pytest.param(name, case, role, expected, id=f"{name}-{case.method}-{role}")
    for name, cases in TABLE.items()
    for case in cases
    for role, expected in zip(ROLES, case.expected, strict=True)
]


@pytest.mark.parametrize(("name", "case", "role", "expected"), CASES)
def test_each_role_gets_the_expected_answer(client, request, name, case, role, expected):
    world = _world()
    _sign_in(client, role, request)
    url = _url(name, world)
    response = client.get(url) if case.method == "get" else client.post(url, _data(case.data, world))
    if expected == LOGIN:
        assert response.status_code == HTTPStatus.FOUND, response.content[:500]
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected, response.content[:800]
        if expected == HTTPStatus.FOUND and role != "anonymous" and name != "logout":
            assert not response["Location"].startswith(reverse("login"))
