"""Stage 3: attribution — find (source mention, cue, content span) in each sentence, rule by rule.

Every construction and veto is a :class:`~.engine.Rule` in ``RULES`` with an id, a priority, what it matches and
its own examples; ``RuleAttributor`` applies them through the engine (:mod:`.engine`) and records on every
:class:`~.records.Attribution` the id of the rule that made it.  The clause analysis the rules share (subjects,
where content starts and ends) is in :mod:`.clauses`; the word lists in :mod:`.lexicon` and ``data/``.

Content spans exclude the quotation marks around the content and trailing ``, ; : .``.
Multi-sentence quotations and quote continuations are rules of the pipeline (:mod:`.pipeline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from . import clauses as C
from . import lexicon as L
from .engine import Example, OverlapPolicy, Rule, note, prioritize_higher_rules, priority_table
from .quotes import QUOTE_CHARS, quote_regions
from .records import Attribution, Sentence

MIN_CONTENT_WORDS = C.MIN_CONTENT_WORDS
strip_span = C._strip_span
subject_before = C._subject_before
_CLASS_CONF = {"speech": 0.8, "report": 0.7, "belief": 0.6}
_DECLINED_VERBS = frozenset(
    L._wordlist("say tell claim warn announce confirm deny comment state write add note admit acknowledge reveal")
)
_PASSIVE_CUE_OK = frozenset({"continue"})
_CONTRACTED_SUBJECTS = frozenset(L._wordlist("he she it that who there what here everyone nobody somebody"))
# a clause starts here: a pronoun subject, or a finite verb within the next few words
_CLAUSE_AHEAD = re.compile(
    r"\s*(?:(?:it|he|she|they|we|I|you|there)\b|(?:[\w’'.,-]+\s+){0,6}?(?:is|are|was|were|has|have|had|will|would|"
    r"can|could|should|must|may|might|did|does|do|[a-z]{2,5}n[’']t|[a-z]{2,}ed|[a-z]{3,}s)\b)"
)


class Attributor(Protocol):
    """Anything that finds attributions in the sentences of one line."""

    def attribute_line(
        self, text: str, sentences: list[Sentence], line_index: int, headline: bool
    ) -> list[Attribution]: ...


# --------------------------------------------------------------------------------------------- contexts
class SentenceContext:
    """One sentence being attributed: the rules propose candidates here, the engine resolves them."""

    __slots__ = ("_eval_hits", "found", "headline", "s0", "s1", "sent", "text")

    def __init__(self, text: str, sent: Sentence, headline: bool):
        self.text, self.sent, self.headline = text, sent, headline
        self.s0, self.s1 = sent.start, sent.end
        self.found: list[Attribution] = []
        self._eval_hits: list[re.Match] | None = None

    def evaluative_hits(self) -> list[re.Match]:
        """The evaluative patterns' matches in this sentence ("called Y Z", "accused Y of"), found once for the
        several rules that read them."""
        if self._eval_hits is None:
            text, s0, s1 = self.text, self.s0, self.s1
            low = C._lowered(text)
            if low is None:
                hits = list(C._EVAL_RE.finditer(text, s0, s1))
            else:
                hits = [C._EVAL_RE.match(text, x.start(), s1) for x in C._EVAL_CUE_LOW.finditer(low, s0, s1)]
            self._eval_hits = [m for m in hits if m is not None]
        return self._eval_hits

    def propose(
        self, rule_id: str, cs: int, ce: int, mention: str, mstart: int, cue: str, kind: str, **extra
    ) -> Attribution | None:
        """A candidate claim, normalised (quotes and punctuation trimmed); None when too short to be a statement."""
        text, s0, s1 = self.text, self.s0, self.s1
        raw_s, raw_e = cs, ce
        cs, ce = C._strip_span(text, cs, ce)
        if ce <= cs:
            return None
        if self.headline:
            hm = C._HEADLINE_NEXT_CLAUSE.search(text, cs, ce)
            if hm and not C._QUOTE_IN.search(text, cs, hm.start()):
                cs, ce = C._strip_span(text, cs, hm.start())
        nw = len(C._words(text[cs:ce]))
        if nw < MIN_CONTENT_WORDS and not (
            nw >= 2
            and (self.headline or extra.get("evaluative") or C.quoted_whole(text, s0, s1, raw_s, raw_e))
            or extra.get("named_object")
            and text[cs].isupper()  # "X endorsed Clinton"
        ):
            note(rule_id, "too-short", cue, mstart, text[cs:ce])
            return None
        a = Attribution(
            cs,
            ce,
            mention,
            mstart,
            cue,
            kind,
            self.sent.line,
            direct=C._is_quote_open(text, max(s0, raw_s - 1), min(s1, raw_e + 1))
            or C.quoted_whole(text, s0, s1, raw_s, raw_e),  # '"He is sharp. The fact is, he tried," X said.'
            extra=extra,
            rule_id=rule_id,
        )
        self.found.append(a)
        return a


@dataclass(slots=True)
class CueContext:
    """One hit of the cue lexicon inside a sentence, with what the cue rules look at."""

    text: str
    sent: SentenceContext
    start: int
    end: int
    word: str
    form: str
    lemma: str
    cls: str
    prev: str
    pre_text: str
    pre_stripped: str
    progressive: bool = False
    ing: bool = False
    after: int = 0  # where the content may start: after the cue and its recipient ("told reporters")
    _frame: object = None
    _start: object = None  # content_start's answer (set to _UNSET when the cue context is made)

    @property
    def s0(self) -> int:
        return self.sent.s0

    @property
    def s1(self) -> int:
        return self.sent.s1


_UNSET = object()


def _content_start(c: CueContext) -> tuple[int, str] | None:
    """Where the cue's own content starts and how it is introduced; the same for every construction that asks
    (they all read after the recipient), so found once per cue."""
    if c._start is _UNSET:
        c._start = C.content_start(c.text, c.after, c.s1, c.lemma, c.sent.headline)
    return c._start


def _cue_context(sc: SentenceContext, a: int, b: int) -> CueContext:
    text, s0 = sc.text, sc.s0
    word = text[a:b]
    form = C._SPACES.sub(" ", word.lower())
    if form in L.CUE_PHRASES:
        lemma, cls = form, L.CUE_PHRASES[form]
    else:
        lemma, cls = L.LEMMA_OF[form], L.CLASS_OF[form]
    pre_words = C._words(text[max(s0, a - 40) : a])
    prev = pre_words[-1].lower() if pre_words else ""
    pre_text = text[s0:a]
    ctx = CueContext(text, sc, a, b, word, form, lemma, cls, prev, pre_text, pre_text.rstrip())
    # a participle is one word: "was quoted as saying" is a finite cue phrase
    ctx.ing = form.endswith("ing") and " " not in form
    ctx.progressive = ctx.ing and prev in C._PROGRESSIVE_AUX
    ctx.after = b
    ctx._start = _UNSET
    return ctx


# ------------------------------------------------------------------------------------------- cue vetoes
_QUOTED_QUESTION_BEFORE = re.compile(r"\?\s*(?:[”\"]|'')\s*(?:[\w.’'-]+\s+){0,6}$")


def _veto_question(c: CueContext) -> bool:
    # "asked voters to back the plan" is a request (the object-infinitive rule's), not a question; '"Why wait?"
    # she asked' is a quotation the speaker put to someone, kept as said (a reviewer may flag it as no claim)
    return (
        c.lemma == "ask"
        and not _OBJECT_TO.match(c.text, c.end, c.s1)
        and not _QUOTED_QUESTION_BEFORE.search(c.text, max(c.s0, c.start - 80), c.start)
    )


def _veto_ruled_out(c: CueContext) -> bool:
    return c.lemma == "rule" and C._OUT_RE.match(c.text, c.end, c.s1) is not None


# quantifiers that stand alone as the subject of a past-tense cue: "Most said ...", "One in three told ..."
_QUANTIFIER_SUBJECTS = frozenset(L._wordlist("most many some several few both all one two three another"))
_PAST_SPEECH_FORMS = frozenset(L._wordlist("said told added warned"))


def _veto_noun_form(c: CueContext) -> bool:
    if c.prev in _QUANTIFIER_SUBJECTS and c.form in _PAST_SPEECH_FORMS:
        return False
    return (
        c.form in C._NOUNY_FORMS
        and c.pre_stripped[-1:].isalnum()  # '"... trusted her," said X': punctuation ends the noun phrase
        and (
            c.prev in C._NOUN_MARKERS
            or c.prev in C._NOUN_ADJECTIVES
            or c.prev.endswith(("s'", "s’"))
            and c.text[c.start - 1].isspace()
            # "the inspector's report", but not "she's said" (a contraction of has/is)
            or c.prev.endswith(("'s", "’s"))
            and c.prev[:-2] not in _CONTRACTED_SUBJECTS
        )
    )


def _veto_im_told(c: CueContext) -> bool:
    return c.prev.endswith(("’m", "'m", "’re", "'re")) and c.form in ("told", "informed", "assured", "warned")


def _veto_passive(c: CueContext) -> bool:
    return c.prev in C._PASSIVE and c.lemma not in _PASSIVE_CUE_OK and c.form not in ("says", "say") and not c.ing


def _veto_to_infinitive(c: CueContext) -> bool:
    return c.prev == "to" and c.form in _DECLINED_VERBS


def _veto_colon_only(c: CueContext) -> bool:
    text, s0, s1 = c.text, c.s0, c.s1
    if c.form in L.QUOTE_ONLY and (c.prev in ("that", "which") or C._SPACE_THAT.match(text, c.end, s1)):
        return True  # "I read that Y", "a sign that read Y"
    if c.lemma in L.TAKES_OBJECT_INFINITIVE and _OBJECT_TO.match(c.text, c.end, c.s1):
        return False  # "asked voters to back the plan"
    return (
        (c.lemma in L.COLON_ONLY or c.form in L.QUOTE_ONLY)
        and not C._COLON_QUOTE_THAT.match(text[c.end : s1])
        and not (C._COMMA_QUOTE_END.search(text[s0 : c.start].rstrip()[-3:] or "x"))
        and not C._QUOTE_THEN_SUBJECT.search(text, max(s0, c.start - 60), c.start)
    )


def _veto_inside_according(c: CueContext) -> bool:
    low = C._lowered(c.text)
    return (low is None or "according" in low[c.s0 : c.start]) and C._ACCORDING_OPEN.search(
        c.text[c.s0 : c.start]
    ) is not None


_MODALS = frozenset(L._wordlist("may might would could should must can will shall"))


def _possessive(word: str) -> bool:
    return word.endswith(("s'", "s’")) or word.endswith(("'s", "’s")) and word[:-2] not in _CONTRACTED_SUBJECTS


_WISHERS = frozenset({"if", "you", "we", "i"})
_TO_VERB = re.compile(r"\s+to\s+[a-z]")


def _veto_intention(c: CueContext) -> bool:
    """'the plan would work', 'they may want to reconsider', 'if you want to understand': no stated intention."""
    if c.lemma not in L.INTENTION_VERBS:
        return False
    if not _TO_VERB.match(c.text, c.end, c.s1) or c.prev in C._NOUN_MARKERS or _possessive(c.prev):
        return True  # a noun ("the plan", "Ford's plans to") or an object ("wants a wall"): only "X plans to Y" is
    if "according to" in c.text[c.end : c.s1].lower():
        return True  # "The city plans to sell it, according to a memo": the memo's statement, not the city's
    words = [w.lower() for w in C._words(c.pre_text)]
    before = words[-4:]
    return (
        not before  # "Want to learn why ...?": a teaser's question
        or before[-1] in _MODALS
        or bool(_WISHERS.intersection(before))  # "We want to hear from you!", "If you want to know ..."
        or "you" in words  # "Do you feel bold and want to try ...": the reader's wish
        or bool(C._PASSIVE.intersection(before[-2:]))  # "are not intended to diagnose"
        or c.text[c.s0 : c.s1].rstrip().endswith("?")
    )


# verbs that are speech acts in the progressive too: "is demanding Y", "are urging Y to Z", "is promising to Y"
_PROGRESSIVE_SPEECH = frozenset(
    L._wordlist("demand stress propose promise urge insist argue claim suggest warn vow pledge")
)


def _veto_progressive_action(c: CueContext) -> bool:
    return (
        c.progressive and c.lemma not in _PROGRESSIVE_SPEECH and not C._PROGRESSIVE_CONTENT.match(c.text, c.end, c.s1)
    )


def _veto_capitalised(c: CueContext) -> bool:
    text = c.text
    return (
        c.word[0].isupper()
        and c.start != c.s0
        and not c.sent.headline
        and text[c.start - 1] not in '“"‘('
        and not text[c.s0 : c.start].strip().endswith(",")
    )


# ------------------------------------------------------------------------------------ cue constructions
# Each returns None when the construction does not apply (the next one is tried), else the candidates it made
# (an empty list: the construction applies but finds no statement, and the cue is dropped).


_REDUCED_RELATIVE_ING = frozenset(
    L._wordlist("saying suggesting showing indicating claiming arguing warning insisting stating estimating")
)


_WITH_NP = re.compile(r"(?:^|[,;(]\s*|\s)with\s+((?:[\w’'.%$-]+\s+){0,6}?[\w’'.%$-]+)\s+$")


def _reduced_relative(c: CueContext) -> list | None:
    """'a poll showing that Y', 'calls saying shots had been fired': the noun before the participle said Y."""
    text, s1 = c.text, c.s1
    if not (c.ing and not c.progressive and c.form in _REDUCED_RELATIVE_ING and c.pre_stripped[-1:].isalnum()):
        return None
    if C._ADJUNCT_ING.search(text, c.s0, c.start):
        return None  # "while saying": the adjunct rule's
    start = C.content_start(text, c.end, s1, c.lemma, c.sent.headline)
    if start is None or start[1] not in ("that", "bare", "quote"):
        return []
    if start[1] == "bare" and not C._BARE_CLAUSE.match(text, start[0], s1):
        return []
    with_np = _WITH_NP.search(text, max(c.s0, c.start - 80), c.start)
    # "with 30 percent of voters saying Y": the noun phrase of an absolute "with" clause
    subj = (C._clean_mention(with_np.group(1)), with_np.start(1)) if with_np else C._subject_before(text, c.s0, c.start)
    if not subj or subj[0].lower() in L.DETERMINERS or subj[0].split()[-1].lower().endswith("ly"):
        return []
    cs = start[0]
    ce = C.content_end(text, cs, s1)
    if start[1] == "quote":  # 'the share of voters saying "Y" rose': the quotation is what they said
        qm = C._CLOSE_QUOTE.search(text, cs + 1, s1)
        ce = qm.end() if qm else ce
    return [c.sent.propose("reduced-relative", cs, ce, subj[0], subj[1], c.word, c.cls)]


def _adjunct_participle(c: CueContext) -> list | None:
    """'X, while saying Y, also ...', 'X did Z despite saying Y': the claim of the clause subject."""
    text, s0, s1 = c.text, c.s0, c.s1
    if not (c.ing and not c.progressive and c.pre_stripped[-1:] not in C._PUNCT_CHARS):
        return None
    adj = C._ADJUNCT_ING.search(text, s0, c.start)
    if not (adj and c.form in C._SPEECH_ING):
        return []
    _take_recipient(c)  # "by telling them that Y"
    start = C.content_start(text, c.after, s1, c.lemma, c.sent.headline)
    subj = C._clause_subject(text, s0, adj.start()) if start else None
    if not subj:
        return []
    cs = start[0]
    ce = C.content_end(text, cs, s1)
    if text[s0 : adj.start()].rstrip().endswith(","):
        k = text.find(",", cs, ce)  # parenthetical adjunct: the content ends at the comma
        if k > 0:
            ce = k
    return [c.sent.propose("cue-verb-adjunct", cs, ce, subj[0], subj[1], c.word, c.cls, participle=True)]


def _participle(c: CueContext) -> list | None:
    """', adding that Y' / ', saying Y': a participle continuing the clause of the sentence's source."""
    text, s0, s1 = c.text, c.s0, c.s1
    ps = c.pre_stripped
    if c.progressive or not c.ing:
        return None
    if not (ps[-1:] in C._PUNCT_CHARS and c.form != "saying" or ps.endswith(",")):
        return None
    start = _content_start(c)
    if start is None:
        return []
    cs = start[0]
    if start[1] == "bare" and not _CLAUSE_AHEAD.match(text, cs, s1):
        return []  # "..., adding a new bus lane": a noun phrase is what was added, not a statement
    mention, mstart = "", c.start
    if (
        not any(a.start < c.start for a in c.sent.found)
        and not any(q in c.pre_text for q in '“”"')
        and not c.sent.headline
    ):
        subj = C._clause_subject(text, s0, c.start)  # "X released a video, assuring them that Y"
        if subj:
            mention, mstart = subj
    return [
        c.sent.propose(
            "cue-verb-participle", cs, C.content_end(text, cs, s1), mention, mstart, c.word, c.cls, participle=True
        )
    ]


_OBJECT_PRONOUNS = frozenset(L._wordlist("me us him her them you"))
# '"Y," said a data expert who has worked for two campaigns': a relative clause describing the speaker
_RELATIVE_TAIL = re.compile(r"\s+(?:who|whose)\s")
# '"The risk," said Jane Doe, an economist at the bank, "is that ..."': the speaker's appositive, then the quotation
_APPOSITIVE_THEN_QUOTE = re.compile(r",\s+[^“”\"]{1,120}?,\s*(?:[“\"]|'')\s*\w")


def _inverted(c: CueContext) -> list | None:
    """'"Y," said X.' / 'Y, said X, its chief executive.': the subject after the cue."""
    text, s0, s1 = c.text, c.s0, c.s1
    ps = c.pre_stripped
    if not (ps[-1:] in C._INVERTED_CHARS or ps.endswith("''")) or c.ing:
        return None
    # '"Y," warned Jane Doe': the name after warn/ask/promise is the speaker, not a recipient; after "told" it is
    # the one told ('..., told The Huffington Post')
    subj = C._subject_after(text, c.after if c.lemma == "tell" else c.end, s1)
    if subj and subj[0].lower() in _OBJECT_PRONOUNS:
        return None  # '"Y," she warned me'

    if subj and subj[0].split()[0].lower() in C._PRONOUN_SUBJ and len(subj[0].split()) > 1:
        return None  # "..., said he remembers ...": a clause, not an inverted subject
    if not subj:
        return None
    mention, mstart = subj
    tail_pos = mstart + len(mention)
    quoted = ps[-1:] in C._QUOTED_CHARS or ps.endswith("''")
    if (
        quoted
        and c.pre_text[:1] in QUOTE_CHARS
        and (C._QUOTE_RESUMES.match(text, tail_pos, s1) or _APPOSITIVE_THEN_QUOTE.match(text, tail_pos, s1))
    ):
        # '"Y1," said X, "Y2."' / '"The risk," said X, an economist, "is Y2."': one statement around the attribution
        return [c.sent.propose("cue-verb-inverted", s0, s1, mention, mstart, c.word, c.cls)]
    n_pre = len(C._words(c.pre_text))
    short_quote = quoted and n_pre >= 2 and c.pre_text[:1] in QUOTE_CHARS  # "''We're anxious,'' said X"
    if n_pre < MIN_CONTENT_WORDS and not short_quote or C._takes_content(text, c.after, s1, c.lemma):
        return None
    if (
        (
            quoted
            and C._tail_like(text, tail_pos, s1)
            or (C._APPOSITIVE_TAIL.match(text, tail_pos, s1) or C._APPOSITIVE_REST.match(text, tail_pos, s1))
            and C._looks_named(mention)
            # '"Y," says Jane Doe, vice-president, external affairs at X.': any appositive after a quotation's speaker
            or quoted
            and (text.startswith(",", tail_pos) or _RELATIVE_TAIL.match(text, tail_pos, s1))
            and not C._QUOTE_IN.search(text, tail_pos, s1)
        )
        or C._TIME_TAIL.match(text[tail_pos:s1])
    ):
        return [c.sent.propose("cue-verb-inverted", s0, len(ps) + s0, mention, mstart, c.word, c.cls)]
    return None


# 'Said Dorothy Poynter, who grew up nearby, “We were all so proud of him.”': after the speaker (and what describes
# them), a comma or colon and the quotation
_FRONTED_QUOTE = re.compile(r"(?:,\s+[^“”\"]{1,120}?)?[,:]\s*(?=[“\"]|'')")


def _fronted(c: CueContext) -> list | None:
    """'Said X, "Y."': a sentence opening with the cue, its speaker after it, then the quotation."""
    text, s0, s1 = c.text, c.s0, c.s1
    if c.start != s0 or not c.word[:1].isupper() or c.ing:
        return None
    subj = C._subject_after(text, c.end, s1)
    if not subj:
        return None
    mention, mstart = subj
    q = _FRONTED_QUOTE.match(text, mstart + len(mention), s1)
    if not q:
        return None
    cs = q.end()
    close = C._CLOSE_QUOTE.search(text, cs + 1, s1)
    return [c.sent.propose("cue-verb-fronted", cs, close.end() if close else s1, mention, mstart, c.word, c.cls)]


@dataclass(slots=True)
class _PostFrame:
    """What the postposed and parenthetical rules share: 'Y, X said (...)' analysed once per cue."""

    j: int
    subj: str
    mstart: int
    p: int
    paren: bool
    clause_after: bool
    postposed: bool


_PRONOUN_CLAUSE = re.compile(r"\s*(?:it|he|she|they|we|I|you|there)\s+[a-z’']+", re.IGNORECASE)


def _reporter_tail(text: str, cue_end: int, after: int, s1: int) -> bool:
    """'"Y," X told Britain's ITV television station in an interview aired on Monday when asked ...': after a
    quotation, the rest of the sentence is the reporter's (whom, where, when) unless it opens a statement of its own:
    a quotation, 'that', or a clause with a pronoun subject."""
    rest = text[cue_end:s1]
    return (
        not C._QUOTE_IN.search(rest) and not C._SPACE_THAT.search(rest) and not _PRONOUN_CLAUSE.match(text, after, s1)
    )


def _post_frame(c: CueContext) -> _PostFrame | None:
    if c._frame is not None:
        return c._frame or None
    c._frame = False
    text, s0, s1 = c.text, c.s0, c.s1
    ps, pre_text = c.pre_stripped, c.pre_text
    if c.ing:
        return None
    j = max(
        ps.rfind(","),
        ps.rfind("”"),
        ps.rfind("’’"),
        ps.rfind(",''"),
        ps.rfind('?"'),
        ps.rfind('!"'),
        ps.rfind(',"'),
        ps.rfind('."'),
    )
    if j > 0 and not C._clean_mention(pre_text[j + 1 :]):
        # '"Y," the mayor, Ana Costa, said': the subject itself holds commas; use the closing quote
        jq = max(ps.rfind("”"), ps.rfind("’’"), ps.rfind(',"'), ps.rfind(",''"), ps.rfind('?"'), ps.rfind('!"'))
        if 0 < jq < j and ps[jq + 1 :].count(",") <= 5:
            j = jq
    if j <= 0:
        return None
    k = j + 1
    while k < len(pre_text) and (pre_text[k] in QUOTE_CHARS or pre_text[k].isspace()):
        k += 1
    subj_text = C._APPOS_RELATIVE.sub("", C._clean_mention(pre_text[k:]))  # "X, who served as ..., told"
    if "," in subj_text and not C._np_ok(subj_text):
        # '"Y," Jane Doe, the attorney general of X, one of the states suing, said': a name, then a long appositive
        head = subj_text.split(",", 1)[0].strip()
        if 2 <= len(head.split()) <= 4 and all(w[:1].isupper() for w in head.split()):
            subj_text = head
    lead_chunk = pre_text[:j]
    pp_only = (
        not C._VERBISH.search(" " + lead_chunk + " ")  # "About 270 people have been resettled ..." is a clause
        and "," not in lead_chunk
        and C._PREP_START.match(lead_chunk)
        and not any(q in lead_chunk for q in QUOTE_CHARS)
    )
    tm = C._TIME_RE.match(text, c.end, s1)
    p = tm.end() if tm else c.after
    # 'The plan, he said, will fail.' / 'At one point, she said, she was ...': a parenthetical attribution
    clause_after = p < s1 and text[p] == "," and C._CLAUSE_AFTER_COMMA.match(text, p, s1) is not None
    paren = (
        p < s1
        and text[p] == ","
        and (clause_after or not C._tail_like(text, p, s1))
        and len(C._words(lead_chunk) + C._words(text[p + 1 : s1])) >= MIN_CONTENT_WORDS
        and "," not in pre_text[k:]
    )
    # '"Y," X said': j is at the comma before a straight closing quote, or at a curly closing quote
    quoted_lead = C._QUOTED_END.search(ps, 0, j + 1) is not None or ps.startswith(('"', "''"), j + 1)
    n_lead = len(C._words(lead_chunk))
    lead_ok = (
        n_lead >= MIN_CONTENT_WORDS
        or n_lead >= 2
        and quoted_lead
        and (pre_text[:1] in "“\"'" or C.quoted_whole(text, s0, s1, s0, s0 + j))
    )
    if not (
        subj_text
        and C._np_ok(subj_text)
        and not C._SUBORDINATE_SUBJ.search(" " + subj_text)
        and (lead_ok and not pp_only or paren)
        and not (
            C._THAT_COLON_QUOTE.match(text, p, s1) if quoted_lead else C._takes_content(text, c.after, s1, c.lemma)
        )
    ):
        return None
    postposed = (
        p >= s1
        or C._tail_like(text, c.after, s1)
        or quoted_lead
        and (C._SHORT_TAIL.match(text, c.after, s1) is not None or _reporter_tail(text, c.end, c.after, s1))
    )
    mstart = s0 + k + pre_text[k:].find(subj_text)
    c._frame = _PostFrame(j, subj_text, mstart, p, bool(paren), clause_after, bool(postposed))
    return c._frame


# 'When asked about the delays, the mayor said, "We are working on it."': the quotation after the comma is the
# statement; what comes before the speaker is the reporter's scene
_COMMA_QUOTE_AFTER = re.compile(r",\s*(?:[“\"]|'')(?=\w)")
# 'As the river rose, the plan, he said, was ...': an adverbial clause of time or circumstance opening the sentence
# is the reporter's setting, not part of what was said ("If", "Unless" clauses are: they condition the statement)
_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:As|When|While|After|Before|Since|Because|Although|Though|Once|Until|Whereas|Amid|Despite|With|"
    r"Without|Asked|Speaking|Emerging|Following)\b|[A-Z][a-z]+ing\b)[^,;:“”\"]*,\s+(?=\S)"
)


def _parenthetical(c: CueContext) -> list | None:
    """'Y1, the experts say, Y2' / 'The plan, he said, will fail': the whole sentence is the content."""
    f = _post_frame(c)
    if f is None or not f.paren or not (f.clause_after or not f.postposed):
        return None
    if _COMMA_QUOTE_AFTER.match(c.text, f.p, c.s1) and not any(q in c.pre_text for q in QUOTE_CHARS):
        return None  # 'Asked about it, the mayor said, "Y"': the quotation rule's
    cs = c.s0
    lead = _LEADING_ADVERBIAL.match(c.text, cs, c.s0 + f.j)
    if lead and len(C._words(c.text[lead.end() : c.s0 + f.j])) >= 2:
        cs = lead.end()
    return [
        c.sent.propose(
            "cue-verb-parenthetical", cs, C.content_end(c.text, f.p + 1, c.s1), f.subj, f.mstart, c.word, c.cls
        )
    ]


def _postposed(c: CueContext) -> list | None:
    """'Y, X said (on Tuesday).': the content is the sentence before the subject."""
    f = _post_frame(c)
    if f is None or not f.postposed:
        return None
    return [c.sent.propose("cue-verb-postposed", c.s0, c.s0 + f.j, f.subj, f.mstart, c.word, c.cls)]


def _preposed(how: str, rule_id: str):
    """'X said (that|: |"|to) Y': the subject before the cue, the content after it, introduced by ``how``."""

    def find(c: CueContext) -> list | None:
        text, s0, s1 = c.text, c.s0, c.s1
        if c.lemma in L.COLON_ONLY and not C._COLON_QUOTE_THAT.match(text[c.after : s1]):
            return []
        start = _content_start(c)
        if start is None:
            return []
        if start[1] != how:
            return None
        cs = start[0]
        if C._COORD_END.search(c.pre_stripped):
            return None  # the coordinated rule's
        lead = C.IN_STATEMENT_RE.match(text, s0, c.start)
        subj = C._subject_before(text, lead.end() if lead else s0, c.start)
        if subj is None:
            return []
        ce = C.content_end(text, cs, s1)
        if how == "quote":
            # 'X said, "Y," when Z': a quoted sentence ends the content where it closes
            qm = _CLOSED_QUOTED_SENTENCE.search(text, cs, ce)
            if qm and len(C._words(text[cs : qm.start()])) >= MIN_CONTENT_WORDS:
                ce = qm.end()
        if how == "infinitive":
            stop = _INFINITIVE_END.search(text, cs, ce)
            ce = stop.start() if stop else ce
        if _SUBORDINATE_OPEN.match(c.pre_text) and "," not in c.pre_text:
            # "When he said it was good to be home, a man shouted": the subordinate clause ends at its comma
            close = _CLAUSE_COMMA.search(text, cs, ce)
            if close and len(C._words(text[cs : close.start()])) >= MIN_CONTENT_WORDS:
                ce = close.end() if text[close.end() - 1] in QUOTE_CHARS else close.start()
        if _APPOSITIVE_WHO.search(c.pre_text):
            # "The trader, who said he lost his savings, wants compensation": the relative clause ends at its comma
            close = _UNQUOTED_COMMA.search(text, cs, ce)
            if close and len(C._words(text[cs : close.start()])) >= MIN_CONTENT_WORDS:
                ce = close.start()
        return [c.sent.propose(rule_id, cs, ce, subj[0], subj[1], c.word, c.cls)]

    return find


_SUBORDINATE_OPEN = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Still|Now|Even)\s+)?(?:[Ww]hen|[Ww]henever|[Aa]s|[Aa]fter|[Bb]efore|[Ii]f|[Bb]ecause|"
    r"[Ww]hile|[Ww]hilst|[Aa]lthough|[Tt]hough|[Ee]ven though|[Ss]ince|[Oo]nce|[Uu]ntil|[Uu]nless|[Ww]hether)\s",
)
_CLAUSE_COMMA = re.compile(r",(?:[”\"’]|'')?(?=\s)")
_CLOSED_QUOTED_SENTENCE = re.compile(r"(?<=[,.!?])(?:[”\"]|'')(?=\s+[a-z])")
_APPOSITIVE_WHO = re.compile(r",\s*who\s+(?:[a-z]+\s+){0,2}$")
_UNQUOTED_COMMA = re.compile(r",(?![”\"’]|'')(?=\s+[a-z])")

# "vowed to do better in the wake of the defeat, the party has ...": what was vowed ends where a new clause or an
# aside begins
_INFINITIVE_END = re.compile(
    r"\s+(?:and|but)\s+(?=(?:[\w’'.-]+\s+){1,5}?(?:said|says|say|told|added|argued|warned)\b)|\s*[;(]|\s+[-–—―]+\s|[–—―]|,\s+(?:and|but|though|although|while|especially|which|who|the|a|an|he|she|they|it|"
    r"we|I|you|there|his|her|their|its)\b"
)


def _coordinated(c: CueContext) -> list | None:
    """'the Kremlin has indicated ... and said Y': the subject of the first verb of the clause."""
    text, s0, s1 = c.text, c.s0, c.s1
    if not C._COORD_END.search(c.pre_stripped):
        return None
    if c.lemma in L.COLON_ONLY and not C._COLON_QUOTE_THAT.match(text[c.after : s1]):
        return []
    start = _content_start(c)
    if start is None:
        return []
    subj = C._clause_subject(text, s0, c.start, coordinated=True)
    if not subj:
        return []
    cs = start[0]
    return [
        c.sent.propose(
            "cue-verb-coordinated", cs, C.content_end(text, cs, s1), subj[0], subj[1], c.word, c.cls, coordinated=True
        )
    ]


def _veto_negative(c: CueContext) -> bool:
    return c.lemma in L.NEGATIVE_CUES or c.form in L.NEGATIVE_CUES


_OBJECT_TO = re.compile(r"\s+(?!that\b)((?:[\w’'.-]+\s+){1,5}?)to\s+[“\"]?[a-z]")


def _object_infinitive(c: CueContext) -> list | None:
    """'X urged drivers to avoid the motorway': the object and what it is asked to do."""
    text, s0, s1 = c.text, c.s0, c.s1
    if c.lemma not in L.TAKES_OBJECT_INFINITIVE or c.ing:
        return None
    m = _OBJECT_TO.match(text, c.end, s1)
    if not m or any(q in m.group(1) for q in QUOTE_CHARS) or "," in m.group(1):
        return None
    if " " in c.form and C._TIME_RE.match(text, c.end, s1):
        return None  # "called on Monday to say": a time, not the one called on
    cs = m.start(1)
    if C._COORD_END.search(c.pre_stripped):
        subj = C._clause_subject(text, s0, c.start, coordinated=True)
    else:
        subj = C._subject_before(text, s0, c.start)
    if not subj:
        return []
    return [c.sent.propose("cue-verb-object-to", cs, C.content_end(text, cs, s1), subj[0], subj[1], c.word, c.cls)]


_IMPERSONAL = re.compile(
    r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:also\s+)?(?P<cue>announced|reported|confirmed|"
    r"revealed|said|claimed|disclosed|stated|alleged|understood|learned|learnt|believed|estimated|expected|"
    r"thought|feared|rumou?red)\s+(?:[^,;“”\"]{0,40}?\s)?that\s+"
)


def _impersonal_passive(sc: SentenceContext) -> None:
    """'It was announced on Monday that Y': a claim whose source the sentence does not name."""
    text, s0, s1 = sc.text, sc.s0, sc.s1
    seg = text[s0:s1]
    if "that" not in seg or not any(w in seg for w in ("t was", "t is", "t has", "t had", "t will")):
        return  # a cheap test first: most sentences have no impersonal passive
    for m in _IMPERSONAL.finditer(text, s0, s1):
        sc.propose(
            "impersonal-passive",
            m.end(),
            C.content_end(text, m.end(), s1),
            "",
            -1,
            m.group("cue"),
            "speech",
            impersonal=True,
        )


_PASSIVE_TOLD = re.compile(
    r"\b(?P<who>[\w’'-]+)\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being)\s+"
    r"(?P<cue>told|informed|assured|warned|reminded)\s+(?:[^,;“”\"]{0,40}?\s)?that\s+"
    r"|\b(?P<who2>[\w’'-]+)\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?P<cue2>told|informed|assured)\s+"
    r"(?=(?:the|a|an|their|his|her|its|it|they|he|she|we)\s)"
)


def _passive_told(sc: SentenceContext) -> None:
    """'Employees were told (that) the factory would close': what the unnamed speaker told them."""
    text, s0, s1 = sc.text, sc.s0, sc.s1
    if " told" not in text[s0:s1] and " informed" not in text[s0:s1] and " assured" not in text[s0:s1]:
        return
    for m in _PASSIVE_TOLD.finditer(text, s0, s1):
        who = (m.group("who") or m.group("who2")).lower()
        if who in ("i", "we", "it", "this", "that") or who.endswith(("’m", "'m")):
            continue  # "I was told" is the writer's hearsay
        cue = m.group("cue") or m.group("cue2")
        if m.group("cue2") and not C._BARE_CLAUSE.match(text, m.end(), s1):
            continue
        sc.propose("passive-told", m.end(), C.content_end(text, m.end(), s1), "", -1, cue, "speech", impersonal=True)


_PUT_AT = re.compile(
    r"(?<![\w-])(?P<cue>put|puts|putting|placed|places|pegged|pegs)\s+(?P<what>(?:the|its|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:toll|number|figure|cost|count|total|damage|losses|bill|tally|value|price|size|turnout|"
    r"deficit|debt|shortfall)(?:\s+(?:of|from|in|at)\s+[^,.;]{1,60}?)?\s+at\s+[^,;]*?\d[\d,.]*(?:\s+(?:million|"
    r"billion|trillion|percent|per\s+cent|people|dead|deaths))?)"
)


def _put_figure_at(sc: SentenceContext) -> None:
    """'Officials put the death toll at 5,000': the figure is the claim."""
    text, s0, s1 = sc.text, sc.s0, sc.s1
    if " at " not in text[s0:s1]:
        return
    for m in _PUT_AT.finditer(text, s0, s1):
        subj = C._subject_before(text, s0, m.start())
        if subj:
            sc.propose("put-figure-at", m.start("what"), m.end("what"), subj[0], subj[1], m.group("cue"), "report")


_AS_X_SAID = re.compile(
    r"(?:^|(?<=[\s(]))[Aa]s\s+(?P<src>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?P<cue>noted|notes|said|says|puts?\s+it|pointed\s+out|points\s+out|argued|argues|wrote|writes|reported|"
    r"reports|explained|explains|observed|observes|warned|warns)"
    r"(?:\s+(?:in|to|on|at|during)\s+[^,;:“”\"]{1,80}?)?\s*,\s*"  # 'As X put it in a statement to Y, Z'
)
_AS_PRONOUNS = frozenset(L._wordlist("he she they we i"))
# 'Y, as a Homeland Security memo put it.' / 'Y, as Cruz said on a radio show.': the statement before it
_AS_X_SAID_AFTER = re.compile(
    r",(?:[”\"’]|'')?\s*as\s+(?P<src>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?P<cue>noted|said|put\s+it|pointed\s+out|argued|wrote|reported|explained|observed|warned)"
    r"(?:\s+(?:in|to|on|at|during)\s+[^,;:“”\"]{1,80}?)?\s*[.!?]?\s*$"
)


# '"Y1," he said of the plan, "because Y2."': a comma, then the quotation opens again
_QUOTE_REOPENS = re.compile(r",\s*(?:[“\"]|'')(?=\w)")


# 'Y1, officials said, and Y2' / 'Y1, the airline added, since Y2': the statement goes on after its attribution
_STATEMENT_GOES_ON = re.compile(
    r",\s+(?:and|but|since|because|so|though|although)\s+(?=[a-z])(?!(?:said|says|added|told|noted|also|then)\b)"
)


def _after_postposed(sc: SentenceContext, direct: bool):
    """The postposed claims of the sentence (quoted or not) with where their cue ends."""
    for a in list(sc.found):
        if a.rule_id == "cue-verb-postposed" and a.direct == direct:
            cue_at = sc.text.find(a.cue, a.mention_start + len(a.mention), sc.s1)
            if cue_at >= 0:
                yield a, cue_at, cue_at + len(a.cue)


def _quotation_resumed(sc: SentenceContext) -> None:
    """'"Y1," X said (of Z), "Y2."': the second part of a quotation split by its postposed attribution."""
    text, s1 = sc.text, sc.s1
    for a, cue_at, after in _after_postposed(sc, direct=True):
        m = _QUOTE_REOPENS.search(text, after, s1)
        if not m or C._QUOTE_IN.search(text, cue_at, m.start()):
            continue  # a quotation between them is another statement's
        close = C._CLOSE_QUOTE.search(text, m.end(), s1)
        sc.propose(
            "quotation-resumed", m.end(), close.end() if close else s1, a.mention, a.mention_start, a.cue, a.cue_kind
        )


def _statement_resumed(sc: SentenceContext) -> None:
    """'Y1, X said, and Y2': the rest of a statement after a short attribution in its middle."""
    text, s1 = sc.text, sc.s1
    for a, _cue_at, after in _after_postposed(sc, direct=False):
        m = _STATEMENT_GOES_ON.match(text, after, s1)
        if m and not C._QUOTE_IN.search(text, after, s1) and not C.CUE_RE.search(text, m.end(), s1):
            ce = C.content_end(text, m.end(), s1)
            sc.propose("statement-resumed", m.end(), ce, a.mention, a.mention_start, a.cue, a.cue_kind)


def _as_x_said(sc: SentenceContext) -> None:
    """'As X noted, Y': the statement after the comma is X's."""
    text, s0, s1 = sc.text, sc.s0, sc.s1
    seg = text[s0:s1]
    if "," not in seg or not ("as " in seg or "As " in seg):
        return  # a cheap test first: "as X noted, Y" needs both
    for m in _AS_X_SAID.finditer(text, s0, s1):
        src = C._clean_mention(m.group("src"))
        if src and C._np_ok(src) and len(C._words(text[m.end() : s1])) >= MIN_CONTENT_WORDS:
            sc.propose(
                "as-x-said", m.end(), C.content_end(text, m.end(), s1), src, m.start("src"), m.group("cue"), "speech"
            )
    m = _AS_X_SAID_AFTER.search(text, s0, s1)
    if m and m.start() > s0:
        src = C._clean_mention(m.group("src"))
        first = src.lower().split()[0] if src else ""
        if src and C._np_ok(src) and (src[:1].isupper() or first in L.DETERMINERS or first in _AS_PRONOUNS):
            sc.propose("as-x-said", s0, m.start(), src, m.start("src"), m.group("cue"), "speech")


# A longer recipient before "that": a noun phrase with the places and times that go with it ("told a crowded hall at
# a hotel in Leeds on Monday that Y"): up to twelve words, a preposition among them, no subject, verb or "so"/"such"
# ("tells so many lies that"), and "that" opening a clause, not a relative one ("the meeting that was held").
_RECIPIENT_BEFORE_THAT = re.compile(r"\s+((?:[\w.&’'-]+\s+){1,12}?)that\s+([\w’'-]+)")
_VERB_AFTER_THAT = frozenset(
    L._wordlist("is are was were be been has have had do does did will would can could may might must shall should")
)
_NOT_IN_A_RECIPIENT = _VERB_AFTER_THAT | frozenset(
    L._wordlist("i he she it we they who which what that said says say told tells not so such many much")
)
_RECIPIENT_PREPOSITIONS = frozenset(L._wordlist("at in of on during after before from outside inside near"))


def _long_recipient(rest: str) -> int:
    """Where the content starts after a long recipient ('told a crowded hall at a hotel in Leeds that Y'), or 0."""
    m = _RECIPIENT_BEFORE_THAT.match(rest)
    if not m:
        return 0
    words = [w.lower() for w in m.group(1).split()]
    after = m.group(2).lower()
    if (
        any(w in _NOT_IN_A_RECIPIENT for w in words)
        or not any(w in _RECIPIENT_PREPOSITIONS for w in words)
        or after in _VERB_AFTER_THAT
        or after.endswith("ed")
    ):
        return 0
    return m.start(1) + len(m.group(1).rstrip())


def _take_recipient(c: CueContext) -> None:
    """The object of the cue is not its content: 'told reporters (that) Y', 'assured them Y', 'told a crowded hall
    at a hotel in Leeds that Y'."""
    if c.lemma in L.TAKES_RECIPIENT:
        rest = c.text[c.after : c.s1]
        rm = C._RECIPIENT_RE.match(rest)
        long = _long_recipient(rest)
        if long:
            c.after += long
        elif rm and not C._SPACE_THAT.match(rest):
            c.after += rm.end()


# --------------------------------------------------------------------------------------- sentence rules
def _verb_cues(sc: SentenceContext) -> None:
    for a, b in C._finditer_ci(C._CUE_LOW_RE, C.CUE_RE, sc.text, sc.s0, sc.s1):
        c = _cue_context(sc, a, b)
        for step in CUE_STEPS:
            if step.kind == "veto":
                if step.find(c):
                    note(step.id, "vetoed", c.word, a)
                    break
                continue
            if step.id == "cue-verb-participle":
                _take_recipient(c)  # the constructions after this point read the content after the recipient
            made = step.find(c)
            if made is None:
                continue
            made = [x for x in made if x is not None]
            if not made:
                note(step.id, "no-statement", c.word, a)
            break
        else:
            note("cue-verb", "no-construction", c.word, a)


def _noun_cues(sc: SentenceContext) -> None:
    text, s0, s1 = sc.text, sc.s0, sc.s1
    for m in C.NOUN_CUE_RE.finditer(text, s0, s1):
        pm = C._POSSESSOR_RE.search(text, max(s0, m.start() - 80), m.start())
        if not pm:
            continue
        ws = C._clean_mention(pm.group(1)).split()
        keep: list[str] = []  # the trailing noun group of the possessor
        for w in reversed(ws):
            lw = w.lower()
            if lw in L.DETERMINERS or lw in ("of", "for", "with", "by", "about", "on", "in"):
                if lw == "of" and keep:
                    keep.append(w)
                    continue
                break
            keep.append(w)
        src = " ".join(reversed(keep)).strip()
        if src:
            sc.propose(
                "noun-cue-that", m.end(), C.content_end(text, m.end(), s1), src, pm.start(1), m.group("cue"), "noun"
            )


def _described_as(sc: SentenceContext) -> None:
    text, s0, s1 = sc.text, sc.s0, sc.s1
    if " as " not in text[s0:s1]:
        return
    for m in C.DESCRIBE_RE.finditer(text, s0, s1):
        am = C._AS_RE.search(text, m.end(), min(s1, m.end() + 160))
        if not am or am.start() <= m.end() or C._last_word(text, s0, m.start()) in C._PASSIVE:
            continue
        if (
            "," in text[m.end() : am.start()]
            or C._AS_CLAUSE.match(text, am.end(), s1)
            or C._AS_NOT_PREDICATE.match(text, am.end(), s1)
        ):
            continue  # "dismissed the offer, while ... as they ...": "as" opens a clause, not a predicate
        subj = C._subject_before(text, s0, m.start())
        if not subj:
            continue
        stop = C._AS_END.search(text, am.end(), s1)
        ce = stop.start() if stop else s1
        if text[am.end()] in QUOTE_CHARS:  # 'as "all very good" on Monday': the quoted predicate ends it
            qm = C._CLOSE_QUOTE.search(text, am.end() + 1, s1)
            ce = qm.end() if qm else ce
        sc.propose(
            "described-x-as",
            m.end(),
            ce,
            subj[0],
            subj[1],
            m.group(),
            "speech",
            evaluative=True,
        )


def _evaluative(group: str, rule_id: str):
    """'X called Y a Z' / 'X accused Y of Z' / 'X criticized Y for Z' / 'what X called "Z"'."""

    def find(sc: SentenceContext) -> None:
        for m in sc.evaluative_hits():
            if m.group("cue" + group):
                _evaluative_one(sc, m, group, rule_id)

    return find


def _evaluative_one(sc: SentenceContext, m: re.Match, g: str, rule_id: str) -> None:
    text, s0, s1 = sc.text, sc.s0, sc.s1
    cue = m.group("cue" + g)
    if C._last_word(text, s0, m.start()) in C._PASSIVE | {"to", "so", "be"}:
        note(rule_id, "vetoed", cue, m.start(), "passive or infinitive")
        return  # "was accused of", "a town called Y", "to call him"
    obj = m.group("obj" + g)
    if (
        obj.lower() in ("it a day", "it quits")
        or C._EVAL_OBJ_STOP.match(obj)
        or (obj and obj.split()[-1].lower() in C._EVAL_OBJ_LAST_STOP)
    ):
        return  # "called for ...", "called the police and a neighbor"
    cs = m.start("obj" + g)
    if g == "4":
        rm = C._REL_CALLER.search(text, s0, m.start())
        mention = C._clean_mention(rm.group(1)) if rm else ""
        qm = C._CLOSE_QUOTE.search(text, m.end("q4"), s1)
        named = (
            C._looks_named(mention)
            or mention.lower() in C._PRONOUN_SUBJ  # "which he called "Y""
            # "what the curator described as "Y"" (after "that", "the city called" may be a clause of its own)
            or rm is not None
            and mention.split()[0].lower() in ("the", "his", "her", "its", "their")
            and not rm.group(0).lower().startswith("that")
        )
        if mention and C._np_ok(mention) and named and qm:
            sc.propose(rule_id, cs, qm.end(), mention, rm.start(1), cue, "speech", evaluative=True)
        return
    q_key = "q5" if g == "5" else "q"
    if m.group(q_key):
        qm = C._CLOSE_QUOTE.search(text, m.end(q_key), s1)  # the predicate is a quotation: it ends where it closes
        ce = qm.end() if qm else C.content_end(text, cs, s1)
    else:
        ce = C.content_end(text, cs, s1)
        stop = C._EVAL_END.search(text, m.end(), ce)
        if stop:
            ce = stop.start()
    pre = text[s0 : m.start()].rstrip()
    if cue.endswith("ing"):
        if not pre.endswith(","):
            return
        subj = C._clause_subject(text, s0, len(pre) + s0 - 1)
    elif C._COORD_END.search(pre):
        subj = C._clause_subject(text, s0, m.start(), coordinated=True)  # "X called him Y and accused him of Z"
    else:
        subj = C._subject_before(text, s0, m.start())
    if subj:
        sc.propose(
            rule_id,
            cs,
            ce,
            subj[0],
            subj[1],
            cue,
            "speech",
            evaluative=True,
            participle=True if cue.endswith("ing") else None,
        )


# passive, infinitive, negated, modal (not yet said), a noun ("the calls for"), or a relative clause's object
_OBJECT_CUE_SKIP_BEFORE = (
    C._PASSIVE
    | C._NOUN_MARKERS
    | frozenset(
        L._wordlist("to not never would could might may will must should shall can who whom which that whose and or")
    )
)
_CITED_INFORMANTS = re.compile(
    r"(?:[\w’'-]+\s+){0,3}?(?:people|persons?|sources?|officials?|aides?|insiders?|spokes(?:man|woman|men|women|person))"
    r"\b",
    re.IGNORECASE,
)
_PROGRESSIVE_BEFORE = frozenset(L._wordlist("is are was were am been be kept keeps began begins started starts"))
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|which)\s+(?:[a-z]+\s+){0,2}$")
_ADVERB = re.compile(r"\s*\b[a-z]+ly\s*$")


def _object_cue(sc: SentenceContext) -> None:
    """'X criticized the trade deal', 'X called for a ban on imports': the object is what X said or stood for."""
    text, s0, s1 = sc.text, sc.s0, sc.s1
    low = C._lowered(text)
    if low is None:
        return
    for m in C.OBJECT_CUE_RE.finditer(low, s0, s1):
        cue = text[m.start() : m.end()]
        adverb = _ADVERB.search(text, max(s0, m.start() - 20), m.start())  # "relentlessly attacked"
        verb_at = adverb.start() if adverb else m.start()
        before = C._last_word(text, s0, verb_at)
        near = C._words(text[max(s0, verb_at - 40) : verb_at])[-3:]
        subj_end = verb_at
        ing = m.group().endswith("ing") or " " in m.group() and m.group().split()[0].endswith("ing")
        progressive = ing and before in _PROGRESSIVE_BEFORE
        if progressive:  # "the senator is calling for Y", "kept referring to Y": a finite verb after all
            subj_end = text.rfind(" ", s0, verb_at - 1) + 1 if " " in text[s0 : verb_at - 1] else s0
            before = C._last_word(text, s0, subj_end)
        if before in ("who", "which"):  # "Obama, who endorsed Clinton on Thursday": the antecedent
            rel = _RELATIVE_BEFORE.search(text, max(s0, verb_at - 60), verb_at)
            if rel:
                subj_end, before = rel.start(), "who"
        if subj_end == verb_at and (
            before in _OBJECT_CUE_SKIP_BEFORE
            or not before
            or before.endswith(("n't", "n’t"))
            or _possessive(before)  # a noun: "the union's calls for"
            or any(w.lower() in ("who", "whom", "which") for w in near)  # "who had once backed Y"
        ):
            note("object-cue", "vetoed", cue, m.start(), "passive, infinitive, negated or a noun")
            continue
        cs = m.end()
        while cs < s1 and text[cs].isspace():
            cs += 1
        if cs >= s1 or C.OBJECT_BAD_START.match(text, cs, s1):
            continue
        if L.OBJECT_CUES[m.group()] == "cite" and _CITED_INFORMANTS.match(text, cs, s1):
            continue  # "citing two people familiar with the talks": whom the reporter relied on, not a statement
        if ing and not progressive:
            # "..., citing a report by the auditor": the subject of the clause the participle hangs on
            lead = text[s0:verb_at].rstrip()
            subj = C._clause_subject(text, s0, s0 + len(lead) - 1) if lead.endswith(",") else None
            said = [a for a in sc.found if a.mention and a.mention_start < verb_at] if lead.endswith(",") else []
            if not subj and said:  # '"Y," he said, citing a report by the auditor': the speaker of the sentence
                subj = (said[-1].mention, said[-1].mention_start)
        else:
            subj = C._subject_before(text, s0, subj_end)
        if not subj or not C._np_ok(subj[0]):
            continue
        if (L.OBJECT_CUES[m.group()] == "find" or m.group() == "show") and not _DOCUMENT_NOUNS.intersection(
            subj[0].lower().split()
        ):
            # "the survey found Y leading", "polls show Y ahead": a study's finding; not "police found a body", "the
            # TV show the team posted"
            continue
        ce = C.content_end(text, cs, s1)
        stop = C.OBJECT_END.search(text, cs, ce)
        if stop:
            ce = stop.start()
        sc.propose("object-cue", cs, ce, subj[0], subj[1], cue, "speech", evaluative=True, named_object=True)


def _endorse(sc: SentenceContext) -> None:
    text, s0, s1 = sc.text, sc.s0, sc.s1
    low = text[s0:s1].lower()
    if not ("claim" in low or "allegation" in low or "assertion" in low or "account" in low):
        return
    for m in C.ENDORSE_RE.finditer(text, s0, s1):
        subj = C._subject_before(text, s0, m.start())
        if subj:
            sc.propose(
                "endorse-claim", m.end(), C.content_end(text, m.end(), s1), subj[0], subj[1], m.group("cue"), "speech"
            )


_ACCORDING_SRC = re.compile(r"((?:[^,;:.“”\"]|\.(?=\w)|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z])\.)+)")
_ACCORDING_SRC_END = re.compile(
    r"\s+(?:that|who|which|on|in|at|as|during|after|because|since|while|when)\s+(?=[a-z])|\s+[-–—]+\s+|[–—]"
)
# "Y according to X as part of Z": with no comma, the lead must read as a clause and X as a name
_BARE_LEAD = re.compile(r"\w\s+$")


def _named_first(np: str) -> bool:
    """'UEFA', 'the Tax Policy Center': the noun phrase's first word after its determiner is capitalised; or
    'the poll', 'a count by the electoral office': a document that states figures."""
    ws = [w for w in np.split() if w.lower() not in L.DETERMINERS]
    return bool(ws) and (ws[0][:1].isupper() or any(w.lower() in _DOCUMENT_NOUNS for w in ws[:3]))


# "One option, according to X, is to ...": the sentence's verb follows the phrase (not a new clause: "even as ...")
# ', a former envoy, was ...': the source's appositive, then the predicate of the sentence
_APPOSITIVE_PREDICATE = re.compile(
    r",\s+(?:a|an|the|another|his|her|its|their)\s+[^,;:“”\"]{1,80}(?=,\s*(?:is|are|was|were|has|have|had|will|would)\b)"
)
_PREDICATE_AHEAD = re.compile(
    r",\s*(?:(?:also|still|now|already|not|never|only|just|largely|mostly)\s+)?(?:is|are|was|were|has|have|had|will|"
    r"would|can|could|should|must|may|might|did|does|do|[a-z]{3,}ed)\b"
)
_DOCUMENT_NOUNS = frozenset(
    L._wordlist(
        "poll polls survey surveys count tally report reports study studies data figures estimate estimates records "
        "analysis review audit investigation inquiry research paper results numbers statistics documents emails"
    )
)


def _according_to(sc: SentenceContext) -> None:
    text, s0, s1 = sc.text, sc.s0, sc.s1
    low = C._lowered(text)
    if not (low is None or "according" in low[s0:s1] or "words of" in low[s0:s1]):
        return
    for a, b in C._finditer_ci(C._ACCORDING_LOW_RE, C.ACCORDING_RE, text, s0, s1):
        src_m = _ACCORDING_SRC.match(text[b:s1])
        if not src_m:
            continue
        src = src_m.group(1)
        src_clean = _ACCORDING_SRC_END.split(src, maxsplit=1)[0].strip()
        if src_clean and not C._np_ok(src_clean):
            # "early results of exit polls conducted for AP by Edison Research": keep the document itself
            src_clean = C._SOURCE_PARTICIPLE.split(src_clean, maxsplit=1)[0].strip()
        if not src_clean or not C._np_ok(src_clean) or src_clean.lower() in L.ACCORDING_NOT_SOURCES:
            note("according-to", "no-source", text[a:b], a, src_clean)
            continue
        cue = text[a:b].strip()
        after = b + len(src)
        lead = text[s0:a]
        n_lead = len(C._words(lead))
        rest_ok = after < s1 and text[after] in ",:" and len(C._words(text[after:s1])) >= MIN_CONTENT_WORDS
        that_lead = C._THAT_END.search(lead) is not None  # "... have indicated that, according to X, Y"
        bare_lead = (
            n_lead >= 6
            and _BARE_LEAD.search(lead) is not None
            and _named_first(src_clean)
            and _CLAUSE_AHEAD.match(lead) is not None
        )
        if (
            rest_ok
            and n_lead >= MIN_CONTENT_WORDS
            and lead.rstrip().endswith(",")
            and text[after] == ","
            and (_PREDICATE_AHEAD.match(text, after, s1) or _APPOSITIVE_PREDICATE.match(text, after, s1))
            and not C._ADVERBIAL_LEAD.fullmatch(lead)
            and not that_lead
        ):
            # "One option, according to a person close to the talks, is to sell": the whole sentence
            sc.propose("according-to", s0, C.content_end(text, after + 1, s1), src_clean, b, cue, "according")
        elif (
            rest_ok
            and lead.rstrip().endswith(",")
            and C._PREP_START.match(lead)
            and not C._VERBISH.search(" " + lead + " ")
            and not C._ADVERBIAL_LEAD.fullmatch(lead)
            and not that_lead
        ):
            # "Over the long term, according to X, the deficit will grow": the lead is no statement on its own
            sc.propose("according-to", s0, C.content_end(text, after + 1, s1), src_clean, b, cue, "according")
        elif (
            n_lead >= MIN_CONTENT_WORDS
            and (C._LEAD_END.search(lead) or bare_lead)
            and not C._ADVERBIAL_LEAD.fullmatch(lead)
            and (not that_lead)
        ):
            sc.propose("according-to", s0, a, src_clean, b, cue, "according")  # "Y, according to X."
        elif rest_ok and (not lead.strip() or C._ADVERBIAL_LEAD.fullmatch(lead) or that_lead):
            sc.propose("according-to", after + 1, s1, src_clean, b, cue, "according")  # "(But) according to X, Y"
        elif rest_ok and lead.strip().endswith(","):
            # "The deal, according to officials, will collapse": the whole sentence
            sc.propose("according-to", s0, C.content_end(text, after + 1, s1), src_clean, b, cue, "according")


def _colon_speaker(text: str, sentences: list[Sentence], found: list[Attribution]) -> list[Attribution]:
    """'Name: statement' lines (interview transcripts, "Trump: ..." headlines): the line is Name's."""
    first = sentences[0]
    m = C._COLON_NAME.match(text, first.start, first.end)
    if not m:
        return []
    name = m.group(1)
    toks = name.split()
    if C._POSSESSIVE.sub("", toks[0].lower().strip(".")) in C._COLON_STOP:
        return []
    from .speakers import _looks_like_person_name, kind_of  # speakers imports this module

    kind = kind_of(name)
    if kind == "media" and name.lower() not in L.COUNTRIES_CAPITALS:
        pass  # "AP: ...", "NY Post: ...": a news outlet's report
    elif any(t.isupper() and len(t) > 1 for t in toks):
        # transcripts: "TAPPER: ..." when the article names that person ("Jake Tapper")
        last = toks[-1].capitalize()
        if not (_looks_like_person_name(last) and re.search(r"\b" + re.escape(last) + r"\b", text)):
            return []
        name = " ".join(t.capitalize() for t in toks)
    elif kind in ("government", "military", "organisation", "media"):
        if name.lower() in L.COUNTRIES_CAPITALS:
            return []
    elif not _looks_like_person_name(name):
        return []
    elif len(toks) == 1 and text.count(name) < 2:
        return []  # a lone capitalised word must be someone the article mentions again
    for a in found:
        if a.mention.lower() in ("i", "we"):
            a.mention, a.mention_start = name, m.start(1)  # "FALLIN: I think ...": the speaker of the line
    out = []
    for i, sent in enumerate(sentences):
        cs, ce = C._strip_span(text, m.end() if i == 0 else sent.start, sent.end)
        if ce <= cs or any(a.start < sent.end and a.end > sent.start for a in found):
            continue
        if len(C._ALPHA_WORD.findall(text, cs, ce)) < MIN_CONTENT_WORDS or text[ce - 1] == "?":
            continue  # too short, or a question (an interviewer's)
        if text.count(",", cs, ce) >= 2 and not C._LOWER_WORD.search(text, cs, ce):
            continue  # "Kingsport: Hale, Ortiz, Benn, ...": a line-up or a list of names, not a statement
        direct = C._is_quote_open(text, max(sent.start, cs - 1), min(sent.end, ce + 1))
        out.append(
            Attribution(cs, ce, name, m.start(1), ":", "speech", sent.line, direct=direct, rule_id="colon-speaker")
        )
    return out


# '"Y." ― Jane Doe' (quotation lists, epigraphs): a closing quote, a dash, then only a name to the end of the line
_SIGNATURE = re.compile(
    r"[”\"]\s*(?:―|—|–|--)[\s\u00a0]*((?:[A-Z][\w’'.-]*|de|da|del|van|von|al|bin)"
    r"(?:[\s\u00a0]+(?:[A-Z][\w’'.-]*|de|da|del|van|von|al|bin)){0,5})[.,]?\s*$"
)


_SIGNATURE_DASH = re.compile(r"[”\"]\s*(?:―|—|–|--)")


def _quote_signature(text: str, sentences: list[Sentence], found: list[Attribution]) -> list[Attribution]:
    """'"Y1. Y2." ― Jane Doe': the quotation's last sentence is the signed speaker's (the earlier sentences of the
    quotation follow it in the pipeline, as for any quotation)."""
    m = _SIGNATURE.search(text, max(sentences[0].start, sentences[-1].end - 90), sentences[-1].end)
    if not m:
        return []
    close = m.start()
    sent = next((s for s in sentences if s.start <= close - 1 < s.end), sentences[-1])  # '.”' may open the next
    if any(a.end > sent.start and a.start < close for a in found):
        return []  # the quotation already has its speaker
    opening = max(text.rfind("“", sent.start, close), text.rfind('"', sent.start, close))
    cs, ce = C._strip_span(text, opening + 1 if opening >= 0 else sent.start, close)
    if len(C._words(text[cs:ce])) < 2:
        return []
    name = m.group(1).rstrip(".")
    return [Attribution(cs, ce, name, m.start(1), "―", "speech", sent.line, direct=True, rule_id="quote-signature")]


def drop_nested(text: str, attrs: list[Attribution], regions: list[tuple[int, int, bool]]) -> list[Attribution]:
    """Drop attributions whose source is named inside another speaker's quotation.

    '“The data tells us the ice is thinning,” said Dr. Ana Ruiz.': "tells" is Ruiz's word, not a claim by
    "the data" — a cue inside a quotation attributed to someone outside it is part of the quoted statement.
    """
    keep = []
    for a in attrs:
        ms = a.mention_start
        nested = (
            ms >= 0
            and a.mention
            and any(
                qs <= ms < qe
                and any(
                    o is not a
                    and o.mention
                    and not qs <= o.mention_start < qe
                    and min(qe, o.end) - max(qs, o.start) > 0
                    for o in attrs
                )
                for qs, qe, _closed in regions
            )
        )
        if not nested:
            keep.append(a)
        else:
            note("veto-nested-in-quote", "vetoed", a.cue, a.mention_start, text[a.start : a.end])
    return keep


# ------------------------------------------------------------------------------------------ the rules
E = Example
CUE_RULES = [
    Rule(
        "veto-negative-cue",
        "veto",
        "cue",
        10,
        "a cue of doubt ('expressed doubt that', 'doubted', 'wondered whether'): the content is not asserted",
        (
            E("Analysts expressed doubt that the central bank would cut rates before autumn.", "expressed doubt"),
            E("The professor wondered whether the experiment could ever be repeated.", "wondered"),
        ),
        ("Analysts expressed confidence that the central bank would cut rates before autumn.",),
        find=_veto_negative,
    ),
    Rule(
        "veto-question",
        "veto",
        "cue",
        20,
        "ask/asked: what is asked is a question, not a claim (a quoted question before the cue is kept as said)",
        (E("The senator asked whether the bridge was safe.", "asked"),),
        ("The senator said the bridge was safe.", "“Who will pay for the new bridge?” the senator asked."),
        find=_veto_question,
    ),
    Rule(
        "veto-ruled-out",
        "veto",
        "cue",
        30,
        "'ruled out' is a decision, not a statement",
        (E("The chancellor ruled out tax rises before the election.", "ruled"),),
        ("The court ruled that the contract was void.",),
        find=_veto_ruled_out,
    ),
    Rule(
        "veto-noun-form",
        "veto",
        "cue",
        40,
        "a cue word used as a noun after a determiner or adjective",
        (
            E("The latest estimate puts growth at two percent.", "estimate"),
            E("Some of the sculptures on show at the fifth Harbour Art Week – photos", "show"),
        ),
        (
            "Economists estimate that growth will slow next year.",
            "Most said they would vote for the incumbent again.",  # a quantifier as the subject
            "Both warned that the bridge was unsafe.",
        ),
        find=_veto_noun_form,
    ),
    Rule(
        "veto-im-told",
        "veto",
        "cue",
        50,
        "'I'm told', 'we're told': the writer's hearsay, no named source",
        (E("I'm told the talks will resume on Friday.", "told"),),
        ("The envoy told me the talks will resume on Friday.",),
        find=_veto_im_told,
    ),
    Rule(
        "veto-passive",
        "veto",
        "cue",
        60,
        "a passive cue ('was said', 'is believed') has no subject speaker",
        (E("The painting is believed to be a forgery by most experts.", "believed"),),
        ("Most experts believe the painting is a forgery.",),
        find=_veto_passive,
    ),
    Rule(
        "veto-to-infinitive",
        "veto",
        "cue",
        70,
        "'declined to say', 'refused to confirm': nothing was said",
        (
            E("The club declined to say how much it paid for the striker.", "say"),
            E("The minister refused to confirm that the plant would close.", "confirm"),
        ),
        ("The minister confirmed that the plant would close.",),
        find=_veto_to_infinitive,
    ),
    Rule(
        "veto-colon-only",
        "veto",
        "cue",
        80,
        "continue/post/ask only attribute before a colon, quote or 'that'; read/reads (data/quote_only.txt) only "
        "before or after a colon or a quotation",
        (
            E("The strike continued into its third week at the port.", "continued"),
            E("The inspector read the report on the train home.", "read"),
            E("I read that the factory would close next year.", "read"),
        ),
        (
            'She continued: "We will not give up on this town."',
            "She continued, “All we are asking for is a chance to be heard in a courtroom.”",
            '"The valley will not be flooded without a fight," read the banner at the gates.',
            'The banner reads: "We will not be moved from this valley."',
        ),
        find=_veto_colon_only,
    ),
    Rule(
        "veto-inside-according",
        "veto",
        "cue",
        90,
        "a cue inside an 'according to' phrase is its document",
        (E("According to what officials told reporters, the road will reopen in June.", "told"),),
        (),
        find=_veto_inside_according,
    ),
    Rule(
        "veto-progressive-action",
        "veto",
        "cue",
        100,
        "a progressive cue without 'that', a colon or a quote is an action ('was adding fluoride'), unless the verb "
        "is a speech act ('is stressing the need to Y', 'is promising to Y')",
        (
            E("The town is adding fluoride to its water supply this spring.", "adding"),
            E("Investors were anticipating a strong quarter for the retailer.", "anticipating"),
        ),
        (
            "The ministry was insisting that the figures were accurate.",
            "The governor is stressing the need to repair the flood defences.",
            "The mayor is promising to rebuild the harbour wall by spring.",
        ),
        find=_veto_progressive_action,
    ),
    Rule(
        "cue-verb-adjunct",
        "attribution",
        "cue",
        110,
        "a speech participle in an adjunct: 'X, while saying Y, did Z', 'despite saying Y'",
        (
            E(
                "The coach, while insisting the team was fit, rested four players.",
                "the team was fit",
                "coach",
                "insisting",
            ),
            E(
                "The mayor courted voters by telling them that the tram would be free.",
                "the tram would be free",  # after the one told
                "mayor",
                "telling",
            ),
        ),
        ("The fans were singing loudly in the rain.",),
        find=_adjunct_participle,
    ),
    Rule(
        "reduced-relative",
        "attribution",
        "cue",
        105,
        "'a survey showing that Y', 'residents saying the water was brown': the noun before the participle",
        (
            E(
                "The council published a survey showing that most tenants wanted new windows.",
                "most tenants wanted new windows",
                "survey",
                "showing",
            ),
            E(
                "Support for the tram grew, with 40 percent of residents saying they would use it daily.",
                "they would use it daily",
                "40 percent of residents",  # the noun phrase of an absolute "with" clause
                "saying",
            ),
            E(
                'The share of tenants saying "the rent is too high" doubled in a year.',
                "the rent is too high",  # a quotation ends where it closes
                "share of tenants",
                "saying",
            ),
        ),
        ("The council published a survey showing the new windows.",),
        find=_reduced_relative,
    ),
    Rule(
        "veto-capitalised",
        "veto",
        "cue",
        120,
        "a capitalised cue word mid-sentence is a name or a title",
        (E("The film Says Who opened in cinemas across the country.", "Says"),),
        (),
        find=_veto_capitalised,
    ),
    Rule(
        "cue-verb-participle",
        "attribution",
        "cue",
        130,
        "', adding that Y' / ', saying Y': the participle continues the clause's source",
        (
            E(
                "The mayor opened the bridge on Monday, adding that tolls would be scrapped next year.",
                "tolls would be scrapped next year",
                "mayor",
                "adding",
            ),
        ),
        ("The mayor opened the bridge on Monday, adding a new bus lane.",),
        find=_participle,
    ),
    Rule(
        "cue-verb-fronted",
        "attribution",
        "cue",
        135,
        "'Said X, \"Y.\"': the sentence opens with the cue, then the speaker, then the quotation",
        (
            E(
                "Said Ana Ruiz, who has fished the bay for forty years, “The water has never been this warm.”",
                "The water has never been this warm",
                "Ana Ruiz",
                "Said",
            ),
        ),
        ("Said to be the oldest pub in town, the Anchor closed on Friday.",),
        find=_fronted,
    ),
    Rule(
        "cue-verb-inverted",
        "attribution",
        "cue",
        140,
        "'\"Y,\" said X.' / 'Y, said X, its chief executive.': the subject after the cue",
        (
            E(
                "\u201cWe expect a record harvest,\u201d said Ilse Vandermeer, head of the growers' cooperative.",
                "We expect a record harvest",
                "Ilse Vandermeer",
                "said",
            ),
            E(
                '"The river will flood by Friday," warned Jane Doe, the county engineer.',
                "The river will flood by Friday",
                "Jane Doe",
                "warned",
            ),
            E(
                '"The danger," said Tomas Ek, a hydrologist at the county office, "is that the levee gives way at '
                'night."',
                "the levee gives way at night",  # the speaker's appositive, then the quotation resumes
                "Tomas Ek",
                "said",
            ),
            E("''Fair enough,'' said the harbour master, Jo Lind.", "Fair enough", "harbour master", "said"),
        ),
        ("After the vote, said to be close, the hall emptied quickly.",),
        find=_inverted,
    ),
    Rule(
        "cue-verb-parenthetical",
        "attribution",
        "cue",
        150,
        "'Y1, X said, Y2': an attribution in the middle of the statement; the whole sentence is the content",
        (
            E(
                "The new terminal, the airport said, will open in the spring.",
                "will open in the spring",
                "airport",
                "said",
            ),
            E(
                "In 2019, the mayor said, the Anna J. Berg Trust had paid for the new roof.",
                "the Anna J. Berg Trust had paid for the new roof",  # a name with an initial opens the clause
                "mayor",
                "said",
            ),
        ),
        ("The airport said the new terminal will open in the spring.",),
        find=_parenthetical,
    ),
    Rule(
        "cue-verb-postposed",
        "attribution",
        "cue",
        160,
        "'Y, X said (on Tuesday).': the subject before the cue",
        (
            E(
                "Ticket prices will rise by ten percent, the rail operator said on Tuesday.",
                "Ticket prices will rise by ten percent",
                "rail operator",
                "said",
            ),
            E(
                '"The timetable is a mess," the minister told Sean O\'Hara of Radio West this week.',
                "The timetable is a mess",
                "minister",
                "told",
            ),
            E(
                "“The timetable is a mess,” the minister told Radio West's morning programme in an interview aired on "
                "Monday when asked about delays.",
                "The timetable is a mess",
                "minister",
                "told",
            ),
            E(
                '"It is an invasion of our domain," Jane Okoro, the attorney general of Kent, one of the counties '
                "suing the agency, said.",
                "It is an invasion of our domain",
                "Jane Okoro",  # a name, then an appositive too long to be the subject
                "said",
            ),
            E(
                '"The ferry is always late," Ana Ruiz, 41, of Leeds, England, who was among those surveyed, said.',
                "The ferry is always late",
                "Ana Ruiz",  # age, home town and a relative clause after the name
                "said",
            ),
            E(
                '"The dam will hold," the engineer wrote this week, adding that repairs would start in May.',
                "The dam will hold",
                "engineer",  # time words, then the participle clause
                "wrote",
            ),
        ),
        ("Ticket prices rose, and the rail operator said nothing.",),
        find=_postposed,
    ),
    Rule(
        "cue-verb-object-to",
        "attribution",
        "cue",
        170,
        "'X urged Y to Z', 'X told Y to Z': the object and what it is asked to do",
        (
            E(
                "The spokeswoman urged drivers to avoid the ring road until Friday.",
                "drivers to avoid the ring road until Friday",
                "spokeswoman",
                "urged",
            ),
            E(
                'The senator called on the ministry to "come clean on the contracts" and resign.',
                'the ministry to "come clean on the contracts',
                "senator",
                "called on",
            ),
            E(
                "The minister has also called on the European Union to lift the sanctions.",
                "the European Union to lift the sanctions",
                "minister",
                "called on",
            ),
        ),
        ("The spokeswoman urged caution on the ring road.", "The mayor called on Monday to say the road was open."),
        find=_object_infinitive,
    ),
    Rule(
        "cue-verb-coordinated",
        "attribution",
        "cue",
        180,
        "'X did Z and said Y': a cue coordinated with the clause's first verb",
        (
            E(
                "The governor toured the flooded district and said that repairs would take months.",
                "repairs would take months",
                "governor",
                "said",
            ),
        ),
        ("The governor toured the flooded district and met residents.",),
        find=_coordinated,
    ),
    Rule(
        "colon-quote",
        "attribution",
        "cue",
        190,
        "'X said: Y' / 'X said: \"Y\"': content after a colon",
        (
            E(
                "The inspector said: the wiring had never been checked.",
                "the wiring had never been checked",
                "inspector",
                "said",
            ),
        ),
        ("The inspector's report: three pages long.",),
        find=_preposed("colon", "colon-quote"),
    ),
    Rule(
        "cue-verb-that",
        "attribution",
        "cue",
        200,
        "'X said (on Monday) (in a statement) that Y'",
        (
            E(
                "The museum announced on Friday that its west wing would close for repairs.",
                "its west wing would close for repairs",
                "museum",
                "announced",
            ),
            E(
                "The coach said of the new striker that he was the best finisher in the league.",
                "he was the best finisher in the league",  # whom it was said of, then "that"
                "coach",
                "said",
            ),
            E(
                "The union, which told members on Friday that the strike would go ahead, said talks had resumed.",
                "the strike would go ahead",  # ends where the main clause's own cue begins
                "union",
                "told",
            ),
            E(
                "The surgeon told a crowded hall at a hotel in downtown Leeds that she was not giving up.",
                "she was not giving up",  # a long recipient with its places, then "that"
                "surgeon",
                "told",
            ),
            E(
                "The senator told Ana Ruiz of the Daily Mail, that the bill would pass by June.",
                "the bill would pass by June",  # a recipient "of" her paper, then ", that"
                "senator",
                "told",
            ),
            E(
                'The minister said on Radio Ten\'s "Morning Show" that the tunnel would open in May.',
                "the tunnel would open in May",  # a quoted programme title inside the adjunct
                "minister",
                "said",
            ),
            E(
                "The director says at a meeting in Leeds, England, that the west wing will close.",
                "the west wing will close",
                "director",
                "says",
            ),
            E(
                "The senator has long said that she qualifies for the seat.",
                "she qualifies for the seat",
                "senator",  # "has long" is no part of the subject
                "said",
            ),
            E(
                "The mayor said, among other things, that the budget had been balanced for the first time.",
                "the budget had been balanced for the first time",
                "mayor",
                "said",
            ),
        ),
        ("The museum announced its new opening hours.",),
        find=_preposed("that", "cue-verb-that"),
    ),
    Rule(
        "cue-verb-quote",
        "attribution",
        "cue",
        210,
        "'X said \"Y\"' / 'X said, \"Y\"': a quotation after the cue",
        (
            E(
                'The goalkeeper said, "We were robbed in the last minute."',
                "We were robbed in the last minute",
                "goalkeeper",
                "said",
            ),
            E(
                "The businessman says of the mayor, “If she gets the chance, she will sell the harbour.”",
                "If she gets the chance, she will sell the harbour",  # whom it was said of, then the quotation
                "businessman",
                "says",
            ),
            E(
                "Mr. Hale said, “That makes me smart,” when his rival mocked him.",
                "That makes me smart",  # the quoted sentence ends where it closes
                "Hale",
                "said",
            ),
            E(
                'The minister said "fake news" was spreading faster than the virus.',
                '"fake news" was spreading faster than the virus',  # a quoted phrase opens the clause
                "minister",
                "said",
            ),
        ),
        (),
        find=_preposed("quote", "cue-verb-quote"),
    ),
    Rule(
        "veto-intention",
        "veto",
        "cue",
        95,
        "want/plan/seek (data/intention_verbs.txt) without a to-infinitive; after a modal, 'if', 'you', 'we', a "
        "passive or nothing; in a question: no intention a source stated",
        (
            E("Voters may want to check the figures again.", "want"),
            E("If you want to understand the vote, look at the map.", "want"),
            E("Critics said the plan would not work at all.", "plan"),
            E("We want to hear from you!", "want"),
            E("Do you feel adventurous this winter and want to try something new?", "want"),
            E("These tablets are not intended to cure any disease.", "intended"),
            E("Want to learn why the pier closed?", "Want"),
            E("The city plans to sell the library, according to a memo from the treasurer.", "plans"),
            E("The mayor called the city's plans to sell the library a disgrace.", "plans"),
        ),
        ("The council wants to close the depot by March.",),
        find=_veto_intention,
    ),
    Rule(
        "cue-verb-infinitive",
        "attribution",
        "cue",
        220,
        "'X vowed to Y', 'X claimed to have Y', 'affirmed its intention to Y'",
        (
            E(
                "The rebels claimed to have captured the airport overnight.",
                "to have captured the airport overnight",
                "rebels",
                "claimed",
            ),
            E(
                "The port has sought to expand the quay and aides to the mayor said the work would start soon.",
                "to expand the quay",
                "port",
                "sought",
            ),
            E(
                "The council wants to close the depot by March, and the union is furious.",
                "to close the depot by March",
                "council",
                "wants",
            ),
        ),
        ("The rebels tried to capture the airport overnight.",),
        find=_preposed("infinitive", "cue-verb-infinitive"),
    ),
    Rule(
        "cue-verb-bare",
        "attribution",
        "cue",
        230,
        "'X said Y' without 'that': a clause right after the cue",
        (
            E(
                "The harbour master said the ferry would sail at noon.",
                "the ferry would sail at noon",
                "harbour master",
                "said",
            ),
            E(
                "The skipper says, win or lose on Sunday, she is retiring from racing.",
                "win or lose on Sunday, she is retiring",  # an aside opens the statement
                "skipper",
                "says",
            ),
            E(
                "The farmers' union said in a statement on Thursday night they had pulled out of the talks.",
                "they had pulled out of the talks",
                "farmers' union",
                "said",
            ),
            E("One in three said the party does not care about rural voters.", "the party does not care", "One"),
            E("The Gazette reported the email came hours after the vote.", "the email came hours after", "Gazette"),
            E(
                "The trader, who said he lost his savings in the crash, wants compensation.",
                "he lost his savings in the crash",  # the relative clause ends at its comma
                "trader",
            ),
        ),
        (
            "The harbour master said goodbye to the crew.",
            "The minister said in a statement.",
            "A spokesperson conceded that costs had been higher than expected but maintained that the rules held.",
            "Video shows dramatic rescue of kidnapped girl.",  # a participle, not a past tense
            "Your email address lets the recipient know who sent the email.",
        ),
        find=_preposed("bare", "cue-verb-bare"),
    ),
    Rule(
        "cue-verb-gerund",
        "attribution",
        "cue",
        240,
        "'X denied misleading investors', 'X admitted taking the money': a gerund after the cue",
        (
            E(
                "The chief executive denied misleading shareholders about the merger.",
                "misleading shareholders about the merger",
                "chief executive",
                "denied",
            ),
            E(
                "The candidate reported raising $2 million in March.",
                "raising $2 million in March",
                "candidate",
                "reported",
            ),
            E(
                "The governor has proposed temporarily closing the coastal road.",
                "temporarily closing the coastal road",
                "governor",
                "proposed",
            ),
        ),
        ("The chief executive denied the report.",),
        find=_preposed("gerund", "cue-verb-gerund"),
    ),
]
CUE_STEPS = priority_table(CUE_RULES)

SENTENCE_RULES = [
    Rule(
        "cue-verb",
        "attribution",
        "sentence",
        10,
        "every cue verb of the lexicon, analysed by the cue rules",
        find=_verb_cues,
    ),
    Rule(
        "quotation-resumed",
        "attribution",
        "sentence",
        12,
        '\'"Y1," X said (of Z), "Y2."\': the quotation\'s second part, after its postposed attribution',
        (
            E(
                "“We have every reason to settle,” the mayor said of the strike, “because nobody wins a long one.”",
                "because nobody wins a long one",
                "mayor",
                "said",
            ),
        ),
        ("“We have every reason to settle,” the mayor said, as “nobody” in the hall disagreed.",),
        find=_quotation_resumed,
    ),
    Rule(
        "statement-resumed",
        "attribution",
        "sentence",
        13,
        "'Y1, X said, and Y2' / 'Y1, X added, since Y2': the statement goes on after its attribution",
        (
            E(
                "The pilot had no known political ties, the airline said, and had passed every security check.",
                "had passed every security check",
                "airline",
                "said",
            ),
        ),
        ("The pilot had no known political ties, the airline said, and the families were told on Friday.",),
        find=_statement_resumed,
    ),
    Rule(
        "noun-cue-that",
        "attribution",
        "sentence",
        20,
        "'X's claim that Y', 'the ministry's assessment that Y'",
        (
            E(
                "The ministry's assessment that the dam is safe was challenged by engineers.",
                "the dam is safe",
                "ministry",
                "assessment",
            ),
        ),
        ("The assessment of the dam took three weeks.",),
        find=_noun_cues,
    ),
    Rule(
        "described-x-as",
        "attribution",
        "sentence",
        30,
        "'X described Y as Z' / 'X sees Y as Z' (content 'Y as Z')",
        (
            E(
                "The opposition leader described the budget as a gift to landlords.",
                "the budget as a gift to landlords",
                "opposition leader",
                "described",
            ),
            E(
                'The coach described the squad as "all very good" on Monday.',
                'the squad as "all very good"',  # a quoted predicate ends at its closing quote
                "coach",
                "described",
            ),
            E(
                "The farmers' union sees the new levy as a tax on small dairies.",
                "the new levy as a tax on small dairies",
                "farmers' union",
                "sees",
            ),
        ),
        (
            "The budget was described as a gift to landlords.",
            "Residents will see the results as soon as the count ends.",
            "Visitors can see the old mill as part of the walking tour.",
        ),
        find=_described_as,
    ),
    Rule(
        "called-x-y",
        "attribution",
        "sentence",
        40,
        "'X called Y a Z' / 'X called Y \"Z\"'",
        (
            E(
                "The union leader called the pay offer an insult to nurses.",
                "the pay offer an insult to nurses",
                "union leader",
                "called",
            ),
            E(
                "The senator called her vote in favour of the harbour bill a mistake.",
                "her vote in favour of the harbour bill a mistake",  # a longer object
                "senator",
                "called",
            ),
        ),
        ("The union leader called the police after the break-in.", "She called the number a few times on Monday."),
        find=_evaluative("", "called-x-y"),
    ),
    Rule(
        "called-x-quote",
        "attribution",
        "sentence",
        44,
        "'X called <a longer object> \"Z\"': the object and the quoted judgement",
        (
            E(
                "The mayor called the board's decision to close two libraries “a betrayal of the city,” and left.",
                "the board's decision to close two libraries “a betrayal of the city",
                "mayor",
                "called",
            ),
        ),
        ("The mayor called on the board to keep the “heritage” libraries open.",),
        find=_evaluative("5", "called-x-quote"),
    ),
    Rule(
        "accused-x-of",
        "attribution",
        "sentence",
        41,
        "'X accused Y of Z'",
        (
            E(
                "The mayor accused the developer of ignoring the planning rules.",
                "ignoring the planning rules",
                "mayor",
                "accused",
            ),
        ),
        ("The developer was accused of ignoring the planning rules.",),
        find=_evaluative("2", "accused-x-of"),
    ),
    Rule(
        "criticized-x-for",
        "attribution",
        "sentence",
        42,
        "'X criticized Y for Z'",
        (
            E(
                "The watchdog criticised the bank for its slow response to fraud.",
                "its slow response to fraud",
                "watchdog",
                "criticised",
            ),
        ),
        ("The bank was criticised for its slow response to fraud.",),
        find=_evaluative("3", "criticized-x-for"),
    ),
    Rule(
        "what-x-called",
        "attribution",
        "sentence",
        43,
        "'what X called \"Z\"' / 'which she described as a \"Z\"'",
        (
            E(
                'The closure followed what Minister Aldous Pryce called "a scandal of neglect."',
                "a scandal of neglect",
                "Aldous Pryce",
                "called",
            ),
            E(
                "The auditor criticised the depot contract, which she called “a gift to the builders.”",
                "a gift to the builders",
                "she",
                "called",
            ),
            E(
                'The sale went ahead for what the curator described as a "piece of local history."',
                "piece of local history",
                "curator",
                "described as",
            ),
        ),
        ('The mayor called a "crisis meeting" for Monday.',),
        find=_evaluative("4", "what-x-called"),
    ),
    Rule(
        "endorse-claim",
        "attribution",
        "sentence",
        50,
        "'X backed the claim that Y', 'X repeated the claim of Y'",
        (
            E(
                "The council repeated the claim that the hospital was never at risk.",
                "the hospital was never at risk",
                "council",
                "repeated",
            ),
        ),
        ("The council rejected the claim in a short statement.",),
        find=_endorse,
    ),
    Rule(
        "object-cue",
        "attribution",
        "sentence",
        70,
        "'X criticized Y' / 'X called for Y' (data/object_cues.tsv): the noun-phrase object is what X said or stood "
        "for; it ends at a comma, a new clause or the reporter's time and place",
        (
            E("The union criticized the new pension rules on Monday.", "the new pension rules", "union", "criticized"),
            E("Two senators called for an inquiry into the contract.", "an inquiry into the contract", "senators"),
            E("The mayor endorsed the harbour plan, saying it would bring jobs.", "the harbour plan", "mayor"),
            E("The union rejected the offer, calling for a new ballot of members.", "a new ballot of members", "union"),
            E("A new poll shows the mayor with a ten-point lead.", "the mayor with a ten-point lead", "poll"),
            E("The bishop warned of a housing crisis in the valley.", "a housing crisis in the valley", "bishop"),
            E("Ms. Okafor, who endorsed the harbour plan in May, spoke first.", "the harbour plan", "Okafor"),
            E("The senator is calling for an inquiry into the contract.", "an inquiry into the contract", "senator"),
            E("The ministry denied the allegations of torture.", "the allegations of torture", "ministry", "denied"),
            E("The club announced a new stadium for the city.", "a new stadium for the city", "club", "announced"),
            E("Early polls show voters rejecting the mayor.", "voters rejecting the mayor", "polls"),
            E("The April survey found the mayor leading her rival.", "the mayor leading her rival", "survey", "found"),
            E("The chairman cited rising costs in the harbour.", "rising costs in the harbour", "chairman", "cited"),
            E("Mr. Okafor likened the new tax to a toll.", "the new tax to a toll", "Okafor", "likened"),
            E("The council shut the pool, citing the cost of repairs.", "the cost of repairs", "council", "citing"),
            E(
                "The bishop criticized the mayor as ''a political showman'' on Sunday.",
                "the mayor as ''a political showman",  # a predicate in doubled single quotes stays with its object
                "bishop",
                "criticized",
            ),
            E(
                '"Nobody wants a third bridge," the mayor said, citing the traffic survey of 2019.',
                "the traffic survey of 2019",
                "mayor",  # the speaker of the sentence the participle hangs on
                "citing",
            ),
        ),
        (
            "The plan was criticized by engineers.",
            "The union's calls for a strike grew louder.",
            "The senator backed down after the vote.",
            "She wants to support the new pension rules.",
            "Police made two arrests, citing people familiar with the inquiry.",
            "The paper reported the merger, citing two senior officials.",
            "The law is being criticized by teachers.",
            "The ministry was denied access to the files.",
            "Police found a body in the river near the old mill.",
            "Ford recalled 200,000 trucks over faulty brakes.",
            "He watched the TV show the team posted online.",
        ),
        find=_object_cue,
    ),
    Rule(
        "according-to",
        "attribution",
        "sentence",
        60,
        "'according to X, Y' / 'Y, according to X' (X ends at a dash; with no comma before it, a clause and a name)",
        (
            E(
                "According to the coastguard, the trawler sank within minutes.",
                "the trawler sank within minutes",
                "coastguard",
                "According to",
            ),
            E(
                "The trawler sank within minutes, according to the coastguard.",
                "The trawler sank within minutes",
                "coastguard",
                "according to",
            ),
            E(
                "At the root of the delay, according to Mira Holt, a former site manager, was a shortage of steel.",
                "At the root of the delay, according to Mira Holt, a former site manager, was a shortage of steel",
                "Mira Holt",  # the lead is no statement on its own: the sentence goes on after the source
                "according to",
            ),
            E(
                "Over the next decade, according to the port authority, the harbour will double in size.",
                "Over the next decade, according to the port authority, the harbour will double in size",
                "port authority",
                "according to",
            ),
            E(
                "The levy would raise $2 billion a year, according to the Budget Office - a tenth of the deficit.",
                "The levy would raise $2 billion a year",
                "Budget Office",
            ),
            E(
                "The four winners will meet in a play-off for the last place according to UEFA as part of the draw.",
                "The four winners will meet in a play-off for the last place",
                "UEFA",
            ),
            E(
                "One option the board has weighed, according to a person close to the talks, is to sell the stadium.",
                "One option the board has weighed, according to a person close to the talks, is to sell the stadium",
                "person close to the talks",
            ),
            E(
                "Nearly 70 percent of voters view the mayor unfavorably according to the poll.",
                "Nearly 70 percent of voters view the mayor unfavorably",
                "poll",
            ),
        ),
        (
            "According to plan, the trawler left at dawn.",
            "Players in the junior league are ranked according to their scores in the last three rounds.",
            "The teams were seeded according to FIFA rankings.",
        ),
        find=_according_to,
    ),
    Rule(
        "put-figure-at",
        "attribution",
        "sentence",
        45,
        "'X put the death toll at 5,000': an estimate given as a figure",
        (
            E(
                "Local officials put the death toll at 1,200 on Sunday.",
                "the death toll at 1,200",
                "Local officials",
                "put",
            ),
        ),
        ("The workers put the boxes at the back of the hall.",),
        find=_put_figure_at,
    ),
    Rule(
        "impersonal-passive",
        "attribution",
        "sentence",
        55,
        "'It was announced (on Monday) that Y': an attribution with no named source",
        (E("It was announced on Monday that the carnival would move to the harbour.", "the carnival would move"),),
        ("It was raining on Monday when the carnival moved to the harbour.",),
        find=_impersonal_passive,
    ),
    Rule(
        "passive-told",
        "attribution",
        "sentence",
        56,
        "'Employees were told (that) Y': what an unnamed speaker told them",
        (E("Staff were told that the depot would close in March.", "the depot would close in March"),),
        ("I was told the depot would close in March.",),
        find=_passive_told,
    ),
    Rule(
        "as-x-said",
        "attribution",
        "sentence",
        65,
        "'As X noted, Y' / 'as X put it (in a statement), Y' / 'Y, as X put it.'",
        (
            E(
                "As the auditor noted, the council has no reserves left for repairs.",
                "the council has no reserves left",
                "auditor",
                "noted",
            ),
            E(
                "As Ms. Lund put it in a statement to the paper, the ferry is not for sale.",
                "the ferry is not for sale",
                "Lund",
                "put it",
            ),
            E(
                "The main test is a lawful source of income, as a Home Office memo put it.",
                "The main test is a lawful source of income",
                "Home Office memo",
                "put it",
            ),
            E(
                'As the economist Dana Reyes puts it, "Households are unmoved, and lenders are nervous."',
                "Households are unmoved",
                "Dana Reyes",
                "puts it",
            ),
            E(
                "As the harbour report notes, the pier has flooded four times since 2010.",
                "the pier has flooded four times",
                "harbour report",
                "notes",
            ),
        ),
        ("As the auditor arrived, the council meeting began.", "The town grew quickly, as expected."),
        find=_as_x_said,
    ),
]
SENTENCE_STEPS = priority_table(SENTENCE_RULES)

LINE_RULES = [
    Rule(
        "veto-nested-in-quote",
        "veto",
        "line",
        5,
        "a cue inside another speaker's quotation is part of what that speaker said",
        (
            E(
                '"The plan failed. The minister believes that the tax cut will pay for itself," said Omar Haddad.',
                "believes",
            ),
        ),
        ('"The tax cut will pay for itself," said Omar Haddad.',),
        find=drop_nested,
    ),
    Rule(
        "colon-speaker",
        "attribution",
        "line",
        10,
        "'Name: statement' lines of transcripts and headlines",
        (
            E(
                "Mayor Rosalind Achebe opened the market.\nRosalind Achebe: The market will stay open all winter.",
                "The market will stay open all winter",
                "Rosalind Achebe",
            ),
        ),
        ("Update: The market will stay open all winter.",),
    ),
    Rule(
        "quote-signature",
        "attribution",
        "line",
        20,
        "'\"Y.\" ― Jane Doe': a quotation signed with a dash and a name at the end of its line",
        (
            E(
                "Readers wrote in.\n“The new bridge is a waste of money. Nobody asked us.” ― Maria Olsen",
                "Nobody asked us",
                "Maria Olsen",
            ),
            E(
                "Readers wrote in.\n“The ferry is always late.”―\u00a0Tom de Vries.",
                "The ferry is always late",
                "Tom de Vries",
            ),
        ),
        ("“The new bridge is a waste of money,” she said — Maria Olsen agreed with her.",),
    ),
]

# an overlap between candidates of one sentence is settled by the stage's priority, cue verbs in reading order
_GROUP_PRIORITY = {r.id: 10 for r in CUE_RULES} | {r.id: r.priority for r in SENTENCE_RULES}


class RuleAttributor:
    """The rule-based attributor: the rules above, applied in priority order, overlaps settled by a policy."""

    def __init__(self, overlap_policy: OverlapPolicy = prioritize_higher_rules):
        self.overlap_policy = overlap_policy

    def attribute_line(
        self, text: str, sentences: list[Sentence], line_index: int, headline: bool = False
    ) -> list[Attribution]:
        out: list[Attribution] = []
        regions = None
        if sentences and C._QUOTE_IN.search(text, sentences[0].start, sentences[-1].end):
            regions = quote_regions(text, sentences[0].start, sentences[-1].end)
        for sent in sentences:
            out.extend(self.attribute_sentence(text, sent, headline, regions))
        if sentences and ":" in text[sentences[0].start : sentences[0].end]:
            out.extend(_colon_speaker(text, sentences, out))
        if sentences and _SIGNATURE_DASH.search(
            text, max(sentences[0].start, sentences[-1].end - 90), sentences[-1].end
        ):
            out.extend(_quote_signature(text, sentences, out))
        return out

    def attribute_sentence(
        self, text: str, sent: Sentence, headline: bool = False, regions: list | None = None
    ) -> list[Attribution]:
        sc = SentenceContext(text, sent, headline)
        for rule in SENTENCE_STEPS:
            rule.find(sc)
        if len(sc.found) < 2:
            return sc.found
        # a cue inside another speaker's quotation goes before overlaps are settled, or it could win them
        found = drop_nested(text, sc.found, regions) if regions else sc.found
        kept, dropped = self.overlap_policy(found, _GROUP_PRIORITY)
        for d in dropped:
            note(d.rule_id, "overlap", d.cue, d.mention_start, text[d.start : d.end])
        return kept


DEFAULT_ATTRIBUTOR = RuleAttributor()


def base_confidence(a: Attribution) -> float:
    if a.cue_kind == "according":
        return 0.75
    if a.cue_kind == "noun":
        return 0.55
    return _CLASS_CONF.get(a.cue_kind, 0.6)
