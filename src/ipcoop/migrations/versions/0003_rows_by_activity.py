"""parties and tags indexed by activity with every column exports read

An export reads the parties and tags of a few thousand activities at a time; with the activity
id, the row id and the values in one index the database answers from the index alone, in the
order the rows are kept.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_NEW = {
    "activity_parties": (
        "ix_activity_parties_by_activity",
        ["activity_id", "id", "role", "party_code", "name", "via_group"],
    ),
    "activity_tags": ("ix_activity_tags_by_activity", ["activity_id", "id", "kind", "code"]),
}


def upgrade() -> None:
    for table, (name, columns) in _NEW.items():
        op.create_index(name, table, columns)
        op.drop_index(f"ix_{table}_activity_id", table_name=table)


def downgrade() -> None:
    for table, (name, _) in _NEW.items():
        op.create_index(f"ix_{table}_activity_id", table, ["activity_id"])
        op.drop_index(name, table_name=table)
