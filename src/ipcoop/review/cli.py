"""`ipcoop users add|list|disable` and `ipcoop tokens create|revoke`."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

users_app = typer.Typer(help="Accounts: reporters, curators, admins.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens (bearer), shown once.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)


def _session_scope() -> AbstractContextManager[Session]:
    from ipcoop.db import get_engine, session_scope
    from ipcoop.migrate import upgrade

    engine = get_engine()
    upgrade(engine)
    return session_scope(engine)


def _fail(error: Exception) -> typer.Exit:
    errors.print(f"[red]{error}[/red]")
    return typer.Exit(2)


@users_app.command("add")
def users_add(
    email: Annotated[str, typer.Argument(help="The person's email: their sign-in name.")],
    role: Annotated[str, typer.Option(help="reporter, curator or admin.")],
    party: Annotated[str | None, typer.Option(help="A reporter's party code (CHE).")] = None,
    password: Annotated[
        str | None, typer.Option(help="The password; one is generated and printed when absent.")
    ] = None,
) -> None:
    """Add an account."""
    from ipcoop.review import accounts

    try:
        with _session_scope() as session:
            account, chosen = accounts.add_user(session, email, role, party, password)
            party_label = f", {account.party_code}" if account.party_code else ""
            label = f"{account.email} ({account.role}{party_label})"
    except accounts.AccountError as error:
        raise _fail(error) from None
    console.print(f"Added {label}")
    if password is None:
        console.print(f"Password (shown once): {chosen}", soft_wrap=True)


@users_app.command("list")
def users_list() -> None:
    """Every account."""
    from ipcoop.review import accounts

    table = Table("email", "role", "party", "active", "created")
    with _session_scope() as session:
        for a in accounts.list_users(session):
            table.add_row(
                a.email,
                a.role,
                a.party_code or "",
                "yes" if a.active else "no",
                a.created_at.isoformat(timespec="minutes"),
            )
    console.print(table)


@users_app.command("disable")
def users_disable(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Disable an account (its sessions end, its tokens stop working; nothing is deleted)."""
    from ipcoop.review import accounts

    try:
        with _session_scope() as session:
            accounts.disable_user(session, email)
    except accounts.AccountError as error:
        raise _fail(error) from None
    console.print(f"Disabled {email}")


@tokens_app.command("create")
def tokens_create(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Create an API token; it is printed once (only its hash is kept)."""
    from ipcoop.review import accounts

    try:
        with _session_scope() as session:
            _row, token = accounts.create_token(session, email)
    except accounts.AccountError as error:
        raise _fail(error) from None
    # the token alone on stdout, so that scripts can capture it
    print(token)
    errors.print("Keep this token: it is not shown again. Revoke it with `ipcoop tokens revoke`.")


@tokens_app.command("revoke")
def tokens_revoke(
    token: Annotated[str, typer.Argument(help="The token, or its first 10 characters.")],
) -> None:
    """Revoke an API token."""
    from ipcoop.review import accounts

    with _session_scope() as session:
        count = accounts.revoke_token(session, token)
    if not count:
        errors.print("[red]No such active token[/red]")
        raise typer.Exit(2)
    console.print(f"Revoked {count} token(s)")
