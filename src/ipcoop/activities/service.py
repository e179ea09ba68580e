"""Activity services: read one, and render any stored activity in the shared item shape."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session, contains_eager

from ipcoop.activities import shapes
from ipcoop.activities.models import Activity, ActivityLink, ActivityParty
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.activities.schemas import ActivityDetail, ActivityRead, ActivityRow
from ipcoop.reports.models import Report, public_report
from ipcoop.vocabularies import PartyRole

EXCERPT_CONTEXT = 80


def get_activity(session: Session, activity_id: int) -> Activity | None:
    """The public activity with this id, or None."""
    return session.scalar(
        select(Activity)
        .join(Report, Report.id == Activity.report_id)
        .where(Activity.id == activity_id, public_report())
    )


def item(activity: Activity) -> dict[str, Any]:
    """An activity in the API's item shape (``ActivityRead``)."""
    return shapes.item(ActivityRead, activity)


def detail(session: Session, activity: Activity, generated: str = "exclude") -> dict[str, Any]:
    """An activity with the source words behind each value and its related activities
    (``ActivityDetail``): what the API, the page and ``ipcoop show`` give. Activities of
    generated reports are among the related ones only with ``generated`` include or only."""
    found = related(session, activity, generated=generated)
    also = also_reported(session, activity)
    # a curator said which of the same event's candidates is the same activity: said once
    found["same_event"] = [a for a in found["same_event"] if a not in also]
    linked = [shapes.item(ActivityRow, a) for a in also]
    return shapes.item(
        ActivityDetail,
        activity,
        evidence=evidence(session, activity),
        related={k: [item(r) for r in v] for k, v in found.items()} | {"also_reported": linked},
    )


def also_reported(session: Session, activity: Activity) -> list[Activity]:
    """The same activity in other parties' public reports, as a curator linked them."""
    return list(
        session.scalars(
            select(Activity)
            .join(Activity.report)
            .options(contains_eager(Activity.report))
            .where(Activity.id.in_(ActivityLink.others(activity.id)), public_report())
            .order_by(Activity.id)
        )
    )


def evidence(session: Session, activity: Activity) -> dict[str, list[dict[str, Any]]]:
    """Each field's evidence: the span, the method and the source excerpt around it."""
    text = session.scalar(select(Report.text).where(Report.id == activity.report_id)) or ""
    rows = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.record_type == "activity", EvidenceRow.record_id == activity.id)
        .order_by(EvidenceRow.id)
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        before = text[max(0, row.start - EXCERPT_CONTEXT) : row.start]
        out.setdefault(row.field, []).append(
            {
                "start": row.start,
                "end": row.end,
                "method": row.method,
                "text": text[row.start : row.end],
                "before": before,
                "after": text[row.end : row.end + EXCERPT_CONTEXT],
            }
        )
    return out


def _public_of(generated: str) -> Any:
    """The condition on a joined report: public, and generated=exclude|only ("" or include:
    either). On the joined row, not as a list of report ids: SQLite builds the list of every
    public report first (9 ms at 100k reports), and with it may read every public activity by
    its report instead of the few the title or date index finds (an activity's page at 1M
    activities: 0.6 s)."""
    provenance = {"only": Report.generated, "exclude": ~Report.generated}.get(generated, true())
    return public_report() & provenance


def related(
    session: Session, activity: Activity, limit: int = 20, generated: str = "exclude"
) -> dict[str, list[Activity]]:
    """Same title in other years, and the same event as reported by another party.

    The same event: another report's activity with the same start date and a beneficiary
    in common (double counting between donors and beneficiaries shows up here). Activities
    of generated reports are left out unless ``generated`` says otherwise.
    """
    public = _public_of(generated)
    same_title = list(
        session.scalars(
            select(Activity)
            .join(Report, Report.id == Activity.report_id)
            .where(
                func.lower(Activity.title) == activity.title.lower(),
                Activity.id != activity.id,
                public,
            )
            .order_by(Activity.start_on.desc(), Activity.id)
            .limit(limit)
        )
    )
    beneficiaries = [
        p.party_code for p in activity.parties if p.role == PartyRole.BENEFICIARY and p.party_code
    ]
    same_event: list[Activity] = []
    if activity.start_date and beneficiaries:
        shared = (
            select(ActivityParty.id)
            .where(
                ActivityParty.activity_id == Activity.id,
                ActivityParty.role == PartyRole.BENEFICIARY,
                ActivityParty.party_code.in_(beneficiaries),
            )
            .exists()
        )
        same_event = list(
            session.scalars(
                select(Activity)
                .join(Report, Report.id == Activity.report_id)
                .where(
                    # the same start date means the same first day: the day's index finds them
                    Activity.start_on == activity.start_on,
                    Activity.start_date == activity.start_date,
                    Activity.report_id != activity.report_id,
                    shared,
                    public,
                )
                .order_by(Activity.id)
                .limit(limit)
            )
        )
    return {"same_title": same_title, "same_event": same_event}
