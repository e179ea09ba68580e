"""The data revision: a number that changes whenever the searchable record changes.

Every connection that writes to a searchable table raises the number in the same transaction,
so a cache of the record (the in-memory activity index) knows it is stale from one tiny read.
Writers that bypass SQLAlchemy (bulk loaders on the raw driver) call ``bump`` themselves.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import BigInteger, Connection, Engine, Integer, event, text
from sqlalchemy.orm import Mapped, mapped_column

from ipcoop.db import Base

SEARCHABLE = frozenset({"activities", "activity_parties", "activity_tags", "reports"})
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
_BUMP = "UPDATE data_revision SET number = number + 1 WHERE id = 1"
_FLAG = "ipcoop_revision_bumped"


class DataRevision(Base):
    """One row: the revision number of the searchable record."""

    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, default=0)


def current(connection: Connection) -> int:
    """The revision number now."""
    return int(
        connection.execute(text("SELECT number FROM data_revision WHERE id = 1")).scalar_one()
    )


def bump(dbapi_connection: Any) -> None:
    """Raise the revision inside the caller's open transaction (raw driver connection)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(_BUMP)
    finally:
        cursor.close()


def _before_execute(
    conn: Connection, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    if conn.info.get(_FLAG):
        return
    match = _WRITE.match(statement)
    if match and match.group(1).lower() in SEARCHABLE:
        conn.info[_FLAG] = True
        bump(conn.connection.dbapi_connection)


def _transaction_ended(conn: Connection) -> None:
    conn.info.pop(_FLAG, None)


def watch(engine: Engine) -> None:
    """Raise the revision once in every transaction of ``engine`` that writes searchable rows."""
    event.listen(engine, "before_cursor_execute", _before_execute)
    for name in ("commit", "rollback"):
        event.listen(engine, name, _transaction_ended)
