"""JSON API for reports."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ipcoop.dependencies import DbSession
from ipcoop.parameters import Offset
from ipcoop.reports.filters import ReportFilters, report_filters
from ipcoop.reports.schemas import ReportPagination
from ipcoop.reports.service import list_reports, summary

router = APIRouter(tags=["reports"])


@router.get("/reports", response_model=ReportPagination)
def reports(
    session: DbSession,
    filters: ReportFilters = Depends(report_filters),
    limit: int = Query(100, ge=1, le=1000),
    offset: Offset = 0,
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


# GET /reports/{report_id} is ipcoop.review.api.report: what it shows depends on who asks
