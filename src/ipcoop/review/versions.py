"""A report's versions (a correction is a new version) and a readable diff between them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipcoop.reports.models import Report
from ipcoop.review import activities as fields
from ipcoop.review.permissions import Action, Actor, allowed
from ipcoop.review.service import activities_of, load
from ipcoop.review.states import ReportState

S = ReportState
HEADER = ("title", "period_start", "period_end", "symbol")


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def diff(session: Session, old: Report, new: Report) -> list[dict[str, str]]:
    """What changed from one version to the next, one line per field: activities are matched
    by their place in the report."""
    lines: list[dict[str, str]] = []
    for name in HEADER:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            lines.append(
                {"where": "report", "field": name, "before": _shown(a), "after": _shown(b)}
            )
    before = {a.position: a for a in activities_of(session, old)}
    after = {a.position: a for a in activities_of(session, new)}
    for position in sorted(before.keys() | after.keys()):
        was, now = before.get(position), after.get(position)
        where = f"activity {position}"
        if was is None and now is not None:
            lines.append({"where": where, "field": "added", "before": "", "after": now.title})
        elif now is None and was is not None:
            lines.append({"where": where, "field": "removed", "before": was.title, "after": ""})
        elif was is not None and now is not None:
            a_values, b_values = fields.values_of(was), fields.values_of(now)
            for name, value in b_values.items():
                if a_values.get(name) != value:
                    lines.append(
                        {
                            "where": where,
                            "field": name,
                            "before": _shown(a_values.get(name)),
                            "after": _shown(value),
                        }
                    )
    return lines


def versions(session: Session, actor: Actor, report_id: int) -> list[dict[str, Any]]:
    """Every version of the report the actor may see, oldest first, each with its diff from
    the one before."""
    report = load(session, actor, report_id, Action.VERSIONS)
    lineage = report.lineage_id or report.id
    rows = list(
        session.scalars(
            select(Report)
            .where((Report.lineage_id == lineage) | (Report.id == lineage))
            .order_by(Report.version_number, Report.id)
        )
    )
    seen = [
        r
        for r in rows
        if r.state == S.SUPERSEDED or allowed(actor, Action.READ, r.reporting_party_code, r.state)
    ]
    out: list[dict[str, Any]] = []
    for i, version in enumerate(seen):
        out.append(
            {
                "id": version.id,
                "version": version.version_number,
                "state": version.state,
                "symbol": version.symbol,
                "circulation_date": version.circulation_date,
                "changes": diff(session, seen[i - 1], version) if i else [],
            }
        )
    return out
