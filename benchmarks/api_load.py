"""Load on the web API: a bounded burst from 50 concurrent clients over 127.0.0.1.

    python benchmarks/api_load.py                       # the sample store (built if missing)
    python benchmarks/api_load.py --db FILE --requests 2000 --clients 50

Starts ``storyline serve`` in a child process on a free loopback port, waits
for it, sends ``--requests`` GETs spread over the endpoints from ``--clients``
concurrent clients (one httpx connection pool each), then stops the server.
Prints a table per endpoint and, as its last line, one JSON object.
Every request goes to 127.0.0.1 only, and the burst is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DB = ROOT / "build" / "demo" / "storyline.db"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sample_store() -> Path:
    """The store `make demo` writes; built into a temporary folder when it is missing."""
    if SAMPLE_DB.is_file():
        return SAMPLE_DB
    out = Path(tempfile.mkdtemp(prefix="storyline-load-"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "storyline",
            "run",
            str(ROOT / "examples" / "corpus"),
            "--out",
            str(out),
            "--quiet",
        ],
        check=True,
    )
    return out / "storyline.db"


def _paths(base: str, db: Path) -> list[tuple[str, str]]:
    """(endpoint name, path) pairs covering every read the API offers."""
    ids = [
        row["id"]
        for row in httpx.get(f"{base}/stories", params={"limit": 200}, timeout=10).json()["items"]
    ]
    if not ids:
        raise SystemExit(f"store {db} has no stories")
    paths = [("stories", "/stories?limit=20"), ("stories?q", "/stories?q=minister")]
    paths += [("story", f"/stories/{sid}") for sid in ids]
    paths += [("report", f"/stories/{sid}/report") for sid in ids[:3]]
    paths += [
        ("entities", "/entities?q=port"),
        ("claims", "/claims?status=conflicting"),
        ("search", "/search?q=police"),
        ("search", "/search?q=ferry+passengers"),
    ]
    return paths


async def _client(
    client: httpx.AsyncClient,
    jobs: asyncio.Queue[tuple[str, str]],
    results: list[tuple[str, float, bool]],
) -> None:
    while True:
        try:
            name, path = jobs.get_nowait()
        except asyncio.QueueEmpty:
            return
        t0 = time.perf_counter()
        try:
            r = await client.get(path)
            ok = r.status_code == 200 and len(r.content) > 0
        except httpx.HTTPError:
            ok = False
        results.append((name, time.perf_counter() - t0, ok))


async def _burst(
    base: str, paths: list[tuple[str, str]], n: int, clients: int
) -> tuple[list[tuple[str, float, bool]], float]:
    # Each client is built before the clock starts: building one (its TLS context
    # included, even unused) blocks the event loop and would be charged to the
    # requests other clients have in flight.
    pool = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(clients)]
    jobs: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for i in range(n):
        jobs.put_nowait(paths[i % len(paths)])
    results: list[tuple[str, float, bool]] = []
    try:
        t0 = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(_client(c, jobs, results) for c in pool)), timeout=300
        )
        wall = time.perf_counter() - t0
    finally:
        for c in pool:
            await c.aclose()
    return results, wall


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _start(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"server exited: {err}")
        try:
            if httpx.get(f"{base}/stories?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="store to serve (default: the sample store)")
    ap.add_argument("--data", type=Path, help="alias of --db, for the benchmarks' usual flag")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=50)
    args = ap.parse_args()
    db = args.db or args.data or _sample_store()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(db, port)
    try:
        _wait_ready(base, proc)
        paths = _paths(base, db)
        asyncio.run(_burst(base, paths, min(200, args.requests), args.clients))  # warm-up
        results, wall = asyncio.run(_burst(base, paths, args.requests, args.clients))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    errors = sum(1 for _, _, ok in results if not ok)
    latencies = [t for _, t, _ in results]
    print(f"{'endpoint':<10} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name in sorted({n for n, _, _ in results}):
        mine = [t for n, t, _ in results if n == name]
        errs = sum(1 for n, _, ok in results if n == name and not ok)
        print(
            f"{name:<10} {len(mine):>9} {_pct(mine, 0.5) * 1000:>8.1f} "
            f"{_pct(mine, 0.99) * 1000:>8.1f} {errs:>7}"
        )
    metrics: dict[str, Any] = {
        "db": str(db),
        "clients": args.clients,
        "requests": len(results),
        "seconds": round(wall, 3),
        "requests_per_s": round(len(results) / wall, 1) if wall else 0.0,
        "p50_ms": round(_pct(latencies, 0.5) * 1000, 2),
        "p99_ms": round(_pct(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else 0.0,
        "errors": errors,
    }
    print(
        f"{'all':<10} {len(results):>9} {metrics['p50_ms']:>8.1f} {metrics['p99_ms']:>8.1f} "
        f"{errors:>7}   {metrics['requests_per_s']} req/s over {wall:.1f} s"
    )
    print(json.dumps(metrics))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
