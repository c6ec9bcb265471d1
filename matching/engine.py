"""Is this the same claim? Normalise, shingle, MinHash/LSH signatures and an exact score. Pure Python, no Django.

Two steps, as in near-duplicate search:

1. `claim_features` turns a claim into a set of canonical content words (Snowball stems, number words as digits,
   a small table of news synonyms: "seized", "took control of" and "captured" are one word). `lsh_keys` turns that
   set into BANDS MinHash band keys; two claims that share any key are candidates. The keys live in the database.
2. `match_score` re-scores a candidate pair exactly: word overlap with fuzzy spelling (Bakhmut/Bakhmout), then
   penalties for what makes a different claim out of the same words: other numbers, places or dates, a negation on
   one side only, "rose" against "fell".
3. `decide` relates the pair from that score and the sentence vectors' similarity, and asks the pair model
   (matching.pair_model, both claims read together) about a pair it finds the same: the model takes "same" from a
   pair whose words differ where it matters, and overrules the names guard when it reads another name for one thing.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
import numpy as np
import snowballstemmer
from anyascii import anyascii

from matching import places, units

# 16 bands of 3 rows: pairs sharing ~45% of their words are found 9 times in 10, pairs sharing 10% about 1 in 60.
BANDS = 16
ROWS = 2
# Changing the tokeniser, synonyms or the constants above changes every key: run `manage.py match_claims --rebuild`.
SIGNATURE_VERSION = 21
# A claim needs this many content words to be matched: "Not at all" or "Tanks, aircraft" match everything.
MIN_FEATURES = 3
# With sentence vectors fine-tuned on claim pairs (matching.embedding) rewordings score higher, and so do two claims of
# one campaign. On pair sets left out of the fine-tuning 0.68 keeps most of the recall the model gains (v26 to v31:
# .767 with the released model at 0.65, .863 fine-tuned at 0.65, .854 at 0.68; v19 to v25: .829, .886, .875). On half
# of PolNeAR's 2016 election claims (7,060) it relates 354 pairs, against 507 at 0.65 and 435 for the released model
# at 0.65; of 20 pairs drawn from those between 0.65 and 0.68, 17 were two different claims about one campaign.
THRESHOLD = 0.68
# Share of the embedding similarity in the score; the rest is word overlap. all-MiniLM-L6-v2 tells paraphrase from
# same-topic claims better than word overlap does (development sets: 0.7 with threshold 0.65 found the most
# same-claim pairs at the best precision of a grid of 0.4-0.9 by 0.5-0.75).
SEMANTIC_WEIGHT = 0.7
# Claims whose meanings are further apart than this are never related, whatever words they share: with the weight and
# threshold above even full word overlap could not lift them to the threshold. It spares ingest the exact score of
# most candidates (one pair of news claims in 800 is this close).
MIN_SIMILARITY = 0.5
# The threshold for claims that give the same figure (above ten, or with decimals) where no guard differs: "43 people
# died when a viaduct in Genoa gave way" / "the Morandi bridge collapsed, killing 43". A shared figure says more than
# shared words; small counts ("five straight defeats") are shared by other claims too. Never below MIN_SIMILARITY.
FIGURE_THRESHOLD = 0.55
# Word overlap from which claims naming different people or things are about different ones (see `_names_differ`):
# on the development sets every such contradiction overlaps 0.63 or more, rewordings naming other details less.
NAMES_MIN_OVERLAP = 0.6
# Each sign of a different claim multiplies the score by this.
CONFLICT_FACTOR = 0.4
# The pair model (matching.pair_model, a cross-encoder reading both claims at once) reads each pair the score and the
# guards make one claim; under READ_VETO chance of "same claim" it takes "same" away ("the court ruled the deployment
# lawful" / "... breaches the constitution"). Chosen (round 22) on v33 to v35, which the model never read
# (tools/train_pair_model.py), and v42 to v50, blind sets it never read, measured once each before: pooled, 480
# same-claim pairs and 600 contradictions, P .868 R .823 with 60 contradictions confirmed without the veto; 0.15: P
# .917 R .806, 35; 0.2: .928 / .804, 30; 0.3: .948 / .796, 21; 0.4: .962 / .787, 15; 0.5: .979 / .771, 8. The model
# shipped before (without p1 to p6, at 0.15): .922 / .785, 32. 0.3 keeps recall near .8. The model still leans to
# "contradicts" on some rewordings with figures or "no longer". On half of PolNeAR's 2016 articles (8,022 extracted
# claims, used in place) it takes 48 of the engine's 671 "same" pairs of two texts away (the model before, at 0.15:
# 9), nearly all a fragment against a fuller claim ("Mr. Trump" / "Mr. Trump leading Mr. Cruz nationally", "Trump
# can win" / "Trump!").
# The pair model is no judge of "same" on its own: letting its chance of 0.85 or more make one claim of a pair under
# the threshold found .80 of v33 to v35's same-claim pairs, but on that PolNeAR half it added 504 pairs to the 752,
# nearly all two claims of one campaign ("Clinton leads Trump 45.4 to 42" / "Clinton leads Sanders 48 to 41").
READ_VETO = 0.3
# The names guard reads another name for one thing as another thing: a translation's "Ningde Era" for CATL, "Africa's
# most populous country" for Nigeria, "the Riigikogu" for Estonia's parliament. When that guard alone keeps a pair
# from being one claim, the pair model reading them as one at READ_RESCUE or more makes them one (the guard is shown
# as overruled). Only names: the model does not see 600 against 60 (it reads "as many as 600 migrants" / "up to 60
# people" 0.91 same), and on fragments of real articles it reads nearly any two claims of one campaign as one (on the
# PolNeAR half, 1,060 pairs under the threshold with every guard holding read 0.9 or more, "Donald J. Trump" /
# "President George W. Bush" among them), so it never makes "same" where another guard differs or the score is short.
# Of the pairs kept apart by names alone on the development sets (mostly trained on) and on v42 to v50 (never read by
# the model), 469 in all, 0.96 makes 52 of the 85 same-claim pairs one and none of the 384 others; the highest of
# those reads 0.955 ("in Russia's Tver region" / "in the Belgorod region of Russia": the model barely sees a place
# changed). With the veto at 0.3 on v33 to v35 and v42 to v50: recall .783 -> .794, no contradiction more. On the
# PolNeAR half it makes 1 of 17 such pairs one, the same claim ("Wealthy conservatives are helping pay for ...
# attacks to wound Donald J. Trump" / "Some of the wealthiest conservative givers in the United States are helping
# pay ..."). The model shipped in round 20 rescued at 0.9; this one reads more pairs as the same.
READ_RESCUE = 0.96

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
NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without",
                       "unless", "unable", "absent"})  # fmt: skip
# Stemmed verbs that negate what follows ("failed to meet", "denied attacking", "refused to", "excluded sending"),
# only when a verb or a claim follows ("denied any role", "rejected claims that"): "rejected the proposal" states an
# act, it does not negate one.
NEGATING_STEMS = frozenset({"fail", "deni", "refus", "reject", "miss", "exclud", "declin", "avoid", "avert"})
# What is asked for or granted: a request turned down is the act not done ("rejected a petition to dissolve the
# party"), what is denied is not granted ("denied parole" / "granted parole"). Negated also a word on ("turned down
# full approval", "denied a humanitarian pardon").
_DENIED_OBJECTS = frozenset({"petition", "request", "bid", "motion", "plea", "call", "calls", "attempt", "parole",
                             "bail", "entry", "access", "asylum", "permission", "visa", "approval", "pardon",
                             "clemency", "licence", "license", "permit", "exemption", "waiver",
                             "citizenship"})  # fmt: skip
NEGATED_NEXT = frozenset({"to", "that", "any", "responsibility", "involvement", "wrongdoing", "claim", "claims",
                          "allegations", "accusations", "reports"}) | _DENIED_OBJECTS  # fmt: skip
# Words between a negating verb and what it negates: "rejected a petition", "denied him parole".
_OBJECT_LEAD = frozenset({"a", "an", "the", "its", "his", "her", "their", "him", "them"})
# Stems that negate whatever follows: "missed the deadline", "avoided relegation", "averted a strike".
ALWAYS_NEGATING = frozenset({"miss", "avoid", "avert"})
# Titles name an office, not a party: "President Zelensky" is "the Ukrainian leader Zelenskiy", "Pope Francis" "the
# Pontiff Francis". They stay words; the name after them tells people apart.
TITLES = _words(
    """
    president vice pope pontiff prime minister chancellor king queen prince princess emir sheikh sultan general
    judge justice senator governor mayor secretary chairman chairwoman chief ceo leader premier speaker cardinal
    archbishop bishop ambassador commander colonel sir lord dame
    """
)
# Words after a number that make it an amount, even right after a name ("fined Meta 1.2 billion euros").
AMOUNT_WORDS = frozenset({"percent", "euros", "euro", "dollars", "dollar", "pounds", "yuan", "yen", "francs", "rupees",
                          "roubles", "rubles", "people", "per"})  # fmt: skip
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "half": 50,
}  # fmt: skip
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
               "trillion": 1e12, "tn": 1e12, "milliard": 1e9, "milliards": 1e9, "decade": 10,
               "decades": 10}  # fmt: skip
# Dates a claim is pinned to; two claims pinned to different ones are different claims.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
MONTHS = frozenset(month.lower() for month in _MONTHS)
TIME_WORDS = MONTHS | _words("monday tuesday wednesday thursday friday saturday sunday")
# Canonical words (after SYNONYMS) that state opposite outcomes: (one side, the other side) per kind of outcome.
POLARITY = {
    "change": (frozenset({"rise"}), frozenset({"fall"})),
    "front": (frozenset({"advance", "capture"}), frozenset({"retreat"})),
    # Cleared or blocked: "a judge cleared the merger" / "a judge blocked the merger".
    "decision": (frozenset({"approve", "acquit"}), frozenset({"reject", "abolish", "suspend"})),
    # Started or resumed, or halted: "began releasing the water" / "halted the release".
    "service": (frozenset({"resume", "begin"}), frozenset({"suspend"})),
    "pace": (frozenset({"faster"}), frozenset({"slower"})),
    "outcome": (frozenset({"win"}), frozenset({"lose"})),
    "ruling": (frozenset({"uphold"}), frozenset({"overturn"})),
    # Removed from office by a trial is the verdict an acquittal is not.
    "verdict": (frozenset({"acquit"}), frozenset({"convict", "remov"})),
    "opening": (frozenset({"open"}), frozenset({"close"})),
    "custody": (frozenset({"arrest"}), frozenset({"releas"})),
    "stance": (frozenset({"defend", "prais"}), frozenset({"criticis", "condemn"})),
    "survival": (frozenset({"surviv"}), frozenset({"kill", "remov", "oust", "toppl", "releg"})),
    # Who travels: "X will visit Beijing" and "X will host the Chinese minister" are two events.
    "travel": (frozenset({"visit"}), frozenset({"host"})),
    # Staff taken on or laid off; a seat, a majority or a title kept or lost.
    "staffing": (frozenset({"recruit"}), frozenset({"layoff"})),
    # A post filled or its holder dismissed: "appointed opposition figures to his cabinet" / "dismissed his cabinet".
    "appointment": (frozenset({"appoint", "recruit"}), frozenset({"fire"})),
    # An order obeyed or defied: "complied with the back-to-work order" / "defied the back-to-work order".
    "compliance": (frozenset({"compli", "obey", "heed"}), frozenset({"defi", "flout", "disobey", "violat"})),
    "holding": (frozenset({"keep"}), frozenset({"lose"})),
    # Goods sold abroad or bought from abroad.
    "trade": (frozenset({"export"}), frozenset({"import"})),
    # What is let happen or barred: "allowed Russian athletes to compete" / "barred all Russian athletes".
    "permission": (frozenset({"allow"}), frozenset({"ban"})),
    # What goes on or stops: "will keep its partnership" / "ended its partnership", "revoked the agreement".
    "continuity": (frozenset({"keep", "continu", "stay"}), frozenset({"end", "suspend", "resign", "remov"})),
    # Results: "a net profit of $16.6 billion" / "a net loss of $16.6 billion".
    "earnings": (frozenset({"profit"}), frozenset({"lose"})),
    # "Ruled the plan unlawful" / "upheld the legality of the plan".
    "legality": (frozenset({"legal"}), frozenset({"unlaw", "illeg"})),
    # A debt paid or defaulted on: "paid a $33 million coupon" / "failed to pay a $33 million coupon".
    "payment": (frozenset({"pay"}), frozenset({"default"})),
}
# Canonical words of change -> their side, for the figures they come before.
MOVES = {word: side for side, words in enumerate(POLARITY["change"]) for word in words}
# Outcome kinds that `roles` tells better when both claims say who won: "Spain beat England" and "England lost to
# Spain" both say Spain won, though one says "win" and the other "lose".
ROLE_KINDS = frozenset({"outcome"})
# Relative difference under which two numbers are one (33% and "a third").
NUMBER_TOLERANCE = 0.02
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
    "near": "near", "outskirt": "near", "around": "near",
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
    "expand": "rise", "advanc": "advance", "progress": "advance", "retreat": "retreat", "withdraw": "retreat",
    "withdrew": "retreat", "withdrawn": "retreat", "won": "win", "win": "win", "victori": "win", "lost": "lose",
    "lose": "lose", "defeat": "lose", "success": "win", "upheld": "uphold", "uphold": "uphold", "overturn": "overturn",
    "quash": "overturn", "acquit": "acquit", "clear": "acquit", "convict": "convict", "guilti": "convict",
    "doubl": "rise", "tripl": "rise", "halv": "fall", "augment": "rise", "diminish": "fall",
    "approv": "approve", "ratifi": "approve", "adopt": "approve", "endors": "approve",
    "reject": "reject", "veto": "reject",
    "resum": "resume", "restart": "resume", "reopen": "resume", "restor": "resume",
    "cancel": "suspend", "suspend": "suspend", "halt": "suspend", "axe": "suspend",
    "faster": "faster", "quicker": "faster", "acceler": "faster",
    "slower": "slower", "slowli": "slower", "slow": "slower", "deceler": "slower",
    "truce": "ceasefir", "ceasefir": "ceasefir", "armistic": "ceasefir",
    "sack": "fire", "dismiss": "fire", "coach": "manag", "manag": "manag", "club": "team", "team": "team",
    "loss": "lose", "straight": "consecut", "consecut": "consecut",
    "plan": "plan", "intent": "plan", "intend": "plan",
    "lawmak": "parliament", "mps": "parliament", "parliament": "parliament",
    "pass": "approve", "quak": "earthquak", "earthquak": "earthquak", "demiss": "resign",
    "shut": "close", "close": "close", "detain": "arrest", "arrest": "arrest", "freed": "releas", "releas": "releas",
    "critic": "criticis", "criticiz": "criticis", "criticis": "criticis",
    "electr": "power", "forbid": "ban", "forbidden": "ban", "paralys": "suspend", "paralyz": "suspend", "shed": "fall",
    "conced": "admit", "acknowledg": "admit", "admit": "admit", "contend": "candid", "ballot": "vote",
    "withstood": "surviv", "withstand": "surviv", "firm": "compani", "lender": "bank",
    "premier": "prime", "kept": "keep", "keep": "keep", "retain": "keep", "layoff": "layoff", "redund": "layoff",
    "negoti": "talk", "talk": "talk", "deal": "agreement", "agreement": "agreement", "past": "last", "last": "last",
    "higher": "rise", "block": "reject", "accept": "approve", "ceas": "end", "stop": "end",
    "allow": "allow", "permit": "allow", "bar": "ban",
    "southern": "south", "northern": "north", "eastern": "east", "western": "west",
    "revok": "end", "terminat": "end",
    "slid": "fall", "slide": "fall", "sank": "fall", "sink": "fall", "tumbl": "fall", "dip": "fall", "plummet": "fall",
    "slip": "fall", "weaken": "fall", "depreci": "fall", "strengthen": "rise", "appreci": "rise",
    "annul": "overturn", "nullifi": "overturn", "invalid": "overturn", "surrend": "lose", "paid": "pay",
    "began": "begin", "begun": "begin", "start": "begin",
    "kalimantan": "borneo", "aliv": "surviv", "prevail": "win", "valid": "uphold", "abandon": "suspend",
    "propos": "plan", "renew": "continu",
}  # fmt: skip
_I = re.IGNORECASE
# "A third" is an ordinal before these ("a third consecutive meeting", "a fifth term"), else a fraction ("a third of
# voters", "a third said").
_ORDINAL_NEXT = (
    r"(?:[a-z-]+\s+)?(consecutive|straight|successive|term|time|round|day|night|week|month|year|meeting|wave|attempt|season"
    r"|mandate|title|victory|place|stint|spell|edition|bid|run|mission|crown|championship|strike|election|referendum"
    r"|vote|stage|leg|case|death|wave|party)"
)
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10}  # fmt: skip
_PART_OF = {"halves": 2, "thirds": 3, "quarters": 4, "fifths": 5, "sixths": 6, "sevenths": 7, "eighths": 8,
            "ninths": 9, "tenths": 10}  # fmt: skip
_SMALL = "|".join(_SMALL_NUMBERS)
# Number words that count ("sixteen and a half"), longest first so that "sixteen" is not read as "six".
_CARDINALS = "|".join(
    sorted(
        (w for w, n in NUMBER_WORDS.items() if n < 100 and not w.endswith(("th", "st", "nd", "rd", "half", "dozen"))),
        key=len,
        reverse=True,
    )
)
_PARTS = "|".join(_PART_OF)


def _share(match: re.Match) -> str:
    """ "Two fifths" and "four in ten" as " 40 percent " (what "40%" says); "three in 2" is no share."""
    part, whole = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))

    def value(word: str) -> float:
        word = word.lower()
        return float(word) if word.isdigit() else _SMALL_NUMBERS.get(word) or _PART_OF[word]

    share = value(part) / value(whole) if value(whole) else 2.0
    return f" {share * 100:.2f} percent " if 0 < share < 1 else match.group(0)


_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"


# Verbs of small moves, up or down: "edged down", "crept up".
_EDGED = "edged|edges|crept|creeps|inched|inches|ticked|ticks|went|goes|moved|moves"


def _month(match: re.Match) -> str:
    short = (match.group(1) or match.group(2))[:3]
    return next(month for month in _MONTHS if month.startswith(short))


def _clock(match: re.Match) -> str:
    """ "8:59 p.m." as " clock2059 ", "5 a.m." as " clock500 ": a time of day, one word."""
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
    if hour > 12 or minute > 59:
        return match.group()
    return f" clock{hour % 12 + (12 if half == 'p' else 0)}{minute:02d} "


def _clock24(match: re.Match) -> str:
    """ "20:59", "20h59" and "20h" as " clock2059 ", " clock2000 "."""
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    return f" clock{hour}{minute:02d} " if hour <= 24 and minute <= 59 else match.group()


def _score(match: re.Match) -> str:
    """ "7-4" and "seven sets to four" as " score7to4 "."""
    won, lost = (int(word) if word.isdigit() else _SMALL_NUMBERS[word.lower()] for word in match.groups())
    return f" score{won}to{lost} "


def _and_a_half(match: re.Match) -> str:
    word = match.group(1).lower()
    whole = float(word) if word.isdigit() else NUMBER_WORDS[word]
    return f" {whole + 0.5:g} "


_ING_NOUNS = r"(heating|funding|housing|clothing|lighting|bedding|schooling|training|building|parking|ceiling)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"


def _compound_number(match: re.Match) -> str:
    """ "Twenty-two" as " 22 "."""
    return f" {NUMBER_WORDS[match.group(1).lower()] + NUMBER_WORDS[match.group(2).lower()]} "


PHRASES = [
    # "Thirty-four counts" are 34 counts, "twenty-two riders" 22.
    (re.compile(rf"\b({_TENS})[-\s]({_UNITS})\b", _I), _compound_number),
    # Days named by what they are: "on New Year's Day 2023" / "on January 1, 2023".
    (re.compile(r"\bNew Year'?s Day\b", _I), " January 1 "),
    (re.compile(r"\bNew Year'?s Eve\b", _I), " December 31 "),
    (re.compile(r"\bChristmas Day\b", _I), " December 25 "),
    (re.compile(r"\bChristmas Eve\b", _I), " December 24 "),
    # "The highest in a decade and a half" is in 15 years.
    (re.compile(r"\ba decade and a half\b", _I), " 15 years "),
    (re.compile(r"\ba century and a half\b", _I), " 150 years "),
    (re.compile(r"\bhalf a decade\b", _I), " 5 years "),
    (re.compile(r"\bhalf a century\b", _I), " 50 years "),
    # "Jan. 13" and "27 Oct 2024" are the months written out.
    (
        re.compile(
            rf"(?-i:\b({_MONTH_ABBREVIATIONS})\b)\.?(?=\s+(?:\d|year\d))|(?<=\d\s)(?-i:({_MONTH_ABBREVIATIONS})\b)\.?"
        ),
        _month,
    ),
    # A time of day is one word, counting nothing: "8:59 p.m." / "20:59", "8 p.m." / "20h".
    (re.compile(r"(?<![:.])\b(\d{1,2})(?::(\d\d))?\s*([ap])\.?\s?m\b\.?", _I), _clock),
    # Not a race time: "4:07.64", "2:00:35".
    (re.compile(r"(?<![:.])\b(\d{1,2})(?::(\d\d)|h(\d\d)?)\b(?![.:]\d)(?!\s*[ap]\.?\s?m\b)", _I), _clock24),
    # A score is one word, counting nothing: "beat Littler 7-4" / "seven sets to four" (not "Boeing 737-800"). It
    # tells rewordings apart by overlap only: "won 4-1" is "won in five games".
    (re.compile(r"(?<![\w.-])(\d{1,2})-(\d{1,2})(?![\w.-])"), _score),
    (
        re.compile(
            rf"(?<![\w.,])(\d{{1,2}}|{_SMALL})\s+(?:sets?|games?|goals?|races?|frames?|legs?)\s+to\s+(\d{{1,2}}|{_SMALL})\b(?![.,]\d)",
            _I,
        ),
        _score,
    ),
    # (pattern, replacement) applied before tokenising; names are replaced by capitalised names, so they stay names.
    (re.compile(r"\bper ?cent\b|%", _I), " percent "),
    # "A 20-billion-dollar plant" is a $20bn one.
    (
        re.compile(r"\b(\d+(?:\.\d+)?)-(million|billion|trillion)-(dollar|euro|pound|yuan|yen|rupee)\b", _I),
        r"\1 \2 \3s",
    ),
    # "A low not seen since 1985" is the lowest since 1985: no negation.
    (re.compile(r"\bnot seen since\b", _I), " unseen since "),
    # Failing to pay a debt is defaulting on it, a default stated, not a payment denied: "failed to service its
    # borrowing", "missed a payment to foreign creditors", "defaulted on its debt", "its first sovereign default".
    (
        re.compile(
            r"\b(?:fail(?:ed|s|ing)? to (?:pay|repay|service|make (?:\w+ )?payments? on)"
            r"|miss(?:ed|es|ing)? (?:a |an |its |their )?(?:[\w$.,-]+ ){0,4}?(?:payments?|coupons?|repayments?))\b",
            _I,
        ),
        " defaulted on ",
    ),
    # A measure voters or lawmakers defeated they rejected ("defeated Proposition 22", "defeated the bill").
    (
        re.compile(
            r"\bdefeat(?:ed|s|ing)?\s+(?=(?:the\s+)?(?:(?-i:Proposition|Prop|Measure|Question|Amendment|Initiative)"
            r"|bill|measure|proposal|amendment|referendum|motion|initiative)\b)",
            _I,
        ),
        "rejected ",
    ),
    # A court that dismissed the charges against someone cleared them; one that dismissed a lawsuit rejected it, and
    # one that ruled in favour of it accepted it.
    (
        re.compile(
            r"\bdismiss(?:ed|es|ing)?\s+(?=(?:(?:the|all|his|her|its|their)\s+)?(?:[\w'-]+\s+){0,3}?"
            r"(?:charges|indictment|case\s+against)\b)",
            _I,
        ),
        "cleared ",
    ),
    (
        re.compile(
            r"\bdismiss(?:ed|es|ing)?\s+(?=(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'-]+\s+){0,2}?"
            r"(?:lawsuit|suit|case|claim|challenge|appeal|complaint|petition|charges)\b)",
            _I,
        ),
        "rejected ",
    ),
    (re.compile(r"\brul(?:ed|es|ing) in favou?r of\b", _I), " accepted "),
    # "Defeating Dallas" and "having defeated the team of France" beat them; "were defeated by", "defeated in the
    # final" and "a defeat" are losses.
    (
        re.compile(
            r"\bdefeat(?:ed|ing|s)?\b(?= (?:the )?(?-i:[A-Z]))(?<!\bwere defeated)(?<!\bwas defeated)"
            r"|\bdefeat(?:ed|ing)\b(?= (?:the|a|an|his|her|its|their|rival|reigning|defending) )"
            r"(?<!\bwere defeated)(?<!\bwas defeated)(?<!\bbeen defeated)(?<!\bbe defeated)(?<!\bbeing defeated)",
            _I,
        ),
        "beat",
    ),
    # A bill signed into law is approved; a referendum carried passed, one that went down to defeat was rejected.
    (re.compile(r"\binto law\b", _I), " into law approved "),
    (re.compile(r"\b(?:was|were|is|are|been) carried\b", _I), " approved "),
    (re.compile(r"\b(?:went|go|goes|going|gone) down to (?:a )?defeat\b", _I), " rejected "),
    # Going on with it continues it: "pressed on with their march" / "halted their march".
    (re.compile(r"\b(?:press(?:ed|es|ing)?|go(?:es|ing)?|went|gone) (?:on|ahead) with\b", _I), " continued "),
    # What is let expire or lapse has ended; what is renewed goes on.
    (re.compile(r"\blet (?:[\w'-]+ ){0,6}?(?:expire|lapse)\b", _I), " ended "),
    # "Instead of renewing it" did not renew it.
    (re.compile(r"\binstead of (?=\w+ing\b)", _I), " not "),
    # A figure that "edged down" fell and one that "crept up" rose ("up" and "down" are stopwords on their own).
    (re.compile(rf"\b(?:{_EDGED}) up\b", _I), " rose "),
    (re.compile(rf"\b(?:{_EDGED}) down\b", _I), " fell "),
    # What "could have been prevented" was avoidable.
    (re.compile(r"\bcould have been (?:prevented|avoided)\b", _I), " avoidable "),
    # "Must sell or face a ban" is a ban "unless" it sells ("if it does not sell").
    (re.compile(r"\bor (?:face|risk)\b", _I), " unless facing "),
    # "No later than early February" is by then: no negation.
    (re.compile(r"\bno later than\b", _I), " by "),
    # "Added 200,000 subscribers" grew by them ("he added" says who said it).
    (re.compile(r"\badd(?:ed|s|ing)\s+(?=[$£€]?\d|some\b|about\b|nearly\b|more than\b|over\b|around\b)", _I), "grew "),
    # "Formula One" is F1.
    (re.compile(r"\bFormula (?:One|1)\b", _I), " F1 "),
    (
        re.compile(r"\b(seized|gained|took|taken|take|takes|taking) (full |complete )?control (of|over)\b", _I),
        " captured ",
    ),
    (re.compile(r"\brul(e|ed|es|ing) out\b", _I), " not "),
    (
        re.compile(r"\b(pushed|pulled|fell|forced|driven|falls|falling) back\b|\blos(t|e|es|ing) ground\b", _I),
        " retreat ",
    ),
    (re.compile(rf"\b(a|one) third\b(?!\s+{_ORDINAL_NEXT})", _I), " 33.33 percent "),
    (re.compile(r"\btwo[- ]thirds\b", _I), " 66.67 percent "),
    # Not "a quarter of a percentage point".
    (re.compile(r"\b(a|one) quarter\b(?! of a)", _I), " 25 percent "),
    # "A fifth of the reef" and "cut by a fifth" are shares; "a fifth mass bleaching" is the fifth one.
    (re.compile(r"\bby (?:a|one) fifth\b", _I), " by 20 percent "),
    (
        re.compile(r"\b(a|one) fifth\b(?=\s+of\b|\s*[,.;]|\s*$|\s+(?:are|were|is|was|have|had|said|say)\b)", _I),
        " 20 percent ",
    ),
    # Any other share in words: "two fifths", "one in three", "four in ten", "three out of four".
    (
        re.compile(
            rf"\b({_SMALL})[- ]({_PARTS})\b|\b({_SMALL}|\d+) (?:in|out of) ({_SMALL}|\d+)\b(?! (?:percent|%))", _I
        ),
        _share,
    ),
    # A figure given as about so much is near it: "nearly six in ten" is "about 58%".
    (
        re.compile(
            r"\b(?:about|around|roughly|approximately|nearly|almost|some|close to|an estimated)\s+"
            r"(?=[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a hundred)\b)",
            _I,
        ),
        " cmpabt ",
    ),
    # Bounds: "more than 600" and "fewer than 600" are different claims about the same number.
    (re.compile(r"\bno more than\b|\b(fewer|less) than\b|\bunder\b|\bbelow\b|\bup to\b|\bat most\b", _I), " cmplt "),
    # "As many as 8.9 million" is a cap like "up to": against "up to 9.8 million" the two caps differ.
    (
        re.compile(
            r"\bas (?:many|much) as(?=\s+(?:[$£€]?\d|one|two|three|four|five|six|seven|eight|nine|ten|a)\b)", _I
        ),
        " cmplt ",
    ),
    (
        re.compile(r"\bmore than\b|\bover\b|\babove\b|\bat least\b|\bin excess of\b|\bexceed(?:s|ed|ing)?\b", _I),
        " cmpgt ",
    ),
    (re.compile(r"\bstep(ped|ping|s)? down\b", _I), " resign "),
    (re.compile(r"\bturn(?:ed|s|ing)? down\b", _I), " rejected "),
    # "Said no to the draft charter" rejected it.
    (re.compile(r"\b(?:said|says|say|saying|voted|votes|vote) no to\b", _I), " rejected "),
    # A currency that "firmed" strengthened ("firms" are companies).
    (re.compile(r"\bfirm(?:ed|ing)\b", _I), " strengthened "),
    # "Penal colony No. 3" numbers a thing; it negates nothing.
    (re.compile(r"(?-i:\bNo)\.?\s*(?=\d)", _I), " number "),
    # Who was not vaccinated is unvaccinated: "an unvaccinated child" / "a child who had not been vaccinated".
    (re.compile(r"\bun(vaccinated|armed|licensed|registered|authori[sz]ed)\b", _I), r" not \1 "),
    # The upper house is the Senate ("Mexico's Senate" / "the upper house of Congress").
    (re.compile(r"\bthe upper house(?: of (?:the )?(?:Congress|[Pp]arliament))?\b", _I), " the Senate "),
    # Troops leaving a place retreat from it; pushing deeper into it is an advance. Holding on to power keeps it.
    (re.compile(r"\b(pulled|pull|pulls|pulling) out (of|from)\b", _I), " retreat from "),
    (
        re.compile(r"\b(pushed|push|pushes|pushing|drove|driven|moved|advanced) (deeper|further) into\b", _I),
        " advance into ",
    ),
    (re.compile(r"\b(held|holds|hold|holding|hung|hangs|hang|hanging) on ?to\b", _I), " kept "),
    (re.compile(r"\b(lay|lays|laying|laid) off\b|\bjob cuts\b", _I), " layoff "),
    # "Deliveries were up 27 percent" and "down 27 percent" say which way a number moved.
    (re.compile(r"\bup(?=\s+(by\s+)?[\d.]+\s*(percent|points?|basis)\b)", _I), " rose "),
    (re.compile(r"\bdown(?=\s+(by\s+)?[\d.]+\s*(percent|points?|basis)\b)", _I), " fell "),
    (re.compile(r"\bwalk(ed|ing|s)? out\b", _I), " strike "),
    (re.compile(r"\bfell short of\b|\bfall(s|ing)? short of\b", _I), " failed to win "),
    # A majority lost in a vote is one not won: "lost its majority" / "fell short of a majority".
    (
        re.compile(
            r"\b(?:los(?:t|e|es|ing)|no longer (?:has|have|holds?|commands?)) (?:its|their|his|her|the|a|an)"
            r" ((?:[\w-]+ ){0,2}?)majority\b",
            _I,
        ),
        r" failed to win \1majority ",
    ),
    # A superlative said by denying any rival: "no year on record has been warmer than 2024", "no player had ever...".
    (
        re.compile(
            r"\bno\b(?=(?:\s+(?!that\b|which\b|who\b|whether\b)[\w'-]+){1,6}?\s+(?:has|have|had|is|was|were)\s+"
            r"(?:been\s+|ever\s+)?(?:[\w'-]+\s+)?(?:\w+er|more\s+\w+)(?:\s+[\w'-]+){0,3}?\s+than\b"
            r"|(?:\s+(?!that\b|which\b|who\b|whether\b)[\w'-]+){0,3}?\s+before\b(?:\s+[\w'-]+){1,4}?\s+(?:has|have|had)\s+ever\b)",
            _I,
        ),
        " only ",
    ),
    # A first said by denying any before: "a feat no previous mission had achieved".
    (
        re.compile(
            r"\bno\b(?=(?:\s+[\w'-]+){1,3}?\s+(?:has|have|had)\s+(?:ever\s+)?"
            r"(?:achieved|done|managed|accomplished|pulled\s+off)\b)",
            _I,
        ),
        " only ",
    ),
    # "At the end of her trial" says when, it ends nothing.
    (re.compile(r"\b(?:at|by|until|before|towards?) the end of\b", _I), " after "),
    # A green light approves; a party spared from dissolution was not dissolved.
    (re.compile(r"\bg(?:ave|ive|ives|iven|iving) (?:the |a |its )?green light\b", _I), " approved "),
    (re.compile(r"\bspar(?:ed|es|ing)\b(?=(?:\s+[\w'-]+){1,6}?\s+from\b)", _I), " did not punish "),
    # Bodies recovered are of the dead: "recovered the bodies of all twelve boys" / "brought them out alive".
    (
        re.compile(r"\b(recovered|found|retrieved|pulled out|identified) the bod(?:y|ies) of\b", _I),
        r" \1 the dead ",
    ),
    # What no longer holds has ended: "will no longer be required" / "will end the requirement".
    (re.compile(r"\bno longer\b", _I), " ended "),
    (re.compile(r"\bdecided\s+(?:(?:in|on|last)\s+\w+(?:\s+\w+)?\s+)?against\b", _I), " not "),
    # A regulator clearing a deal or a drug approves it; a court clearing a person acquits them.
    (
        re.compile(
            r"\bclear(?:ed|s|ing)?\s+((?:the|a|an|its|their)\s+(?:[\w'-]+\s+){0,4}?)(merger|deal|takeover|acquisition"
            r"|combination|sale|purchase|vaccine|drug|jab|treatment|therapy|bill|law|plan)s?\b",
            _I,
        ),
        r" approved \1\2 ",
    ),
    # Fractions of a point are figures in percentage points: "a quarter of a percentage point" is 25 basis points.
    (re.compile(r"\ba quarter(?: of a)? (?:percentage )?point\b", _I), " 0.25 pp "),
    (re.compile(r"\bhalf (?:of )?a (?:percentage )?point\b", _I), " 0.5 pp "),
    (re.compile(r"\bthree[- ]quarters of a (?:percentage )?point\b", _I), " 0.75 pp "),
    # Finishing behind someone is losing to them; a government that falls is toppled.
    (re.compile(r"\bfinish(?:ed|es|ing)? (?:behind|second|third|runner-up)\b", _I), " lost "),
    (re.compile(r"\b(government|cabinet|coalition)(?:'s)? (?:fell|collapsed)\b", _I), r"\1 toppled"),
    # What a court finds unconstitutional it strikes down; a bill signed into law is approved, one withdrawn scrapped.
    (re.compile(r"\bunconstitutional\b", _I), " overturned "),
    (re.compile(r"\bsign(?:ed|s|ing)? ((?:[\w'-]+ ){0,5}?)into law\b", _I), r" approved \1"),
    (
        re.compile(
            r"\bwithdr(?:ew|aw|awn|aws|awing) ((?:the|a|its|his|her|their) (?:[\w'-]+ ){0,3}?)"
            r"(bill|law|proposal|plan)\b",
            _I,
        ),
        r" scrapped \1\2",
    ),
    # What still holds goes on: "still constitutes an emergency" / "no longer an emergency"; what "stood still" halted.
    (re.compile(r"\b(?:stood|stand|stands|standing) still\b", _I), " halted "),
    (re.compile(r"\bstill\b", _I), " continues "),
    # Courts strike laws down as they overturn rulings; voters turn proposals down.
    (re.compile(r"\bstr(?:uck|ike|ikes|iking) down\b", _I), " overturned "),
    (re.compile(r"\bturn(?:ed|s|ing)? down\b", _I), " rejected "),
    (re.compile(r"\bnothing but\b", _I), " only "),
    # "No-confidence vote", "no-fly zone", "no-deal Brexit" are things, not negations.
    (re.compile(r"\bno[- ](confidence|fly)\b|\bno-(deal|go)\b", _I), r" no\1\2 "),
    (re.compile(r"\bin a row\b", _I), " consecutive "),
    (re.compile(r"\bcall(s|ed|ing)? off\b", _I), " cancelled "),
    (re.compile(r"\bbr(eak|eaks|eaking|oke|oken) down\b", _I), " collapsed "),
    (
        re.compile(r"\b(come|comes|came|coming) into (force|effect)\b|\b(take|takes|took|taken|taking) effect\b", _I),
        " effective ",
    ),
    # Compulsion says how, not what ("forced to cancel", "had to call off"); and it is no troops.
    (re.compile(r"\b(forced|obliged|compelled|ha[sd]|have) to\b", _I), " "),
    # "Close to Bakhmut" is near it; "closed the border" shuts it.
    (re.compile(r"\bclose (to|by)\b", _I), " near "),
    # "Without power" states what is missing; "without an agreement", "without consulting" negate what happened.
    # Nouns in -ing ("without heating", "without funding") are things missing, not acts left undone.
    (re.compile(rf"\bwithout (?!(a|an|any|the|(?!{_ING_NOUNS}\b)\w+ing)\b)", _I), " lacking "),
    # "Half a million" is 500,000 and "a million" one million, not 50 or a bare scale word.
    (re.compile(r"\bhalf an? (thousand|million|billion)\b", _I), r" 0.5 \1 "),
    # "Covid-19" is Covid (the coronavirus), not a model number.
    (re.compile(r"\b(covid)[- ]?19\b", _I), r"\1"),
    # "Six and a half weeks" is 6.5 of them.
    (re.compile(rf"\b(\d+|{_CARDINALS}) and a half\b", _I), _and_a_half),
    (re.compile(r"\ban? (hour|day|week|month|year) and a half\b", _I), r" 1.5 \1s "),
    (re.compile(r"\b(?<!\d )an? (thousand|million|billion)\b", _I), r" 1 \1 "),
    (re.compile(r"\bvot(e|ed|es|ing) down\b|\bvot(e|ed|es|ing)\s+(?:score\d+to\d+\s+)?against\b", _I), " rejected "),
    (re.compile(r"\bvot(e|ed|es|ing) (for|in favou?r of)\b", _I), " approved "),
    # A case thrown out clears the accused, as an acquittal does.
    (
        re.compile(
            r"\b(?:dismiss(?:ed|es|ing)?|thr(?:ew|ow|own|ows|owing) out) ((?:[\w-]+ ){0,3}?)"
            r"(case|charges?|lawsuit|indictment)\b",
            _I,
        ),
        r" cleared \1\2 ",
    ),
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    # A comma before one or two digits is a decimal comma ("0,3 percent", "48,8 degrees").
    (re.compile(r"(\d),(\d{1,2})\b"), r"\1.\2"),
    # A range gives its scale once: "between 32 and 36 billion" is 32 billion to 36 billion.
    (
        re.compile(r"\b(\d+(?:\.\d+)?) (and|to|-) (\d+(?:\.\d+)?) (thousand|million|billion|trillion)\b", _I),
        r"\1 \4 \2 \3 \4",
    ),
    (re.compile(r"(\d)(bn|tn|m|mn|k)\b"), r"\1 \2"),
    (re.compile(r"(\d)-?fold\b"), r"\1 fold"),
    # Units in more than one word, as the one word matching.units knows.
    (re.compile(r"\bpercentage[- ]points?\b", _I), " pp "),
    (re.compile(r"\bbasis[- ]points?\b", _I), " bp "),
    (re.compile(r"\bkm ?/ ?h\b|\bkilomet(?:re|er)s? (?:per|an|by|a) hour\b", _I), " kph "),
    (re.compile(r"\bmiles? (?:per|an|by|a) hour\b", _I), " mph "),
]
# Modality: a claim that states an act as possible, considered, expected or proposed (or denies plans for it) is another
# claim than one stating it as done or as what will be done: "the bank will cut rates" / "could cut rates", "has
# banned" / "is considering banning", "prevents" / "may prevent". A plan is another claim than a fact ("is building" /
# "plans to build") but the claim "will" states ("will double" / "plans to double"). "May" is the month with a
# capital; "than expected", "more likely to", "could not" and "before it could" state no possibility.
_BE = r"(?:is|are|was|were|be|been|being|'s|'re)"
# When, between a verb of intent and its "to": "threatened in November 2023 to close", "plans on Monday to".
_WHEN = (
    r"(?:\s+(?:in|on|last|this|earlier|later)"
    r"(?:\s+(?:(?-i:[A-Z][a-z]+)|\d{1,2}(?:st|nd|rd|th)?,?|year\d{4}|week|month|year)){1,3})?"
)
POSSIBLE, PLAN, WILL = "possible", "plan", "will"
MODALITIES = [
    # (modality, pattern), the first that matches names the claim's modality; none: stated as a fact.
    (
        POSSIBLE,
        re.compile(
            r"\b(?:could(?!n't| not)|might|(?-i:may)(?! not)|possibly|potentially|perhaps|maybe"
            rf"|{_BE}\s+(?:\w+\s+)?(?:considering|weighing|mulling|exploring|eyeing|studying|discussing|debating)"
            r"|consider(?:s|ed)?\s+\w+ing|mull(?:s|ed)?|weigh(?:s|ed)?\s+(?:\w+\s+)?(?:charges?|options?|whether|plans?)"
            rf"|(?:{_BE}\s+)?(?<!than )expected\s+to|expects?\s+to|(?<!more )(?<!less )(?:un)?likely\s+to"
            # Next in line, not yet chosen: "is in line to host the World Cup".
            rf"|{_BE}\s+in\s+line\s+to"
            r"|(?<!\ba )(?<!\bthe )(?<!\ban )(?<!\bagainst )(?<!\bover )(?<!\bof )(?<!\bon )(?<!\bfor )(?<!\bits )"
            r"(?<!\btheir )propos(?:e|es|ed|ing)\s+(?:to\s+)?\w+"
            rf"|threat(?:en|ens|ened|ening){_WHEN}\s+(?:to|an?|more|further|fresh|new)\b"
            r"|unlikely"
            # Asked or urged to do it: not done yet ("was asked to form a government").
            rf"|{_BE}\s+(?:asked|urged|invited|called\s+on)(?:\s+by\s+(?:[\w'-]+\s+){{1,4}}?)?\s*to"
            # "Detected the possible remains of 215 children" is what "may be the remains" says.
            r"|(?:the|a|an)\s+possible\s+(?!to\b)[a-z]+"
            r"|in\s+(?:advanced\s+|early\s+|final\s+)?(?:talks|negotiations|discussions)\s+(?:to|on|over|about|with)"
            r"|den(?:y|ies|ied|ying)\s+(?:any\s+)?(?:plans?|planning|intending|considering))\b",
            _I,
        ),
    ),
    (
        PLAN,
        re.compile(
            # "The plan to send asylum seekers to Rwanda was illegal": a plan as a noun states no plan of the claim.
            r"\b(?:(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!'s )"
            rf"plan(?:s|ned|ning)?{_WHEN}\s+to"
            rf"|plans\s+(?:for|of)|intend(?:s|ed|ing)?{_WHEN}\s+to|intention\s+(?:of|to)"
            rf"|aim(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|{_BE}\s+seeking|sought\s+to|hop(?:es|ed|ing)\s+to|prepar(?:es|ed|ing)\s+to"
            rf"|{_BE}\s+(?:set|poised|due)\s+to|{_BE}\s+preparing|want(?:s|ed)?\s+to)\b",
            _I,
        ),
    ),
    (WILL, re.compile(r"\b(?:will|shall|won't)\b|'ll\b", _I)),
]
_CONDITIONAL = re.compile(r"\b(?:could|might|(?-i:may))\b(?! not)", _I)
_NO_POSSIBILITY = re.compile(r"\bbefore\s+\w+\s+could\b", _I)


# Words between "by" and its figure: "by about 5 percent".
_ABOUT = frozenset({"about", "some", "nearly", "around", "roughly", "almost", "cmpabt", "a", "an"})
_AVOIDABLE = re.compile(r"\bcould have been (?:prevented|avoided)\b", _I)
# A plan as a noun after its determiner and a word or two: "a government plan to add places", "the new plan to".
_NOUN_PLAN = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+(?:[\w-]+\s+){1,2}?plan\s+to\b", _I)


def _modality(text: str) -> str:
    text = _NO_POSSIBILITY.sub("before", _NOUN_PLAN.sub(" scheme for ", text))
    # "Could have been prevented" says it was avoidable, no possibility.
    text = _AVOIDABLE.sub(" avoidable ", text)
    return next((modality for modality, pattern in MODALITIES if pattern.search(text)), "")


def _modalities_differ(a: str, b: str) -> bool:
    """What "will" be done is what is planned and what is done; possible, planned and done are three claims."""
    return a != b and WILL not in (a, b) or {a, b} == {WILL, POSSIBLE}


# Who did it to whom: "Real Madrid beat Barcelona" and "Barcelona beat Real Madrid" share every word. A name, up to
# two lower-case words ("Russian forces"), an act done to someone and the name it was done to. Passive voice and
# "lost to" turn the roles round. Symmetric acts ("met", "talked to") are not listed.
_NAME = r"((?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w'.-]*)(?:\s+(?:[A-Z][\w'.-]*))*)"
_ACTS = {
    "win": r"beat|beats|defeated|defeats|overcame|overcomes|thrashed|edged|crushed|routed|swept|sweeps|knocked out"
    r"|eliminated",
    "attack": r"attacked|attacks|invaded|invades|struck|strikes|shelled|shells|bombed|bombs",
    "accuse": r"accused|accuses|blamed|blames|sued|sues|sanctioned|sanctions|expelled|expels",
    "overtake": r"overtook|overtakes|overtaken|overtake|surpassed|surpasses|outstripped|outstrips|outpaced|outpaces",
    "buy": r"bought|buys|buy|acquired|acquires|acquire|purchased|purchases|purchase|took over|takes over|take over",
}
_SUPPLY = (
    r"supply|supplies|supplied|sell|sells|sold|export|exports|exported|ship|ships|shipped|deliver|delivers|delivered"
)
# Up to two lower-case words after the name, then perhaps when: "US Steel agreed in December 2023 to acquire ...".
_LEAD = (
    r"(?:\s+(?!and\b|or\b|by\b|to\b|of\b)[a-z]+){0,2}"
    r"(?:\s+(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:year\d{4})?)?"
)
_PASSIVE = r"(?:was|were|has been|have been|had been|is|are)"
# What a report says of a party before its name: "beat 16-year-old Luke Littler", "defeated defending champion X".
_DESCRIBED = r"(?:(?:\d+|[a-z]+)-year-old\s+|(?:defending|reigning)\s+(?:champions?\s+)?|top-seeded\s+)?"


def _role(act: str, verbs: str, pattern: str, agent: int, patient: int) -> tuple[str, str, re.Pattern[str], int, int]:
    """One role pattern: `VERBS` in `pattern` stands for `verbs`, which `_ROLE_VERBS` also looks for."""
    return act, verbs, re.compile(pattern.replace("VERBS", verbs)), agent, patient


ROLE_PATTERNS = [
    # (act, its verbs, pattern, group of who did it, group of to whom; 0 when the claim does not say)
    *(
        _role(act, verbs, rf"{_NAME}{_LEAD}\s+(?:to\s+)?(?:VERBS)\s+(?:the\s+)?{_DESCRIBED}{_NAME}", 1, 2)
        for act, verbs in _ACTS.items()
    ),
    *(
        # "South Africa were defeated by seven runs by India": a margin may come first.
        _role(
            act,
            f"beaten|{verbs}",
            rf"{_NAME}{_LEAD}\s+{_PASSIVE}\s+(?:VERBS)(?:\s+(?:by\s+)?[\w-]+(?:\s+[a-z-]+){{0,3}})?\s+by\s+(?:the\s+)?{_NAME}",
            2,
            1,
        )
        for act, verbs in _ACTS.items()
    ),
    # "Alcaraz was defeated in two tie-break sets": he lost, whoever the claim says beat him.
    _role("win", f"beaten|{_ACTS['win']}", rf"{_NAME}{_LEAD}\s+{_PASSIVE}\s+(?:VERBS)\b", 0, 1),
    # Nouns for the acts: "Broadcom completed its acquisition of VMware", "OpenAI filed a lawsuit against Musk", "Iran
    # fired missiles at Israel" (and "missiles were launched by Israel against Iran").
    _role(
        "buy",
        "acquisition|takeover|purchase|buyout",
        rf"{_NAME}(?:\s+[a-z0-9$][\w'$.-]*){{0,6}}?\s+(?:VERBS)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_NAME}",
        1,
        2,
    ),
    _role(
        "accuse",
        "filed|files|brought|brings|launched|launches",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)\s+(?:an?\s+)?(?:[$\w.-]+\s+){{0,3}}?(?:lawsuit|suit|complaint|case)\s+against"
        rf"\s+(?:the\s+)?{_NAME}",
        1,
        2,
    ),
    # "Caracas charged that Georgetown was threatening to annex..." accused it.
    _role(
        "accuse",
        "charged|charges|alleged|alleges",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)\s+(?:that\s+)?(?:the\s+)?{_NAME}",
        1,
        2,
    ),
    # "Niger's junta ordered the French ambassador to leave" expelled France's envoy.
    _role(
        "accuse",
        "ordered|orders|told|tells|asked",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)\s+(?:the\s+)?{_NAME}\s+(?:ambassador|envoy|diplomats?|embassy)"
        rf"(?:\s+[A-Z][\w'.-]*){{0,3}}\s+to\s+leave\b",
        1,
        2,
    ),
    # "Stability AI took Getty Images to the High Court" sued it.
    _role(
        "accuse",
        "took|takes|take",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)\s+{_NAME}\s+to\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*?(?:[Cc]ourt|ICJ|ICC|[Tt]ribunal)\b",
        1,
        2,
    ),
    _role(
        "attack",
        "fired|fires|launched|launches",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)(?:\s+[\w-]+){{0,5}}?\s+(?:at|against|on|into)\s+(?:the\s+)?{_NAME}",
        1,
        2,
    ),
    _role(
        "attack",
        "fired|launched",
        rf"\b(?:VERBS)\s+by\s+(?:the\s+)?{_NAME}\s+(?:at|against|on|into)\s+(?:the\s+)?{_NAME}",
        1,
        2,
    ),
    _role(
        "win",
        "lost|loses|lose|fell",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)(?:\s+[\w-]+){{0,4}}?\s+to\s+(?:the\s+)?{_NAME}",
        2,
        1,
    ),
    _role("win", "won|wins|win", rf"{_NAME}{_LEAD}\s+(?:VERBS)\b", 1, 0),
    # Ground taken: "Ukrainian forces recaptured Izium" / "Ukrainian forces lost Izium to Russian troops".
    _role(
        "capture", "captured|captures|seized|seizes|took|takes|overran", rf"{_NAME}{_LEAD}\s+(?:re)?(?:VERBS)\b", 1, 0
    ),
    _role("capture", "retook|retakes|liberated|liberates", rf"{_NAME}{_LEAD}\s+(?:VERBS)\b", 1, 0),
    _role(
        "capture",
        "lost|loses|lose|ceded|cedes",
        rf"{_NAME}{_LEAD}\s+(?:VERBS)(?:\s+[\w'-]+){{0,8}}?\s+to\s+(?:the\s+)?{_NAME}",
        2,
        1,
    ),
    _role("win", "lost|loses", rf"{_NAME}{_LEAD}\s+(?:VERBS)\b(?!(?:\s+[\w-]+){{0,4}}?\s+to\s+[A-Z])", 0, 1),
    # Goods sent one way: "Qatar signed a deal to supply gas to Sinopec" / "Sinopec agreed to supply Qatar with gas".
    _role(
        "supply",
        _SUPPLY,
        rf"{_NAME}(?:\s+[a-z0-9][\w'-]*){{0,8}}?\s+(?:VERBS)(?:\s+[a-z][\w'-]*){{1,5}}?\s+to\s+{_NAME}",
        1,
        2,
    ),
    _role("supply", _SUPPLY, rf"{_NAME}(?:\s+[a-z0-9][\w'-]*){{0,8}}?\s+(?:VERBS)\s+{_NAME}\s+with\b", 1, 2),
]
# Every verb some role pattern needs ("re" for "recaptured"): a claim with none of them (most claims) skips them.
_ROLE_VERBS = re.compile(r"\b(?:re)?(?:" + "|".join(verbs for _, verbs, _, _, _ in ROLE_PATTERNS) + r")\b")
# Compass words tell places apart ("east coast", "west coast") like names do.
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_](?:[^\W_]|['’-](?=[^\W_]))*", re.UNICODE)
_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class ClaimFeatures:
    """What the score needs of one claim: content words, numbers, proper names and polarity."""

    words: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool
    polarity: frozenset[tuple[str, int]] = frozenset()
    times: frozenset[str] = frozenset()
    bounds: frozenset[tuple[str, str]] = frozenset()
    # (canonical word, a word of the text it stands for): what word vectors compare when the words differ.
    surfaces: frozenset[tuple[str, str]] = frozenset()
    # (act, who did it, to whom), either side "" when the claim does not say: ("win", "spain", "england").
    roles: frozenset[tuple[str, str, str]] = frozenset()
    # Countries the claim places its event in ("in Beijing", "at the White House").
    where: frozenset[str] = frozenset()
    # The cities or sites it places it at ("in Mumbai", "near Acapulco"), a capital as "^" and its country ("in New
    # Delhi": "^@india"); a country is no site.
    sites: frozenset[str] = frozenset()
    # POSSIBLE ("could cut", "is considering"), PLAN ("plans to"), WILL or "" (stated as done): see MODALITIES.
    modality: str = ""
    # Whether the possibility is said with "could", "may" or "might" (what may happen), not "is weighing" (a choice).
    conditional: bool = False
    # The words before and after the first "than": what is compared with what ("prices rose faster than wages").
    compared: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # What is missing said with "without" ("without heating"): the same absence as "no heating".
    lacking: bool = False
    # The names in the order the claim names them, and whether it says "by" (a passive turns the order round).
    name_order: tuple[str, ...] = ()
    passive: bool = False
    # Whether it says who did it with "by" after a past participle ("was beaten by"): see `_agent_given`.
    agent: bool = False
    # The first word when it has a capital and is no name: "Antarctic", "Chevron" or "Thieves" (see `_names_differ`).
    lead: str = ""
    # Initials of its names of two words or more ("snb" for "Swiss National Bank"): what the other claim's "SNB" is.
    acronyms: frozenset[str] = frozenset()
    # Each of those initials with the words it stands for.
    spelled: frozenset[tuple[str, frozenset[str]]] = frozenset()
    # Numbers followed by a unit, also in the base unit of its kind: ("45", "3888000", "duration") for "45 days".
    measures: frozenset[tuple[str, str, str]] = frozenset()
    # Figures a word of change comes just before, with its side: ("5", 0) for "grew 5%", ("5", 1) for "shrank by 5%".
    moves: frozenset[tuple[str, int]] = frozenset()
    # Names said only as who reported it: ", the Xinhua agency reported", "according to the USGS".
    sources: frozenset[str] = frozenset()
    # The claim's words in order, in lower case, as written: what `_word_changed` compares.
    sequence: tuple[str, ...] = ()
    # Figures said as a change, after "by": "raised by two years" gives "2".
    steps: frozenset[str] = frozenset()
    # Stems of the acts a claim says "will" happen, and of those it says in the past tense ("released").
    foretold: frozenset[str] = frozenset()
    done: frozenset[str] = frozenset()


_WILL_ACT = re.compile(r"\bwill\s+(?:\w+ly\s+)?(?!be\b|have\b)([a-z]{3,})\b", _I)
_PAST_ACT = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bwill )(?<!\bto )\b([a-z]{3,}ed)\b", _I)


# When a source said it: "said on Tuesday", "announced late on Friday", "said last week".
_SAID_WHEN = r"(?:\s+(?:on|late|early|this|last)(?:\s+[\w-]+){1,2})?"
# What a source says of itself after "said": "said it had", "said on Monday that they would".
_OF_ITSELF = re.compile(r"\s+(?:that\s+)?(?:it|they|we|he|she)\b", _I)
# Who reported it, at the end or the start of a claim: ", the Suez Canal Authority said on 29 March", ", reported the
# Xinhua agency", "According to the USGS, ...".
_ATTRIBUTION = re.compile(
    r",\s*(?:according\s+to|as\s+reported\s+by|reported|said|says|announced|informed|told|communicated)\b[^,]*$"
    r"|,\s*[^,]{1,80}?\b(?:said|says|reported|announced|informed|confirmed|communicated|stated)\b[^,]*$"
    r"|^\s*according\s+to\b[^,]*,"
    # "Buckingham Palace announced that ...", "The Pakistan Cricket Board said on Tuesday that ...", "Nepal's tourism
    # department said it had issued ..." ("said" alone, with what was said after it: "Mexico confirmed 42 cases" and
    # "what Trump said" name no source).
    r"|^\s*(?:[\w'.-]+\s+){1,12}?(?:(?:said|says|announced|reported|confirmed|stated)" + _SAID_WHEN + r"\s+that"
    r"|(?:said|says)" + _SAID_WHEN + r"(?=\s+\w))\b",
    _I,
)


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def _canonical(word: str) -> str:
    """A word as a claim keeps it: the synonym its stem (or the word itself) stands for, else its stem."""
    stem = _stem(word)
    return SYNONYMS.get(stem, SYNONYMS.get(word, stem))


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("—", " ").replace("–", "-")
    return text


# A four-digit year, not a count ("2,000 troops" has its comma): marked before commas go.
_YEAR = re.compile(r"(?<![\d,.])\b(1[89]\d\d|20\d\d)\b(?![,.]?\d)")


def _number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return NUMBER_WORDS.get(token)


def _fold(token: str) -> str:
    """Latin letters without accents, other scripts transliterated: Bakhmoutské and Bakhmoutske are one word."""
    return token if token.isascii() else anyascii(token)


def _role_name(name: str) -> str:
    words = [w[:-2] if w.lower().endswith("'s") else w for w in name.rstrip(".").split()]
    if words and words[0] in {"The", "A", "An"}:
        words = words[1:]
    if len(words) == 1 and (place := places.place_of(_fold(words[0]).lower())):
        return place
    return " ".join(_fold(w).lower() for w in words)


def _roles(text: str) -> frozenset[tuple[str, str, str]]:
    found = set()
    if not _ROLE_VERBS.search(text):
        return frozenset()
    for act, _, pattern, agent, patient in ROLE_PATTERNS:
        for match in pattern.finditer(text):
            found.add(
                (
                    act,
                    _role_name(match.group(agent)) if agent else "",
                    _role_name(match.group(patient)) if patient else "",
                )
            )
    return frozenset(found)


# A place after "in" or "at" (past "the", compass words, "central") is where the event happened.
LOCATIVE = frozenset({"in", "at", "near", "outside"})
LOCATIVE_SKIP = COMPASS | {"the", "central"}
CONTINENTS = frozenset({"africa", "europe", "asia", "america", "americas", "oceania", "antarctica"})


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\d+(?:[.,]\d+)*")


def claim_features(text: str) -> ClaimFeatures:
    text = _YEAR.sub(r" year\1 ", normalise(text))
    text = places.fold_multiword(text)
    roles = _roles(text)
    modality = _modality(text)
    # Acts said with "will" and acts said in the past ("will release" / "released"): see `_foretold`.
    foretold = frozenset(_stem(verb.lower()) for verb in _WILL_ACT.findall(text)) if modality == WILL else frozenset()
    done = frozenset(_stem(verb.lower()) for verb in _PAST_ACT.findall(text))
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    # After PHRASES: "defeating Dallas" is "beat Dallas" in both claims' words.
    sequence = tuple(_fold(word).lower() for word in _WORD.findall(text))
    words: set[str] = set()
    surfaces: dict[str, str] = {}
    numbers: list[float] = []
    bounds: set[tuple[int, str]] = set()
    names: set[str] = set()
    times: set[str] = set()
    negations: list[int] = []  # indexes of the tokens that negate
    comparator = ""
    where: set[str] = set()
    sites: set[str] = set()
    located_by = ""  # the last of LOCATIVE read
    locative = False
    before_than: set[str] | None = None
    found = list(_TOKEN.finditer(text))
    raw_tokens = [_fold(m.group()) for m in found]
    attribution = _ATTRIBUTION.search(text.rstrip(" ."))
    # "Venezuela's foreign ministry said it had expelled Panama's ambassador": a source that speaks of itself is also
    # the one who acted, its country a party in the order of names.
    of_itself = bool(attribution and attribution.start() == 0 and _OF_ITSELF.match(text, attribution.end()))

    def in_source(i: int) -> bool:
        return attribution is not None and attribution.start() <= found[i].start() < attribution.end()

    sources: set[str] = set()
    tokens = [t.lower() for t in raw_tokens]
    name_order: list[str] = []
    name_at: list[int] = []  # the index of the token each of name_order came from
    identifier = -2  # index of the last token read as part of a name or a model number
    figure_at = -2  # index of the last token that gave or scaled the last number
    measures: dict[int, tuple[float, str]] = {}  # number index -> (value in the base unit, kind of quantity)
    moves: dict[int, int] = {}  # number index -> the side of POLARITY["change"] the word before it gives
    steps: set[int] = set()  # number indexes said as a change: "by two years", "by about 5"
    moved = (-9, 0)  # (index, side) of the last word of change read
    # Indexes of day numbers read with their month: "6 April" (the month is then read when it comes), "April 6".
    days = {i - 1 for i, token in enumerate(tokens) if token in MONTHS and _day(tokens, i) == i - 1}
    for i, token in enumerate(tokens):
        raw = raw_tokens[i]
        token = token.strip("'-")
        if token.endswith("'s"):
            token, raw = token[:-2], raw[:-2]
        if figure_at == i - 1 and token in ("degree", "degrees"):
            figure_at = i  # "48.8 degrees Celsius": the unit is the next word.
        elif figure_at == i - 1 and units.is_unit(token):
            # "45 days" and "six and a half weeks": also one figure in one unit (the base unit of its kind).
            measures[len(numbers) - 1] = units.in_base_unit(numbers[-1], token)
        if token.endswith("n't"):
            negations.append(i)
            token, raw = token[:-3], raw[:-3]
        if token in ("cmpgt", "cmplt", "cmpabt"):
            comparator = token
            continue
        if token in NEGATIONS:
            negations.append(i)
            continue
        if token.startswith("year") and token[4:].isdigit():
            times.add(token[4:])
            locative = False  # "in 2022, Addis Ababa said": a time, not a place.
            continue
        if i in days:
            continue
        if token in TIME_WORDS and (raw[:1].isupper() or token != "may"):
            times.add(token)
            # "On April 6" / "on 6 April": the day is a time ("April 16" is another), not a figure.
            if token in MONTHS and (day := _day(tokens, i)):
                times.add(f"{token}{tokens[day]}")
                days.add(day)
            locative = False
            continue
        if token in SCALE_WORDS and numbers and i > 0 and _number(tokens[i - 1]) is not None:
            if token == "m":
                # "6.25m" is metres as often as millions ("a 6.25m vault", "$2.5m"): the metres stay a measure.
                measures[len(numbers) - 1] = (numbers[-1], "distance")
            numbers[-1] *= SCALE_WORDS[token]
            figure_at = i
            continue
        value = _number(token)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            value is not None
            and token[:1].isdigit()
            and identifier == i - 1
            and tokens[i - 1] not in TIME_WORDS
            # "Fined Meta 1.2 billion euros" gives an amount.
            and following not in SCALE_WORDS
            and following not in AMOUNT_WORDS
            and not units.is_unit(following)
        ):
            # A number right after a name names a thing, it counts nothing: "Boeing 737-800", "Chapter 11", "Apollo 11".
            words.add(token)
            identifier = i if i + 1 < len(found) and text[found[i].end() : found[i + 1].start()] == "-" else -2
            continue
        if value is not None and not (token == "one" and (i + 1 == len(tokens) or tokens[i + 1] in {"of", "'s"})):
            numbers.append(value)
            if (i > 0 and tokens[i - 1] == "by") or (i > 1 and tokens[i - 1] in _ABOUT and tokens[i - 2] == "by"):
                steps.add(len(numbers) - 1)
            figure_at = i
            if moved[0] >= i - 3:
                # "Grew 5%" / "shrank by 5%": which way the figure moved.
                moves[len(numbers) - 1] = moved[1]
            if comparator:
                bounds.add((len(numbers) - 1, comparator))
            comparator = ""
            continue
        if token not in ("the", "a", "an"):
            # "Stayed below the 1.5C threshold": the bound is on the next figure.
            comparator = ""
        if token in LOCATIVE or (locative and token in LOCATIVE_SKIP):
            locative = True
            if token in LOCATIVE:
                located_by = token
                if token in STOPWORDS:
                    continue
        elif locative:
            locative = False
            if raw[:1].isupper() and (place := places.place_of(token)):
                if token in places.capitals() or token.endswith(places.CAPITAL_MARK):
                    sites.add(f"^{place}")
                if located_by in ("in", "at"):
                    where.add(place)
            elif (
                raw[:1].isupper()
                and token not in STOPWORDS | TITLES | CONTINENTS
                and (site := _canonical(token)) not in GENERIC_NAME_WORDS
            ):
                sites.add(site)
        if token == "than" and before_than is None:
            before_than = set(words)
        if not token or token in STOPWORDS or len(token) < 2:
            continue
        # A capital marks a name, except on the first word where it only starts the sentence (unless an acronym).
        place = places.place_of(token) if raw[:1].isupper() else None
        holder = places.officeholders().get(token) if raw[:1].isupper() else None
        is_name = (
            raw[:1].isupper()
            and (i > 0 or raw.isupper() or place is not None or holder is not None)
            and token not in TITLES
        )
        if holder:
            # "Zelensky" is also "the Ukrainian president": the office and country join the claim's words.
            country, office = holder
            words.add(country)
            names.add(country)
            if of_itself or not in_source(i):
                name_order.append(country)
                name_at.append(i)
            for office_word in office.split():
                stem = _stem(office_word)
                words.add(SYNONYMS.get(stem, stem))
                surfaces.setdefault(SYNONYMS.get(stem, stem), office_word)
        # Of a hyphenated name, the parts with a capital or a digit: "UN-backed" names the UN ("backed" is a word),
        # "F-16" names a model.
        capitals = {part.lower() for part in raw.split("-") if part[:1].isupper() or part[:1].isdigit()}
        for part in [token, *token.split("-")] if "-" in token and place is None else [token]:
            if not part or part in STOPWORDS or (part == token and "-" in token and place is None):
                continue
            part_is_name = is_name and (part == token or part in capitals)
            part_place = place or (places.place_of(part) if raw[:1].isupper() else None)
            if part_place:
                canonical = part_place
            else:
                stem = _stem(part)
                canonical = _canonical(part)
                at = _next_at(tokens, i)
                following = tokens[at] if at < len(tokens) else ""
                if stem in NEGATING_STEMS:
                    if following in _OBJECT_LEAD:
                        at += 1
                        following = tokens[at] if at < len(tokens) else ""
                    # "Turned down full approval", "denied a humanitarian pardon": up to two words before what is
                    # turned down. (Not claims: "rejected US accusations that" and a later "refused to pay" would
                    # cancel each other out.)
                    if following not in NEGATED_NEXT:
                        following = next((t for t in tokens[at + 1 : at + 3] if t in _DENIED_OBJECTS), following)
                # "Declined to testify" negates; "declined to 3,000" is a fall.
                after = tokens[i + 2] if i + 2 < len(tokens) else ""
                to_act = stem != "declin" or (after.isalpha() and after not in NUMBER_WORDS)
                if (
                    stem in NEGATING_STEMS
                    and not part.endswith(("able", "ible"))
                    and (stem in ALWAYS_NEGATING or (following in NEGATED_NEXT and to_act) or following.endswith("ing"))
                ):
                    negations.append(i)
            if canonical == STAND_IN and _places(words):
                # "Kenya will vote in the country": the country named before is the one meant.
                continue
            words.add(canonical)
            if canonical in MOVES:
                moved = (i, MOVES[canonical])
            surfaces.setdefault(canonical, part)
            if part_is_name or part in COMPASS or part_place:
                names.add(canonical)
                identifier = i
                # Who said it is no party to what was said: "X said on Tuesday that Y did it" and "Y did it, X said"
                # name the parties in one order.
                if in_source(i):
                    sources.add(canonical)
                if not in_source(i) or (of_itself and canonical.startswith(places.PREFIX)):
                    name_order.append(canonical)
                    name_at.append(i)
    spelled = _acronyms(raw_tokens)
    lead = ""
    if raw_tokens and raw_tokens[0][:1].isupper() and tokens[0] not in STOPWORDS:
        stem = _stem(tokens[0].strip("'-").removesuffix("'s").split("-")[0])
        lead = SYNONYMS.get(stem, stem)
        lead = lead if lead in words and lead not in names else ""
    number_words = [_format_number(n) for n in numbers]
    polarity = frozenset(
        (kind, sign) for kind, sides in POLARITY.items() for sign, side in enumerate(sides) if side & words
    )
    return ClaimFeatures(
        words=frozenset(words | {f"#{n}" for n in number_words} | {f"~{t}" for t in times}),
        numbers=frozenset(number_words),
        moves=frozenset((number_words[index], side) for index, side in moves.items()),
        steps=frozenset(number_words[index] for index in steps),
        measures=frozenset(
            (number_words[index], _format_measure(value), kind) for index, (value, kind) in measures.items()
        ),
        names=frozenset(names),
        negated=_negated(negations, tokens),
        polarity=polarity,
        times=frozenset(times),
        bounds=frozenset((number_words[index], comparator) for index, comparator in bounds),
        surfaces=frozenset(surfaces.items()),
        roles=roles,
        where=frozenset(where),
        sites=frozenset(sites),
        modality=modality,
        conditional=modality == POSSIBLE and bool(_CONDITIONAL.search(text)),
        compared=(frozenset(before_than), frozenset(words - before_than))
        if before_than
        else (frozenset(), frozenset()),
        lacking="lacking" in tokens,
        name_order=tuple(
            dict.fromkeys(([lead] if lead and not in_source(0) else []) + _coordinated(name_order, name_at, tokens))
        ),
        passive="by" in tokens,
        agent=_agent_given(tokens),
        lead=lead,
        acronyms=frozenset(spelled),
        spelled=frozenset(spelled.items()),
        sources=frozenset(sources),
        foretold=foretold,
        done=done,
        sequence=sequence,
    )


# Two negations this close cancel ("did not fail to", "never refused", "not unable"), or anywhere in a clause the first
# opens with "that" ("found no evidence that the bolts ... were missing"); further apart each negates its own clause
# ("declined to endorse the bill, leaving couples unable to wed"), and the claim is negated.
NEGATION_SCOPE = 4
THAT_SCOPE = 15


def _negated(at: list[int], tokens: list[str]) -> bool:
    """Whether negations at these token indexes negate the claim: a pair within one scope cancels out."""
    remaining = 0
    i = 0
    while i < len(at):
        scope = THAT_SCOPE if "that" in tokens[at[i] + 1 : at[i] + 4] else NEGATION_SCOPE
        if i + 1 < len(at) and at[i + 1] - at[i] <= scope:
            i += 2
            continue
        remaining += 1
        i += 1
    return remaining > 0


def _coordinated(order: list[str], at: list[int], tokens: list[str]) -> list[str]:
    """The names in the order the claim names them, names joined by "and" or a comma in one order whichever way the
    claim joins them: "Israel and Hamas agreed" / "agreed between Hamas and Israel" name no one first."""
    runs: list[list[str]] = []
    for k, (name, i) in enumerate(zip(order, at, strict=True)):
        joined = k and all(token in ("and", "&", "") for token in tokens[at[k - 1] + 1 : i])
        if joined:
            runs[-1].append(name)
        else:
            runs.append([name])
    return [name for run in runs for name in sorted(run)]


# Between a negating verb and its "to": when and how often ("failed on Tuesday to pass", "failed again to").
_BEFORE_ACT = frozenset({"on", "in", "again", "once", "yet", "last", "this", "late", "early"})


def _day(tokens: list[str], month: int) -> int | None:
    """The index of the day of the month at `month` ("6 April", "April 6", "April 6th"), if it gives one."""
    for at in (month + 1, month - 1):
        if 0 <= at < len(tokens) and tokens[at].isdigit() and len(tokens[at]) <= 2 and 1 <= int(tokens[at]) <= 31:
            after = tokens[at + 1] if at + 1 < len(tokens) else ""
            if at == month - 1 or not (after in SCALE_WORDS or after in AMOUNT_WORDS or units.is_unit(after)):
                return at
    return None


def _next_at(tokens: list[str], i: int) -> int:
    """The index of the token after tokens[i], past words that only say when ("on December 14, 2024")."""
    j = i + 1
    while j < len(tokens) and (
        tokens[j] in _BEFORE_ACT or tokens[j] in TIME_WORDS or tokens[j].startswith("year") or tokens[j].isdigit()
    ):
        j += 1
    return j


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _format_measure(value: float) -> str:
    """Six significant digits, never with an exponent: 3.8 million miles in metres is "6115510000"."""
    return np.format_float_positional(float(f"{value:.6g}"), trim="-")


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


@lru_cache(maxsize=50_000)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"^{word}$"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


# Two transliterations of one name sound alike (Metaphone or NYSIIS agree) and are spelled nearly alike: Raeisi /
# Raisi, Navalnyi / Navalny, Aleksei / Alexei, Aqtau / Aktau. Niger / Nigeria sound alike too, but places are compared
# by their country, never by spelling.
SOUNDS_ALIKE = 0.88
# Spelled this much alike and said with the same consonants (see `_consonants`): Redzhep / Recep (0.83), not Ryazan /
# region (0.56).
TRANSLITERATED = 0.8


def _same_word(a: str, b: str) -> bool:
    """Equal, or spelled alike (Bakhmut/Bakhmout, Zelensky/Zelenskiy, Fed/Federal) or a transliteration of it (see
    SOUNDS_ALIKE); short words must be equal."""
    if a == b:
        return True
    if 3 <= min(len(a), len(b)) <= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    if a[0] in "#~@^" or b[0] in "#~@^":
        return False
    # One spelling of a name in two alphabets' conventions: Mecca/Mekka, Aleksey/Alexei, Kadhafi/Qaddafi, Zhomart/
    # Jomart, Claudia/Klaudia, Bayrut/Beirut.
    key_a, key_b = _spelling(a), _spelling(b)
    if min(len(a), len(b)) >= 3 and min(len(key_a), len(key_b)) >= 3 and _spelled_alike(key_a, key_b):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    ta, tb = _trigrams(a), _trigrams(b)
    if len(ta & tb) / len(ta | tb) >= 0.5 or a.startswith(b) or b.startswith(a):
        return True
    alike = jellyfish.jaro_winkler_similarity(a, b)
    if alike >= TRANSLITERATED and len(skeleton := _consonants(a)) >= 3 and skeleton == _consonants(b):
        return True
    return alike >= SOUNDS_ALIKE and (
        _sound(jellyfish.metaphone, a) == _sound(jellyfish.metaphone, b)
        or _sound(jellyfish.nysiis, a) == _sound(jellyfish.nysiis, b)
    )


# Letters that spell one sound in different transliterations, in order: "ch" is kept from the hard "c".
_SPELLINGS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sch", "s"), ("sh", "s"), ("tch", "C"), ("ch", "C"), ("ts", "C"),
              ("tz", "C"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("rh", "r"), ("ck", "k"), ("ay", "ei"),
              ("ey", "ei"), ("ai", "ei"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("x", "ks"), ("q", "k"), ("y", "i"),
              ("w", "v"))  # fmt: skip


_VOWELS = re.compile(r"[aeiou]")


def _spelled_alike(key_a: str, key_b: str) -> bool:
    """Whether two `_spelling`s are one name: equal (Han / Khan), but for the first sound g/k (Gaddafi / Kadhafi), one
    the other's start (Alexand[er] / Aleksandr), or the same consonants and close vowels (Morsi / Mursi, Lviv / Lvov).
    """
    if key_a == key_b:
        return True
    shorter = min(len(key_a), len(key_b))
    if shorter >= 6 and {key_a[0], key_b[0]} <= {"g", "k"} and key_a[1:] == key_b[1:]:
        return True
    if shorter >= 5 and (key_a.startswith(key_b) or key_b.startswith(key_a)):
        return True
    consonants = _VOWELS.sub("", key_a)
    return (
        len(consonants) >= 3
        and key_a[0] == key_b[0]
        and consonants == _VOWELS.sub("", key_b)
        and jellyfish.jaro_winkler_similarity(key_a, key_b) >= 0.85
    )


@lru_cache(maxsize=50_000)
def _spelling(word: str) -> str:
    """The word with one letter for each sound transliterations spell differently: "mecca" and "mekka" are "meka"."""
    for letters, sound in _SPELLINGS:
        word = word.replace(letters, sound)
    word = re.sub(r"c(?![ei])", "k", word).replace("C", "c")
    return re.sub(r"(.)\1+", r"\1", word)


# Letters that transliterations of one sound differ by: Redzhep / Recep / Rejep, Sindzo / Shinzo, Kylychdaroglu /
# Kilicdaroglu, Kadhafi / Gaddafi.
_DIGRAPHS = re.compile(r"dzh|zh|kh|sh|ch|ts|dz|ph|th|dh|gh|rh|ck")
_DIGRAPH_SOUNDS = {"dzh": "j", "zh": "j", "kh": "h", "sh": "s", "ch": "c", "ts": "c", "dz": "z", "ph": "f", "th": "t",
                   "dh": "d", "gh": "g", "rh": "r", "ck": "k"}  # fmt: skip
# Consonants by where they are said (Soundex's classes); vowels, h, w and y are left out.
_CONSONANT_CLASS = str.maketrans("bfpvcgjkqsxzdtlmnr", "111122222222334556", "aeiouhwy")


@lru_cache(maxsize=50_000)
def _consonants(word: str) -> str:
    """The word's consonants as sounds, each run of one sound once: "redzhep", "recep" and "rejep" are all "216"."""
    sounds = _DIGRAPHS.sub(lambda match: _DIGRAPH_SOUNDS[match.group()], word).translate(_CONSONANT_CLASS)
    return re.sub(r"(.)\1+", r"\1", sounds)


def _sound(code: Callable[[str], str], word: str) -> str:
    """A phonetic code without a final Y: Syrskyi / Syrsky, Zelenskyy / Zelensky end in a transliterated vowel."""
    return code(word).rstrip("Y")


# "The country", when no country is named before it, stands for the one country the other claim names and this one
# does not ("Argentina's inflation" / "inflation in the country"; "fled Ukraine" / "fled the country since Russia
# invaded"): it is how a rewritten article refers back to its subject.
STAND_IN = "countri"


def _places(words: frozenset[str] | set[str]) -> set[str]:
    return {w for w in words if w.startswith(places.PREFIX)}


def _unmatched(left: frozenset[str], right: frozenset[str]) -> set[str]:
    rest = set(left - right)
    if not rest:
        return set()
    if STAND_IN in rest and len(_places(right) - left) == 1:
        rest.discard(STAND_IN)
    if STAND_IN in right and STAND_IN not in left and len(_places(rest)) == 1:
        rest -= _places(rest)
    # Words spelled alike start alike (see `_same_word`): compare each word only with those of its first letter, or of
    # its first sound ("Gaddafi" / "Kadhafi", "Zhomart" / "Jomart").
    by_first: dict[str, set[str]] = {}
    for word in right:
        for first in _firsts(word):
            by_first.setdefault(first, set()).add(word)
    return {w for w in rest if not any(_same_word(w, v) for first in _firsts(w) for v in by_first.get(first, ()))}


# First sounds that transliterations spell with other letters: Gaddafi / Kadhafi / Qaddafi, Claudia / Klaudia.
_FIRST_SOUND = str.maketrans("cgq", "kkk")


def _firsts(word: str) -> set[str]:
    """The first letter of a word and the first letter of its `_spelling`, as `_unmatched` indexes them."""
    return {word[0], _spelling(word)[:1].translate(_FIRST_SOUND)} if word[0].isalpha() else {word[0]}


# Words found in claims on every subject weigh half: sharing them says little (a poor man's IDF, with no corpus).
COMMON = _words("near town citi region area peopl year month week day time countri govern offici new last")


def _weight(words: frozenset[str] | set[str]) -> float:
    return sum(0.5 if w in COMMON else 1.0 for w in words)


# The guards, in the order a reviewer reads them: what differs in a pair that shares everything else.
GUARDS = ("numbers", "negation", "modality", "polarity", "names", "time", "wording")


@dataclass(frozen=True)
class MatchScore:
    score: float
    overlap: float
    conflicts: tuple[str, ...]
    held: tuple[str, ...] = ()


def _same_number(x: str, y: str) -> bool:
    """Equal, or within NUMBER_TOLERANCE of it when one is a rounding ("a third" is 33.33, "33%" is 33). Two figures
    given to the same decimal places are exact: a 6.26 m record is not a 6.16 m one."""
    fx, fy = float(x), float(y)
    if fx == fy:
        return True
    places_x, places_y = (len(n.partition(".")[2]) for n in (x, y))
    if places_x and places_x == places_y:
        return False
    return abs(fx - fy) <= NUMBER_TOLERANCE * abs(fx)


# How far past "more than N" ("fewer than N") a figure may lie and still be what the bound says of it: "a 41-year high"
# is "the highest in over four decades", 2,000 is not "more than 600".
BOUND_REACH = 1.5


# How far a figure said to be "about", "nearly" or "roughly" so much may be from another.
ABOUT_TOLERANCE = 0.05


def _about(x: str, y: str) -> bool:
    return abs(float(x) - float(y)) <= ABOUT_TOLERANCE * max(abs(float(x)), abs(float(y)))


def _within_bound(x: str, y: str, bounds: frozenset[tuple[str, str]]) -> bool:
    """Whether figure x (given as it is) is what "more than y" or "fewer than y" (a bound in `bounds`) says, near y."""
    value, limit = float(x), float(y)
    if (y, "cmpgt") in bounds:
        return limit < value <= limit * BOUND_REACH
    if (y, "cmplt") in bounds:
        return limit / BOUND_REACH <= value < limit
    return False


def _numbers_differ(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    def same(x: str, y: str, measure_x: tuple[str, str] | None, measure_y: tuple[str, str] | None) -> bool:
        """Two measures compare in the base unit of their kind ("3 days" is "72 hours", not "3 weeks"); a number
        with a unit and one without compare as numbers ("aged 91" / "91 years")."""
        if measure_x and measure_y:
            if measure_x[1] != measure_y[1]:
                return False
            # A converted figure has decimals no one wrote (165 mph is 73.7616 m/s): within NUMBER_TOLERANCE is the
            # same. Figures as written (6.25 m / 6.15 m) keep the same-decimals rule of `_same_number`.
            if max(len(measure_x[0].partition(".")[2]), len(measure_y[0].partition(".")[2])) <= 2:
                return _same_number(measure_x[0], measure_y[0])
            base_x, base_y = float(measure_x[0]), float(measure_y[0])
            return abs(base_x - base_y) <= NUMBER_TOLERANCE * max(abs(base_x), abs(base_y))
        return _same_number(x, y)

    def alone(left: ClaimFeatures, right: ClaimFeatures) -> set[str]:
        """Numbers of `left` that `right` does not give, in this unit or another of the same kind, nor as a bound
        close to it, nor about as much ("nearly six in ten" / "about 58%")."""
        left_measures = {number: (base, kind) for number, base, kind in left.measures}
        right_measures = {number: (base, kind) for number, base, kind in right.measures}
        left_bounded = {number for number, _ in left.bounds}
        return {
            x
            for x in left.numbers
            if not any(
                same(x, y, left_measures.get(x), right_measures.get(y))
                or (x not in left_bounded and _within_bound(x, y, right.bounds))
                or (((x, "cmpabt") in left.bounds or (y, "cmpabt") in right.bounds) and _about(x, y))
                for y in right.numbers
            )
        }

    only_a, only_b = alone(a, b), alone(b, a)
    if only_a and only_b and not _difference_given(only_a, only_b, a, b):
        return True
    # "more than 600" against "fewer than 600".
    return any((number, "cmplt" if bound == "cmpgt" else "cmpgt") in b.bounds for number, bound in a.bounds)


def _foretold(future: ClaimFeatures, past: ClaimFeatures) -> bool:
    """ "The Beatles will release the song" / "the Beatles released the song": the act foretold is the act done."""
    return future.modality == WILL and not past.modality and bool(future.foretold & past.done)


def _times_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each claim gives a year, a month, a weekday or a day of a month the other does not, where the other gives one
    of that kind: "in February 2024" / "on 14 February" agree, "on April 6" / "on April 16" do not."""

    def kind(time: str) -> str:
        if time.isdigit():
            return "year"
        return "day" if time[-1].isdigit() else "month" if time in MONTHS else "weekday"

    for of_kind in ("year", "month", "weekday", "day"):
        left = {time for time in a if kind(time) == of_kind}
        right = {time for time in b if kind(time) == of_kind}
        if left - right and right - left:
            return True
    return False


def _tokens(claim: ClaimFeatures, prefix: str) -> set[str]:
    """The claim's one-word scores ("score2to0") or times of day ("clock1800"): see PHRASES."""
    return {word for word in claim.words if word.startswith(prefix) and word[len(prefix) : len(prefix) + 1].isdigit()}


def _final_score(word: str) -> tuple[int, ...]:
    """ "score3to1" and "score1to3" are one result, said by the winner or by the loser."""
    return tuple(sorted(int(part) for part in word.removeprefix("score").split("to")))


def _tokens_differ(a: ClaimFeatures, b: ClaimFeatures, prefix: str, key) -> bool:
    """Both claims give a score (or a time of day) and none of one's is the other's: "beat Brazil 2-0" / "3-0",
    "closed at 6 p.m." / "at 8 p.m."."""
    left, right = {key(w) for w in _tokens(a, prefix)}, {key(w) for w in _tokens(b, prefix)}
    return bool(left and right and not left & right)


def _difference_given(only_a: set[str], only_b: set[str], a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """ "From 62 to 64" / "by two years, to 64": the one figure one claim alone gives, and a figure both give, are a
    step apart that the other claim gives "by" ("in 2 hours 1 minute" / "in 2 hours 3 minutes" are no such step)."""
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    shared = [float(n) for n in a.numbers & b.numbers]
    (x,), (y,) = only_a, only_b
    return any(
        abs(float(start) - n) == float(step)
        for start, step, stepper in ((x, y, b), (y, x, a))
        if step in stepper.steps
        for n in shared
    )


def _capped(fact: ClaimFeatures, possible: ClaimFeatures) -> bool:
    """A figure stated as a cap is what could happen: "prison terms of up to three years" / "could face as much as
    three years in jail", "to process up to 36,000 migrants a year" / "36,000 could be handled". Not what was agreed:
    "agreed to pay up to $10.9 billion" / "could pay up to $10.9 billion"."""
    return (
        fact.modality == ""
        and "agre" not in fact.words
        and possible.conditional
        and any(bound == "cmplt" and number in possible.numbers for number, bound in fact.bounds)
    )


def _roles_differ(a: ClaimFeatures, b: ClaimFeatures) -> tuple[bool, set[str]]:
    """(whether the claims give an act's roles to different parties, the acts both name roles for)."""
    acts = {act for act, _, _ in a.roles} & {act for act, _, _ in b.roles}
    for act, agent, patient in a.roles:
        for other_act, other_agent, other_patient in b.roles:
            if act != other_act:
                continue
            if (agent and _same_party(agent, other_patient)) or (patient and _same_party(patient, other_agent)):
                return True, acts
            # "Djokovic beat Alcaraz" / "Alcaraz was defeated by the Serbian": a country or demonym against a person
            # or team is a description, not another party.
            described = (agent[:1] == places.PREFIX) != (other_agent[:1] == places.PREFIX)
            if (
                agent
                and other_agent
                and not described
                and not _same_party(agent, other_agent)
                and _same_party(patient, other_patient)
            ):
                return True, acts
    return False, acts


def _same_party(x: str, y: str) -> bool:
    """Whether two role names name one party: the same words, one's words among the other's ("Putin" / "Vladimir
    Putin"), or one word spelled alike ("Exxon" / "ExxonMobil")."""
    if not x or not y:
        return False
    # "Air Canada" / "Canada's largest airline" (a role name folds one word alone to its country).
    words_x, words_y = ({places.place_of(word) or word for word in name.split()} for name in (x, y))
    if words_x <= words_y or words_y <= words_x:
        return True
    # "LSU" / "Louisiana State University".
    if any(
        len(one) == 1 and "".join(word[0] for word in other.split()) == x_or_y
        for one, other, x_or_y in ((words_x, y, x), (words_y, x, y))
        if len(other.split()) >= 2
    ):
        return True
    return len(words_x) == len(words_y) == 1 and _same_word(x, y)


def _names_swapped(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The same words with the names in another order: "Canada expelled six Indian diplomats" / "India expelled six
    Canadian diplomats", "Germany imported electricity from France" / "France imported electricity from Germany".
    Not when either says "by": "X was beaten by Y" names them the other way round for the same claim."""
    if a.words != b.words or a.passive or b.passive:
        return False
    # Names both give outside who said it: "Y did it, X said" names X only as the source.
    named_a, named_b = set(a.name_order), set(b.name_order)
    order_a = [name for name in a.name_order if name in named_b]
    order_b = [name for name in b.name_order if name in named_a]
    return len(order_a) >= 2 and order_a != order_b


# Words that say who an act is aimed at or what passes to whom: "filed a lawsuit against Y", "sold the tower to Y".
_TOWARD = ("against", "to", "from")
# Words that lead into what follows a preposition without naming it: "against the former finance minister".
_LEAD_IN = frozenset({"the", "a", "an", "its", "their", "his", "her", "former", "rival", "fellow"})


def _aimed_at(sequence: tuple[str, ...], at: int) -> tuple[str, ...]:
    """The words right after the preposition at `at`, up to the next function word: its object."""
    rest = [word.removesuffix("'s") for word in sequence[at + 1 :]]
    while rest and rest[0] in _LEAD_IN:
        rest.pop(0)
    words = []
    for word in rest:
        if word in STOPWORDS or not word.isalpha():
            break
        words.append(word)
    return tuple(words)


def _objects_swapped(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The same act aimed the other way: "X filed a lawsuit against Y" / "Y filed a lawsuit against X", "X sold the
    tower to Y" / "Y offloaded the tower to X". What one claim aims at is named before the same preposition in the
    other, and the other way round. Not when either says who did it with "by" (a passive names them the other way for
    one claim); "exchange filings by the two developers" is no passive."""
    if a.agent or b.agent:
        return False
    for word in _TOWARD:
        if word not in a.sequence or word not in b.sequence:
            continue
        at_a, at_b = a.sequence.index(word), b.sequence.index(word)
        object_a, object_b = set(_aimed_at(a.sequence, at_a)), set(_aimed_at(b.sequence, at_b))
        # Words both objects have ("against Panama over the closure" / "against First Quantum over the closure") say
        # nothing of who is aimed at.
        only_a, only_b = object_a - object_b, object_b - object_a
        before_a = {w.removesuffix("'s") for w in a.sequence[:at_a]}
        before_b = {w.removesuffix("'s") for w in b.sequence[:at_b]}
        if only_a & before_b and only_b & before_a:
            return True
    return False


# Past participles that do not end in -ed or -en: "was hit by", "were led by", "was bought by".
_IRREGULAR_PARTICIPLES = frozenset({
    "hit", "led", "held", "sold", "bought", "won", "lost", "struck", "brought", "caught", "sent", "kept", "set", "put",
    "shot", "cut", "run", "paid", "built", "told", "found", "made", "left", "met", "read", "sought", "taught",
    "thought", "fought", "beat", "bound", "hung", "spent", "lent", "dealt", "meant", "swept",
})  # fmt: skip


def _agent_given(tokens: list[str]) -> bool:
    """Whether the claim says who did it with "by" after a past participle ("was beaten by", "were hit 3-1 by"): not
    "exchange filings by the two developers" or "a rise by 2%"."""
    return any(
        token == "by" and any(_participle(word) for word in tokens[max(0, at - 2) : at])
        for at, token in enumerate(tokens)
    )


def _participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or len(word) > 3 and word.endswith(("ed", "en", "wn"))


def _moved_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """One figure said to move one way in one claim and the other way in the other: "the economy grew 5% after two
    years of contraction" / "GDP shrank by 5% after two years of contraction"."""
    return any(x_side != y_side and _same_number(x, y) for x, x_side in a.moves for y, y_side in b.moves)


def _comparison_reversed(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """ "House prices rose faster than wages" / "wages rose faster than house prices": what one claim compares with
    is what the other compares (words both compare with, "last year", aside)."""
    (left_a, right_a), (left_b, right_b) = a.compared, b.compared
    return bool((right_a - right_b) & left_b and (right_b - right_a) & left_a)


# Function words inside a name, left out of its initials: "Syrian Observatory for Human Rights" is SOHR, "National
# Oceanic and Atmospheric Administration" NOAA.
_ACRONYM_INSIDE = frozenset({"of", "for", "and", "the", "on", "de"})


def _acronyms(raw_tokens: list[str]) -> dict[str, frozenset[str]]:
    """The initials of each run of two or more capitalised words, function words inside left out -> the run's
    words as the claim has them ("mlb" -> {"major", "leagu", "basebal"})."""
    found: dict[str, frozenset[str]] = {}
    run: list[str] = []
    for raw in [*raw_tokens, ""]:
        if raw[:1].isupper() and (not raw.isupper() or len(raw) <= 3) and (run or raw.lower() not in STOPWORDS):
            run.append(raw)
            continue
        if raw.lower() in _ACRONYM_INSIDE and run:
            run.append(raw.lower())
            continue
        while run and run[-1].islower():
            run.pop()
        # "Bola Tinubu of the All Progressives Congress" is "APC" from its last name on.
        # "US Food and Drug Administration" is "FDA" and "USFDA".
        starts = [0] + [
            k + 1
            for k, word in enumerate(run)
            if (word.islower() or word.isupper()) and k + 1 < len(run) and run[k + 1][:1].isupper()
        ]
        for start in starts:
            capitals = [word for word in run[start:] if word[:1].isupper()]
            # Two words only as a whole run ("United Nations" / "UN"), not the end of a longer one.
            if len(capitals) >= (2 if start == 0 else 3):
                initials = "".join(word.lower() if word.isupper() else word[0].lower() for word in capitals)
                found[initials] = frozenset(map(_canonical_name, capitals))
        run = []
    return found


def _canonical_name(raw: str) -> str:
    """A capitalised word as `claim_features` keeps it: its place, or `_canonical` of it."""
    token = raw.lower().removesuffix("'s")
    return places.place_of(token) or _canonical(token)


def _spelled_out(claim: ClaimFeatures, other: ClaimFeatures) -> set[str]:
    """The words of the claim's long names that the other claim calls by their initials ("Major League Baseball" /
    "MLB")."""
    return {word for initials, words in claim.spelled for word in words if initials in other.words}


# Word overlap from which a capitalised first word counts as a name (it may only start the sentence): claims that are
# the same sentence but for it ("Antarctic sea ice..." / "Arctic sea ice...") are about different things.
LEAD_MIN_OVERLAP = 0.8


def _names_differ(a: ClaimFeatures, b: ClaimFeatures, overlap: float) -> bool:
    """Each claim names what the other does not, where the rest agrees: another actor or place for the same act. Two
    countries, or the event placed in two countries, always differ. Other names count only where the words overlap
    enough: a rewording names other details ("Judge Amit Mehta" / "a federal judge", "RSF" / "Rapid Support Forces")
    while a claim about another place or actor is the same sentence with one name changed."""
    if a.where and b.where and not a.where & b.where:
        return True
    # "In New Delhi" / "in Mumbai", "near Acapulco" / "near Cancun": the event at another site of one country. A site
    # the other claim names elsewhere, or by its initials ("in the New England Journal" / "in the NEJM"), is no other.
    if _unmatched(a.sites, b.sites | b.words | b.acronyms) and _unmatched(b.sites, a.sites | a.words | a.acronyms):
        return True
    names_a = _unmatched(a.names, b.words | b.acronyms) - _spelled_out(a, b)
    names_b = _unmatched(b.names, a.words | a.acronyms) - _spelled_out(b, a)
    # What a rewording calls a body by what it is ("the Royal Tribunal", "the Swedish Academy", "an East African
    # nation"), or a unit with a capital ("Celsius"), names no other actor.
    names_a, names_b = _proper(names_a, a, names_b), _proper(names_b, b, names_a)
    # Who reported it names no other actor: a rewording names the source otherwise ("the UN nuclear watchdog" / "The
    # International Atomic Energy Agency said"), or leaves it out.
    names_a -= a.sources
    names_b -= b.sources
    if overlap >= LEAD_MIN_OVERLAP:
        lead_a = _unmatched(frozenset({a.lead}), b.words) if a.lead else set()
        lead_b = _unmatched(frozenset({b.lead}), a.words) if b.lead else set()
        # A first word is no other actor against countries a rewording adds ("Journalists Maria Ressa and Dmitry
        # Muratov" / "the Norwegian Nobel Committee"); against a name or a city it is ("Kyoto University" / "Tokyo").
        if (lead_a and not names_a and names_b and _described(names_b, b)) or (
            lead_b and not names_b and names_a and _described(names_a, a)
        ):
            lead_a = lead_b = set()
        names_a |= lead_a
        names_b |= lead_b
    if _places(names_a) and _places(names_b):
        return True
    if not names_a or not names_b:
        return False
    # A country on one side against a person or body on the other is most often a description a rewording adds ("the
    # American singer-songwriter Bob Dylan", "US regulators" for the FDA): it tells them apart only in near-copies. Not
    # a capital: "Stockholm" against "Milan" places the event elsewhere.
    described = _described(names_a, a) != _described(names_b, b)
    return overlap >= (LEAD_MIN_OVERLAP if described else NAMES_MIN_OVERLAP)


# Capitalised words that name what a body, an award or a region is rather than which one it is: "the Supreme Tribunal",
# "the Federal Penitentiary Service", "the Swedish Academy", "West African". A rewording names the body by what it is
# where the other claim names it ("Spain's Supreme Court", "the Nobel committee"), so these words are no names to the
# names guard (see `_proper`); the price: "the Supreme Court" / "the Constitutional Court" are not told apart by it.
GENERIC_NAME_WORDS = frozenset(map(_canonical, _words(
    """
    academy agency alliance assembly association authority award bank board bureau cabinet central chamber circle
    commission committee community council court democratic department economic federal federation foundation fund
    general government health high institute international judicial justice laboratory lab league ministry national
    office organization organisation penitentiary people power presidential prize public republic reserve
    royal service state statistics supreme tribunal union university world polar
    final finals championship championships tournament games series stadium
    telescope space observatory station satellite center centre spaceport
    african asian arab latin pacific atlantic himalayan baltic balkan caribbean nordic scandinavian mediterranean andean
    cup
    """
)))  # fmt: skip


def _proper(names: set[str], claim: ClaimFeatures, other: set[str]) -> set[str]:
    """The names that say which one: places, names that are no generic word or unit, and compass words where the other
    claim has one too ("east coast" / "west coast"; not "the East African nation" / "Kenya")."""
    surfaces = dict(claim.surfaces)
    compass = bool(names & COMPASS and other & COMPASS)
    return {
        name
        for name in names
        if name.startswith(places.PREFIX)
        or (compass if name in COMPASS else name not in GENERIC_NAME_WORDS)
        and not units.is_unit(surfaces.get(name, name).lower())
    }


def _described(names: set[str], claim: ClaimFeatures) -> bool:
    """Whether these names are all countries, none of them named by its capital."""
    surfaces = dict(claim.surfaces)
    return all(name in _places(names) and surfaces.get(name, "") not in places.capitals() for name in names)


def _guards(
    a: ClaimFeatures, b: ClaimFeatures, overlap: float = 1.0, related: Relatedness | None = None
) -> tuple[list[str], list[str]]:
    """(conflicts, held): the guards that tell these claims apart, and those that had something to check and agreed."""
    roles_differ, role_acts = _roles_differ(a, b)
    # When both claims say who won, "beat" against "lost to" is no opposite outcome: the roles decide.
    skip = ROLE_KINDS if "win" in role_acts else frozenset()
    kinds_a = {kind for kind, _ in a.polarity if kind not in skip}
    kinds_b = {kind for kind, _ in b.polarity if kind not in skip}
    checks = {
        # guard: (differs, had something to check)
        "numbers": (
            _numbers_differ(a, b) or _tokens_differ(a, b, "score", _final_score),
            bool(a.numbers and b.numbers or _tokens(a, "score") and _tokens(b, "score")),
        ),
        # "Without heating" is the absence "no heating" states: a negation only against one.
        "negation": (
            (a.negated or (a.lacking and b.negated)) != (b.negated or (b.lacking and a.negated)),
            True,
        ),
        "modality": (
            (_modalities_differ(a.modality, b.modality) or _foretold(a, b) or _foretold(b, a))
            and not _capped(a, b)
            and not _capped(b, a),
            bool(a.modality and b.modality),
        ),
        "polarity": (
            roles_differ
            or _moved_apart(a, b)
            or _names_swapped(a, b)
            or _objects_swapped(a, b)
            or _comparison_reversed(a, b)
            or any(
                {sign for k, sign in a.polarity if k == kind} ^ {sign for k, sign in b.polarity if k == kind} == {0, 1}
                for kind in kinds_a & kinds_b
            ),
            bool(kinds_a & kinds_b or role_acts or (a.compared[1] and b.compared[1])),
        ),
        # Other names on each side, or the event placed in other countries ("in Beijing", "in Washington").
        "names": (_names_differ(a, b, overlap), bool(a.names and b.names)),
        "time": (
            _times_differ(a.times, b.times) or _tokens_differ(a, b, "clock", str),
            bool(a.times and b.times or _tokens(a, "clock") and _tokens(b, "clock")),
        ),
    }
    # Checked last, and only where no other guard tells the claims apart: the same sentence with one word changed.
    checks["wording"] = (False, False)
    if not any(differs for differs, _ in checks.values()):
        checks["wording"] = _word_changed(a, b, related)
    conflicts = [guard for guard in GUARDS if checks[guard][0]]
    held = [guard for guard in GUARDS if checks[guard][1] and not checks[guard][0]]
    return conflicts, held


# The words two claims must share around the one they change, for the change to be the claim's (see `_word_changed`).
WORDING_MIN_SHARED = 5
# Word vectors at least this close make a changed word a synonym ("said" / "stated" 0.55, "shut" / "closed" 0.57);
# opposites and other acts are far below ("approved" / "blocked" 0.04, "opened" / "closed" 0.38).
WORDING_SYNONYM = 0.45
# The most words either claim may change: "sacked its coach" / "signed a striker".
WORDING_MAX_CHANGED = 3


# Words a changed span may differ in without changing the claim: function words, prepositions and the bound markers
# PHRASES write ("over 300" is "cmpgt 300").
_NO_CONTENT = STOPWORDS | {"against", "over", "about", "across", "toward", "towards", "cmpgt", "cmplt", "cmpabt"}


def _word_changed(a: ClaimFeatures, b: ClaimFeatures, related: Relatedness | None) -> tuple[bool, bool]:
    """(differs, checked): whether the claims are one sentence with one to three words changed for words that are no
    synonym: "voters approved Measure 5" / "voters defeated Measure 5", "the shortage has been resolved" / "... has
    worsened", "the party's membership has doubled" / "the party's debts have doubled", "Bayern sacked its coach" /
    "Bayern signed a striker". Of the 568 development pairs of this shape, one was a rewording, and its words were
    synonyms in SYNONYMS ("the firm admitted" / "the company conceded"). Whether the words were
    written as the same word in another form (numbers, spellings, synonyms, near word vectors) is checked: then the
    claims agree. Without word vectors (`related`) no synonym can be ruled out, so nothing is told apart."""
    if related is None:
        return False, False
    matcher = difflib.SequenceMatcher(a=a.sequence, b=b.sequence, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace":
        return False, False
    _, i1, i2, j1, j2 = changed[0]
    if max(i2 - i1, j2 - j1) > WORDING_MAX_CHANGED or len(a.sequence) - (i2 - i1) < WORDING_MIN_SHARED:
        return False, False
    left = [w for w in a.sequence[i1:i2] if w not in _NO_CONTENT]
    right = [w for w in b.sequence[j1:j2] if w not in _NO_CONTENT]
    if not left or not right:
        return False, False
    if {_canonical(w) for w in left} & {_canonical(w) for w in right} or any(
        _same_word(x, y) or (_number(x) is not None and _number(x) == _number(y)) for x in left for y in right
    ):
        return False, True
    if related is not None and float(related([" ".join(left)], [" ".join(right)]).max()) >= WORDING_SYNONYM:
        return False, True
    return True, True


# Compares words: (words of one claim, words of the other) -> their cosine similarities, one row per word of the first.
Relatedness = Callable[[list[str], list[str]], np.ndarray]
# A word missing from the other claim counts as shared in part when a word there is this close in meaning (word
# vectors): nothing at RELATED_FROM (unrelated words), all of it at RELATED_TO (envoy/ambassador, jail/prison). Single
# words embed noisily (truce/ceasefire 0.37, club/team 0.24, illegal/postal 0.03), so credit starts low.
RELATED_FROM = 0.2
RELATED_TO = 0.5


def _related_weight(
    only: set[str], features: ClaimFeatures, other_only: set[str], other: ClaimFeatures, related: Relatedness
) -> float:
    """The weight of `only` (words of one claim the other lacks) that the other's missing words say in other words.

    Names, numbers and dates never count: that they differ is what the guards see."""

    def plain(words: set[str], claim: ClaimFeatures) -> dict[str, str]:
        surfaces = dict(claim.surfaces)
        return {w: surfaces[w] for w in words if w in surfaces and w not in claim.names and w[0] not in "#~@"}

    left, right = plain(only, features), plain(other_only, other)
    if not left or not right:
        return 0.0
    best = related(list(left.values()), list(right.values())).max(axis=1)
    credit = ((best - RELATED_FROM) / (RELATED_TO - RELATED_FROM)).clip(0.0, 1.0)
    return float(sum(c * (0.5 if w in COMMON else 1.0) for w, c in zip(left, credit, strict=True)))


def match_score(a: ClaimFeatures, b: ClaimFeatures, related: Relatedness | None = None) -> MatchScore:
    """0..1: word overlap, multiplied down for each sign of a different claim (the guards that differ).

    With `related` (word vectors, matching.embedding.word_similarities), a word the other claim lacks counts in part
    when the other says it in another word."""
    if not a.words or not b.words:
        return MatchScore(0.0, 0.0, ())
    only_a = _unmatched(a.words, b.words | b.acronyms) - _spelled_out(a, b)
    only_b = _unmatched(b.words, a.words | a.acronyms) - _spelled_out(b, a)
    total_a, total_b = _weight(a.words), _weight(b.words)
    shared_a, shared_b = total_a - _weight(only_a), total_b - _weight(only_b)
    if related is not None and only_a and only_b:
        shared_a += _related_weight(only_a, a, only_b, b, related)
        shared_b += _related_weight(only_b, b, only_a, a, related)
    # Dice over fuzzy-matched words, leaning towards the shorter claim: outlets add context more than they cut.
    dice = (shared_a + shared_b) / (total_a + total_b)
    containment = max(shared_a / total_a, shared_b / total_b)
    # Containment trusts a short claim only as far as it has words: "a town near Bakhmut" is in many claims.
    trust = min(1.0, min(len(a.words), len(b.words)) / 6)
    overlap = (0.7 * dice + 0.3 * containment * trust) / (0.7 + 0.3 * trust)
    conflicts, held = _guards(a, b, overlap, related)
    score = overlap * (CONFLICT_FACTOR ** len(conflicts))
    return MatchScore(round(score, 4), round(overlap, 4), tuple(conflicts), tuple(held))


SAME = "same"
CONTRADICTS = "contradicts"


@dataclass(frozen=True)
class Reading:
    """What the pair model (matching.pair_model) reads in two claims taken together: the chance that they state the
    same claim, that one contradicts the other, and that they are different claims on one subject."""

    same: float
    contradicts: float
    different: float


# Asked for a pair only when its answer can change the decision: `decide` calls it at most once.
Reader = Callable[[], Reading]


@dataclass(frozen=True)
class Decision:
    """What a candidate pair is: the same claim, a related claim that contradicts it, or neither (None)."""

    relation: str | None
    score: float
    similarity: float
    overlap: float
    conflicts: tuple[str, ...]
    held: tuple[str, ...]
    # The pair model's reading, when it was asked.
    reading: Reading | None = None
    # Guards that differed but the pair model's reading overruled (READ_RESCUE).
    overruled: tuple[str, ...] = ()


def _share_a_figure(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether both claims give one figure that is no small count (above ten, or with decimals), as it is or in
    another unit ("50 basis points" / "half a percentage point"), or the same day of a month ("on 15 April")."""
    if any(float(n) > 10 or "." in n for n in a.numbers & b.numbers):
        return True
    if any(time[-1].isdigit() and not time.isdigit() for time in a.times & b.times):
        return True
    measured = {(kind, base) for _, base, kind in b.measures}
    return any(
        kind == other_kind and _same_number(base, other_base) and (float(raw) > 10 or "." in raw)
        for raw, base, kind in a.measures
        for other_kind, other_base in measured
    )


def may_relate(similarity: float) -> bool:
    """False when `decide` relates nothing at this similarity whatever the words (too far apart in meaning, or no
    word overlap could lift it to the threshold): skipping the exact score then loses nothing."""
    lowest = min(THRESHOLD, FIGURE_THRESHOLD)
    return similarity >= MIN_SIMILARITY and SEMANTIC_WEIGHT * similarity + (1 - SEMANTIC_WEIGHT) >= lowest


def decide(
    a: ClaimFeatures,
    b: ClaimFeatures,
    similarity: float,
    related: Relatedness | None = None,
    read: Reader | None = None,
) -> Decision:
    """Same claim when meaning and words agree and every guard holds; "contradicts" when only guards differ.

    `similarity` is the cosine of the two claims' sentence embeddings (matching.embedding): it sees paraphrase but
    not that 60 is not 600, so it only says how related the claims are and the guards say whether they are one.
    `read`, when given, reads both claims of a pair found the same together (matching.pair_model): under READ_VETO
    chance of "same" it takes "same" away (guard "meaning"), a contradiction when it reads one. It also reads a pair
    kept apart by the names guard alone: at READ_RESCUE or more they are one claim, the guard `overruled`.
    """
    lexical = match_score(a, b, related)
    score = round(SEMANTIC_WEIGHT * similarity + (1 - SEMANTIC_WEIGHT) * lexical.overlap, 4)
    threshold = FIGURE_THRESHOLD if _share_a_figure(a, b) and not lexical.conflicts else THRESHOLD
    relation, conflicts, reading, overruled = None, lexical.conflicts, None, ()
    if score >= threshold and similarity >= MIN_SIMILARITY and min(len(a.words), len(b.words)) >= MIN_FEATURES:
        relation = CONTRADICTS if conflicts else SAME
    # The same words in the same order are the same claim: nothing for the pair model to read.
    if read is not None and relation == SAME and a.sequence != b.sequence:
        reading = read()
        if reading.same < READ_VETO:
            relation = CONTRADICTS if reading.contradicts >= reading.different else None
            conflicts = (*conflicts, "meaning")
    elif read is not None and relation == CONTRADICTS and conflicts == ("names",):
        reading = read()
        if reading.same >= READ_RESCUE:
            relation, conflicts, overruled = SAME, (), conflicts
    return Decision(relation, score, round(similarity, 4), lexical.overlap, conflicts, lexical.held, reading, overruled)


def text_score(a: str, b: str) -> MatchScore:
    return match_score(claim_features(a), claim_features(b))


def is_candidate(keys_a: list[int], keys_b: list[int]) -> bool:
    return bool(set(keys_a) & set(keys_b))
