"""one word per meaning: "kind" is left to reports alone

``parties.kind`` (economy, igo, agency, forum, group, other) becomes ``parties.category``;
``instruments.kind`` (declaration, mou, ..., platform, body) becomes ``instruments.form``. The
values are unchanged. Each column's index is renamed with it. ``reports.kind`` stays.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# table -> (the name before, the name after)
_RENAMED = {"parties": ("kind", "category"), "instruments": ("kind", "form")}


def _rename(table: str, old: str, new: str) -> None:
    """Rename a column and its index (ix_<table>_<column>). Both databases rename a column in
    place (SQLite since 3.25), so the table is never rebuilt: a rebuild would drop ``parties``,
    which other tables' foreign keys point to."""
    with op.batch_alter_table(table, recreate="never") as batch:
        batch.drop_index(f"ix_{table}_{old}")
        batch.alter_column(old, new_column_name=new)
        batch.create_index(f"ix_{table}_{new}", [new])


def upgrade() -> None:
    for table, (old, new) in _RENAMED.items():
        _rename(table, old, new)


def downgrade() -> None:
    for table, (old, new) in _RENAMED.items():
        _rename(table, new, old)
