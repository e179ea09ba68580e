"""Who is asking: a bearer token (API) or a signed session cookie (pages); CSRF for forms."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets as random
from functools import cache
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from ipcoop.dependencies import DbSession
from ipcoop.review import accounts
from ipcoop.review.models import Account, WebSession
from ipcoop.review.permissions import ANONYMOUS, Actor

SESSION_COOKIE = "ipcoop_session"
CSRF_COOKIE = "ipcoop_csrf"
CSRF_FIELD = "csrf_token"


@cache
def secret_key() -> bytes:
    """The key that signs cookies: IPCOOP_SECRET_KEY, else one per process (sessions then end
    when the server restarts; several workers need the variable)."""
    configured = os.environ.get("IPCOOP_SECRET_KEY", "")
    return configured.encode() if configured else random.token_bytes(32)


def sign(value: str) -> str:
    """``value.signature``."""
    mac = hmac.new(secret_key(), value.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{value}.{mac}"


def unsign(signed: str | None) -> str | None:
    """The value of a signed string, or None when the signature is wrong."""
    if not signed or "." not in signed:
        return None
    value, _mac = signed.rsplit(".", 1)
    return value if hmac.compare_digest(sign(value), signed) else None


BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token (`ipcoop tokens create`); without one, the caller is anonymous.",
)


def api_actor(
    request: Request,
    session: DbSession,
    _declared: HTTPAuthorizationCredentials | None = Security(BEARER),
) -> Actor:
    """The API's caller: the account of an ``Authorization: Bearer`` token, else anonymous.
    A token that is wrong, revoked or of a disabled account is a 401. (``_declared`` puts the
    scheme in the OpenAPI document; the header is read here, so another scheme is a 401 too.)"""
    header = request.headers.get("authorization", "")
    if not header:
        return ANONYMOUS
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "use Authorization: Bearer <token> (ipcoop tokens create)")
    account = accounts.by_token(session, token.strip())
    if account is None:
        raise HTTPException(401, "this token is not valid (revoked, or its account disabled)")
    return accounts.actor_of(account)


def page_actor(request: Request, session: DbSession) -> Actor:
    """The signed-in person of a page request, else anonymous."""
    found = _signed_in(request, session)
    return accounts.actor_of(found[0]) if found else ANONYMOUS


# who calls a handler: ``actor: ApiActor`` on the API, ``actor: PageActor`` on the pages
ApiActor = Annotated[Actor, Depends(api_actor)]
PageActor = Annotated[Actor, Depends(page_actor)]


def _signed_in(request: Request, session: Session) -> tuple[Account, WebSession] | None:
    key = unsign(request.cookies.get(SESSION_COOKIE))
    return accounts.by_session(session, key) if key else None


def csrf_token(request: Request, session: Session) -> str:
    """The token a form of this request must carry: the session's, or (signed out) the one in
    the CSRF cookie (``ensure_csrf_cookie`` sets it)."""
    found = _signed_in(request, session)
    if found:
        return found[1].csrf_token
    return (
        request.state.csrf_cookie
        if hasattr(request.state, "csrf_cookie")
        else (unsign(request.cookies.get(CSRF_COOKIE)) or "")
    )


def ensure_csrf_cookie(request: Request) -> str | None:
    """A new signed-out CSRF value when the browser has none (the caller sets the cookie)."""
    if unsign(request.cookies.get(CSRF_COOKIE)):
        return None
    value = random.token_urlsafe(24)
    request.state.csrf_cookie = value
    return value


def check_csrf(request: Request, session: Session, given: str | None) -> None:
    """Refuse (403) a form whose token is not this browser's."""
    expected = csrf_token(request, session)
    if not expected or not given or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "the form expired or did not come from this site; reload it")


def same_site_form(
    request: Request, session: DbSession, token: str = Form("", alias=CSRF_FIELD)
) -> None:
    """A dependency of the pages' form handlers: the form's CSRF token checked (403 when it is
    not this browser's) before the handler runs."""
    check_csrf(request, session, token)


# ``@router.post(..., dependencies=SAME_SITE_FORM)``
SAME_SITE_FORM = [Depends(same_site_form)]
