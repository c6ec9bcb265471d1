"""Inter-annotator agreement: Krippendorff's alpha (nominal) and Cohen's kappa. Plain Python over label tuples.

The statistics come from well-kept libraries (`krippendorff`, scikit-learn); this module only shapes the data
and says when a figure is undefined (no pairable labels, or a single category in use), returning None then.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

Label = tuple[Hashable, Hashable, Hashable]  # (unit, coder, value)


@dataclass(frozen=True)
class AlphaResult:
    alpha: float | None
    units: int  # units with at least two labels: the ones alpha rests on
    labels: int  # labels in those units


@dataclass(frozen=True)
class KappaResult:
    coder_a: Hashable
    coder_b: Hashable
    kappa: float | None
    shared_units: int
    observed_agreement: float | None


def krippendorff_alpha(labels: Iterable[Label]) -> AlphaResult:
    """Nominal alpha over units labelled by two or more coders (single labels carry no agreement information)."""
    by_unit: dict[Hashable, dict[Hashable, Hashable]] = defaultdict(dict)
    for unit, coder, value in labels:
        by_unit[unit][coder] = value
    pairable = {unit: coders for unit, coders in by_unit.items() if len(coders) >= 2}
    n_labels = sum(len(coders) for coders in pairable.values())
    values = sorted({v for coders in pairable.values() for v in coders.values()}, key=str)
    if len(values) < 2:
        # No pairable data, or everyone used one category: alpha is 0/0, undefined.
        return AlphaResult(None, len(pairable), n_labels)
    import krippendorff  # imported here: numpy and friends cost every web worker ~90 MB if loaded at start-up
    import numpy as np

    coders = sorted({c for coders in pairable.values() for c in coders}, key=str)
    code = {value: index for index, value in enumerate(values)}
    matrix = np.full((len(coders), len(pairable)), np.nan)
    coder_row = {coder: row for row, coder in enumerate(coders)}
    for column, unit_coders in enumerate(pairable.values()):
        for coder, value in unit_coders.items():
            matrix[coder_row[coder], column] = code[value]
    alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    return AlphaResult(None if math.isnan(alpha) else float(alpha), len(pairable), n_labels)


def cohen_kappa(pairs: list[tuple[Hashable, Hashable]], coder_a=None, coder_b=None) -> KappaResult:
    """Cohen's kappa for two coders' labels on the same units."""
    if not pairs:
        return KappaResult(coder_a, coder_b, None, 0, None)
    first, second = [str(a) for a, _ in pairs], [str(b) for _, b in pairs]
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / len(pairs)
    if len(set(first) | set(second)) < 2:
        return KappaResult(coder_a, coder_b, None, len(pairs), observed)
    from sklearn.metrics import cohen_kappa_score  # lazily, like krippendorff above

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kappa = cohen_kappa_score(first, second)
    return KappaResult(coder_a, coder_b, None if math.isnan(kappa) else float(kappa), len(pairs), observed)


def pairwise_kappas(labels: Iterable[Label]) -> list[KappaResult]:
    """Cohen's kappa for every pair of coders that share at least one unit."""
    by_coder: dict[Hashable, dict[Hashable, Hashable]] = defaultdict(dict)
    for unit, coder, value in labels:
        by_coder[coder][unit] = value
    results = []
    for coder_a, coder_b in combinations(sorted(by_coder, key=str), 2):
        shared = sorted(by_coder[coder_a].keys() & by_coder[coder_b].keys(), key=str)
        if shared:
            pairs = [(by_coder[coder_a][u], by_coder[coder_b][u]) for u in shared]
            results.append(cohen_kappa(pairs, coder_a, coder_b))
    return results
