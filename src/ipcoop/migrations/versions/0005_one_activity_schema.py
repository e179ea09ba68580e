"""one activity schema: unused columns out, a tag's vocabulary named as such

``activities.parent_id`` and ``reports.evidence`` were never written nor read;
``activity_tags.kind`` is the vocabulary a tag is from, and is called so.

On SQLite the activities table is rebuilt to drop a column that has a foreign key, which drops
its full-text triggers: they are made again here, as they stand at this revision.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# the activities full-text triggers at this revision (SQLite), frozen with it
_SQLITE_ACTIVITY_TRIGGERS = (
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
)
_TRIGGER_NAMES = ("activities_fts_ai", "activities_fts_ad", "activities_fts_au")


def _rename_tag_column(old: str, new: str) -> None:
    op.drop_index(f"ix_activity_tags_{old}_code", table_name="activity_tags")
    op.drop_index("ix_activity_tags_by_activity", table_name="activity_tags")
    op.alter_column("activity_tags", old, new_column_name=new)
    op.create_index(f"ix_activity_tags_{new}_code", "activity_tags", [new, "code", "activity_id"])
    op.create_index(
        "ix_activity_tags_by_activity", "activity_tags", ["activity_id", "id", new, "code"]
    )


def _rebuild_activities(change: str) -> None:
    """Add or drop parent_id; SQLite rebuilds the table, so its triggers are made again."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    with warnings.catch_warnings(), op.batch_alter_table("activities", recreate="auto") as batch:
        # the rebuild cannot reflect the expression index; it is made again below
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        if change == "drop":
            batch.drop_constraint("fk_activities_parent_id_activities", type_="foreignkey")
            batch.drop_column("parent_id")
        else:
            batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                "fk_activities_parent_id_activities", "activities", ["parent_id"], ["id"]
            )
    if sqlite:
        # an expression index is not carried over by the rebuild (it cannot be reflected)
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_activities_title_lowercased ON activities (lower(title))"
        )
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in _SQLITE_ACTIVITY_TRIGGERS:
            op.execute(statement)


def upgrade() -> None:
    _rebuild_activities("drop")
    op.execute("ALTER TABLE reports DROP COLUMN evidence")
    _rename_tag_column("kind", "vocabulary")


def downgrade() -> None:
    _rename_tag_column("vocabulary", "kind")
    op.add_column("reports", sa.Column("evidence", sa.JSON(), nullable=True))
    _rebuild_activities("add")
