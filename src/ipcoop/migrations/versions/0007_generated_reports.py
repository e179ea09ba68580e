"""reports.generated: documents made by `ipcoop synth`, marked so they can be left out

Reports already stored are marked from the generator's cover line.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "reports",
        sa.Column("generated", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.execute(
        "UPDATE reports SET generated = TRUE "
        "WHERE lower(substr(text, 1, 3000)) LIKE '%(generated, not an official document)%'"
    )


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("generated")
