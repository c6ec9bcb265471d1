import pytest

from annotations.agreement import cohen_kappa, krippendorff_alpha, pairwise_kappas

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data with missing values:
# 4 observers, 12 units; the paper gives alpha = 0.743.
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def _labels(table):
    return [(unit, coder, v) for coder, row in table.items() for unit, v in enumerate(row) if v is not None]


def test_krippendorff_alpha_matches_the_worked_example_in_krippendorff_2011():
    result = krippendorff_alpha(_labels(KRIPPENDORFF_2011))
    assert result.alpha == pytest.approx(0.743, abs=0.0005)
    assert result.units == 11  # unit 12 has a single label and carries no information


def test_krippendorff_alpha_is_undefined_when_only_one_category_is_used():
    result = krippendorff_alpha([(1, "a", "verified"), (1, "b", "verified"), (2, "a", "verified")])
    assert result.alpha is None
    assert result.units == 1


def test_krippendorff_alpha_is_one_for_perfect_agreement_and_negative_for_systematic_disagreement():
    agree = [(u, c, "verified" if u % 2 else "disputed") for u in range(10) for c in ("a", "b")]
    assert krippendorff_alpha(agree).alpha == pytest.approx(1.0)
    disagree = [(u, "a", "verified") for u in range(10)] + [(u, "b", "disputed") for u in range(10)]
    disagree += [(10, "a", "disputed"), (10, "b", "verified")]
    assert krippendorff_alpha(disagree).alpha < 0


def test_cohen_kappa_matches_the_textbook_example():
    # Cohen's kappa worked example (Wikipedia, "Cohen's kappa"): 50 proposals, yes/yes 20, yes/no 5,
    # no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    result = cohen_kappa(pairs)
    assert result.kappa == pytest.approx(0.4)
    assert result.observed_agreement == pytest.approx(0.7)
    assert result.shared_units == 50


def test_cohen_kappa_is_undefined_without_variation_and_empty_without_shared_units():
    assert cohen_kappa([("verified", "verified")] * 3).kappa is None
    assert cohen_kappa([]).shared_units == 0


def test_pairwise_kappas_pairs_only_coders_with_shared_units():
    labels = [(1, "ann", "verified"), (1, "bob", "verified"), (2, "ann", "disputed"), (2, "bob", "verified")]
    labels += [(3, "cat", "verified")]
    results = pairwise_kappas(labels)
    assert [(r.coder_a, r.coder_b, r.shared_units) for r in results] == [("ann", "bob", 2)]
    assert results[0].kappa == pytest.approx(0.0)  # p_o = p_e = 0.5
