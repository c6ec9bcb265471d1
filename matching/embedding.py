"""Sentence embeddings from the model inside the `wordllama` wheel, and their random-hyperplane LSH keys. No Django.

WordLlama ships its 256-dimension English model in the wheel, so nothing is downloaded: it looks for its tokenizer
under `<cache_dir>/tokenizers/` (the wheel's own layout) only when `cache_dir` is given, so the package's own folder
is passed and downloads are disabled. The model (~130 MB resident) is loaded on first use, once per process: web
workers that never match a claim never load it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np

from matching import places

DIMENSIONS = 256
# 16 bands of 16 sign bits: on the development pairs a band is shared by half the paraphrases that share few words
# (MinHash finds the rest), while unrelated news claims share one about once in 30,000.
SIMHASH_BANDS = 16
SIMHASH_BITS = 16
# Changing the model, `prepare` or the constants above changes every key: run `manage.py match_claims --rebuild`.
SIMHASH_VERSION = 2
# Who said it is not what was said: attribution words only pull two wordings of one claim apart. Lower case only:
# "United States" keeps its "States".
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|told|tells|claimed|claims|stated|states|insisted|added|according to|reportedly)\b"
)
_PER_CENT = re.compile(r"\bper ?cent\b", re.IGNORECASE)


@cache
def model():
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=DIMENSIONS)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(model().embed(list(texts), norm=True), dtype=np.float32)


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
        _word_vectors.update(zip(missing, embed(missing), strict=True))
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


def simhash_keys(vectors: np.ndarray) -> np.ndarray:
    """(claims, SIMHASH_BANDS) signed 64-bit keys: each band's sign bits, salted apart from MinHash keys."""
    bits = (vectors @ _hyperplanes().T > 0).reshape(len(vectors), SIMHASH_BANDS, SIMHASH_BITS)
    codes = (bits.astype(np.uint64) << np.arange(SIMHASH_BITS, dtype=np.uint64)).sum(axis=2, dtype=np.uint64)
    return _mix64(codes ^ _band_salts()).view(np.int64)
