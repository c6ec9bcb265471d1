import pytest

from annotations.models import Verdict
from annotations.selectors import agreement_report
from annotations.services import annotation_submit
from tests.claims.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_agreement_report_gives_alpha_kappa_and_per_annotator_figures(settings, annotator, second_annotator):
    settings.LABELS_PER_CLAIM = 2
    claims = [ClaimFactory() for _ in range(4)]
    first = [Verdict.VERIFIED, Verdict.DISPUTED, Verdict.VERIFIED, Verdict.UNVERIFIED]
    second = [Verdict.VERIFIED, Verdict.DISPUTED, Verdict.DISPUTED, Verdict.UNVERIFIED]
    for claim, a, b in zip(claims, first, second, strict=True):
        annotation_submit(claim=claim, annotator=annotator, verdict=a, seconds_spent=4)
        annotation_submit(claim=claim, annotator=second_annotator, verdict=b, seconds_spent=10)

    report = agreement_report()

    assert report.overall.units == 4
    assert report.overall.labels == 8
    assert 0 < report.overall.alpha < 1
    (pair,) = report.pairs
    assert (pair.coder_a, pair.coder_b, pair.shared_units) == ("ann", "ann2", 4)
    assert pair.observed_agreement == pytest.approx(0.75)
    figures = {f.username: f for f in report.annotators}
    assert figures["ann"].labels == 4
    assert figures["ann"].median_seconds == 4
    # Three claims are agreed; both annotators match the consensus on all three.
    assert (figures["ann2"].agreement_with_consensus, figures["ann2"].compared) == (1.0, 3)
    assert len(report.by_article) == 4
