"""full-text search folds accents on PostgreSQL

"contrefaçon" and "contrefacon" are one word: the text search configuration ``ipcoop_folded``
is English with ``unaccent`` before the stemmer, and the search vectors are rebuilt with it.
SQLite's FTS5 tables already fold accents (``remove_diacritics 2``, migration 0001), so this
revision changes nothing there.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _vectors(config: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS ix_activities_search_vector",
        "ALTER TABLE activities DROP COLUMN IF EXISTS search_vector",
        f"""ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{config}', coalesce(title, '')), 'A') ||
            setweight(to_tsvector('{config}', coalesce(description, '')), 'B') ||
            setweight(to_tsvector('{config}', coalesce(outputs, '')), 'C')) STORED""",
        "CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector)",
        "DROP INDEX IF EXISTS ix_reports_search_vector",
        "ALTER TABLE reports DROP COLUMN IF EXISTS search_vector",
        f"""ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{config}', coalesce(title, '')), 'A') ||
            setweight(to_tsvector('{config}', coalesce(text, '')), 'B')) STORED""",
        "CREATE INDEX ix_reports_search_vector ON reports USING gin (search_vector)",
    ]


UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS ipcoop_folded",
    "CREATE TEXT SEARCH CONFIGURATION ipcoop_folded (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION ipcoop_folded
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem""",
    *_vectors("ipcoop_folded"),
]

DOWNGRADE = [*_vectors("english"), "DROP TEXT SEARCH CONFIGURATION IF EXISTS ipcoop_folded"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(text(statement))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(text(statement))
