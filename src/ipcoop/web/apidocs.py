"""The interactive API documentation (Swagger UI) from the vendored files in static/vendor:
nothing is fetched from another host, so it works offline."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@router.get("/api/v1/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI on /api/v1/openapi.json."""

    def static(name: str) -> str:
        return request.url_for("static", path=f"vendor/{name}").path

    return get_swagger_ui_html(
        openapi_url="/api/v1/openapi.json",
        title=f"{request.app.title} API",
        swagger_js_url=static("swagger-ui-bundle.js"),
        swagger_css_url=static("swagger-ui.css"),
        swagger_favicon_url=static("swagger-ui-favicon-32x32.png"),
        swagger_ui_parameters={"validatorUrl": None},
    )
