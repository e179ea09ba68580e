"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from ipcoop import parameters
from ipcoop.db import session_scope
from ipcoop.parameters import PartyCode, one_of
from ipcoop.search import filters as search_filters
from ipcoop.vocabularies import AUDIENCES, MODALITIES, REPORT_KINDS, TOPICS, TYPES


def get_session(request: Request) -> Iterator[Session]:
    """A database session for one request."""
    with session_scope(request.app.state.engine) as session:
        yield session


# A handler's database session (``session: DbSession``), committed before the answer leaves so
# that a browser following a redirect at once (sign in, then the page behind it) finds what the
# request wrote; FastAPI's default scope would commit only after the response is sent.
DbSession = Annotated[Session, Depends(get_session, scope="function")]


def activity_filters(
    q: str = Query("", description="Words to find in titles, descriptions and outputs."),
    beneficiary: list[PartyCode] = Query([], description="Party or group code; groups by date."),
    provider: list[PartyCode] = Query([], description="Provider party code (agencies included)."),
    reporter: list[PartyCode] = Query([], description="Reporting party code."),
    topic: list[Annotated[str, one_of(TOPICS, blank=True)]] = Query([], description="Topic code."),
    type: list[Annotated[str, one_of(TYPES, blank=True)]] = Query(
        [], description="Activity type code."
    ),
    audience: list[Annotated[str, one_of(AUDIENCES, blank=True)]] = Query(
        [], description="Audience code."
    ),
    modality: list[Annotated[str, one_of(MODALITIES, blank=True)]] = Query(
        [], description="online, in_person or hybrid."
    ),
    kind: list[Annotated[str, one_of(REPORT_KINDS, blank=True)]] = Query(
        [], description="Report kind."
    ),
    year_from: str | None = parameters.year("First start year"),
    year_to: str | None = parameters.year("Last start year"),
    year: str | None = parameters.year("One start year"),
    report_id: int | None = parameters.row_id("Only activities of this report"),
    generated: Annotated[str, one_of(search_filters.PROVENANCE, blank=True)] | None = Query(
        None, description="Reports made by `ipcoop synth`: include (default), exclude or only."
    ),
) -> search_filters.ActivityFilters:
    """Filters from the query string; FilterError becomes a 422 naming the value."""
    return search_filters.parse(
        q=q,
        beneficiary=beneficiary,
        provider=provider,
        reporter=reporter,
        topic=topic,
        type=type,
        audience=audience,
        modality=modality,
        kind=kind,
        year_from=year_from,
        year_to=year_to,
        year=year,
        report_id=report_id,
        generated=generated,
    )
