"""Pages for programme offers, instruments, platforms and bodies: a list of each, and one
record with the parties, document and activities around it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from ipcoop.dependencies import DbSession
from ipcoop.parameters import RowId
from ipcoop.programmes import service

router = APIRouter(include_in_schema=False)

SECTIONS = ("programmes", "platforms", "bodies", "instruments")
SIGNED = ("declaration", "mou", "framework_agreement", "agreement")


def _render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def _listing(request: Request, session: Session, name: str, **raw: Any) -> HTMLResponse:
    filters = service.list_filters(section_name=name, **raw)
    records = service.section_records(session, name, filters)
    params = [("party", p) for p in filters.party] + ([("q", filters.q)] if filters.q else [])
    return _render(
        request,
        "records.html",
        {
            "section": name,
            "sections": SECTIONS,
            "records": records,
            "filters": filters,
            "params": params,
        },
    )


def _record(request: Request, name: str, data: dict[str, Any]) -> HTMLResponse:
    agreed_in = None
    report = data.get("report")
    if report and report["kind"] == "cooperation_instrument" and name != "instruments":
        # named in a declaration or MoU: the document's own instrument is where it was agreed
        agreed_in = next((i for i in data["named_with"] if i["form"] in SIGNED), None)
    return _render(
        request,
        "record.html",
        {
            "r": data,
            "section": name,
            "agreed_in": agreed_in,
        },
    )


@router.get("/programmes", response_class=HTMLResponse)
def programmes_page(
    request: Request,
    session: DbSession,
    party: list[str] = Query([]),
    q: str = Query(""),
) -> HTMLResponse:
    """Programme offers, with their providers."""
    return _listing(request, session, "programmes", party=party, q=q)


@router.get("/programmes/{record_id}", response_class=HTMLResponse)
def programme_page(
    record_id: RowId, request: Request, session: DbSession
) -> HTMLResponse:
    """One programme offer: what it is, who offers it, since when, which activities used it."""
    found = service.get_programme(session, record_id)
    if found is None:
        raise HTTPException(404, f"No programme {record_id}")
    return _record(request, "programmes", service.detail(session, found))


def _instrument_pages(name: str) -> None:
    def listing(
        request: Request,
        session: DbSession,
        party: list[str] = Query([]),
        q: str = Query(""),
    ) -> HTMLResponse:
        return _listing(request, session, name, party=party, q=q)

    def one(
        record_id: RowId, request: Request, session: DbSession
    ) -> HTMLResponse:
        found = service.get_instrument(session, record_id)
        if found is None or service.section(found.form) != name:
            raise HTTPException(404, f"No such record: /{name}/{record_id}")
        return _record(request, name, service.detail(session, found))

    router.add_api_route(f"/{name}", listing, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route(
        f"/{name}/{{record_id}}", one, methods=["GET"], response_class=HTMLResponse
    )


for _name in ("platforms", "bodies", "instruments"):
    _instrument_pages(_name)
