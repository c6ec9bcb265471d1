"""Fill a throwaway database with realistic articles, claims and labels quickly, for benchmarks.

Rows go in with bulk_create in batches, bypassing the per-label services (and so the history tables); the derived
columns label_count, status and consensus_verdict are set here exactly as claim_refresh_consensus would set them.
"""

import hashlib
import random
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from annotations.models import Adjudication, Annotation, Verdict
from claims.models import Article, Claim, ClaimStatus, Source, SourceKind
from core.roles import ANNOTATOR, REVIEWER

BATCH = 5000
SPEAKERS = [
    ("Dmitry Peskov", SourceKind.PERSON),
    ("Volodymyr Zelensky", SourceKind.PERSON),
    ("Ministry of Defence", SourceKind.GOVERNMENT),
    ("General Staff", SourceKind.MILITARY),
    ("Reuters", SourceKind.MEDIA),
    ("Red Cross", SourceKind.ORGANISATION),
    ("the regional governor", SourceKind.GOVERNMENT),
    ("Oleksandr Syrskyi", SourceKind.PERSON),
]
STATEMENTS = [
    "{n} drones were shot down overnight over the southern regions",
    "“We will not retreat from {place}”",
    "two people were injured in the strike on {place}",
    "the bridge near {place} was damaged but remains open to traffic",
    "about {n} civilians were evacuated from {place} on Tuesday",
    "«ситуація в {place} під контролем»",
    "negotiations could resume within {n} days",
]
PLACES = ["Kharkiv", "Odesa", "Zaporizhzhia", "Kherson", "Dnipro", "Sumy", "Belgorod", "Kyiv"]
NOTES = ["", "", "", "Matches the ministry's statement.", "See the satellite images.", "No independent source."]


class Command(BaseCommand):
    help = "Bulk-create benchmark data: articles, sourced claims and labels with consistent consensus columns."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--claims-per-article", type=int, default=20)
        parser.add_argument("--annotators", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, articles, claims_per_article, annotators, seed, **options):
        if articles < 1 or claims_per_article < 1 or annotators < settings.LABELS_PER_CLAIM:
            raise CommandError(
                f"Need at least one article and claim per article, and {settings.LABELS_PER_CLAIM} annotators."
            )
        rng = random.Random(seed)
        started = time.perf_counter()
        annotator_ids, reviewer = self._users(annotators)
        sources = self._sources()
        first_article = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        n_claims = n_labels = 0
        for offset in range(0, articles, max(1, BATCH // claims_per_article)):
            count = min(max(1, BATCH // claims_per_article), articles - offset)
            with transaction.atomic():
                c, a = self._batch(
                    rng, first_article + offset, count, claims_per_article, sources, annotator_ids, reviewer
                )
            n_claims, n_labels = n_claims + c, n_labels + a
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Created {articles} articles, {n_claims} claims, {n_labels} labels in {elapsed:.1f} s.")

    def _users(self, count):
        User = get_user_model()
        group = Group.objects.get(name=ANNOTATOR)
        ids = []
        for i in range(1, count + 1):
            user, created = User.objects.get_or_create(username=f"bench-annotator-{i}")
            if created:
                user.set_unusable_password()
                user.save()
                user.groups.add(group)
            ids.append(user.pk)
        reviewer, created = User.objects.get_or_create(username="bench-reviewer")
        if created:
            reviewer.set_unusable_password()
            reviewer.save()
            reviewer.groups.add(Group.objects.get(name=REVIEWER))
        return ids, reviewer

    def _sources(self):
        sources = []
        for name, kind in SPEAKERS:
            source, _ = Source.objects.get_or_create(key=name.lower(), defaults={"name": name, "kind": kind})
            sources.append(source)
        return sources

    def _batch(self, rng, first_number, count, per_article, sources, annotator_ids, reviewer):
        day = datetime(2024, 1, 1, 6, tzinfo=UTC)
        articles, bodies = [], []
        for number in range(first_number, first_number + count):
            lines, spans = [f"Bench article {number}: overnight developments"], []
            offset = len(lines[0]) + 1
            for position in range(per_article):
                source = rng.choice(sources)
                statement = rng.choice(STATEMENTS).format(n=rng.randint(2, 90), place=rng.choice(PLACES))
                prefix = f"{source.name} said that "
                line = f"{prefix}{statement}."
                start = offset + len(prefix)
                spans.append((position, source, start, start + len(statement), statement))
                lines.append(line)
                offset += len(line) + 1
            body = "\n".join(lines)
            bodies.append(spans)
            articles.append(
                Article(
                    title=lines[0],
                    body=body,
                    url=f"https://news.example/bench/{number}",
                    publisher=rng.choice(["Example Wire", "Kyiv Daily", "Agence Exemple"]),
                    published_at=day + timedelta(hours=number % 9000),
                    content_sha256=hashlib.sha256(body.encode()).hexdigest(),
                )
            )
        Article.objects.bulk_create(articles, batch_size=BATCH)
        if articles[0].pk is None:  # backends that do not return ids from bulk inserts
            articles = list(Article.objects.filter(url__in=[a.url for a in articles]).order_by("id"))
        claims, plans = [], []
        for article, spans in zip(articles, bodies, strict=True):
            for position, source, start, end, text in spans:
                verdicts, adjudicated = self._labels(rng)
                status, consensus = _consensus(verdicts, adjudicated)
                claims.append(
                    Claim(
                        article=article,
                        text=text,
                        start=start,
                        end=end,
                        source=source,
                        source_mention=source.name,
                        cue="said",
                        is_direct_quote=text.startswith(("“", "«")),
                        confidence=0.9,
                        position=position,
                        label_count=len(verdicts),
                        status=status,
                        consensus_verdict=consensus,
                    )
                )
                plans.append((verdicts, adjudicated))
        Claim.objects.bulk_create(claims, batch_size=BATCH)
        labels, adjudications = [], []
        for claim, (verdicts, adjudicated) in zip(claims, plans, strict=True):
            for annotator_id, verdict in zip(rng.sample(annotator_ids, len(verdicts)), verdicts, strict=True):
                labels.append(
                    Annotation(claim=claim, annotator_id=annotator_id, verdict=verdict, note=rng.choice(NOTES))
                )
            if adjudicated:
                adjudications.append(
                    Adjudication(claim=claim, reviewer=reviewer, verdict=adjudicated, rationale="Checked the sources.")
                )
        Annotation.objects.bulk_create(labels, batch_size=BATCH)
        Adjudication.objects.bulk_create(adjudications, batch_size=BATCH)
        return len(claims), len(labels)

    @staticmethod
    def _labels(rng):
        """A claim's labels: a fifth unlabelled, some in progress, most agreed, some conflicting or adjudicated."""
        needed = settings.LABELS_PER_CLAIM
        roll = rng.random()
        verdict = rng.choices(Verdict.values, weights=[6, 2, 3])[0]
        if roll < 0.2:
            return [], ""
        if roll < 0.35:
            return [verdict] * max(1, needed - 1), ""
        if roll < 0.85 or needed < 2:
            return [verdict] * needed, ""
        other = rng.choice([v for v in Verdict.values if v != verdict])
        verdicts = [verdict] * (needed - 1) + [other]
        return verdicts, (rng.choice([verdict, other]) if roll > 0.93 else "")


def _consensus(verdicts, adjudicated):
    """The same rule as annotations.services.claim_refresh_consensus."""
    if adjudicated:
        return ClaimStatus.ADJUDICATED, adjudicated
    if not verdicts:
        return ClaimStatus.UNLABELLED, ""
    if len(set(verdicts)) > 1:
        return ClaimStatus.CONFLICTING, ""
    if len(verdicts) >= settings.LABELS_PER_CLAIM:
        return ClaimStatus.AGREED, verdicts[0]
    return ClaimStatus.IN_PROGRESS, ""
