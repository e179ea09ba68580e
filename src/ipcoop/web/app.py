"""create_app(): the JSON API under /api/v1, the web pages, and the static files."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from importlib.resources import files

from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from starlette.types import ASGIApp

from ipcoop import __version__
from ipcoop.activities.api import router as activities_api
from ipcoop.db import get_engine
from ipcoop.parties.api import router as parties_api
from ipcoop.programmes.api import router as programmes_api
from ipcoop.reports.api import router as reports_api
from ipcoop.review import api as review_api
from ipcoop.review import web as review_web
from ipcoop.search.snippets import snippet
from ipcoop.stats.api import router as stats_api
from ipcoop.web import (
    apidocs,
    body_limit,
    caching,
    headers,
    i18n,
    labels,
    links,
    pages,
    party_pages,
    problems,
    programme_pages,
    report_pages,
)
from ipcoop.web.api_params import known_parameters

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


class App(FastAPI):
    """FastAPI with the security headers outside everything else, so that even the answer to
    an unhandled error carries them; inside them, request bodies bounded by the upload limit."""

    def build_middleware_stack(self) -> ASGIApp:
        bounded = body_limit.DeclaredLength(super().build_middleware_stack())
        return headers.SecurityHeaders(bounded)


def create_app(engine: Engine | None = None, *, lifespan: Lifespan | None = None) -> FastAPI:
    """The ipcoop web application on the given (or configured) database; ``lifespan`` runs
    around the server's life (``ipcoop.web.serving`` builds the search index in it)."""
    app = App(
        lifespan=lifespan,
        title="ipcoop",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # served from vendored files: ipcoop.web.apidocs
        redoc_url=None,
        description="An open registry of IP technical cooperation.",
        max_body_size=body_limit.limit(),  # a body sent without its length, counted (413)
    )
    app.state.engine = engine or get_engine()
    root = files("ipcoop") / "web"
    app.state.templates = Jinja2Templates(directory=str(root / "templates"))
    env = app.state.templates.env
    i18n.install_templates(env)
    labels.install(env)
    env.globals["version"] = __version__
    env.filters["snippet"] = snippet
    env.filters["external_link"] = links.external_link
    api = APIRouter(prefix="/api/v1", dependencies=[Depends(known_parameters)])
    api_routers = (
        activities_api,
        reports_api,
        review_api.router,
        parties_api,
        programmes_api,
        stats_api,
    )
    for router in api_routers:
        api.include_router(router)
    app.include_router(api)
    app.include_router(report_pages.router)
    app.include_router(pages.router)
    app.include_router(programme_pages.router)
    app.include_router(party_pages.router)
    app.include_router(review_web.router)
    app.include_router(apidocs.router)
    app.mount("/static", StaticFiles(directory=str(root / "static")), name="static")
    problems.install(app)
    problems.install_review(app)
    problems.document(app)
    caching.install(app)
    i18n.install(app)
    return app
