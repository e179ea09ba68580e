"""The interactive API documentation (Swagger UI) from the vendored files in static/vendor:
nothing is fetched from another host, so it works offline; no inline script, so it runs under
a Content-Security-Policy that allows only the site's own scripts."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{css}">
<link rel="icon" href="{icon}">
</head>
<body>
<div id="swagger-ui" data-openapi="{openapi}"></div>
<script src="{bundle}"></script>
<script src="{init}"></script>
</body>
</html>
"""


@router.get("/api/v1/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI on /api/v1/openapi.json."""

    def static(name: str) -> str:
        return escape(request.url_for("static", path=name).path)

    return HTMLResponse(
        PAGE.format(
            title=escape(f"{request.app.title} API"),
            css=static("vendor/swagger-ui.css"),
            icon=static("vendor/swagger-ui-favicon-32x32.png"),
            openapi=escape(request.app.openapi_url or "/api/v1/openapi.json"),
            bundle=static("vendor/swagger-ui-bundle.js"),
            init=static("swagger-init.js"),
        )
    )
