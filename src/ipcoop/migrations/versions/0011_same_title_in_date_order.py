"""the same title in other years, read in the order it is shown

An activity's page lists up to 20 public activities with the same title, newest first. With an
index on the lowercased title alone, every activity of a common title was read and sorted, and
its report looked up, before the first 20 were known (7,000 of them at 1M activities: 24 ms).
The index now holds the title, the first day (newest first) and the id, so the page reads the
title's rows in its own order and stops after the 20th public one.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_activities_title_lowercased", table_name="activities")
    op.create_index(
        "ix_activities_same_title",
        "activities",
        [sa.text("lower(title)"), sa.text("start_on DESC"), "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_activities_same_title", table_name="activities")
    op.create_index("ix_activities_title_lowercased", "activities", [sa.text("lower(title)")])
