"""Clause analysis shared by the attribution rules: where a subject, a cue's content and a statement begin and end.

Pure functions over the article string and absolute offsets; the rules in :mod:`.attribution` call them, the
engine in :mod:`.engine` applies the rules.  Nothing here decides whether something is an attribution.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as L
from .quotes import QUOTE_CHARS


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
# "criticized the deal", "called for a ban": cues whose noun-phrase object is the content (lower-cased text)
OBJECT_CUE_RE = re.compile(r"\b(?<![’'-])" + _trie_regex(sorted(L.OBJECT_CUES)) + r"(?![\w’'-])")
# where such an object ends: a clause or list boundary, a quotation, or the reporter's adjuncts of time and place
OBJECT_END = re.compile(
    r"\s*[,;:(]|\s+[-–—]+\s|[–—]|\s+(?:and|but)\s+(?:said|says|added|told|called|urged|argued|warned)\b"
    r"|\s+(?:on|last|this|next|earlier|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"week|month|year|night|morning|afternoon|evening|weekend|summer|spring|fall|autumn|winter)\b"
    r"|\s+(?:today|yesterday|tonight|earlier|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\s+(?:in|on|at|by|from|during|since|until)\s+(?:early\s+|late\s+|mid-?)?(?:\d{4}|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|the senate floor|the floor|the stage)\b"
    r"|\s+(?:in|at|during|on|after|before)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|speech|rally|tweet|post|letter|debate|op-ed|column|conference|briefing|hearing|"
    r"address|appearance|event|meeting|session|video|remarks|town hall|e-?mail|page|show|program|ad|book|article|"
    r"editorial|news conference|press conference|grounds)s?\b"
    r"|\s+(?:while|because|since|when|after|before|during|even though|although)\b"
    r"|\s+as\s+(?!(?:a|an|too|being|[“\"'‘]|[a-z]+(?:ist|ive|ous|ful|less|ic|al|ent|ant|ble|ed))\b|'')"
    r"|\s+by\s+[a-z]+ing\b",
    re.IGNORECASE,
)
# what cannot open such an object: a clause ("that"), an infinitive, a particle ("backed down"), a reflexive
OBJECT_BAD_START = re.compile(
    r"(?:that|to|out|up|down|off|away|back|on|in|into|it|itself|himself|herself|themselves|by|as|so|with|and|or|"
    r"but)\b|(?-i:[a-z]+ly\b)",
    re.IGNORECASE,
)
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
    r"branded|brands|label(?:l)?ed|dismissed|dismisses|hailed|hails|"
    # 'the senator sees the tax as a burden': an opinion of the source's
    r"sees|see|viewed|views|regards|regarded)(?=\s+(?!as\b)\w)"
)
# 'as' that is no predicate: "as soon as", "as well", "as part of", "as a result"
_AS_NOT_PREDICATE = re.compile(
    r"(?:well|soon|long|much|many|far|part|if|though|usual|expected|planned|a\s+result|of|for|to|in|at|on|with)\b"
)
_AS_CLAUSE = re.compile(r"(?:they|he|she|it|we|I|you|there|the\s+\w+\s+(?:was|were|is|are|had|has))\b")
_AS_RE = re.compile(r"(?<=[\w’'”\"])\s+as\s+(?=[\w“\"‘])")  # 'as Z', 'as "Z"'
_AS_END = re.compile(
    r"[,;:(–—]|\s+(?:and|but|while|because|after|before|when|since)\s+"
    r"|\s+(?:to|in order to)\s+(?=[a-z]+\s)"
)
ENDORSE_RE = re.compile(
    r"(?<![\w-])(?P<cue>(?:backs?|backed|supports?|supported|repeats?|repeated|renews?|renewed|"
    r"endorses?|endorsed|echoe?s|echoed|stands? by|stood by)\s+(?:the\s+|a\s+|its\s+|his\s+|her\s+|"
    r"their\s+)?(?:[\w’'-]+(?:’s|'s)\s+)?(?:claims?|allegations?|assertions?|accounts?|views?|beliefs?|arguments?|"
    r"positions?|warnings?|concerns?|assessments?|sentiments?|suggestions?))\s+(?:of|that)\s+",
    re.IGNORECASE,
)

_WORD_RE = re.compile(r"[\w’'.&-]+")
_TIME_RE = re.compile(r"\s*(?:(?:" + L.TIME_WORDS + r")\b[\s,]*)+", re.IGNORECASE)
_CHANNEL_RE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|through|over|from|after|before|to|with|near|outside|inside|across|along|"
    r"behind|ahead of|following|amid|despite|since|upon)\s+(?:[^,;:“\"]|[“\"][^,;:“”\"]{1,40}[”\"]){1,80}?\s+)??"
    r"that\s+"  # 'said on ABC's "This Week" that Y': a quoted title inside the adjunct
    # 'says at a campaign stop in Toledo, Ohio, that Y': an adjunct holding commas, closed by one before "that"
    r"|\s*(?:in|on|at|during|via|through|after|before|to|with|following|amid)\s+[^;:“\"]{1,100}?,\s+that\s+",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\s*that\b\s*", re.IGNORECASE)
# 'said, among other things, that Y', 'says, however, that Y': a short aside between commas, then "that"
_COMMA_THAT = re.compile(r"\s*,\s*that\s+(?!is\b)")
# 'said of the striker that Y' (lower-case "that": in a headline "Claim of Attack That Killed" is a relative clause)
_OF_THAT = re.compile(r"\s*of\s+[^,;:“”\"]{1,60}?,?\s+that\s+(?!is\b)")
_ASIDE_THAT = re.compile(r"\s*,\s*[^,;:“”\"]{1,60}?,\s*that\s+")
# 'says, win or lose in Florida, he is staying in the race': an aside opening the statement, then its clause
_ASIDE_CLAUSE = re.compile(r"\s*,\s*(?=[^,;:“”\"]{1,60}?,\s*(?:he|she|they|we|I|it|there)\s+[a-z’']+\s)")
# 'said in a statement', 'wrote in an op-ed for The Times', 'said on Twitter': where it was said, before a bare
# clause (or "that", a colon or a quotation, found after it as after the cue)
_CHANNEL_ADJUNCT = re.compile(
    r"\s*(?:in\s+(?:a|an|his|her|their|its|the)\s+(?:[\w’'-]+\s+){0,2}?(?:statement|interview|tweet|post|e-?mail|"
    r"letter|speech|memo|release|video|message|op-ed|column|essay|radio address|briefing|filing)"
    r"(?:\s+(?:with|to|for)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s*)+?(?=\s|,|$))?"
    r"|on\s+(?:Twitter|Facebook|Instagram|X|television|TV|radio|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2}"
    r"(?:’s|'s)\s+(?:show|program|programme|podcast)))(?=[\s,])"
)
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
    r"originally|too|been|being|(?-i:long)|consistently|frequently|openly|flatly|strongly|firmly|explicitly|clearly|"
    r"falsely|wrongly|sharply|quickly|immediately|subsequently|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
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
        "long consistently frequently openly flatly strongly firmly explicitly clearly falsely wrongly sharply quickly "
        "immediately subsequently monday tuesday wednesday thursday friday saturday sunday week yesterday today"
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
    r"|,\s+(?!including\b)[a-z]{3,}ing\s+(?:(?:the|a|an|his|her|their|its|that|to|on|in|it|him|them)\b|[A-Z])"
    r"|(?P<dash>\s[—–]\s)"
    # the reporter's concession or contrast: ", despite there being no evidence", ", although inspectors found"
    r"|,?\s+(?:despite|although|even\s+though|whereas)\s+"
    r"|,\s+but\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}?(?:continued|kept|went|began|started|"
    r"refused|declined|remained)\b"
)
# an opening quotation mark not closed yet
_QUOTE_OPEN_AT_END = re.compile(r"“[^”]*$|^[^\"]*(?:\"[^\"]*\"[^\"]*)*\"[^\"]*$")
# ', the world could suffer ...': a clause (subject then auxiliary/modal) continues the statement
_CLAUSE_AFTER_COMMA = re.compile(
    r",\s*(?:the|a|an|his|her|their|its|this|that|these|those|he|she|it|they|we|I|there|[A-Z][\w’'.-]*)\b"
    r"(?:\s+[\w’'.-]+){0,6}?\s+"  # 'In 2008, Trump said, the Donald J. Trump Foundation had', ', Christie can'
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do|[a-z]{2,5}n[’']t)\b"
)
# a short statement that is a quotation on its own: '"I'm honored!" she said.'
_FULLY_QUOTED = re.compile(r"(?:[“\"]|'')[^“”\"]+(?:[”\"]|'')$")
# a closing quotation mark (after the statement's own comma or full stop)
_STATEMENT_CLOSE = re.compile(r"[,.?!]?(?:”|''|\")")


def quoted_whole(text: str, s0: int, s1: int, start: int, end: int) -> bool:
    """Is text[start:end] a quotation on its own ('"I'm honored!" she said'), or the last words of a quotation that
    opened in an earlier sentence ('“She went home. That's it,” he said': a closing mark, none opening before)?"""
    close = _STATEMENT_CLOSE.match(text, end, s1)
    if close is None:  # the span may hold its own closing mark ("''Fair enough,''" before "said X")
        return any(_FULLY_QUOTED.match(text, max(s0, start - 1), min(s1, e)) for e in (end + 1, end))
    if _FULLY_QUOTED.match(text, max(s0, start - 1), close.end()):
        return True
    return start <= s0 + 1 and not _QUOTE_IN.search(text, s0, end)


# evaluative claims: "called Y a Z", "called Y “Z”", "accused Y of Z", "criticized Y for Z"
_EVAL_OBJ = (
    r"(?P<obj>(?:him|her|them|it|this|that|these|those|himself|herself|themselves|us|me|you"
    r"|(?:(?:the|his|her|their|its|this|that|both|our)\s+)?(?:[A-Z][\w’'.-]*|[a-z][\w-]*(?:’s|'s))"
    r"(?:\s+(?:[A-Z][\w’'.-]*|and)){0,4}"
    r"|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w.-]*(?:’s|'s)\s+(?:[\w-]+\s+){0,4}[\w-]+"
    r"|(?:the|his|her|their|its|this|that|our)\s+(?:[\w-]+\s+){0,7}[\w-]+))"
)
_EVAL_RE = re.compile(
    r"(?<![\w-])(?:(?P<cue>call(?:ed|s|ing)?)\s+" + _EVAL_OBJ + r"\s+(?:(?P<q>[“\"]|'')(?=\w)|(?:a|an)\s+"
    r"(?!(?:hour|minute|day|week|month|year|few|couple|second|number|total|lot|bit|while|time|"
    r"moment|dozen|hundred|thousand|million|half|quarter|series|meeting|news|press|vote|halt|cab|taxi|doctor|lawyer)\b)"
    r"(?=[a-z“\"]))"
    r"|(?P<cue2>accus(?:ed|es|ing|e))\s+" + _EVAL_OBJ.replace("obj", "obj2") + r"\s+of\s+(?=\w)"
    r"|(?P<cue3>critici[sz](?:ed|es|ing|e))\s+" + _EVAL_OBJ.replace("obj", "obj3") + r"\s+for\s+(?=\w)"
    r"|(?P<cue4>called|calls|(?:described|describes|characteri[sz]ed|characteri[sz]es)\s+as)\s+(?P<obj4>)"
    r"(?:(?:a|an)\s+)?(?P<q4>[“\"]|'')(?=\w)"
    # 'called Ford's plans to open a plant in Mexico "a disgrace"': a longer object, then the quoted judgement
    r"|(?P<cue5>called|calls)\s+(?P<obj5>(?:[\w’'$.-]+\s+){1,14}?)(?P<q5>[“\"]|'')(?=\w))"
)
# 'what Gilbert called "a perception problem"': the speaker after a relative pronoun
_REL_CALLER = re.compile(
    r"\b(?:what|that|which|whom)\s+((?:[\w’'.-]+,?\s+){0,7}?[\w’'.-]+),?\s+"
    r"(?:(?:has|had|have|once|also|later|then|famously|on\s+\w+)\s+)*$"
)
_EVAL_CUE_LOW = re.compile(r"(?<![\w-])(?:call|accus|critici[sz]|describ|characteri[sz])")
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
_LEAD_END = re.compile(r"(?:,(?:[”\"’]|'')?|[(–—])\s*$")  # 'Y,' / '"Y,"' before "according to X"
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
    r"\s*(?:(?:in|on|at|during|via|through|over|to|with|from|of|about)\s+[^,;:“\"]{1,60}?)?\s*[,:]\s*"
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
    "telling",
    "emphasizing",
    "emphasising",
    "suggesting",
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
    r"Yesterday|Afterwards|Afterward|Subsequently|Eventually|Finally|Instead|Nonetheless|Nevertheless|Moreover|"
    r"Tonight|Once|Again|[A-Z][a-z]+ly)\b[^,;:“”\"]{0,60},\s*)+"
)
_FINITE = re.compile(
    r"(?<![\w’'-])(?:[a-z]{2,}ed|hit|said|told|made|gave|took|sent|held|met|wrote|spoke|put|set|left|"
    r"came|went|began|sought|brought|kept|won|lost|saw|stood|rose|got|ran|sat|drew|led|paid|grew|fell|felt|found|"
    r"heard|knew|thought|bought|became|broke|chose|drove|flew|hid|hit|lay|meant|rode|shook|shot|spent|struck|"
    r"threw|understood|woke|wore|is|was|are|were|has|had|have|will|would|can|"
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
# cue verbs whose finite form after "and"/"but" is a second thing the source did ("said Y and urged Z", "said Y
# but insists Z"), not part of Y: speech and opinion verbs (not verbs of knowing, wanting or finding, which
# narrate inside a statement as often: "said police arrived and found the body")
_NOT_COORDINATED_CUES = frozenset(
    L._wordlist("know learn realize assume guess wonder feel continue want plan seek decide intend find show report")
)
_COORDINATED_CUE_FORMS = sorted(
    {
        f
        for lemma, (forms, cls) in L.CUE_VERBS.items()
        if cls in ("speech", "belief") and lemma not in _NOT_COORDINATED_CUES
        for f in forms.split()
        if f != lemma and not f.endswith("ing") and f != "written"
    }
    | {
        f
        for f, lemma in L.OBJECT_CUES.items()
        if lemma not in _NOT_COORDINATED_CUES and f != lemma and not f.split()[0].endswith("ing")
    }
    | {f for f in L.CUE_PHRASES if f.split()[0].endswith(("ed", "s")) and " " in f}  # "called on", "pointed out"
)
_CONTENT_END_RE = re.compile(
    r",\s*(?:adding|saying|citing|referring to|according to|noting|he added|she added|while|"
    r"whereas|compared\s+(?:with|to)|even\s+as)\b|,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?="
    + _trie_regex(_COORDINATED_CUE_FORMS)
    + r"\b(?!\s+(?:of|by|from|for|about|and|or|in|on|to|are|were|have|had|is|was)\b|[.;]))"
    r"|,\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:position|claim|charge|view|assertion|stance|allegation|accusation|figure|"
    r"account|contention|characteri[sz]ation|description|assessment)\s+(?:that|which|the|[A-Z])"
    r"|(?:,\s*|\s+)(?:and|but|while|whereas)\s+(?=(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}"
    r"(?:has\s+|had\s+|have\s+|also\s+)?(?:said|says|announced|added|told|insisted|warned|claimed|"
    r"denied|argued|stated|noted|confirmed|reported|estimated|believes|believed)\b)"
    r"|,[”\"’]?\s+(?:he|she|they|it)\s+(?:said|added|says)\b"
    # a second source's statement after a comma or a dash: '..., others say he has never been healthier'
    r"|(?:,|\s[-–—]+)\s+(?=(?:[\w’'.-]+\s+){1,4}?(?:said|says|say|told|tell|tells|argue|argued|argues|insist|insisted|"
    r"insists|claim|claimed|claims)\s+(?:that\s+)?(?:he|she|they|it|we|I|there|the|a|an|this|[A-Z])\b)"
    # the main clause's own cue after a relative clause that had one: 'X, which said last year Y, said Z'
    r"|,\s+(?:also\s+)?(?:said|says|told|tells|added|adds)\s+(?!(?:by|to|in|on|of|and|or|as)\b)[\w“\"]"
    # another source's statement joined on: '..., and one in four said Y', '..., while others say Y'
    r"|,\s+(?:and|but|while|whereas)\s+(?=(?:[\w’'.-]+\s+){1,6}?(?:said|says|say|told|tell|argue|argued|argues|"
    r"believe|believes|believed|think|thinks|thought|insist|insisted|insists|claim|claimed|claims)\s+(?![,.;:]))"
    # a second attribution closing the sentence: '..., officials said.' is not part of the statement
    r"|,[”\"’]?\s+(?:[\w’'.-]+\s+){1,5}?(?:said|says|added|adds|told|tells|wrote|insisted|argued|noted)\b"
    r"(?=[^,;“”\"]{0,60}$)"
)
_SPACES = re.compile(r"\s+")
_COLON_QUOTE_THAT = re.compile(r"\s*(?:[:“\"]|that\b|,\s*(?:[“\"]|''))")  # ': Y', '"Y"', 'that Y', ', "Y"'
_THAT_COLON_QUOTE = re.compile(r"\s*(?:that\b|:|[“\"])")
_COMMA_QUOTE_END = re.compile(r"[,”\"’]\s*$")
_ACCORDING_OPEN = re.compile(r"\baccording to\b[^,;:]*$", re.IGNORECASE)
# last characters (of right-stripped text) that end a clause / a quotation
_PUNCT_CHARS = frozenset(",;–—")
_INVERTED_CHARS = frozenset(',”"’?!—–-')
_QUOTED_CHARS = frozenset('”"’?!')
_NOUN_MARKERS = frozenset(L.DETERMINERS | {"of", "for", "on", "such", "no", "any"})
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


# A quotation of a few words that closes without punctuation and goes on in the same clause.
_QUOTED_PHRASE_LEADS = re.compile(r"[^”\"\n]{0,59}[^\s,.!?;:”\"][”\"]\s+\w")


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace, quotation marks and trailing , ; : . (keep ? ! and ellipses)."""
    while s < e and (text[s].isspace() or text[s] in QUOTE_CHARS or text[s] in ":,;—–-"):
        if text[s] in "-–" and s + 1 < e and text[s + 1].isdigit():
            break  # a sign: "-5 degrees"
        if text[s] in '"“' and _QUOTED_PHRASE_LEADS.match(text, s + 1, e):
            break  # '"fake news" was spreading': a quoted phrase opens the clause, so its mark stays
        s += 1
    while e > s:
        c = text[e - 1]
        if c.isspace() or c in ",;:—–-" or c in QUOTE_CHARS or c == "." and not text.endswith("..", s, e):
            e -= 1
        else:
            break
    return s, _close_quotation(text, s, e)


_CLOSING_MARK = re.compile(r"[^\n”\"]{0,400}?[”\"]")


def _close_quotation(text: str, s: int, e: int) -> int:
    """Where a span must end so that a quotation opened inside it is not cut open: after its closing mark."""
    if not (_QUOTE_OPEN_AT_END.search(text, s, e) or text.count('"', s, e) % 2):
        return e
    m = _CLOSING_MARK.match(text, e)
    return m.end() if m else e


def _is_quote_open(text: str, s: int, e: int) -> bool:
    """Whether the span contains quotation marks (the statement is quoted, fully or partly)."""
    return _QUOTE_IN.search(text, s, e) is not None


@lru_cache(maxsize=65536)
def _clean_mention(m: str) -> str:
    m = m.strip().strip(",;:").strip()
    # quotation marks around the subject: '“Futures,” Rep. X said', "''I think ..."
    m = m.strip(QUOTE_CHARS + " ")
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


_SPEAKER_NOUNS = L.PERSON_TITLES | L.GOVERNMENT_WORDS | L.ORG_WORDS | L.MILITARY_WORDS | L.MEDIA_WORDS


def _speaker_noun(subj: str) -> bool:
    """'the minister', 'the health secretary', 'the company': a lower-case subject headed by a speaker's noun."""
    ws = subj.lower().split()
    return 2 <= len(ws) <= 5 and ws[0] in L.DETERMINERS and ws[-1] in _SPEAKER_NOUNS


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
    if not (any(w[:1].isupper() for w in _words(subj)) or subj.lower() in _PRONOUN_SUBJ or _speaker_noun(subj)):
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
    if _THAT_COLON_QUOTE.match(rest) or _COMMA_THAT.match(rest) or _OF_THAT.match(rest):
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
    if m and "," in m.group():  # "wrote this week, adding that Y": the time words took the comma
        p = pos + m.group().rindex(",")
    return bool(_TAIL_START.match(text, p, s1))


_GERUND = re.compile(
    r"\s*(?:not\s+|ever\s+|having\s+|[a-z]{3,}ly\s+)?[a-z]{3,}ing\s+(?!to\b|for\b|and\b)[\w“\"$]"
)  # "proposed temporarily banning Y", "reported spending $1 million"
# "admitted the forecasts had been too optimistic": a subject then a finite verb within a few words, before any
# comma; the verbs below take people or things as objects, so a clause after them needs "that"
_BARE_CLAUSE = re.compile(
    r"\s*(?!(?:but|and|or|nor|yet|so|than|as|if|when|while|because|who|what|which|whether|how|why|where)\b)"
    r"(?:(?:the|a|an|his|her|its|their|our|this|these|those|some|many|most|no)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|need|needs|did|does|"
    r"isn[’']t|aren[’']t|wasn[’']t|weren[’']t|hasn[’']t|haven[’']t|hadn[’']t|won[’']t|wouldn[’']t|"
    r"can[’']t|couldn[’']t|didn[’']t|doesn[’']t|came|went|made|took|gave|knew|saw|got|won|lost|left|began|became|"
    r"fell|rose|paid|sold|sent|met|held|kept|led|brought|built|spent|grew|"
    r"[a-z]{3,}ed(?=\s+(?:the|a|an|his|her|its|their|against|that|\d)\b))\b"
)
_NP_OBJECT_LEMMAS = frozenset(
    L._wordlist(
        "accuse charge urge demand propose threaten ask continue post rule tweet echo remark mention observe boast "
        "counter reply respond retort agree assure wonder recall repeat reiterate maintain"
    )
)


# "said about half of the money was lost": a quantity, not a preposition
_QUANTITY = re.compile(
    r"\s*(?:about|over|around|nearly|almost|under)\s+(?:\$?\d|half|a\s+(?:third|quarter|fifth|half|dozen)|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand|a\s+million)",
    re.IGNORECASE,
)


def content_start(text: str, pos: int, s1: int, lemma: str, headline: bool) -> tuple[int, str] | None:
    """Where the content begins after the cue and how it is introduced; None if what follows is no statement."""
    rest = text[pos:s1]
    if not rest.strip():
        return None
    m = _COLON.match(rest)
    if m:
        return pos + m.end(), "colon"
    tm = _TIME_RE.match(text, pos, s1)
    p = tm.end() if tm and tm.end() > pos else pos
    m = _THAT_RE.match(text, p, s1)
    if m:
        return m.end(), "that"
    m = _CHANNEL_RE.match(text, p, s1) or _OF_THAT.match(text, p, s1)
    if m and m.end() - p < 100:
        return m.end(), "that"
    q = _OPEN_QUOTE.match(text, p, s1)
    if q:
        return q.end() - 1, "quote"
    q = _CHANNEL_QUOTE.match(text, p, s1)
    if q:
        return q.end(), "quote"  # 'X said, "Y"'
    m = _ASIDE_THAT.match(text, p, s1) or _COMMA_THAT.match(text, p, s1)
    if m:
        return m.end(), "that"  # 'X said, among other things, that Y', 'X told Jo Fox of CNN, that Y'
    m = _ASIDE_CLAUSE.match(text, p, s1)
    if m:
        return m.end(), "bare"
    m = _CHANNEL_ADJUNCT.match(text, p, s1)
    if m:
        return content_start(text, m.end(), s1, lemma, headline)  # 'X said in a statement (Thursday) Y'
    if _COMMA.match(text, p, s1):
        return None
    if lemma in L.TAKES_INFINITIVE and _TO_INF.match(text, p, s1):
        return p, "infinitive"
    if lemma in L.TAKES_GERUND and _GERUND.match(text, p, s1):
        return p, "gerund"  # "denied misleading investors"
    if _STANCE_OBJECT.match(text, p, s1):
        return p, "infinitive"  # "affirmed its intention to build relations"
    if (
        lemma in L.NEEDS_COMPLEMENTIZER
        and not _PRONOUN_CLAUSE.match(text, p, s1)
        and not (lemma not in _NP_OBJECT_LEMMAS and _BARE_CLAUSE.match(text, p, s1))
        and (not headline or lemma in _COMMIT_VERBS and not _HEADLINE_CLAUSE.match(text, p, s1))
    ):
        return None
    if _QUANTITY.match(text, p, s1):
        return p, "bare"
    if _PREP_START.match(text, p, s1) and not headline:
        return None
    if _NOT_CONTENT.match(text, p, s1):
        return None
    return p, "bare"


def content_end(text: str, cs: int, s1: int) -> int:
    m = _CONTENT_END_RE.search(text[cs:s1])
    if m and len(_words(text[cs : cs + m.start()])) >= MIN_CONTENT_WORDS:
        return cs + m.start()
    # the reporter's own clauses after the statement (outside quotation marks)
    for c in _CLAUSE_END_RE.finditer(text, cs, s1):
        if c.group("rel") and "," in text[c.end() : s1]:
            continue  # "the bill, which passed Tuesday, is ...": a relative clause inside the statement
        if c.group("dash") and (
            "—" in text[c.end() : s1]
            or "–" in text[c.end() : s1]
            or (text.count("—", cs, c.start()) + text.count("–", cs, c.start())) % 2
        ):
            continue  # a paired dash, opening or closing: a parenthetical inside the statement
        seg = text[cs : c.start()]
        if len(_words(seg)) < MIN_CONTENT_WORDS or _QUOTE_OPEN_AT_END.search(seg) or seg.count("''") % 2:
            continue  # not inside a quotation ("''for the nation's rights, knowing that ...''" is one)
        return c.start()
    return s1
