"""Engine, declarative Base, session scope and the data revision. No engine is created at import.

The data revision is a number that changes whenever the searchable record changes. Every
connection that writes to a searchable table raises the number in the same transaction, so a
cache of the record (the in-memory activity index) knows it is stale from one tiny read.
Writers that bypass SQLAlchemy (bulk loaders on the raw driver) call ``bump_revision`` themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Connection, Engine, Integer, MetaData, create_engine, event, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from ipcoop.config import get_settings

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every ipcoop table."""

    metadata = MetaData(naming_convention=NAMING)


# the largest value an INTEGER column (ids, counts, versions) holds on both databases: ids and
# numbers from outside are bounded by it at the edge (ipcoop.parameters, the request bodies)
INTEGER_MAX = 2**31 - 1

SEARCHABLE = frozenset({"activities", "activity_parties", "activity_tags", "reports"})
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
_BUMP = "UPDATE data_revision SET number = number + 1 WHERE id = 1"
_FLAG = "ipcoop_revision_bumped"
_PUBLIC = "ipcoop_revision_public"
_TOUCHED = "ipcoop_revision_reports"


class DataRevision(Base):
    """One row: the revision number of the searchable record."""

    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, default=0)


class PublicChange(Base):
    """A report that the public change at one revision touched (published, withdrawn,
    superseded): a reader's index at an earlier revision reads only those reports again when
    every revision since its own is listed here."""

    __tablename__ = "public_changes"

    revision: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer, primary_key=True)


def current_revision(connection: Connection) -> int:
    """The revision number now."""
    return int(
        connection.execute(text("SELECT number FROM data_revision WHERE id = 1")).scalar_one()
    )


def bump_revision(dbapi_connection: Any) -> None:
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
        bump_revision(conn.connection.dbapi_connection)


def private_writes(connection: Connection) -> None:
    """Declare that this transaction writes only records readers do not see (drafts in review):
    the revision stays, so no reader's index is rebuilt for it. Ends with the transaction."""
    connection.info[_FLAG] = True


def public_writes(connection: Connection, *report_ids: int) -> None:
    """Declare that this transaction changes the public record (a publication) of these
    reports, and only of these: the revision moves once, even after ``private_writes`` earlier
    in the same transaction, and ``public_changes`` names the reports at the new revision (call
    it again for each report the transaction touches).

    Moving the revision takes its row's lock, so on PostgreSQL public changes are one at a time
    and each sees the one before it committed (the symbol numbering counts on this)."""
    if not connection.info.get(_PUBLIC):
        bump_revision(connection.connection.dbapi_connection)
        connection.info[_PUBLIC] = current_revision(connection)
        connection.info[_TOUCHED] = set()
    connection.info[_FLAG] = True
    touched: set[int] = connection.info[_TOUCHED]
    for report_id in sorted(set(report_ids) - touched):
        connection.execute(
            text("INSERT INTO public_changes (revision, report_id) VALUES (:revision, :report)"),
            {"revision": connection.info[_PUBLIC], "report": report_id},
        )
        touched.add(report_id)


def changed_reports(connection: Connection, since: int, until: int) -> set[int] | None:
    """The reports the public changes after revision ``since`` up to ``until`` touched; None
    when some revision in between is not listed (a bulk ingest, a deletion): everything may
    have changed."""
    rows = connection.execute(
        text(
            "SELECT revision, report_id FROM public_changes "
            "WHERE revision > :since AND revision <= :until"
        ),
        {"since": since, "until": until},
    ).all()
    if {revision for revision, _ in rows} != set(range(since + 1, until + 1)):
        return None
    return {report_id for _, report_id in rows}


def _transaction_ended(conn: Connection) -> None:
    for key in (_PUBLIC, _FLAG, _TOUCHED):
        conn.info.pop(key, None)


def watch_revision(engine: Engine) -> None:
    """Raise the revision once in every transaction of ``engine`` that writes searchable rows."""
    event.listen(engine, "before_cursor_execute", _before_execute)
    for name in ("commit", "rollback"):
        event.listen(engine, name, _transaction_ended)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL (SQLite tuned for one writer and many readers) whose writes to the
    searchable record raise the data revision."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    watch_revision(engine)
    return engine


@cache
def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for the configured (or given) database."""
    return make_engine(url or get_settings().resolved_database_url())


@cache
def _factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session = _factory(engine or get_engine())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
