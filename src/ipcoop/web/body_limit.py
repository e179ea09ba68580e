"""Request bodies bounded by the upload limit, answered by ``problems.too_large`` (a problem
document or a page, with what to do), nothing spooled to disk or kept.

Two halves: a body declared larger (Content-Length) is refused here before a byte of it is
read; one sent without its length is counted as it arrives by FastAPI's own limit
(``max_body_size``, set to the same figure by ``App``), whose 413 reaches the same handler.
Starlette would answer the first case in plain text, which is why it is caught first here."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from ipcoop.config import get_settings
from ipcoop.web.problems import too_large

# what a form may carry besides its file: the other fields and the multipart framing
FORM_ALLOWANCE = 64 * 1024


def limit() -> int:
    """The largest request body taken, in bytes."""
    return get_settings().max_upload_bytes + FORM_ALLOWANCE


class DeclaredLength:
    """ASGI middleware refusing a request whose declared body is over ``limit()`` bytes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.limit = limit()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = _declared_length(scope) if scope["type"] == "http" else None
        if declared is not None and declared > self.limit:
            await too_large(Request(scope))(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
