"""Benchmark the streamed exports over HTTP against a plain DRF list of the same rows.

    .venv/bin/python bench/export.py                      # 100k and 1M claims (a few minutes)
    .venv/bin/python bench/export.py --sizes 20000        # a quick run

For each size: a throwaway SQLite database under var/bench/ filled by `manage.py bench_data`, gunicorn (one sync
worker, DEBUG off, bench/settings.py) serving config.wsgi, then GET /api/export/claims.jsonl, .csv and .parquet and the
baseline (bench/urls.py: ListAPIView + ModelSerializer, select_related/prefetch_related, one JSON array), each timed
end to end on the client and with the worker's peak RSS (VmHWM from /proc, reset before each request through
/proc/<pid>/clear_refs, plus sampling). The baseline holds every row in memory, so it runs only up to
--baseline-max claims (default 100,000) and within --baseline-timeout seconds. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
BENCH_DIR = ROOT / "var" / "bench"


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return (result.stdout or "").strip()


def prepare_database(size: int, args) -> dict:
    path = BENCH_DIR / f"export-{size}.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{path}",
        "DEBUG": "false",
    }
    marker = path.with_suffix(".ready")
    if not (args.reuse and marker.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        manage(env, "migrate", "--no-input", "-v", "0")
        articles = max(1, size // args.claims_per_article)
        print(f"Filling {path.name}: {articles:,} articles × {args.claims_per_article} claims …", flush=True)
        manage(
            env,
            "bench_data",
            "--articles",
            str(articles),
            "--claims-per-article",
            str(args.claims_per_article),
            "--annotators",
            str(args.annotators),
        )
        marker.write_text("ok")
    env["BENCH_TOKEN"] = manage(env, "issue_token", "bench-reviewer", capture=True)
    return env


def start_server(env: dict, port: int) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(VENV_BIN))
    if gunicorn is None:
        sys.exit("gunicorn is not installed in the virtualenv: .venv/bin/pip install -e '.[dev]'")
    log = open(BENCH_DIR / "gunicorn.log", "a")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(
        [gunicorn, "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "1800"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start; see var/bench/gunicorn.log")


def worker_pid(master: int) -> int:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("no gunicorn worker")


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class PeakMemory:
    """The worker's peak RSS during a request: VmHWM after resetting it, and sampled every 20 ms as a check."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()

    def __enter__(self):
        with contextlib.suppress(OSError):  # older kernels: the sampling alone
            Path(f"/proc/{self.pid}/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.02)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kib(self.pid, "VmHWM"))


def fetch(port: int, path: str, token: str, timeout: float, keep: list | None = None) -> tuple[int, int, float, bool]:
    """GET path; returns (newlines, bytes, seconds, finished in time). With `keep`, the chunks are kept there."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Authorization": f"Token {token}"})
    response = connection.getresponse()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status} {response.read(500)!r}")
    newlines = size = 0
    try:
        while chunk := response.read(1 << 20):
            newlines += chunk.count(b"\n")
            size += len(chunk)
            if keep is not None:
                keep.append(chunk)
            if time.perf_counter() - started > timeout:
                return newlines, size, time.perf_counter() - started, False
    except TimeoutError:
        return newlines, size, time.perf_counter() - started, False
    finally:
        connection.close()
    return newlines, size, time.perf_counter() - started, True


def parquet_rows(data: bytes) -> int:
    """Rows in a Parquet file, read from its footer (the client side: not part of the server's memory)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(io.BytesIO(data)).metadata.num_rows


def run_size(size: int, args) -> list[dict]:
    env = prepare_database(size, args)
    server = start_server(env, args.port)
    results = []
    try:
        pid = worker_pid(server.pid)
        token = env["BENCH_TOKEN"]
        # Warm up: imports, the first connection and the token lookup are not what is measured.
        fetch(args.port, "/api/export/claims.jsonl?status=adjudicated&search=zzzz", token, 60)
        idle = rss_kib(pid) / 1024
        runs = [
            ("JSONL", "/api/export/claims.jsonl"),
            ("CSV", "/api/export/claims.csv"),
            ("Parquet", "/api/export/claims.parquet"),
        ]
        if size <= args.baseline_max:
            runs.append(("DRF baseline", "/bench/baseline/claims/"))
        for name, path in runs:
            timeout = args.baseline_timeout if name == "DRF baseline" else 3600
            body = [] if name in ("DRF baseline", "Parquet") else None
            with PeakMemory(pid) as memory:
                newlines, nbytes, seconds, finished = fetch(args.port, path, token, timeout, keep=body)
            if name == "CSV":
                rows = newlines - 2  # the header and the #end line; bench claims have no line breaks
            elif name == "DRF baseline":
                rows = len(json.loads(b"".join(body))) if finished else 0
            elif name == "Parquet":
                rows = parquet_rows(b"".join(body)) if finished else 0
                body.clear()
            else:
                rows = newlines - 1  # the _end trailer line
            results.append(
                {
                    "size": size,
                    "export": name,
                    "rows": rows,
                    "seconds": seconds,
                    "rows_per_s": rows / seconds if seconds and finished else 0,
                    "mb": nbytes / 1e6,
                    "peak_rss_mb": memory.peak / 1024,
                    "idle_rss_mb": idle,
                    "finished": finished,
                }
            )
            r = results[-1]
            status = "" if finished else f"  (stopped after {timeout:.0f} s)"
            print(
                f"  {size:>9,}  {name:<13} {r['rows']:>9,} rows  {seconds:7.2f} s  {r['rows_per_s']:>9,.0f} rows/s  "
                f"{r['mb']:8.1f} MB sent  peak worker RSS {r['peak_rss_mb']:6.1f} MB (idle {idle:.1f}){status}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000", help="claim counts, comma separated")
    parser.add_argument("--claims-per-article", type=int, default=20)
    parser.add_argument("--annotators", type=int, default=5)
    parser.add_argument("--baseline-max", type=int, default=100_000, help="run the DRF baseline up to this size")
    parser.add_argument("--baseline-timeout", type=float, default=600)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--reuse", action="store_true", help="reuse var/bench databases filled by an earlier run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    print(f"ClaimDesk export benchmark: SQLite, gunicorn 1 sync worker, Python {sys.version.split()[0]}")
    all_results = []
    for size in sizes:
        all_results.extend(run_size(size, args))
    print("\nStreamed vs plain DRF (same rows):")
    for size in sizes:
        by_name = {r["export"]: r for r in all_results if r["size"] == size}
        base = by_name.get("DRF baseline")
        if base and base["finished"] and base["rows_per_s"]:
            jsonl = by_name["JSONL"]
            print(
                f"  {size:>9,}: JSONL {jsonl['rows_per_s'] / base['rows_per_s']:.1f}× the rows/s, "
                f"peak memory {jsonl['peak_rss_mb']:.0f} MB vs {base['peak_rss_mb']:.0f} MB"
            )
        else:
            print(f"  {size:>9,}: baseline not run (over --baseline-max {args.baseline_max:,} or timed out)")


if __name__ == "__main__":
    main()
