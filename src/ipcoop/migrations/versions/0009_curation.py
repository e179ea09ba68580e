"""curation: activities linked as the same one reported by two parties; one report per symbol
and version among the workflow's reports; the reports each public change touched

``activity_links`` holds a curator's statement that two activities of different reports are
one activity (a joint workshop reported by both organizers). ``public_changes`` names the
reports each move of the data revision touched, so a reader's search index reads those
reports again instead of everything. ``uq_reports_symbol_version``: a symbol the registry
assigns or accepts (a report without an original file) is taken once per version.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_WORKFLOW_REPORT = "sha256 IS NULL"


def upgrade() -> None:
    op.create_table(
        "activity_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], name=op.f("fk_activity_links_activity_id_activities"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["activities.id"], name=op.f("fk_activity_links_other_id_activities"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_links")),
        sa.UniqueConstraint("activity_id", "other_id", name=op.f("uq_activity_links_activity_id")),
    )
    op.create_index("ix_activity_links_other_id", "activity_links", ["other_id"])
    op.create_table(
        "public_changes",
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("revision", "report_id", name=op.f("pk_public_changes")),
    )
    op.create_index(
        "uq_reports_symbol_version",
        "reports",
        ["symbol", "version_number"],
        unique=True,
        sqlite_where=sa.text(_WORKFLOW_REPORT),
        postgresql_where=sa.text(_WORKFLOW_REPORT),
    )


def downgrade() -> None:
    op.drop_index("uq_reports_symbol_version", table_name="reports")
    op.drop_table("public_changes")
    op.drop_index("ix_activity_links_other_id", table_name="activity_links")
    op.drop_table("activity_links")
