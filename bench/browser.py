"""Claim browser paging: how long one page takes at depth, per sort and filter, on N claims.

    python bench/browser.py                   # 200,000 claims in SQLite under var/bench/
    python bench/browser.py --claims 1000000  # the issue's size (several minutes to fill)

Fills a fresh database with claims spread over articles, sources and statuses, then times the browser's
query (ClaimBrowserFilter + keyset_page, 50 rows) for the first page and for a page deep in the list (its cursor
taken from a row halfway down), for each sort, unfiltered and with status/source filters. Figures only.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "var" / "bench" / "browser.sqlite3"


def fill(n: int) -> None:
    from claims.models import Article, Claim, ClaimStatus, Source

    rng = random.Random(14)
    sources = Source.objects.bulk_create(
        [Source(name=f"Speaker {i}", key=f"speaker {i}", kind="person") for i in range(500)]
    )
    statuses = [ClaimStatus.UNLABELLED] * 6 + [ClaimStatus.IN_PROGRESS, ClaimStatus.CONFLICTING, ClaimStatus.AGREED]
    per_article, line = 50, "Official said that the bridge was repaired."
    body = "Title\n" + "\n".join([line] * per_article)
    for first in range(0, n, 10_000):
        articles = Article.objects.bulk_create(
            [
                Article(title=f"Article {i}", body=body, content_sha256=f"{i:064d}", publisher=f"Wire {i % 20}")
                for i in range(first // per_article, (first + 10_000) // per_article)
            ]
        )
        claims = []
        for article in articles:
            for position in range(per_article):
                start = 6 + position * (len(line) + 1)
                status = rng.choice(statuses)
                labels = {"unlabelled": 0, "in_progress": 1}.get(status, 2)
                claims.append(
                    Claim(
                        article=article,
                        text=line,
                        start=start,
                        end=start + len(line),
                        position=position,
                        source=rng.choice(sources),
                        status=status,
                        # An agreed claim has its consensus verdict (the database checks that they agree).
                        consensus_verdict="verified" if status == ClaimStatus.AGREED else "",
                        label_count=labels,
                    )
                )
        Claim.objects.bulk_create(claims, batch_size=2000)
        print(f"  {min(first + 10_000, n):,} claims", file=sys.stderr)


def timed(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=200_000)
    args = parser.parse_args()
    DB.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=f"sqlite:///{DB}")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict
    from django.test import RequestFactory

    from claims.models import Claim, Source
    from web.browser_filters import SORTS, ClaimBrowserFilter, keyset_page

    started = time.perf_counter()
    fill(args.claims)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    filled = time.perf_counter() - started
    print(f"ClaimDesk claim browser: {Claim.objects.count():,} claims (filled in {filled:.0f} s), 50 rows a page")
    request = RequestFactory().get("/claims/")
    request.user = type("Reviewer", (), {"is_authenticated": True, "is_staff": True})()
    source = Source.objects.order_by("pk").first().pk
    for label, query in (("no filter", ""), ("status=conflicting", "status=conflicting"),
                         ("conflicting of one source", f"status=conflicting&source={source}")):  # fmt: skip
        for sort, (_, columns, _) in SORTS.items():
            claims = ClaimBrowserFilter(QueryDict(query), queryset=Claim.objects.all(), request=request).qs
            middle = claims.order_by(*columns)[claims.count() // 2] if claims.exists() else None
            cursor = ".".join(str(getattr(middle, c)) for c in columns) if middle else ""
            first = timed(lambda claims=claims, sort=sort: keyset_page(claims, sort=sort, after="", size=50))
            deep = timed(lambda claims=claims, sort=sort, c=cursor: keyset_page(claims, sort=sort, after=c, size=50))
            print(f"  {label:<26} {sort:<14} first page {first:7.1f} ms   page halfway down {deep:7.1f} ms")


if __name__ == "__main__":
    main()
