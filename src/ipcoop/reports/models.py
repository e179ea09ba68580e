"""Source documents: the reports and pages records are extracted from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    ColumnElement,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Select,
    String,
    Text,
    false,
    func,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipcoop.db import Base
from ipcoop.vocabularies import ReportState

NULL_DEFAULT = sql_text("NULL")


class Original(Base):
    """The original bytes of an ingested file, addressed by their SHA-256."""

    __tablename__ = "originals"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))


class Report(Base):
    """A source document: an Art. 67 or 66.2 report, a regional page, an instrument."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    reporting_party_code: Mapped[str | None] = mapped_column(ForeignKey("parties.code"), index=True)
    reporting_party_name: Mapped[str | None] = mapped_column(String(300))
    symbol: Mapped[str | None] = mapped_column(String(100), index=True)
    title: Mapped[str | None] = mapped_column(String(500))
    communication_date: Mapped[str | None] = mapped_column(String(10))
    circulation_date: Mapped[str | None] = mapped_column(String(10))
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(8), default="en")
    source_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    # None for a report drafted in forms or over the API (migration 0008)
    sha256: Mapped[str | None] = mapped_column(ForeignKey("originals.sha256"), unique=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="ingested")
    # made by `ipcoop synth` (its cover says so): marked, and left out of profiles by default
    generated: Mapped[bool] = mapped_column(default=False, server_default=false())
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    # the submission workflow (ipcoop.review): ingested documents are published
    state: Mapped[str] = mapped_column(
        String(16), default="published", server_default="published", index=True
    )
    lock_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # versions: every correction of a report shares the first version's id
    # (DEFAULT NULL: loaders that write every column without a database default skip these)
    lineage_id: Mapped[int | None] = mapped_column(Integer, index=True, server_default=NULL_DEFAULT)
    version_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    review_comment: Mapped[str | None] = mapped_column(Text, server_default=NULL_DEFAULT)

    __mapper_args__ = {"version_id_col": lock_version}  # noqa: RUF012

    activities = relationship(
        "Activity", back_populates="report", order_by="Activity.position", lazy="raise_on_sql"
    )

    @property
    def file_name(self) -> str:
        """The original's file name, without the folders it was ingested from (which stay
        internal: the API and the pages show only this)."""
        return self.source_name.replace("\\", "/").rsplit("/", 1)[-1]


# a symbol the registry assigns or accepts (a report without an original file) is taken once
# per version: the automatic numbering's backstop (migration 0009). Documents ingested from
# files keep whatever symbol they print: the same report in three languages shares one.
_WORKFLOW_REPORT = sql_text("sha256 IS NULL")
Index(
    "uq_reports_symbol_version",
    Report.symbol,
    Report.version_number,
    unique=True,
    sqlite_where=_WORKFLOW_REPORT,
    postgresql_where=_WORKFLOW_REPORT,
)


# -- the public record: the one place that says which reports (and so which activities)
# anonymous readers see. Search, stats, exports, the report and activity pages and the API
# read through these; ipcoop.review decides who else sees what.

PUBLIC_STATE = ReportState.PUBLISHED.value


def public_report() -> ColumnElement[bool]:
    """The condition on ``reports`` of a report anonymous readers see."""
    return Report.state == PUBLIC_STATE


def public_report_ids() -> Select[int]:
    """The ids of public reports (for conditions on activities)."""
    return select(Report.id).where(public_report())
