"""Stage 4: speaker resolution and source keys.

``ArticleSpeakers`` scans an article once for people introduced with a role
("Kremlin spokesman Dmitry Peskov", "Pavlo Kyrylenko, governor of Donetsk province",
"the governor, Vyacheslav Chaus") and then resolves each source mention:

* pronouns: he/she -> the most recent person source (else the most recent person named);
  they/it -> the most recent non-person source;
* role descriptions ("the Kremlin spokesman", "the governor") -> the person introduced with that role,
  earlier in the article if possible, else later; heads of state ("the Russian premier") fall back to
  the most recently named person; otherwise the role itself is the source;
* person names -> the longest full name with the same surname in the article
  ("Mr. Peskov" -> "Dmitry Peskov");
* documents ("the MoD report", "a statement released by separatist authorities") -> their author.

Source kinds: person, government (Kremlin, White House, capitals, countries, ministries, officials),
military (armed forces, defence ministries, the Pentagon, armed groups such as separatists), media,
organisation (UN, NATO, companies, parties, studies), unknown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as L
from .clauses import _trie_regex
from .lexicon import _wordlist

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][\w’'.-]*|\(|\)|,")
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*(?:\.[A-Z]\.?)?"
_NAME = rf"(?:{_CAP}\s+){{0,3}}{_CAP}"
_TITLES_RE = "|".join(sorted((re.escape(t) for t in L.PERSON_TITLES), key=len, reverse=True))
_MOD = (
    r"(?:[A-Z][\w’'.-]*|communications|foreign|defen[cs]e|regional|chief|deputy|senior|former|top|"
    r"press|national|security|interior|finance|justice|health|state|prime|vice|acting|local|city|"
    r"provincial|military|army|campaign|policy|economic|government|presidential|majority|minority)"
)
_ROLE_NAME = re.compile(rf"(?<![\w’'-])((?:{_MOD}\s+){{0,4}}(?i:{_TITLES_RE}))\s+(?!(?:of|for|in|on)\b)({_NAME})")
# cheap anchor for _ROLE_NAME: a title word followed by a capitalised word
_TITLE_HIT = re.compile(
    r"(?<![\w’'-])(?i:" + _trie_regex(sorted(L.PERSON_TITLES)) + r")\s+(?!(?:of|for|in|on)\b)"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
)
_TITLE_ANY = re.compile(r"(?<![\w’'-])(?i:" + _trie_regex(sorted(L.PERSON_TITLES)) + r")(?![\w’'-])")
# the same on lower-cased text (titles are lower-case); the tail of a _TITLE_HIT after the title
_TITLE_ANY_LOW = re.compile(r"(?<![\w’'-])" + _trie_regex(sorted(L.PERSON_TITLES)) + r"(?![\w’'-])")
_TITLE_HIT_TAIL = re.compile(r"\s+(?!(?:of|for|in|on)\b)[A-ZÀ-ÖØ-ÞĀ-Ž]")
_CAP_FIRST = "(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"  # a leading lookahead lets the regex engine skip quickly to capitals
_NAME_ROLE = re.compile(
    _CAP_FIRST + rf"({_NAME}),\s+(?:the\s+|a\s+)?((?:{_MOD}\s+){{0,4}}(?i:{_TITLES_RE})"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME}(?:\s+[a-z]+)?)?)\s*[,.]"
)
_ROLE_COMMA_NAME = re.compile(
    rf"(?:[Tt]he\s+|[Aa]\s+|(?<![\w’'-])[\w’'-]+(?:’s|'s)\s+)((?:{_MOD}\s+){{0,4}}(?i:{_TITLES_RE})),\s+"
    rf"({_NAME})"
)
_HON_NAME = re.compile(
    r"(?=[MDPSRGLCAJKQ])"
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|President|"
    r"Premier|Chancellor|Minister|Senator|Governor|Mayor|Judge|King|Queen|Prince|Pope)\.?\s+"
    rf"({_NAME})"
)
_SUBJECT_VERBS = (
    r"(?:has|had|is|was|will|would|told|said|says|met|called|ordered|signed|spoke|warned|insisted|added|"
    r"wants|wanted)\b"
)
# "(?<![\w’'.-])(NAME)..." written with the capital first, so the regex engine can skip to capitals quickly
_SUBJECT_NAME = re.compile(
    r"([A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w’'.-].)[\w’'-]*(?:\.[A-Z]\.?)?" + rf"(?:\s+{_CAP}){{0,3}})(?:’s|'s)?\s+" + _SUBJECT_VERBS
)
_ANY_CAP_PAIR = re.compile(r"[A-Z][\w’'-]*[\s(]+[A-Z]")
# a run of capitalised words; its trailing two or three person-like words are a full name candidate
_NAME_RUN = re.compile(_CAP_FIRST + rf"(?<![\w’'.-])(?:{_CAP}\s+){{1,5}}{_CAP}(?![\w’'-])")
_WORD_OR_CAP = re.compile(r"\b\w")
_ACRONYM_DEF = re.compile(rf"({_NAME}(?:\s+(?:of|for|and)\s+(?:the\s+)?{_NAME})*)\s+\(([A-Z][A-Za-z0-9&]{{1,8}})\)")
_DOC_WORDS = re.compile(
    r"\b(?:latest|new|recent|daily|weekly|annual|joint|written|brief|intelligence|"
    r"report|statement|assessment|update|briefing|analysis|release|press release|bulletin|"
    r"communique|communiqué|tweet|message|letter|study|survey|poll|data|figures|"
    r"document|memo|note|video|footage|filing|estimate|estimates)\b",
    re.IGNORECASE,
)
# a document is named by one of its nouns; "new"/"daily" alone are parts of names ("New Zealand", "Daily Mail")
_DOC_WORDS_LOW = re.compile(
    _DOC_WORDS.pattern.replace("latest|new|recent|daily|weekly|annual|joint|written|brief|", "")
)
_BY_AUTHOR = re.compile(
    r"^(?:.*?\b(?:statement|report|post|tweet|message|letter|video|release|note|document|"
    r"memo|study|survey|analysis|assessment|update|bulletin)s?\b)\s+(?:\w+\s+)?(?:released|"
    r"issued|published|posted|put out|sent|shared|circulated|written)?\s*(?:by|from)\s+(.+)$",
    re.IGNORECASE,
)
_DOC_PARTICIPLE = re.compile(
    r"\s*,\s*(?:published|released|conducted|carried out|led|funded|commissioned|issued|"
    r"presented|posted|due)\b.*$",
    re.S,
)
_COMPANY_NP = re.compile(
    r"(?:(?:the|this)\s+(?:[\w-]+\s+){0,3})?(?:company|firm|maker|manufacturer|retailer|lender|insurer|carrier|airline|"
    r"giant|chipmaker|automaker|carmaker|drugmaker|startup|start-up|conglomerate|operator|supplier|brand|chain|"
    r"business|group|bank|miner|producer|utility|exchange|platform)",
    re.IGNORECASE,
)
_CORPORATE = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w&.’'-]*\s+){0,3}[A-Z][\w&.’'-]*\s+(?:Inc|Corp|Corporation|Ltd|LLC|PLC|plc|Co|Group|"
    r"Holdings|Systems|Technologies|Foods|Motors|Airlines|Pharmaceuticals|Energy|Industries|AG|SA|NV|SE|AB|ASA)"
    r")\b\.?"
)
_NAME_OF_PLACE = re.compile(r"(.*[A-Z][\w’'-]+)\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?$")
_DET_RE = re.compile(r"^(?:(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+)+", re.IGNORECASE)
_POSS_TAIL = re.compile(r"(?:’s|'s|’|')$")
_TRAILING_NAME = re.compile(rf"(?:^|\s)({_CAP}\s+{_CAP}(?:\s+{_CAP})?)$")
_TITLE_OF = re.compile(r"\b(?:" + _trie_regex(sorted(L.PERSON_TITLES)) + r")\s+of\b", re.I)
_PARENS_SP = re.compile(r"\s*\([^)]*\)")
# "One in three said", "Most said", "Two of the five judges said": a share of a group, never a person's name.
_QUANTIFIED_GROUP = re.compile(
    r"(?:most|many|some|several|few|both|all|half|one|two|three|four|five|a third|a quarter|a majority)"
    r"(?:\s+(?:in|of|out of)\s+.+)?",
    re.IGNORECASE,
)
_PARENS_ONLY = re.compile(r"\([^)]*\)")
_THE_NOUN = re.compile(r"(?:the|this)\s+[a-z]+(?:\s+[a-z]+)?", re.IGNORECASE)
_LOCATIVE_SPLIT = re.compile(
    r"\s+(?:in|from|on|at|near|across|inside|outside|of(?=\s+(?:this|that|these|those)\s))\s+(?:the\s+)?"
)
_STOP_CAPS = {
    w.capitalize()
    for w in _wordlist(
        "the a an in on at of for and but or to from with by as this that these those it he she they we i his "
        "her their its our after before while when since though although if so yet still meanwhile however "
    )
}
_NON_PERSON_CAPS = L.load_words("non_person_words.txt")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _norm_words(name: str) -> tuple[str, ...]:
    s = fold(name).lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\([^)]*\)", " ", s)
    return tuple(re.findall(r"[a-z0-9][a-z0-9'-]*", s))


def source_key(name: str) -> str:
    """Normalised key for merging sources across articles ("Kremlin spokesman Dmitry Peskov" -> "dmitry peskov")."""
    ws = _norm_words(name)
    while ws and ws[0] in L.DETERMINERS:
        ws = ws[1:]
    # role descriptors: keep what follows the last title word when a name follows it
    last_title = -1
    for i, w in enumerate(ws[:-1]):
        if w in L.PERSON_TITLES or w in L.HONORIFICS:
            last_title = i
    if 0 <= last_title < len(ws) - 1:
        rest = ws[last_title + 1 :]
        if rest and rest[0] not in ("of", "for", "in", "at", "on", "to", "and"):
            ws = rest
    while len(ws) > 1 and ws[0] in L.HONORIFICS:
        ws = ws[1:]
    while len(ws) > 1 and ws[-1] in ("jr", "sr", "ii", "iii"):
        ws = ws[:-1]
    return " ".join(ws)


def source_surname_key(name: str) -> str:
    """Last name token of a person's key ("Dmitry Peskov" -> "peskov"); the full key for non-persons."""
    key = source_key(name)
    rm = _ROLE_NAME.search(name)
    person = (
        kind_of(name) == "person"
        or bool(_HON_NAME.match(name))
        or bool(rm and rm.end() == len(name.rstrip()) and _looks_like_person_name(rm.group(2)))
    )
    if not person:
        return key
    return key.split()[-1] if key else key


_VOCAB_CACHE: dict[int, tuple[frozenset, tuple[str, ...]]] = {}


def _has(words: list[str], vocab: set[str]) -> bool:
    split = _VOCAB_CACHE.get(id(vocab))
    if split is None:
        split = (frozenset(v for v in vocab if " " not in v), tuple(v for v in vocab if " " in v))
        _VOCAB_CACHE[id(vocab)] = split
    single, multi = split
    if not single.isdisjoint(words):
        return True
    if multi and len(words) > 1:
        text = " " + " ".join(words) + " "
        return any((" " + v + " ") in text for v in multi)
    return False


@lru_cache(maxsize=65536)
def kind_of(mention: str) -> str:
    """Entity kind from the wording alone (used when nothing better is known)."""
    ws = _norm_words(mention)
    if not ws:
        return "unknown"
    if len(ws) == 1 and ws[0] in L.PRONOUNS:
        return "person" if L.PRONOUNS[ws[0]] in "mf" else "unknown"
    joined = " ".join(ws)
    if joined in L.MEDIA or _has(ws, L.MEDIA) and len(ws) <= 3:
        return "media"
    head = ws[-1]
    if head in L.PERSON_TITLES and not _has(ws[-1:], L.MILITARY_WORDS):
        return "person"
    if _has(ws, L.MILITARY_WORDS):
        return "military"
    if _has(ws, L.MEDIA_WORDS):
        return "media"
    if _has(ws, L.GOVERNMENT_WORDS) or joined in L.COUNTRIES_CAPITALS:
        return "government"
    if _has(ws, L.ORG_WORDS) or re.fullmatch(r"[A-Z0-9&]{2,8}", mention.strip()):
        return "organisation"
    if all(w in L.NATIONALITIES or w in L.COUNTRIES_CAPITALS for w in ws):
        return "government"
    if _looks_like_person_name(mention):
        return "person"
    return "unknown"


_MALE_WORDS = frozenset(
    L._wordlist(
        "he him his mr mr. sir lord king prince father son brother husband uncle spokesman chairman congressman "
        "businessman councilman alderman"
    )
)
_FEMALE_WORDS = frozenset(
    L._wordlist(
        "she her hers ms ms. mrs mrs. miss madam dame lady queen princess mother daughter sister wife aunt "
        "spokeswoman chairwoman congresswoman businesswoman councilwoman"
    )
)
_GENDER_TOKEN = re.compile(r"[\w.]+")
_PLURAL_HEAD = re.compile(r"(?:the|these|those|some|many|several)\s+[A-Za-z]+[^\Wsu]s\b", re.IGNORECASE)


def _gender_of(mention: str) -> str | None:
    """ "m"/"f" when the mention itself says so ("she", "Mr. Holt", "a spokeswoman"), "p" for a group, else None."""
    if _PLURAL_HEAD.match(mention):
        return "p"  # "The Commissioners of Irish Lights": a group is neither "he" nor "she"
    ws = {w.lower() for w in _GENDER_TOKEN.findall(mention)}
    male, female = bool(ws & _MALE_WORDS), bool(ws & _FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


@lru_cache(maxsize=65536)
def _looks_like_person_name(m: str) -> bool:
    toks = m.replace("’s", "").replace("'s", "").split()
    if not 1 <= len(toks) <= 4:
        return False
    for t in toks:
        if not t[:1].isupper() or t in _STOP_CAPS:
            return False
        lw = fold(t).lower().strip(".,")
        if (
            lw in L.COUNTRIES_CAPITALS
            or lw in L.NATIONALITIES
            or lw in L.MEDIA
            or lw in L.ORG_WORDS
            or lw in L.GOVERNMENT_WORDS
            or lw in L.MILITARY_WORDS
            or lw in _NON_PERSON_CAPS
            or lw in L.PERSON_TITLES
            or lw in L.MEDIA_WORDS
        ):
            return False
        if t.isupper() and len(t) > 1 and "." not in t:
            return False
    return True


@dataclass(slots=True)
class Resolved:
    source: str | None
    kind: str
    via: str  # "name", "pronoun", "role", "document", "mention", "unresolved"


@dataclass(slots=True)
class _Role:
    pos: int
    head: str
    mods: frozenset
    name: str


class ArticleSpeakers:
    """Per-article state for speaker resolution (call ``resolve`` in reading order)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.full_names: dict[str, str] = {}  # surname key -> longest full name
        self.roles: list[_Role] = []
        self.acronyms: dict[str, str] = {}
        self.person_mentions: list[tuple[int, str]] = []
        self.history: list[tuple[int, str, str]] = []  # (pos, source, kind) of resolved sources
        self.doc_authors: list[tuple[int, str, str]] = []
        self.gender: dict[str, str] = {}  # person source -> "m"/"f", learnt from resolved pronouns and titles
        low = text.lower()
        self._low = low if len(low) == len(text) else None  # offsets kept: title words are found on it
        for s, e in spans:
            self._scan(s, e)
        self.person_mentions.sort()

    # ------------------------------------------------------------------------------- prescan
    def _add_person(self, name: str, pos: int) -> str:
        name = _POSS_TAIL.sub("", name.strip())
        toks = name.split()
        while toks and (toks[0].lower().rstrip(".") in L.HONORIFICS or toks[0] in _STOP_CAPS):
            toks = toks[1:]
        if not toks:
            return name
        name = " ".join(toks)
        sk = fold(toks[-1]).lower()
        cur = self.full_names.get(sk)
        if cur is None or len(name.split()) > len(cur.split()):
            self.full_names[sk] = name
        self.person_mentions.append((pos, name))
        return name

    def _role_parts(self, role: str) -> tuple[str, frozenset]:
        ws = _norm_words(role)
        head = ""
        for i, w in enumerate(ws):
            if w in L.PERSON_TITLES:
                head = w
                if w == "minister" and i > 0 and ws[i - 1] == "prime":
                    head = "prime minister"
        mods = frozenset(w for w in ws if w != head and w not in L.DETERMINERS and w not in ("of", "the"))
        return head, mods

    def _scan(self, s: int, e: int) -> None:
        t = self.text
        if _ANY_CAP_PAIR.search(t, s, e):
            self._scan_roles(s, e)
            self._scan_names(s, e)
        for m in _HON_NAME.finditer(t, s, e):
            if _looks_like_person_name(m.group(1)):
                self._add_person(m.group(1), m.start(1))
        for m in _SUBJECT_NAME.finditer(t, s, e):
            name = m.group(1)
            toks = name.split()
            while toks and toks[0] in _STOP_CAPS:
                toks = toks[1:]
            if toks and _looks_like_person_name(" ".join(toks)):
                self._add_person(" ".join(toks), m.start(1))

    def _scan_names(self, s: int, e: int) -> None:
        """Any full name in running text ("his counterpart, Volodymyr Zelensky") is a long form for its surname."""
        t = self.text
        initials = _WORD_OR_CAP.findall(t, s, e)
        if len(initials) >= 4 and sum(c.isupper() for c in initials) > 0.6 * len(initials):
            return  # a title-case headline: capitalised words are not names there
        for m in _NAME_RUN.finditer(t, s, e):
            toks = _POSS_TAIL.sub("", m.group()).split()
            i = len(toks)
            while i > 0 and _looks_like_person_name(toks[i - 1]):
                i -= 1
            rest = toks[i:]
            while len(rest) > 2 and rest[0].lower() in L.LEMMA_OF:
                rest = rest[1:]  # 'Said Dorothy Poynter, "Y"': the cue opening the sentence is no first name
            if 2 <= len(rest) <= 3 and rest[0] not in _STOP_CAPS:
                name = " ".join(rest)
                sk = fold(rest[-1]).lower()
                cur = self.full_names.get(sk)
                if cur is None or len(rest) > len(cur.split()):
                    self.full_names[sk] = name

    def _title_words(self, s: int, e: int) -> list[tuple[int, int]]:
        """Spans of the title words (``_TITLE_ANY`` matches) in ``[s, e)``."""
        if self._low is not None:
            return [(m.start(), m.end()) for m in _TITLE_ANY_LOW.finditer(self._low, s, e)]
        return [(m.start(), m.end()) for m in _TITLE_ANY.finditer(self.text, s, e)]

    def _title_windows(self, s: int, e: int, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Merged spans around title words: matches of the role patterns always contain one."""
        out: list[list[int]] = []
        for hs, he in titles:
            a, b = max(s, hs - 160), min(e, he + 160)
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]  # matches never cross a window edge: each holds a title word

    def _title_hits(self, e: int, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``_TITLE_HIT`` matches (a title word then a capitalised word), derived from the title words."""
        t = self.text
        hits, consumed = [], -1
        for hs, he in titles:
            if hs < consumed:
                continue
            tm = _TITLE_HIT_TAIL.match(t, he, e)
            if tm is not None:
                hits.append((hs, tm.end()))
                consumed = tm.end()
        return hits

    def _role_name_matches(self, s: int, e: int, titles: list[tuple[int, int]]):
        """``_ROLE_NAME.finditer`` restricted to windows around title words (same matches, far cheaper)."""
        t = self.text
        pos = s
        for hs, he in self._title_hits(e, titles):
            if hs < pos:
                continue
            m = _ROLE_NAME.search(t, max(pos, hs - 120), min(e, he + 160))
            if m is not None:
                yield m
                pos = m.end()

    def _scan_roles(self, s: int, e: int) -> None:
        t = self.text
        titles = self._title_words(s, e)
        for m in self._role_name_matches(s, e, titles):
            name = m.group(2)
            if _looks_like_person_name(name):
                full = self._add_person(name, m.start(2))
                head, mods = self._role_parts(m.group(1))
                if head:
                    self.roles.append(_Role(m.start(), head, mods, full))
        windows = self._title_windows(s, e, titles)
        for m in (m for ws, we in windows for m in _NAME_ROLE.finditer(t, ws, we)):
            name = m.group(1)
            if _looks_like_person_name(re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", name)):
                full = self._add_person(name, m.start(1))
                head, mods = self._role_parts(m.group(2))
                if head:
                    self.roles.append(_Role(m.start(), head, mods, full))
        for m in (m for ws, we in windows for m in _ROLE_COMMA_NAME.finditer(t, ws, we)):
            name = m.group(2)
            if _looks_like_person_name(name):
                full = self._add_person(name, m.start(2))
                head, mods = self._role_parts(m.group(1))
                if head:
                    self.roles.append(_Role(m.start(), head, mods, full))
        for m in _ACRONYM_DEF.finditer(t, s, e) if t.find("(", s, e) >= 0 else ():
            self.acronyms[m.group(2)] = m.group(1)

    # ------------------------------------------------------------------------------- resolve
    def canonical_person(self, name: str) -> str:
        name = _POSS_TAIL.sub("", name.strip())
        toks = name.split()
        while len(toks) > 1 and toks[0].lower().rstrip(".") in L.HONORIFICS:
            toks = toks[1:]
        if not toks:
            return name
        full = self.full_names.get(fold(toks[-1]).lower())
        if full and len(full.split()) >= len(toks):
            return full
        return " ".join(toks)

    def _recent(self, pos: int, want) -> tuple[str, str] | None:
        for p, src, kind in reversed(self.history):
            if p < pos and want(kind, src):
                return src, kind
        return None

    def _role_lookup(self, role: str, pos: int) -> str | None:
        head, mods = self._role_parts(role)
        if not head:
            return None
        group = L.HEAD_OF_STATE if head in L.HEAD_OF_STATE else {head}
        proper = {
            w
            for w in mods
            if w not in L.NATIONALITIES
            and w in _norm_words(role)
            and any(tok.lower() == w and tok[:1].isupper() for tok in role.split())
        }
        cands = [r for r in self.roles if r.head in group and proper <= (r.mods | set(_norm_words(r.name)))]
        before = [r for r in cands if r.pos < pos]
        if before:
            return before[-1].name
        if cands:
            return cands[0].name
        if head in L.HEAD_OF_STATE:
            prior = [n for p, n in self.person_mentions if p < pos]
            if prior:
                return self.canonical_person(prior[-1])
        return None

    def resolve(self, mention: str, pos: int) -> Resolved:
        res = self._resolve(mention, pos)
        if res.source:
            self.history.append((pos, res.source, res.kind))
            if res.kind == "person" and res.source not in self.gender:
                g = _gender_of(mention)
                if g:
                    self.gender[res.source] = g  # "she" -> Maura Keane: a later "he" is someone else
            if res.kind == "person" and res.via == "name":
                self.person_mentions.append((pos, res.source))
                self.person_mentions.sort()
        return res

    def _resolve(self, mention: str, pos: int) -> Resolved:
        m = mention.strip().strip("“”\"‘’'").strip()
        m = _PARENS_SP.sub("", m) if "(" in m and not _PARENS_ONLY.fullmatch(m) else m
        low = m.lower()
        if not m:
            return Resolved(None, "unknown", "unresolved")
        if _QUANTIFIED_GROUP.fullmatch(m):
            return Resolved(m, "unknown", "mention")
        # pronouns
        if low in L.PRONOUNS:
            g = L.PRONOUNS[low]
            if g in "mf":
                gender = self.gender
                r = self._recent(pos, lambda k, s: k == "person" and gender.get(s, g) == g)
                if r is None:
                    for p, n in reversed(self.person_mentions):
                        if p < pos and gender.get(c := self.canonical_person(n), g) == g:
                            return Resolved(c, "person", "pronoun")
                    return Resolved(None, "person", "unresolved")
                return Resolved(r[0], "person", "pronoun")
            if g in "pn":
                r = self._recent(pos, lambda k, s: k != "person")
                if r:
                    return Resolved(r[0], r[1], "pronoun")
            return Resolved(None, "unknown", "unresolved")
        # "The study, published in the journal X": the document, not where it appeared
        if "," in m:
            m2 = _DOC_PARTICIPLE.sub("", m)
            if m2 != m:
                return self._resolve(m2, pos)
        # "the packaged food maker", "the company": the organisation the article is about
        if _COMPANY_NP.fullmatch(m):
            r = self._recent(pos, lambda k, src: k == "organisation" and not _COMPANY_NP.fullmatch(src))
            if r:
                return Resolved(r[0], r[1], "role")
            names = _CORPORATE.findall(self.text, 0, pos)
            if names:
                return Resolved(names[-1], "organisation", "role")
        # documents: "a statement released by X", "the MoD report"
        by = _BY_AUTHOR.match(m) if "by" in low or "from" in low else None
        if by:
            return self._resolve(by.group(1), pos)
        if _DOC_WORDS_LOW.search(low):
            core = _DET_RE.sub("", _DOC_WORDS.sub(" ", m)).strip(" ,")
            core = re.sub(r"\s+", " ", core)
            if core and core.islower() and kind_of(core) == "unknown":
                return Resolved(_DET_RE.sub("", m), "organisation", "mention")  # "a large study": the study itself
            if not core or core.lower() in L.DETERMINERS:
                if self.doc_authors:
                    p, src, kind = self.doc_authors[-1]
                    return Resolved(src, kind, "document")
                return Resolved(_DET_RE.sub("", m), "unknown", "mention")
            r = self._resolve(core, pos)
            if r.source:
                self.doc_authors.append((pos, r.source, r.kind))
            return Resolved(r.source, r.kind, "document")
        # appositive "A, B"
        if "," in m:
            a, b = (x.strip() for x in m.split(",", 1))
            ra, rb = self._resolve(a, pos), self._resolve(b, pos)
            for r in (ra, rb):
                if r.kind == "person" and r.via == "name":
                    return r
            return ra if ra.source else rb
        core = _DET_RE.sub("", m)
        core = _POSS_TAIL.sub("", core)
        # "the ministry" after "the transport ministry": the most recent source with that head noun
        if _THE_NOUN.fullmatch(m) and core.split()[-1].lower() not in L.PERSON_TITLES:
            head = core.split()[-1].lower()
            r = self._recent(pos, lambda k, src: src.lower().endswith(" " + head) or src.lower() == head)
            if r:
                return Resolved(r[0], r[1], "role")
        if core in self.acronyms:
            full = self.acronyms[core]
            return Resolved(full, kind_of(full), "name")
        # "Sen. Thomas Whitfield of Oklahoma": a person named with their home state or town
        pm = _NAME_OF_PLACE.match(core) if " of " in core else None
        if pm:
            r = self._resolve(pm.group(1), pos)
            if r.kind == "person" and r.via == "name":
                return r
        # title + name: "Kremlin spokesman Dmitry Peskov"
        rm = _ROLE_NAME.search(core)
        if rm and rm.end() == len(core) and _looks_like_person_name(rm.group(2)):
            return Resolved(self.canonical_person(rm.group(2)), "person", "name")
        hm = _HON_NAME.match(core)
        if hm and _looks_like_person_name(hm.group(1)):
            return Resolved(self.canonical_person(hm.group(1)), "person", "name")
        # a trailing proper name after a description: "The head of the city Oleksandr Sienkevych"
        tm = _TRAILING_NAME.search(core)
        if tm and tm.start(1) > 0 and _looks_like_person_name(tm.group(1)):
            return Resolved(self.canonical_person(tm.group(1)), "person", "name")
        # a role: "the Kremlin spokesman", "the governor"
        ws = _norm_words(core)
        if ws and ws[-1] in L.PERSON_TITLES or _TITLE_OF.search(core):
            name = self._role_lookup(core, pos)
            if name:
                return Resolved(name, "person", "role")
            return Resolved(core, kind_of(core), "mention")
        # a trailing proper name after a description: "The head of the city Oleksandr Sienkevych"
        tm = _TRAILING_NAME.search(core)
        if tm and tm.start(1) > 0 and _looks_like_person_name(tm.group(1)):
            return Resolved(self.canonical_person(tm.group(1)), "person", "name")
        kind = kind_of(core)
        if kind == "person" and _looks_like_person_name(core):
            return Resolved(self.canonical_person(core), "person", "name")
        # trim trailing locative PP of groups: "separatist forces in the eastern Donetsk region"
        core2 = _LOCATIVE_SPLIT.split(core, maxsplit=1)[0]
        if len(core2.split()) >= 1 and kind_of(core2) != "unknown":
            core = core2
        return Resolved(core, kind_of(core), "mention")
