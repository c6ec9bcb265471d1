from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import ClaimOrigin
from claims.services import claim_flag, claim_set_source
from tests.claims.factories import ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged_claims(reviewer):
    quote = [ClaimFactory(extraction_rule="colon-quote") for _ in range(4)]
    verb = [ClaimFactory(extraction_rule="cue-verb-that") for _ in range(5)]
    ClaimFactory(extraction_rule="", origin=ClaimOrigin.MANUAL)  # added by hand: no rule to blame
    claim_flag(claim=quote[0], user=reviewer)
    claim_flag(claim=quote[1], user=reviewer)
    claim_set_source(claim=verb[0], user=reviewer, source=SourceFactory())
    return quote, verb


def test_extraction_report_ranks_rules_by_the_share_reviewers_flagged_or_fixed(reviewer_client, judged_claims):
    response = reviewer_client.get(reverse("extraction_report"))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert page.index("colon-quote") < page.index("cue-verb-that")
    assert "2 (50 %)" in page  # colon-quote: 2 of 4 flagged
    assert "1 (20 %)" in page  # cue-verb-that: 1 of 5 edited


def test_extraction_report_command_prints_the_same_table(judged_claims, capsys):
    call_command("extraction_report")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["colon-quote", "4", "2", "50.0%", "0", "0.0%"]
    assert lines[2].split() == ["cue-verb-that", "5", "0", "0.0%", "1", "20.0%"]
    assert len(lines) == 3


def test_extraction_report_is_for_reviewers(annotator_client):
    assert annotator_client.get(reverse("extraction_report")).status_code == HTTPStatus.FORBIDDEN


def test_claim_page_tells_reviewers_which_rule_made_the_claim(client, reviewer, annotator):
    claim = ClaimFactory(extraction_rule="according-to", extractor_version="2.0")
    client.force_login(reviewer)
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Extracted by rule <code>according-to</code> (extractor 2.0)" in page
    client.force_login(annotator)
    assert "according-to" not in client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
