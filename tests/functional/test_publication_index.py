"""A publication updates readers' search index for the reports it touched only, and the index it
gives is the one a full reading gives; two publications at the same instant number their reports
one after the other."""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Engine, text

from ipcoop.activities.schemas import ActivityCreate, ActivityTagsUpdate
from ipcoop.db import changed_reports, current_revision, session_scope
from ipcoop.reports.models import Report
from ipcoop.review import curation, service
from ipcoop.review.permissions import Actor
from ipcoop.review.schemas import ReportCreate, Transition
from ipcoop.search.index import DIMENSIONS, ActivityIndex, current

CURATOR = Actor(3, "c@wto.org", "curator")


def submitted(engine: Engine, party: str, *activities: dict[str, Any]) -> int:
    with session_scope(engine) as session:
        report = service.create_report(session, CURATOR, ReportCreate(party=party))
        for fields in activities:
            service.add_activity(session, CURATOR, report.id, ActivityCreate(**fields))
        service.submit(session, CURATOR, report.id, Transition())
        return report.id


def publish(engine: Engine, report_id: int, symbol: str | None = None) -> None:
    with session_scope(engine) as session:
        service.publish(session, CURATOR, report_id, Transition(symbol=symbol))


def pairs(index: ActivityIndex, name: str) -> set[tuple[int, Any]]:
    """Every (activity id, value) the index holds for a dimension."""
    dimension = index.dimensions[name]
    ids = index.ids[dimension.positions()]
    return {(int(i), dimension.values[c]) for i, c in zip(ids, dimension.code, strict=True)}


def same_as_a_full_reading(engine: Engine) -> ActivityIndex:
    """The index readers get now, checked against one read from scratch."""
    with session_scope(engine) as session:
        kept = current(session)
        connection = session.connection()
        fresh = ActivityIndex.read(connection, current_revision(connection))
        fresh.add(connection, DIMENSIONS)
        assert kept.revision == fresh.revision
        assert kept.ids.tolist() == fresh.ids.tolist()
        assert kept.starts.tolist() == fresh.starts.tolist()
        assert kept.years.tolist() == fresh.years.tolist()
        for name in DIMENSIONS:
            assert pairs(kept, name) == pairs(fresh, name), name
            counted = {
                v: int(n)
                for v, n in zip(
                    kept.dimensions[name].values, kept.dimensions[name].count(None), strict=True
                )
                if n
            }
            wanted = {
                v: int(n)
                for v, n in zip(
                    fresh.dimensions[name].values, fresh.dimensions[name].count(None), strict=True
                )
                if n
            }
            assert counted == wanted, name
        for name in ("report_id", "needs_review"):
            assert kept.column(session, name).tolist() == fresh.column(session, name).tolist()
        mask = kept.dimensions["topic"].having(["patents"])
        assert np.array_equal(
            kept.ids[mask], fresh.ids[fresh.dimensions["topic"].having(["patents"])]
        )
        return kept


def test_publishing_reads_only_the_reports_it_touched(engine: Engine) -> None:
    first = submitted(
        engine,
        "CHE",
        {"title": "Seminar on patents", "start_date": "2024-03", "topics": ["patents"]},
        {"title": "Course for judges", "start_date": "2023", "audience": ["judges"]},
    )
    publish(engine, first)
    built = same_as_a_full_reading(engine)  # every dimension built
    second = submitted(
        engine,
        "JPN",
        {
            "title": "Patent examiners",
            "start_date": "2024-03-02",
            "topics": ["patents"],
            "beneficiaries": ["GHA"],
            "type": "training_course",
            "modality": "online",
        },
        {"title": "Undated study", "type": "study"},
    )
    before = built.revision
    publish(engine, second)
    with engine.connect() as connection:
        now = current_revision(connection)
        assert changed_reports(connection, before, now) == {second}
    updated = same_as_a_full_reading(engine)
    assert updated is not built and updated.size == 4
    # a tag correction of a published report: a new version supersedes the old one
    with session_scope(engine) as session:
        aid = service.activities_of(session, session.get_one(Report, first))[0].id
        curation.retag(
            session, CURATOR, first, aid, ActivityTagsUpdate(version=1, topics=["trademarks"])
        )
    same_as_a_full_reading(engine)
    with session_scope(engine) as session:
        service.withdraw(session, CURATOR, second, Transition(comment="sent twice"))
    assert same_as_a_full_reading(engine).size == 2


def test_a_change_nobody_listed_reads_everything_again(engine: Engine) -> None:
    publish(engine, submitted(engine, "CHE", {"title": "Seminar on designs"}))
    same_as_a_full_reading(engine)
    with engine.begin() as connection:  # a bulk load on the raw connection: not listed
        connection.execute(text("UPDATE activities SET start_year = 2020"))
    with engine.connect() as connection:
        now = current_revision(connection)
        assert changed_reports(connection, now - 1, now) is None
    assert same_as_a_full_reading(engine).years.tolist() == [2020]


@pytest.mark.parametrize("migrated_engine", ["postgresql"], indirect=True)
def test_two_publications_at_once_take_two_numbers(engine: Engine) -> None:
    one = submitted(engine, "CHE", {"title": "Seminar one"})
    two = submitted(engine, "CHE", {"title": "Seminar two"})
    outcome: dict[str, Any] = {}
    with session_scope(engine) as first:
        service.publish(first, CURATOR, one, Transition())

        def publish_two() -> None:
            try:
                publish(engine, two)
                outcome["ok"] = True
            except Exception as error:  # reported below
                outcome["error"] = error

        other = threading.Thread(target=publish_two)
        other.start()
        # the second waits on the first's lock (seen from the server) before the first commits
        with engine.connect() as watcher:
            for _ in range(200):
                waiting = watcher.execute(
                    text("SELECT count(*) FROM pg_locks WHERE NOT granted")
                ).scalar_one()
                if waiting:
                    break
                time.sleep(0.05)
        assert waiting, "the second publication did not wait for the first"
    other.join(60)
    assert outcome == {"ok": True}
    with session_scope(engine) as session:
        symbols = sorted(session.get_one(Report, r).symbol or "" for r in (one, two))
    assert symbols == ["IP/C/R/TC/CHE/1", "IP/C/R/TC/CHE/2"]
