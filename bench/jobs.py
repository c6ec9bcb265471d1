"""Background import benchmark: generated articles through the queue on PostgreSQL + Redis, 1 then 2 workers.

    .venv/bin/python bench/jobs.py              # 20,000 articles, 1 and 2 workers, then a run that kills a worker
    .venv/bin/python bench/jobs.py --articles 3000 --no-kill            # a quicker look at the ratio
    .venv/bin/python bench/jobs.py --articles 3000 --workers            # only the kill -9 run

Run it on a quiet machine: every line ends with the load average (1 minute) at that moment, since other work on
the same cores slows the workers and the web process alike.

For each worker count: a fresh database, one gunicorn web process, W Celery workers (one process each, waited for
until each answers a ping), then `POST /api/imports/` with a JSONL file of --articles generated articles. Prints how
long that request took (target: under 200 ms: it only checks and stores the file and queues the job; reading it is
the workers' first task), the p50/p95 of `GET /api/jobs/{id}/` while the workers run, the time until the job is done
and articles/s, and at the end the ratio between 2 and 1 workers (expect >= 1.6 on 2 cores).

The kill run: 2 workers, and once a third of the articles are in, `kill -9` of one whole worker (its process group);
a new worker is started in its place. Then checks that every article is stored exactly once. Needs PostgreSQL at
127.0.0.1:5432 and Redis at 127.0.0.1:6379 (it uses Redis database 13 and empties it, and the database
claimdesk_bench_jobs). The web process and the workers it starts are stopped when it ends, also on Ctrl-C or
SIGTERM. Worker logs: var/bench/jobs-*.log. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import BENCH_DIR, start_server  # noqa: E402  (the same gunicorn as the load benchmark)

DB = "claimdesk_bench_jobs"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
BROKER = "redis://127.0.0.1:6379/13"
CELERY = str(Path(sys.executable).parent / "celery")

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "pa", "zo", "ber", "tan", "gul", "ris", "mon"]


def _words(rng: random.Random, n: int) -> str:
    # Invented words, so articles differ the way real news does and matching finds few (not 20,000) look-alikes.
    return " ".join("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(n))


def article(i: int, rng: random.Random) -> dict:
    person = f"{_words(rng, 1).title()} {_words(rng, 1).title()}"
    place = _words(rng, 1).title()
    n = rng.randint(2, 900)
    body = (
        f"{place} {_words(rng, 4)} {i}\n"
        f"{person}, the {_words(rng, 1)} minister, said on Monday that {_words(rng, 6)} within {n} days.\n"
        f"“We have {_words(rng, 5)} and {n * 3} {_words(rng, 3)},” {person.split()[1]} said.\n"
        f"The {place} council said {_words(rng, 7)} in report {i}.\n"
        f"{_words(rng, 9).capitalize()}.\n"
    )
    return {"title": body.split("\n")[0], "body": body, "publisher": "Bench Wire", "url": f"https://b.example/{i}"}


def write_file(count: int) -> Path:
    rng = random.Random(13)
    path = Path(tempfile.mkdtemp(prefix="claimdesk-jobs-")) / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")
    return path


def fresh_environment(files: Path, visibility: int) -> dict:
    import psycopg
    import redis

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    redis.Redis.from_url(BROKER).flushdb()
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DEBUG="false",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB}",
        CELERY_BROKER_URL=BROKER,
        CELERY_VISIBILITY_TIMEOUT=str(visibility),
        JOB_FILES_ROOT=str(files),
        API_THROTTLE_USER="1000000/minute",
    )
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    script = (
        "from django.contrib.auth.models import Group, User\n"
        "from rest_framework.authtoken.models import Token\n"
        "u = User.objects.create_user('bench', password=None)\n"
        "u.groups.add(Group.objects.get(name='reviewer'))\n"
        "print(Token.objects.create(user=u).key)\n"
    )
    token = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True
    )
    env["BENCH_TOKEN"] = token.stdout.decode().strip().splitlines()[-1]
    return env


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def wait_for_workers(count: int, timeout: float = 120) -> None:
    """Until `count` workers answer a ping: a worker still starting would take the cores from the request timed."""
    from celery import Celery

    app = Celery(broker=BROKER)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(app.control.ping(timeout=1.0) or []) >= count:
            return
    sys.exit(f"{count} worker(s) did not answer within {timeout:.0f} s; see var/bench/jobs-*.log")


def start_worker(env: dict, name: str) -> subprocess.Popen:
    log = open(BENCH_DIR / f"jobs-{name}.log", "w")  # noqa: SIM115 - lives as long as the worker
    return subprocess.Popen(
        [CELERY, "-A", "config", "worker", "--concurrency=1", "--hostname", f"{name}@%h", "--loglevel=WARNING"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,  # its own group: kill -9 takes it whole
    )  # fmt: skip


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def post_file(port: int, token: str, path: Path) -> tuple[int, dict, float]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: application/x-ndjson\r\n\r\n"
    ).encode()
    body = head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Authorization": f"Token {token}", "Content-Type": f"multipart/form-data; boundary={boundary}"}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    start = time.perf_counter()
    conn.request("POST", "/api/imports/", body=body, headers=headers)
    response = conn.getresponse()
    data = json.loads(response.read())
    return response.status, data, (time.perf_counter() - start) * 1000


def get_job(conn: http.client.HTTPConnection, token: str, job_id: int) -> tuple[dict, float]:
    start = time.perf_counter()
    conn.request("GET", f"/api/jobs/{job_id}/", headers={"Authorization": f"Token {token}"})
    data = json.loads(conn.getresponse().read())
    return data, (time.perf_counter() - start) * 1000


def stored_exactly_once(env: dict, expected: int) -> str:
    import psycopg

    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://")) as conn:
        total, distinct = conn.execute("SELECT count(*), count(DISTINCT url) FROM claims_article").fetchone()
        claims, spans = conn.execute(
            'SELECT count(*), count(DISTINCT (article_id, start, "end")) FROM claims_claim'
        ).fetchone()
    verdict = "yes" if total == distinct == expected and claims == spans else "NO"
    return f"{total} articles ({distinct} distinct URLs, expected {expected}), {claims} claims: exactly once: {verdict}"


def run(count: int, workers: int, *, kill: bool, file: Path, port: int) -> float:
    files = Path(tempfile.mkdtemp(prefix="claimdesk-jobfiles-"))
    env = fresh_environment(files, visibility=15 if kill else 600)
    pool: list[subprocess.Popen] = []
    server = start_server(env, port, 1)
    try:
        pool.extend(start_worker(env, f"w{i}") for i in range(workers))
        wait_for_workers(workers)
        get_job(http.client.HTTPConnection("127.0.0.1", port, timeout=30), env["BENCH_TOKEN"], 0)  # warm the server
        status, job, request_ms = post_file(port, env["BENCH_TOKEN"], file)
        if status != 202:
            sys.exit(f"POST /api/imports/ answered {status}: {job}")
        post_load = load()
        start = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        polls: list[float] = []
        killed = False
        while True:
            data, ms = get_job(conn, env["BENCH_TOKEN"], job["id"])
            polls.append(ms)
            if kill and not killed and data["done"] >= count // 3:
                stop(pool[0], signal.SIGKILL)
                print(f"  killed worker w0 (kill -9 of its process group) at {data['done']}/{count}", flush=True)
                pool[0] = start_worker(env, "w0-replacement")
                killed = True
            if data["status"] in ("done", "failed", "cancelled"):
                break
            time.sleep(0.5)
        elapsed = time.perf_counter() - start
        rate = count / elapsed
        label = f"{workers} worker{'s' if workers > 1 else ''}{' + kill -9' if kill else ''}"
        p50, p95 = statistics.median(polls), statistics.quantiles(polls, n=20)[-1]
        print(
            f"{label}: POST /api/imports/ answered 202 in {request_ms:.0f} ms ({post_load}); job {data['status']} "
            f"({data['done']}/{data['total']}, {len(data['errors'])} errors) after {elapsed:.1f} s "
            f"= {rate:.1f} articles/s ({load()}); GET /api/jobs/{{id}}/ p50 {p50:.0f} ms, p95 {p95:.0f} ms",
            flush=True,
        )
        if kill:
            print("  " + stored_exactly_once(env, count), flush=True)
        return rate
    finally:
        for process in pool:
            stop(process)
        server.terminate()
        server.wait()


def _exit_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds through run()'s `finally`, which stops the workers and the server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="generated articles per run (default 20,000)")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="*",
        default=[1, 2],
        help="worker counts to time (default 1 2); none: only the kill run",
    )
    parser.add_argument("--no-kill", action="store_true", help="skip the run that kills a worker")
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    file = write_file(args.articles)
    size = file.stat().st_size / 1e6
    print(f"{args.articles:,} generated articles, {size:.1f} MB of JSONL; {os.cpu_count()} cores; {load()}", flush=True)
    rates = {w: run(args.articles, w, kill=False, file=file, port=args.port) for w in args.workers}
    if 1 in rates and 2 in rates:
        print(f"ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}", flush=True)
    if not args.no_kill:
        run(args.articles, 2, kill=True, file=file, port=args.port)


if __name__ == "__main__":
    main()
