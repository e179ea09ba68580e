"""Bulk loader: fills a migrated, empty database with synthetic activities, fast.

The query, HTTP and export benchmarks need 100k and 1M activities; ingesting that many through
the extraction pipeline takes far too long, so this writes the rows directly through the DB-API
(SQLite ``executemany`` in one transaction, PostgreSQL ``COPY``), in batches.

The rows are what ingesting the generator's annex reports stores: activities are sampled with
``ipcoop.quality.synth.sample_activity``; beneficiary and provider names go through the
ingester's party resolution (``resolve_list``, so a name it cannot resolve is kept unresolved
and flagged for review, as ingest does); type, topics, audience and modality come from the
taxonomy normalizers applied to the same fields, in the same order, as
``ipcoop.ingest.normalize.activity`` applies them. Both are memoized: titles, audiences and
beneficiary lists come from small sets.

What is not written: evidence rows (only the activity page reads them), programme offers and
instruments. Report texts are short summaries (one line per activity), not whole annexes.

Non-constraint indexes and the SQLite full-text triggers are dropped for the load and recreated
afterwards from the definitions the database itself holds (so they come back exactly as the
migrations made them); the FTS5 index is then rebuilt once. On PostgreSQL the generated
``search_vector`` column fills itself. ANALYZE runs at the end.

Run by hand::

    python -m bench.populate sqlite:///var/bench-1m.sqlite3 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from queue import Full, Queue
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from sqlalchemy import Engine

import ipcoop.models  # noqa: F401  (every table on the metadata)
from ipcoop.db import Base, bump_revision
from ipcoop.ingest.normalize import places, taxonomy
from ipcoop.ingest.normalize.parties import resolve_list
from ipcoop.ingest.records import PartyRef
from ipcoop.parties.resolver import Resolver
from ipcoop.quality.synth import (
    CONTACT,
    OUTPUTS,
    PROVIDERS,
    REPORT_TITLE,
    WEBSITE,
    long_date,
    sample_activity,
)

FIRST_YEAR, LAST_YEAR = 1996, 2026
BATCH = 20_000  # activities per round of inserts
REVIEW_THRESHOLD = 0.7  # the ingester's default (Settings.review_threshold)
# report kinds and their weights: mostly Art. 67 reports
KINDS = (("art67_report", 0.86), ("art66_2_report", 0.10), ("regional_page", 0.04))



def _written(table: str) -> tuple[str, ...]:
    """The columns the loader writes: every column of the model's table, in the table's order,
    but those the database fills itself (server defaults). The rows below are made in this
    order, and tests/functional/test_bench_populate.py holds them to what ingest stores."""
    return tuple(c.name for c in Base.metadata.tables[table].columns if c.server_default is None)


# Columns written per table, in insert order (a table's parents first).
COLUMNS: dict[str, tuple[str, ...]] = {
    name: _written(name)
    for name in ("originals", "reports", "activities", "activity_parties", "activity_tags")
}
TABLES = tuple(COLUMNS)
SERIAL_TABLES = ("reports", "activities", "activity_parties", "activity_tags")

Rows = dict[str, list[tuple[Any, ...]]]
T = TypeVar("T")


class _MemoResolver(Resolver):
    """The default resolver with group membership lookups memoized per (group, day).

    ``Resolver.members`` scans every membership on each call; the sampler asks it once or
    twice per activity, with a few thousand distinct days in all. Answers are identical.
    """

    def __init__(self, base: Resolver) -> None:
        self.__dict__.update(base.__dict__)
        self._members_memo: dict[tuple[str, date | None], list[str]] = {}

    def members(self, group: str, on: date | None = None) -> list[str]:
        key = (group, on)
        found = self._members_memo.get(key)
        if found is None:
            found = self._members_memo[key] = super().members(group, on)
        return list(found)


@dataclass(frozen=True, slots=True)
class _Tags:
    """Taxonomy codes of one field, or of a whole activity."""

    type: str | None
    topics: tuple[str, ...]
    audience: tuple[str, ...]
    modality: str | None


def _field_tags(name: str, text: str) -> _Tags:
    """What the ingester reads from one field (ipcoop.ingest.normalize.activity._tags): the
    type from the title or the description, topics from every field, audience from the title,
    description and audience fields, modality from the title and description."""
    type_tag = (
        taxonomy.classify_type(text)
        if name == "title"
        else taxonomy.classify_type("", text)
        if name == "description"
        else None
    )
    audience = taxonomy.tag_audiences(text) if name in ("title", "description", "audience") else []
    modality = taxonomy.detect_modality(text) if name in ("title", "description") else None
    return _Tags(
        type_tag.code if type_tag else None,
        tuple(t.code for t in taxonomy.tag_topics(text)),
        tuple(t.code for t in audience),
        modality.code if modality else None,
    )


def _combined(fields: Sequence[_Tags]) -> _Tags:
    """An activity's codes from its fields' codes, in field order (title, description,
    audience, outputs): the first type and modality found, topics and audience without
    repeats in order of first mention."""
    topics: dict[str, None] = {}
    audience: dict[str, None] = {}
    for found in fields:
        topics.update(dict.fromkeys(found.topics))
        audience.update(dict.fromkeys(found.audience))
    return _Tags(
        next((f.type for f in fields if f.type), None),
        tuple(topics),
        tuple(audience),
        next((f.modality for f in fields if f.modality), None),
    )


def _located(description: str) -> tuple[str | None, str | None]:
    """(city, country) as the ingester's place finder reads the description
    (ipcoop.ingest.normalize.activity._place): the first venue, the city as written."""
    hits = places.find_places(description)
    if not hits:
        return None, None
    start, end, _name, country = hits[0]
    return re.split(r",|\s\(", description[start:end], maxsplit=1)[0].strip(), country


@dataclass(frozen=True, slots=True)
class _Parties:
    """A resolved beneficiary list, with what ingest concludes from it."""

    refs: tuple[PartyRef, ...]
    reasons: tuple[str, ...]


def _resolved(names: str) -> _Parties:
    refs = tuple(resolve_list(names))
    reasons = tuple(
        f"unknown party name kept unresolved: {ref.name!r}" for ref in refs if not ref.resolved
    )
    return _Parties(refs, reasons)


def _confidence(reasons: Sequence[str]) -> tuple[float, list[str]]:
    """The ingester's confidence for an annex activity with dates and beneficiaries: 0.15 off
    per unresolved name; below the review threshold with no reason, 'low confidence'."""
    score = round(max(1.0 - 0.15 * len(reasons), 0.0), 2)
    out = list(reasons)
    if score < REVIEW_THRESHOLD and not out:
        out.append("low confidence")
    return score, out


@dataclass(frozen=True, slots=True)
class Derived:
    """One activity's stored values, derived as the ingester derives them."""

    title: str
    description: str
    start: date
    end: date
    tags: _Tags
    city: str | None
    country: str | None
    beneficiaries: tuple[PartyRef, ...]
    confidence: float
    reasons: list[str]


@dataclass(slots=True)
class Generator:
    """Deterministic rows for a seed: reports of 10-20 activities, one provider each."""

    seed: int
    rng: random.Random = field(init=False)
    resolver: Resolver = field(init=False)
    titles: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    tags: dict[tuple[str, str, str], _Tags] = field(default_factory=dict)
    fields: dict[tuple[str, str], _Tags] = field(default_factory=dict)
    descriptions: dict[tuple[str, str], str] = field(default_factory=dict)
    parties: dict[tuple[str, ...], _Parties] = field(default_factory=dict)
    places: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    report_id: int = 0
    activity_id: int = 0
    party_id: int = 0
    tag_id: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.resolver = _MemoResolver(Resolver.default())

    def _year(self) -> int:
        """Report years in shuffled rounds of 1996..2026, so any 31 reports cover every year."""
        if not self.years:
            self.years = list(range(FIRST_YEAR, LAST_YEAR + 1))
            self.rng.shuffle(self.years)
        return self.years.pop()

    def _kind(self) -> str:
        roll = self.rng.random()
        for kind, weight in KINDS:
            if roll < weight:
                return kind
            roll -= weight
        return KINDS[0][0]

    def _names(self, codes: Sequence[str]) -> _Parties:
        key = tuple(codes)
        found = self.parties.get(key)
        if found is None:
            names = "; ".join(self.resolver.get(c).name_en for c in codes)
            found = self.parties[key] = _resolved(names)
        return found

    def _field(self, name: str, text: str) -> _Tags:
        found = self.fields.get((name, text))
        if found is None:
            found = self.fields[name, text] = _field_tags(name, text)
        return found

    def _tagged(self, title: str, description: str, place: str, audience: str) -> _Tags:
        """The codes of an activity. Descriptions differ only in dates and counts, which name
        no taxonomy term, so the first description of each title and place stands for all."""
        description = self.descriptions.setdefault((title, place), description)
        return _combined(
            (
                self._field("title", title),
                self._field("description", description),
                self._field("audience", audience),
                self._field("outputs", OUTPUTS),
            )
        )

    def derive(self, a: dict[str, Any], provider: str) -> Derived:
        """What ingesting the annex entry of a sampled activity (``sample_activity``) from
        `provider` stores for it."""
        providers = self._names((provider,))
        title, codes, city, audience = a["title"], a["beneficiaries"], a["city"], a["audience"]
        start = date.fromisoformat(a["start"])
        end = date.fromisoformat(a["end"]) if a["end"] else start
        place = f" in {city}, {self.resolver.get(codes[0]).name_en}" if city else " online"
        description = (
            f"The {title} was held{place} from {long_date(start)} to {long_date(end)}. "
            f"It was attended by {a['participants']} participants."
        )
        located = self.places.get(place)
        if located is None:
            located = self.places[place] = _located(description)
        key = (title, audience, place)
        tagged = self.tags.get(key)
        if tagged is None:
            tagged = self.tags[key] = self._tagged(title, description, place, audience)
        beneficiaries = self._names(codes)
        confidence, reasons = _confidence(beneficiaries.reasons + providers.reasons)
        return Derived(
            title,
            description,
            start,
            end,
            tagged,
            located[0],
            located[1],
            beneficiaries.refs,
            confidence,
            reasons,
        )

    def report(self, size: int, rows: Rows) -> int:
        """Append one report with `size` activities to `rows`; returns `size`."""
        rng, resolver = self.rng, self.resolver
        self.report_id += 1
        report_id = self.report_id
        provider = rng.choice(PROVIDERS)
        provider_name = resolver.get(provider).name_en
        providers = self._names((provider,))
        year = self._year()
        kind = self._kind()
        communicated = date(year + 1, 9, rng.randrange(1, 28))
        circulated = date(year + 1, 10, rng.randrange(1, 28))
        lines = [
            long_date(circulated),
            REPORT_TITLE,
            f"SYNTHETIC REPORT {report_id} (BULK-LOADED, NOT AN OFFICIAL DOCUMENT)",
            f"The present document reproduces the information which has been received from "
            f"{provider_name} by means of a communication dated {long_date(communicated)}.",
            "ANNEX",
        ]
        needs_review = False
        activities, parties, tags = (
            rows["activities"],
            rows["activity_parties"],
            rows["activity_tags"],
        )
        for position in range(1, size + 1):
            a = sample_activity(rng, resolver, year, self.titles)
            self.activity_id += 1
            activity_id = self.activity_id
            d = self.derive(a, provider)
            title, start, end, tagged, reasons = d.title, d.start, d.end, d.tags, d.reasons
            needs_review = needs_review or bool(reasons)
            activities.append(
                (
                    activity_id,
                    report_id,
                    position,
                    title,
                    d.description,
                    tagged.type,
                    None,
                    start.isoformat(),
                    end.isoformat() if end != start else None,  # one day reads as one date
                    "day",
                    start.isoformat(),
                    end.isoformat(),
                    start.year,
                    tagged.modality,
                    d.city,
                    d.country,
                    a["participants"],
                    None,
                    OUTPUTS,
                    WEBSITE,
                    CONTACT,
                    d.confidence,
                    bool(reasons),
                    json.dumps(reasons),
                )
            )
            for role, refs in (("beneficiary", d.beneficiaries), ("provider", providers.refs)):
                for ref in refs:
                    self.party_id += 1
                    parties.append(
                        (self.party_id, activity_id, role, ref.code, ref.name, ref.via_group)
                    )
            for tag_kind, codes_ in (("topic", tagged.topics), ("audience", tagged.audience)):
                for code in codes_:
                    self.tag_id += 1
                    tags.append((self.tag_id, activity_id, tag_kind, code))
            names = ", ".join(ref.name for ref in d.beneficiaries)
            lines.append(f"{position}. {title} ({long_date(start)}; {names})")
        text = "\n\n".join(lines) + "\n"
        content = text.encode("utf-8")
        sha256 = hashlib.sha256(content).hexdigest()
        rows["originals"].append((sha256, content, len(content), "text/plain"))
        rows["reports"].append(
            (
                report_id,
                kind,
                provider,
                provider_name,
                None,
                REPORT_TITLE,
                communicated.isoformat(),
                circulated.isoformat(),
                None,
                None,
                "en",
                f"synthetic-{report_id:06d}.txt",
                "text/plain",
                sha256,
                text,
                "needs_review" if needs_review else "ingested",
                "[]",
            )
        )
        return size

    def batches(self, activities: int, batch: int = BATCH) -> Iterator[tuple[int, Rows]]:
        """(activities in the batch, rows per table) until `activities` are generated."""
        left = activities
        while left > 0:
            rows: Rows = {table: [] for table in TABLES}
            done = 0
            while left > 0 and done < batch:
                size = min(self.rng.randint(10, 20), left)
                done += self.report(size, rows)
                left -= size
            yield done, rows


# ---------------------------------------------------------------------------- writers


class _Writer:
    """Writes batches through one raw DB-API connection, inside one transaction."""

    def __init__(self, dbapi: Any) -> None:
        self.dbapi = dbapi
        self.cursor = dbapi.cursor()

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if params:
            self.cursor.execute(sql, params)
        else:
            self.cursor.execute(sql)
        return list(self.cursor.fetchall()) if self.cursor.description else []

    def check_empty(self) -> None:
        try:
            parties = self.query("SELECT count(*) FROM parties")[0][0]
            activities = self.query("SELECT count(*) FROM activities")[0][0]
        except Exception as error:
            raise ValueError(
                "the database has no ipcoop schema: run ipcoop.migrate.upgrade(engine) first"
            ) from error
        if not parties:
            raise ValueError("the parties reference data is not loaded: run upgrade(engine)")
        if activities:
            raise ValueError(f"the database already holds {activities} activities")

    def begin(self) -> None:
        raise NotImplementedError

    def write(self, rows: Rows) -> None:
        raise NotImplementedError

    def finish(self, status: Any) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        self.dbapi.rollback()


class _SQLite(_Writer):
    def __init__(self, dbapi: Any) -> None:
        super().__init__(dbapi)
        self.saved_isolation = dbapi.isolation_level
        dbapi.isolation_level = None  # explicit BEGIN/COMMIT
        self.indexes: list[tuple[str, str]] = []
        self.triggers: list[tuple[str, str]] = []
        self.fts: list[str] = []

    def begin(self) -> None:
        c = self.cursor
        c.execute("PRAGMA foreign_keys=OFF")  # rows are generated consistent; checked by tests
        c.execute("PRAGMA journal_mode=MEMORY")
        c.execute("PRAGMA synchronous=OFF")
        c.execute("PRAGMA cache_size=-524288")  # 512 MB
        c.execute("PRAGMA temp_store=MEMORY")
        c.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" * len(TABLES))
        self.indexes = [
            (name, sql)
            for name, sql in self.query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) ORDER BY name",
                *TABLES,
            )
        ]
        self.triggers = [
            (name, sql)
            for name, sql in self.query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                f"AND tbl_name IN ({marks}) ORDER BY name",
                *TABLES,
            )
        ]
        # external-content FTS5 tables over the loaded tables (ipcoop.search.fulltext)
        content = re.compile(r"content\s*=\s*'(\w+)'", re.IGNORECASE)
        for name, sql in self.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
        ):
            found = content.search(sql)
            if found and found.group(1) in TABLES:
                self.fts.append(name)
        for name, _ in self.triggers:
            c.execute(f'DROP TRIGGER "{name}"')
        for name, _ in self.indexes:
            c.execute(f'DROP INDEX "{name}"')

    def write(self, rows: Rows) -> None:
        for table in TABLES:
            columns = COLUMNS[table]
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
            self.cursor.executemany(sql, rows[table])

    def finish(self, status: Any) -> None:
        c = self.cursor
        status("indexes")
        for _, sql in self.indexes:
            c.execute(sql)
        status("full-text index")
        for name in self.fts:
            c.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        for _, sql in self.triggers:
            c.execute(sql)
        bump_revision(self.dbapi)
        c.execute("COMMIT")
        status("analyze")
        c.execute("ANALYZE")
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA synchronous=NORMAL")
        c.execute("PRAGMA foreign_keys=ON")
        self.dbapi.isolation_level = self.saved_isolation

    def rollback(self) -> None:
        if self.dbapi.in_transaction:
            self.cursor.execute("ROLLBACK")
        self.cursor.execute("PRAGMA foreign_keys=ON")
        self.dbapi.isolation_level = self.saved_isolation


class _Postgres(_Writer):
    def __init__(self, dbapi: Any) -> None:
        super().__init__(dbapi)
        self.indexes: list[tuple[str, str]] = []
        self.foreign_keys: list[tuple[str, str, str]] = []

    def begin(self) -> None:
        c = self.cursor
        c.execute("SET LOCAL synchronous_commit = off")
        c.execute("SET LOCAL maintenance_work_mem = '512MB'")
        # indexes that back no constraint: rebuilt after the load, from their own definitions
        self.indexes = [
            (name, sql)
            for name, sql in self.query(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                "WHERE k.conname = i.indexname) ORDER BY i.indexname",
                list(TABLES),
            )
        ]
        # foreign keys of the loaded tables: checked once, in one pass each, after the load
        self.foreign_keys = [
            (table, name, definition)
            for table, name, definition in self.query(
                "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) "
                "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                "WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace "
                "AND c.relname = ANY(%s) ORDER BY c.relname, k.conname",
                list(TABLES),
            )
        ]
        for name, _ in self.indexes:
            c.execute(f'DROP INDEX "{name}"')
        for table, name, _ in self.foreign_keys:
            c.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')

    def write(self, rows: Rows) -> None:
        for table in TABLES:
            if not rows[table]:
                continue
            columns = ", ".join(COLUMNS[table])
            with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)

    def finish(self, status: Any) -> None:
        c = self.cursor
        status("indexes")
        for _, sql in self.indexes:
            c.execute(sql)
        status("foreign keys")
        for table, name, definition in self.foreign_keys:
            c.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        for table in SERIAL_TABLES:
            c.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                "HAVING max(id) IS NOT NULL"
            )
        bump_revision(self.dbapi)
        self.dbapi.commit()
        status("analyze")
        c.execute("ANALYZE")
        self.dbapi.commit()


def _prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """The items, made by a background thread up to `depth` ahead: rows for the next batch are
    generated while the database writes this one (drivers release the GIL while they wait)."""
    queue: Queue[tuple[str, Any]] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(message: str, value: Any) -> bool:
        while not stop.is_set():
            try:
                queue.put((message, value), timeout=0.1)
                return True
            except Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put("item", item):
                    return
            put("end", None)
        except BaseException as error:
            put("error", error)

    thread = threading.Thread(target=run, name="populate-rows", daemon=True)
    thread.start()
    try:
        while True:
            message, value = queue.get()
            if message == "end":
                return
            if message == "error":
                raise value
            yield value
    finally:
        stop.set()
        thread.join()


def populate(engine: Engine, activities: int, *, seed: int = 67, progress: bool = True) -> int:
    """Fill a migrated, empty database with `activities` synthetic activities; returns how many
    were inserted. Same seed, same rows, on either database."""
    if activities < 0:
        raise ValueError("activities must be >= 0")
    dialect = engine.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise ValueError(f"bulk loading supports SQLite and PostgreSQL, not {dialect}")
    if dialect == "sqlite":
        engine.dispose()  # the journal mode changes only with no other connection open
    raw = engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        writer: _Writer = _SQLite(dbapi) if dialect == "sqlite" else _Postgres(dbapi)
        writer.check_empty()
        generator = Generator(seed)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), disable=not progress) as bar:
            task = bar.add_task(f"Loading activities ({dialect})", total=activities)

            def status(step: str) -> None:
                bar.update(task, description=f"{step} ({dialect})")

            inserted = 0
            writer.begin()
            try:
                for count, rows in _prefetched(generator.batches(activities)):
                    writer.write(rows)
                    inserted += count
                    bar.advance(task, count)
                writer.finish(status)
            except BaseException:
                writer.rollback()
                raise
            bar.update(task, description=f"Loaded ({dialect})")
    finally:
        raw.close()
    return inserted


def main() -> None:
    """Migrate the database at URL and load N activities into it."""
    from ipcoop.db import make_engine
    from ipcoop.migrate import upgrade

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("url", help="SQLAlchemy URL of an empty (or absent SQLite) database")
    parser.add_argument("activities", type=int)
    parser.add_argument("--seed", type=int, default=67)
    args = parser.parse_args()
    engine = make_engine(args.url)
    upgrade(engine)
    started = time.perf_counter()
    count = populate(engine, args.activities, seed=args.seed)
    seconds = time.perf_counter() - started
    engine.dispose()
    Console().print(f"{count} activities in {seconds:.1f} s ({count / seconds:,.0f}/s)")


if __name__ == "__main__":
    main()
