"""The permission matrix walked through the services on both databases: every role, own and
other party, every state, every action; each denial is the right one (404 or 403)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import ActivityCreate, ActivityTagsUpdate
from ipcoop.db import session_scope
from ipcoop.reports.models import Report
from ipcoop.review import curation, permissions, service, versions
from ipcoop.review.permissions import Action, Actor, Forbidden, NotFound
from ipcoop.review.schemas import ReportCreate, Transition
from ipcoop.review.states import ReportState

ACTORS = {
    "anonymous": permissions.ANONYMOUS,
    "reporter of CHE": Actor(1, "r@admin.ch", "reporter", "CHE"),
    "reporter of JPN": Actor(2, "r@jpo.go.jp", "reporter", "JPN"),
    "curator": Actor(3, "c@wto.org", "curator"),
    "admin": Actor(4, "a@wto.org", "admin"),
}

def first_activity(session: Session, report_id: int, party: str = "CHE") -> int:
    """The first activity of the report (or of the other party's published one)."""
    query = select(Activity.id).join(Report, Report.id == Activity.report_id)
    if party == "CHE":
        query = query.where(Report.id == report_id)
    else:
        query = query.where(Report.reporting_party_code == party)
    return session.scalars(query.order_by(Activity.id)).first() or 0


RUN: dict[Action, Callable[[Session, Actor, int], Any]] = {
    Action.READ: lambda s, a, r: service.load(s, a, r),
    Action.CREATE: lambda s, a, r: service.create_report(s, a, ReportCreate(party="CHE")),
    Action.EDIT: lambda s, a, r: service.add_activity(s, a, r, ActivityCreate(title="New")),
    Action.SUBMIT: lambda s, a, r: service.submit(s, a, r, Transition()),
    Action.RETURN: lambda s, a, r: service.return_report(s, a, r, Transition(comment="Fix")),
    Action.PUBLISH: lambda s, a, r: service.publish(s, a, r, Transition()),
    Action.WITHDRAW: lambda s, a, r: service.withdraw(s, a, r, Transition()),
    Action.CORRECT: lambda s, a, r: service.correct(s, a, r),
    Action.VERSIONS: lambda s, a, r: versions.versions(s, a, r),
    Action.TAG: lambda s, a, r: curation.retag(
        s, a, r, first_activity(s, r), ActivityTagsUpdate(version=1, topics=["patents"])
    ),
    # with the activity of a published report of Japan
    Action.LINK: lambda s, a, r: curation.link(
        s, a, r, first_activity(s, r), first_activity(s, r, "JPN")
    ),
}

# the matrix in words, written independently of MATRIX: what the issue asks for
SPOKEN = [
    ("reporter of JPN", "draft", Action.READ, NotFound),
    ("reporter of JPN", "draft", Action.EDIT, NotFound),
    ("reporter of JPN", "submitted", Action.READ, NotFound),
    ("anonymous", "draft", Action.READ, NotFound),
    ("anonymous", "draft", Action.EDIT, NotFound),
    ("anonymous", "withdrawn", Action.READ, NotFound),
    ("reporter of CHE", "draft", Action.PUBLISH, Forbidden),
    ("reporter of CHE", "submitted", Action.PUBLISH, Forbidden),
    ("reporter of CHE", "submitted", Action.EDIT, Forbidden),
    ("reporter of CHE", "published", Action.EDIT, Forbidden),
    ("reporter of JPN", "published", Action.EDIT, Forbidden),
    ("reporter of JPN", "published", Action.CREATE, Forbidden),
    ("curator", "draft", Action.PUBLISH, Forbidden),
    ("anonymous", "published", Action.READ, None),
    ("reporter of JPN", "published", Action.READ, None),
    ("reporter of CHE", "draft", Action.EDIT, None),
    ("reporter of CHE", "returned", Action.SUBMIT, None),
    ("curator", "submitted", Action.PUBLISH, None),
    ("curator", "submitted", Action.RETURN, None),
    ("curator", "published", Action.WITHDRAW, None),
    ("reporter of CHE", "draft", Action.TAG, None),
    ("reporter of CHE", "submitted", Action.TAG, Forbidden),
    ("reporter of CHE", "published", Action.TAG, Forbidden),
    ("reporter of JPN", "draft", Action.TAG, NotFound),
    ("reporter of JPN", "published", Action.TAG, Forbidden),
    ("curator", "submitted", Action.TAG, None),
    ("curator", "published", Action.TAG, None),
    ("curator", "withdrawn", Action.TAG, Forbidden),
    ("reporter of CHE", "published", Action.LINK, Forbidden),
    ("reporter of JPN", "submitted", Action.LINK, NotFound),
    ("curator", "published", Action.LINK, None),
    ("curator", "draft", Action.LINK, Forbidden),
]


@pytest.fixture
def report_in(engine: Engine) -> Iterator[Callable[[str], int]]:
    """A report of CHE in the state, with one activity (and a published report of JPN with
    one, to link with)."""

    def stored(session: Session, party: str, state: str) -> int:
        report = Report(
            kind="art67_report",
            reporting_party_code=party,
            reporting_party_name=party,
            title="A report",
            source_name="",
            media_type="text/plain",
            text="",
            state=state,
            warnings=[],
        )
        session.add(report)
        session.flush()
        report.lineage_id = report.id
        session.add(Activity(report_id=report.id, position=1, title="An activity"))
        return report.id

    def make(state: str) -> int:
        with session_scope(engine) as session:
            stored(session, "JPN", ReportState.PUBLISHED)
            return stored(session, "CHE", state)

    yield make


def outcome(engine: Engine, actor: Actor, action: Action, report_id: int) -> type | None:
    """The denial the service raises (None when allowed); the change is rolled back."""
    with Session(engine) as session:
        try:
            RUN[action](session, actor, report_id)
        except (NotFound, Forbidden) as error:
            return type(error)
        finally:
            session.rollback()
    return None


def expected(actor: Actor, action: Action, state: str) -> type | None:
    if action is Action.CREATE:  # a new draft of CHE, whatever the state of the other report
        state = ReportState.DRAFT
    if permissions.allowed(actor, action, "CHE", state):
        return None
    if action is not Action.CREATE and not permissions.allowed(actor, Action.READ, "CHE", state):
        return NotFound
    return Forbidden


@pytest.mark.parametrize("state", [s.value for s in ReportState if s != ReportState.SUPERSEDED])
@pytest.mark.parametrize("who", list(ACTORS))
def test_matrix_through_the_services(
    engine: Engine, report_in: Callable[[str], int], who: str, state: str
) -> None:
    report_id = report_in(state)
    actor = ACTORS[who]
    found = {action: outcome(engine, actor, action, report_id) for action in Action}
    wanted = {action: expected(actor, action, state) for action in Action}
    assert found == wanted


@pytest.mark.parametrize(("who", "state", "action", "denial"), SPOKEN)
def test_the_matrix_says_what_the_issue_asks(
    who: str, state: str, action: Action, denial: type | None
) -> None:
    assert expected(ACTORS[who], action, state) is denial


def test_the_docs_show_the_matrix() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "review.md").read_text()
    assert permissions.matrix_markdown() in docs
