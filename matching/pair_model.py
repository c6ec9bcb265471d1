"""The pair model: one MiniLM that reads two claims at once and says whether they are the same claim, contradict each
other or are different claims. No Django.

The sentence model (matching.embedding) gives each claim a vector of its own: good for finding candidates in an index,
blind to a pair whose words differ where it matters ("the court ruled the deployment lawful" / "... breaches the
constitution"; "unemployment fell to 6.5%" / "joblessness climbed to 6.5 per cent"). This model is a cross-encoder:
both claims go through the transformer together, each word able to look at the other claim's, as sentence-transformers'
CrossEncoder and natural-language-inference models work. It is all-MiniLM-L6-v2 (Apache-2.0) with a three-way head,
trained on ClaimDesk's development pair sets (`tools/train_pair_model.py`), shipped as an int8 ONNX file beside the
sentence model and run by onnxruntime with the same WordPiece tokenizer.

It costs about 5 ms a pair on one thread, and `engine.decide` asks it only about pairs it finds the same claim: there
it keeps apart two claims whose words differ where it matters. It does not make one claim of two on its own: trained
on hand-written pairs, it reads two different claims of one real news story as one (see READ_VETO in the engine).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np

from matching.embedding import ModelError, load_minilm
from matching.engine import Reading

NAME = "all-MiniLM-L6-v2 cross-encoder trained on claim pairs (int8 ONNX)"
# The answers in the order of the model's outputs.
ANSWERS = ("same", "contradicts", "different")
MODEL = Path(__file__).parent / "data" / "minilm" / "pairs-int8.onnx"
_MODEL_SHA256 = "2462e119e94f252b1c3fbfc78bb88d948a29d384f26302edc012d05e39b1f43d"
# Tokens for both claims together; longer pairs lose words from the longer claim's end.
MAX_TOKENS = 192


@cache
def pair_model():
    """(onnxruntime session, tokenizer) of the shipped pair model, checked against the SHA-256 this code expects."""
    if not MODEL.is_file() or hashlib.sha256(MODEL.read_bytes()).hexdigest() != _MODEL_SHA256:
        raise ModelError(f"{MODEL} is not the pair model this code was written for: check out the file again")
    return load_pair_model(MODEL)


def load_pair_model(path: Path):
    """(onnxruntime session, tokenizer) of a pair model file, one thread (as the sentence model runs)."""
    return load_minilm(path, MAX_TOKENS)


def read(a: str, b: str, model=None) -> Reading:
    """What the model reads in the pair: the chance of each answer, averaged over both orders of the claims.

    Both orders go in one batch: the file's int8 layers scale each input by the batch's range, and a batch holding
    (a, b) and (b, a) has the same range whichever claim came first, so a pair reads the same at ingest and at a
    rebuild."""
    session, tokenizer = model or pair_model()
    encoded = tokenizer.encode_batch([(a, b), (b, a)])
    inputs = {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
    }
    (logits,) = session.run(["logits"], inputs)
    chances = np.exp(logits - logits.max(axis=1, keepdims=True))
    chances = (chances / chances.sum(axis=1, keepdims=True)).mean(axis=0)
    return Reading(**{answer: round(float(chance), 4) for answer, chance in zip(ANSWERS, chances, strict=True)})
