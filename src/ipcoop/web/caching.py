"""Conditional GETs for the published record: an ETag made of the version and data revision.

Every answer of the API depends only on its URL, the code and the data, so a client that sends
back the ETag it was given gets 304 Not Modified until something is ingested or changed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from ipcoop import __version__
from ipcoop.db import current_revision


def _tag(engine: Engine) -> str:
    with engine.connect() as connection:
        return f'W/"{__version__}-{current_revision(connection)}"'


def install(app: FastAPI) -> None:
    """Answer GETs under /api/ with an ETag, and with 304 when the client already has it."""

    @app.middleware("http")
    async def conditional(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.method != "GET" or not request.url.path.startswith("/api/"):
            return await call_next(request)
        tag = await run_in_threadpool(_tag, request.app.state.engine)
        headers = {"ETag": tag, "Cache-Control": "no-cache"}
        sent = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
        if tag in sent or "*" in sent:
            return Response(status_code=304, headers=headers)
        response = await call_next(request)
        if response.status_code == 200:
            response.headers.update(headers)
        return response
