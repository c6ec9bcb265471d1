"""Score extract_claims against PolNeAR: python bench/attribution.py ../shared/eval/polnear/dev.jsonl [-v]."""

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


def main(gold: str, verbose: bool = False) -> None:
    gold_path = Path(gold).resolve()
    docs: dict[str, str] = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            docs.setdefault(r["doc_id"], r["text"])  # first annotator's record per article
    t0 = time.perf_counter()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for doc_id, text in docs.items():
            for c in extract_claims(text):
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


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(args[0] if args else str(ROOT.parent / "shared/eval/polnear/dev.jsonl"), "-v" in sys.argv)
