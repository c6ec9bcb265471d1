"""Score extract_claims on a held-out construction set (never tuned on): python bench/holdout.py [-v] [PATH].

PATH defaults to tests/claims/extraction/data/holdout_constructions.jsonl (seen while tuning 2.1.0; the unseen
one is holdout_constructions_v2.jsonl in the same folder). Each file holds one short text per line with its gold claims
(``content`` as written, ``source`` names or null when any source will do) and ``not_claims`` fragments.
A gold claim is found when a claim covers half of its content and lies half inside it; its boundary is
exact when the claim's span equals the content; precision counts claims lying half inside a gold content.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims, source_key  # noqa: E402

HOLDOUT = ROOT / "tests/claims/extraction/data/holdout_constructions.jsonl"


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def main(path: Path = HOLDOUT, verbose: bool = False) -> None:
    gold_n = found = exact = src_ok = pred_n = pred_ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        claims = extract_claims(text)
        spans = []
        for g in row["claims"]:
            gs = text.index(g["content"])
            ge = gs + len(g["content"])
            spans.append((gs, ge))
            gold_n += 1
            hits = [c for c in claims if _overlap(c.start, c.end, gs, ge) >= 0.5 * max(ge - gs, c.end - c.start)]
            if not hits:
                if verbose:
                    print("missed", row["id"], repr(g["content"]), [c.text for c in claims])
                continue
            found += 1
            exact += any((c.start, c.end) == (gs, ge) for c in hits)
            if verbose and not any((c.start, c.end) == (gs, ge) for c in hits):
                print("boundary", row["id"], repr(g["content"]), [c.text for c in hits])
            wanted = {source_key(s) for s in g["source"]} if g["source"] else None
            if wanted is None or any(c.source and source_key(c.source) in wanted for c in hits):
                src_ok += 1
            elif verbose:
                print("source", row["id"], g["source"], [c.source for c in hits])
        for c in claims:
            pred_n += 1
            ok = any(_overlap(c.start, c.end, gs, ge) >= 0.5 * (c.end - c.start) for gs, ge in spans)
            pred_ok += ok
            if verbose and not ok:
                print("spurious", row["id"], c.rule_id if hasattr(c, "rule_id") else "", repr(c.text))
    recall = found / gold_n if gold_n else 0.0
    precision = pred_ok / pred_n if pred_n else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    print(
        f"holdout gold={gold_n} predicted={pred_n} recall={recall:.3f} precision={precision:.3f} f1={f1:.3f} "
        f"exact_boundary={exact / found if found else 0:.3f} source_accuracy={src_ok / found if found else 0:.3f}"
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(args[0]) if args else HOLDOUT, "-v" in sys.argv)
