"""Two curators editing the same activity at once lose nothing: the second is told to reload."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import ActivityCreate, ActivityUpdate
from ipcoop.db import session_scope
from ipcoop.review import service
from ipcoop.review.permissions import Actor
from ipcoop.review.schemas import ReportCreate, ReportUpdate

FIRST = Actor(1, "first@wto.org", "curator")
SECOND = Actor(2, "second@wto.org", "curator")


def _draft(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as session:
        report = service.create_report(session, FIRST, ReportCreate(party="CHE"))
        activity = service.add_activity(
            session, FIRST, report.id, ActivityCreate(title="Seminar", start_date="2025-03")
        )
        return report.id, activity.id


def test_the_second_save_of_the_same_version_is_refused(engine: Engine) -> None:
    rid, aid = _draft(engine)
    with session_scope(engine) as session:
        service.update_activity(session, FIRST, rid, aid, ActivityUpdate(version=1, city="Bern"))
    with session_scope(engine) as session, pytest.raises(service.Conflict, match="reload"):
        service.update_activity(session, SECOND, rid, aid, ActivityUpdate(version=1, city="Geneva"))
    with session_scope(engine) as session:
        kept = session.get(Activity, aid)
        assert kept is not None and (kept.city, kept.lock_version) == ("Bern", 2)
        # the second, having reloaded, saves on the new version
        service.update_activity(session, SECOND, rid, aid, ActivityUpdate(version=2, outputs="x"))


def test_two_saves_in_the_same_instant_one_wins(engine: Engine) -> None:
    """The second read version 1 before the first saved, and its check passed on that stale
    copy: the update's own version condition refuses it."""
    rid, aid = _draft(engine)
    with Session(engine, expire_on_commit=False) as second:
        stale = second.get(Activity, aid)  # read before the first saves (and kept)
        assert stale is not None and stale.lock_version == 1
        second.commit()
        with session_scope(engine) as first:
            service.update_activity(first, FIRST, rid, aid, ActivityUpdate(version=1, city="Bern"))
        with pytest.raises(service.Conflict, match="same moment"):
            service.update_activity(
                second, SECOND, rid, aid, ActivityUpdate(version=1, city="Geneva")
            )
        second.rollback()
    with session_scope(engine) as session:
        kept = session.get(Activity, aid)
        assert kept is not None and kept.city == "Bern" and kept.lock_version == 2


def test_report_header_is_locked_too_and_version_is_required(engine: Engine) -> None:
    rid, _aid = _draft(engine)
    with session_scope(engine) as session:
        service.update_report(session, FIRST, rid, ReportUpdate(version=1, title="Swiss 2025"))
    with session_scope(engine) as session, pytest.raises(service.Conflict):
        service.update_report(session, SECOND, rid, ReportUpdate(version=1, title="Other"))
    # a change without the version read is refused before the service sees it
    with pytest.raises(ValidationError, match="version"):
        ActivityUpdate(city="Lugano")  # type: ignore[call-arg]
