"""Reads for labels: progress, what an annotator may see, the reviewer queue and a claim's history."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from statistics import median

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from annotations import blind
from annotations.agreement import AlphaResult, KappaResult, krippendorff_alpha, pairwise_kappas
from annotations.guidelines import DEFAULT_TEXT as DEFAULT_GUIDELINES
from annotations.models import Adjudication, Annotation, ClaimFixProposal, ClaimReservation, Guidelines, ProposalStatus
from annotations.queue import takes_labels
from claims.models import Article, Claim, ClaimStatus, Source


@dataclass(frozen=True)
class Progress:
    labelled: int
    remaining: int
    today: int


@lru_cache(maxsize=4)
def _takes_labels_sql(labels_per_claim: int, vendor: str) -> tuple[str, list]:
    """annotations.queue.takes_labels as a SQL condition on the claims table, compiled by the ORM once per
    LABELS_PER_CLAIM and database (every review page asks)."""
    query = Claim.objects.filter(takes_labels()).query
    condition, params = query.get_compiler(connection=connection).compile(query.where)
    return condition, list(params)


def annotator_progress(*, user) -> Progress:
    """My labels, the claims still open to me, and my labels today: four counts, one query.

    "Open to me" is every claim that takes labels (annotations.queue) less those of them I labelled: two index
    counts, where one NOT EXISTS per open claim would grow with the project. One statement because every review page
    and every label asks it."""
    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    labels, claims = Annotation._meta.db_table, connection.ops.quote_name(Claim._meta.db_table)
    is_open, open_params = _takes_labels_sql(settings.LABELS_PER_CLAIM, connection.vendor)
    sql = f"""
        SELECT (SELECT COUNT(*) FROM {labels} WHERE annotator_id = %s),
               (SELECT COUNT(*) FROM {labels} WHERE annotator_id = %s AND updated_at >= %s),
               (SELECT COUNT(*) FROM {labels} a JOIN {claims} ON {claims}.id = a.claim_id
                 WHERE a.annotator_id = %s AND {is_open}),
               (SELECT COUNT(*) FROM {claims} WHERE {is_open})
    """  # noqa: S608 - table names from the models, the condition compiled by the ORM, values as parameters
    day = connection.ops.adapt_datetimefield_value(start_of_day)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, user.pk, day, user.pk, *open_params, *open_params])
        labelled, today, open_labelled, open_count = cursor.fetchone()
    return Progress(labelled=labelled, remaining=open_count - open_labelled, today=today)


def annotations_visible_to(*, user, claim: Claim) -> list[Annotation]:
    """The labels on a claim this user may see (annotations.blind): everyone's for reviewers, else their own.
    One query; the user's own label is among them."""
    labels = Annotation.objects.filter(claim=claim).select_related("annotator").order_by("created_at", "id")
    return list(blind.labels_visible(user, labels))


def annotation_of(*, user, claim: Claim) -> Annotation | None:
    return Annotation.objects.filter(claim=claim, annotator=user).first()


def claims_for_adjudication() -> QuerySet[Claim]:
    return (
        Claim.objects.filter(status=ClaimStatus.CONFLICTING)
        .select_related("article", "source")
        .prefetch_related("annotations__annotator")
        .order_by("article_id", "position")
    )


@dataclass(frozen=True)
class HistoryEvent:
    when: datetime
    who: str
    what: str  # "label", "adjudication", "claim"
    action: str  # "created", "changed", "deleted"
    changes: dict  # field -> (before, after)
    reason: str = ""  # why, when the change said so (a label retired because the claim's text changed)


_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _events(records, what: str, fields: list[str]) -> list[HistoryEvent]:
    events = []
    previous_by_object: dict[int, object] = {}
    for record in records:
        before = previous_by_object.get(record.id)
        changes = {}
        for field in fields:
            old = getattr(before, field, None) if before is not None else None
            new = getattr(record, field, None)
            if record.history_type == "-":
                new = None
            if old != new:
                changes[field] = (_show(old), _show(new))
        previous_by_object[record.id] = record
        who = record.history_user.get_username() if record.history_user else "system"
        reason = getattr(record, "history_change_reason", None) or ""
        events.append(HistoryEvent(record.history_date, who, what, _ACTIONS[record.history_type], changes, reason))
    return events


def _show(value):
    if value is None or value == "":
        return "—"
    return str(value)


def claim_history(*, claim: Claim) -> list[HistoryEvent]:
    """Every change to the claim, its labels and its adjudication, oldest first, with before and after."""
    labels = (
        Annotation.history.filter(claim_id=claim.pk)
        .select_related("history_user", "annotator")
        .order_by("history_date", "history_id")
    )
    label_events = _events(labels, "label", ["annotator", "verdict", "note", "evidence_url"])
    adjudications = (
        Adjudication.history.filter(claim_id=claim.pk)
        .select_related("history_user", "reviewer")
        .order_by("history_date", "history_id")
    )
    adjudication_events = _events(adjudications, "adjudication", ["reviewer", "verdict", "rationale"])
    claim_records = (
        Claim.history.filter(id=claim.pk)
        .select_related("history_user", "source")
        .order_by("history_date", "history_id")
    )
    claim_fields = [
        "text",
        "start",
        "end",
        "source",
        "source_mention",
        "cue",
        "is_direct_quote",
        "is_flagged_not_claim",
    ]
    claim_events = _events(claim_records, "claim", claim_fields)
    return sorted(label_events + adjudication_events + claim_events, key=lambda e: e.when)


@dataclass(frozen=True)
class GroupAgreement:
    id: int
    name: str
    alpha: AlphaResult


@dataclass(frozen=True)
class AnnotatorFigures:
    username: str
    labels: int
    median_seconds: float | None
    agreement_with_consensus: float | None  # share of their labels that match the consensus
    compared: int  # their labels on claims that have a consensus


@dataclass(frozen=True)
class AgreementReport:
    overall: AlphaResult
    pairs: list[KappaResult]
    by_article: list[GroupAgreement]
    by_source: list[GroupAgreement]
    annotators: list[AnnotatorFigures]
    verdicts_by_source: list[tuple[str, dict[str, int]]]


def agreement_report() -> AgreementReport:
    """Agreement figures over every label, from one query: overall, per annotator pair, article and source."""
    rows = list(
        Annotation.objects.values_list(
            "claim_id",
            "annotator__username",
            "verdict",
            "claim__article_id",
            "claim__article__title",
            "claim__source_id",
            "claim__source__name",
            "claim__consensus_verdict",
            "seconds_spent",
        ).order_by("claim_id")
    )
    labels = [(claim, who, verdict) for claim, who, verdict, *_ in rows]
    by_article: dict[int, list] = defaultdict(list)
    by_source: dict[int, list] = defaultdict(list)
    names: dict[tuple[str, int], str] = {}
    per_annotator: dict[str, list] = defaultdict(list)
    verdicts_by_source: dict[str, Counter] = defaultdict(Counter)
    for claim, who, verdict, article_id, title, source_id, source_name, consensus, seconds in rows:
        by_article[article_id].append((claim, who, verdict))
        names[("article", article_id)] = title
        if source_id is not None:
            by_source[source_id].append((claim, who, verdict))
            names[("source", source_id)] = source_name
        per_annotator[who].append((verdict, consensus, seconds))
    for source_name, consensus in Claim.objects.exclude(consensus_verdict="").values_list(
        "source__name", "consensus_verdict"
    ):
        verdicts_by_source[source_name or "(no source)"][consensus] += 1

    def groups(grouped, kind):
        found = [GroupAgreement(key, names[(kind, key)], krippendorff_alpha(items)) for key, items in grouped.items()]
        return sorted((g for g in found if g.alpha.units), key=lambda g: (-g.alpha.units, g.name))

    annotators = []
    for who, items in sorted(per_annotator.items()):
        seconds = [s for _, _, s in items if s is not None]
        compared = [(v, c) for v, c, _ in items if c]
        annotators.append(
            AnnotatorFigures(
                username=who,
                labels=len(items),
                median_seconds=median(seconds) if seconds else None,
                agreement_with_consensus=(sum(v == c for v, c in compared) / len(compared)) if compared else None,
                compared=len(compared),
            )
        )
    return AgreementReport(
        overall=krippendorff_alpha(labels),
        pairs=pairwise_kappas(labels),
        by_article=groups(by_article, "article"),
        by_source=groups(by_source, "source"),
        annotators=annotators,
        verdicts_by_source=sorted(
            ((name, dict(counts)) for name, counts in verdicts_by_source.items()), key=lambda x: -sum(x[1].values())
        ),
    )


def my_verdicts_for_article(*, user, article) -> dict[int, str]:
    """{claim id: verdict} for this user's own labels in one article; never anyone else's (blind labelling)."""
    rows = Annotation.objects.filter(claim__article=article, annotator=user).values_list("claim_id", "verdict")
    return dict(rows)


def claim_held_by_other(*, user, claim: Claim) -> bool:
    hold_field = Claim.reservation.related
    if hold_field.is_cached(claim):  # read with the claim: select_related("reservation")
        hold = hold_field.get_cached_value(claim)
        return hold is not None and hold.expires_at > timezone.now() and hold.annotator_id != user.pk

    return ClaimReservation.objects.filter(claim=claim, expires_at__gt=timezone.now()).exclude(annotator=user).exists()


def claims_visible_to(*, user) -> QuerySet[Claim]:
    """Claims for the API with what this user may see of their labels, in a fixed number of queries.

    Each claim gets `visible_annotations` (everyone's for reviewers, only the user's own for annotators) and
    `labelled_by_me`. Blind labelling: an annotator never sees another annotator's label through the API.
    """

    labels = Annotation.objects.select_related("annotator").order_by("created_at", "id")
    claims = Claim.objects.select_related("article", "source", "adjudication__reviewer").defer("article__body")
    if blind.sees_all_labels(user):
        return claims.annotate(labelled_by_me=Value(True, output_field=BooleanField())).prefetch_related(
            Prefetch("annotations", queryset=labels, to_attr="visible_annotations")
        )
    mine = Annotation.objects.filter(claim=OuterRef("pk"), annotator=user)
    return claims.annotate(labelled_by_me=Exists(mine)).prefetch_related(
        Prefetch("annotations", queryset=blind.labels_visible(user, labels), to_attr="visible_annotations")
    )


def annotations_listed_for(*, user) -> QuerySet[Annotation]:
    """Every label for reviewers; only their own for anyone else."""
    return blind.labels_visible(user, Annotation.objects.select_related("annotator"))


EXPORT_CLAIM_COLUMNS = (
    "id",
    "article_id",
    "source_id",
    "text",
    "start",
    "end",
    "source_mention",
    "cue",
    "is_direct_quote",
    "confidence",
    "position",
    "origin",
    "extraction_rule",
    "extractor_version",
    "is_flagged_not_claim",
    "created_at",
    "updated_at",
    "label_count",
    "status",
    "consensus_verdict",
)
# Articles, sources and usernames an export has read, kept while they are fewer than this (then read again as
# needed): claims come in id order, so an article's claims are mostly together, and 20,000 article briefs were 10 MB
# of a worker's peak memory for nothing.
_CACHE_LIMIT = 2_000
_HISTORY_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
_USER_KEYS = ("by_id", "annotator_id", "reviewer_id")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _named(event: dict, usernames: dict[int, str]) -> dict:
    """A history event with user ids replaced by usernames ("by" is "system" when no user made the change)."""
    named = {}
    for key, value in event.items():
        if key in _USER_KEYS:
            named[key.removesuffix("_id")] = usernames.get(value, "system" if key == "by_id" else "")
        else:
            named[key] = value
    return named


def _export_history(claim_ids: list[int]) -> dict[int, list[dict]]:
    """Each claim's label and adjudication changes as they were recorded (the state after each change)."""
    events: dict[int, list[dict]] = {}
    sources = [
        (Annotation.history, "label", ["annotator_id", "verdict", "note", "evidence_url"]),
        (Adjudication.history, "adjudication", ["reviewer_id", "verdict", "rationale"]),
    ]
    for manager, what, fields in sources:
        columns = ["claim_id", "history_date", "history_type", "history_user_id", *fields]
        for claim_id, at, kind, by_id, *values in manager.filter(_of_claims(claim_ids)).values_list(*columns):
            event = {"at": at, "what": what, "action": _HISTORY_ACTIONS[kind], "by_id": by_id}
            event.update(zip(fields, values, strict=True))
            events.setdefault(claim_id, []).append(event)
    for claim_events in events.values():
        claim_events.sort(key=lambda e: e["at"])
    return events


def astral_positions(text: str) -> tuple[int, ...]:
    """Where `text` has characters outside the BMP: each counts 1 in Python offsets but 2 in UTF-16 ones."""
    if text.isascii():
        return ()
    return tuple(match.start() for match in _ASTRAL.finditer(text))


def utf16_offset(offset: int, astral: tuple[int, ...]) -> int:
    """A code point offset as JavaScript/Java count it (UTF-16 code units)."""
    return offset + bisect_left(astral, offset) if astral else offset


@contextmanager
def export_snapshot():
    """One consistent read: a claim, its labels and its adjudication as they were at one moment.

    On PostgreSQL a REPEATABLE READ transaction (its default READ COMMITTED gives each query its own snapshot, so
    a reviewer's commit between two queries gave rows whose status contradicted their adjudication); SQLite
    holds one read snapshot for the whole transaction anyway. Inside a caller's transaction, that one is used.
    """
    if transaction.get_connection().in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


class _UTCText(Func):
    """A date-time column as SQLite stores it (naive UTC text) with its offset appended: what fromisoformat reads."""

    template = "(CAST(%(expressions)s AS text) || '+00:00')"
    output_field = TextField()


def _identity(value):
    return value


def _fetch(rows: QuerySet, columns: Sequence[str], *, datetimes: Sequence[str] = ()) -> tuple[list[tuple], Callable]:
    """The rows' `columns` (as values_list gives them) read straight from the cursor, and the function that turns a
    value of a `datetimes` column into an aware date-time (the caller applies it while it unpacks each row).

    Django's per-value converters, then a second pass over the rows, were a large share of an export's time.
    PostgreSQL's driver returns date-times as they are. On SQLite a date-time column is read as its stored text
    (naive UTC, ISO 8601) with "+00:00" appended in SQL, which datetime.fromisoformat parses in C: the driver's own
    converter and a tzinfo replace cost ten times as much. Booleans already come as bool (the column's declared
    type).
    """
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        columns = [_UTCText(name) if name in datetimes else name for name in columns]
    try:
        sql, params = rows.values_list(*columns).query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing by construction (`pk__in=[]`): no query to run
        return [], _identity
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall(), datetime.fromisoformat if sqlite else _identity


def _of_claims(ids: list[int]) -> Q:
    """The rows of these claims (ids ascending). A dense page is read as an id range, rows of claims outside the page
    being ignored by the caller: Django prepares every value of an IN list one by one, which was a fifth of an
    export's time; a sparse page (a narrow filter) keeps the IN list, so the range never reads far more rows."""
    if len(ids) > 100 and ids[-1] - ids[0] < 2 * len(ids):
        return Q(claim_id__gte=ids[0], claim_id__lte=ids[-1])
    return Q(claim_id__in=ids)


def claim_export_batches(
    *,
    claims: QuerySet[Claim],
    clusters: Mapping[int, int] | None = None,
    batch_size: int = 2000,
    with_history: bool = False,
):
    """Yield the claims as lists of export records (plain dicts), `batch_size` claims per list, in id order.

    The record is documented in web/api/exports.py (ClaimExportRecordSerializer) and README. Keyset pages by id
    (`id > last`), so memory stays flat whatever the size and no transaction is held between pages. Each page is
    read in one snapshot (`export_snapshot`): per page, one query for the claims, one each for their labels and
    adjudications, and one each for the articles, sources and annotators not seen recently: no query per row.
    `clusters` maps claim id -> cluster id (from the layer above that knows matches); with `with_history`, each
    record also has every recorded change of its labels and adjudication, oldest first (one more query per page).
    """

    clusters = clusters or {}
    claims = claims.order_by()
    articles: dict[int, tuple[dict, tuple[int, ...]]] = {}
    sources: dict[int, dict] = {}
    usernames: dict[int, str] = {}
    last_id = 0
    while True:
        with export_snapshot():
            page, when = _fetch(
                claims.filter(pk__gt=last_id).order_by("pk")[:batch_size],
                EXPORT_CLAIM_COLUMNS,
                datetimes=("created_at", "updated_at"),
            )
            if not page:
                return
            ids = [row[0] for row in page]
            labels, _ = _fetch(
                Annotation.objects.filter(_of_claims(ids)).order_by("claim_id", "id"),
                ("claim_id", "id", "annotator_id", "verdict", "note", "evidence_url", "created_at", "updated_at"),
                datetimes=("created_at", "updated_at"),
            )
            adjudications, _ = _fetch(
                Adjudication.objects.filter(_of_claims(ids)),
                ("claim_id", "reviewer_id", "verdict", "rationale", "created_at", "updated_at"),
                datetimes=("created_at", "updated_at"),
            )
            history = _export_history(ids) if with_history else {}
        last_id = page[-1][0]
        for cache in (articles, sources, usernames):
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
        _load_articles(articles, {row[1] for row in page} - articles.keys())
        missing = {row[2] for row in page if row[2] is not None} - sources.keys()
        if missing:
            for pk, name, kind in Source.objects.filter(pk__in=missing).values_list("pk", "name", "kind"):
                sources[pk] = {"id": pk, "name": name, "kind": kind}
        missing = {label[2] for label in labels} | {a[1] for a in adjudications}
        missing |= {
            event[key] for events in history.values() for event in events for key in _USER_KEYS if event.get(key)
        }
        missing -= usernames.keys()
        if missing:
            usernames.update(get_user_model().objects.filter(pk__in=missing).values_list("pk", "username"))
        labels_by_claim: dict[int, list[dict]] = {}
        for claim_id, pk, annotator_id, verdict, note, evidence_url, created_at, updated_at in labels:
            labels_by_claim.setdefault(claim_id, []).append(
                {
                    "id": pk,
                    "annotator": usernames.get(annotator_id, ""),
                    "verdict": verdict,
                    "note": note,
                    "evidence_url": evidence_url,
                    "created_at": when(created_at),
                    "updated_at": when(updated_at),
                }
            )
        adjudicated = {
            claim_id: {
                "reviewer": usernames.get(reviewer_id, ""),
                "verdict": verdict,
                "rationale": rationale,
                "created_at": when(created_at),
                "updated_at": when(updated_at),
            }
            for claim_id, reviewer_id, verdict, rationale, created_at, updated_at in adjudications
        }
        rows = []
        for (
            pk,
            article_id,
            source_id,
            text,
            start,
            end,
            mention,
            cue,
            quote,
            confidence,
            position,
            origin,
            extraction_rule,
            extractor_version,
            flagged,
            created_at,
            updated_at,
            label_count,
            status,
            verdict,
        ) in page:
            article, astral = articles[article_id]
            row = {
                "id": pk,
                "article": article,
                "text": text,
                "start": start,
                "end": end,
                "start_utf16": utf16_offset(start, astral) if astral else start,
                "end_utf16": utf16_offset(end, astral) if astral else end,
                "source": sources[source_id] if source_id is not None else None,
                "source_mention": mention,
                "cue": cue,
                "is_direct_quote": quote,
                "confidence": confidence,
                "position": position,
                "origin": origin,
                "extraction_rule": extraction_rule,
                "extractor_version": extractor_version,
                "is_flagged_not_claim": flagged,
                "created_at": when(created_at),
                "updated_at": when(updated_at),
                "label_count": label_count,
                "status": status,
                "verdict": verdict or None,
                "annotations": labels_by_claim.get(pk, []),
                "adjudication": adjudicated.get(pk),
                "cluster": clusters.get(pk),
            }
            if with_history:
                row["history"] = [_named(event, usernames) for event in history.get(pk, [])]
            rows.append(row)
        yield rows


def _load_articles(cache: dict, ids: set[int]) -> None:
    """Each article's brief (as in the REST claim object) and where its text has characters outside the BMP.

    The text is read once per article for the UTF-16 offsets and not kept: a tuple of positions (usually empty).
    """
    if not ids:
        return
    columns = ("pk", "title", "url", "publisher", "published_at", "body")
    for pk, title, url, publisher, published_at, body in Article.objects.filter(pk__in=ids).values_list(*columns):
        brief = {"id": pk, "title": title, "url": url, "publisher": publisher, "published_at": published_at}
        cache[pk] = (brief, astral_positions(body))


ARTICLE_EXPORT_COLUMNS = (
    "id",
    "title",
    "url",
    "publisher",
    "published_at",
    "language",
    "created_at",
    "updated_at",
    "body",
)


def article_export_batches(
    *,
    articles: QuerySet[Article],
    claims: QuerySet[Claim] | None = None,
    clusters: Mapping[int, int] | None = None,
    batch_size: int = 200,
):
    """Yield articles as lists of export records with their text, in id order; with `claims` (a queryset to pick
    from), each has `claims`: its claims as export records (see claim_export_batches), in position order.

    Pages are smaller than the claim export's, because each record carries a whole article text.
    """
    articles = articles.order_by()
    last_id = 0
    while True:
        page = list(articles.filter(pk__gt=last_id).order_by("pk").values(*ARTICLE_EXPORT_COLUMNS)[:batch_size])
        if not page:
            return
        last_id = page[-1]["id"]
        if claims is not None:
            by_article: dict[int, list[dict]] = {}
            page_claims = claims.filter(article_id__in=[row["id"] for row in page])
            for rows in claim_export_batches(claims=page_claims, clusters=clusters, batch_size=5000):
                for row in rows:
                    by_article.setdefault(row["article"]["id"], []).append(row)
            for record in page:
                found = by_article.get(record["id"], [])
                found.sort(key=lambda row: (row["position"], row["start"]))
                record["claims"] = found
        yield page


def labels_per_day(*, days: int = 30) -> list[tuple]:
    """[(date, labels given that day)] over the last `days` days, today included and empty days as 0: one query.

    A label counts on the day it was first given (created_at), in the site's time zone.
    """

    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    since = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    counts = dict(
        Annotation.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
        .values_list("day", "n")
    )
    return [(first + timedelta(days=i), counts.get(first + timedelta(days=i), 0)) for i in range(days)]


def guidelines_current() -> Guidelines:
    """The project's guidelines; the starting text (unsaved) until a reviewer edits them."""
    return Guidelines.objects.select_related("updated_by").first() or Guidelines(text=DEFAULT_GUIDELINES)


def guidelines_history(*, limit: int = 20) -> QuerySet:
    return Guidelines.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]


# The dashboard's progress buckets, in the order a claim moves through them; flagged claims count only as flagged.
PROGRESS_BUCKETS = ("unlabelled", "in_progress", "agreed", "conflicting", "adjudicated", "flagged")


def claim_status_counts() -> dict[str, int]:
    """{bucket: claims} for PROGRESS_BUCKETS, from one grouped query on indexed columns."""
    counts = dict.fromkeys(PROGRESS_BUCKETS, 0)
    rows = Claim.objects.order_by().values_list("status", "is_flagged_not_claim").annotate(n=Count("id"))
    for status, flagged, n in rows:
        counts["flagged" if flagged else status] += n
    return counts


@dataclass(frozen=True)
class Throughput:
    username: str
    today: int
    last_7_days: int
    total: int

    @property
    def per_day(self) -> float:
        return self.last_7_days / 7


def annotator_throughput() -> list[Throughput]:
    """Labels per annotator today, in the last 7 days and ever (first given, site time zone): one grouped query."""
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    week = today - timedelta(days=6)
    rows = (
        Annotation.objects.order_by()
        .values_list("annotator__username")
        .annotate(
            today=Count("id", filter=Q(created_at__gte=today)),
            week=Count("id", filter=Q(created_at__gte=week)),
            total=Count("id"),
        )
        .order_by("-week", "-total", "annotator__username")
    )
    return [Throughput(name, n_today, n_week, n_total) for name, n_today, n_week, n_total in rows]


def labels_of(*, user) -> QuerySet[Annotation]:
    """This user's own labels with their claims, newest first (the claims they labelled, for /claims/mine/)."""
    return (
        Annotation.objects.filter(annotator=user)
        .select_related("claim", "claim__article", "claim__source")
        .defer("claim__article__body")
        .order_by("-id")
    )


def claim_fix_proposals_open(*, claim: Claim) -> list[ClaimFixProposal]:
    return list(
        ClaimFixProposal.objects.filter(claim=claim, status=ProposalStatus.OPEN).select_related("proposed_by", "source")
    )
