"""Request-scoped dependencies shared by the API and the pages."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Query, Request
from sqlalchemy.orm import Session

from ipcoop.db import session_scope
from ipcoop.search import filters as search_filters


def get_session(request: Request) -> Iterator[Session]:
    """A database session for one request."""
    with session_scope(request.app.state.engine) as session:
        yield session


def activity_filters(
    q: str = Query("", description="Words to find in titles, descriptions and outputs."),
    beneficiary: list[str] = Query([], description="Party or group code; groups by date."),
    provider: list[str] = Query([], description="Provider party code (agencies included)."),
    reporter: list[str] = Query([], description="Reporting party code."),
    topic: list[str] = Query([], description="Topic code."),
    type: list[str] = Query([], description="Activity type code."),
    audience: list[str] = Query([], description="Audience code."),
    modality: list[str] = Query([], description="online, in_person or hybrid."),
    kind: list[str] = Query([], description="Report kind."),
    year_from: str | None = Query(None, description="First start year."),
    year_to: str | None = Query(None, description="Last start year."),
    year: str | None = Query(None, description="One start year."),
    report_id: int | None = Query(None, description="Only activities of this report."),
    generated: str | None = Query(
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
