"""Throughput of extract_claims on one core: python bench/extraction.py [MIN_MB]."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract_claims  # noqa: E402

SAMPLES = [
    'Officials said on Tuesday that the bridge would reopen next month. "We are confident," '
    "the mayor, Jane Doe, told reporters. She added that repairs cost $2 million.\n"
    "According to the transport ministry, traffic fell by a third.\n",
    'The company denied the report.\nIn a statement, Acme Corp said it "fully complies with the law".\n'
    "Analysts estimated that profits would fall, while the union warned of strikes.\n",
    "Gen. Mark Smith, the army chief, said: \u201cThe situation is stable.\n\u201cWe will not retreat.\u201d\n"
    "Source link\nFollow us on Twitter\n",
]


def corpus(min_bytes: int) -> list[str]:
    seeds_dir = ROOT / "seeds"
    if not list(seeds_dir.glob("*.txt")):
        seeds_dir = ROOT.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))] + SAMPLES
    rng = random.Random(7)
    out, size = [], 0
    while size < min_bytes:
        base = rng.choice(texts)
        paras = base.split("\n")
        rng.shuffle(paras)  # vary the articles a little
        art = "\n".join(paras) if rng.random() < 0.5 else base
        out.append(art)
        size += len(art.encode("utf-8"))
    return out


def main() -> None:
    min_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    arts = corpus(int(min_mb * 1024 * 1024))
    extract_claims(arts[0])  # load the sentence model once before timing
    chars = sum(len(a) for a in arts)
    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = sum(len(extract_claims(a)) for a in arts)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"articles={len(arts)} chars={chars} claims={n_claims} seconds={dt:.2f} cpu_seconds={cpu:.2f}")
    print(f"chars/s={chars / dt:,.0f} articles/s={len(arts) / dt:,.1f} MB/s={chars / dt / 1e6:.2f}")
    # on a shared machine wall time counts other people's work too; CPU time is this process's own core
    print(f"MB/s per CPU-second={chars / cpu / 1e6:.2f}")


if __name__ == "__main__":
    main()
