"""JSON API for reports."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from ipcoop.dependencies import get_session
from ipcoop.reports.schemas import ReportPagination
from ipcoop.reports.service import list_reports, summary
from ipcoop.review.auth import api_actor
from ipcoop.review.permissions import Actor, NotFound
from ipcoop.review.schemas import ReviewReportDetail

router = APIRouter(tags=["reports"])


@router.get("/reports", response_model=ReportPagination)
def reports(
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """Every stored report with its activity count."""
    total, rows = list_reports(session, limit=limit, offset=offset)
    following = offset + len(rows)
    return {
        "total": total,
        "items": [summary(r, n) for r, n in rows],
        "facets": {},
        "next_cursor": str(following) if following < total else None,
    }


@router.get("/reports/{report_id}", response_model=ReviewReportDetail)
def report(
    report_id: int, actor: Actor = Depends(api_actor), session: Session = Depends(get_session)
) -> dict[str, Any]:
    """One report: its header, its text and its activities (a draft only to its party's
    reporters and the curators)."""
    from ipcoop.review.api import report_json
    from ipcoop.review.service import load

    try:
        return report_json(session, load(session, actor, report_id))
    except NotFound:
        raise HTTPException(404, f"No report {report_id}; /api/v1/reports lists them") from None
