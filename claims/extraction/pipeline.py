"""The pipeline: lines -> furniture filter -> sentences -> attribution -> quotations -> speakers."""

from __future__ import annotations

import re

from .attribution import DEFAULT_ATTRIBUTOR, Attributor, base_confidence
from .boilerplate import classify_lines
from .quotes import quote_regions
from .records import Attribution, ExtractedClaim, Sentence
from .segmentation import split_lines, split_sentences
from .speakers import ArticleSpeakers

_WORDS = re.compile(r"\w+")
_OPENS_WITH_QUOTE = re.compile(r"\s*[“\"«„]")
_TERMINAL = re.compile(r"[.!?…\"”’)]\s*$")


def _is_headline(raw: str) -> bool:
    return not _TERMINAL.search(raw) and 2 <= len(_WORDS.findall(raw)) <= 25


def extract_claims(text: str, attributor: Attributor | None = None) -> list[ExtractedClaim]:
    """All sourced claims of one article, in reading order."""
    if not text or not text.strip():
        return []
    attributor = attributor or DEFAULT_ATTRIBUTOR
    lines = classify_lines(text, split_lines(text))
    content = [ln for ln in lines if ln.furniture is None and text[ln.start:ln.end].strip()]
    speakers = ArticleSpeakers(text, [(ln.start, ln.end) for ln in content])

    results: list[tuple[Attribution, str | None, str, str, float]] = []
    carry: tuple[str | None, str, str, str] | None = None  # source, kind, mention, cue of an open quotation
    for ln in content:
        raw = text[ln.start:ln.end]
        sents = split_sentences(text, ln)
        headline = _is_headline(raw)
        attrs = attributor.attribute_line(text, sents, ln.index, headline)
        regions = quote_regions(text, ln.start, ln.end)
        attrs.sort(key=lambda a: a.start)

        # resolve explicit sources in reading order
        resolved: list[tuple[Attribution, str | None, str, str]] = []
        for a in attrs:
            if a.mention:
                r = speakers.resolve(a.mention, a.mention_start)
                resolved.append((a, r.source, r.kind, r.via))
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
                    extra.append((_piece(text, ps, pe, owner[0], s), owner[1], owner[2], "quote"))
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
                extra.append((_piece(text, s.start, s.end, o[0], s), o[1], o[2], "quote"))
                covered.append((s.start, s.end))
        # British style: the quotation opened in an earlier paragraph continues here
        if carry is not None and _OPENS_WITH_QUOTE.match(raw) and not any(x[0].mention for x in resolved
                                                                          if x[0].cue_kind != "carry"):
            src, kind, mention, cue = carry
            for s in sents:
                if free(s.start, s.end):
                    a = Attribution(s.start, s.end, mention, -1, cue, "carry", ln.index, direct=True)
                    extra.append((_piece(text, s.start, s.end, a, s), src, kind, "carry"))
                    covered.append((s.start, s.end))
        resolved.extend(extra)
        resolved.sort(key=lambda x: x[0].start)

        # does an attributed quotation stay open at the end of this line?
        carry_next = None
        if regions and not regions[-1][2]:
            qs = regions[-1][0]
            owners = [x for x in resolved if x[0].end > qs - 2]
            if owners:
                o = owners[0]
                carry_next = (o[1], o[2], o[0].mention, o[0].cue)
        carry = carry_next

        for a, src, kind, via in resolved:
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
            results.append((a, src, kind, via, max(0.05, min(0.99, conf))))

    out: list[ExtractedClaim] = []
    seen: set[tuple[int, int]] = set()
    for a, src, kind, _via, conf in sorted(results, key=lambda x: (x[0].start, x[0].end)):
        s, e = a.start, a.end
        if (s, e) in seen or e <= s:
            continue
        seen.add((s, e))
        out.append(ExtractedClaim(text=text[s:e], start=s, end=e, source=src, source_mention=a.mention,
                                  source_kind=kind or "unknown", cue=a.cue, is_direct_quote=a.direct,
                                  confidence=round(conf, 2), position=len(out)))
    return out


def _piece(text: str, s: int, e: int, owner: Attribution, sent: Sentence) -> Attribution:
    from .attribution import _strip_span

    s, e = _strip_span(text, s, e)
    return Attribution(s, e, owner.mention, owner.mention_start, owner.cue, owner.cue_kind, sent.line, direct=True,
                       inherited_from=owner.start)
