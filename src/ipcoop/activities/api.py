"""JSON API for activities: search with facets and cursor, one activity with evidence, exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from ipcoop import parameters
from ipcoop.activities import export
from ipcoop.activities.schemas import ActivityDetail, ActivityPagination
from ipcoop.activities.service import detail, get_activity, item
from ipcoop.db import session_scope
from ipcoop.dependencies import DbSession, activity_filters
from ipcoop.downloads import attachment
from ipcoop.parameters import RowId, one_of
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.service import FACETS, SORTS, SearchResult, facet_names, iterate, search

router = APIRouter(tags=["activities"])


def result_json(result: SearchResult) -> dict[str, Any]:
    """The one list shape: total, items, facets, next_cursor."""
    return {
        "total": result.total,
        "items": [item(a) for a in result.items],
        "facets": {
            name: [{"code": v.code, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "next_cursor": result.next_cursor,
    }


@router.get("/activities", response_model=ActivityPagination)
def list_activities(
    session: DbSession,
    filters: ActivityFilters = Depends(activity_filters),
    sort: str = Query(
        "date",
        description="relevance, date, -date or title.",
        pattern="^(" + "|".join(s.replace("-", "\\-") for s in SORTS) + ")$",
    ),
    cursor: str | None = parameters.cursor(),
    limit: int | None = Query(
        None, ge=1, le=500, description="Items per page (default: the page_size setting)."
    ),
    facet: list[Annotated[str, one_of((*FACETS, "none"), blank=True)]] = Query(
        [], description="Facets to count (repeat for several; none for no counts). Default: all."
    ),
) -> dict[str, Any]:
    """Activities matching every filter, with facet counts and the next page's cursor."""
    return result_json(
        search(
            session,
            filters,
            sort=sort,
            cursor=cursor,
            limit=limit,
            facets=facet_names(facet),
        )
    )


@router.get(
    "/activities.{fmt}",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The matching activities as a file to download.",
            "content": {export.MEDIA_TYPES[f].split(";")[0]: {} for f in export.STREAMED},
        }
    },
)
def export_activities(
    request: Request,
    fmt: Annotated[
        str,
        Path(pattern="^(" + "|".join(export.STREAMED) + ")$", description="csv, xlsx or jsonl."),
    ],
    filters: ActivityFilters = Depends(activity_filters),
) -> StreamingResponse:
    """Every matching activity as CSV (UTF-8 with BOM), XLSX or JSON Lines, streamed."""
    return export_response(
        request.app.state.engine, filters, fmt, base_url=str(request.base_url)
    )


@router.get("/activities/{activity_id}", response_model=ActivityDetail)
def read_activity(activity_id: RowId, session: DbSession) -> dict[str, Any]:
    """One activity with the source excerpt behind each value."""
    activity = get_activity(session, activity_id)
    if activity is None:
        raise HTTPException(404, f"No activity {activity_id}; search /api/v1/activities")
    return detail(session, activity)


def export_response(
    request_engine: Any, filters: ActivityFilters, fmt: str, base_url: str = ""
) -> StreamingResponse:
    """Stream a filtered set in one format (the session lives as long as the stream), named
    after its query, with links on this site."""
    about = export.About(params=tuple(filters.as_params()), base_url=base_url)

    def chunks() -> Iterator[bytes]:
        with session_scope(request_engine) as session:
            rows = iterate(session, filters, load=export.loader(fmt))
            if fmt == "csv":
                for chunk in export.csv_chunks(about.absolute(rows)):
                    yield chunk.encode("utf-8")
            elif fmt == "jsonl":
                for chunk in export.jsonl_chunks(rows):
                    yield chunk.encode("utf-8")
            else:
                import tempfile

                with tempfile.TemporaryFile() as tmp:
                    export.write_xlsx(rows, tmp, about)
                    tmp.seek(0)
                    while block := tmp.read(65536):
                        yield block

    headers = {"Content-Disposition": attachment(about.filename(fmt))}
    return StreamingResponse(chunks(), media_type=export.MEDIA_TYPES[fmt], headers=headers)
