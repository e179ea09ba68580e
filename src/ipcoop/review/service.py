"""The submission workflow: one function per step, each checking the permission matrix first
and writing an audit event in the same transaction. Services take the actor, never a request."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ipcoop.activities.models import Activity, ActivityLink
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.activities.schemas import ActivityCreate, ActivityUpdate
from ipcoop.db import private_writes, public_writes
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report
from ipcoop.review import activities as fields
from ipcoop.review import audit
from ipcoop.review.permissions import Action, Actor, Forbidden, NotFound, allowed, require
from ipcoop.review.schemas import ReportCreate, ReportUpdate, Transition
from ipcoop.review.states import EDITABLE, ReportState

S = ReportState
SYMBOL_PREFIX = "IP/C/R/TC/"


class Conflict(Exception):
    """Someone saved the record since it was read (optimistic locking)."""


class SymbolTaken(Conflict):
    """A symbol another report already holds."""

    def __init__(self, symbol: str, holder: int) -> None:
        super().__init__(
            f"the symbol {symbol} is already report {holder}'s; check the symbol on the "
            "document, or leave it empty to number the report automatically"
        )
        self.symbol, self.holder = symbol, holder


# -- reading ---------------------------------------------------------------------------------


def load(session: Session, actor: Actor, report_id: int, action: Action = Action.READ) -> Report:
    """The report, when the actor may take the action on it (NotFound / Forbidden otherwise)."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound(f"no report {report_id}")
    require(actor, action, report.reporting_party_code, report.state)
    return report


def activities_of(session: Session, report: Report) -> list[Activity]:
    """A report's activities in order."""
    return list(
        session.scalars(
            select(Activity).where(Activity.report_id == report.id).order_by(Activity.position)
        )
    )


def reports_for(session: Session, actor: Actor) -> list[Report]:
    """The reports an account works on: a reporter's party's unpublished ones, every
    unpublished one for curators; newest first."""
    if actor.anonymous:
        return []
    query = select(Report).where(Report.state.in_([S.DRAFT, S.RETURNED, S.SUBMITTED]))
    if not actor.curator:
        query = query.where(Report.reporting_party_code == actor.party_code)
    return list(session.scalars(query.order_by(Report.id.desc())))


def queue(session: Session, actor: Actor) -> list[Report]:
    """Submitted reports waiting for a curator, oldest first."""
    if not actor.curator:
        raise Forbidden("the review queue is for curators")
    return list(
        session.scalars(select(Report).where(Report.state == S.SUBMITTED).order_by(Report.id))
    )


# -- helpers ---------------------------------------------------------------------------------


def expect_version(current: int, given: int, what: str) -> None:
    """Conflict when the record changed since the version the person read."""
    if current != given:
        raise Conflict(
            f"{what} was changed by someone else since you opened it (your version {given}, "
            f"now {current}); reload it, then apply your change again"
        )


def _header(report: Report) -> dict[str, Any]:
    return {
        "state": report.state,
        "symbol": report.symbol,
        "title": report.title,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "communication_date": report.communication_date,
        "introduction": report.text,
        "version_number": report.version_number,
    }


def private(session: Session, report: Report) -> None:
    """Writes to a report readers do not see leave the public revision alone."""
    if report.state != S.PUBLISHED:
        private_writes(session.connection())


def flush(session: Session, what: str) -> None:
    """Write the pending changes; Conflict when someone saved the same record meanwhile."""
    try:
        session.flush()
    except StaleDataError as error:
        raise Conflict(f"{what} was changed by someone else at the same moment; reload it") from (
            error
        )


def _party_name(code: str) -> str:
    try:
        return Resolver.default().get(code).name_en
    except KeyError as error:
        raise fields.Invalid([fields.FieldProblem("party", f"unknown party {code!r}")]) from error


def _in_lineage(lineage: int) -> Any:
    """The versions of a report: the first (its id) and its corrections (its lineage_id)."""
    return (Report.lineage_id == lineage) | (Report.id == lineage)


# -- reports ---------------------------------------------------------------------------------


def create_report(session: Session, actor: Actor, data: ReportCreate) -> Report:
    """A new draft report (with the activities of ``copy_from`` when given)."""
    party = (data.party or actor.party_code or "").upper()
    if not party:
        # an account without a party of its own (a curator) may draft only a named party's
        raise Forbidden("name the reporting party (party): this account has none of its own")
    name = _party_name(party)
    if not allowed(actor, Action.CREATE, party, S.DRAFT):
        raise Forbidden("only the party's reporters and the curators draft its reports")
    private_writes(session.connection())
    report = Report(
        kind=data.kind,
        reporting_party_code=party,
        reporting_party_name=name,
        title=data.title or f"Technical cooperation report of {name}",
        period_start=data.period_start,
        period_end=data.period_end,
        communication_date=data.communication_date,
        language=data.language or "en",
        source_name="",
        media_type="text/plain",
        sha256=None,
        text=data.introduction or "",
        state=S.DRAFT,
        warnings=[],
    )
    session.add(report)
    session.flush()  # a first version's lineage is itself: lineage_id stays None
    audit.record(
        session, actor, "report.create", "report", report.id, report.id, after=_header(report)
    )
    if data.copy_from is not None:
        source = load(session, actor, data.copy_from)
        for old in activities_of(session, source):
            _copy_activity(session, old, report)
        audit.record(
            session,
            actor,
            "report.copy",
            "report",
            report.id,
            report.id,
            comment=f"activities copied from report {source.id}",
        )
    return report


def update_report(session: Session, actor: Actor, report_id: int, data: ReportUpdate) -> Report:
    """Change a draft's header."""
    report = load(session, actor, report_id, Action.EDIT)
    expect_version(report.lock_version, data.version, f"report {report_id}")
    private(session, report)
    before = _header(report)
    given = data.model_dump(exclude_unset=True, exclude={"version"})
    if "introduction" in given:
        report.text = given.pop("introduction") or ""
    for name, value in given.items():
        setattr(report, name, value)
    flush(session, f"report {report_id}")
    audit.record(
        session,
        actor,
        "report.update",
        "report",
        report.id,
        report.id,
        before=before,
        after=_header(report),
    )
    return report


# -- activities ------------------------------------------------------------------------------


def activity_in(session: Session, report: Report, activity_id: int) -> Activity:
    """The report's activity with that id (NotFound when it is another report's)."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.report_id != report.id:
        raise NotFound(f"no activity {activity_id} in report {report.id}")
    return activity


def _snapshot(activity: Activity) -> dict[str, Any]:
    return {**fields.values_of(activity), "lock_version": activity.lock_version}


def add_activity(session: Session, actor: Actor, report_id: int, data: ActivityCreate) -> Activity:
    """A new activity at the end of a draft."""
    report = load(session, actor, report_id, Action.EDIT)
    values = fields.merged(None, data)
    problems = fields.check(session, report, values, None)
    if problems:
        raise fields.Invalid(problems)
    private(session, report)
    last = session.scalar(
        select(func.max(Activity.position)).where(Activity.report_id == report.id)
    )
    activity = Activity(report_id=report.id, position=(last or 0) + 1)
    fields.write(activity, values)
    session.add(activity)
    session.flush()
    audit.record(
        session,
        actor,
        "activity.create",
        "activity",
        activity.id,
        report.id,
        after=_snapshot(activity),
    )
    return activity


def update_activity(
    session: Session, actor: Actor, report_id: int, activity_id: int, data: ActivityUpdate
) -> Activity:
    """Change some fields of an activity; refused (Conflict) when the version read is stale."""
    report = load(session, actor, report_id, Action.EDIT)
    activity = activity_in(session, report, activity_id)
    expect_version(activity.lock_version, data.version, f"activity {activity_id}")
    values = fields.merged(activity, data)
    problems = fields.check(session, report, values, activity.id)
    if problems:
        raise fields.Invalid(problems)
    private(session, report)
    before = _snapshot(activity)
    fields.write(activity, values)
    flush(session, f"activity {activity_id}")
    audit.record(
        session,
        actor,
        "activity.update",
        "activity",
        activity.id,
        report.id,
        before=before,
        after=_snapshot(activity),
    )
    return activity


def delete_activity(session: Session, actor: Actor, report_id: int, activity_id: int) -> None:
    """Remove an activity from a draft (the audit log keeps what it was)."""
    report = load(session, actor, report_id, Action.EDIT)
    activity = activity_in(session, report, activity_id)
    private(session, report)
    before = _snapshot(activity)
    session.execute(
        delete(EvidenceRow).where(
            EvidenceRow.record_type == "activity", EvidenceRow.record_id == activity.id
        )
    )
    session.delete(activity)
    flush(session, f"activity {activity_id}")
    audit.record(
        session, actor, "activity.delete", "activity", activity_id, report.id, before=before
    )


def _copy_activity(
    session: Session, old: Activity, report: Report, *, as_version: bool = False
) -> Activity:
    """A copy of an activity in another report (with its evidence and links when the report is
    a new version of the same one: the same text, the same activities)."""
    new = Activity(report_id=report.id, position=old.position)
    fields.write(new, fields.values_of(old))
    new.confidence, new.needs_review = old.confidence, old.needs_review
    new.review_reasons = list(old.review_reasons or [])
    session.add(new)
    session.flush()
    if as_version:
        for other in linked_ids(session, old.id):
            session.add(ActivityLink.between(new.id, other))
        for row in session.scalars(
            select(EvidenceRow).where(
                EvidenceRow.record_type == "activity", EvidenceRow.record_id == old.id
            )
        ):
            session.add(
                EvidenceRow(
                    report_id=report.id,
                    record_type="activity",
                    record_id=new.id,
                    field=row.field,
                    start=row.start,
                    end=row.end,
                    method=row.method,
                    detail=row.detail,
                )
            )
    return new


# -- steps -----------------------------------------------------------------------------------


def _step(
    session: Session,
    actor: Actor,
    report: Report,
    action: str,
    state: ReportState,
    comment: str | None = None,
) -> Report:
    before = _header(report)
    report.state = state
    flush(session, f"report {report.id}")
    audit.record(
        session,
        actor,
        action,
        "report",
        report.id,
        report.id,
        before=before,
        after=_header(report),
        comment=comment,
    )
    return report


def submit(session: Session, actor: Actor, report_id: int, data: Transition) -> Report:
    """Hand a draft to the curators."""
    report = load(session, actor, report_id, Action.SUBMIT)
    private_writes(session.connection())
    return _step(session, actor, report, "report.submit", S.SUBMITTED, data.comment)


def return_report(session: Session, actor: Actor, report_id: int, data: Transition) -> Report:
    """Send a submitted report back to its reporters, saying what to change."""
    report = load(session, actor, report_id, Action.RETURN)
    if not (data.comment or "").strip():
        raise fields.Invalid(
            [fields.FieldProblem("comment", "say what the reporter should change")]
        )
    private_writes(session.connection())
    report.review_comment = data.comment
    return _step(session, actor, report, "report.return", S.RETURNED, data.comment)


def next_symbol(session: Session, party: str) -> str:
    """``IP/C/R/TC/<PARTY>/<n>``: one more than the party's highest number so far."""
    prefix = f"{SYMBOL_PREFIX}{party}/"
    taken = session.scalars(select(Report.symbol).where(Report.symbol.like(prefix + "%")))
    numbers = [int(m.group(1)) for s in taken if s and (m := re.match(r"(\d+)", s[len(prefix) :]))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def publish(session: Session, actor: Actor, report_id: int, data: Transition) -> Report:
    """Publish a submitted report: its symbol (typed for a legacy document, else the party's
    next), and an earlier published version becomes superseded."""
    return publish_version(session, actor, load(session, actor, report_id, Action.PUBLISH), data)


def _holder(session: Session, report: Report, symbol: str) -> int | None:
    """The report of another lineage that holds the symbol, if any."""
    return session.scalar(
        select(Report.id)
        .where(
            Report.symbol == symbol,
            func.coalesce(Report.lineage_id, Report.id) != (report.lineage_id or report.id),
        )
        .limit(1)
    )


def publish_version(session: Session, actor: Actor, report: Report, data: Transition) -> Report:
    """Make a report (a version the actor may publish) the public one of its lineage."""
    earlier = list(
        session.scalars(
            select(Report).where(
                _in_lineage(report.lineage_id or report.id),
                Report.id != report.id,
                Report.state == S.PUBLISHED,
            )
        )
    )
    # first: the revision's row lock makes publications one at a time (the numbering below)
    public_writes(session.connection(), report.id, *(old.id for old in earlier))
    if data.symbol:
        holder = _holder(session, report, data.symbol)
        if holder is not None:
            raise SymbolTaken(data.symbol, holder)
        report.symbol = data.symbol
    elif not report.symbol:
        report.symbol = next_symbol(session, report.reporting_party_code or "XXX")
    symbol = report.symbol or ""
    if not report.circulation_date:
        report.circulation_date = dt.date.today().isoformat()
    report.review_comment = None
    try:
        for old in earlier:
            _step(session, actor, old, "report.supersede", S.SUPERSEDED, f"replaced by {report.id}")
        return _step(session, actor, report, "report.publish", S.PUBLISHED, data.comment)
    except IntegrityError as error:  # the unique symbol's backstop: taken in the same instant
        session.rollback()
        raise SymbolTaken(symbol, _holder(session, report, symbol) or 0) from error


def withdraw(session: Session, actor: Actor, report_id: int, data: Transition) -> Report:
    """Withdraw a report: it stays, in the withdrawn state, out of the public record."""
    report = load(session, actor, report_id, Action.WITHDRAW)
    public_writes(session.connection(), report.id)
    return _step(session, actor, report, "report.withdraw", S.WITHDRAWN, data.comment)


def correct(session: Session, actor: Actor, report_id: int) -> Report:
    """Open a correction of a published report: a new draft version with its activities; the
    published one stays public until the correction is published."""
    report = load(session, actor, report_id, Action.CORRECT)
    private_writes(session.connection())
    return new_version(session, actor, report)


def open_correction(session: Session, report: Report) -> Report | None:
    """A version of the report's lineage still in the workflow (a correction not yet
    published), if any."""
    return session.scalar(
        select(Report)
        .where(
            _in_lineage(report.lineage_id or report.id),
            Report.state.in_([S.DRAFT, S.RETURNED, S.SUBMITTED]),
        )
        .limit(1)
    )


# what a report's next version keeps of it (its circulation date and file hash it does not)
_CARRIED_TO_NEXT_VERSION = (
    "kind",
    "reporting_party_code",
    "reporting_party_name",
    "symbol",
    "title",
    "communication_date",
    "period_start",
    "period_end",
    "language",
    "source_name",
    "media_type",
    "text",
)


def new_version(session: Session, actor: Actor, report: Report) -> Report:
    """A draft copy of a published report as its next version (activities, evidence and links
    copied), audited as a correction."""
    lineage = report.lineage_id or report.id
    latest = session.scalar(select(func.max(Report.version_number)).where(_in_lineage(lineage)))
    draft = Report(
        **{name: getattr(report, name) for name in _CARRIED_TO_NEXT_VERSION},
        circulation_date=None,
        sha256=None,
        state=S.DRAFT,
        warnings=list(report.warnings or []),
        lineage_id=lineage,
        version_number=(latest or 1) + 1,
    )
    session.add(draft)
    session.flush()
    for old in activities_of(session, report):
        _copy_activity(session, old, draft, as_version=True)
    audit.record(
        session,
        actor,
        "report.correct",
        "report",
        draft.id,
        draft.id,
        after=_header(draft),
        comment=f"correction of report {report.id}",
    )
    return draft


def linked_ids(session: Session, activity_id: int) -> list[int]:
    """The activities linked with this one (either side of the link)."""
    return sorted(session.scalars(ActivityLink.others(activity_id)))


def is_editable(report: Report) -> bool:
    """Whether a report is still being written by its reporters."""
    return report.state in EDITABLE
