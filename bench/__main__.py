"""`make bench`: ingest throughput on a generated corpus; prints a table, writes results JSON."""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, create_engine, text

from bench import queries
from ipcoop.config import Settings
from ipcoop.db import make_engine
from ipcoop.ingest.service import ingest
from ipcoop.migrate import upgrade
from ipcoop.synth import generate

HERE = Path(__file__).resolve().parent


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    import os

    cores = os.cpu_count()
    python = platform.python_version()
    return f"{platform.node()} {platform.machine()}, {cores} cores, Python {python}"


def bench_ingest(reports: int, work: Path) -> dict[str, float | int]:
    """Generate `reports` annex reports (10 activities each) and ingest them into a new SQLite."""
    corpus = work / f"corpus-{reports}"
    if corpus.exists():
        shutil.rmtree(corpus)
    activities = generate(corpus, reports=reports, seed=67)
    (corpus / "truth.json").unlink()
    db = work / f"ingest-{reports}.sqlite3"
    db.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    started = time.perf_counter()
    summary = ingest(engine, [corpus], Settings(data_dir=work))
    seconds = time.perf_counter() - started
    engine.dispose()
    assert summary.count("stored") == reports, [o for o in summary.outcomes if o.status != "stored"]
    assert summary.activities == activities
    return {
        "reports": reports,
        "activities": activities,
        "seconds": round(seconds, 2),
        "activities_per_s": round(activities / seconds, 1),
    }


PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _postgres(name: str) -> Engine | None:
    """A new, empty PostgreSQL database for the benchmark, or None when there is no server."""
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # no server on this machine
        Console(stderr=True).print(f"PostgreSQL skipped: {error}")
        return None
    finally:
        admin.dispose()
    return make_engine(PG_ADMIN.rsplit("/", 1)[0] + "/" + name)


def bench_queries(reports: int, work: Path) -> list[dict[str, Any]]:
    """Search latency per query shape on SQLite and PostgreSQL holding the same corpus."""
    corpus = work / f"corpus-q{reports}"
    if not corpus.exists():
        generate(corpus, reports=reports, seed=96)
        (corpus / "truth.json").unlink()
    engines: list[tuple[str, Engine]] = []
    db = work / f"queries-{reports}.sqlite3"
    db.unlink(missing_ok=True)
    engines.append(("sqlite", make_engine(f"sqlite:///{db}")))
    pg = _postgres(f"ipcoop_bench_{reports}")
    if pg is not None:
        engines.append(("postgresql", pg))
    results: list[dict[str, Any]] = []
    for backend, engine in engines:
        upgrade(engine)
        summary = ingest(engine, [corpus], Settings(data_dir=work))
        if backend == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        results += queries.run(engine, backend, summary.activities)
        engine.dispose()
    if pg is not None:
        _drop(pg.url.database or "")
    return results


def _drop(name: str) -> None:
    """Remove the benchmark's PostgreSQL database."""
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def main() -> None:
    """Run the benchmarks and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument(
        "--query-reports",
        type=int,
        default=1000,
        help="reports (10 activities each) behind the query benchmark; 0 skips",
    )
    args = parser.parse_args()
    work = HERE / "data"
    work.mkdir(exist_ok=True)
    console = Console()
    result = bench_ingest(args.reports, work)
    table = Table(
        "benchmark",
        "reports",
        "activities",
        "seconds",
        "activities/s",
        title=f"ipcoop benchmarks on {machine()}",
    )
    table.add_row(
        "ingest annex text (SQLite)",
        str(result["reports"]),
        str(result["activities"]),
        str(result["seconds"]),
        str(result["activities_per_s"]),
    )
    console.print(table)
    measured: list[dict[str, Any]] = []
    if args.query_reports:
        measured = bench_queries(args.query_reports, work)
        shapes = Table(
            "query shape",
            "backend",
            "rows",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            title="search latency (service level)",
        )
        for row in measured:
            shapes.add_row(
                row["name"],
                row["backend"],
                str(row["rows"]),
                str(row["p50_ms"]),
                str(row["p95_ms"]),
                str(row["p99_ms"]),
            )
        console.print(shapes)
    out = HERE / "results" / "latest.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(),
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "ingest": {
                    "activities": result["activities"],
                    "activities_per_s": result["activities_per_s"],
                    **result,
                },
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    console.print(f"Wrote {out}")


if __name__ == "__main__":
    main()
