"""The same facet questions asked of ipcoop and of Datasette 0.65 serving the same SQLite file.

Datasette runs from its own venv (bench/.datasette-venv, made by `make bench` from
bench/datasette-constraints.txt) so that its dependencies never mix with ours. Both servers read
the same file; each question goes to ours and to theirs in turn, round after round (who goes
first alternates), each request timed end to end from Python over a keep-alive connection.

How Datasette is served, and why:
- ``-i`` (immutable): how a published, read-only file is served (``datasette publish`` does the
  same); ours only reads too. The write-ahead log is checkpointed first, since an immutable
  reader never looks at it.
- ``suggest_facets off``: ours suggests nothing, so theirs should not spend time on it.
- ``facet_time_limit_ms`` and ``sql_time_limit_ms`` raised (defaults 200 and 1,000 ms) so that
  theirs answers in full at scale; a facet or count that still times out is flagged
  (``timed_out``) and counted at the limit, never hidden.
- metadata names the full-text table: ours is ``activities_fts`` declared with
  ``content='activities'`` in single quotes, which Datasette's detection does not recognise.
- the same page: 50 rows, newest start date first, on both.

Before timing, the answers are compared: the total, and the counts of every facet value both
return. A comparison of different answers is worthless, so a mismatch raises AssertionError.

Run by hand:  .venv/bin/python -m bench.datasette var/ipcoop.sqlite3 --rounds 15
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.http import free_port, running, serve_command

HERE = Path(__file__).resolve().parent
DATASETTE = HERE / ".datasette-venv" / "bin" / "datasette"
PAGE = 50


@dataclass(frozen=True)
class Question:
    """One question in both APIs; ``facets`` maps our facet name to their facet column."""

    name: str
    ours: dict[str, Any]
    table: str
    theirs: dict[str, Any]
    facets: dict[str, str]
    # False when the two totals count different things (activities vs. party rows)
    same_total: bool = True
    sort: bool = True


QUESTIONS: tuple[Question, ...] = (
    Question(
        "all activities, facets type and year",
        {},
        "activities",
        {},
        {"type": "type", "year": "start_year"},
    ),
    Question(
        "type=workshop, facet year",
        {"type": "workshop"},
        "activities",
        {"type": "workshop"},
        {"year": "start_year"},
    ),
    Question(
        "years 2010-2015, facet type",
        {"year_from": 2010, "year_to": 2015},
        "activities",
        {"start_year__gte": 2010, "start_year__lte": 2015},
        {"type": "type"},
    ),
    Question(
        "full text 'counterfeiting', facet type",
        {"q": "counterfeiting"},
        "activities",
        {"_search": "counterfeiting"},
        {"type": "type"},
    ),
    Question(
        "full text + type=workshop, facet year",
        {"q": "patent", "type": "workshop"},
        "activities",
        {"_search": "patent", "type": "workshop"},
        {"year": "start_year"},
    ),
    # Datasette facets one table: beneficiaries are rows of activity_parties. Ours counts
    # distinct activities per party, theirs rows; the same when no activity names a party twice
    # as beneficiary (checked). The totals differ by nature: activities vs. beneficiary rows.
    Question(
        "beneficiary counts",
        {},
        "activity_parties",
        {"role": "beneficiary"},
        {"beneficiary": "party_code"},
        same_total=False,
        sort=False,
    ),
    Question(
        "topic counts",
        {},
        "activity_tags",
        {"vocabulary": "topic"},
        {"topic": "code"},
        same_total=False,
        sort=False,
    ),
)


def ours_params(question: Question) -> list[tuple[str, Any]]:
    """Our query string: the filters, one page, and ``facet=`` for each facet asked.

    When our API ignores ``facet=`` (it computes every facet), the result says so.
    """
    params: list[tuple[str, Any]] = [*question.ours.items(), ("limit", PAGE)]
    return params + [("facet", name) for name in question.facets]


def theirs_params(question: Question) -> list[tuple[str, Any]]:
    """Datasette's query string for the same question."""
    params: list[tuple[str, Any]] = [*question.theirs.items(), ("_size", PAGE)]
    if question.sort:
        params.append(("_sort_desc", "start_on"))
    return params + [("_facet", column) for column in question.facets.values()]


def checkpoint(sqlite_path: Path) -> None:
    """Move the write-ahead log into the file: an immutable reader never reads the log."""
    with sqlite3.connect(sqlite_path) as conn:
        busy, _log, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise RuntimeError(f"could not checkpoint {sqlite_path}: a writer holds it")


def datasette_command(
    sqlite_path: Path, port: int, metadata: Path, facet_limit_ms: int, sql_limit_ms: int
) -> list[str]:
    """Datasette serving the file read-only on 127.0.0.1:port."""
    if not DATASETTE.exists():
        raise RuntimeError(f"{DATASETTE} is missing: `make bench` installs Datasette there")
    return [
        str(DATASETTE),
        "serve",
        "-i",
        str(sqlite_path),
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-m",
        str(metadata),
        "--setting",
        "suggest_facets",
        "off",
        "--setting",
        "facet_time_limit_ms",
        str(facet_limit_ms),
        "--setting",
        "sql_time_limit_ms",
        str(sql_limit_ms),
    ]


def ours_answer(body: dict[str, Any], question: Question) -> tuple[int, dict[str, dict[str, int]]]:
    """Our total and, per facet asked, value -> count."""
    facets = {
        name: {str(v["code"]): int(v["count"]) for v in body["facets"].get(name, [])}
        for name in question.facets
    }
    return int(body["total"]), facets


def theirs_answer(
    body: dict[str, Any], question: Question
) -> tuple[int | None, dict[str, dict[str, int]], list[str]]:
    """Datasette's total (None when its count timed out), facets, and what timed out."""
    results = body.get("facet_results", {})
    facets, timed_out = {}, []
    for name, column in question.facets.items():
        if column not in results:  # Datasette leaves out a facet that hit its time limit
            timed_out.append(column)
            continue
        facets[name] = {str(v["value"]): int(v["count"]) for v in results[column]["results"]}
    total = body.get("filtered_table_rows_count")
    if total is None:
        timed_out.append("count")
    return total, facets, timed_out


def check_same(
    question: Question, ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """Mismatches between the two answers, and what Datasette timed out on."""
    our_total, our_facets = ours_answer(ours, question)
    their_total, their_facets, timed_out = theirs_answer(theirs, question)
    problems = []
    if question.same_total and their_total is not None and our_total != their_total:
        problems.append(f"total: ours {our_total}, theirs {their_total}")
    for name, their_counts in their_facets.items():
        if our_facets[name] != their_counts:
            differ = sorted(
                code
                for code in set(our_facets[name]) | set(their_counts)
                if our_facets[name].get(code) != their_counts.get(code)
            )
            detail = ", ".join(
                f"{c}: {our_facets[name].get(c)} vs {their_counts.get(c)}" for c in differ[:5]
            )
            problems.append(f"facet {name} (ours vs theirs): {detail}")
    return problems, timed_out


def timed_get(client: httpx.Client, path: str, params: list[tuple[str, Any]]) -> float:
    """Milliseconds for one request, body read in full; it must answer 200."""
    started = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"GET {response.url} answered {response.status_code}")
    return elapsed


def compare(
    sqlite_path: Path,
    rounds: int = 15,
    *,
    facet_time_limit_ms: int = 10_000,
    sql_time_limit_ms: int = 30_000,
) -> list[dict[str, Any]]:
    """Median milliseconds per question for ours and for Datasette, and ours/theirs.

    ``timed_out`` lists what Datasette gave up on (its facet or count time limit); such a
    question's theirs_ms is at least the limit. ``ours_facets`` is how many facets ours
    computed (more than asked when our API has no way to ask for fewer).
    """
    sqlite_path = sqlite_path.resolve()
    ours_port, theirs_port = free_port(), free_port()
    ours_base = f"http://127.0.0.1:{ours_port}"
    theirs_base = f"http://127.0.0.1:{theirs_port}"
    env = {**os.environ, "IPCOOP_DATABASE_URL": f"sqlite:///{sqlite_path}"}
    db_name = sqlite_path.stem
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        fts = {"fts_table": "activities_fts", "fts_pk": "id"}
        metadata.write_text(json.dumps({"databases": {db_name: {"tables": {"activities": fts}}}}))
        # ours first: `ipcoop serve` upgrades the schema if it is behind, which writes
        with running(serve_command(ours_port), ours_base, env):
            checkpoint(sqlite_path)
            command = datasette_command(
                sqlite_path, theirs_port, metadata, facet_time_limit_ms, sql_time_limit_ms
            )
            with (
                (Path(tmp) / "datasette.log").open("wb") as log,
                running(command, theirs_base, env, probe="/-/versions.json", output=log),
                httpx.Client(base_url=ours_base, timeout=300) as ours,
                httpx.Client(base_url=theirs_base, timeout=300) as theirs,
            ):
                route = _route(theirs, db_name)
                limits = {"facet": facet_time_limit_ms, "count": sql_time_limit_ms}
                return _rounds(ours, theirs, route, rounds, limits)


def _route(client: httpx.Client, db_name: str) -> str:
    """The URL path of the database in Datasette."""
    for db in client.get("/-/databases.json").json():
        if db["name"] == db_name:
            return "/" + str(db.get("route") or db["name"])
    raise RuntimeError(f"Datasette does not serve a database named {db_name}")


@dataclass
class Plan:
    """One question's two requests, what the warm-up found, and the timings."""

    question: Question
    ours: tuple[str, list[tuple[str, Any]]]
    theirs: tuple[str, list[tuple[str, Any]]]
    total: int
    ours_facets: int
    timed_out: list[str]
    ours_times: list[float] = field(default_factory=list)
    theirs_times: list[float] = field(default_factory=list)


def _rounds(
    ours: httpx.Client, theirs: httpx.Client, route: str, rounds: int, limits: dict[str, int]
) -> list[dict[str, Any]]:
    plans: list[Plan] = []
    mismatches = []
    for q in QUESTIONS:
        plan = Plan(
            question=q,
            ours=("/api/v1/activities", ours_params(q)),
            theirs=(f"{route}/{q.table}.json", theirs_params(q)),
            total=0,
            ours_facets=0,
            timed_out=[],
        )
        # warm-up, and the check that both give the same answer
        our_body = ours.get(plan.ours[0], params=plan.ours[1]).raise_for_status().json()
        their_body = theirs.get(plan.theirs[0], params=plan.theirs[1]).raise_for_status().json()
        problems, plan.timed_out = check_same(q, our_body, their_body)
        mismatches += [f"{q.name}: {p}" for p in problems]
        plan.total = int(our_body["total"])
        plan.ours_facets = len(our_body["facets"])
        plans.append(plan)
    if mismatches:
        raise AssertionError("ours and Datasette answer differently:\n" + "\n".join(mismatches))
    for round_ in range(rounds):
        for plan in plans:
            pair = [(ours, plan.ours, plan.ours_times), (theirs, plan.theirs, plan.theirs_times)]
            for client, (path, params), times in pair if round_ % 2 == 0 else pair[::-1]:
                times.append(timed_get(client, path, params))
    results = []
    for plan in plans:
        ours_ms = statistics.median(plan.ours_times)
        theirs_ms = statistics.median(plan.theirs_times)
        for what in plan.timed_out:  # a facet column, or "count"
            theirs_ms = max(theirs_ms, float(limits["count" if what == "count" else "facet"]))
        results.append(
            {
                "name": plan.question.name,
                "ours_ms": round(ours_ms, 1),
                "theirs_ms": round(theirs_ms, 1),
                "ratio": round(ours_ms / theirs_ms, 2),
                "total": plan.total,
                "ours_facets": plan.ours_facets,
                "timed_out": plan.timed_out,
            }
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="ipcoop vs Datasette 0.65 on the same file.")
    parser.add_argument("database", type=Path, help="an SQLite file made by ipcoop")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    rows = compare(args.database, args.rounds)
    print(f"{'question':<42} {'ours ms':>8} {'theirs ms':>9} {'ratio':>6} {'total':>7}  notes")
    for row in rows:
        notes = []
        if row["timed_out"]:
            notes.append("Datasette timed out: " + ", ".join(row["timed_out"]))
        notes.append(f"ours computed {row['ours_facets']} facets")
        print(
            f"{row['name']:<42} {row['ours_ms']:>8} {row['theirs_ms']:>9} {row['ratio']:>6} "
            f"{row['total']:>7}  {'; '.join(notes)}"
        )
    json.dump(rows, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
