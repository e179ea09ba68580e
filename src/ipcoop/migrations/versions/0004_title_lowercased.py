"""activities indexed by lowercased title

An activity's page lists the activities with the same title in other years; without this index
that question reads the whole table when a title is rare.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_activities_title_lowercased", "activities", [sa.text("lower(title)")])


def downgrade() -> None:
    op.drop_index("ix_activities_title_lowercased", table_name="activities")
