"""Is this the same claim? Normalise, shingle, MinHash/LSH signatures and an exact score. Pure Python, no Django.

Two steps, as in near-duplicate search:

1. `claim_features` turns a claim into a set of canonical content words (Snowball stems, number words as digits,
   a small table of news synonyms: "seized", "took control of" and "captured" are one word). `lsh_keys` turns that
   set into BANDS MinHash band keys; two claims that share any key are candidates. The keys live in the database.
2. `match_score` re-scores a candidate pair exactly: word overlap with fuzzy spelling (Bakhmut/Bakhmout), then
   penalties for what makes a different claim out of the same words: other numbers, places or dates, a negation on
   one side only, "rose" against "fell".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# 16 bands of 3 rows: pairs sharing ~45% of their words are found 9 times in 10, pairs sharing 10% about 1 in 60.
BANDS = 16
ROWS = 2
# Changing the tokeniser, synonyms or the constants above changes every key: run `manage.py match_claims --rebuild`.
SIGNATURE_VERSION = 1
# A claim needs this many content words to be matched: "Not at all" or "Tanks, aircraft" match everything.
MIN_FEATURES = 3
THRESHOLD = 0.55
# Each sign of a different claim multiplies the score by this.
CONFLICT_FACTOR = 0.4

_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each even ever few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself of off on
    once only or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves said says say saying told tell tells
    claimed claims claim according stated states announced reported added insisted warned noted suggested believe
    believes think thinks going now still already yet another per cent percent rt via mr mrs ms dr
    """
)
NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without", "unless"}
)
# Stemmed verbs that negate what follows ("failed to meet", "denied attacking").
NEGATING_STEMS = frozenset({"fail", "deni", "refus", "reject", "miss"})
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
               "tn": 1e12}  # fmt: skip
# Canonical word for groups of stems news outlets use interchangeably. Kept small and generic on purpose.
SYNONYMS = {
    "captur": "capture", "seiz": "capture", "overran": "capture", "overrun": "capture", "conquer": "capture",
    "liber": "capture", "retook": "capture", "retak": "capture", "recaptur": "capture", "took": "take",
    "kill": "kill", "dead": "kill", "die": "kill", "death": "kill", "di": "kill", "shot": "shoot",
    "injur": "wound", "wound": "wound", "hurt": "wound",
    "rose": "rise", "rise": "rise", "risen": "rise", "increas": "rise", "climb": "rise", "jump": "rise",
    "grew": "rise", "grow": "rise", "surg": "rise", "soar": "rise", "lift": "rise", "rais": "rise", "up": "rise",
    "fell": "fall", "fall": "fall", "fallen": "fall", "drop": "fall", "declin": "fall", "decreas": "fall",
    "shrank": "fall", "shrink": "fall", "contract": "fall", "plung": "fall", "slump": "fall", "reduc": "fall",
    "cut": "fall", "lower": "fall",
    "soldier": "troop", "troop": "troop", "servicemen": "troop", "servicemembers": "troop",
    "fighter": "troop", "forc": "troop",
    "town": "town", "villag": "town", "citi": "town", "settlement": "town",
    "near": "near", "close": "near", "outskirt": "near", "around": "near",
    "scrap": "abolish", "abolish": "abolish", "ban": "ban", "prohibit": "ban",
    "resign": "resign", "quit": "resign", "step": "step",
    "hous": "home", "home": "home", "apart": "home", "residenti": "home", "build": "build", "built": "build",
    "rebel": "rebel", "insurg": "rebel", "separatist": "rebel", "militant": "rebel",
    "jab": "vaccin", "vaccin": "vaccin", "inocul": "vaccin",
    "covid": "coronavirus", "coronavirus": "coronavirus", "sars-cov-2": "coronavirus",
    "jobless": "unemploy", "unemploy": "unemploy",
    "warmest": "hot", "hottest": "hot", "warm": "hot", "hot": "hot",
    "biggest": "larg", "largest": "larg", "highest": "high", "record": "record",
    "blast": "explos", "explos": "explos",
    "migrant": "migrant", "asylum": "asylum",
    "vessel": "ship", "ship": "ship", "boat": "boat",
    "warplan": "aircraft", "jet": "aircraft", "aircraft": "aircraft", "plane": "aircraft",
    "annual": "year", "yearli": "year", "year": "year",
    "wealthi": "rich", "rich": "rich", "poorer": "poor",
    "hire": "recruit", "recruit": "recruit", "employ": "employ",
    "rival": "altern", "altern": "altern",
}  # fmt: skip
# Nationalities and metonyms name the same country; capitals are left alone (a strike on Kyiv is not on Lviv).
COUNTRIES = {
    "russian": "russia", "kremlin": "russia", "moscow": "russia", "pro-russian": "russia", "russia": "russia",
    "ukrainian": "ukraine", "ukraine": "ukraine", "kiev": "kyiv",
    "american": "us", "america": "us", "u.s": "us", "usa": "us", "us": "us", "washington": "us",
    "british": "uk", "britain": "uk", "uk": "uk", "u.k": "uk",
    "chinese": "china", "beijing": "china", "china": "china", "israeli": "israel", "iranian": "iran",
    "german": "germany", "french": "france", "japanese": "japan", "indian": "india", "canadian": "canada",
    "mexican": "mexico", "syrian": "syria", "libyan": "libya", "greek": "greece", "eu": "eu", "european": "europe",
}  # fmt: skip
COUNTRIES |= {country: country for country in set(COUNTRIES.values())}
COUNTRIES |= {f"{word}s": country for word, country in COUNTRIES.items() if word.endswith("an")}
_I = re.IGNORECASE
PHRASES = [
    # (pattern, replacement) applied before tokenising; names are replaced by capitalised names, so they stay names.
    (re.compile(r"\bper ?cent\b|%", _I), " percent "),
    (
        re.compile(r"\b(seized|gained|took|taken|take|takes|taking) (full |complete )?control (of|over)\b", _I),
        " captured ",
    ),
    (re.compile(r"\bunited states\b|\bU\.S\.(?=\W)|\bwhite house\b", _I), " US "),
    (re.compile(r"\bunited kingdom\b|\bU\.K\.(?=\W)", _I), " UK "),
    (re.compile(r"\beuropean union\b", _I), " EU "),
    (re.compile(r"\bstep(ped|ping|s)? down\b", _I), " resign "),
    (re.compile(r"\bwalk(ed|ing|s)? out\b", _I), " strike "),
    (re.compile(r"\bfell short of\b|\bfall(s|ing)? short of\b", _I), " failed to win "),
    (re.compile(r"\bdecided against\b", _I), " not "),
    (re.compile(r"\bnothing but\b", _I), " only "),
    # "No-confidence vote", "no-fly zone", "no-deal Brexit" are things, not negations.
    (re.compile(r"\bno[- ](confidence|fly|deal|go)\b", _I), r" no\1 "),
    (re.compile(r"\bin a row\b", _I), " consecutive "),
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    (re.compile(r"(\d)(bn|tn|m|mn|k)\b"), r"\1 \2"),
    (re.compile(r"(\d)-?fold\b"), r"\1 fold"),
]
# Compass words tell places apart ("east coast", "west coast") like names do.
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
DIRECTIONS = ({"rise"}, {"fall"})
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_](?:[^\W_]|['’-](?=[^\W_]))*", re.UNICODE)
_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class ClaimFeatures:
    """What the score needs of one claim: content words, numbers, proper names and polarity."""

    words: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool
    direction: frozenset[str]


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("—", " ").replace("–", "-")
    return text


def _number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return NUMBER_WORDS.get(token)


def claim_features(text: str) -> ClaimFeatures:
    text = normalise(text)
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    words: set[str] = set()
    numbers: list[float] = []
    names: set[str] = set()
    negations = 0
    raw_tokens = [m.group() for m in _TOKEN.finditer(text)]
    tokens = [t.lower() for t in raw_tokens]
    for i, token in enumerate(tokens):
        raw = raw_tokens[i]
        token = token.strip("'-")
        if token.endswith("'s"):
            token, raw = token[:-2], raw[:-2]
        if token.endswith("n't"):
            negations += 1
            token, raw = token[:-3], raw[:-3]
        if token in NEGATIONS:
            negations += 1
            continue
        if token in SCALE_WORDS and numbers and i > 0 and _number(tokens[i - 1]) is not None:
            numbers[-1] *= SCALE_WORDS[token]
            continue
        value = _number(token)
        if value is not None and not (token == "one" and (i + 1 == len(tokens) or tokens[i + 1] in {"of", "'s"})):
            numbers.append(value)
            continue
        if not token or token in STOPWORDS or len(token) < 2:
            continue
        # A capital marks a name, except on the first word where it only starts the sentence (unless an acronym).
        is_name = raw[:1].isupper() and (i > 0 or raw.isupper() or token in COUNTRIES)
        for part in [token, *token.split("-")] if "-" in token and token not in COUNTRIES else [token]:
            if not part or part in STOPWORDS or (part == token and "-" in token):
                continue
            if part in COUNTRIES:
                canonical = COUNTRIES[part]
            else:
                stem = _stem(part)
                canonical = SYNONYMS.get(stem, SYNONYMS.get(part, stem))
                if stem in NEGATING_STEMS:
                    negations += 1
            words.add(canonical)
            if is_name or part in COMPASS:
                names.add(canonical)
    number_words = {_format_number(n) for n in numbers}
    direction = frozenset(w for group in DIRECTIONS for w in group if w in words)
    return ClaimFeatures(
        words=frozenset(words | {f"#{n}" for n in number_words}),
        numbers=frozenset(number_words),
        names=frozenset(names),
        negated=negations % 2 == 1,
        direction=direction,
    )


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---- MinHash / LSH ---------------------------------------------------------------------------------------------


def _seeded(label: str, count: int) -> list[int]:
    out = []
    for i in range(count):
        digest = hashlib.blake2b(f"{label}:{i}".encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little") | 1)
    return out


# Multiply-shift hashing: h_i(x) = ((a_i * x + b_i) mod 2^64) >> 32 over a 32-bit hash of each word.
PERM_A = _seeded("matching-a", BANDS * ROWS)
PERM_B = _seeded("matching-b", BANDS * ROWS)
BAND_SALT = _seeded("matching-band", BANDS)


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


def minhash(words: frozenset[str] | set[str]) -> list[int]:
    hashes = [word_hash(w) for w in words]
    return [min(((a * x + b) & _MASK64) >> 32 for x in hashes) for a, b in zip(PERM_A, PERM_B, strict=True)]


def mix64(value: int) -> int:
    """splitmix64's finaliser: spreads the bits of a 64-bit value."""
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9 & _MASK64
    value = (value ^ (value >> 27)) * 0x94D049BB133111EB & _MASK64
    return value ^ (value >> 31)


def band_keys(signature: list[int]) -> list[int]:
    """One signed 64-bit key per band (fits a BIGINT column); the band number is mixed in, so one index serves all."""
    keys = []
    for band in range(BANDS):
        value = BAND_SALT[band]
        for row in range(ROWS):
            value = mix64(value ^ signature[band * ROWS + row])
        keys.append(value - (1 << 64) if value >= 1 << 63 else value)
    return keys


def lsh_keys(features: ClaimFeatures) -> list[int]:
    """The claim's band keys, or none when it has too few content words to be matched meaningfully."""
    if len(features.words) < MIN_FEATURES:
        return []
    return band_keys(minhash(features.words))


# ---- Exact score -----------------------------------------------------------------------------------------------


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _same_word(a: str, b: str) -> bool:
    """Equal, or spelled alike (Bakhmut/Bakhmout, Zelensky/Zelenskiy, Fed/Federal); short words must be equal."""
    if a == b:
        return True
    if 3 <= min(len(a), len(b)) <= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a.startswith("#") or b.startswith("#"):
        return False
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / len(ta | tb) >= 0.5


def _unmatched(left: frozenset[str], right: frozenset[str]) -> set[str]:
    return {w for w in left if not any(_same_word(w, v) for v in right)}


# Words found in claims on every subject weigh half: sharing them says little (a poor man's IDF, with no corpus).
COMMON = _words("near town citi region area peopl year month week day time countri govern offici new last")


def _weight(words: frozenset[str] | set[str]) -> float:
    return sum(0.5 if w in COMMON else 1.0 for w in words)


@dataclass(frozen=True)
class MatchScore:
    score: float
    overlap: float
    conflicts: tuple[str, ...]


def match_score(a: ClaimFeatures, b: ClaimFeatures) -> MatchScore:
    """0..1: word overlap, halved for each sign of a different claim (numbers, names, negation, direction)."""
    if not a.words or not b.words:
        return MatchScore(0.0, 0.0, ())
    only_a, only_b = _unmatched(a.words, b.words), _unmatched(b.words, a.words)
    total_a, total_b = _weight(a.words), _weight(b.words)
    shared_a, shared_b = total_a - _weight(only_a), total_b - _weight(only_b)
    # Dice over fuzzy-matched words, leaning towards the shorter claim: outlets add context more than they cut.
    dice = (shared_a + shared_b) / (total_a + total_b)
    containment = max(shared_a / total_a, shared_b / total_b)
    # Containment trusts a short claim only as far as it has words: "a town near Bakhmut" is in many claims.
    trust = min(1.0, min(len(a.words), len(b.words)) / 6)
    overlap = (0.7 * dice + 0.3 * containment * trust) / (0.7 + 0.3 * trust)
    conflicts = []
    if (a.numbers - b.numbers) and (b.numbers - a.numbers):
        conflicts.append("numbers")
    names_a, names_b = _unmatched(a.names, b.words), _unmatched(b.names, a.words)
    if names_a and names_b:
        conflicts.append("names")
    if a.negated != b.negated:
        conflicts.append("negation")
    if a.direction and b.direction and a.direction != b.direction:
        conflicts.append("direction")
    score = overlap * (CONFLICT_FACTOR ** len(conflicts))
    return MatchScore(round(score, 4), round(overlap, 4), tuple(conflicts))


def text_score(a: str, b: str) -> MatchScore:
    return match_score(claim_features(a), claim_features(b))


def is_candidate(keys_a: list[int], keys_b: list[int]) -> bool:
    return bool(set(keys_a) & set(keys_b))
