"""Errors as application/problem+json (API) or a plain page (HTML), with an actionable message;
and the same errors in the OpenAPI document, on every operation that can answer them."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.routing import Match

from ipcoop.config import get_settings
from ipcoop.search.filters import FilterError
from ipcoop.search.service import CursorError
from ipcoop.web.api_params import UnknownParameters

PROBLEM = "application/problem+json"


class Problem(BaseModel):
    """An error (RFC 9457): what went wrong and what to do; a 422 names each wrong field."""

    model_config = ConfigDict(extra="allow")

    type: str = Field("about:blank")
    title: str
    status: int
    detail: str
    errors: list[dict[str, str]] | None = Field(
        None, description="Each wrong field by its name, with what is wrong with it."
    )


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: object,
) -> Response:
    """A problem document for API paths, a small error page elsewhere."""
    if request.url.path.startswith("/api/"):
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
        return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"title": title, "detail": detail},
        status_code=status,
        headers=headers,
    )


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (GET and PATCH /reports/{id} are two)."""
    return ", ".join(
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in request.app.router.routes
        )
    )


def too_large(request: Request) -> Response:
    """A request body over the upload limit: refused before it was read, nothing stored."""
    limit = get_settings().max_upload_bytes
    return problem(
        request,
        413,
        "File too large",
        f"A document may be at most {limit / 1024 / 1024:,.0f} MB ({limit:,} bytes); nothing was "
        "read or stored. Send a smaller file (split a long report into parts), or ask the "
        "administrator to raise IPCOOP_MAX_UPLOAD_BYTES.",
        limit=limit,
    )


def _message(error: dict[str, Any]) -> str:
    """Pydantic's message with the value that was given (a missing value has none)."""
    if error.get("type") == "missing":
        return str(error["msg"])
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float | bool) else None
    return f"{error['msg']} (got {shown[:80]})" if shown else str(error["msg"])


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
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {_message(e)}" for e in error.errors()]
        # each wrong field by its name in the body or query (ipcoop.review shows them on forms)
        fields = [
            {"field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": m}
            for e in error.errors()
            for m in [_message(e)]
        ]
        detail = "; ".join(parts)
        errors = error.errors()
        if len(errors) == 1 and errors[0]["loc"][0] in ("query", "path"):
            # one parameter wrong: named as a filter's FilterError names it
            name, value = str(errors[0]["loc"][-1]), errors[0].get("input")
            return problem(
                request, 422, "Invalid request", detail, errors=fields, param=name, value=value
            )
        return problem(request, 422, "Invalid request", detail, errors=fields)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> Response:
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        if error.status_code == 413:
            return too_large(request)
        return problem(
            request, error.status_code, str(error.detail), str(error.detail), headers or None
        )


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
    for error_class, status, title in statuses:

        async def _handler(
            request: Request, error: Exception, status: int = status, title: str = title
        ) -> Response:
            return problem(request, status, title, str(error))

        app.add_exception_handler(error_class, _handler)

    @app.exception_handler(SymbolTaken)
    async def _taken(request: Request, error: SymbolTaken) -> Response:
        fields = [{"field": "symbol", "message": str(error)}]
        return problem(request, 409, "Symbol already taken", str(error), errors=fields)

    @app.exception_handler(Invalid)
    async def _invalid(request: Request, error: Invalid) -> Response:
        fields = [{"field": p.field, "message": p.message} for p in error.problems]
        if error.conflicting:
            return problem(request, 409, "Conflicts with the report", str(error), errors=fields)
        return problem(request, 422, "Invalid fields", str(error), errors=fields)


def _statuses(method: str, operation: dict[str, Any]) -> dict[int, str]:
    """The errors an API operation can answer, from what it takes."""
    out = {422: "A parameter or field is not valid: the problem names it and quotes the value."}
    if operation.get("security") or any(
        p["in"] == "path" for p in operation.get("parameters", [])
    ):
        out[404] = "No such record (or not one the caller may see)."
    if operation.get("security"):
        out[401] = "The bearer token is not valid (revoked, or its account disabled)."
        out[403] = "The caller may not do this (a reporter of another party, not a curator...)."
        if method != "get":
            out[409] = "Changed by someone else since it was read, or not in a state for this."
    if "requestBody" in operation:
        out[400] = "The body cannot be parsed."
        out[413] = "The body is over the upload limit (IPCOOP_MAX_UPLOAD_BYTES): refused unread."
    return out


def document(app: FastAPI) -> None:
    """Every API operation's OpenAPI responses carry the problems it can answer, each as
    application/problem+json with the Problem schema (FastAPI's own 422 shape is replaced);
    the bearer token is optional where it is asked for (anonymous callers read published
    records, and are refused the rest with a 403)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = Problem.model_json_schema()
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        reference = {"schema": {"$ref": "#/components/schemas/Problem"}}
        for path in schema["paths"].values():
            for method, operation in path.items():
                for status, description in _statuses(method, operation).items():
                    operation["responses"][str(status)] = {
                        "description": description,
                        "content": {PROBLEM: reference},
                    }
                if operation.get("security"):
                    operation["security"].append({})
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
