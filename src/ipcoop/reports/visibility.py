"""The one place that says which reports (and so which activities) anonymous readers see.

Search, stats, exports, the report and activity pages and the API all read through these.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select

from ipcoop.reports.models import Report
from ipcoop.vocabularies import ReportState

PUBLIC_STATE = ReportState.PUBLISHED.value


def public_report() -> ColumnElement[bool]:
    """The condition on ``reports`` of a report anonymous readers see."""
    return Report.state == PUBLIC_STATE


def public_report_ids() -> Any:
    """A subquery of the ids of public reports (for conditions on activities)."""
    return select(Report.id).where(public_report())


def is_public(report: Report) -> bool:
    """Whether anonymous readers see this report."""
    return report.state == PUBLIC_STATE
