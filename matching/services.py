"""Writes for claim matching: index new claims, suggest matches, decide them, reuse a matched claim's verdict.

`claim_matches_find_for` is the one bridge between the pure engine (matching.engine) and the database.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import groupby

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from annotations.services import SubmitResult, annotation_submit
from claims.models import Article, Claim
from core.roles import is_annotator
from matching import embedding, engine, pair_model
from matching.models import ClaimMatch, ClaimSignature, ClaimVector, MatchRelation, MatchStatus

logger = logging.getLogger(__name__)

# Candidates scored exactly per new claim, the closest in meaning (by their stored vectors) first: bounds the work
# whatever the index size.
MAX_CANDIDATES = 20
# Claims read per band key, newest first. A band thousands of claims share (common words, a crowded region of the
# embedding space) says little about any one of them, and reading all of it made a lookup grow with the index: at
# 1M claims a few thousand keys hold 1,000 to 20,000 claims each.
MAX_PER_KEY = 64
# Suggestions kept per new claim, best first: an annotator reads a handful, not a list.
MAX_MATCHES_PER_CLAIM = 5
# Parameters per `IN (...)`: well under SQLite's and PostgreSQL's limits.
CHUNK = 500
# Signature keys per read of the index: a batch of a few hundred claims has thousands of keys.
KEYS_PER_QUERY = 5000


@dataclass(frozen=True)
class _Indexed:
    claim_id: int
    article_id: int
    text: str
    features: engine.ClaimFeatures
    vector: np.ndarray
    keys: list[int]  # stored: MinHash and SimHash band keys
    lookup: list[int]  # looked up: MinHash keys and SimHash keys with their probes


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def claim_matches_find_for(*, claims: Iterable[Claim], raise_errors: bool = False) -> list[ClaimMatch]:
    """Index these saved claims and store suggested matches with claims of other articles.

    Called on every import. A failure here must not lose the import: unless `raise_errors`, it is logged with its
    traceback, the claims stay unindexed and `manage.py match_claims` picks them up later.
    """
    claims = list(claims)
    if raise_errors:
        return _find_for(claims)
    try:
        return _find_for(claims)
    except Exception:
        logger.exception("Claim matching failed for %d claims; they were kept without matches.", len(claims))
        return []


@transaction.atomic
def _find_for(claims: list[Claim]) -> list[ClaimMatch]:
    """Index and match a batch with a few queries per batch. The claims come grouped by article, in the order the
    articles arrived: a claim's candidates are the indexed claims and those of the batch's earlier articles, as if
    each article had been matched on its own, one after another."""
    if any(claim.pk is None for claim in claims):
        raise ValueError("Claims must be saved before they are matched.")
    wanted = [
        (claim, features)
        for claim in claims
        if not claim.is_flagged_not_claim
        for features in [engine.claim_features(claim.text)]
        if len(features.words) >= engine.MIN_FEATURES
    ]
    if not wanted:
        return []
    # As stored (see embedding.pack): a pair scores the same whether its other claim is read back or in this batch.
    vectors = embedding.unpack(embedding.pack(embedding.embed_claims([claim.text for claim, _ in wanted])))
    semantic_keys = embedding.simhash_keys(vectors).tolist()
    probe_keys = embedding.simhash_probe_keys(vectors).tolist()
    indexed = []
    for (claim, features), vector, semantic, probes in zip(wanted, vectors, semantic_keys, probe_keys, strict=True):
        lexical = engine.lsh_keys(features)
        indexed.append(
            _Indexed(claim.pk, claim.article_id, claim.text, features, vector, lexical + semantic, lexical + probes)
        )
    # Matching the same claims again (match_claims --rebuild) starts from a clean slate for them.
    with connection.cursor() as cursor:
        for ids in _chunks([item.claim_id for item in indexed]):
            marks = ", ".join(["%s"] * len(ids))
            for table in (ClaimSignature._meta.db_table, ClaimVector._meta.db_table):
                cursor.execute(f"DELETE FROM {table} WHERE claim_id IN ({marks})", ids)  # noqa: S608 (no user input)
    scores = _score_candidates(indexed, *_candidates(indexed))
    _store_signatures(indexed)
    return _store_matches(scores)


def _store_signatures(indexed: list[_Indexed]) -> None:
    """The claims' band keys and vectors, in plain INSERTs: on ingest this runs once per claim, where the ORM's
    bulk_create spent more time building 32 objects than the database spent storing them."""
    signatures = [(item.claim_id, key) for item in indexed for key in item.keys]
    packed = embedding.pack(np.array([item.vector for item in indexed]))
    vectors = list(zip([item.claim_id for item in indexed], packed, strict=True))
    with connection.cursor() as cursor:
        for model, column, rows in ((ClaimSignature, "key", signatures), (ClaimVector, "vector", vectors)):
            table = model._meta.db_table
            for batch in _chunks(rows, CHUNK):
                values = ", ".join(["(%s, %s)"] * len(batch))
                cursor.execute(
                    f'INSERT INTO {table} ("claim_id", "{column}") VALUES {values}',  # noqa: S608 (no user input)
                    [value for row in batch for value in row],
                )


@lru_cache(maxsize=8)
def _candidates_sql(keys: int) -> str:
    """One query per new claim: for each of its lookup keys an index range read of at most MAX_PER_KEY claims (newest
    first, on the (key, claim) index), each claim once, with its stored vector (null if it has none)."""
    table, vectors = ClaimSignature._meta.db_table, ClaimVector._meta.db_table
    per_key = " UNION ".join(
        f'SELECT "claim_id" FROM (SELECT "claim_id" FROM {table} WHERE "key" = %s'
        f' ORDER BY "claim_id" DESC LIMIT {MAX_PER_KEY}) AS band{band}'
        for band in range(keys)
    )
    return (
        f'SELECT found."claim_id", v."vector" FROM ({per_key}) AS found'  # noqa: S608 (no user input)
        f' LEFT JOIN {vectors} AS v ON v."claim_id" = found."claim_id"'
    )


def _candidates(indexed: list[_Indexed]) -> tuple[dict[int, list[int]], dict[int, np.ndarray]]:
    """(candidates, vectors): for each new claim the claims sharing one of its lookup keys (a MinHash band, a SimHash
    band or one of its probes), closest in meaning first, cut to MAX_CANDIDATES; and the vectors of all of them.

    The indexed ones come from one query per new claim (at most MAX_PER_KEY per key, see _candidates_sql), the others
    are those of the batch's earlier articles (an import chunk sees its earlier articles' claims, as it would if they
    had come one by one). The new claims have no keys stored yet, so they never find themselves. Ranking by the
    stored vectors' cosine, not by how many keys a claim shares, keeps a paraphrase found by one probe among hundreds
    of claims that share a crowded band by chance."""
    candidates: dict[int, list[int]] = {}
    vectors: dict[int, np.ndarray] = {item.claim_id: item.vector for item in indexed}
    in_batch: dict[int, list[int]] = defaultdict(list)  # key -> claims of the batch's earlier articles
    unstored: set[int] = set()
    with connection.cursor() as cursor:
        for _, group in groupby(indexed, key=lambda item: item.article_id):
            group = list(group)
            for item in group:
                keys = sorted(set(item.lookup))
                cursor.execute(_candidates_sql(len(keys)), keys)
                rows = cursor.fetchall()
                stored = [(claim_id, blob) for claim_id, blob in rows if blob is not None]
                vectors.update(zip([pk for pk, _ in stored], embedding.unpack([b for _, b in stored]), strict=True))
                unstored.update(claim_id for claim_id, blob in rows if blob is None and claim_id not in vectors)
                found = {claim_id for claim_id, _ in rows}
                for key in item.keys:
                    found.update(in_batch.get(key, ()))
                candidates[item.claim_id] = sorted(found)
            for item in group:
                for key in item.keys:
                    in_batch[key].append(item.claim_id)
    # A claim indexed before vectors were stored (an index older than migration 0007 and not yet rebuilt): embedded.
    if unstored:
        ids = sorted(unstored)
        texts = dict(Claim.objects.filter(pk__in=ids).values_list("id", "text"))
        ids = [pk for pk in ids if pk in texts]
        vectors.update(zip(ids, embedding.embed_claims([texts[pk] for pk in ids]), strict=True))
    for item in indexed:
        found = [pk for pk in candidates[item.claim_id] if pk in vectors]
        if found:
            cosines = np.stack([vectors[pk] for pk in found]) @ item.vector
            ranked = sorted(zip(cosines.tolist(), found, strict=True), key=lambda pair: (-pair[0], -pair[1]))
            found = [pk for cosine, pk in ranked[:MAX_CANDIDATES] if engine.may_relate(max(0.0, cosine))]
        candidates[item.claim_id] = found
    return candidates, vectors


def _score_candidates(
    indexed: list[_Indexed], candidates: dict[int, list[int]], vectors: dict[int, np.ndarray]
) -> dict[tuple[int, int], engine.Decision]:
    """Decisions on the candidate pairs that are related (same or contradicting), keyed by (lower id, higher id)."""
    # The batch's own claims are known here; only the others are read.
    existing: dict[int, tuple[int, str]] = {item.claim_id: (item.article_id, item.text) for item in indexed}
    wanted = sorted({existing_id for ids in candidates.values() for existing_id in ids} - set(existing))
    for ids in _chunks(wanted):
        rows = Claim.objects.filter(pk__in=ids, is_flagged_not_claim=False).values_list("id", "article_id", "text")
        existing.update({pk: (article_id, text) for pk, article_id, text in rows})
    features: dict[int, engine.ClaimFeatures] = {item.claim_id: item.features for item in indexed}
    decisions: dict[tuple[int, int], engine.Decision] = {}
    for item in indexed:
        found = []
        for existing_id in candidates.get(item.claim_id, []):
            if existing_id not in existing or existing[existing_id][0] == item.article_id:
                continue
            similarity = embedding.similarity(item.vector, vectors[existing_id])
            if existing_id not in features:
                features[existing_id] = engine.claim_features(existing[existing_id][1])
            read = partial(pair_model.read, item.text, existing[existing_id][1])
            decision = engine.decide(
                item.features, features[existing_id], similarity, embedding.word_similarities, read
            )
            if decision.relation:
                found.append((decision.score, existing_id, decision))
        for _, existing_id, decision in sorted(found, key=lambda f: (-f[0], f[1]))[:MAX_MATCHES_PER_CLAIM]:
            decisions[(min(item.claim_id, existing_id), max(item.claim_id, existing_id))] = decision
    return decisions


def _reasons(decision: engine.Decision) -> dict:
    """What the review page and the API show of why: the guards that held and differed, and the pair model's chance
    that the two are the same claim when it was asked, with the guards its reading overruled."""
    reasons = {"held": list(decision.held), "differs": list(decision.conflicts)}
    if decision.reading is not None:
        reasons["read_as_same"] = decision.reading.same
    if decision.overruled:
        reasons["overruled"] = list(decision.overruled)
    return reasons


def _relation(decision: engine.Decision) -> str:
    return MatchRelation.CONTRADICTS if decision.relation == engine.CONTRADICTS else MatchRelation.SAME


def _store_matches(scores: dict[tuple[int, int], engine.Decision]) -> list[ClaimMatch]:
    """New pairs become suggestions. A pair already stored and still only suggested takes the new decision (after an
    engine change, `match_claims --rebuild` decides it again); a confirmed or rejected pair is a person's decision and
    is left as it is."""
    if not scores:
        return []
    known: dict[tuple[int, int], ClaimMatch] = {}
    for pairs in _chunks(sorted(scores)):
        first_ids = {first for first, _ in pairs}
        for match in ClaimMatch.objects.filter(claim_id__in=first_ids):
            if (match.claim_id, match.other_id) in scores:
                known[(match.claim_id, match.other_id)] = match
    redecided = []
    for pair, match in known.items():
        decision = scores[pair]
        values = {
            "score": min(decision.score, 1.0),
            "relation": _relation(decision),
            "similarity": decision.similarity,
            "guards": _reasons(decision),
        }
        if match.status == MatchStatus.SUGGESTED and any(getattr(match, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(match, name, value)
            redecided.append(match)
    if redecided:
        bulk_update_with_history(redecided, ClaimMatch, ["score", "relation", "similarity", "guards"])
    matches = ClaimMatch.objects.bulk_create(
        [
            ClaimMatch(
                claim_id=first,
                other_id=second,
                score=min(decision.score, 1.0),
                status=MatchStatus.SUGGESTED,
                relation=_relation(decision),
                similarity=decision.similarity,
                guards=_reasons(decision),
            )
            for (first, second), decision in sorted(scores.items())
            if (first, second) not in known
        ]
    )
    ClaimMatch.history.bulk_history_create(matches)
    return matches


def claim_matches_backfill(*, rebuild: bool = False, batch_size: int = 2000) -> int:
    """Index claims that have no signatures yet (all claims with `rebuild`), article by article in import order.

    For data imported before matching existed, or after the engine's SIGNATURE_VERSION changed. Returns the
    number of claims looked at.
    """
    if rebuild:
        ClaimSignature.objects.all().delete()
        ClaimVector.objects.all().delete()
    done = 0
    article_ids = list(Article.objects.order_by("created_at", "id").values_list("id", flat=True))
    for ids in _chunks(article_ids, 200):
        pending = list(
            Claim.objects.filter(article_id__in=ids, is_flagged_not_claim=False, match_signatures__isnull=True)
            .only("id", "article_id", "text", "is_flagged_not_claim")
            .order_by("article_id", "id")
        )
        for batch in _chunks(pending, batch_size):
            by_article: dict[int, list[Claim]] = defaultdict(list)
            for claim in batch:
                by_article[claim.article_id].append(claim)
            ordered = [claim for article_id in sorted(by_article) for claim in by_article[article_id]]
            claim_matches_find_for(claims=ordered, raise_errors=True)
            done += len(batch)
    return done


@transaction.atomic
def claim_match_decide(*, match: ClaimMatch, user, status: str) -> ClaimMatch:
    """Confirm or reject a suggested match (or put it back to suggested). Who and when are kept in its history."""
    if not is_annotator(user):
        raise PermissionDenied("Only annotators and reviewers can decide matches.")
    if status not in MatchStatus.values:
        raise ValidationError({"status": f"Choose one of: {', '.join(MatchStatus.values)}."})
    match = ClaimMatch.objects.select_for_update().get(pk=match.pk)
    if status == MatchStatus.CONFIRMED and match.relation == MatchRelation.CONTRADICTS:
        differs = ", ".join(match.guards.get("differs", [])) or "a guard"
        raise ValidationError(
            {"status": f"These claims contradict each other ({differs} differ): they cannot be the same claim."}
        )
    if match.status != status:
        match.status = status
        decided = status != MatchStatus.SUGGESTED
        match.decided_by, match.decided_at = (user, timezone.now()) if decided else (None, None)
        match._history_user = user
        match.save(update_fields=["status", "decided_by", "decided_at"])
    return match


@transaction.atomic
def claim_match_apply_verdict(*, match: ClaimMatch, claim: Claim, annotator, note: str = "") -> SubmitResult:
    """Label `claim` with the consensus verdict of the claim it is confirmed to be the same as."""
    match = ClaimMatch.objects.select_related("claim", "other").get(pk=match.pk)
    if claim.pk not in (match.claim_id, match.other_id):
        raise ValidationError({"claim": "This match is not about this claim."})
    if match.status != MatchStatus.CONFIRMED:
        raise ValidationError({"match": "Confirm the match before reusing its verdict."})
    other = match.other if claim.pk == match.claim_id else match.claim
    if not other.consensus_verdict:
        raise ValidationError({"match": f"Claim {other.pk} has no agreed verdict yet."})
    note = (note or "").strip() or f"Same claim as claim {other.pk} (confirmed match): its verdict reused."
    return annotation_submit(claim=claim, annotator=annotator, verdict=other.consensus_verdict, note=note)
