"""Errors as application/problem+json (API) or a plain page (HTML), with an actionable message."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ipcoop.search.filters import FilterError
from ipcoop.search.service import CursorError
from ipcoop.web.api_params import UnknownParameters


def problem(request: Request, status: int, title: str, detail: str, **extra: object) -> Response:
    """A problem document for API paths, a small error page elsewhere."""
    if request.url.path.startswith("/api/"):
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
        return JSONResponse(body, status_code=status, media_type="application/problem+json")
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "detail": detail}, status_code=status
    )


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""

    @app.exception_handler(FilterError)
    async def _filter(request: Request, error: FilterError) -> Response:
        return problem(
            request, 422, "Unknown filter value", str(error), param=error.param, value=error.value
        )

    @app.exception_handler(UnknownParameters)
    async def _unknown(request: Request, error: UnknownParameters) -> Response:
        return problem(
            request,
            422,
            "Unknown query parameter",
            str(error),
            unknown=error.unknown,
            known=error.known,
        )

    @app.exception_handler(CursorError)
    async def _cursor(request: Request, error: CursorError) -> Response:
        return problem(request, 422, "Invalid cursor", str(error))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> Response:
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        # each wrong field by its name in the body or query (ipcoop.review shows them on forms)
        fields = [
            {"field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": m}
            for e in error.errors()
            for m in [e["msg"]]
        ]
        return problem(request, 422, "Invalid request", "; ".join(parts), errors=fields)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> Response:
        return problem(request, error.status_code, str(error.detail), str(error.detail))


def install_review(app: FastAPI) -> None:
    """The submission workflow's denials, conflicts and invalid fields (ipcoop.review)."""
    from ipcoop.ingest.pipeline import IngestError
    from ipcoop.review.accounts import Throttled
    from ipcoop.review.activities import Invalid
    from ipcoop.review.permissions import Forbidden, NotFound
    from ipcoop.review.service import Conflict, SymbolTaken

    statuses: list[tuple[type[Exception], int, str]] = [
        (NotFound, 404, "Not found"),
        (Forbidden, 403, "Not allowed"),
        (Conflict, 409, "Changed by someone else"),
        (IngestError, 422, "The file cannot be read"),
        (Throttled, 429, "Too many attempts"),
    ]
    for kind, status, title in statuses:

        async def _handler(
            request: Request, error: Exception, status: int = status, title: str = title
        ) -> Response:
            return problem(request, status, title, str(error))

        app.add_exception_handler(kind, _handler)

    @app.exception_handler(SymbolTaken)
    async def _taken(request: Request, error: SymbolTaken) -> Response:
        fields = [{"field": "symbol", "message": str(error)}]
        return problem(request, 409, "Symbol already taken", str(error), errors=fields)

    @app.exception_handler(Invalid)
    async def _invalid(request: Request, error: Invalid) -> Response:
        fields = [{"field": p.field, "message": p.message} for p in error.problems]
        return problem(request, 422, "Invalid fields", str(error), errors=fields)
