"""The list of reports and documents, with filters (reporter, year, kind, symbol, words)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ipcoop import vocabularies
from ipcoop.dependencies import DbSession
from ipcoop.parameters import Offset
from ipcoop.reports.filters import ReportFilters, report_filters
from ipcoop.reports.service import list_reports, reporters, summary

router = APIRouter(include_in_schema=False)
PAGE = 100


@router.get("/reports", response_class=HTMLResponse)
def reports_page(
    request: Request,
    session: DbSession,
    filters: ReportFilters = Depends(report_filters),
    offset: Offset = 0,
) -> HTMLResponse:
    """Reports and documents, newest first, each with its reporter, kind, symbol and count."""
    total, rows = list_reports(session, filters, limit=PAGE, offset=offset)
    following = offset + len(rows)
    return request.app.state.templates.TemplateResponse(
        request,
        "reports.html",
        {
            "filters": filters,
            "params": filters.as_params(),
            "total": total,
            "reports": [summary(r, n) for r, n in rows],
            "reporters": reporters(session),
            "kinds": vocabularies.REPORT_KINDS,
            "next_offset": following if following < total else None,
        },
    )
