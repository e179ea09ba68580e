"""The security headers on every response the app sends: pages, the API, static files and
errors, the unhandled ones included (docs/security.md, "Response headers").

The policy lets a page run and style only what the site itself serves: no inline script, no
inline style, nothing from another host, no framing. The vendored charts run Vega's expression
interpreter (``ast: true`` in static/charts.js), so no ``'unsafe-eval'`` is needed.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

EVERY_RESPONSE = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

# an original document is someone else's file: never run or styled on this origin, even when
# a browser is told to open it (the response is also a download: ipcoop.downloads.attachment)
UNTRUSTED_FILE = {"Content-Security-Policy": "default-src 'none'; sandbox"}


class SecurityHeaders:
    """ASGI middleware adding EVERY_RESPONSE's headers that a response does not set itself
    (an original's stricter policy stays)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(raw=message["headers"])
                for name, value in EVERY_RESPONSE.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
