"""`make bench`: ingest, search, HTTP, export and Datasette figures; prints tables, writes JSON.

Stages, in order (each can be sized or skipped from the command line):
1. ingest throughput of generated annex reports (1,000 and 10,000 reports, 10 activities each);
2. search latency per query shape at 100k and 1M activities on SQLite and PostgreSQL, the
   databases filled by the bulk loader (bench/populate.py);
3. HTTP throughput and p95 with wrk at 1, 8 and 32 clients, on the largest SQLite database;
4. export of that database as CSV and XLSX: time and peak memory of the exporting process;
5. the same facet questions asked of Datasette 0.65 and of ipcoop on that file, interleaved;
6. (editing) search p50/p95 at the largest size on each database while a writer saves an edit
   to a draft every second (bench/editing.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, create_engine, text

from bench import queries
from bench.populate import populate
from ipcoop.config import Settings
from ipcoop.db import make_engine, session_scope
from ipcoop.ingest.service import ingest
from ipcoop.migrate import upgrade
from ipcoop.quality.synth import generate
from ipcoop.search.index import current

HERE = Path(__file__).resolve().parent
PG_ADMIN = os.environ.get(
    "IPCOOP_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
console = Console()


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.node()} {cpu}, {os.cpu_count()} cores{memory}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def show(title: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Print rows as one table."""
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) for c in columns))
    console.print(table)


def bench_ingest(reports: int, work: Path) -> dict[str, Any]:
    """Generate `reports` annex reports (10 activities each) and ingest them into a new SQLite."""
    corpus = work / f"corpus-{reports}"
    if corpus.exists():
        shutil.rmtree(corpus)
    activities = generate(corpus, reports=reports, seed=67, formats=("text",))
    (corpus / "truth.json").unlink()
    db = work / f"ingest-{reports}.sqlite3"
    db.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    started = time.perf_counter()
    summary = ingest(engine, [corpus], Settings(data_dir=work))
    seconds = time.perf_counter() - started
    engine.dispose()
    db.unlink()
    shutil.rmtree(corpus)
    stored = summary.count("stored")
    assert stored == reports, [o for o in summary.outcomes if o.status != "stored"][:3]
    assert summary.activities == activities, (summary.activities, activities)
    return {
        "reports": reports,
        "activities": activities,
        "seconds": round(seconds, 1),
        "activities_per_s": round(activities / seconds, 1),
    }


def _admin(statement: str) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def _filled(engine: Engine) -> int:
    """Activities already in a benchmark database (0 when it is new or not migrated)."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM activities")).scalar_one())
    except Exception:  # no such table yet
        return 0


def database(backend: str, size: int, work: Path, *, fresh: bool) -> tuple[Engine, float | None]:
    """A database holding `size` loaded activities: reused when a previous run left exactly
    that, otherwise made anew. Returns the engine and the loading time (None when reused)."""
    name = f"activities-{size}"
    if backend == "sqlite":
        path = work / f"{name}.sqlite3"
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        pg_name = f"ipcoop_bench_{size}"
        if fresh:
            _admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        try:
            _admin(f'CREATE DATABASE "{pg_name}"')
        except Exception as error:  # it is there already
            if "already exists" not in str(error):
                raise
        url = PG_ADMIN.rsplit("/", 1)[0] + "/" + pg_name
    engine = make_engine(url)
    if _filled(engine) == size:
        upgrade(engine)  # a database a run of older code left is brought to this schema
        return engine, None
    engine.dispose()
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        _admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        _admin(f'CREATE DATABASE "{pg_name}"')
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    populate(engine, size)
    return engine, round(time.perf_counter() - started, 1)


def index_build(engine: Engine) -> float:
    """Seconds to build the activity index (what the first search after a change pays)."""
    started = time.perf_counter()
    with session_scope(engine) as session:
        current(session)
    return round(time.perf_counter() - started, 2)


def bench_queries(
    sizes: Sequence[int], backends: Sequence[str], work: Path, fresh: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per size and backend: loading and index-build times, and latency per query shape."""
    loads: list[dict[str, Any]] = []
    measured: list[dict[str, Any]] = []
    for size in sizes:
        for backend in backends:
            engine, load_s = database(backend, size, work, fresh=fresh)
            build_s = index_build(engine)
            loads.append(
                {
                    "backend": backend,
                    "activities": size,
                    "load_s": "reused" if load_s is None else load_s,
                    "index_build_s": build_s,
                }
            )
            measured += queries.run(engine, backend, size)
            engine.dispose()
    return loads, measured


FAILED: dict[str, str] = {}


def stage(name: str, skip: bool, fn: Callable[[], Any]) -> Any:
    """Run one stage with its name on the console; None when skipped or failed (a failed stage
    is recorded and the others still run)."""
    if skip:
        console.print(f"[dim]{name}: skipped[/dim]")
        return None
    console.rule(name)
    started = time.perf_counter()
    try:
        result = fn()
    except Exception as error:  # record it, keep the other stages' figures
        FAILED[name] = f"{type(error).__name__}: {error}"
        console.print_exception()
        return None
    console.print(f"[dim]{name}: {time.perf_counter() - started:.0f} s[/dim]")
    return result


def main() -> None:
    """Run the benchmarks and record the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--ingest-reports", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--backends", nargs="*", default=["sqlite", "postgresql"])
    parser.add_argument("--http-seconds", type=int, default=10)
    parser.add_argument(
        "--http-rounds", type=int, default=3, help="wrk runs per level; the median is kept"
    )
    parser.add_argument(
        "--http-workers", type=int, default=os.cpu_count() or 1, help="server processes"
    )
    parser.add_argument("--rounds", type=int, default=15, help="Datasette comparison rounds")
    parser.add_argument("--edit-seconds", type=int, default=30, help="editing stage length")
    parser.add_argument("--skip", nargs="*", default=[], choices=STAGES)
    parser.add_argument(
        "--fresh", action="store_true", help="reload the databases even when a run left them"
    )
    args = parser.parse_args()
    work = HERE / "data"
    work.mkdir(exist_ok=True)
    skip = set(args.skip)
    started = time.perf_counter()
    console.print(f"ipcoop benchmarks on {machine()}")

    ingest_runs = (
        stage(
            "ingest", "ingest" in skip, lambda: [bench_ingest(n, work) for n in args.ingest_reports]
        )
        or []
    )
    if ingest_runs:
        show(
            "ingest of generated annex reports (SQLite)",
            ingest_runs,
            ("reports", "activities", "seconds", "activities_per_s"),
        )

    loads, measured = stage(
        "queries",
        "queries" in skip,
        lambda: bench_queries(args.sizes, args.backends, work, args.fresh),
    ) or ([], [])
    if measured:
        show("databases", loads, ("backend", "activities", "load_s", "index_build_s"))
        show(
            "search latency per query shape (service level, warm index)",
            measured,
            ("name", "backend", "rows", "p50_ms", "p95_ms", "p99_ms"),
        )

    def at_largest(measure: Callable[[Engine, str, int], dict[str, Any]]) -> Callable[[], Any]:
        """A stage that measures the largest database of each backend."""

        def run() -> list[dict[str, Any]]:
            rows = []
            for backend in args.backends:
                engine, _ = database(backend, max(args.sizes), work, fresh=False)
                rows.append(measure(engine, backend, max(args.sizes)))
                engine.dispose()
            return rows

        return run

    from bench import editing, publishing

    edit_rows = (
        stage(
            "editing",
            "editing" in skip or not args.sizes,
            at_largest(lambda e, b, n: editing.measure(e, b, n, args.edit_seconds)),
        )
        or []
    )
    if edit_rows:
        show(
            "search while a draft is saved every second (service level)",
            edit_rows,
            ("backend", "rows", "searches", "edits", "p50_ms", "p95_ms", "revision_moved"),
        )
    publish_rows = (
        stage("publishing", "publishing" in skip or not args.sizes, at_largest(publishing.measure))
        or []
    )
    if publish_rows:
        show(
            "a publication of 20 activities, and the first search after it (median ms)",
            publish_rows,
            ("backend", "rows", "publish_ms", "first_search_ms", "full_reading_ms"),
        )

    largest = work / f"activities-{max(args.sizes)}.sqlite3" if args.sizes else None
    ready = largest is not None and largest.exists()
    url = f"sqlite:///{largest}"

    from bench import datasette, export, http

    http_rows = (
        stage(
            "http",
            "http" in skip or not ready,
            lambda: http.measure_http(
                url,
                (1, 8, 32),
                args.http_seconds,
                workers=args.http_workers,
                rounds=args.http_rounds,
            ),
        )
        or []
    )
    if http_rows:
        show(
            f"HTTP on loopback, wrk, {args.http_seconds} s per level, median of"
            f" {args.http_rounds} rounds, `ipcoop serve --workers {args.http_workers}`",
            http_rows,
            ("concurrency", "requests_per_s", "p95_ms", "errors", "rounds_requests_per_s"),
        )

    export_rows = (
        stage(
            "export",
            "export" in skip or not ready,
            lambda: [
                export.measure_export(url, fmt, work / f"export.{fmt}") for fmt in ("csv", "xlsx")
            ],
        )
        or []
    )
    if export_rows:
        show("export of every activity", export_rows, ("format", "rows", "seconds", "peak_rss_mb"))

    versus = (
        stage(
            "datasette",
            "datasette" in skip or not ready,
            lambda: datasette.compare(largest, rounds=args.rounds) if largest else [],
        )
        or []
    )
    if versus:
        show(
            "the same facet questions: ipcoop / Datasette 0.65 (median ms)",
            versus,
            ("name", "ours_ms", "theirs_ms", "ratio"),
        )

    biggest = max(ingest_runs, key=lambda r: r["activities"], default=None)
    record = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "ingest": (
            {"activities": biggest["activities"], "activities_per_s": biggest["activities_per_s"]}
            if biggest
            else None
        ),
        "ingest_runs": ingest_runs,
        "databases": loads,
        "queries": measured,
        "editing": edit_rows,
        "publishing": publish_rows,
        "http": http_rows,
        "export": export_rows,
        "datasette": versus,
        "failed": FAILED,
    }
    results = HERE / "results"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for out in (results / "latest.json", results / f"run-{stamp}.json"):
        out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    console.print(f"Wrote {results / 'latest.json'} in {record['minutes']} min")


STAGES = ("ingest", "queries", "editing", "publishing", "http", "export", "datasette")

if __name__ == "__main__":
    main()
