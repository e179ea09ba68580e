"""Full-text search over activities and reports: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Every difference between the two databases' full-text machinery lives in this module.
Both fold accents: FTS5's tokenizer removes diacritics (``remove_diacritics 2``) and PostgreSQL's
``ipcoop_folded`` configuration is English with ``unaccent`` before stemming (migration
0006), so "contrefaçon" and "contrefacon" are one word. A query that is a taxonomy keyword
in any of the three languages also finds the activities tagged with that term
(``ipcoop.search.crosslang``). Neither database sees a query's stop words
(``ipcoop.search.stopwords``), so both match the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, union

from ipcoop.activities.models import Activity, ActivityTag
from ipcoop.search.crosslang import expand
from ipcoop.search.stopwords import searched_words

CONFIG = "ipcoop_folded"  # PostgreSQL's text search configuration (migration 0006)


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
        terms = searched_words(query)
        if not terms:
            return None
        if self.dialect == "sqlite":
            fts = f"{table}_fts"
            sql = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?"
            if ranked:  # FTS5's rank is bm25(): lower is better
                sql += " ORDER BY rank, rowid"
            params: tuple[str, ...] = (" ".join('"' + t.replace('"', "") + '"' for t in terms),)
        else:
            matched = f"plainto_tsquery('{CONFIG}', %s)"
            sql = f"SELECT id FROM {table} WHERE search_vector @@ {matched}"
            params = (" ".join(terms),)
            if ranked:
                sql += f" ORDER BY ts_rank(search_vector, {matched}) DESC, id"
                params *= 2
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            found = [row[0] for row in cursor.fetchall()]
        finally:
            cursor.close()
        if table == "activities":
            found += tagged(connection, query, exclude=set(found))
        return found


def tagged(connection: Connection, query: str, *, exclude: set[int]) -> list[int]:
    """Ids of the activities tagged with a term the whole query is a keyword of (in any of
    the three languages), by id, those in ``exclude`` left out."""
    terms = expand(query)
    if not terms:
        return []
    parts = []
    for vocabulary, codes in (("topic", terms.topics), ("audience", terms.audiences)):
        if codes:
            parts.append(
                select(ActivityTag.activity_id).where(
                    ActivityTag.vocabulary == vocabulary, ActivityTag.code.in_(codes)
                )
            )
    if terms.types:
        parts.append(select(Activity.id).where(Activity.type.in_(terms.types)))
    ids = sorted({row[0] for row in connection.execute(union(*parts))})
    return [i for i in ids if i not in exclude]
