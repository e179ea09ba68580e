"""The bulk loader behind the 100k/1M benchmarks fills a real database that the real search reads
the way direct SQL does, with the schema (indexes, full-text triggers, keys) as migrated."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import Engine, text

from ipcoop.db import session_scope
from ipcoop.ingest import pipeline
from ipcoop.quality.synth import generate
from ipcoop.search import filters
from ipcoop.search.service import search

ROOT = Path(__file__).resolve().parents[2]
ACTIVITIES = 2000


@pytest.fixture
def populate(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench import populate

    yield populate


def _schema(engine: Engine) -> list[tuple[Any, ...]]:
    """Every index, trigger, table and constraint definition of the database."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(
                text(
                    "SELECT type, name, sql FROM sqlite_master "
                    "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"
                )
            )
        else:
            rows = conn.execute(
                text(
                    "SELECT 'index', indexname, indexdef FROM pg_indexes "
                    "WHERE schemaname = current_schema() UNION ALL "
                    "SELECT 'constraint', conname, pg_get_constraintdef(k.oid) "
                    "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                    "WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"
                )
            )
        return [tuple(r) for r in rows]


def _count(engine: Engine, sql: str, **params: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _total(engine: Engine, **raw: Any) -> int:
    with session_scope(engine) as session:
        return search(session, filters.parse(**raw), limit=1, facets=()).total


LDC_BENEFICIARIES = """
    SELECT count(DISTINCT ap.activity_id) FROM activity_parties ap
    JOIN activities a ON a.id = ap.activity_id
    WHERE ap.role = 'beneficiary' AND (ap.party_code = 'LDC' OR EXISTS (
        SELECT 1 FROM group_memberships gm
        WHERE gm.group_code = 'LDC' AND gm.member_code = ap.party_code
        AND (gm.start_on IS NULL OR gm.start_on <= a.start_on)
        AND (gm.end_on IS NULL OR gm.end_on > a.start_on)))
"""


def test_populated_database_answers_search_like_sql(engine: Engine, populate: ModuleType) -> None:
    before = _schema(engine)
    assert populate.populate(engine, ACTIVITIES, seed=67, progress=False) == ACTIVITIES
    assert _schema(engine) == before  # indexes, triggers and keys back as the migration made them

    assert _count(engine, "SELECT count(*) FROM activities") == ACTIVITIES
    assert _total(engine) == ACTIVITIES
    reports = _count(engine, "SELECT count(*) FROM reports")
    assert ACTIVITIES / 20 <= reports <= ACTIVITIES / 10 + 1

    khm = _count(
        engine,
        "SELECT count(DISTINCT activity_id) FROM activity_parties "
        "WHERE role = 'beneficiary' AND party_code = 'KHM'",
    )
    assert khm > 0 and _total(engine, beneficiary=["KHM"]) == khm

    ldc = _count(engine, LDC_BENEFICIARIES)
    assert ldc > ACTIVITIES // 4 and _total(engine, beneficiary=["LDC"]) == ldc

    # full text (FTS5 rebuilt after the load on SQLite, generated tsvector on PostgreSQL)
    piracy = _count(
        engine,
        "SELECT count(*) FROM activities WHERE lower(title) LIKE '%piracy%' "
        "OR lower(description) LIKE '%piracy%'",
    )
    assert piracy > 0 and _total(engine, q="piracy") == piracy

    enforcement = _count(
        engine,
        "SELECT count(DISTINCT activity_id) FROM activity_tags "
        "WHERE vocabulary = 'topic' AND code = 'enforcement'",
    )
    assert enforcement > 0 and _total(engine, topic=["enforcement"]) == enforcement
    wco = _count(engine, "SELECT count(*) FROM reports WHERE reporting_party_code = 'WCO'")
    assert wco > 0
    reported = _count(
        engine,
        "SELECT count(*) FROM activities a JOIN reports r ON r.id = a.report_id "
        "WHERE r.reporting_party_code = 'WCO'",
    )
    assert _total(engine, reporter=["WCO"]) == reported

    years = _count(engine, "SELECT count(DISTINCT start_year) FROM activities")
    assert years == 2026 - 1996 + 1
    assert _count(engine, "SELECT min(start_year) FROM activities") == 1996
    assert _count(engine, "SELECT max(start_year) FROM activities") == 2026
    for year in (1996, 2026):
        counted = _count(engine, "SELECT count(*) FROM activities WHERE start_year = :y", y=year)
        assert _total(engine, year=year) == counted > 0

    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"


def test_same_seed_same_rows(populate: ModuleType) -> None:
    first = [rows for _, rows in populate.Generator(5).batches(300, batch=100)]
    again = [rows for _, rows in populate.Generator(5).batches(300, batch=100)]
    other = [rows for _, rows in populate.Generator(6).batches(300, batch=100)]
    assert first == again != other
    assert sum(len(rows["activities"]) for rows in first) == 300


def test_loaded_values_are_what_ingest_extracts(tmp_path: Path, populate: ModuleType) -> None:
    """The loader derives type, topics, audience, modality, place, beneficiaries, description
    and review flags as the extraction pipeline does from the generator's annex reports."""
    generate(tmp_path, reports=12, seed=3)
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    generator = populate.Generator(0)
    compared = 0
    for name, told in truth.items():
        extracted = pipeline.extract(pipeline.load(tmp_path / name, max_bytes=10**7))
        assert len(extracted.activities) == len(told["activities"])
        for sampled, found in zip(told["activities"], extracted.activities, strict=True):
            derived = generator.derive(sampled, told["provider"])
            assert (derived.title, derived.description) == (found.title, found.description)
            assert derived.tags.type == found.type
            assert list(derived.tags.topics) == found.topics
            assert list(derived.tags.audience) == found.audience
            assert derived.tags.modality == found.modality
            assert (derived.city, derived.country) == (found.city, found.country)
            assert list(derived.beneficiaries) == found.beneficiaries
            assert (derived.confidence, derived.reasons) == (found.confidence, found.review_reasons)
            assert [p.code for p in found.providers] == [told["provider"]]
            compared += 1
    assert compared == 120


def test_every_query_shape_of_the_benchmark_runs(engine: Engine, populate: ModuleType) -> None:
    """`make bench` times each shape; each must answer on a loaded database (a shape that
    raises, like a hand-made cursor the search no longer accepts, would lose the figures)."""
    from bench import queries

    populate.populate(engine, ACTIVITIES, seed=67, progress=False)
    measured = queries.run(engine, engine.dialect.name, ACTIVITIES, repeat=2)
    assert [m["name"] for m in measured] == list(queries.SHAPES)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_stage_counts_every_row(
    engine: Engine, populate: ModuleType, tmp_path: Path, fmt: str
) -> None:
    """The export figures count the rows read back from the file: the workbook's activities
    sheet (its About sheet is not data), the CSV after its header."""
    from bench import export

    populate.populate(engine, ACTIVITIES, seed=67, progress=False)
    url = engine.url.render_as_string(hide_password=False)
    measured = export.measure_export(url, fmt, tmp_path / f"all.{fmt}")
    assert measured["rows"] == ACTIVITIES
