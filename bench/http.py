"""HTTP throughput and p95 on loopback: `ipcoop serve` on a database, loaded by wrk.

wrk (Debian's package; `make bench` installs it) runs bench/http_load.lua, which rotates through
the request paths of ``PATHS`` below (the one list: they are passed to the script after ``--``)
and prints requests/s, latency percentiles and errors as one JSON line.

Run by hand (as a module: a script named http.py would shadow the standard library's http):

    .venv/bin/python -m bench.http var/ipcoop.sqlite3 --seconds 5 --concurrency 1 8 32
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx

HERE = Path(__file__).resolve().parent
LUA = HERE / "http_load.lua"

# What users and other systems ask, in the order wrk rotates through them. {activity} is
# replaced by the id of the newest activity (the first item of the default search).
PATHS: tuple[str, ...] = (
    # search with three filters; the API always returns every facet with the page
    "/api/v1/activities?beneficiary=ASEAN&topic=enforcement&year_from=2005",
    # a group filter: LDC members at each activity's date
    "/api/v1/activities?beneficiary=LDC",
    # full text
    "/api/v1/activities?q=counterfeiting+piracy",
    # two filters, one of them a year range
    "/api/v1/activities?type=workshop&year_from=2010&year_to=2015",
    # a party profile
    "/api/v1/parties/WIPO/profile",
    # counts by year x topic
    "/api/v1/stats?by=year&by=topic",
    # one activity with its evidence and related activities
    "/api/v1/activities/{activity}",
    # the HTML search page with filters (facets, results, export links)
    "/?type=workshop&topic=enforcement",
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(
    base: str, process: subprocess.Popen[bytes], probe: str, timeout: float = 60.0
) -> None:
    """Return once ``base + probe`` answers 200; raise if the server died or never answered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {base} exited with {process.returncode}")
        try:
            if httpx.get(base + probe, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"the server at {base} did not answer within {timeout:.0f} s")


def serve_command(port: int, workers: int = 1) -> list[str]:
    """The command serving ipcoop on 127.0.0.1:port: `ipcoop serve` as users run it."""
    return [sys.executable, "-m", "ipcoop.cli", "serve", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers)]  # fmt: skip


@contextmanager
def running(
    command: list[str],
    base: str,
    env: dict[str, str],
    probe: str = "/api/v1/openapi.json",
    output: IO[bytes] | None = None,
) -> Iterator[None]:
    """Run a server command until the block ends; stop it (and its workers) afterwards.

    ``output`` receives the server's stdout and stderr (its access log, say); by default they
    go to ours.
    """
    process = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=output, stderr=output
    )
    try:
        wait_until_up(base, process, probe)
        yield
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def resolve_paths(base: str) -> list[str]:
    """PATHS with {activity} filled in; each is asked once and must answer 200 (warm-up too)."""
    with httpx.Client(base_url=base, timeout=300) as client:
        first = client.get("/api/v1/activities", params={"limit": 1})
        first.raise_for_status()
        items = first.json()["items"]
        if not items:
            raise RuntimeError("the database holds no activities: nothing to measure")
        paths = [p.format(activity=items[0]["id"]) for p in PATHS]
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path} answered {response.status_code}: {response.text}")
    return paths


def warm_up(base: str, path: str, workers: int, fast_s: float = 1.0, tries: int = 10) -> None:
    """Make every worker process answer once before measuring.

    Each process builds its in-memory activity index as it starts (seconds at 100k activities,
    tens of seconds at 1M), so a worker still building would turn the first requests it gets
    under load into timeouts. Which process accepts a connection is the kernel's choice: send
    several concurrent requests on new connections until one round comes back fast everywhere.
    """
    if workers == 1:
        return
    for _ in range(tries):
        with ThreadPoolExecutor(4 * workers) as pool:
            seconds = list(pool.map(lambda _: _timed_get(base + path), range(4 * workers)))
        if max(seconds) < fast_s:
            return
    raise RuntimeError(f"{workers} workers still answer slowly after warm-up: {seconds}")


def _timed_get(url: str) -> float:
    started = time.perf_counter()
    httpx.get(url, timeout=300).raise_for_status()
    return time.perf_counter() - started


def run_wrk(
    base: str, paths: list[str], concurrency: int, seconds: int, timeout_s: int
) -> dict[str, Any]:
    """One wrk run at a given number of connections; wrk's JSON line as a dict."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed: `apt-get install wrk` (make bench does)")
    command = [
        wrk,
        f"-c{concurrency}",
        f"-t{min(concurrency, 2)}",
        f"-d{seconds}s",
        f"--timeout={timeout_s}s",
        "-s",
        str(LUA),
        base,
        "--",
        *paths,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    for line in done.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return dict(json.loads(line.removeprefix("WRK_JSON ")))
    raise RuntimeError(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")


def measure_http(
    db_url: str,
    concurrency: tuple[int, ...] = (1, 8, 32),
    seconds: int = 10,
    *,
    workers: int = 1,
    timeout_s: int = 2,
    rounds: int = 3,
) -> list[dict[str, Any]]:
    """Requests/s, p95 and errors at each number of concurrent clients against one server.

    Each level runs ``rounds`` times and the round with the median throughput is reported
    (``rounds_requests_per_s`` keeps them all): with several workers, which worker accepts
    which connection is the kernel's choice, and one round of the same code gave 47 or 104
    requests/s at 8 clients depending on how the connections fell. ``errors`` adds wrk's
    connect, read, write and timeout errors to the non-2xx responses over every round;
    ``detail`` keeps every figure wrk gave for the reported round. A request slower than
    ``timeout_s`` (wrk's default, 2 s) is a timeout error.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "IPCOOP_DATABASE_URL": db_url}
    results: list[dict[str, Any]] = []
    with running(serve_command(port, workers), base, env):
        paths = resolve_paths(base)
        warm_up(base, paths[0], workers)
        for clients in concurrency:
            runs = [run_wrk(base, paths, clients, seconds, timeout_s) for _ in range(rounds)]
            errors = sum(_errors(run) for run in runs)
            runs.sort(key=lambda run: float(run["requests_per_s"]))
            figures = runs[len(runs) // 2]
            results.append(
                {
                    "concurrency": clients,
                    "requests_per_s": round(figures["requests_per_s"], 1),
                    "p95_ms": round(figures["p95_ms"], 1),
                    "errors": errors,
                    "workers": workers,
                    "rounds_requests_per_s": [round(r["requests_per_s"], 1) for r in runs],
                    "detail": figures,
                }
            )
    return results


def _errors(figures: dict[str, Any]) -> int:
    e = figures["errors"]
    return int(e["connect"] + e["read"] + e["write"] + e["timeout"] + e["non_2xx"])


def main() -> None:
    parser = argparse.ArgumentParser(description="HTTP throughput and p95 with wrk on loopback.")
    parser.add_argument("database", type=Path, help="an SQLite file (or use --url)")
    parser.add_argument("--url", help="a database URL instead of the SQLite file")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[os.cpu_count() or 1])
    parser.add_argument("--timeout", type=int, default=2, help="wrk's request timeout, seconds")
    parser.add_argument("--rounds", type=int, default=3, help="runs per level; the median is kept")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{args.database.resolve()}"
    rows = []
    for workers in args.workers:
        rows += measure_http(
            url,
            tuple(args.concurrency),
            args.seconds,
            workers=workers,
            timeout_s=args.timeout,
            rounds=args.rounds,
        )
    print(
        f"{'workers':>7} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6}  rounds' req/s, error kinds"
    )
    for row in rows:
        d = row["detail"]
        print(
            f"{row['workers']:>7} {row['concurrency']:>7} {row['requests_per_s']:>8} "
            f"{d['p50_ms']:>8.1f} {row['p95_ms']:>8} {d['p99_ms']:>8.1f} {row['errors']:>6}  "
            + ", ".join(
                [str(row["rounds_requests_per_s"])]
                + [f"{k} {v}" for k, v in d["errors"].items() if v]
            )
        )
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
