"""Readers' search index is not rebuilt for drafts: only what changes the public record moves
the data revision."""

from __future__ import annotations

from sqlalchemy import Engine

from ipcoop.activities.schemas import ActivityCreate, ActivityUpdate
from ipcoop.db import current_revision, session_scope
from ipcoop.review import service
from ipcoop.review.permissions import Actor
from ipcoop.review.schemas import ReportCreate, ReportUpdate, Transition
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.service import search

REPORTER = Actor(1, "r@admin.ch", "reporter", "CHE")
CURATOR = Actor(2, "c@wto.org", "curator")


def revision(engine: Engine) -> int:
    with engine.connect() as connection:
        return current_revision(connection)


def test_drafts_leave_the_revision_and_publication_moves_it(engine: Engine) -> None:
    before = revision(engine)
    with session_scope(engine) as session:
        rid = service.create_report(session, REPORTER, ReportCreate(title="Draft")).id
    with session_scope(engine) as session:
        aid = service.add_activity(
            session, REPORTER, rid, ActivityCreate(title="Seminar on designs", start_date="2025")
        ).id
    with session_scope(engine) as session:
        service.update_activity(session, REPORTER, rid, aid, ActivityUpdate(version=1, city="Bern"))
        service.update_report(session, REPORTER, rid, ReportUpdate(version=1, title="Swiss"))
    with session_scope(engine) as session:
        service.submit(session, REPORTER, rid, Transition())
    assert revision(engine) == before
    with session_scope(engine) as session:
        assert search(session, ActivityFilters(q="designs")).total == 0
    with session_scope(engine) as session:
        service.publish(session, CURATOR, rid, Transition())
    assert revision(engine) == before + 1
    with session_scope(engine) as session:
        found = search(session, ActivityFilters(q="designs"))
        assert found.total == 1 and found.items[0].city == "Bern"
    # a correction is drafted without moving it; publishing it moves it once more
    with session_scope(engine) as session:
        new = service.correct(session, CURATOR, rid).id
    assert revision(engine) == before + 1
    with session_scope(engine) as session:
        service.submit(session, CURATOR, new, Transition())
        service.publish(session, CURATOR, new, Transition())
    assert revision(engine) == before + 2
    with session_scope(engine) as session:
        assert search(session, ActivityFilters(q="designs")).total == 1  # the latest only
