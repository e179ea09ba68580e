"""JSON API for reports."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from ipcoop.activities.service import item
from ipcoop.dependencies import get_session
from ipcoop.reports.filters import ReportFilters, report_filters
from ipcoop.reports.schemas import ReportDetail, ReportPagination
from ipcoop.reports.service import get_report, list_reports, report_activities, summary

router = APIRouter(tags=["reports"])


@router.get("/reports", response_model=ReportPagination)
def reports(
    filters: ReportFilters = Depends(report_filters),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """Reports matching every filter, newest first, each with its activity count."""
    total, rows = list_reports(session, filters, limit=limit, offset=offset)
    following = offset + len(rows)
    return {
        "total": total,
        "items": [summary(r, n) for r, n in rows],
        "facets": {},
        "next_cursor": str(following) if following < total else None,
    }


@router.get("/reports/{report_id}", response_model=ReportDetail)
def report(report_id: int, session: Session = Depends(get_session)) -> dict[str, Any]:
    """One report: its header, its text and its activities."""
    found = get_report(session, report_id)
    if found is None:
        raise HTTPException(404, f"No report {report_id}; /api/v1/reports lists them")
    activities = report_activities(session, found)
    data = summary(found, len(activities))
    data["text"] = found.text
    data["activities"] = [item(a) for a in activities]
    return data
