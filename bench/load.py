"""Load benchmark: N simulated annotators label claims over HTTP against gunicorn for a fixed time.

    python bench/load.py                          # SQLite (WAL), 16 annotators, 30 s, the htmx review page
    python bench/load.py --database postgres      # PostgreSQL at 127.0.0.1:5432 (database claimdesk_load,
                                                  # --pg-database NAME for another)
    python bench/load.py --mode api               # the REST API instead of the page
    python bench/load.py --annotators 16 --seconds 60 --claims 5000

--mode page (the default) drives the review page as a browser does: GET /review/ (the whole page), then for each
claim, after reading it (--think-ms, default 500 ms, a very fast annotator; 0 hammers the server), the htmx POST of
a verdict to /review/label/, whose answer is the next claim ("label and next"); every 10 labels the page is loaded
again, as a person coming back to it would. Prints p50/p95 of "page" and "label and next".

--mode api loops: POST /api/review/next/ (the queue hands out and reserves a claim), reads it, then POST
/api/annotations/ with a verdict; one submit in twenty is sent twice, as a double click or a retry would. Prints
p50/p95 latency of "next" and "submit".

Both then check the database: every acknowledged label is there exactly once, and no claim has more labels than
LABELS_PER_CLAIM. Targets: 0 errors, nothing lost or duplicated, p95 under 100 ms. Figures only, no assertions:
the machine decides the timings.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
VENV_BIN = Path(sys.executable).parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def database_env(kind: str, pg_name: str = "claimdesk_load") -> dict:
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false", API_THROTTLE_USER="1000000/minute")
    # As config/settings/production.py: each gunicorn process keeps its database connection.
    env.setdefault("CONN_MAX_AGE", "60")
    if kind == "postgres":
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{pg_name}"')
        env["DATABASE_URL"] = f"{PG_SERVER}/{pg_name}"
    else:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    return env


def prepare(env: dict, annotators: int, claims: int) -> list[tuple[str, str]]:
    """Migrate and fill the database; returns (API token, signed-in session key) per annotator."""
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from claims.models import Article, Claim

    per_article = 50
    for first in range(0, claims, per_article):
        lines = [f"Official {i} said that bridge {i} over the river was repaired." for i in range(first, first + 50)]
        body = f"Load test article {first}\n" + "\n".join(lines)
        article = Article.objects.create(title=f"Load {first}", body=body, content_sha256=f"{first:064d}")
        rows, offset = [], len(body.split("\n")[0]) + 1
        for position, line in enumerate(lines):
            rows.append(Claim(article=article, text=line, start=offset, end=offset + len(line), position=position))
            offset += len(line) + 1
        Claim.objects.bulk_create(rows)
    group = Group.objects.get(name="annotator")
    tokens = []
    for i in range(annotators + 1):  # the last one only warms the server up
        user = User.objects.create_user(f"load{i}", password=None)
        user.groups.add(group)
        # A session as signing in makes it, without the password round (and login throttling) for 16 users.
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        tokens.append((Token.objects.create(user=user).key, session.session_key))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics after the bulk load, as autovacuum would give a live site
    connection.close()
    return tokens


def start_server(env: dict, port: int, workers: int, threads: int = 4) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(VENV_BIN))
    if gunicorn is None:
        sys.exit("gunicorn is not installed in the virtualenv: .venv/bin/pip install -e '.[dev]'")
    log = open(BENCH_DIR / "load-gunicorn.log", "w")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        [gunicorn, "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []), "--timeout", "120"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/api/schema/")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    sys.exit("gunicorn did not start; see var/bench/load-gunicorn.log")


class Annotator(threading.Thread):
    """An API client: next, think, submit."""

    first_label, second_label = "next claim", "submit"

    def __init__(self, index: int, credentials: tuple[str, str], port: int, deadline: float, think_ms: float):
        super().__init__(daemon=True)
        self.think = think_ms / 1000
        self.rng = random.Random(index)
        token, self.session_key = credentials
        self.headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        self.port, self.deadline = port, deadline
        self.next_ms: list[float] = []
        self.submit_ms: list[float] = []
        self.errors: list[str] = []
        self.acknowledged: list[tuple[int, int]] = []  # (annotation id, claim id)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, path: str, payload: dict | None, timings: list[float]) -> tuple[int, dict | None]:
        body = json.dumps(payload) if payload is not None else ""
        start = time.perf_counter()
        try:
            self.conn.request("POST", path, body=body, headers=self.headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.errors.append(f"{path}: {error!r}")
            return 0, None
        timings.append((time.perf_counter() - start) * 1000)
        return response.status, (json.loads(data) if data else None)

    def arrive(self) -> None:
        """People do not all open the page in the same millisecond: each arrives within the first two think times,
        so the figures measure the steady flow, not sixteen first requests queued behind each other."""
        time.sleep(self.rng.uniform(0, 2 * self.think))

    def run(self):
        self.arrive()
        while time.monotonic() < self.deadline:
            code, claim = self.call("/api/review/next/", None, self.next_ms)
            if code == 204:
                return
            if code != 200:
                self.errors.append(f"next: {code} {claim}")
                continue
            if self.think:
                time.sleep(self.rng.uniform(0.5, 1.5) * self.think)
            payload = {"claim": claim["id"], "verdict": self.rng.choice(["verified", "disputed", "unverified"])}
            for _attempt in range(2 if self.rng.random() < 0.05 else 1):
                code, label = self.call("/api/annotations/", payload, self.submit_ms)
                if code in (200, 201):
                    self.acknowledged.append((label["id"], claim["id"]))
                else:
                    self.errors.append(f"submit: {code} {label}")


class PageAnnotator(Annotator):
    """A browser on the review page: load it, then label and get the next claim by htmx, reloading now and then."""

    first_label, second_label = "page", "label and next"
    RELOAD_EVERY = 10
    CLAIM = re.compile(r'<input type="hidden" name="claim" value="(\d+)">')
    SHOWN = re.compile(r'<input type="hidden" name="shown" value="([^"]+)">')
    CSRF = re.compile(r'"X-CSRFToken": "([^"]+)"')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cookies = {"sessionid": self.session_key}
        self.csrf = ""

    def request(self, method: str, path: str, body: str, timings: list[float], htmx: bool) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method == "POST":
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.csrf})
        if htmx:
            headers.update({"HX-Request": "true", "HX-Current-URL": f"http://127.0.0.1:{self.port}/review/"})
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body or None, headers=headers)
            response = self.conn.getresponse()
            data = response.read().decode()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.errors.append(f"{path}: {error!r}")
            return 0, ""
        timings.append((time.perf_counter() - start) * 1000)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        csrf = self.CSRF.search(data)
        if csrf:
            self.csrf = csrf.group(1)
        return response.status, data

    def run(self):
        from urllib.parse import urlencode

        self.arrive()
        code, page = self.request("GET", "/review/", "", self.next_ms, htmx=False)
        labelled = 0
        while time.monotonic() < self.deadline:
            if code != 200:
                self.errors.append(f"review page: {code}")
                return
            claim, shown = self.CLAIM.search(page), self.SHOWN.search(page)
            if claim is None:
                return  # "All done": nothing left for this annotator
            if self.think:
                time.sleep(self.rng.uniform(0.5, 1.5) * self.think)
            form = {
                "claim": claim.group(1),
                "shown": shown.group(1) if shown else "",
                "verdict": self.rng.choice(["verified", "disputed", "unverified"]),
                "note": "",
                "evidence_url": "",
            }
            code, page = self.request("POST", "/review/label/", urlencode(form), self.submit_ms, htmx=True)
            if code == 200:
                self.acknowledged.append((0, int(claim.group(1))))
                labelled += 1
            else:
                self.errors.append(f"label: {code} {page[:200]}")
            if labelled % self.RELOAD_EVERY == 0 or code != 200:
                code, page = self.request("GET", "/review/", "", self.next_ms, htmx=False)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else float("nan")


def check_database(acknowledged: set[tuple[int, int]], limit: int, by_page: bool) -> tuple[int, int, int, int]:
    """(labels stored, acknowledged but missing, duplicated, claims over the limit). The page does not show the
    label's id, so there an acknowledgement is (annotator, claim) and is checked as such."""
    from django.db.models import Count

    from annotations.models import Annotation

    if by_page:
        stored = set(Annotation.objects.values_list("annotator__username", "claim_id"))
    else:
        stored = set(Annotation.objects.values_list("id", "claim_id"))
    lost = len(acknowledged - stored)
    duplicated = Annotation.objects.values("claim", "annotator").annotate(n=Count("id")).filter(n__gt=1).count()
    over_limit = Annotation.objects.values("claim").annotate(n=Count("id")).filter(n__gt=limit).count()
    return len(stored), lost, duplicated, over_limit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--annotators", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--think-ms", type=float, default=500, help="mean time an annotator reads a claim")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn worker processes (default 2 x cores + 1, gunicorn's advice, as README deploys it)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per worker (default 1: gunicorn's sync worker; more: gthread, whose keep-alive connections stay "
        "with the process that accepted them and whose threads share one interpreter lock)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--mode", choices=["page", "api"], default="page", help="the htmx review page, or the API")
    parser.add_argument(
        "--pg-database",
        default="claimdesk_load",
        type=lambda name: name if name.replace("_", "").isalnum() else parser.error("--pg-database: a plain name"),
        help="PostgreSQL database to drop and fill (one per person on a shared server)",
    )
    args = parser.parse_args()

    env = database_env(args.database, args.pg_database)
    tokens = prepare(env, args.annotators, args.claims)
    *tokens, warm_up = tokens
    server = start_server(env, args.port, args.workers, args.threads)
    try:
        # Every worker's first page compiles templates and fills caches: not what an annotator waits for later.
        # Concurrent, each on its own connection, so every worker gets some.
        warmers = [PageAnnotator(-1, warm_up, args.port, 0, 0) for _ in range(args.threads * args.workers)]
        threads = [threading.Thread(target=w.request, args=("GET", "/review/", "", [], False)) for w in warmers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        deadline = time.monotonic() + args.seconds
        kind = PageAnnotator if args.mode == "page" else Annotator
        clients = [kind(i, credentials, args.port, deadline, args.think_ms) for i, credentials in enumerate(tokens)]
        started = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    from django.conf import settings

    next_ms = [t for c in clients for t in c.next_ms]
    submit_ms = [t for c in clients for t in c.submit_ms]
    errors = [e for c in clients for e in c.errors]
    if args.mode == "page":
        acknowledged = {(f"load{i}", claim) for i, c in enumerate(clients) for _, claim in c.acknowledged}
    else:
        acknowledged = {a for c in clients for a in c.acknowledged}
    stored, lost, duplicated, over_limit = check_database(
        acknowledged, settings.LABELS_PER_CLAIM, by_page=args.mode == "page"
    )
    print(
        f"ClaimDesk load ({'review page, htmx' if args.mode == 'page' else 'REST API'}): {args.database}, "
        f"{args.annotators} annotators, {elapsed:.1f} s, gunicorn "
        f"{args.workers} workers x {args.threads} threads, {args.claims} claims, "
        f"LABELS_PER_CLAIM={settings.LABELS_PER_CLAIM}, "
        f"think time {args.think_ms:.0f} ms"
    )
    first, second = clients[0].first_label, clients[0].second_label
    print(
        f"  {first + ':':<16}{len(next_ms)} requests, p50 {percentile(next_ms, 50):.1f} ms, "
        f"p95 {percentile(next_ms, 95):.1f} ms"
    )
    print(
        f"  {second + ':':<16}{len(submit_ms)} requests, p50 {percentile(submit_ms, 50):.1f} ms, "
        f"p95 {percentile(submit_ms, 95):.1f} ms ({len(submit_ms) / elapsed:.0f} labels/s)"
    )
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(
        f"  acknowledged labels: {len(acknowledged)}, in the database: {stored}, lost: {lost}, "
        f"duplicated: {duplicated}, claims over the label limit: {over_limit}"
    )


if __name__ == "__main__":
    main()
