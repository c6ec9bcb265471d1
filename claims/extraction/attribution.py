"""Stage 3: attribution — find (source mention, cue, content span) in each sentence.

``Attributor`` is the protocol the pipeline uses; ``RuleAttributor`` implements it with the cue
lexicon of :mod:`claims.extraction.lexicon` (a statistical tagger can implement the same protocol).

Constructions handled, per sentence:

* preposed:   ``X said (on Tuesday) (that) Y`` / ``X told reporters Y`` / ``X said: "Y"`` /
  ``X claimed to have Y`` — the subject is the noun phrase closing the clause before the cue
  (appositives ``Mr. P, the Kremlin spokesman, said`` are kept in the mention);
* postposed:  ``"Y," X said.`` / ``Y, said X.`` / ``Y, X said on Monday, adding ...``;
* parenthetical: ``Y1, X said, Y2`` (the whole sentence is the content);
* ``according to X, Y`` / ``Y, according to X``;
* noun cues:  ``X's claim that Y``;
* participles continuing the clause's source: ``..., adding that Y``;
* headline lines: ``Separatists claim control of a town``.

Content spans exclude the quotation marks around the content and trailing ``, ; : .``.
Multi-sentence quotations and quote continuations are handled by the pipeline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from . import lexicon as L
from .quotes import QUOTE_CHARS
from .records import Attribution, Sentence


def _trie_regex(words: list[str]) -> str:
    """A compact alternation (shared prefixes factored out) — much faster than a flat list."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts, end = [], False
        for ch, sub in sorted(node.items()):
            if ch == "":
                end = True
            else:
                alts.append((r"\s+" if ch == " " else re.escape(ch)) + emit(sub))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + ("?" if end else "")

    return emit(trie)


_forms = sorted(set(L.LEMMA_OF) | set(L.CUE_PHRASES))
CUE_RE = re.compile(r"\b(?<![’'-])" + _trie_regex(_forms) + r"(?![\w’'-])", re.IGNORECASE)
# the same pattern for lower-cased text (case-sensitive matching is several times faster)
_CUE_LOW_RE = re.compile(CUE_RE.pattern)
NOUN_CUE_RE = re.compile(
    r"(?:’s|'s|’|')\s+(?:[a-z]+\s+)?(?P<cue>"
    + "|".join(L.NOUN_CUES)
    + r")\s*(?:\s[–—-]\s[^–—]{1,60}\s[–—-]\s*|\s*,\s*[^,]{1,60},\s*)?\s*that\s",
    re.IGNORECASE,
)
_POSSESSOR_RE = re.compile(r"((?:[\w.&-]+\s+){0,5}[\w.&-]+)$")
NOUN_CUE_POS_RE = re.compile(
    r"\b(?:its|his|her|their)\s+(?:[a-z]+\s+){0,2}(?:" + "|".join(L.NOUN_CUES) + r")\s+that\s", re.IGNORECASE
)
IN_STATEMENT_RE = re.compile(
    r"^\s*In (?:a|an|its|his|her|their) (?:written |joint |brief )?(?:statement|post|"
    r"tweet|interview|release|message|letter|note|update)(?: [^,]{0,40})?,\s*",
    re.I,
)
ACCORDING_RE = re.compile(r"\b(?:according to|in the words of)\s+", re.IGNORECASE)
_ACCORDING_LOW_RE = re.compile(ACCORDING_RE.pattern)
DESCRIBE_RE = re.compile(
    r"(?<![\w-])(?:described|describes|characteri[sz]ed|characteri[sz]es|portrayed|portrays|"
    r"branded|brands|label(?:l)?ed|dismissed|dismisses|hailed|hails)(?=\s+(?!as\b)\w)"
)
_AS_CLAUSE = re.compile(r"(?:they|he|she|it|we|I|you|there|the\s+\w+\s+(?:was|were|is|are|had|has))\b")
_AS_RE = re.compile(r"(?<=[\w’'”\"])\s+as\s+(?=\w)")
_AS_END = re.compile(
    r"[,;:(–—]|\s+(?:and|but|while|because|after|before|when|since)\s+"
    r"|\s+(?:to|in order to)\s+(?=[a-z]+\s)"
)
ENDORSE_RE = re.compile(
    r"(?<![\w-])(?P<cue>(?:backs?|backed|supports?|supported|repeats?|repeated|renews?|renewed|"
    r"endorses?|endorsed|echoe?s|echoed|stands? by|stood by)\s+(?:the\s+|a\s+|its\s+|his\s+|her\s+|"
    r"their\s+)?(?:[\w’'-]+(?:’s|'s)\s+)?(?:claims?|allegations?|assertions?|accounts?))\s+(?:of|that)\s+",
    re.IGNORECASE,
)

_WORD_RE = re.compile(r"[\w’'.&-]+")
_TIME_RE = re.compile(r"\s*(?:(?:" + L.TIME_WORDS + r")\b[\s,]*)+", re.IGNORECASE)
_CHANNEL_RE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|through|over|from|after|before|to|with|near|outside|inside|across|along|"
    r"behind|ahead of)\s+[^,;:“\"]{1,80}?\s+)??"
    r"that\s+",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\s*that\b\s*", re.IGNORECASE)
_TAIL_START = re.compile(
    r"\s*(?:$|[.!?…]|[,;–—-]\s*(?:adding|saying|citing|referring|according|noting|in|on|at|speaking|as|"
    r"while|after|before|without|who|which|when|though|although|but|and|in|during|explaining|arguing|"
    r"warning|insisting|stressing|pointing|calling|describing|writing|telling|because|where|since|"
    r"than|despite|amid|following|with|without|whose|the|a|an|his|her|their|its|\w+ing)\b|"
    r"(?:in|on|at|during|via|through|over|from|after|before|to|with|of|about|when|while|as|without|"
    r"amid|following|outside|inside|near|by)\b)",
    re.IGNORECASE,
)
_PREP_START = re.compile(
    r"\s*(?:in|on|at|during|via|through|over|from|after|before|to|with|of|about|for|"
    r"when|while|as|without|amid|following|outside|near|by)\b",
    re.IGNORECASE,
)
_BOUNDARY_RE = re.compile(
    r"\b(?:while|whilst|as|after|because|since|although|though|when|whenever|where|if|so|then|that|which|"
    r"whereas|before|until|unless|once|is|are|was|were|came|comes|come|has been|have been|had been)\s+",
    re.IGNORECASE,
)
_AND_RE = re.compile(r"(?<=[a-z0-9,])\s+(?:and|but|or|yet)\s+", re.IGNORECASE)
_LEAD_RE = re.compile(
    r"^\s*(?:and|but|so|yet|or|still|meanwhile|however|also|now|then|moreover|indeed)\b,?\s*", re.IGNORECASE
)
_TRAIL_AUX_RE = re.compile(
    r"(?:\s+(?:has|have|had|is|was|were|are|will|would|could|should|may|might|must|"
    r"can|did|does|do|also|later|earlier|previously|already|then|now|again|once|"
    r"repeatedly|publicly|privately|reportedly|separately|further|recently|first|meanwhile|"
    r"not|never|often|always|still|even|just|had|not|who|which|that|initially|"
    r"originally|too|been|being|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|this\s+week|last\s+week|yesterday|today|"
    r"in\s+(?:a|an|its|his|her|their)\s+[\w\s]{1,30}?))+\s*$",
    re.IGNORECASE,
)
# every last word _TRAIL_AUX_RE can end on, apart from its "in a|an|its... <words>" branch
_TRAIL_AUX_LAST = frozenset(
    L._wordlist(
        "has have had is was were are will would could should may might must can did does do also later earlier "
        "previously already then now again once repeatedly publicly privately reportedly separately further recently "
        "first meanwhile not never often always still even just who which that initially originally too been being "
        "monday tuesday wednesday thursday friday saturday sunday week yesterday today"
    )
)
# 'while police cleared the square as they had promised': the "subject" before a postposed cue spans a clause
_SUBORDINATE_SUBJ = re.compile(
    r"\s(?:while|whilst|as|after|because|since|although|though|when|whenever|where|if|whereas|before|until|"
    r"unless|once)\s",
    re.IGNORECASE,
)
# "Name: statement" at the start of a line
_COLON_NAME = re.compile(r"\s*((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+)\s*:\s+(?=\S)")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
# labels that open a line with a colon without being a speaker
_COLON_STOP = frozenset(
    L._wordlist(
        "update updated note editor breaking exclusive watch read related source sources photo photos video live "
        "opinion analysis question answer q a warning correction clarification disclaimer disclosure transcript "
        "background summary bottom step part chapter day week tags topics share listen subscribe follow contact "
        "email tip tips fact facts verdict rating claim context why what how who when where the this that here "
        "there also plus more see click full first second third last next today tonight yesterday now result "
        "results poll polls data chart graph map table figure image caption credit via by from with and but or "
        "key lesson lessons takeaway takeaways bonus quote quotes headline headlines timeline latest ps p.s "
        "interview reporter moderator host anchor audience crowd voice speaker unidentified unknown"
    )
)
# where a reported statement usually ends and the reporter's narration resumes
_CLAUSE_END_RE = re.compile(
    r",?\s+(?:and|but)\s+(?:he|she|they|we|I)\s+(?:also\s+)?[a-z]+(?:ed|[^s]s)\b"
    r"|,?\s+but\s+(?:did\s+not|didn[’']t|declined|refused|would\s+not|wouldn[’']t)\b"
    r"|(?P<rel>,\s+(?:which|who)\s+)"
    r"|,\s+(?!including\b)[a-z]{3,}ing\s+(?:the|a|an|his|her|their|its|that|to|on|in|it|him|them)\b"
    r"|(?P<dash>\s[—–]\s)"
)
# an opening quotation mark not closed yet
_QUOTE_OPEN_AT_END = re.compile(r"“[^”]*$|^[^\"]*(?:\"[^\"]*\"[^\"]*)*\"[^\"]*$")
# ', the world could suffer ...': a clause (subject then auxiliary/modal) continues the statement
_CLAUSE_AFTER_COMMA = re.compile(
    r",\s*(?:the|a|an|his|her|their|its|this|that|these|those|he|she|it|they|we|I|there)\b(?:\s+[\w’'-]+){0,5}?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do)\b"
)
# a short statement that is a quotation on its own: '"I'm honored!" she said.'
_FULLY_QUOTED = re.compile(r"(?:[“\"]|'')[^“”\"]+(?:[”\"]|'')$")
# evaluative claims: "called Y a Z", "called Y “Z”", "accused Y of Z", "criticized Y for Z"
_EVAL_OBJ = (
    r"(?P<obj>(?:him|her|them|it|this|that|these|those|himself|herself|themselves|us|me|you"
    r"|(?:(?:the|his|her|their|its|this|that|both|our)\s+)?(?:[A-Z][\w’'.-]*|[a-z][\w-]*(?:’s|'s))"
    r"(?:\s+(?:[A-Z][\w’'.-]*|and)){0,4}"
    r"|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w.-]*(?:’s|'s)\s+(?:[\w-]+\s+){0,4}[\w-]+"
    r"|(?:the|his|her|their|its|this|that|our)\s+(?:[\w-]+\s+){0,5}[\w-]+))"
)
_EVAL_RE = re.compile(
    r"(?<![\w-])(?:(?P<cue>call(?:ed|s|ing)?)\s+" + _EVAL_OBJ + r"\s+(?:(?P<q>[“\"]|'')(?=\w)|(?:a|an)\s+"
    r"(?!(?:hour|minute|day|week|month|year|few|couple|second|number|total|lot|bit|while|time|"
    r"moment|dozen|hundred|thousand|million|half|quarter|series|meeting|news|press|vote|halt|cab|taxi|doctor|lawyer)\b)"
    r"(?=[a-z“\"]))"
    r"|(?P<cue2>accus(?:ed|es|ing|e))\s+" + _EVAL_OBJ.replace("obj", "obj2") + r"\s+of\s+(?=\w)"
    r"|(?P<cue3>critici[sz](?:ed|es|ing|e))\s+" + _EVAL_OBJ.replace("obj", "obj3") + r"\s+for\s+(?=\w)"
    r"|(?P<cue4>called|calls)\s+(?P<obj4>)(?P<q4>[“\"]|'')(?=\w))"
)
# 'what Gilbert called "a perception problem"': the speaker after a relative pronoun
_REL_CALLER = re.compile(
    r"\b(?:what|that|which|whom)\s+((?:[\w’'.-]+,?\s+){0,7}?[\w’'.-]+),?\s+"
    r"(?:(?:has|had|have|once|also|later|then|famously|on\s+\w+)\s+)*$"
)
_EVAL_CUE_LOW = re.compile(r"(?<![\w-])(?:call|accus|critici[sz])")
_EVAL_OBJ_LAST_STOP = frozenset(L._wordlist("and or of to in with for on at by from as into about"))
_EVAL_OBJ_STOP = re.compile(r"(?:for|on|in|up|off|out|back|to|at|by|with|from|upon)\b", re.IGNORECASE)
_EVAL_END = re.compile(
    r"[;:(]|\s+(?:and|but)\s+(?:said|says|added|told|insisted|warned|accused|called)\b|,\s+(?:and|but)\s"
)
_CLOSE_QUOTE = re.compile(r"[”\"]|''")
# '"Y," he continued': a closing quotation, then the speaker just before the cue
_QUOTE_THEN_SUBJECT = re.compile(r"(?:[,?!][”\"’]|,'')\s*(?:[\w.’'-]+\s+){1,4}$")
_CHUNK_SEP = re.compile(r"(?:(?<!\d)[,:]|[,:](?!\d))\s*")  # not "12,000"
_THAT_END = re.compile(r"\bthat\s*,\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:’s|'s)$")
# "Moscow over the past few days (has said)": a time phrase after the subject
_TIME_PP_TAIL = re.compile(
    r"\s+(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:(?:few|several|two|three|\d+)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
_QUOTE_RESUMES = re.compile(r"\s*,\s*(?:[“\"]|'')\s*\w")
# '..., said Steve Bell, senior director of policy at the center(, who ...).': the rest is an appositive
_APPOSITIVE_REST = re.compile(r",\s*[^,;:“”\"]{1,120}?(?:,\s*(?:who|which)\b[^“”\"]*)?[.!?]?$")
_APPOS_RELATIVE = re.compile(r",\s*(?:who|which)\b.*$", re.S)
# '"Y," X told the victims' families.': a few more words after a postposed cue, no new clause
_SHORT_TAIL = re.compile(r"(?:\s+(?!that\b|who\b|which\b)[^\s“”\"]+){0,8}\s*$")
_SOURCE_PARTICIPLE = re.compile(
    r"\s+(?:conducted|released|published|issued|filed|obtained|prepared|carried out|"
    r"commissioned|compiled|reported|sent|written)\b"
)
_LEAD_END = re.compile(r"[,(–—]\s*$")
# what may open a sentence before "according to X, Y" without being content
_ADVERBIAL_LEAD = re.compile(
    r"\s*(?:(?:and|but|yet|so|still|however|now|also|instead|meanwhile|moreover|indeed|"
    r"in fact|in addition|at the same time|last \w+|this \w+|on \w+)\s*,?\s*)*",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r"\s+(?:who|which|whom)\s+.*$", re.IGNORECASE)
_PARTICIPLE_CUT = re.compile(r"\s+(?:\w+ing|who|which|whose)\b.*$")
_VERBISH = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|can|could|should|must|did|does|do|"
    r"may|might)\s",
    re.IGNORECASE,
)

_NOUNY_FORMS = {
    "claim",
    "claims",
    "report",
    "reports",
    "note",
    "notes",
    "pledge",
    "pledges",
    "promise",
    "promises",
    "warning",
    "estimate",
    "estimates",
    "fear",
    "fears",
    "hope",
    "hopes",
    "doubt",
    "doubts",
    "show",
    "shows",
    "state",
    "states",
    "post",
    "posted",
    "charge",
    "charged",
    "counter",
    "demand",
    "demands",
    "remarks",
    "tweet",
    "tweets",
    "stress",
    "find",
    "said",
    "saying",
    "alleged",
    "stated",
    "reported",
    "estimated",
    "expected",
    "continued",
    "thought",
    "feel",
    "view",
    "finding",
    "project",
    "projected",
    "forecast",
    "signal",
    "signals",
    "concluded",
    "declared",
    "added",
    "written",
    "told",
    "vow",
    "vows",
    "answer",
    "recall",
    "survey",
    "statement",
    "repeated",
    "maintained",
    "observed",
    "noted",
    "confirmed",
    "announced",
    "admitted",
    "proposed",
    "threatened",
    "affirmed",
    "denied",
    "warned",
    "rules",
    "ruling",
    "ruled",
}
# adjectives that make a following cue form a noun: "the consensus estimate", "its earlier forecast"
_NOUN_CUE_HEAD = re.compile(
    r"(?:a|an|the)\s+(?:charge|claim|allegation|accusation|assertion|contention|view|position|"
    r"notion|idea|suggestion|figure|account)\s+(?:that\s+)?\w"
)
_OUT_RE = re.compile(r"\s+out\b")
_NOUN_ADJECTIVES = frozenset(
    L._wordlist(
        "average consensus median mean earlier previous prior initial latest own new final preliminary revised "
        "annual quarterly monthly upper lower original"
    )
)
# "The claim, shared on Facebook 12,000 times, says": a participial or relative phrase is not an appositive name
_APPOSITIVE_NOT_NP = re.compile(r"\w+ing\b|[a-z]+ed\s+(?:on|in|by|at|from|to|with|for|across|over|online)\b|who|which")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{2,}(?![\w’'-])")
_PASSIVE = {"is", "was", "were", "are", "be", "been", "being", "get", "got", "gets"}
_STANCE_OBJECT = re.compile(
    r"\s*(?:its|his|her|their|our)\s+(?:[a-z]+\s+)?(?:intention|intent|plans?|readiness|"
    r"commitment|determination|willingness|desire|wish|decision|refusal)\s+to\s+[a-z]"
)
# 'said X, 65, who ...' / 'said X, its president and CEO.': an appositive after an inverted subject
_APPOSITIVE_TAIL = re.compile(r",\s*(?:\d{1,3}\b|(?:a|an|the|its|his|her|their|who|which|co-|[a-z]+\s+of\b)|[A-Z])")
# 'said (Thursday) (on Twitter), "Y"'
_CHANNEL_QUOTE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|through|over|to|with|from)\s+[^,;:“\"]{1,60}?)?\s*[,:]\s*"
    r"(?=[“\"‘]|'')",
    re.IGNORECASE,
)
_PROGRESSIVE_CONTENT = re.compile(r"\s*(?:[^,.;:“”\"]{0,40}?\s)?(?:that\b|:|[“\"])|\s*,\s*[“\"]")
_PROGRESSIVE_AUX = {"is", "was", "were", "are", "be", "been", "am"}
# "X, while saying Y, ..." / "X did Z despite saying Y": a speech participle inside an adjunct
_ADJUNCT_ING = re.compile(r"\b(?:while|whilst|despite|after|when|by|upon)\s*$", re.IGNORECASE)
_SPEECH_ING = {
    "saying",
    "claiming",
    "insisting",
    "arguing",
    "warning",
    "stressing",
    "noting",
    "admitting",
    "acknowledging",
    "asserting",
    "announcing",
    "declaring",
    "promising",
    "pledging",
    "vowing",
}
# a verb coordinated with the clause's first verb: "X has indicated ... and said Y"
_COORD_END = re.compile(
    r"(?:^|\s)(?:and|but)(?:\s+(?:also|then|later|again|has|have|had|repeatedly|publicly))?$", re.IGNORECASE
)
# clause openers for ``_clause_subject``
_CLAUSE_BREAK = re.compile(
    r"[,;]\s*(?:while|whilst|whereas|but|and|although|though|as)\s+|;\s*"
    r"|\s+(?:while|whereas)\s+",
    re.IGNORECASE,
)
_LEAD_ADVERBIAL = re.compile(
    r"(?:(?:On|In|At|During|After|Before|Since|Last|Earlier|Later|Less|More|Ahead|By|With|"
    r"From|Over|For|Despite|Meanwhile|However|Still|Yet|Also|Then|Now|Separately|Today|"
    r"Yesterday)\b[^,;:“”\"]{0,60},\s*)+"
)
_FINITE = re.compile(
    r"(?<![\w’'-])(?:[a-z]{2,}ed|hit|said|told|made|gave|took|sent|held|met|wrote|spoke|put|set|left|"
    r"came|went|began|sought|brought|kept|won|lost|saw|is|was|are|were|has|had|have|will|would|can|"
    r"could|should|may|might|must|did|does|do|says|tells|makes|gives|takes|sends|holds|meets|writes|"
    r"releases|issues|signs|calls|orders)(?![\w’'-])"
)
_PARTICIPIAL_CHUNK = re.compile(r"\s*(?:[a-z]+ing|(?:led|backed|supported|funded|armed|based|known)\s+(?:by|in|as))\b")
_PARTICIPLE_TRIM = re.compile(
    r"\s+[a-z]{3,}ing\s+(?:from|under|in|at|on|to|for|with|near|inside|outside|along|"
    r"across|into|the|a|an|his|her|its|their)\b.*$"
)
_RECIPIENT_RE = re.compile(
    r"\s+(?:" + L.RECIPIENTS + r")(?=\s*(?:that\b|on\b|in\b|at\b|during\b|,|:|“|\"|[.!?]|$)|"
    r"\s+[A-Z]|\s+[a-z]+\s+[a-z])"
)
_SPACE_THAT = re.compile(r"\s+(?:that)\b")
_TIME_TAIL = re.compile(r"(?:\s*(?:" + L.TIME_WORDS + r"))*\s*(?:[.!?]|,\s*\w+ing\b|$)", re.I)
_CONTENT_END_RE = re.compile(
    r",\s*(?:adding|saying|citing|referring to|according to|noting|he added|she added|while|"
    r"whereas)\b|,?\s+(?:and|but)\s+(?:also\s+)?(?=(?:said|says|added|told|insisted|warned|maintained|argued|"
    r"stressed|noted|acknowledged|conceded|admitted|denied|claimed|contended)\b)"
    r"|,\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:position|claim|charge|view|assertion|stance|allegation|accusation|figure|"
    r"account|contention|characteri[sz]ation|description|assessment)\s+(?:that|which|the|[A-Z])"
    r"|(?:,\s*|\s+)(?:and|but|while|whereas)\s+(?=(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}"
    r"(?:has\s+|had\s+|have\s+|also\s+)?(?:said|says|announced|added|told|insisted|warned|claimed|"
    r"denied|argued|stated|noted|confirmed|reported|estimated|believes|believed)\b)"
    r"|,[”\"’]?\s+(?:he|she|they|it)\s+(?:said|added|says)\b"
)
_SPACES = re.compile(r"\s+")
_COLON_QUOTE_THAT = re.compile(r"\s*(?:[:“\"]|that\b)")
_THAT_COLON_QUOTE = re.compile(r"\s*(?:that\b|:|[“\"])")
_COMMA_QUOTE_END = re.compile(r"[,”\"’]\s*$")
_ACCORDING_OPEN = re.compile(r"\baccording to\b[^,;:]*$", re.IGNORECASE)
# last characters (of right-stripped text) that end a clause / a quotation
_PUNCT_CHARS = frozenset(",;–—")
_INVERTED_CHARS = frozenset(',”"’?!—–-')
_QUOTED_CHARS = frozenset('”"’?!')
_NOUN_MARKERS = frozenset(L.DETERMINERS | {"of", "for", "such", "no", "any"})
_QUOTED_END = re.compile(r"(?:[”\"’?!]|’’|'')\s*$")
_COLON = re.compile(r"\s*:\s*")
_OPEN_QUOTE = re.compile(r"\s*[“\"]")
_COMMA = re.compile(r"\s*,")
_COMMA_SPACE = re.compile(r",\s*")
_TO_INF = re.compile(r"\s*to\s+[“\"]?\w")
_PRONOUN_CLAUSE = re.compile(r"\s*(?:it|he|she|they|we|I|there)\s+(?:\w+\s+)?\w")
_NOT_CONTENT = re.compile(
    r"\s*(?:to|of|about|for|with|goodbye|hello|nothing|so|yes|no|thanks|sorry)\b"
    r"|\s*(?:a|the|another)\s+(?:[a-z]+\s+)?(?:story|tale|stories)\b",  # "the trial tells a different story"
    re.IGNORECASE,
)
_QUOTE_IN = re.compile(r"[“”\"«»]|’’|''")
# headlines: a commitment verb with a noun-phrase object ("allies pledge air defence") is an action
# report; its content must be a clause, shown by a finite auxiliary, copula or modal before any comma
_HEADLINE_CLAUSE = re.compile(
    r"[^,;:“”\"]{0,80}?(?<![\w’'-])(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|"
    r"won’t|won't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|doesn’t|doesn't|didn’t|didn't|not|to\s+be)(?![\w’'-])"
)
_COMMIT_VERBS = frozenset({"pledge", "vow", "promise", "charge"})  # "Poll shows bump" stays a (checkable) finding
# headlines: ", Russia inches towards Bakhmut" (comma + a new capitalised subject and a predicate) opens a second
# headline clause — the statement stops before it
_HEADLINE_NEXT_CLAUSE = re.compile(r",\s+(?=(?:[A-Z][\w’'.-]*\s+){1,3}[a-z]{2,}\b)")
_PRONOUN_SUBJ = {"he", "she", "they", "it", "we", "i", "you"}
_CLASS_CONF = {"speech": 0.8, "report": 0.7, "belief": 0.6}
MIN_CONTENT_WORDS = 3


class Attributor(Protocol):
    """Anything that finds attributions in the sentences of one line."""

    def attribute_line(
        self, text: str, sentences: list[Sentence], line_index: int, headline: bool
    ) -> list[Attribution]: ...


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


_LOWERED: tuple[str | None, str | None] = (None, None)


def _lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (cached for the article being processed), else None."""
    global _LOWERED
    cached = _LOWERED
    if cached[0] is text:
        return cached[1]
    low = text.lower()
    if len(low) != len(text):
        low = None
    _LOWERED = (text, low)
    return low


def _finditer_ci(pattern_low: re.Pattern, pattern_ci: re.Pattern, text: str, s0: int, s1: int):
    """Case-insensitive matches as (start, end) pairs, found on the lower-cased article when possible."""
    low = _lowered(text)
    if low is None:
        return [(m.start(), m.end()) for m in pattern_ci.finditer(text, s0, s1)]
    return [(m.start(), m.end()) for m in pattern_low.finditer(low, s0, s1)]


class _Hit:
    """A match-like view of ``text[start:end]`` (the cue as written in the article)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


def _last_word(text: str, s0: int, pos: int) -> str:
    ws = _words(text[max(s0, pos - 30) : pos])
    return ws[-1].lower() if ws else ""


def _looks_named(mention: str) -> bool:
    return any(w[:1].isupper() for w in _words(mention))


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace, quotation marks and trailing , ; : . (keep ? ! and ellipses)."""
    while s < e and (text[s].isspace() or text[s] in QUOTE_CHARS or text[s] in ":,;—–-"):
        s += 1
    while e > s:
        c = text[e - 1]
        if c.isspace() or c in ",;:—–-" or c in QUOTE_CHARS or c == "." and not text.endswith("..", s, e):
            e -= 1
        else:
            break
    # an opening quote left alone at the end after trimming, or a closing one at the start
    return s, e


def _is_quote_open(text: str, s: int, e: int) -> bool:
    """Whether the span contains quotation marks (the statement is quoted, fully or partly)."""
    return _QUOTE_IN.search(text, s, e) is not None


@lru_cache(maxsize=65536)
def _clean_mention(m: str) -> str:
    m = m.strip().strip(",;:").strip()
    m = _LEAD_RE.sub("", m)
    for _ in range(3):
        if m.rsplit(None, 1)[-1].lower() not in _TRAIL_AUX_LAST and "in" not in m.lower() if m else True:
            break  # _TRAIL_AUX_RE cannot match: the last word is no auxiliary/adverb and there is no "in ..."
        m2 = _TRAIL_AUX_RE.sub("", " " + m).strip()
        if m2 == m:
            break
        m = m2
    m = _TIME_PP_TAIL.sub("", m)
    return m.strip().strip(",;:").strip()


@lru_cache(maxsize=65536)
def _np_ok(m: str) -> bool:
    ws = _words(m)
    if not ws or len(ws) > 14:
        return False
    low = m.lower()
    if ws[0].lower() in ("in", "on", "at", "of", "to", "for", "from", "with", "by", "as", "after", "and", "but"):
        return False
    if any(c in m for c in '“”"') or _VERBISH.search(" " + low + " "):
        return False
    if _NOUN_CUE_HEAD.match(low):
        return False  # "..., a charge the Kremlin denies": the reporter's gloss on the statement
    return any(w[0].isupper() for w in ws) or ws[0].lower() in _PRONOUN_SUBJ or len(ws) <= 8


def _clause_subject(text: str, s0: int, pos: int, coordinated: bool = False) -> tuple[str, int] | None:
    """The subject of the clause that ``pos`` continues: (mention, absolute start) or None.

    "On Monday, a close ally of X, Chechen leader Y, released a video, assuring ..." -> "a close ally of X,
    Chechen leader Y"; "X has indicated its support ... and said" -> "X".
    """
    seg = text[s0:pos]
    start = 0
    for m in _CLAUSE_BREAK.finditer(seg):
        if coordinated and m.end() >= len(seg.rstrip()) - 12:
            continue  # the "and" joining the verbs themselves
        start = m.end()
    lm = _LEAD_ADVERBIAL.match(seg, start)
    if lm:
        start = lm.end()
    body = seg[start:]
    vm = None
    for v in _FINITE.finditer(body):
        prev = body[: v.start()].rstrip().rsplit(" ", 1)[-1].lower()
        if prev in L.DETERMINERS or prev.endswith(("’s", "'s")) or not prev:
            continue  # "the armed forces", "Ukraine's armed forces"
        vm = v
        break
    subj = body[: vm.start()] if vm else body
    if any(c in (subj if coordinated else body) for c in '“”"'):
        return None  # (a quotation in the first verb's object does not hide the subject of "... but said")
    subj = _clean_mention(subj.strip().rstrip(",").strip())
    if not subj or len(_words(subj)) > 14 or not _np_ok(subj.replace(",", " ")):
        return None
    if not (any(w[:1].isupper() for w in _words(subj)) or subj.lower() in _PRONOUN_SUBJ):
        return None
    subj = _PARTICIPLE_TRIM.sub("", subj) or subj
    return subj, s0 + start + body.find(subj)


# a present-tense verb after a singular subject noun: "The result contradicts ...", "the data shows ..."
_VERB_3SG = re.compile(r"[a-z]{2,}(?:[^su\W’'s]s|[sxz]es|[cs]hes)")
_PLURAL_NOUN = re.compile(r"[a-z]+(?:[^su\W]s|[sxz]es|[cs]hes)")


def _verb_in_np(mention: str) -> int | None:
    """Index (in ``mention.split()``) of a finite verb inside a would-be subject noun phrase, or None.

    Only the plain clause shape "Det Noun Verb Object...": "The result contradicts earlier models" ->
    "contradicts" (a present-tense verb after a singular noun), "the agency told the ministry" -> "told".
    Participles ("experts interviewed by ..."), -ing objects and capitalised words are not taken for verbs.
    """
    ws = mention.split()
    if len(ws) < 4 or ws[0].lower() not in L.DETERMINERS:
        return None
    noun, w, nxt = ws[1], ws[2], ws[3].lower()
    if not (noun.isalpha() and noun.islower() and w.isalpha() and w.islower() and nxt.isalpha()):
        return None
    if noun in L.DETERMINERS or noun in _NOUN_MARKERS or noun.endswith("ly") or nxt.endswith("ing"):
        return None
    if nxt in ("by", "in", "at", "on", "from", "with", "for", "to", "of", "as", "under", "and", "or"):
        return None  # "the officials based in Kyiv": a participle phrase
    if _VERB_3SG.fullmatch(w) and not _PLURAL_NOUN.fullmatch(noun):
        return 2
    if _FINITE.fullmatch(w) and not w.endswith("ed"):
        return 2
    return None


def _subject_before(text: str, s0: int, cue_start: int) -> tuple[str, int] | None:
    """The noun phrase before a cue: (mention, absolute start)."""
    pre = text[s0:cue_start]
    # work on comma chunks (not inside quotes)
    chunks: list[tuple[int, int]] = []
    last = 0
    for m in _CHUNK_SEP.finditer(pre):
        chunks.append((last, m.start()))
        last = m.end()
    chunks.append((last, len(pre)))
    # "separatist forces in the east, fighting under the Kremlin's banner announced": drop the participial phrase
    while len(chunks) >= 2 and _PARTICIPIAL_CHUNK.match(pre, chunks[-1][0]) and chunks[-1][0] < chunks[-1][1]:
        chunks.pop()
        pre = pre[: chunks[-1][1]]
        chunks[-1] = (chunks[-1][0], len(pre))

    def cut(a: int, b: int) -> tuple[int, int]:
        seg = pre[a:b]
        # clause boundary words (subordinators, copulas); keep the part after the last one
        ms = list(_BOUNDARY_RE.finditer(seg))
        if ms:
            a2 = a + ms[-1].end()
            if _clean_mention(pre[a2:b]):
                a = a2
            elif len(ms) >= 1:
                # "Lavrov who has said": subject is before the relative pronoun
                b = a + ms[-1].start()
                seg2 = pre[a:b]
                ms2 = list(_BOUNDARY_RE.finditer(seg2))
                if ms2:
                    a = a + ms2[-1].end()
        seg = pre[a:b]
        ms = [x for x in _AND_RE.finditer(seg) if not re.search(r"(?:^|\s)[A-Z][\w.’'-]*$", seg[: x.start()])]
        if ms:
            a2 = a + ms[-1].end()
            if _clean_mention(pre[a2:b]):
                a = a2
        return a, b

    a, b = chunks[-1]
    a, b = cut(a, b)
    # "Officials from the U.K., Germany and France said": a list of names spans several chunks
    ci = len(chunks) - 1
    while (
        ci > 0
        and a == chunks[ci][0]
        and re.match(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+(?:and|or)\s+[A-Z]", pre[a:b])
        and re.search(r"[A-Z][\w.’'-]*$", pre[chunks[ci - 1][0] : chunks[ci - 1][1]])
    ):
        ci -= 1
        a = cut(*chunks[ci])[0]
    mention = _clean_mention(pre[a:b])
    if mention and mention.lower().split()[0] in ("who", "which"):
        mention = ""
    if not mention and len(chunks) >= 2:
        # "Mr. P, the Kremlin spokesman, said" / "Germany, for its part, assured"
        if len(chunks) >= 3:
            a3, b3 = cut(*chunks[-3])
            head = _clean_mention(pre[a3:b3])
            app = pre[chunks[-2][0] : chunks[-2][1]].strip()
            if head and _np_ok(head):
                if app and not _PREP_START.match(app) and not _APPOSITIVE_NOT_NP.match(app) and _np_ok(app):
                    return head + ", " + app, s0 + a3 + pre[a3:].find(head[:3])
                return head, s0 + a3 + pre[a3:].find(head[:3])
        a2, b2 = cut(*chunks[-2])
        head = _clean_mention(pre[a2:b2])
        vi = _verb_in_np(head) if head else None
        if vi is not None:
            # "The result contradicts earlier models, which predicted": the antecedent of "which"
            head = " ".join(head.split()[vi + 1 :])
            a2 = pre.rfind(head, a2, b2 + 1)
            if a2 < 0:
                return None
        if head and _np_ok(head):
            return head, s0 + a2
        return None
    if not mention:
        return None
    mention = _RELATIVE_RE.sub("", mention)
    mention = _PARTICIPLE_TRIM.sub("", mention) or mention  # "a soldier returning from the front"
    # a long "subject" is probably a clause: keep its trailing proper-noun group
    if len(_words(mention)) > 9:
        short = re.split(r"\s+(?:in|from|at|near|on|across|with)\s+", mention, maxsplit=1)[0]
        if 0 < len(_words(short)) <= 9:
            mention = short
    if len(_words(mention)) > 9:
        mm = re.search(r"((?:[A-Z][\w’'.&-]*\s+){0,4}[A-Z][\w’'.&-]*)\s*$", mention)
        if not mm:
            return None
        mention = mm.group(1)
    vi = _verb_in_np(mention)
    if vi is not None:
        mention = " ".join(mention.split()[vi + 1 :])  # "The result contradicts models that predicted"
    if not _np_ok(mention):
        return None
    off = pre.rfind(mention, 0, b + 1)
    return mention, s0 + (off if off >= 0 else a)


def _subject_after(text: str, pos: int, s1: int) -> tuple[str, int] | None:
    """Inverted subject: ', said Pentagon spokesman John Kirby.'"""
    post = text[pos:s1]
    m = re.match(r"\s*((?:[^,;.:!?“”\"]|\.(?=\w)|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z])\.)+)", post)
    if not m:
        return None
    mention = m.group(1)
    tm = _TAIL_START.search(mention, 1)
    mention = re.split(
        r"\s+(?:(?:from|in|of|at|by|with|to|for|under) which|on|in|at|during|to|after|before|while|"
        r"when|as|who|which|whom|whose|where|adding|"
        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
        r"(?:last|this|next) (?:week|month|year|morning|night)|earlier|later)\b",
        mention,
    )[0]
    del tm
    mention = _clean_mention(mention)
    if not mention or not _np_ok(mention):
        return None
    mstart = pos + post.find(mention)
    app = re.match(r",\s*((?:[A-Z][\w’'.-]*\s*){1,4})(?=[.,;!?]|$)", text[mstart + len(mention) : s1])
    if app:  # "wrote the governor, Vyacheslav Chaus."
        name = app.group(1).strip()
        if name.endswith(".") and len(name.split()[-1]) > 3:
            name = name[:-1]
        mention = mention + ", " + name
    return mention, mstart


def _takes_content(text: str, pos: int, s1: int, lemma: str) -> bool:
    """The cue is followed by its own content ("that ...", ": ...", a quote, "to"-infinitive)."""
    m = _TIME_RE.match(text, pos, s1)
    p = m.end() if m else pos
    rest = text[p:s1]
    if _THAT_COLON_QUOTE.match(rest):
        return True
    if lemma in L.TAKES_INFINITIVE and _TO_INF.match(rest):
        return True
    cm = _CHANNEL_RE.match(text, p, s1)
    return bool(cm and "," not in text[p : cm.end()])


def _tail_like(text: str, pos: int, s1: int) -> bool:
    """After a postposed cue: nothing, time words, a channel PP, or a participle clause."""
    m = _TIME_RE.match(text, pos, s1)
    p = m.end() if m else pos
    if p >= s1:
        return True
    return bool(_TAIL_START.match(text, p, s1))


class RuleAttributor:
    """The rule-based attributor: cue lexicon + clause heuristics."""

    def attribute_line(
        self, text: str, sentences: list[Sentence], line_index: int, headline: bool = False
    ) -> list[Attribution]:
        out: list[Attribution] = []
        for sent in sentences:
            out.extend(self.attribute_sentence(text, sent, headline))
        if sentences and ":" in text[sentences[0].start : sentences[0].end]:
            out.extend(self._colon_speaker(text, sentences, out))
        return out

    def _colon_speaker(self, text: str, sentences: list[Sentence], found: list[Attribution]) -> list[Attribution]:
        """'Name: statement' lines (interview transcripts, "Trump: ..." headlines): the line is Name's."""
        first = sentences[0]
        m = _COLON_NAME.match(text, first.start, first.end)
        if not m:
            return []
        name = m.group(1)
        toks = name.split()
        if _POSSESSIVE.sub("", toks[0].lower().strip(".")) in _COLON_STOP:
            return []
        from .speakers import _looks_like_person_name, kind_of  # speakers imports this module

        kind = kind_of(name)
        if any(t.isupper() and len(t) > 1 for t in toks):
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
            cs, ce = _strip_span(text, m.end() if i == 0 else sent.start, sent.end)
            if ce <= cs or any(a.start < sent.end and a.end > sent.start for a in found):
                continue
            if len(_ALPHA_WORD.findall(text, cs, ce)) < MIN_CONTENT_WORDS or text[ce - 1] == "?":
                continue  # too short, or a question (an interviewer's)
            if text.count(",", cs, ce) >= 2 and not _LOWER_WORD.search(text, cs, ce):
                continue  # "Kingsport: Hale, Ortiz, Benn, ...": a line-up or a list of names, not a statement
            direct = _is_quote_open(text, max(sent.start, cs - 1), min(sent.end, ce + 1))
            out.append(Attribution(cs, ce, name, m.start(1), ":", "speech", sent.line, direct=direct))
        return out

    # ------------------------------------------------------------------------------------------
    def attribute_sentence(self, text: str, sent: Sentence, headline: bool = False) -> list[Attribution]:
        s0, s1 = sent.start, sent.end
        found: list[Attribution] = []
        taken: list[tuple[int, int]] = []

        def add(cs: int, ce: int, mention: str, mstart: int, cue: str, kind: str, **extra) -> None:
            raw_s, raw_e = cs, ce
            cs, ce = _strip_span(text, cs, ce)
            if ce <= cs:
                return
            if headline:
                hm = _HEADLINE_NEXT_CLAUSE.search(text, cs, ce)
                if hm and not _QUOTE_IN.search(text, cs, hm.start()):
                    cs, ce = _strip_span(text, cs, hm.start())
            nw = len(_words(text[cs:ce]))
            if nw < MIN_CONTENT_WORDS and not (
                nw >= 2
                and (
                    headline
                    or extra.get("evaluative")
                    or _FULLY_QUOTED.match(text, max(s0, raw_s - 1), min(s1, raw_e + 1))
                )
            ):
                return
            for a, b in taken:
                if min(b, ce) - max(a, cs) > 0.6 * min(b - a, ce - cs):
                    return
            taken.append((cs, ce))
            found.append(
                Attribution(
                    cs,
                    ce,
                    mention,
                    mstart,
                    cue,
                    kind,
                    sent.line,
                    direct=_is_quote_open(text, max(s0, raw_s - 1), min(s1, raw_e + 1)),
                    extra=extra,
                )
            )

        add.found = found
        # "In a statement, X ..." is handled by the verb cue; here just mark the channel
        for a, b in _finditer_ci(_CUE_LOW_RE, CUE_RE, text, s0, s1):
            self._verb_cue(text, sent, _Hit(text, a, b), headline, add)
        # noun cues: "the ministry's claim that Y"
        for m in NOUN_CUE_RE.finditer(text, s0, s1):
            pm = _POSSESSOR_RE.search(text, max(s0, m.start() - 80), m.start())
            if not pm:
                continue
            src = _clean_mention(pm.group(1))
            ws = src.split()
            # keep the trailing noun group of the possessor
            keep: list[str] = []
            for w in reversed(ws):
                if w.lower() in L.DETERMINERS or w.lower() in ("of", "for", "with", "by", "about", "on", "in"):
                    if w.lower() in ("of",) and keep:
                        keep.append(w)
                        continue
                    break
                keep.append(w)
            src = " ".join(reversed(keep)).strip()
            if src:
                add(m.end(), self._content_end(text, m.end(), s1), src, pm.start(1), m.group("cue"), "noun")

        # evaluative: "X described / characterized Y as Z" (content "Y as Z")
        if " as " in text[s0:s1]:
            for m in DESCRIBE_RE.finditer(text, s0, s1):
                am = _AS_RE.search(text, m.end(), min(s1, m.end() + 160))
                if not am or am.start() <= m.end() or _last_word(text, s0, m.start()) in _PASSIVE:
                    continue
                if "," in text[m.end() : am.start()] or _AS_CLAUSE.match(text, am.end(), s1):
                    continue  # "dismissed the offer, while ... as they ...": "as" opens a clause, not a predicate
                subj = _subject_before(text, s0, m.start())
                if not subj:
                    continue
                stop = _AS_END.search(text, am.end(), s1)
                add(m.end(), stop.start() if stop else s1, subj[0], subj[1], m.group(), "speech", evaluative=True)
        # evaluative: "X called Y a Z" / "X called Y “Z”" / "X accused Y of Z" / "X criticized Y for Z"
        low = _lowered(text)
        if low is None:
            for m in _EVAL_RE.finditer(text, s0, s1):
                self._evaluative(text, sent, m, add)
        else:
            for c in _EVAL_CUE_LOW.finditer(low, s0, s1):
                m = _EVAL_RE.match(text, c.start(), s1)
                if m:
                    self._evaluative(text, sent, m, add)
        # endorsing someone's claim: "Moscow Backs Claim of Y", "X repeated the claim that Y"
        low = text[s0:s1].lower()
        endorse = "claim" in low or "allegation" in low or "assertion" in low or "account" in low
        for m in ENDORSE_RE.finditer(text, s0, s1) if endorse else ():
            subj = _subject_before(text, s0, m.start())
            if subj:
                add(m.end(), self._content_end(text, m.end(), s1), subj[0], subj[1], m.group("cue"), "speech")

        # "according to X, Y" / "Y, according to X"
        low = _lowered(text)
        hits = (
            _finditer_ci(_ACCORDING_LOW_RE, ACCORDING_RE, text, s0, s1)
            if low is None or "according" in low[s0:s1] or "words of" in low[s0:s1]
            else ()
        )
        for m in (_Hit(text, a, b) for a, b in hits):
            src_m = re.match(r"((?:[^,;:.“”\"]|\.(?=\w)|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z])\.)+)", text[m.end() : s1])
            if not src_m:
                continue
            src = src_m.group(1)
            src_clean = re.split(r"\s+(?:that|who|which|on|in|at)\s+(?=[a-z])", src)[0].strip()
            if src_clean and not _np_ok(src_clean):
                # "early results of exit polls conducted for AP by Edison Research": keep the document itself
                src_clean = _SOURCE_PARTICIPLE.split(src_clean, maxsplit=1)[0].strip()
            if not src_clean or not _np_ok(src_clean):
                continue
            cue = text[m.start() : m.end()].strip()
            after = m.end() + len(src)
            lead = text[s0 : m.start()]
            n_lead = len(_words(lead))
            rest_ok = after < s1 and text[after] in ",:" and len(_words(text[after:s1])) >= MIN_CONTENT_WORDS
            that_lead = _THAT_END.search(lead) is not None  # "... have indicated that, according to X, Y"
            if (
                n_lead >= MIN_CONTENT_WORDS
                and _LEAD_END.search(lead)
                and not _ADVERBIAL_LEAD.fullmatch(lead)
                and not that_lead
            ):
                # "Y, according to X(, and more)." -> the content is the sentence before the cue
                add(s0, m.start(), src_clean, m.end(), cue, "according")
            elif rest_ok and (not lead.strip() or _ADVERBIAL_LEAD.fullmatch(lead) or that_lead):
                # "(But) according to X, Y"
                add(after + 1, s1, src_clean, m.end(), cue, "according")
            elif rest_ok and lead.strip().endswith(","):
                # "The deal, according to officials, will collapse": the whole sentence
                add(s0, self._content_end(text, after + 1, s1), src_clean, m.end(), cue, "according")

        return found

    # ------------------------------------------------------------------------------------------
    def _verb_cue(self, text, sent, m, headline, add) -> None:
        s0, s1 = sent.start, sent.end
        form = _SPACES.sub(" ", m.group().lower())
        if form in L.CUE_PHRASES:
            lemma, cls = form, L.CUE_PHRASES[form]
        else:
            lemma, cls = L.LEMMA_OF[form], L.CLASS_OF[form]
        if lemma == "ask":
            return  # what is asked is a question, not a claim
        if lemma == "rule" and _OUT_RE.match(text, m.end(), s1):
            return  # "ruled out tax rises": a decision, not a statement
        word = m.group()
        pre_words = _words(text[max(s0, m.start() - 40) : m.start()])
        prev = pre_words[-1].lower() if pre_words else ""
        if form in _NOUNY_FORMS and (
            prev in _NOUN_MARKERS
            or prev in _NOUN_ADJECTIVES
            or prev.endswith(("s'", "s’"))
            and text[m.start() - 1].isspace()
        ):
            return  # "the estimate", "analysts' average estimate", "its earlier forecast"
        if prev.endswith(("’m", "'m", "’re", "'re")) and form in ("told", "informed", "assured", "warned"):
            return  # "I'm told the computers don't drink tea": the speaker is not the subject
        if prev in _PASSIVE and lemma not in ("continue",) and form not in ("says", "say") and not form.endswith("ing"):
            return
        if prev == "to" and form in (
            "say",
            "tell",
            "claim",
            "warn",
            "announce",
            "confirm",
            "deny",
            "comment",
            "state",
            "write",
            "add",
            "note",
            "admit",
            "acknowledge",
            "reveal",
        ):
            return  # "declined to say whether", "refused to confirm"
        if (
            lemma in L.COLON_ONLY
            and not _COLON_QUOTE_THAT.match(text[m.end() : s1])
            and not (_COMMA_QUOTE_END.search(text[s0 : m.start()].rstrip()[-3:] or "x"))
            and not _QUOTE_THEN_SUBJECT.search(text, max(s0, m.start() - 60), m.start())
        ):
            return
        low = _lowered(text)
        if (low is None or "according" in low[s0 : m.start()]) and _ACCORDING_OPEN.search(text[s0 : m.start()]):
            return  # "according to the latest intelligence report: ..."
        progressive = form.endswith("ing") and prev in _PROGRESSIVE_AUX  # "the Kremlin was anticipating that"
        if progressive and not _PROGRESSIVE_CONTENT.match(text, m.end(), s1):
            return  # "Carrow is adding fluoride to water": an action, not a statement
        if form.endswith("ing") and not progressive and text[s0 : m.start()].rstrip()[-1:] not in _PUNCT_CHARS:
            # "X, while saying Y, also ...", "X did Z despite saying Y": the claim of the clause subject
            adj = _ADJUNCT_ING.search(text, s0, m.start())
            if adj and form in _SPEECH_ING:
                self._adjunct_participle(text, sent, m, adj, lemma, cls, headline, add)
            return
        if (
            word[0].isupper()
            and m.start() != s0
            and not headline
            and text[m.start() - 1] not in '“"‘('
            and not text[s0 : m.start()].strip().endswith(",")
        ):
            return  # "Says" inside a title, "Note", etc. — verbs are lower-case mid-sentence
        after = m.end()
        # the object of the cue: "told reporters", "assured them"
        if lemma in L.TAKES_RECIPIENT:
            rm = _RECIPIENT_RE.match(text[after:s1])
            if rm and not _SPACE_THAT.match(text[after:s1]):
                after += rm.end()
        pre_text = text[s0 : m.start()]
        pre_stripped = pre_text.rstrip()

        # ---- participle continuing the clause: ", adding that Y" / ", saying Y"
        if not progressive and (
            form.endswith("ing")
            and pre_stripped[-1:] in _PUNCT_CHARS
            and form != "saying"
            or form.endswith("ing")
            and pre_stripped.endswith(",")
        ):
            cs = self._content_start(text, after, s1, lemma, headline)
            if cs is not None:
                mention, mstart = "", m.start()
                if (
                    not any(a.start < m.start() for a in add.found)
                    and not any(c in pre_text for c in '“”"')
                    and not headline
                ):
                    # "X released a video, assuring them that Y": the subject of the clause
                    subj = _clause_subject(text, s0, m.start())
                    if subj:
                        mention, mstart = subj
                add(cs, self._content_end(text, cs, s1), mention, mstart, word, cls, participle=True)
            return

        # ---- inverted: '..., said X.' / '"...," said X'
        if (pre_stripped[-1:] in _INVERTED_CHARS or pre_stripped.endswith("''")) and not form.endswith("ing"):
            subj = _subject_after(text, after, s1)
            if subj and subj[0].split()[0].lower() in _PRONOUN_SUBJ and len(subj[0].split()) > 1:
                subj = None  # "..., said he remembers ...": a clause, not an inverted subject
            if subj and len(_words(pre_text)) >= MIN_CONTENT_WORDS and not _takes_content(text, after, s1, lemma):
                mention, mstart = subj
                tail_pos = mstart + len(mention)
                quoted = pre_stripped[-1:] in _QUOTED_CHARS or pre_stripped.endswith("''")
                if quoted and _QUOTE_RESUMES.match(text, tail_pos, s1):
                    # '"Y1," said X, "Y2."': one statement around the attribution
                    add(s0, s1, mention, mstart, word, cls)
                    return
                if (
                    quoted
                    and _tail_like(text, tail_pos, s1)
                    or (_APPOSITIVE_TAIL.match(text, tail_pos, s1) or _APPOSITIVE_REST.match(text, tail_pos, s1))
                    and _looks_named(mention)
                ) or _TIME_TAIL.match(text[tail_pos:s1]):
                    add(s0, len(pre_stripped) + s0, mention, mstart, word, cls)
                    return

        # ---- postposed / parenthetical: 'Y, X said (Tuesday).' / 'Y1, X said, Y2'
        j = max(
            pre_stripped.rfind(","),
            pre_stripped.rfind("”"),
            pre_stripped.rfind("’’"),
            pre_stripped.rfind(",''"),
            pre_stripped.rfind('?"'),
            pre_stripped.rfind('!"'),
            pre_stripped.rfind(',"'),
            pre_stripped.rfind('."'),
        )
        if j > 0 and not form.endswith("ing") and not _clean_mention(pre_text[j + 1 :]):
            # '"Y," the mayor, Ana Costa, said': the subject itself holds commas; use the closing quote
            jq = max(
                pre_stripped.rfind("”"),
                pre_stripped.rfind("’’"),
                pre_stripped.rfind(',"'),
                pre_stripped.rfind(",''"),
                pre_stripped.rfind('?"'),
                pre_stripped.rfind('!"'),
            )
            if 0 < jq < j and pre_stripped[jq + 1 :].count(",") <= 3:
                j = jq
        if j > 0 and not form.endswith("ing"):
            k = j + 1
            while k < len(pre_text) and (pre_text[k] in QUOTE_CHARS or pre_text[k].isspace()):
                k += 1
            subj_text = _APPOS_RELATIVE.sub("", _clean_mention(pre_text[k:]))  # "X, who served as ..., told"
            lead_chunk = pre_text[:j]
            pp_only = (
                "," not in lead_chunk
                and _PREP_START.match(lead_chunk)
                and not any(c in lead_chunk for c in QUOTE_CHARS)
            )
            tm = _TIME_RE.match(text, m.end(), s1)
            p = tm.end() if tm else after
            # 'The plan, he said, will fail.' / 'At one point, she said, she was ...': a parenthetical attribution
            clause_after = p < s1 and text[p] == "," and _CLAUSE_AFTER_COMMA.match(text, p, s1) is not None
            paren = (
                p < s1
                and text[p] == ","
                and (clause_after or not _tail_like(text, p, s1))
                and len(_words(lead_chunk) + _words(text[p + 1 : s1])) >= MIN_CONTENT_WORDS
                and "," not in pre_text[k:]
            )
            quoted_lead = _QUOTED_END.search(pre_stripped, 0, j + 1) is not None
            n_lead = len(_words(lead_chunk))
            # '"I'm honored!" she said.': a short quotation on its own is enough
            lead_ok = n_lead >= MIN_CONTENT_WORDS or n_lead >= 2 and quoted_lead and pre_text[:1] in "“\"'"
            if (
                subj_text
                and _np_ok(subj_text)
                and not _SUBORDINATE_SUBJ.search(" " + subj_text)
                and (lead_ok and not pp_only or paren)
                and not (
                    _THAT_COLON_QUOTE.match(text, p, s1)
                    if quoted_lead  # '"Y," X told the AP after hinting that ...': not the content of "told"
                    else _takes_content(text, after, s1, lemma)
                )
            ):
                mstart = s0 + k + pre_text[k:].find(subj_text)
                if paren and clause_after:
                    # 'Y1, the experts say, the world could ...': the whole sentence is the content
                    add(s0, self._content_end(text, p + 1, s1), subj_text, mstart, word, cls)
                    return
                if p >= s1 or _tail_like(text, after, s1) or quoted_lead and _SHORT_TAIL.match(text, after, s1):
                    # content starts at the sentence start
                    add(s0, s0 + j, subj_text, mstart, word, cls)
                    return
                if paren:
                    # parenthetical attribution: the whole sentence is the content
                    add(s0, self._content_end(text, p + 1, s1), subj_text, mstart, word, cls)
                    return

        # ---- preposed: 'X said (that) Y'
        if lemma in L.COLON_ONLY and not _COLON_QUOTE_THAT.match(text[after:s1]):
            return
        cs = self._content_start(text, after, s1, lemma, headline)
        if cs is None:
            return
        lead = IN_STATEMENT_RE.match(text, s0, m.start())
        if _COORD_END.search(pre_stripped):
            # coordinated verb: "the Kremlin has indicated ... and said Y" -> the clause subject
            subj = _clause_subject(text, s0, m.start(), coordinated=True)
            if subj:
                add(cs, self._content_end(text, cs, s1), subj[0], subj[1], word, cls, coordinated=True)
            return
        subj = _subject_before(text, lead.end() if lead else s0, m.start())
        if subj is None:
            return
        mention, mstart = subj
        add(cs, self._content_end(text, cs, s1), mention, mstart, word, cls)

    def _evaluative(self, text, sent, m, add) -> None:
        s0, s1 = sent.start, sent.end
        g = "" if m.group("cue") else "2" if m.group("cue2") else "3" if m.group("cue3") else "4"
        cue = m.group("cue" + g)
        if _last_word(text, s0, m.start()) in _PASSIVE | {"to", "so", "be"}:
            return  # "was accused of", "a town called Y", "to call him"
        obj = m.group("obj" + g)
        if (
            obj.lower() in ("it a day", "it quits")
            or _EVAL_OBJ_STOP.match(obj)
            or (obj and obj.split()[-1].lower() in _EVAL_OBJ_LAST_STOP)
        ):
            return  # "called for ...", "called the police and a neighbor"
        cs = m.start("obj" + g)
        if g == "4":
            rm = _REL_CALLER.search(text, s0, m.start())
            mention = _clean_mention(rm.group(1)) if rm else ""
            qm = _CLOSE_QUOTE.search(text, m.end("q4"), s1)
            if not mention or not _np_ok(mention) or not _looks_named(mention) or not qm:
                return
            add(cs, qm.end(), mention, rm.start(1), cue, "speech", evaluative=True)
            return
        if m.group("q"):
            # the predicate is a quotation: the statement ends where the quotation closes
            qm = _CLOSE_QUOTE.search(text, m.end("q"), s1)
            ce = qm.end() if qm else self._content_end(text, cs, s1)
        else:
            ce = self._content_end(text, cs, s1)
            stop = _EVAL_END.search(text, m.end(), ce)
            if stop:
                ce = stop.start()
        pre = text[s0 : m.start()].rstrip()
        if cue.endswith("ing"):
            if not pre.endswith(","):
                return
            subj = _clause_subject(text, s0, len(pre) + s0 - 1)
        elif _COORD_END.search(pre):
            subj = _clause_subject(text, s0, m.start(), coordinated=True)  # "X called him Y and accused him of Z"
        else:
            subj = _subject_before(text, s0, m.start())
        if not subj:
            return
        add(cs, ce, subj[0], subj[1], cue, "speech", evaluative=True, participle=True if cue.endswith("ing") else None)

    def _adjunct_participle(self, text, sent, m, adj, lemma, cls, headline, add) -> None:
        s0, s1 = sent.start, sent.end
        cs = self._content_start(text, m.end(), s1, lemma, headline)
        if cs is None:
            return
        subj = _clause_subject(text, s0, adj.start())
        if not subj:
            return
        ce = self._content_end(text, cs, s1)
        if text[s0 : adj.start()].rstrip().endswith(","):
            # parenthetical adjunct: "X, while saying Y, also did Z" — the content ends at the comma
            k = text.find(",", cs, ce)
            if k > 0:
                ce = k
        add(cs, ce, subj[0], subj[1], m.group(), cls, participle=True)

    def _content_start(self, text: str, pos: int, s1: int, lemma: str, headline: bool) -> int | None:
        """Where the content begins after the cue; None if what follows isn't a statement."""
        rest = text[pos:s1]
        if not rest.strip():
            return None
        m = _COLON.match(rest)
        if m:
            return pos + m.end()
        tm = _TIME_RE.match(text, pos, s1)
        p = tm.end() if tm and tm.end() > pos else pos
        m = _THAT_RE.match(text, p, s1)
        if m:
            return m.end()
        m = _CHANNEL_RE.match(text, p, s1)
        if m and m.end() - p < 100:
            return m.end()
        q = _OPEN_QUOTE.match(text, p, s1)
        if q:
            return q.end() - 1
        q = _CHANNEL_QUOTE.match(text, p, s1)
        if q:
            return q.end()  # 'X said, "Y"'
        if _COMMA.match(text, p, s1):
            return None
        if lemma in L.TAKES_INFINITIVE and _TO_INF.match(text, p, s1):
            return p
        if _STANCE_OBJECT.match(text, p, s1):
            return p  # "affirmed its intention to build relations"
        if (
            lemma in L.NEEDS_COMPLEMENTIZER
            and not _PRONOUN_CLAUSE.match(text, p, s1)
            and (not headline or lemma in _COMMIT_VERBS and not _HEADLINE_CLAUSE.match(text, p, s1))
        ):
            return None
        if _PREP_START.match(text, p, s1) and not headline:
            return None
        if _NOT_CONTENT.match(text, p, s1):
            return None
        return p

    def _content_end(self, text: str, cs: int, s1: int) -> int:
        m = _CONTENT_END_RE.search(text[cs:s1])
        if m and len(_words(text[cs : cs + m.start()])) >= MIN_CONTENT_WORDS:
            return cs + m.start()
        # the reporter's own clauses after the statement (outside quotation marks)
        for c in _CLAUSE_END_RE.finditer(text, cs, s1):
            if c.group("rel") and "," in text[c.end() : s1]:
                continue  # "the bill, which passed Tuesday, is ...": a relative clause inside the statement
            if c.group("dash") and ("—" in text[c.end() : s1] or "–" in text[c.end() : s1]):
                continue  # a paired dash: a parenthetical inside the statement
            seg = text[cs : c.start()]
            if len(_words(seg)) < MIN_CONTENT_WORDS or _QUOTE_OPEN_AT_END.search(seg):
                continue
            return c.start()
        return s1


DEFAULT_ATTRIBUTOR = RuleAttributor()


def base_confidence(a: Attribution) -> float:
    if a.cue_kind == "according":
        return 0.75
    if a.cue_kind == "noun":
        return 0.55
    return _CLASS_CONF.get(a.cue_kind, 0.6)
