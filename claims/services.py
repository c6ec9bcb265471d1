"""Writes for articles, sources and claims. Every way in (admin, API, UI, commands, seeds) comes through here."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims.extraction import EXTRACTOR_VERSION, ExtractedClaim, extract_claims, source_key, source_surname_key
from claims.importers import ImportFileError
from claims.models import Article, Claim, ClaimOrigin, Source, SourceKind
from claims.signals import claims_changed, claims_deleted, send_on_commit
from claims.validators import validate_storable_datetime
from core.roles import is_admin

logger = logging.getLogger(__name__)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"})
MAX_ALIASES = 50
_http_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    claims_created: int


# Apps above claims react to new claims (matching suggests the same claim in other articles) without claims
# importing them: they subscribe in their AppConfig.ready(). A listener must never make an import fail.
_claims_created_listeners: list[Callable[..., object]] = []


def claims_created_subscribe(listener: Callable[..., object]) -> None:
    """`listener(claims=[...])` is called with the claims each ingest stores, inside its transaction."""
    if listener not in _claims_created_listeners:
        _claims_created_listeners.append(listener)


def claims_created_notify(*, claims: list[Claim]) -> None:
    for listener in _claims_created_listeners:
        listener(claims=claims)


def claims_announce(*, action: str, claim_ids: list[int]) -> None:
    """Tell the layers above (claims.signals.claims_changed), once this transaction commits, that these claims
    were created or changed. Every service that creates or changes a claim's own fields calls it once per change."""
    if claim_ids:
        send_on_commit(claims_changed, action=action, claim_ids=list(claim_ids))


def claim_deleted_record(claim: Claim) -> dict:
    """What is left to tell of a deleted claim (claims.signals.claims_deleted): take it before delete(), which
    clears the primary key."""
    return {
        "id": claim.pk,
        "article": {"id": claim.article_id},
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
    }


def claims_announce_deleted(*, records: list[dict]) -> None:
    """claims_announce for deletions, with claim_deleted_record's records: the claims are gone after the commit."""
    if records:
        send_on_commit(claims_deleted, claims=list(records))


@transaction.atomic
def claims_delete(*, claims: Iterable[Claim], user) -> int:
    """Delete claims (the admin's delete page and bulk delete), with their labels, adjudication and matches; each
    deletion is in the claim's history by `user`, the articles' other claims are numbered again, and claim.deleted
    is announced. Returns how many claims were deleted."""
    if not is_admin(user):
        raise PermissionDenied("Only admins can delete claims.")
    records, articles = [], set()
    for claim in claims:
        records.append(claim_deleted_record(claim))
        articles.add(claim.article_id)
        claim._history_user = user
        claim.delete()
    for article_id in articles:
        _renumber_positions(Article(pk=article_id))
    claims_announce_deleted(records=records)
    return len(records)


@transaction.atomic
def articles_delete(*, articles: Iterable[Article], user) -> int:
    """Delete articles (the admin's delete page and bulk delete) with everything on them; each of their claims is
    announced as deleted (claim.deleted). Returns how many articles were deleted."""
    if not is_admin(user):
        raise PermissionDenied("Only admins can delete articles.")
    articles = list(articles)
    claims = Claim.objects.filter(article__in=articles).order_by("article_id", "position", "pk")
    records = [claim_deleted_record(claim) for claim in claims.only("id", "article_id", "text", "start", "end")]
    for article in articles:
        article.delete()
    claims_announce_deleted(records=records)
    return len(articles)


def claim_touch(*, claim_id: int) -> None:
    """Mark a claim changed now, for `updated_after`: its labels or adjudication changed (rows of other tables)."""
    Claim.objects.filter(pk=claim_id).update(updated_at=timezone.now())


def content_sha256(body: str) -> str:
    """Hash of the text a reader sees: Unicode NFC, LF line ends, no trailing spaces, no surrounding blank lines."""
    text = unicodedata.normalize("NFC", body).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_from_body(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:500]
    return ""


# The column limits of Article, checked before the database sees a value (PostgreSQL refuses an over-long value
# with an error that would abort the transaction, SQLite stores it silently).
TEXT_LIMITS = {"title": 500, "url": 2000, "publisher": 200}


def _text_problem(value: str, *, limit: int | None = None) -> str | None:
    """What stops a database storing this text, as a message: NUL, lone surrogates, or the column's length."""
    if "\x00" in value:
        return "contains NUL bytes; send plain UTF-8 text."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (it has an unpaired surrogate)."
    if limit is not None and len(value) > limit:
        return f"is longer than {limit:,} characters."
    return None


def article_validate_input(
    *, title: str, body: str, url: str = "", publisher: str = "", published_at: datetime | None = None
) -> None:
    """Checks shared by every way in, the same as the API's serializer; raises ValidationError with field messages."""
    errors: dict[str, str] = {}
    try:
        validate_storable_datetime(published_at)
    except ValidationError as error:
        errors["published_at"] = error.messages[0]
    if not isinstance(body, str) or not body.strip():
        errors["body"] = "The article text is empty."
    elif "\x00" in body:
        errors["body"] = "The article text contains NUL bytes; send plain UTF-8 text."
    elif len(body.encode("utf-8", errors="surrogatepass")) > settings.ARTICLE_MAX_BYTES:
        errors["body"] = f"The article text is larger than the limit of {settings.ARTICLE_MAX_BYTES:,} bytes."
    elif _text_problem(body):
        errors["body"] = "The article text is not valid Unicode."
    for name, value in (("title", title), ("url", url), ("publisher", publisher)):
        problem = _text_problem(value, limit=TEXT_LIMITS[name]) if isinstance(value, str) else "must be text."
        if problem:
            errors[name] = f"The {name} {problem}"
    if url and "url" not in errors:
        try:
            _http_url(url)
        except ValidationError:
            errors["url"] = "Enter a valid http or https URL."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def article_ingest(
    *,
    body: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: datetime | None = None,
    language: str = "en",
    created_by=None,
    claims_from: Callable[[Article], list[Claim]] | None = None,
) -> IngestResult:
    """Store an article and its extracted claims. The same text twice is the same article (nothing changes).

    `claims_from(article)` replaces extraction (article_ingest_with_claims: claims given by the caller).
    """
    title = (title or "").strip() or title_from_body(body or "")
    url = (url or "").strip()
    publisher = (publisher or "").strip()
    article_validate_input(title=title, body=body, url=url, publisher=publisher, published_at=published_at)
    digest = content_sha256(body)
    existing = Article.objects.filter(content_sha256=digest).first()
    if existing is not None:
        return IngestResult(article=existing, created=False, claims_created=0)
    if url and Article.objects.filter(url=url).exists():
        raise ValidationError({"url": "Another article with this URL already exists."})
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title,
                body=body,
                url=url,
                publisher=publisher,
                published_at=published_at,
                language=language or "en",
                content_sha256=digest,
                created_by=created_by,
            )
    except IntegrityError:
        # Another request stored the same text (or URL) between our check and our insert.
        existing = Article.objects.filter(content_sha256=digest).first()
        if existing is not None:
            return IngestResult(article=existing, created=False, claims_created=0)
        raise ValidationError({"url": "Another article with this URL already exists."}) from None
    new_claims = _claims_from_extraction(article, extract_claims(body)) if claims_from is None else claims_from(article)
    claims = _claims_store(new_claims, user=created_by)
    claims_created_notify(claims=claims)
    claims_announce(action="created", claim_ids=[claim.pk for claim in claims])
    return IngestResult(article=article, created=True, claims_created=len(claims))


# What a claim record (the export's, see web/api/exports.py) may hold when it is imported. Only the fields a claim
# is made of are read; the rest (ids, timestamps, derived state) belong to the instance it came from. Its labels
# (LABEL_FIELDS) are brought in by annotations.services.article_ingest_labelled for an admin; here they are refused.
CLAIM_RECORD_READ = (
    "text",
    "start",
    "end",
    "source",
    "source_mention",
    "cue",
    "is_direct_quote",
    "confidence",
    "origin",
    "extraction_rule",
    "extractor_version",
    "is_flagged_not_claim",
)
CLAIM_RECORD_IGNORED = frozenset(
    {
        "id",
        "article",
        "start_utf16",
        "end_utf16",
        "position",
        "created_at",
        "updated_at",
        "label_count",
        "status",
        "verdict",
        "cluster",
        "history",
    }
)
LABEL_FIELDS = ("annotations", "adjudication")
MAX_CLAIMS_PER_ARTICLE = 10_000


def claim_record_has_labels(record) -> bool:
    """A claim record carrying labels or an adjudication (`"annotations": []` and `"adjudication": null` carry none)."""
    return isinstance(record, dict) and any(record.get(name) not in (None, [], {}) for name in LABEL_FIELDS)


@dataclass(frozen=True)
class ClaimInput:
    text: str
    start: int
    end: int
    source_name: str
    source_kind: str
    source_mention: str
    cue: str
    is_direct_quote: bool
    confidence: float | None
    origin: str
    extraction_rule: str
    extractor_version: str
    is_flagged_not_claim: bool = False


def _claim_input(record, body: str) -> ClaimInput:
    """One claim record checked against the article text; ValidationError with the reason."""
    if not isinstance(record, dict):
        raise ValidationError("must be an object")
    known = (*CLAIM_RECORD_READ, *CLAIM_RECORD_IGNORED, *LABEL_FIELDS)
    unknown = sorted(str(key) for key in record if key not in known)
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(unknown)}")
    text, start, end = record.get("text"), record.get("start"), record.get("end")
    if not isinstance(text, str) or type(start) is not int or type(end) is not int:
        raise ValidationError("needs `text` (a string) and `start`, `end` (integers, code point offsets)")
    if start < 0 or end <= start or end > len(body):
        raise ValidationError(f"the span {start}-{end} does not lie inside the article text")
    if body[start:end] != text:
        raise ValidationError(f"`text` is not the article text at {start}-{end}")
    if not text.strip():
        raise ValidationError("a claim cannot be only whitespace")
    source = record.get("source")
    if source is not None and not (isinstance(source, dict) and isinstance(source.get("name"), str)):
        raise ValidationError("`source` must be null or an object with a `name`")
    name = (source or {}).get("name", "").strip()
    kind = (source or {}).get("kind", SourceKind.UNKNOWN)
    if source is not None and (not name or len(name) > 300 or "\x00" in name or kind not in SourceKind.values):
        raise ValidationError(f"`source` needs a name of 1-300 characters and a kind among {SourceKind.values}")
    strings = {}
    for field_name, limit in (
        ("source_mention", 300),
        ("cue", 100),
        ("extraction_rule", 60),
        ("extractor_version", 20),
    ):
        value = record.get(field_name) or ""
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise ValidationError(f"`{field_name}` must be text of at most {limit} characters")
        strings[field_name] = value
    quote = record.get("is_direct_quote", False)
    # Claim data like the quote flag (any annotator may set it), so it comes in from whoever may import claims.
    flagged = record.get("is_flagged_not_claim", False)
    confidence = record.get("confidence")
    for field_name, value in (("is_direct_quote", quote), ("is_flagged_not_claim", flagged)):
        if not isinstance(value, bool):
            raise ValidationError(f"`{field_name}` must be true or false")
    if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, int | float)):
        raise ValidationError("`confidence` must be a number or null")
    if confidence is not None and not 0 <= confidence <= 1:
        raise ValidationError("`confidence` must be from 0 to 1")
    origin = record.get("origin") or ClaimOrigin.MANUAL
    if origin not in ClaimOrigin.values:
        raise ValidationError(f"`origin` must be one of {ClaimOrigin.values}")
    return ClaimInput(
        text=text,
        start=start,
        end=end,
        source_name=name,
        source_kind=kind,
        is_direct_quote=quote,
        confidence=None if confidence is None else float(confidence),
        origin=origin,
        is_flagged_not_claim=flagged,
        **strings,
    )


def claim_inputs_validate(*, body: str, claims) -> list[ClaimInput]:
    """Every claim record of an article, or one ValidationError on `claims` listing each bad one by index."""
    if not isinstance(claims, list):
        raise ValidationError({"claims": "Must be a list of claim records."})
    if len(claims) > MAX_CLAIMS_PER_ARTICLE:
        raise ValidationError({"claims": f"At most {MAX_CLAIMS_PER_ARTICLE:,} claims per article."})
    inputs, errors, spans = [], [], set()
    labelled = [str(index) for index, record in enumerate(claims) if claim_record_has_labels(record)]
    if labelled:
        shown = ", ".join(labelled[:20]) + (" ..." if len(labelled) > 20 else "")
        which = f"claims {shown} carry" if len(labelled) > 1 else f"claim {shown} carries"
        errors.append(
            f"{which} labels or an adjudication, and only admins may import them; leave out `annotations` and "
            "`adjudication` to import the claims alone"
        )
    for index, record in enumerate(claims):
        try:
            claim = _claim_input(record, body if isinstance(body, str) else "")
        except ValidationError as error:
            errors.append(f"claim {index}: {' '.join(error.messages)}")
            continue
        if (claim.start, claim.end) in spans:
            errors.append(f"claim {index}: the span {claim.start}-{claim.end} is given twice")
            continue
        spans.add((claim.start, claim.end))
        inputs.append(claim)
    if errors:
        raise ValidationError({"claims": errors})
    return inputs


@transaction.atomic
def article_ingest_with_claims(
    *,
    body: str,
    claims: list,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: datetime | None = None,
    language: str = "en",
    created_by=None,
) -> IngestResult:
    """Store an article with the claims given (the export's claim records: another instance's or a model's),
    exactly as given: no extraction. Offsets are code points into `body` and must slice out each claim's text.

    The same text already stored is the same article: nothing changes (created=False, no claim added).
    """
    inputs = claim_inputs_validate(body=body, claims=claims)
    if language is not None and (not isinstance(language, str) or len(language) > 16):
        raise ValidationError({"language": "A language code of at most 16 characters."})

    def claims_from(article: Article) -> list[Claim]:
        return _claims_given(article, inputs, created_by=created_by)

    return article_ingest(
        body=body,
        title=title,
        url=url,
        publisher=publisher,
        published_at=published_at,
        language=language or "en",
        created_by=created_by,
        claims_from=claims_from,
    )


def _claims_given(article: Article, inputs: list[ClaimInput], *, created_by, resolve=None) -> list[Claim]:
    """Claims from validated claim records, in text order; `resolve` finds each source (source_resolve)."""
    resolve = resolve or source_resolve
    made = []
    for position, item in enumerate(sorted(inputs, key=lambda c: (c.start, c.end))):
        source = None
        if item.source_name:
            source = resolve(name=item.source_name, kind=item.source_kind, mention=item.source_mention)
        made.append(
            Claim(
                article=article,
                text=item.text,
                start=item.start,
                end=item.end,
                source=source,
                source_mention=item.source_mention,
                cue=item.cue,
                is_direct_quote=item.is_direct_quote,
                confidence=item.confidence,
                position=position,
                origin=item.origin,
                extraction_rule=item.extraction_rule,
                extractor_version=item.extractor_version,
                is_flagged_not_claim=item.is_flagged_not_claim,
                created_by=created_by,
            )
        )
    return made


def _claims_from_extraction(article: Article, extracted: list[ExtractedClaim], *, resolve=None) -> list[Claim]:
    """Claims from the extractor's output, in text order; `resolve` finds each source (source_resolve)."""
    resolve = resolve or source_resolve
    claims = []
    seen: set[tuple[int, int]] = set()
    for position, item in enumerate(sorted(extracted, key=lambda c: (c.start, c.end))):
        if (item.start, item.end) in seen:
            continue
        seen.add((item.start, item.end))
        claim_validate_span(article=article, text=item.text, start=item.start, end=item.end)
        source = None
        if item.source:
            source = resolve(name=item.source, kind=item.source_kind, mention=item.source_mention)
        claims.append(
            Claim(
                article=article,
                text=item.text,
                start=item.start,
                end=item.end,
                source=source,
                source_mention=item.source_mention[:300],
                cue=item.cue[:100],
                is_direct_quote=item.is_direct_quote,
                confidence=item.confidence,
                position=position,
                origin=ClaimOrigin.EXTRACTED,
                extraction_rule=item.rule_id,
                extractor_version=EXTRACTOR_VERSION,
            )
        )
    return claims


def claim_validate_span(*, article: Article, text: str, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end <= start or end > len(article.body):
        raise ValidationError({"start": f"The span {start}–{end} does not lie inside the article text."})
    if article.body[start:end] != text:
        raise ValidationError({"text": "The claim text does not match the article text at these offsets."})
    if not text.strip():
        raise ValidationError({"text": "A claim cannot be only whitespace."})


def _line_ends_alike(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@transaction.atomic
def claim_create(
    *,
    article: Article,
    start: int,
    end: int,
    text: str | None = None,
    source: Source | None = None,
    source_mention: str = "",
    cue: str = "",
    is_direct_quote: bool = False,
    origin: str = ClaimOrigin.MANUAL,
    created_by=None,
) -> Claim:
    """Add one claim at exact offsets; `text`, when given, must equal the article text there."""
    span_ok = isinstance(start, int) and isinstance(end, int)
    if text is None:
        text = article.body[start:end] if span_ok else ""
    elif span_ok and _line_ends_alike(text) == _line_ends_alike(article.body[start:end]):
        # Browsers send a form's line breaks as CRLF whatever the article has; the claim keeps the article's own.
        text = article.body[start:end]
    claim_validate_span(article=article, text=text, start=start, end=end)
    if Claim.objects.filter(article=article, start=start, end=end).exists():
        raise ValidationError({"start": "This exact span is already a claim."})
    position = Claim.objects.filter(article=article, start__lt=start).count()
    Claim.objects.filter(article=article, position__gte=position).update(position=F("position") + 1)
    claim = Claim.objects.create(
        article=article,
        text=text,
        start=start,
        end=end,
        source=source,
        source_mention=source_mention[:300],
        cue=cue[:100],
        is_direct_quote=is_direct_quote,
        position=position,
        origin=origin,
        created_by=created_by,
        updated_by=created_by,
    )
    claims_announce(action="created", claim_ids=[claim.pk])
    return claim


def source_resolve(*, name: str, kind: str = SourceKind.UNKNOWN, mention: str = "") -> Source:
    """The one Source for this name: exact normalised key, else a unique surname match among persons, else new."""
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            with transaction.atomic():
                book = SourceBook([(name, kind)])
                source = book.resolve(name=name, kind=kind, mention=mention)
                book.save()
                return source
        except IntegrityError:
            # Another transaction stored this name (or the full name a surname grows into) first: look again.
            if attempt == CONFLICT_TRIES:
                raise
    raise AssertionError("unreachable")


def _source_identity(name: str, kind: str) -> tuple[str, str, str]:
    name = name.strip()[:300]
    return name, source_key(name) or name.lower(), kind if kind in SourceKind.values else SourceKind.UNKNOWN


NAMES_PER_QUERY = 500
SURNAMES_PER_QUERY = 100


class SourceBook:
    """How source names resolve (source_resolve's rule, its one home) for many names at once: the same answers as
    resolving them one after another, from two reads. `resolve` each name in order, then `save()` writes the new
    sources and the changed ones (an alias learnt, a surname grown into a full name) in bulk with their history."""

    def __init__(self, names: list[tuple[str, str]]):
        self.known: dict[str, Source] = {}
        self.new: list[Source] = []
        self.changed: dict[int, Source] = {}
        keys, bare = set(), set()
        for raw_name, raw_kind in names:
            name, key, kind = _source_identity(raw_name, raw_kind)
            keys.add(key)
            surname = source_surname_key(name) if kind == SourceKind.PERSON else ""
            if surname:
                keys.add(surname)
                if surname == key:
                    bare.add(surname)
        keys = sorted(keys)
        for start in range(0, len(keys), NAMES_PER_QUERY):
            self._learn(Source.objects.filter(key__in=keys[start : start + NAMES_PER_QUERY]))
        bare = sorted(bare)
        for start in range(0, len(bare), SURNAMES_PER_QUERY):
            endings = [Q(key__endswith=f" {surname}") for surname in bare[start : start + SURNAMES_PER_QUERY]]
            self._learn(Source.objects.filter(reduce(or_, endings), kind=SourceKind.PERSON))

    def _learn(self, sources) -> None:
        for source in sources:
            self.known.setdefault(source.key, source)

    def resolve(self, *, name: str, kind: str = SourceKind.UNKNOWN, mention: str = "") -> Source:
        name, key, kind = _source_identity(name, kind)
        source = self.known.get(key)
        if source is None and kind == SourceKind.PERSON:
            source = self._person_by_surname(name, key)
        if source is None:
            source = Source(name=name, kind=kind, key=key, aliases=[])
            self.known[key] = source
            self.new.append(source)
        aliases = _aliases_with_mention(source, mention)
        if aliases != source.aliases:
            source.aliases = aliases
            self._changed(source)
        return source

    def _person_by_surname(self, name: str, key: str) -> Source | None:
        surname = source_surname_key(name)
        if not surname:
            return None
        if key == surname:
            # A bare surname ("Peskov"): the one person already known by a full name ending in it.
            found = [s for s in self.known.values() if s.kind == SourceKind.PERSON and s.key.endswith(f" {surname}")]
            return found[0] if len(found) == 1 else None
        # A full name ("Dmitry Peskov") for a person stored so far by surname alone: upgrade that row.
        bare = self.known.get(surname)
        if bare is None or bare.kind != SourceKind.PERSON:
            return None
        bare.aliases = _with_alias(bare.aliases, bare.name)
        del self.known[surname]
        bare.name, bare.key = name, key
        self.known[key] = bare
        self._changed(bare)
        return bare

    def _changed(self, source: Source) -> None:
        if source.pk is not None:
            self.changed[source.pk] = source

    def save(self) -> None:
        # Renames first: a surname row grown into a full name frees its key for a new source of that surname.
        if self.changed:
            changed = [self.changed[pk] for pk in sorted(self.changed)]
            now = timezone.now()
            for source in changed:
                source.updated_at = now  # auto_now is not applied by bulk updates
            bulk_update_with_history(changed, Source, ["name", "key", "aliases", "updated_at"])
        if self.new:
            bulk_create_with_history(sorted(self.new, key=lambda source: source.key), Source)
        self.new, self.changed = [], {}


def _with_alias(aliases: list[str], alias: str) -> list[str]:
    if alias and alias not in aliases and len(aliases) < MAX_ALIASES:
        return [*aliases, alias]
    return aliases


def _aliases_with_mention(source: Source, mention: str) -> list[str]:
    mention = (mention or "").strip()[:300]
    if not mention or mention == source.name or mention.lower() in PRONOUNS:
        return source.aliases
    return _with_alias(list(source.aliases), mention)


def _source_remember_alias(source: Source, mention: str) -> None:
    aliases = _aliases_with_mention(source, mention)
    if aliases != source.aliases:
        source.aliases = aliases
        source.save(update_fields=["aliases"])


@dataclass(frozen=True)
class ReextractResult:
    added: int
    removed: int
    updated: int
    kept_with_human_input: int


@transaction.atomic
def article_reextract(*, article: Article) -> ReextractResult:
    """Run the current extraction rules again without losing any human work.

    A claim someone annotated, flagged, edited or added is kept exactly as it is. Unannotated extracted claims
    that the rules no longer find are removed, ones they still find are refreshed, and new ones are added.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    fresh = {(c.start, c.end): c for c in _claims_from_extraction(article, extract_claims(article.body))}
    existing = Claim.objects.filter(article=article).annotate(n_annotations=Count("annotations"))
    kept = 0
    removed: list[dict] = []
    updated: list[int] = []
    for claim in existing:
        touched = (
            claim.n_annotations
            or claim.origin != ClaimOrigin.EXTRACTED
            or claim.is_flagged_not_claim
            or claim.updated_by_id is not None
        )
        new = fresh.pop((claim.start, claim.end), None)
        if touched:
            kept += 1
        elif new is None:
            removed.append(claim_deleted_record(claim))
            claim.delete()
        elif (new.source_id, new.source_mention, new.cue, new.is_direct_quote, new.extraction_rule) != (
            claim.source_id,
            claim.source_mention,
            claim.cue,
            claim.is_direct_quote,
            claim.extraction_rule,
        ):
            claim.source, claim.source_mention, claim.cue = new.source, new.source_mention, new.cue
            claim.is_direct_quote, claim.confidence = new.is_direct_quote, new.confidence
            claim.extraction_rule, claim.extractor_version = new.extraction_rule, new.extractor_version
            claim.save(
                update_fields=[
                    "source",
                    "source_mention",
                    "cue",
                    "is_direct_quote",
                    "confidence",
                    "extraction_rule",
                    "extractor_version",
                ]
            )
            updated.append(claim.pk)
    added = _claims_store(list(fresh.values()), user=None)
    _renumber_positions(article)
    claims_announce(action="updated", claim_ids=updated)
    claims_announce(action="created", claim_ids=[claim.pk for claim in added])
    claims_announce_deleted(records=removed)
    return ReextractResult(added=len(fresh), removed=len(removed), updated=len(updated), kept_with_human_input=kept)


def _claims_store(claims: list[Claim], *, user) -> list[Claim]:
    """Insert extracted claims in bulk, each with its first history record, so a claim's history starts at birth."""
    if not claims:
        return []
    return bulk_create_with_history(claims, Claim, default_user=user)


def _renumber_positions(article: Article) -> None:
    claims = list(Claim.objects.filter(article=article).order_by("start", "end").only("id", "position"))
    for position, claim in enumerate(claims):
        claim.position = position
    Claim.objects.bulk_update(claims, ["position"])


@transaction.atomic
def claim_flag(*, claim: Claim, user, flagged: bool = True) -> Claim:
    """Mark (or unmark) a span as not a claim. Who and when are kept in the claim's history."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.is_flagged_not_claim != flagged:
        claim.is_flagged_not_claim = flagged
        claim.updated_by = user
        claim._history_user = user
        claim.save(update_fields=["is_flagged_not_claim", "updated_by", "updated_at"])
        claims_announce(action="updated", claim_ids=[claim.pk])
    return claim


@transaction.atomic
def claim_set_source(
    *, claim: Claim, user, source: Source | None = None, new_name: str = "", kind: str = SourceKind.UNKNOWN
) -> Claim:
    """Point a claim at an existing source, or at one named here (created or merged by its normalised name)."""
    new_name = (new_name or "").strip()
    if source is None and not new_name:
        raise ValidationError({"source": "Pick a source or type the name of a new one."})
    if new_name and ("\x00" in new_name or len(new_name) > 300):
        raise ValidationError({"new_name": "Enter a name of at most 300 characters."})
    if source is None:
        source = source_resolve(name=new_name, kind=kind, mention=new_name)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.source_id != source.pk:
        claim.source = source
        claim.updated_by = user
        claim._history_user = user
        claim.save(update_fields=["source", "updated_by", "updated_at"])
        claims_announce(action="updated", claim_ids=[claim.pk])
    return claim


@transaction.atomic
def source_merge(*, sources: list[Source], into: Source, user) -> Source:
    """Fold `sources` into `into`: their claims point at it (each change in the claim's history), their names
    and aliases become its aliases, then they are deleted. A source with claims is never deleted otherwise."""
    into = Source.objects.select_for_update().get(pk=into.pk)
    aliases = list(into.aliases)
    moved: list[int] = []
    for source in sources:
        if source.pk == into.pk:
            continue
        for claim in Claim.objects.select_for_update().filter(source=source):
            claim.source = into
            claim.updated_by = user
            claim._history_user = user
            claim.save(update_fields=["source", "updated_by", "updated_at"])
            moved.append(claim.pk)
        for alias in [source.name, *source.aliases]:
            aliases = _with_alias(aliases, alias)
        source._history_user = user
        source.delete()
    into.aliases = aliases
    into._history_user = user
    into.save(update_fields=["aliases"])
    claims_announce(action="updated", claim_ids=moved)
    return into


_WORD = re.compile(r"\w+")
MAX_CUE_LENGTH = 100


def text_changed_materially(before: str, after: str) -> bool:
    """True when the words differ; moving an edge over spaces, quotation marks or punctuation is not material.

    A label was given to the words a claim says, so only a change of words makes it a label on another claim.
    """
    return _WORD.findall(before.casefold()) != _WORD.findall(after.casefold())


def claim_check_update(
    *,
    claim: Claim,
    start: int,
    end: int,
    cue: str | None = None,
    source_mention: str | None = None,
    new_source_name: str = "",
) -> None:
    """The checks of claim_update, also run on an annotator's proposed fix; ValidationError with field messages."""
    article = claim.article
    errors: dict[str, str] = {}
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end <= start or end > len(article.body):
        errors["start"] = f"The span {start}–{end} does not lie inside the article text (0–{len(article.body)})."
    elif not article.body[start:end].strip():
        errors["start"] = "A claim cannot be only whitespace."
    elif Claim.objects.filter(article_id=claim.article_id, start=start, end=end).exclude(pk=claim.pk).exists():
        errors["start"] = "Another claim already has exactly this span."
    if cue is not None and (len(cue.strip()) > MAX_CUE_LENGTH or "\x00" in cue):
        errors["cue"] = f"Enter a cue of at most {MAX_CUE_LENGTH} characters."
    if source_mention is not None and (len(source_mention.strip()) > 300 or "\x00" in source_mention):
        errors["source_mention"] = "Enter a name of at most 300 characters."
    new_source_name = (new_source_name or "").strip()
    if new_source_name and ("\x00" in new_source_name or len(new_source_name) > 300):
        errors["new_source_name"] = "Enter a name of at most 300 characters."
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class ClaimUpdateResult:
    claim: Claim
    old_text: str
    changed: tuple[str, ...]  # the fields that changed, in model order
    text_changed_materially: bool


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user,
    start: int | None = None,
    end: int | None = None,
    cue: str | None = None,
    is_direct_quote: bool | None = None,
    source: Source | None = None,
    new_source_name: str = "",
    source_kind: str = SourceKind.UNKNOWN,
    source_mention: str | None = None,
) -> ClaimUpdateResult:
    """Fix a claim in place: its span (offsets into the article), source, the name it goes by there, cue, quote.

    None (or no source and no new name) keeps a field as it is. The text always follows the offsets. One save, so
    the claim's history holds one record per fix with who made it.
    """
    claim = Claim.objects.select_for_update().select_related("article").get(pk=claim.pk)
    article = claim.article
    start = claim.start if start is None else start
    end = claim.end if end is None else end
    claim_check_update(
        claim=claim, start=start, end=end, cue=cue, source_mention=source_mention, new_source_name=new_source_name
    )
    new_source_name = (new_source_name or "").strip()
    old_text = claim.text
    if source is None and new_source_name:
        source = source_resolve(name=new_source_name, kind=source_kind, mention=(source_mention or "").strip())
    elif source is not None and source_mention:
        _source_remember_alias(source, source_mention)
    wanted = {
        "start": start,
        "end": end,
        "text": article.body[start:end],
        "cue": claim.cue if cue is None else cue.strip(),
        "is_direct_quote": claim.is_direct_quote if is_direct_quote is None else bool(is_direct_quote),
        "source": claim.source if source is None else source,
        "source_mention": claim.source_mention if source_mention is None else source_mention.strip(),
    }
    changed = tuple(name for name, value in wanted.items() if getattr(claim, name) != value)
    if changed:
        for name in changed:
            setattr(claim, name, wanted[name])
        claim.updated_by = user
        claim._history_user = user
        claim.save(update_fields=[*changed, "updated_by", "updated_at"])
        if "start" in changed:
            _renumber_positions(article)
        claims_announce(action="updated", claim_ids=[claim.pk])
    return ClaimUpdateResult(
        claim=claim,
        old_text=old_text,
        changed=changed,
        text_changed_materially=text_changed_materially(old_text, claim.text),
    )


@transaction.atomic
def claim_save_as_admin(*, claim: Claim, user, changed: list[str]) -> Claim:
    """A claim changed on its admin page (source, mention, cue, flags): saved with who changed it and announced."""
    claim.updated_by = user
    claim._history_user = user
    claim.save()
    if changed:
        claims_announce(action="updated", claim_ids=[claim.pk])
    return claim


def validation_reason(error: ValidationError) -> str:
    """A ValidationError as one line for an import report: "field: message; field: message"."""
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    return " ".join(error.messages)


@dataclass
class ImportReport:
    created: int
    existing: int  # the same text was already here
    claims: int
    errors: list[str]  # "label: reason", one per record that failed
    articles: list[Article]  # the first MAX_REPORTED_ARTICLES, for links


MAX_REPORTED_ARTICLES = 100  # a 100,000-line import must not keep every article (and its body) in memory


CONFLICT_TRIES = 3


def _ingest_retrying_conflicts(record, created_by, *, tries: int, ingest_with_claims) -> IngestResult:
    """article_ingest, tried again when the database gave up on it for a conflict with a concurrent import (a
    deadlock between two workers): its savepoint was rolled back whole, so trying again is safe."""
    fields = {
        "body": record.body,
        "title": record.title,
        "url": record.url,
        "publisher": record.publisher,
        "published_at": record.published_at,
        "created_by": created_by,
    }
    for attempt in range(1, tries + 1):
        try:
            if "claims" in record.extra:
                # Claims in the export's record format: kept as given, not extracted again.
                language = record.extra.get("language") or "en"
                return ingest_with_claims(**fields, claims=record.extra["claims"], language=language)
            return article_ingest(**fields)
        except OperationalError:
            if attempt == tries:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def article_import_records(
    *,
    records,
    created_by=None,
    retry_conflicts: bool = True,
    ingest_with_claims: Callable[..., IngestResult] = article_ingest_with_claims,
) -> ImportReport:
    """Ingest records from claims.importers.iter_records (articles, or the errors that stopped them).

    One failing record never stops the rest; each article is its own transaction, through article_ingest.
    Inside a caller's transaction (a background chunk) pass `retry_conflicts=False`: a deadlock with another worker
    then propagates, so the caller rolls back and retries the whole chunk, releasing the locks it held.
    Records with claims go to `ingest_with_claims` (article_ingest_with_claims's arguments): the layer above passes
    one that also brings in their labels (annotations.services.articles_import, which every way in calls).
    """
    report = ImportReport(created=0, existing=0, claims=0, errors=[], articles=[])
    for record in records:
        if isinstance(record, ImportFileError):
            report.errors.append(str(record))
            continue
        try:
            result = _ingest_retrying_conflicts(
                record,
                created_by,
                tries=CONFLICT_TRIES if retry_conflicts else 1,
                ingest_with_claims=ingest_with_claims,
            )
        except OperationalError:
            if not retry_conflicts:
                raise
            report.errors.append(f"{record.label}: could not be stored (a database conflict); nothing of it was kept")
            continue
        except ValidationError as error:
            report.errors.append(f"{record.label}: {validation_reason(error)}")
            continue
        except Exception as error:  # any one record's failure is reported, and the records after it still import
            logger.exception("Import of %s failed", record.label)
            report.errors.append(
                f"{record.label}: could not be stored ({type(error).__name__}); nothing of it was kept"
            )
            continue
        report.created += result.created
        report.existing += not result.created
        report.claims += result.claims_created
        if len(report.articles) < MAX_REPORTED_ARTICLES:
            report.articles.append(result.article)
    return report


@dataclass
class _Pending:
    """A record checked and ready to store: its article's fields, its text's hash, and its claims to come."""

    index: int  # its place in the batch, so errors are reported in file order
    label: str
    fields: dict
    digest: str
    given: list[ClaimInput] | None = None  # claims in the export's record format, kept as given
    extracted: list[ExtractedClaim] = field(default_factory=list)


def _pending_from(index: int, record) -> _Pending:
    """The checks of article_ingest(_with_claims) for one record, without the database; ValidationError if bad."""
    given, language = None, "en"
    if "claims" in record.extra:
        given = claim_inputs_validate(body=record.body, claims=record.extra["claims"])
        language = record.extra.get("language")
        if language is not None and (not isinstance(language, str) or len(language) > 16):
            raise ValidationError({"language": "A language code of at most 16 characters."})
    fields = {
        "title": (record.title or "").strip() or title_from_body(record.body or ""),
        "body": record.body,
        "url": (record.url or "").strip(),
        "publisher": (record.publisher or "").strip(),
        "published_at": record.published_at,
    }
    article_validate_input(**fields)
    fields["language"] = language or "en"
    return _Pending(index, record.label, fields, content_sha256(record.body), given=given)


def _stored_digests(digests: Iterable[str]) -> set[str]:
    digests = sorted(set(digests))
    found: set[str] = set()
    for start in range(0, len(digests), NAMES_PER_QUERY):
        part = digests[start : start + NAMES_PER_QUERY]
        found.update(Article.objects.filter(content_sha256__in=part).values_list("content_sha256", flat=True))
    return found


def _stored_urls(urls: Iterable[str]) -> set[str]:
    urls = sorted({url for url in urls if url})
    found: set[str] = set()
    for start in range(0, len(urls), NAMES_PER_QUERY):
        found.update(
            Article.objects.filter(url__in=urls[start : start + NAMES_PER_QUERY]).values_list("url", flat=True)
        )
    return found


URL_TAKEN = "url: Another article with this URL already exists."


def article_import_batch(*, records, created_by=None) -> ImportReport:
    """Ingest a batch of records (a background job's chunk) with a few queries per batch, not per article: the
    same outcome as article_import_records one by one. The same text is one article (also twice in one batch), a
    URL belongs to one article, sources resolve as source_resolve does, each claim gets its first history record
    and matching sees the claims as if the articles came one after another.

    article_import_prepare, then article_import_store: a caller that holds a transaction for the batch (a job
    chunk) runs the first before it, so the costly extraction and the shared sources stay outside it.
    """
    return article_import_store(batch=article_import_prepare(records=records, created_by=created_by))


@dataclass
class ImportBatch:
    """Records checked, their claims extracted and their sources resolved: ready for article_import_store."""

    new: list[tuple[_Pending, Article, list[Claim]]]
    existing: int  # texts stored already, or twice in the batch
    errors: list[tuple[int, str]]  # (place in the batch, message)
    created_by: object = None


def article_import_prepare(*, records, created_by=None) -> ImportBatch:
    """Check every record, extract the claims of the texts not stored yet and resolve their sources, saving new
    sources and learnt aliases in a short transaction of their own.

    Sources are shared by every import: saved here, a new speaker named in two workers' chunks at once makes one
    wait for the other's insert only, not for its whole chunk. (A chunk that then fails leaves such a source
    without claims, for its retry to find.) A record that fails its checks is an error; the others go on.
    """
    errors: list[tuple[int, str]] = []
    pending: list[_Pending] = []
    for index, record in enumerate(records):
        if isinstance(record, ImportFileError):
            errors.append((index, str(record)))
            continue
        try:
            pending.append(_pending_from(index, record))
        except ValidationError as error:
            errors.append((index, f"{record.label}: {validation_reason(error)}"))
    stored = _stored_digests(item.digest for item in pending)
    urls = _stored_urls(item.fields["url"] for item in pending)
    new, existing = [], 0
    for item in pending:
        url = item.fields["url"]
        if item.digest in stored:
            existing += 1
            continue
        if url and url in urls:
            errors.append((item.index, f"{item.label}: {URL_TAKEN}"))
            continue
        try:
            if item.given is None:
                item.extracted = extract_claims(item.fields["body"])
                _claims_from_extraction(Article(body=item.fields["body"]), item.extracted, resolve=lambda **_: None)
        except ValidationError as error:
            errors.append((item.index, f"{item.label}: {validation_reason(error)}"))
            continue
        except Exception as error:  # one record's surprise is reported; the others are still stored
            logger.exception("Import of %s failed", item.label)
            reason = f"could not be stored ({type(error).__name__}); nothing of it was kept"
            errors.append((item.index, f"{item.label}: {reason}"))
            continue
        stored.add(item.digest)
        if url:
            urls.add(url)
        new.append(item)
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            with transaction.atomic():
                built = _with_sources(new, created_by=created_by)
            break
        except IntegrityError:  # another import saved one of these sources first: resolve them again
            if attempt == CONFLICT_TRIES:
                raise
    return ImportBatch(new=built, existing=existing, errors=errors, created_by=created_by)


def _with_sources(new: list[_Pending], *, created_by) -> list[tuple[_Pending, Article, list[Claim]]]:
    names = [
        *((claim.source, claim.source_kind) for item in new for claim in item.extracted if claim.source),
        *((claim.source_name, claim.source_kind) for item in new for claim in item.given or () if claim.source_name),
    ]
    book = SourceBook(names)
    built = []
    for item in new:
        article = Article(**item.fields, content_sha256=item.digest, created_by=created_by)
        if item.given is not None:
            claims = _claims_given(article, item.given, created_by=created_by, resolve=book.resolve)
        else:
            claims = _claims_from_extraction(article, item.extracted, resolve=book.resolve)
        built.append((item, article, claims))
    book.save()
    return built


def article_import_store(*, batch: ImportBatch) -> ImportReport:
    """Store a prepared batch's articles and claims (in the caller's transaction) and match the claims. A text or
    URL another import stored meanwhile is found again here. A database error propagates: the caller rolls the
    whole batch back and tries it again."""
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            with transaction.atomic():
                report, taken = _batch_store(batch)
            break
        except IntegrityError:
            if attempt == CONFLICT_TRIES:
                raise
    errors = [*batch.errors, *((item.index, f"{item.label}: {URL_TAKEN}") for item in taken)]
    report.errors = [message for _, message in sorted(errors, key=lambda error: error[0])]
    return report


def _batch_store(batch: ImportBatch) -> tuple[ImportReport, list[_Pending]]:
    report = ImportReport(created=0, existing=batch.existing, claims=0, errors=[], articles=[])
    stored = _stored_digests(item.digest for item, _, _ in batch.new)
    urls = _stored_urls(item.fields["url"] for item, _, _ in batch.new)
    articles, claims, taken = [], [], []
    for item, article, article_claims in batch.new:
        if item.digest in stored:
            report.existing += 1
        elif item.fields["url"] and item.fields["url"] in urls:
            taken.append(item)
        else:
            # Unsaved again, in case an earlier try of this savepoint gave them ids that were rolled back.
            article.pk, article._state.adding = None, True
            for claim in article_claims:
                claim.pk, claim._state.adding = None, True
                claim.article = article
            articles.append(article)
            claims.extend(article_claims)
    Article.objects.bulk_create(articles)  # bulk_create then sets each claim's article_id from its article
    stored_claims = _claims_store(claims, user=batch.created_by)
    claims_created_notify(claims=stored_claims)
    report.created, report.claims = len(articles), len(stored_claims)
    report.articles = articles[:MAX_REPORTED_ARTICLES]
    return report, taken
