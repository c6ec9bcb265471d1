"""Reads for claim matching: a claim's matches with the other claim's verdict, and clusters of confirmed matches.

A cluster is a connected component of confirmed matches; its id is the smallest claim id in it, so it needs no
table of its own and stays right whatever is confirmed or rejected later.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from claims.models import Claim
from matching.models import ClaimMatch, MatchRelation, MatchStatus


@dataclass(frozen=True)
class MatchView:
    """One match seen from one claim: `claim_id` and the fields after it describe the other claim."""

    match_id: int
    claim_id: int
    score: float
    status: str
    text: str
    article_id: int
    article_title: str
    consensus_verdict: str
    claim_status: str
    relation: str = MatchRelation.SAME
    similarity: float | None = None
    guards_held: tuple[str, ...] = ()
    guards_differ: tuple[str, ...] = ()
    # The pair model's chance that the two state the same claim (None when it was not asked).
    read_as_same: float | None = None
    # Guards that differed but the pair model's reading overruled (engine.READ_RESCUE).
    guards_overruled: tuple[str, ...] = ()

    @property
    def contradicts(self) -> bool:
        return self.relation == MatchRelation.CONTRADICTS


_SIDE_FIELDS = ("id", "text", "article_id", "article__title", "consensus_verdict", "status")


def _match_rows(claim_ids: list[int]) -> QuerySet:
    """The matches touching these claims, best first, as plain rows: both claims' shown fields by name. Rows, not
    model instances through two select_related joins, because the review page asks this for every claim it shows."""
    sides = [f"{side}__{field}" for side in ("claim", "other") for field in _SIDE_FIELDS]
    return (
        ClaimMatch.objects.filter(Q(claim_id__in=claim_ids) | Q(other_id__in=claim_ids))
        .order_by("-score", "id")
        .values("id", "score", "status", "relation", "similarity", "guards", *sides)
    )


def claim_matches_for(*, claim_ids: Iterable[int], include_rejected: bool = True) -> dict[int, list[MatchView]]:
    """Matches of many claims in one query (for API lists and exports), best score first."""
    claim_ids = list(claim_ids)
    result: dict[int, list[MatchView]] = {pk: [] for pk in claim_ids}
    wanted = set(claim_ids)
    for row in _match_rows(claim_ids):
        if not include_rejected and row["status"] == MatchStatus.REJECTED:
            continue
        for this, other in (("claim", "other"), ("other", "claim")):
            if row[f"{this}__id"] in wanted:
                guards = row["guards"] or {}
                result[row[f"{this}__id"]].append(
                    MatchView(
                        match_id=row["id"],
                        claim_id=row[f"{other}__id"],
                        score=row["score"],
                        status=row["status"],
                        text=row[f"{other}__text"],
                        article_id=row[f"{other}__article_id"],
                        article_title=row[f"{other}__article__title"],
                        consensus_verdict=row[f"{other}__consensus_verdict"],
                        claim_status=row[f"{other}__status"],
                        relation=row["relation"],
                        similarity=row["similarity"],
                        guards_held=tuple(guards.get("held", ())),
                        guards_differ=tuple(guards.get("differs", ())),
                        read_as_same=guards.get("read_as_same"),
                        guards_overruled=tuple(guards.get("overruled", ())),
                    )
                )
    return result


def claim_matches(*, claim: Claim, include_rejected: bool = True) -> list[MatchView]:
    """All matches of one claim, for the API's `matches` field."""
    return claim_matches_for(claim_ids=[claim.pk], include_rejected=include_rejected)[claim.pk]


def claim_match_suggestions(*, claim: Claim) -> list[MatchView]:
    """What an annotator is shown: "possibly the same claim as ...", confirmed ones first, then suggestions, then
    related claims that contradict it; rejected ones hidden."""
    views = claim_matches(claim=claim, include_rejected=False)
    return sorted(views, key=lambda v: (v.status != MatchStatus.CONFIRMED, v.contradicts, -v.score, v.claim_id))


def _component(start: int) -> set[int]:
    """Claims reachable from `start` through confirmed matches, `start` included."""
    seen, frontier = {start}, {start}
    while frontier:
        edges = ClaimMatch.objects.filter(status=MatchStatus.CONFIRMED).filter(
            Q(claim_id__in=frontier) | Q(other_id__in=frontier)
        )
        reached = {pk for pair in edges.values_list("claim_id", "other_id") for pk in pair}
        frontier = reached - seen
        seen |= frontier
    return seen


def claim_cluster_id(*, claim: Claim) -> int | None:
    """The cluster this claim is in, or None while it has no confirmed match."""
    members = _component(claim.pk)
    return min(members) if len(members) > 1 else None


def claim_cluster_ids(*, claim_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Cluster id of every clustered claim (or of those among `claim_ids`), for exports: one query, union-find."""
    parent: dict[int, int] = {}

    def find(pk: int) -> int:
        parent.setdefault(pk, pk)
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for first, second in ClaimMatch.objects.filter(status=MatchStatus.CONFIRMED).values_list("claim_id", "other_id"):
        a, b = find(first), find(second)
        if a != b:
            # The smaller root wins, so every root is the smallest claim id of its component.
            parent[max(a, b)] = min(a, b)
    clusters = {pk: find(pk) for pk in list(parent)}
    if claim_ids is not None:
        wanted = set(claim_ids)
        clusters = {pk: cluster for pk, cluster in clusters.items() if pk in wanted}
    return clusters


def claims_in_cluster(*, cluster_id: int) -> QuerySet[Claim]:
    """The claims of one cluster (none if `cluster_id` is not the smallest claim id of a cluster)."""
    members = _component(cluster_id)
    if len(members) < 2 or min(members) != cluster_id:
        members = set()
    return (
        Claim.objects.filter(pk__in=members).select_related("article", "source").defer("article__body").order_by("id")
    )


@dataclass(frozen=True)
class Cluster:
    cluster_id: int
    claims: list[Claim]

    @property
    def verdicts(self) -> set[str]:
        return {claim.consensus_verdict for claim in self.claims if claim.consensus_verdict}

    @property
    def is_consistent(self) -> bool:
        """False when claims confirmed to be the same carry different verdicts: a reviewer should look."""
        return len(self.verdicts) <= 1


def cluster_list() -> list[Cluster]:
    """Every cluster of confirmed matches with its claims (for reviewers), largest first."""
    clusters = claim_cluster_ids()
    members: dict[int, list[int]] = defaultdict(list)
    for pk, cluster in clusters.items():
        members[cluster].append(pk)
    claims = Claim.objects.filter(pk__in=list(clusters)).select_related("article", "source").defer("article__body")
    by_id = {claim.pk: claim for claim in claims}
    result = [
        Cluster(cluster_id=cluster, claims=[by_id[pk] for pk in sorted(pks) if pk in by_id])
        for cluster, pks in members.items()
    ]
    return sorted(result, key=lambda c: (-len(c.claims), c.cluster_id))
