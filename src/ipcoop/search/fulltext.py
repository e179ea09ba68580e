"""Full-text search over activities and reports: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Every difference between the two databases' full-text machinery lives in this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

_WORD = re.compile(r"[\w][\w'-]*", re.UNICODE)

SQLITE_DDL = [
    """CREATE VIRTUAL TABLE activities_fts USING fts5(
        title, description, outputs, content='activities', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER activities_fts_ai AFTER INSERT ON activities BEGIN
        INSERT INTO activities_fts(rowid, title, description, outputs)
        VALUES (new.id, new.title, new.description, new.outputs); END""",
    """CREATE TRIGGER activities_fts_ad AFTER DELETE ON activities BEGIN
        INSERT INTO activities_fts(activities_fts, rowid, title, description, outputs)
        VALUES ('delete', old.id, old.title, old.description, old.outputs); END""",
    """CREATE TRIGGER activities_fts_au AFTER UPDATE ON activities BEGIN
        INSERT INTO activities_fts(activities_fts, rowid, title, description, outputs)
        VALUES ('delete', old.id, old.title, old.description, old.outputs);
        INSERT INTO activities_fts(rowid, title, description, outputs)
        VALUES (new.id, new.title, new.description, new.outputs); END""",
    """CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, text, content='reports', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER reports_fts_au AFTER UPDATE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]

SQLITE_DROP = [
    "DROP TABLE IF EXISTS activities_fts",
    "DROP TABLE IF EXISTS reports_fts",
]

POSTGRES_DDL = [
    """ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(outputs, '')), 'C')) STORED""",
    "CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector)",
    """ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX ix_reports_search_vector ON reports USING gin (search_vector)",
]

POSTGRES_DROP = [
    "DROP INDEX IF EXISTS ix_activities_search_vector",
    "ALTER TABLE activities DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS ix_reports_search_vector",
    "ALTER TABLE reports DROP COLUMN IF EXISTS search_vector",
]


def create(connection: Connection) -> None:
    """Create the full-text index for this connection's database (called by the migration)."""
    for statement in _ddl(connection.dialect.name, drop=False):
        connection.execute(text(statement))


def drop(connection: Connection) -> None:
    """Drop the full-text index (migration downgrade)."""
    for statement in _ddl(connection.dialect.name, drop=True):
        connection.execute(text(statement))


def _ddl(dialect: str, *, drop: bool) -> list[str]:
    if dialect == "sqlite":
        return SQLITE_DROP if drop else SQLITE_DDL
    if dialect == "postgresql":
        return POSTGRES_DROP if drop else POSTGRES_DDL
    raise ValueError(f"full-text search is not available on {dialect}; use SQLite or PostgreSQL")


def words(query: str) -> list[str]:
    """The words of a user query (punctuation and operators dropped)."""
    return _WORD.findall(query)


@dataclass(frozen=True)
class FullText:
    """Matches a user query against activities or reports; one implementation per database."""

    dialect: str

    @classmethod
    def for_engine(cls, engine: Engine | Connection) -> FullText:
        """The full-text backend of an engine's database."""
        return cls(engine.dialect.name)

    def ids(
        self, connection: Connection, table: str, query: str, *, ranked: bool
    ) -> list[int] | None:
        """Ids of the rows of ``table`` matching every word of the query (best first, then by
        id, when ``ranked``); None when the query has no words.

        Read on the driver's cursor: a common word matches tens of thousands of activities in a
        million, and result rows would cost more than the match.
        """
        terms = words(query)
        if not terms:
            return None
        if self.dialect == "sqlite":
            fts = f"{table}_fts"
            sql = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?"
            if ranked:  # FTS5's rank is bm25(): lower is better
                sql += " ORDER BY rank, rowid"
            params: tuple[str, ...] = (" ".join('"' + t.replace('"', "") + '"' for t in terms),)
        else:
            matched = "plainto_tsquery('english', %s)"
            sql = f"SELECT id FROM {table} WHERE search_vector @@ {matched}"
            params = (" ".join(terms),)
            if ranked:
                sql += f" ORDER BY ts_rank(search_vector, {matched}) DESC, id"
                params *= 2
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.close()
