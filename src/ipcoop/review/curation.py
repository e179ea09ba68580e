"""What curators do to activities besides the reporters' editing: correct their tags (the
controlled vocabularies), and link the same activity reported by two parties.

A tag change to a published report is a correction published at once: a new version with the
new tags supersedes the old one and the versions list shows the change, so nothing published
changes silently. Links are stored once per pair and carried to a report's next version; a link
on a published activity moves the data revision (the pages that show it change).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity, ActivityLink
from ipcoop.activities.schemas import ActivityTagsUpdate
from ipcoop.db import private_writes, public_writes
from ipcoop.reports.models import Report
from ipcoop.review import activities as fields
from ipcoop.review import audit, service
from ipcoop.review.permissions import Action, Actor, NotFound
from ipcoop.review.schemas import Transition
from ipcoop.review.states import ReportState

S = ReportState


def retag(
    session: Session, actor: Actor, report_id: int, activity_id: int, data: ActivityTagsUpdate
) -> Activity:
    """Change an activity's type, topics, audience or modality (the fields given); the
    activity as it now stands (on a published report: in the new version)."""
    report = service.load(session, actor, report_id, Action.TAG)
    activity = service.activity_in(session, report, activity_id)
    service.expect_version(activity.lock_version, data.version, f"activity {activity_id}")
    before = fields.tags_of(activity)
    tags = {**before, **data.model_dump(exclude_unset=True, exclude={"version"})}
    problems = fields.check_tags(tags)
    if problems:
        raise fields.Invalid(problems)
    published = report.state == S.PUBLISHED
    if published:
        open_one = service.open_correction(session, report)
        if open_one is not None:
            raise service.Conflict(
                f"a correction of this report is open (report {open_one.id}, "
                f"{open_one.state}): change the tags there, then publish it"
            )
        private_writes(session.connection())
        version = service.new_version(session, actor, report)
        activity = next(
            a for a in service.activities_of(session, version) if a.position == activity.position
        )
    else:
        service.private(session, report)
    fields.write_tags(activity, tags)
    service.flush(session, f"activity {activity_id}")
    audit.record(
        session,
        actor,
        "activity.retag",
        "activity",
        activity.id,
        activity.report_id,
        before=before,
        after=fields.tags_of(activity),
    )
    if published:
        comment = f"tags of activity {activity.position} corrected"
        service.publish_version(session, actor, version, Transition(comment=comment))
    return activity


# -- links -----------------------------------------------------------------------------------


def _pair(
    session: Session, actor: Actor, report_id: int, activity_id: int, other_id: int
) -> tuple[Activity, Activity, Report, Report]:
    """Both activities and their reports, when the actor may link them."""
    report = service.load(session, actor, report_id, Action.LINK)
    activity = service.activity_in(session, report, activity_id)
    other = session.get(Activity, other_id)
    if other is None:
        raise NotFound(f"no activity {other_id}")
    other_report = service.load(session, actor, other.report_id, Action.LINK)
    return activity, other, report, other_report


def _record(
    session: Session,
    actor: Actor,
    action: str,
    pair: tuple[Activity, Activity, Report, Report],
) -> None:
    """One event on each side, so each report's log shows the link."""
    activity, other, report, other_report = pair
    for mine, theirs, their_report in ((activity, other, other_report), (other, activity, report)):
        change: dict[str, Any] = {
            "linked_with": theirs.id,
            "report": their_report.id,
            "party": their_report.reporting_party_code,
        }
        audit.record(
            session,
            actor,
            action,
            "activity",
            mine.id,
            mine.report_id,
            before=change if action == "activity.unlink" else None,
            after=change if action == "activity.link" else None,
        )


def _moves_public_record(session: Session, *reports: Report) -> None:
    public = [r.id for r in reports if r.state == S.PUBLISHED]
    if public:
        public_writes(session.connection(), *public)
    else:
        private_writes(session.connection())


def link(session: Session, actor: Actor, report_id: int, activity_id: int, other_id: int) -> None:
    """State that an activity of this report and one of another party's report are the same
    activity (a joint workshop reported by both)."""
    pair = _pair(session, actor, report_id, activity_id, other_id)
    activity, other, report, other_report = pair
    if report.reporting_party_code == other_report.reporting_party_code:
        raise fields.Invalid(
            [
                fields.FieldProblem(
                    "other",
                    f"activity {other.id} is in a report of the same party "
                    f"({report.reporting_party_code}); link an activity another party reported",
                )
            ]
        )
    if other.id in service.linked_ids(session, activity.id):
        raise fields.Invalid(
            [fields.FieldProblem("other", f"activity {other.id} is already linked with this one")]
        )
    _moves_public_record(session, report, other_report)
    session.add(ActivityLink.between(activity.id, other.id))
    session.flush()
    _record(session, actor, "activity.link", pair)


def unlink(session: Session, actor: Actor, report_id: int, activity_id: int, other_id: int) -> None:
    """Remove a link (the audit log keeps that it was there)."""
    pair = _pair(session, actor, report_id, activity_id, other_id)
    activity, other, report, other_report = pair
    if other.id not in service.linked_ids(session, activity.id):
        raise NotFound(f"activity {activity.id} is not linked with activity {other.id}")
    _moves_public_record(session, report, other_report)
    wanted = ActivityLink.between(activity.id, other.id)
    session.execute(
        delete(ActivityLink).where(
            ActivityLink.activity_id == wanted.activity_id,
            ActivityLink.other_id == wanted.other_id,
        )
    )
    _record(session, actor, "activity.unlink", pair)


def linked(session: Session, activity: Activity) -> list[Activity]:
    """The activities linked with this one, in id order (whatever their report's state: the
    workflow pages show them all; the public pages read their own, public only)."""
    ids = service.linked_ids(session, activity.id)
    if not ids:
        return []
    return list(session.scalars(select(Activity).where(Activity.id.in_(ids)).order_by(Activity.id)))
