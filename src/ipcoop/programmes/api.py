"""JSON API for programme offers, instruments, platforms and bodies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ipcoop import parameters
from ipcoop.dependencies import DbSession
from ipcoop.parameters import PartyCode, RowId, one_of
from ipcoop.programmes import service
from ipcoop.programmes.schemas import (
    InstrumentDetail,
    InstrumentPagination,
    ProgrammeDetail,
    ProgrammePagination,
)
from ipcoop.reports.provenance import CHOICES

router = APIRouter(tags=["programmes and instruments"])


def _common(
    party: list[PartyCode] = Query(
        [], description="Party code: offered, signed, run or named by it or a body under it."
    ),
    report_id: int | None = parameters.row_id("Only those named in this report"),
    q: str = Query("", description="Words in the title."),
    generated: str | None = parameters.choice(
        CHOICES, "From reports made by `ipcoop synth`: exclude (default), include or only."
    ),
) -> dict[str, Any]:
    """The filters every list takes."""
    return {"party": party, "report_id": report_id, "q": q, "generated": generated}


def _page(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(items), "items": items, "facets": {}, "next_cursor": None}


@router.get("/programmes", response_model=ProgrammePagination)
def programmes(
    session: DbSession, common: dict[str, Any] = Depends(_common)
) -> dict[str, Any]:
    """Standing programme offers (available on request), with their provider."""
    filters = service.list_filters(section_name="programmes", **common)
    return _page(service.section_records(session, "programmes", filters))


@router.get("/programmes/{programme_id}", response_model=ProgrammeDetail)
def programme(programme_id: RowId, session: DbSession) -> dict[str, Any]:
    """One programme offer with its report and the activities that name it."""
    found = service.get_programme(session, programme_id)
    if found is None:
        raise HTTPException(404, f"No programme {programme_id}; /api/v1/programmes lists them")
    return service.detail(session, found)


def _instrument_routes(name: str, what: str) -> None:
    forms = ", ".join(service.FORMS[name])

    def listing(
        session: DbSession,
        common: dict[str, Any] = Depends(_common),
        form: list[str] = Query([], description=f"One of {forms}."),
    ) -> dict[str, Any]:
        filters = service.list_filters(section_name=name, form=form, **common)
        return _page(service.section_records(session, name, filters))

    def one(record_id: RowId, session: DbSession) -> dict[str, Any]:
        found = service.get_instrument(session, record_id)
        if found is None or service.section(found.form) != name:
            raise HTTPException(404, f"No {what} {record_id}; /api/v1/{name} lists them")
        return service.detail(session, found)

    # the section's own forms (a local name, which a string annotation cannot see)
    listing.__annotations__["form"] = list[Annotated[str, one_of(service.FORMS[name], blank=True)]]
    listing.__doc__ = f"{name.capitalize()} named in the documents ({forms}), with their parties."
    one.__doc__ = f"One {what} with its parties, its document and the activities naming it."
    router.add_api_route(
        f"/{name}",
        listing,
        methods=["GET"],
        name=f"list_{name}",
        response_model=InstrumentPagination,
    )
    router.add_api_route(
        f"/{name}/{{record_id}}",
        one,
        methods=["GET"],
        name=f"one_{name}",
        response_model=InstrumentDetail,
    )


_instrument_routes("instruments", "instrument")
_instrument_routes("platforms", "platform")
_instrument_routes("bodies", "body")
