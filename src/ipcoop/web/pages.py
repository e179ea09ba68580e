"""Server-rendered pages: search, report, activity. They work without JavaScript."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from ipcoop.activities.service import detail, get_activity, item
from ipcoop.dependencies import DbSession, activity_filters
from ipcoop.downloads import attachment
from ipcoop.parameters import RowId
from ipcoop.programmes.service import named_in
from ipcoop.reports.provenance import shown_item as shown
from ipcoop.reports.service import generated_ids, get_report, original, report_activities, summary
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.service import SORTS, search
from ipcoop.web.facets import SHOWN, page_facets
from ipcoop.web.headers import UNTRUSTED_FILE
from ipcoop.web.provenance import Provenance

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    """Render a template with the request."""
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    session: DbSession,
    filters: ActivityFilters = Depends(activity_filters),
    sort: str = Query("date"),
    cursor: str | None = Query(None),
) -> HTMLResponse:
    """Search activities: query box, facets, results, exports of exactly what is shown."""
    if sort not in SORTS:
        sort = "date"
    result = search(session, filters, sort=sort, cursor=cursor)
    made = generated_ids(session, {a.report_id for a in result.items})
    return render(
        request,
        "search.html",
        {
            "filters": filters,
            "result": result,
            "items": [
                {**shown(item(a), a.report_id in made), "generated": a.report_id in made}
                for a in result.items
            ],
            "params": filters.as_params(),
            "sort": sort,
            "sorts": SORTS,
            "facets": page_facets(session, filters, result),
            "facet_shown": SHOWN,
        },
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(report_id: RowId, request: Request, session: DbSession) -> HTMLResponse:
    """A report as the WTO gateway shows it: header, introduction, list of programmes."""
    report = get_report(session, report_id)
    if report is None:
        raise HTTPException(404, f"No report {report_id}")
    activities = [shown(item(a), report.generated) for a in report_activities(session, report)]
    return render(
        request,
        "report.html",
        {
            "report": summary(report, len(activities)),
            "text": report.text,
            "activities": activities,
            "holdings": named_in(session, report.id),
        },
    )


@router.get("/reports/{report_id}/original")
def report_original(report_id: RowId, session: DbSession) -> Response:
    """The original file, byte for byte, always as a download: it is someone else's document,
    never rendered on this site (docs/security.md, "Originals")."""
    report = get_report(session, report_id)
    found = original(session, report) if report else None
    if report is None or found is None:
        raise HTTPException(404, f"No original for report {report_id}")
    return Response(
        found.content,
        media_type=found.media_type,
        headers={"Content-Disposition": attachment(report.file_name), **UNTRUSTED_FILE},
    )


@router.get("/activities/{activity_id}", response_class=HTMLResponse)
def activity_page(
    activity_id: RowId,
    request: Request,
    session: DbSession,
    provenance: Provenance,
) -> HTMLResponse:
    """Every field of an activity with its evidence in the source text; activities of
    generated reports among the related ones only with ``?generated=include``."""
    activity = get_activity(session, activity_id)
    if activity is None:
        raise HTTPException(404, f"No activity {activity_id}")
    report = get_report(session, activity.report_id)
    return render(
        request,
        "activity.html",
        {
            "a": shown(
                detail(session, activity, generated=provenance),
                report.generated if report else False,
            ),
            "report": summary(report) if report else None,
        },
    )
