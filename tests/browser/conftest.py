"""Browser tests: Playwright for Python driving Debian's chromium against pytest-django's live_server."""

import importlib
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery staple"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# A short wire story with its claims, as extraction would mark them (offsets come from the text itself).
STORY_TITLE = "Ukraine receives air defence pledges as allies meet"
STORY_BODY = (
    "Ukraine receives air defence pledges as allies meet\n"
    "Kyiv, 13 October\n"
    "Britain said on Thursday that it would supply missiles for the NASAMS systems pledged by the United States.\n"
    "“These weapons will help Ukraine defend its skies from attacks,” British Defence Minister Ben Wallace said.\n"
    "According to the regional governor, two people were injured when a drone hit an apartment block overnight.\n"
    "Moscow has denied targeting civilians 🙂 and the Kremlin said talks were not on the agenda for now.\n"
    "The Kremlin said Turkey's offer to mediate would be considered, spokesman Dmitry Peskov told reporters.\n"
)
STORY_CLAIMS = [
    # (claim text, who, how they are named in the text, cue)
    (
        "it would supply missiles for the NASAMS systems pledged by the United States",
        "UK government",
        "Britain",
        "said",
    ),
    ("These weapons will help Ukraine defend its skies from attacks", "Ben Wallace", "Ben Wallace", "said"),
    (
        "two people were injured when a drone hit an apartment block overnight",
        "Regional governor",
        "the regional governor",
        "According to",
    ),
    ("Turkey's offer to mediate would be considered", "Dmitry Peskov", "spokesman Dmitry Peskov", "told"),
]


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run beside one unless told.

    Set for this package only: left in the environment, it would reach other tests' subprocesses (check --deploy
    warns about it).
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM}; the browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (separate cookies), closed after the test."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def ensure_roles() -> None:
    """The role groups come from a data migration, and a transactional test's flush may have removed them."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    if not Permission.objects.filter(content_type__app_label="annotations").exists():
        # A transactional test's flush with serialized_rollback skips post_migrate, which makes permissions.
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
    roles = importlib.import_module("annotations.migrations.0002_roles").ROLE_PERMISSIONS
    for role, perms in roles.items():
        group, created = Group.objects.get_or_create(name=role)
        if created:
            for app_label, codename in perms:
                group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def make_user(username: str, role: str = "annotator"):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    ensure_roles()
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


def make_story():
    """The story above with its four claims, in article order."""
    from claims.models import Source, SourceKind
    from tests.claims.factories import ArticleFactory, ClaimFactory

    article = ArticleFactory(
        title=STORY_TITLE,
        body=STORY_BODY,
        publisher="Example Wire",
        url="https://example.com/air-defence",
        published_at=datetime(2022, 10, 13, 9, 30, tzinfo=UTC),
    )
    claims = []
    for position, (text, name, mention, cue) in enumerate(STORY_CLAIMS):
        start = STORY_BODY.index(text)
        source, _ = Source.objects.get_or_create(key=name.lower(), defaults={"name": name, "kind": SourceKind.PERSON})
        claims.append(
            ClaimFactory(
                article=article,
                start=start,
                end=start + len(text),
                text=text,
                source=source,
                source_mention=mention,
                cue=cue,
                is_direct_quote=text.startswith("These"),
                position=position,
            )
        )
    return article, claims


def sign_in(page, live_server, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(f"{live_server.url}/")


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> None:
    """Wait until a JavaScript expression is true in the page.

    Playwright's wait_for_function compiles its predicate with eval inside the page, which the Content-Security-
    Policy forbids (no 'unsafe-eval'); page.evaluate runs through the DevTools protocol, which the policy does not
    govern, so this polls with it instead.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout}s waiting for: {expression}")
        page.wait_for_timeout(50)
