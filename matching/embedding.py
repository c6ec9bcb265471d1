"""Claim embeddings from models shipped inside installed packages, and their random-hyperplane LSH keys. No Django.

Two models, each for what it does best, neither downloaded at run time:

- Sentences: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), a 384-dimension model trained on a billion
  sentence pairs to tell paraphrases apart, fine-tuned for one pass on ClaimDesk's own development claim pairs
  (`tools/finetune_minilm.py`: news rewordings and translation-style claims pulled together, same-topic different
  claims pushed apart) and shipped here as an int8 ONNX file (`data/minilm/claims-int8.onnx`, with the WordPiece
  `tokenizer.json` beside it), run by onnxruntime with Hugging Face `tokenizers`. It is what `embed` and the SimHash
  keys use. It scores rewordings higher: on pair sets left out of its training, the engine found .854 of the
  same-claim pairs where the released model found .767 (v26 to v31), and .875 where it found .829 (v19 to v25), at no
  loss of precision (see THRESHOLD in `engine`). On held-out v5, never trained or tuned on, its cosine alone separates
  same-claim pairs from same-topic different claims with a ROC AUC of .967 (released: .974; WordLlama: .824;
  `bench/embeddings.py`).
- Words: WordLlama's 256-dimension token model (in the `wordllama` wheel), for `word_similarities` ("envoy" is near
  "ambassador"); it embeds a word in microseconds, where a transformer would take milliseconds. WordLlama looks for
  its tokenizer under `<cache_dir>/tokenizers/` (the wheel's own layout) only when `cache_dir` is given, so the
  package's own folder is passed and downloads are disabled.

Each model loads on first use, once per process (MiniLM adds ~190 MB resident, WordLlama ~130 MB): web workers that
never match a claim load neither.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np

from matching import places

# Hugging Face tokenizers (under both models) spreads a batch over every core: for the one claim or few words matched
# at a time that doubles the CPU a claim costs (measured: 0.40 s of CPU for 0.30 s of word lookups) and takes a core
# from the request or job next to it.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DIMENSIONS = 384
WORD_DIMENSIONS = 256
SENTENCE_MODEL = "all-MiniLM-L6-v2 fine-tuned on claim pairs (int8 ONNX)"
# The model file is verified before it runs: another file (a retrained one, a damaged checkout) would silently move
# every vector, and every stored SimHash key with it.
_MODEL = Path(__file__).parent / "data" / "minilm" / "claims-int8.onnx"
_MODEL_SHA256 = "b1707c9f840d94c8ddb9d004449e6a1e4cf59f49ce2a6ba50e048dde9e8292ce"
_TOKENIZER = Path(__file__).parent / "data" / "minilm" / "tokenizer.json"
# Tokens per claim: the model was trained on 128; a claim is rarely 60.
_MAX_TOKENS = 128
# Texts embedded together: sorted by length first, so each batch pads little.
_BATCH = 32
# 32 bands of 16 sign bits, each looked up with PROBE_FLIPS probes: SimHash alone finds 88% of the same-claim pairs of
# the development sets (16 bands: 77%), while two news claims on other subjects share a key about once in 140 (2016
# election coverage, PolNeAR: a crowded corner of the news). Candidates are ranked by their stored vectors, so a
# crowded key costs a bounded read (services.MAX_PER_KEY), not precision.
SIMHASH_BANDS = 32
SIMHASH_BITS = 16
# Changing the model, `prepare` or the constants above changes every key: run `manage.py match_claims --rebuild`.
SIMHASH_VERSION = 6
# Probes per band at lookup beside its own key (see `simhash_probe_keys`): on the development sets two bring the
# same-claim pairs found by SimHash alone (16 bands) from 52% to 77%, for three times as many keys read.
PROBE_FLIPS = 2
# Who said it is not what was said: attribution words only pull two wordings of one claim apart. Lower case only:
# "United States" keeps its "States".
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|told|tells|claimed|claims|stated|states|insisted|added|according to|reportedly)\b"
)
_PER_CENT = re.compile(r"\bper ?cent\b", re.IGNORECASE)


class ModelError(RuntimeError):
    """The shipped model file is missing or not the one this code was written for."""


@cache
def sentence_model():
    """(onnxruntime session, tokenizer) of the claim model, one thread: web and job processes run one claim at a
    time, and a second thread per process would only contend with the other workers."""
    if not _MODEL.is_file() or hashlib.sha256(_MODEL.read_bytes()).hexdigest() != _MODEL_SHA256:
        raise ModelError(f"{_MODEL} is not the claim model this code was written for: check out the file again")
    return load_sentence_model(_MODEL)


def load_sentence_model(path: Path):
    """(onnxruntime session, tokenizer) of a MiniLM-shaped ONNX file of token states, as `embed` runs it."""
    return load_minilm(path, _MAX_TOKENS)


def load_minilm(path: Path, max_tokens: int):
    """(onnxruntime session on one thread, the vendored WordPiece tokenizer cutting at `max_tokens`) of a MiniLM file:
    the claim model here, the pair model in matching.pair_model."""
    import onnxruntime
    from tokenizers import Tokenizer

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(_TOKENIZER))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
    return session, tokenizer


@cache
def word_model():
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=WORD_DIMENSIONS)


def embed(texts: list[str], model=None) -> np.ndarray:
    """Unit-length float32 sentence vectors, one row per text: the mean of MiniLM's token states, as
    sentence-transformers pools them. `model` is `sentence_model()` unless another is compared (bench/embeddings.py).
    """
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return out
    session, tokenizer = model or sentence_model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), _BATCH):
        rows = order[start : start + _BATCH]
        encoded = tokenizer.encode_batch([texts[i] for i in rows])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        (states,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return out


def embed_words(words: list[str]) -> np.ndarray:
    """Unit-length WordLlama vectors of single words (or short phrases), one row each."""
    if not words:
        return np.zeros((0, WORD_DIMENSIONS), dtype=np.float32)
    return np.asarray(word_model().embed(list(words), norm=True), dtype=np.float32)


def prepare(text: str) -> str:
    """A claim as it is embedded: places spelled as their country (Berlin, German -> Germany; the embedding sees
    those apart), a leader's office before the surname (Scholz -> Germany chancellor Scholz), no attribution words,
    "%" for "per cent"."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = places.fold_officeholders(places.fold_to_country_names(text))
    return _PER_CENT.sub("%", _ATTRIBUTION.sub(" ", text))


def embed_claims(texts: list[str]) -> np.ndarray:
    """`embed` of each claim as `prepare` words it: what matching compares and indexes."""
    return embed([prepare(text) for text in texts])


_WORD_CACHE_SIZE = 100_000
_word_vectors: dict[str, np.ndarray] = {}


def word_similarities(left: list[str], right: list[str]) -> np.ndarray:
    """Cosine similarities of single words, (len(left), len(right)): "envoy" and "ambassador" are close. Each word's
    vector is computed once per process (news reuses its words), in one batch for those not seen yet."""
    # A membership test per word: `set - dict.keys()` would copy every cached word (up to 100,000) on each call.
    missing = sorted({word for word in (*left, *right) if word not in _word_vectors})
    if missing:
        if len(_word_vectors) + len(missing) > _WORD_CACHE_SIZE:
            _word_vectors.clear()
        _word_vectors.update(zip(missing, embed_words(missing), strict=True))
    return np.array([_word_vectors[w] for w in left]) @ np.array([_word_vectors[w] for w in right]).T


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two unit vectors, clipped to 0..1 (opposite meanings are not "more different")."""
    return float(min(1.0, max(0.0, float(np.dot(a, b)))))


@cache
def _hyperplanes() -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(f"simhash:{SIMHASH_VERSION}".encode(), digest_size=8).digest(), "little")
    rng = np.random.default_rng(seed)
    return rng.standard_normal((SIMHASH_BANDS * SIMHASH_BITS, DIMENSIONS)).astype(np.float32)


@cache
def _band_salts() -> np.ndarray:
    salts = [
        int.from_bytes(hashlib.blake2b(f"simhash-band:{band}".encode(), digest_size=8).digest(), "little")
        for band in range(SIMHASH_BANDS)
    ]
    return np.array(salts, dtype=np.uint64)


def _mix64(value: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, as matching.engine.mix64, over arrays."""
    with np.errstate(over="ignore"):
        value = (value ^ (value >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        value = (value ^ (value >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return value ^ (value >> np.uint64(31))


def _band_codes(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(projections, codes): each band's projections on its hyperplanes (claims, bands, bits) and its sign bits as
    one integer (claims, bands)."""
    projections = (vectors @ _hyperplanes().T).reshape(len(vectors), SIMHASH_BANDS, SIMHASH_BITS)
    weights = np.uint64(1) << np.arange(SIMHASH_BITS, dtype=np.uint64)
    codes = ((projections > 0).astype(np.uint64) * weights).sum(axis=2, dtype=np.uint64)
    return projections, codes


def _salted(codes: np.ndarray) -> np.ndarray:
    return _mix64(codes ^ _band_salts()).view(np.int64)


def simhash_keys(vectors: np.ndarray) -> np.ndarray:
    """(claims, SIMHASH_BANDS) signed 64-bit keys, the ones stored: each band's sign bits, salted apart from MinHash
    keys."""
    return _salted(_band_codes(vectors)[1])


def simhash_probe_keys(vectors: np.ndarray, flips: int = PROBE_FLIPS) -> np.ndarray:
    """(claims, SIMHASH_BANDS * (1 + flips)) keys to look up: each band's own key and, for its `flips` least certain
    bits (the projections nearest zero), the key with that one bit flipped (multi-probe LSH, Lv et al. 2007). A
    paraphrase's vector sits a few degrees away: it often differs in exactly such a bit, and would share no band."""
    projections, codes = _band_codes(vectors)
    probes = [codes]
    if flips:
        uncertain = np.argsort(np.abs(projections), axis=2)[:, :, :flips].astype(np.uint64)
        probes += [codes ^ (np.uint64(1) << uncertain[:, :, k]) for k in range(flips)]
    salted = [_salted(p) for p in probes]
    return np.stack(salted, axis=2).reshape(len(vectors), -1)


def pack(vectors: np.ndarray) -> list[bytes]:
    """Each unit vector as DIMENSIONS signed bytes, scaled so that its largest component is 127 (see `unpack`)."""
    peak = np.maximum(np.abs(vectors).max(axis=1, keepdims=True), 1e-12)
    return [row.tobytes() for row in np.rint(vectors / peak * 127).astype(np.int8)]


def unpack(blobs: list[bytes]) -> np.ndarray:
    """`pack`'s bytes back as unit float32 vectors (the scale is lost, the direction is what a cosine needs)."""
    if not blobs:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.frombuffer(b"".join(bytes(b) for b in blobs), dtype=np.int8).reshape(len(blobs), DIMENSIONS)
    vectors = vectors.astype(np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
