"""The pipeline: lines -> furniture filter -> sentences -> attribution -> quotations -> speakers."""

from __future__ import annotations

import re

from .attribution import (
    DEFAULT_ATTRIBUTOR,
    MIN_CONTENT_WORDS,
    Attributor,
    base_confidence,
    drop_nested,
    strip_span,
    subject_before,
)
from .boilerplate import classify_lines, dateline_end
from .engine import Example, Rule
from .quotes import quote_regions
from .records import Attribution, ExtractedClaim, Line, Sentence
from .segmentation import split_lines, split_sentences
from .speakers import ArticleSpeakers

_WORDS = re.compile(r"\w+")
_OPENS_WITH_QUOTE = re.compile(r"\s*[“\"«„]")
_QUOTED_SENTENCE_BEFORE = re.compile(r"[.!?]\s+(?:''|[“\"«„])$")
_INTRO = re.compile(
    r"(?:^|[\s,])(?P<cue>said|says|wrote|writes|continued|continues|added|adds|stated|declared|reported|reports|"
    r"tweeted|posted|explained|told\s+[\w’' ]{1,40}?|(?:the\s+following|a|this|his|her|their|its)\s+"
    r"(?:[a-z]+\s+)?(?:statement|message|tweet|post|letter|remarks|note))\b[^:“”\"]{0,40}:\s*$"
)
_CLOSES_WITH_QUOTE_OR_CUE = re.compile(
    r"(?:[”\"»]|'')\s*$|\b(?:said|says|added|adds|told|tells|wrote|writes|continued|explained|insisted|argued|noted|"
    r"declared|stated)\b[^“”\"]{0,60}$"
)
_CLOSES_WITH_QUOTE = re.compile(r"(?:[”\"»]|'')\s*$")
_CAPS_LABEL = re.compile(r"\s*[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,2}\s*:")
_TERMINAL_CHARS = frozenset('.!?…"”’)')


E = Example
# Rules the pipeline applies across sentences and paragraphs (quotations); ids recorded on the claims they make.
PIPELINE_RULES = [
    Rule(
        "quotation-sentences",
        "attribution",
        "pipeline",
        10,
        "every sentence of a quotation spanning several sentences gets the quotation's source",
        (
            E(
                '"The roof leaks. The boiler is forty years old," the headteacher, Amara Quist, said.',
                "The roof leaks",
                "Amara Quist",
            ),
        ),
    ),
    Rule(
        "quoted-sentence-after",
        "attribution",
        "pipeline",
        20,
        "a quoted sentence with no attribution after an attributed quotation in the same paragraph",
        (
            E(
                '"We lost the vote," said Councillor Ewan Brodie. "We will try again next year."',
                "We will try again next year",
                "Ewan Brodie",
            ),
        ),
    ),
    Rule(
        "quoted-sentence-inside",
        "attribution",
        "pipeline",
        30,
        "a further quotation the splitter left inside the sentence of an attributed one",
        (),
    ),
    Rule(
        "quotation-continued",
        "attribution",
        "pipeline",
        40,
        "a quotation left open at the end of a paragraph continues in the next one (British style)",
        (
            E(
                'Coach Dalia Moreau said: "We trained hard all week.\n"The players deserve this win."',
                "The players deserve this win",
                "Dalia Moreau",
            ),
        ),
    ),
    Rule(
        "floating-quotation",
        "attribution",
        "pipeline",
        50,
        "a quoted paragraph with no speaker right after X's quotation is X's (news convention)",
        (
            E(
                '"The water is safe to drink," said Soren Lindahl, director of the utility.\n'
                '"We test it every hour of every day."',
                "We test it every hour of every day",
                "Soren Lindahl",
            ),
        ),
    ),
    Rule(
        "intro-colon-quotation",
        "attribution",
        "pipeline",
        60,
        "'X continued:' / 'X released the following statement:' then a quoted paragraph",
        (
            E(
                'The chairwoman, Hedda Solberg, continued:\n"Our members will not accept these cuts."',
                "Our members will not accept these cuts",
                "Hedda Solberg",
            ),
            E(
                'The Harbour Gazette reports:\n\n"Just 24 percent of last year\'s donors have given again."',
                "Just 24 percent of last year's donors have given again",
                "Harbour Gazette",
            ),
        ),
    ),
    Rule(
        "embedded-post",
        "attribution",
        "pipeline",
        80,
        "a post embedded in the page, signed on the line after it ('— Name (@handle) date'), is Name's",
        (
            E(
                "The club was pleased.\nOur keeper made nine saves tonight, a club record for a league match.\n"
                "— Harbour City FC (@HarbourCityFC) March 3, 2024",
                "Our keeper made nine saves tonight",
                "Harbour City FC",
            ),
        ),
    ),
    Rule(
        "interview-answer",
        "attribution",
        "pipeline",
        70,
        "the answers ('A: ...') of a Q&A interview",
        (
            E(
                "Novelist Irena Kowalczyk spoke about her new book.\nQ: Why set it in a mining town?\n"
                "A: My grandfather worked underground for forty years.",
                "My grandfather worked underground",
                "Irena Kowalczyk",
            ),
        ),
    ),
]


# "— PFF CLE Browns (@PFF_Browns) November 15, 2019": the signature line under an embedded post
_EMBED_SIGNATURE = re.compile(
    r"\s*[—–―-]\s*(?P<name>[^()\n]{2,60}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
_LINK_ONLY = re.compile(r"[^\n]{0,40}(?:pic\.twitter\.com|https?://)\S*\s*$")


def _embedded_posts(text: str, lines: list[Line], content: list[Line]) -> dict[int, tuple[str, int]]:
    """The content lines that are embedded posts, by line index: (signer, where the signer's name is)."""
    owners: dict[int, tuple[str, int]] = {}
    if "(@" not in text:
        return owners
    for ln in lines:
        m = _EMBED_SIGNATURE.match(text, ln.start, ln.end)
        if not m:
            continue
        before = [c for c in content if c.end <= ln.start][-2:]  # the post, maybe followed by its picture link
        if before and _LINK_ONLY.match(text, before[-1].start, before[-1].end) and len(before) == 2:
            before = before[:1]
        if before and not _LINK_ONLY.match(text, before[-1].start, before[-1].end):
            owners[before[-1].index] = (m.group("name").strip(), m.start("name"))
    return owners


def _is_headline(raw: str) -> bool:
    stripped = raw.strip()
    terminal = stripped[-1:] in _TERMINAL_CHARS
    if terminal and ". " in stripped:
        return False  # several sentences: a paragraph
    words = _WORDS.findall(raw)
    if not 2 <= len(words) <= 25:
        return False
    if not terminal:
        return True
    # a title-case headline that got a final period: "Mayor Says Bridge Will Reopen In May."
    long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return len(words) <= 20 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def extract_claims(text: str, attributor: Attributor | None = None) -> list[ExtractedClaim]:
    """All sourced claims of one article, in reading order."""
    if not text or not text.strip():
        return []
    attributor = attributor or DEFAULT_ATTRIBUTOR
    lines = classify_lines(text, split_lines(text))
    content = [ln for ln in lines if ln.furniture is None and text[ln.start : ln.end].strip()]
    speakers = ArticleSpeakers(text, [(ln.start, ln.end) for ln in content])

    # "MORENO: ..." lines of a transcript are speakers, not "NEW DELHI: ..." datelines
    transcript = sum(1 for ln in content if _CAPS_LABEL.match(text, ln.start, ln.end)) >= 2
    dateline_open = True
    interviewee = _interviewee(text, content, speakers)
    posts = _embedded_posts(text, lines, content)
    results: list[tuple[Attribution, str | None, str, str, float]] = []
    carry: tuple[str | None, str, str, str, str] | None = None  # source, kind, mention, cue of an open quotation
    for n_line, ln in enumerate(content):  # a dateline opens the story: only the first lines are tried
        raw = text[ln.start : ln.end]
        sents = split_sentences(text, ln)
        if dateline_open and n_line < 12 and sents and text[sents[0].start].isupper():
            d = dateline_end(text, sents[0].start, sents[0].end, colon=not transcript)
            if d > sents[0].start:  # "KYIV, Jan 5 (Reuters) - Ukraine's military said ...": not part of the clause
                sents[0] = Sentence(d, sents[0].end, sents[0].line)
                dateline_open = False  # an article has one dateline
        headline = _is_headline(raw)
        attrs = attributor.attribute_line(text, sents, ln.index, headline)
        regions = quote_regions(text, ln.start, ln.end)
        if interviewee and _ANSWER.match(raw):
            attrs = _answer_attributions(text, sents, ln.index, attrs, interviewee)
        if ln.index in posts and not attrs:
            name, at = posts[ln.index]
            spans = [strip_span(text, s.start, s.end) for s in sents]
            attrs = [
                Attribution(a, b, name, at, "(@)", "speech", ln.index, rule_id="embedded-post")
                for a, b in spans
                if len(_WORDS.findall(text[a:b])) >= MIN_CONTENT_WORDS
            ]
        attrs.sort(key=lambda a: a.start)
        if regions and len(attrs) > 1:
            attrs = drop_nested(text, attrs, regions)

        # resolve explicit sources in reading order
        resolved: list[tuple[Attribution, str | None, str, str]] = []
        for a in attrs:
            if a.mention:
                r = speakers.resolve(a.mention, a.mention_start)
                resolved.append((a, r.source, r.kind, r.via))
            elif a.extra.get("impersonal"):
                resolved.append((a, None, "unknown", "impersonal"))  # "it was announced that": no source named
            else:  # participle ("..., adding that Y"): the clause's source
                prev = [x for x in resolved if x[0].mention and x[0].start < a.start]
                same = [x for x in attrs if x.mention and x.extra.get("participle") is None]
                src = prev[-1] if prev else None
                if src is None and same:
                    r = speakers.resolve(same[0].mention, same[0].mention_start)
                    src = (same[0], r.source, r.kind, r.via)
                if src is None:
                    continue
                a.mention = src[0].mention
                resolved.append((a, src[1], src[2], "participle"))

        covered = [(a.start, a.end) for a, *_ in resolved]

        def free(s: int, e: int, covered=covered) -> bool:
            return all(min(e, b) - max(s, a0) <= 0.3 * (e - s) for a0, b in covered)

        extra: list[tuple[Attribution, str | None, str, str]] = []
        # quotations spanning several sentences: every sentence of the quote gets the quote's source
        for qs, qe, _closed in regions:
            owners = [x for x in resolved if min(qe, x[0].end) - max(qs, x[0].start) > 0]
            if not owners:
                continue
            owner = owners[0]
            for s in sents:
                ps, pe = max(qs, s.start), min(qe, s.end)
                if pe - ps > 0 and len(_WORDS.findall(text[ps:pe])) >= 2 and free(ps, pe):
                    extra.append(
                        (_piece(text, ps, pe, owner[0], s, "quotation-sentences"), owner[1], owner[2], "quote")
                    )
                    covered.append((ps, pe))
        # quote sentences without their own attribution after an attributed quote in the same line
        quoted_owner = [x for x in resolved if x[0].direct]
        for s in sents:
            inside = [(qs, qe) for qs, qe, _ in regions if qs <= s.start + 2 and qe >= s.end - 3]
            if not inside or not free(s.start, s.end):
                continue
            prev = [x for x in quoted_owner if x[0].start < s.start] or quoted_owner
            if prev:
                o = prev[-1]
                extra.append((_piece(text, s.start, s.end, o[0], s, "quoted-sentence-after"), o[1], o[2], "quote"))
                covered.append((s.start, s.end))
        # a further quoted sentence the splitter left inside a sentence: '"Y1," said X, a ... ago. "Y2."'
        for qs, qe, closed in regions:
            if not closed or not free(qs, qe) or len(_WORDS.findall(text[qs:qe])) < 3:
                continue
            if not _QUOTED_SENTENCE_BEFORE.search(text, max(ln.start, qs - 8), qs):
                continue
            prev = [x for x in quoted_owner if x[0].end < qs]
            sent = next((s for s in sents if s.start <= qs < s.end), None)
            if prev and sent is not None:
                o = prev[-1]
                extra.append((_piece(text, qs, qe, o[0], sent, "quoted-sentence-inside"), o[1], o[2], "quote"))
                covered.append((qs, qe))
        # British style: the quotation opened in an earlier paragraph continues here
        if (
            carry is not None
            and _OPENS_WITH_QUOTE.match(raw)
            and not any(x[0].mention for x in resolved if x[0].cue_kind != "carry")
            # after reported speech, only a paragraph that is one quotation from end to end is the speaker's
            and (carry[4] != "floating-after-reported" or _CLOSES_WITH_QUOTE.search(raw))
        ):
            src, kind, mention, cue, carry_rule = carry
            carry_rule = "floating-quotation" if carry_rule == "floating-after-reported" else carry_rule
            for s in sents:
                if free(s.start, s.end):
                    a = Attribution(s.start, s.end, mention, -1, cue, "carry", ln.index, direct=True)
                    extra.append((_piece(text, s.start, s.end, a, s, carry_rule), src, kind, "carry"))
                    covered.append((s.start, s.end))
        resolved.extend(extra)
        resolved.sort(key=lambda x: x[0].start)

        carry = _next_carry(text, ln, raw, regions, resolved, sents, speakers)

        results.extend((a, src, kind, via, _confidence(a, src, via, headline)) for a, src, kind, via in resolved)

    return _claims(text, results)


def _next_carry(text, ln, raw, regions, resolved, sents, speakers) -> tuple[str | None, str, str, str, str] | None:
    """The speaker whose quotation the next paragraph may continue: (source, kind, mention, cue, rule id)."""
    # does an attributed quotation stay open at the end of this line?
    carry = None
    if regions and not regions[-1][2]:
        qs = regions[-1][0]
        owners = [x for x in resolved if x[0].end > qs - 2]
        if owners:
            o = owners[0]
            carry = (o[1], o[2], o[0].mention, o[0].cue, "quotation-continued")
    if carry is None and resolved and resolved[-1][0].direct and _CLOSES_WITH_QUOTE_OR_CUE.search(raw):
        # an unattributed all-quote paragraph right after X's quotation is X's (news convention)
        o = resolved[-1]
        carry = (o[1], o[2], o[0].mention, o[0].cue, "floating-quotation")
    if (
        carry is None
        and resolved
        and resolved[-1][2] == "person"
        and resolved[-1][1]
        and resolved[-1][0].end >= sents[-1].end - 3
    ):
        # 'X said Y.' then a paragraph that is only a quotation: X's too (the last speaker's)
        o = resolved[-1]
        carry = (o[1], o[2], o[0].mention, o[0].cue, "floating-after-reported")
    if carry is None and raw.rstrip().endswith(":") and not resolved:
        # 'Cruz continued:' / 'X released the following statement:' then a quoted paragraph
        im = _INTRO.search(raw)
        if im:
            pos = ln.start + im.start("cue")
            if im.group("cue").endswith(("statement", "message", "tweet", "post", "letter", "remarks", "note")):
                pos = text.rfind(" ", ln.start, pos - 1) + 1  # the verb before the noun: "released the ..."
            subj = subject_before(text, ln.start, pos) if pos > ln.start else None
            if subj:
                r = speakers.resolve(subj[0], subj[1])
                carry = (r.source, r.kind, subj[0], im.group("cue"), "intro-colon-quotation")
    return carry


def _confidence(a: Attribution, src: str | None, via: str, headline: bool) -> float:
    conf = base_confidence(a)
    if a.direct:
        conf += 0.12
    if via in ("pronoun", "role", "participle", "document"):
        conf -= 0.1
    if via in ("quote", "carry"):
        conf -= 0.05
    if src is None:
        conf -= 0.2
    if headline:
        conf -= 0.1
    return max(0.05, min(0.99, conf))


def _claims(text: str, results: list[tuple[Attribution, str | None, str, str, float]]) -> list[ExtractedClaim]:
    """One claim per span, in reading order."""
    out: list[ExtractedClaim] = []
    seen: set[tuple[int, int]] = set()
    for a, src, kind, _via, conf in sorted(results, key=lambda x: (x[0].start, x[0].end)):
        s, e = a.start, a.end
        if (s, e) in seen or e <= s:
            continue
        seen.add((s, e))
        out.append(
            ExtractedClaim(
                text=text[s:e],
                start=s,
                end=e,
                source=src,
                source_mention=a.mention,
                source_kind=kind or "unknown",
                cue=a.cue,
                is_direct_quote=a.direct,
                confidence=round(conf, 2),
                position=len(out),
                rule_id=a.rule_id,
            )
        )
    return out


_QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.]\s")
_ANSWER = re.compile(r"\s*(?:A|Answer)\s*[:.]\s+")


def _interviewee(text: str, content, speakers: ArticleSpeakers) -> tuple[str, int] | None:
    """The person answering in a "Q: ... / A: ..." interview: the person the article names most often."""
    first_q = next((ln.start for ln in content if _QUESTION.match(text, ln.start, ln.end)), None)
    if first_q is None or not any(_ANSWER.match(text, ln.start, ln.end) for ln in content):
        return None
    counts: dict[str, list[int]] = {}
    for pos, name in speakers.person_mentions:
        full = speakers.canonical_person(name)
        counts.setdefault(full, []).append(pos)
    if not counts:
        return None
    name, poss = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))
    return name, poss[0]


def _answer_attributions(
    text: str, sents: list[Sentence], line: int, attrs: list[Attribution], interviewee: tuple[str, int]
) -> list[Attribution]:
    """The sentences of an interview answer ("A: ...") are the interviewee's claims."""
    name, pos = interviewee
    for a in attrs:
        if a.mention.lower() in ("i", "we"):
            a.mention, a.mention_start = name, pos
    out = list(attrs)
    for i, sent in enumerate(sents):
        s = _ANSWER.match(text, sent.start, sent.end).end() if i == 0 else sent.start
        cs, ce = strip_span(text, s, sent.end)
        if ce <= cs or text[ce - 1] == "?" or len(_WORDS.findall(text, cs, ce)) < MIN_CONTENT_WORDS:
            continue
        if any(a.start < sent.end and a.end > sent.start for a in attrs):
            continue
        out.append(Attribution(cs, ce, name, pos, "A:", "speech", line, direct=True, rule_id="interview-answer"))
    return out


def _piece(text: str, s: int, e: int, owner: Attribution, sent: Sentence, rule_id: str) -> Attribution:
    s, e = strip_span(text, s, e)
    return Attribution(
        s,
        e,
        owner.mention,
        owner.mention_start,
        owner.cue,
        owner.cue_kind,
        sent.line,
        direct=True,
        inherited_from=owner.start,
        rule_id=rule_id,
    )
