"""Report services: list and read stored reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.parties import display_name
from ipcoop.reports.filters import ReportFilters
from ipcoop.reports.models import Original, Report, public_report
from ipcoop.reports.provenance import shown_date


def list_reports(
    session: Session,
    filters: ReportFilters | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> tuple[int, list[tuple[Report, int]]]:
    """Public reports matching the filters, newest communication first, each with its
    activity count."""
    where = [*(filters or ReportFilters()).conditions(), public_report()]
    total = session.scalar(select(func.count(Report.id)).where(*where)) or 0
    counts = (
        select(Activity.report_id, func.count(Activity.id).label("n"))
        .group_by(Activity.report_id)
        .subquery()
    )
    rows = session.execute(
        select(Report, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.report_id == Report.id)
        .where(*where)
        .order_by(Report.communication_date.desc().nulls_last(), Report.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return total, [(r, int(n)) for r, n in rows]


def get_report(session: Session, report_id: int) -> Report | None:
    """The public report with this id, or None (ipcoop.review.service.load reads the others,
    for those who may)."""
    return session.scalar(select(Report).where(Report.id == report_id, public_report()))


def report_activities(session: Session, report: Report) -> list[Activity]:
    """A report's activities in document order."""
    return list(
        session.scalars(
            select(Activity).where(Activity.report_id == report.id).order_by(Activity.position)
        )
    )


def original(session: Session, report: Report) -> Original | None:
    """The original file of a report."""
    return session.get(Original, report.sha256)


def summary(report: Report, activities: int | None = None) -> dict[str, Any]:
    """A report's header in JSON."""
    party: dict[str, str | None] | None = None
    if report.reporting_party_code or report.reporting_party_name:
        party = {
            "code": report.reporting_party_code,
            "name": display_name(report.reporting_party_code, fallback=report.reporting_party_name),
        }
    out: dict[str, Any] = {
        "id": report.id,
        "url": f"/reports/{report.id}",
        "kind": report.kind,
        "reporting_party": party,
        "symbol": report.symbol,
        "title": report.title,
        "communication_date": shown_date(report.communication_date, report.generated),
        "circulation_date": shown_date(report.circulation_date, report.generated),
        "period": {
            "start": shown_date(report.period_start, report.generated),
            "end": shown_date(report.period_end, report.generated),
        },
        "generated": report.generated,
        "language": report.language,
        "source": report.file_name,
        "status": report.status,
        "original_url": f"/reports/{report.id}/original",
        "warnings": report.warnings,
    }
    if activities is not None:
        out["activities"] = activities
    return out


def reporters(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every party that has a public report, by name."""
    codes = session.scalars(
        select(Report.reporting_party_code)
        .where(Report.reporting_party_code.is_not(None), public_report())
        .distinct()
    )
    found = [(code, display_name(code)) for code in codes if code is not None]
    return sorted(found, key=lambda pair: pair[1].casefold())


def generated_ids(session: Session, report_ids: set[int]) -> set[int]:
    """Which of these reports were made by `ipcoop synth`."""
    if not report_ids:
        return set()
    query = select(Report.id).where(Report.id.in_(sorted(report_ids)), Report.generated)
    return set(session.scalars(query))
