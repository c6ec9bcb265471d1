"""Sixteen annotators working the queue at once on PostgreSQL: nobody gets a claim someone else holds, and no claim
collects more labels than LABELS_PER_CLAIM. Real threads, each with its own database connection."""

import random
import threading
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections

from annotations.models import Annotation, Verdict
from annotations.services import annotation_submit, review_next_claim
from claims.models import Article, Claim
from tests.factories import UserFactory

ANNOTATORS = 16
CLAIMS = 1000


def _bulk_claims(n):
    body = "\n".join(f"Official {i} said the bridge number {i} was repaired." for i in range(n))
    article = Article.objects.create(title="Bulk", body=body, content_sha256="x" * 64)
    claims, offset = [], 0
    for position, line in enumerate(body.split("\n")):
        claims.append(Claim(article=article, text=line, start=offset, end=offset + len(line), position=position))
        offset += len(line) + 1
    Claim.objects.bulk_create(claims)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_annotators_never_share_a_claim_and_never_exceed_the_label_limit(settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks with SKIP LOCKED need PostgreSQL; CI runs this with DATABASE_URL set")
    settings.LABELS_PER_CLAIM = 2
    _bulk_claims(CLAIMS)
    group = Group.objects.get(name="annotator")
    users = [UserFactory(username=f"worker{i}") for i in range(ANNOTATORS)]
    for user in users:
        user.groups.add(group)

    held: dict[int, str] = {}
    guard = threading.Lock()
    clashes: list[tuple[int, str, str]] = []
    errors: list[BaseException] = []
    handed_out = Counter()

    def work(user):
        rng = random.Random(user.pk)
        try:
            while True:
                claim = review_next_claim(annotator=user)
                if claim is None:
                    return
                with guard:
                    if claim.pk in held and held[claim.pk] != user.username:
                        clashes.append((claim.pk, held[claim.pk], user.username))
                    held[claim.pk] = user.username
                    handed_out[claim.pk] += 1
                annotation_submit(claim=claim, annotator=user, verdict=rng.choice(Verdict.values))
                with guard:
                    held.pop(claim.pk, None)
        except BaseException as error:  # surfaced in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not errors, errors[:3]
    assert not clashes, clashes[:5]
    per_claim = Counter(Annotation.objects.values_list("claim_id", flat=True))
    assert len(per_claim) == CLAIMS
    assert set(per_claim.values()) == {2}
    assert Annotation.objects.count() == 2 * CLAIMS
    assert max(handed_out.values()) == 2
    assert not Claim.objects.exclude(label_count=2).exists()
