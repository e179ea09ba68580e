"""Party pages: a directory of parties and one party's profile with tables and charts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ipcoop.dependencies import DbSession
from ipcoop.programmes.service import holdings
from ipcoop.reports.filters import ReportFilters
from ipcoop.reports.provenance import search_value
from ipcoop.reports.service import list_reports, summary
from ipcoop.stats.charts import role_charts
from ipcoop.stats.service import UnknownPartyCode, directory, profile
from ipcoop.web.chart_labels import descriptions, localize
from ipcoop.web.i18n import language_of
from ipcoop.web.provenance import Provenance

router = APIRouter(include_in_schema=False)

CATEGORY_ORDER = ("group", "economy", "igo", "agency", "forum", "other")


def _render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/parties", response_class=HTMLResponse)
def parties_page(request: Request, session: DbSession, provenance: Provenance) -> HTMLResponse:
    """Groups, every party named in an activity and every reporter, with counts per role
    (generated reports left out unless ``?generated=include``)."""
    rows = directory(session, generated=search_value(provenance))
    categories = [(c, [r for r in rows if r["category"] == c]) for c in CATEGORY_ORDER]
    return _render(request, "parties.html", {"categories": [(c, r) for c, r in categories if r]})


@router.get("/parties/{code}", response_class=HTMLResponse)
def party_page(
    code: str,
    request: Request,
    session: DbSession,
    provenance: Provenance,
) -> HTMLResponse:
    """One party as provider, beneficiary and reporter: tables first, charts on top of them;
    then its reports, programmes, instruments, platforms and bodies. Generated reports are left
    out unless ``?generated=include``."""
    try:
        found = profile(session, code, top=15, generated=search_value(provenance))
    except UnknownPartyCode as error:
        raise HTTPException(404, str(error)) from None
    topology = request.url_for("static", path="vendor/countries-110m.json").path
    lang = language_of(request)
    charts = {
        role.role: localize(
            role_charts(role, topology, descriptions(found.party.code, role.role, lang)), lang
        )
        for role in found.roles.values()
        if role.total and not role.same_as
    }
    code = found.party.code
    _, reports = list_reports(session, ReportFilters(reporter=(code,), generated=provenance))
    return _render(
        request,
        "party.html",
        {
            "profile": found,
            "party": found.party,
            "roles": found.roles,
            "charts": charts,
            "reports": [summary(r, n) for r, n in reports],
            "holdings": holdings(session, code, provenance),
            "generated": provenance,
        },
    )
