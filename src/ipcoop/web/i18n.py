"""The pages' language: English, French or Spanish, chosen by ``?lang=``, then the ``lang``
cookie, then the browser's ``Accept-Language``; the message catalogs read with Babel.

A ``?lang=`` choice is remembered in the cookie for a year, so the switch in the page header is
a plain link that works without JavaScript.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from importlib.resources import files
from io import BytesIO
from typing import Any
from urllib.parse import urlencode

from babel import Locale, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from fastapi import FastAPI, Request, Response
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

LANGUAGES = ("en", "fr", "es")
DEFAULT = "en"
COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600


@cache
def translations(lang: str) -> Translations:
    """The catalog of one language, compiled in memory from its committed .po file."""
    po = files("ipcoop") / "locale" / lang / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain="messages")


def accepted(header: str) -> list[str]:
    """The languages of an Accept-Language header, most wanted first (q=0 left out)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip().replace("-", "_")))
    return [tag for _, _, tag in sorted(ranked)]


def choose(query: str | None, cookie: str | None, accept_language: str) -> str:
    """The language of a request: an explicit choice, then the cookie, then the browser's."""
    for explicit in (query, cookie):
        if explicit and explicit.lower() in LANGUAGES:
            return explicit.lower()
    found = negotiate_locale(accepted(accept_language), list(LANGUAGES), sep="_")
    return found or DEFAULT


def language_of(request: Request) -> str:
    """The language chosen for this request (English outside a request through the middleware)."""
    return str(getattr(request.state, "lang", DEFAULT))


def gettext(lang: str, message: str) -> str:
    """One message in a language."""
    return str(translations(lang).gettext(message))


def _lang(context: Context) -> str:
    request = context.get("request")
    return language_of(request) if request is not None else DEFAULT


@pass_context
def _gettext(context: Context, message: str) -> str:
    return gettext(_lang(context), message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return str(translations(_lang(context)).ngettext(singular, plural, n))


def switch_links(request: Request) -> list[dict[str, Any]]:
    """The language switch: each language's own name and this page's URL in it."""
    current = language_of(request)
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("lang", "cursor")]
    return [
        {
            "code": code,
            "name": str(Locale.parse(code).get_display_name(code)).capitalize(),
            "url": request.url.path + "?" + urlencode([*kept, ("lang", code)]),
            "current": code == current,
        }
        for code in LANGUAGES
    ]


def install_templates(env: Environment) -> None:
    """Translations of the request's language in every template, and the switch's links."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["language_switch"] = switch_links
    env.globals["language_of"] = language_of


def install(app: FastAPI) -> None:
    """Choose each request's language; remember an explicit choice; say which one a page is in."""

    @app.middleware("http")
    async def language(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        asked = request.query_params.get("lang")
        request.state.lang = choose(
            asked, request.cookies.get(COOKIE), request.headers.get("accept-language", "")
        )
        response = await call_next(request)
        if request.url.path.startswith(("/api/", "/static/")):
            return response
        response.headers["Content-Language"] = request.state.lang
        response.headers["Vary"] = "Accept-Language, Cookie"
        if asked and asked.lower() in LANGUAGES:
            response.set_cookie(
                COOKIE, request.state.lang, max_age=COOKIE_AGE, samesite="lax", httponly=True
            )
        return response
