"""Score extract_claims against PolNeAR: python bench/attribution.py ../shared/eval/polnear/dev.jsonl [-v] [--rules].

``--rules`` also prints, per extraction rule, how many claims it made and the share lying inside a gold content
(the scorer's precision criterion), so the rules to fix next can be read off.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims  # noqa: E402


def _inside(start: int, end: int, contents: list[tuple[int, int]]) -> bool:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in contents) >= 0.5 * (end - start)


def main(gold: str, verbose: bool = False, rules: bool = False) -> None:
    gold_path = Path(gold).resolve()
    docs: dict[str, str] = {}
    contents: dict[str, list[tuple[int, int]]] = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["doc_id"] not in docs:  # first annotator's record per article
                docs[r["doc_id"]] = r["text"]
                contents[r["doc_id"]] = [(x["start"], x["end"]) for a in r["attributions"] for x in a["content"]]
    per_rule: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for doc_id, text in docs.items():
            for c in extract_claims(text):
                tally = per_rule.setdefault(c.rule_id, [0, 0])
                tally[0] += 1
                tally[1] += _inside(c.start, c.end, contents[doc_id])
                out.write(
                    json.dumps(
                        {
                            "article": f"{doc_id}.txt",
                            "start": c.start,
                            "end": c.end,
                            "source": c.source,
                            "source_mention": c.source_mention,
                            "cue": c.cue,
                            "quote": c.is_direct_quote,
                        }
                    )
                    + "\n"
                )
        claims_path = out.name
    print(f"extracted {len(docs)} articles in {time.perf_counter() - t0:.2f}s -> {claims_path}")
    spec = importlib.util.spec_from_file_location("polnear_score", gold_path.parent / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scorer.main(str(gold_path), claims_path, verbose)
    Path(claims_path).unlink()
    if rules:
        for rule_id, (n, ok) in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
            print(f"  {rule_id:<26} claims={n:<5} inside_gold={ok / n:.3f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("-v", "--rules")]
    main(
        args[0] if args else str(ROOT.parent / "shared/eval/polnear/dev.jsonl"), "-v" in sys.argv, "--rules" in sys.argv
    )
