"""Accounts: add, list, disable; API tokens; password sign-in with throttling; web sessions."""

from __future__ import annotations

import datetime as dt
import secrets as random
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ipcoop.parties.models import Party
from ipcoop.review import secrets
from ipcoop.review.models import Account, ApiToken, LoginFailure, WebSession, utcnow
from ipcoop.review.permissions import Actor
from ipcoop.review.states import Role

SESSION_LIFETIME = dt.timedelta(hours=12)
# at most this many failed sign-ins per email (and per address) in the window
FAILURES_ALLOWED = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)


class AccountError(ValueError):
    """A request about accounts that cannot be met (unknown party, taken email ...)."""


class Throttled(Exception):
    """Too many failed sign-ins lately."""


def actor_of(account: Account) -> Actor:
    """The permission subject of an account."""
    return Actor(account.id, account.email, account.role, account.party_code)


def _normal(email: str) -> str:
    return email.strip().lower()


def add_user(
    session: Session, email: str, role: str, party: str | None = None, password: str | None = None
) -> tuple[Account, str]:
    """A new account and its password (generated when none is given)."""
    email = _normal(email)
    if "@" not in email:
        raise AccountError(f"{email!r} is not an email address")
    if role not in tuple(Role):
        raise AccountError(f"role {role!r}: one of {', '.join(Role)}")
    if role == Role.REPORTER and not party:
        raise AccountError("a reporter reports for one party: give --party CODE")
    if party is not None:
        party = party.strip().upper()
        if session.get(Party, party) is None:
            raise AccountError(f"no party {party!r}; `ipcoop parties` lists the codes")
    if session.scalar(select(Account.id).where(Account.email == email)) is not None:
        raise AccountError(f"an account for {email} exists already")
    password = password or secrets.generate_password()
    account = Account(
        email=email, password_hash=secrets.hash_password(password), role=role, party_code=party
    )
    session.add(account)
    session.flush()
    return account, password


def list_users(session: Session) -> list[Account]:
    """Every account, by email."""
    return list(session.scalars(select(Account).order_by(Account.email)))


def find(session: Session, email: str) -> Account:
    """The account with this email; AccountError when there is none."""
    account = session.scalar(select(Account).where(Account.email == _normal(email)))
    if account is None:
        raise AccountError(f"no account {email!r}")
    return account


def disable_user(session: Session, email: str) -> Account:
    """Disable an account: its sessions end and its tokens stop working."""
    account = find(session, email)
    account.active = False
    session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    return account


def create_token(session: Session, email: str) -> tuple[ApiToken, str]:
    """A new API token for the account; the token itself is returned once and never stored."""
    account = find(session, email)
    if not account.active:
        raise AccountError(f"{account.email} is disabled")
    token = secrets.generate_token()
    row = ApiToken(account_id=account.id, prefix=token[:10], token_hash=secrets.digest(token))
    session.add(row)
    session.flush()
    return row, token


def revoke_token(session: Session, token_or_prefix: str) -> int:
    """Revoke a token, given whole or by its printed prefix; the number revoked."""
    found = list(
        session.scalars(
            select(ApiToken).where(
                (ApiToken.token_hash == secrets.digest(token_or_prefix))
                | (ApiToken.prefix == token_or_prefix[:10]),
                ApiToken.revoked_at.is_(None),
            )
        )
    )
    for row in found:
        row.revoked_at = utcnow()
    return len(found)


def by_token(session: Session, token: str) -> Account | None:
    """The active account of a valid, unrevoked API token."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == secrets.digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    account = session.get(Account, row.account_id)
    if account is None or not account.active:
        return None
    row.last_used_at = utcnow()
    return account


def _recent_failures(session: Session, email: str, address: str | None) -> int:
    since = utcnow() - FAILURE_WINDOW
    by_email = session.scalar(
        select(func.count(LoginFailure.id)).where(
            LoginFailure.email == email, LoginFailure.at >= since
        )
    )
    by_address = 0
    if address:
        by_address = (
            session.scalar(
                select(func.count(LoginFailure.id)).where(
                    LoginFailure.address == address, LoginFailure.at >= since
                )
            )
            or 0
        )
        by_address //= 4  # an office behind one address: a few people may mistype
    return max(by_email or 0, by_address)


def sign_in(session: Session, email: str, password: str, address: str | None) -> Account | None:
    """The account when the password is right; None when not (the failure is kept); Throttled
    when there were too many failures lately, whatever the password."""
    email = _normal(email)
    if _recent_failures(session, email, address) >= FAILURES_ALLOWED:
        raise Throttled(
            f"too many failed sign-ins; try again in {FAILURE_WINDOW.seconds // 60} min"
        )
    account = session.scalar(select(Account).where(Account.email == email))
    if account is None:
        secrets.dummy_verify()
    if (
        account is None
        or not account.active
        or not secrets.verify_password(account.password_hash, password)
    ):
        session.add(LoginFailure(email=email[:320], address=address))
        return None
    return account


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just opened: the key for the cookie (shown once) and its CSRF token."""

    key: str
    csrf_token: str


def open_session(session: Session, account: Account) -> NewSession:
    """A web session for a signed-in account."""
    key = random.token_urlsafe(32)
    csrf = random.token_urlsafe(32)
    session.add(
        WebSession(
            key_hash=secrets.digest(key),
            account_id=account.id,
            csrf_token=csrf,
            expires_at=utcnow() + SESSION_LIFETIME,
        )
    )
    return NewSession(key, csrf)


def by_session(session: Session, key: str) -> tuple[Account, WebSession] | None:
    """The active account and the session row of a live session key."""
    row = session.scalar(select(WebSession).where(WebSession.key_hash == secrets.digest(key)))
    if row is None or row.expires_at < utcnow():
        return None
    account = session.get(Account, row.account_id)
    if account is None or not account.active:
        return None
    return account, row


def close_session(session: Session, key: str) -> None:
    """Sign out: the session row goes."""
    session.execute(delete(WebSession).where(WebSession.key_hash == secrets.digest(key)))
