"""review: accounts, tokens, sessions, audit log; report states, versions and locking; reports
without a file

A report drafted in forms or over the API has no original, so ``reports.sha256`` becomes
nullable. Every report already stored was ingested from a document: it is published.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_SHA_NOT_NULL = "sha256 VARCHAR(64) NOT NULL"
_SHA_NULL = "sha256 VARCHAR(64)"


def _sqlite_sha256(old: str, new: str) -> None:
    """Swap the NOT NULL of reports.sha256 in SQLite's schema text: a change that does not touch
    the stored rows (sqlite.org/lang_altertable.html, "making other kinds of table schema
    changes"), so the table, its full-text triggers and the rows referring to it stay."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'reports'",
        (old, new),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("party_code", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_code"], ["parties.code"], name=op.f("fk_accounts_party_code_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("email", name=op.f("uq_accounts_email")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_api_tokens_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_web_sessions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_web_sessions_key_hash")),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_email_at", "login_failures", ["email", "at"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index("ix_audit_events_report", "audit_events", ["report_id", "id"])
    op.add_column(
        "reports",
        sa.Column("state", sa.String(length=16), server_default="published", nullable=False),
    )
    op.add_column(
        "reports", sa.Column("lock_version", sa.Integer(), server_default="1", nullable=False)
    )
    op.add_column(
        "reports",
        sa.Column("lineage_id", sa.Integer(), server_default=sa.text("NULL"), nullable=True),
    )
    op.add_column(
        "reports", sa.Column("version_number", sa.Integer(), server_default="1", nullable=False)
    )
    op.add_column(
        "reports",
        sa.Column("review_comment", sa.Text(), server_default=sa.text("NULL"), nullable=True),
    )
    op.create_index("ix_reports_state", "reports", ["state"])
    op.create_index("ix_reports_lineage_id", "reports", ["lineage_id"])
    op.add_column(
        "activities", sa.Column("lock_version", sa.Integer(), server_default="1", nullable=False)
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_sha256(_SHA_NOT_NULL, _SHA_NULL)
    else:
        op.alter_column("reports", "sha256", existing_type=sa.String(length=64), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM reports WHERE sha256 IS NULL")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_sha256(_SHA_NULL, _SHA_NOT_NULL)
    else:
        op.alter_column("reports", "sha256", existing_type=sa.String(length=64), nullable=False)
    # plain DROP COLUMN (SQLite 3.35+): a batch copy would lose the tables' other indexes
    op.execute("ALTER TABLE activities DROP COLUMN lock_version")
    op.drop_index("ix_reports_lineage_id", table_name="reports")
    op.drop_index("ix_reports_state", table_name="reports")
    for name in ("review_comment", "version_number", "lineage_id", "lock_version", "state"):
        op.execute(f"ALTER TABLE reports DROP COLUMN {name}")
    op.drop_index("ix_audit_events_report", table_name="audit_events")
    op.drop_table("audit_events")
    op.drop_index("ix_login_failures_email_at", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_table("web_sessions")
    op.drop_table("api_tokens")
    op.drop_table("accounts")
