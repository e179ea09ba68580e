"""Request and response bodies of the submission API that the schema family does not have.

Activities are written with ``ipcoop.activities.schemas.ActivityCreate``/``ActivityUpdate``;
reports with ``ReportCreate``/``ReportUpdate`` here; a report read by someone who may see it
unpublished is a ``ReportDetail`` with its workflow fields (``ReviewReportDetail``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ipcoop.activities.schemas import GIVEN_DATE, GIVEN_DAY, ActivityRead
from ipcoop.db import INTEGER_MAX
from ipcoop.parties.schemas import PartyCode
from ipcoop.reports.schemas import ReportDetail
from ipcoop.vocabularies import ReportKind


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReportFields(_Body):
    """A report's header."""

    title: str | None = Field(default=None, max_length=500)
    period_start: str | None = Field(default=None, pattern=GIVEN_DATE)
    period_end: str | None = Field(default=None, pattern=GIVEN_DATE)
    communication_date: str | None = Field(default=None, pattern=GIVEN_DAY)
    introduction: str | None = Field(default=None, description="The report's introductory text.")
    language: str = Field(default=None, max_length=8)  # type: ignore[assignment]  # never null


class ReportCreate(ReportFields):
    """A new draft report of a party (a reporter's own party by default)."""

    party: PartyCode | None = Field(
        default=None, description="Reporting party code; a reporter's own (curators name it)."
    )
    kind: ReportKind = Field(default=ReportKind.ART67_REPORT)
    copy_from: int | None = Field(
        default=None, ge=1, le=INTEGER_MAX, description="Copy the activities of this report."
    )


class ReportUpdate(ReportFields):
    """Header fields to change, and the version read."""

    version: int = Field(
        ..., ge=0, le=INTEGER_MAX, description="The report's lock_version when it was read."
    )


class Transition(_Body):
    """A workflow step: a comment (required to return), a symbol (publish, legacy)."""

    comment: str | None = None
    symbol: str | None = Field(default=None, max_length=100)


class VersionedActivity(ActivityRead):
    """An activity with the version an ActivityUpdate must send back."""

    lock_version: int = Field(default=1, title="Version")


class ReviewReportDetail(ReportDetail):
    """A report with its workflow state and versions (a draft has no original file)."""

    original_url: str | None = Field(default=None, title="Original file")  # type: ignore[assignment]
    state: str = Field(default="published", title="Workflow state")
    lock_version: int = Field(default=1, title="Version to send back with a ReportUpdate")
    version: int = Field(default=1, title="Version number (corrections count up)")
    review_comment: str | None = Field(default=None, title="Curator's comment")
    activities: list[VersionedActivity]  # type: ignore[assignment]


class UploadResult(BaseModel):
    """What an upload added: the new draft activities' ids and the report with them."""

    activities: list[int]
    report: ReviewReportDetail


class Change(BaseModel):
    """One difference between a version and the one before."""

    where: str = Field(title="Where", description="report, or activity n")
    field: str = Field(title="Field")
    before: Any = Field(title="Before")
    after: Any = Field(title="After")


class Version(BaseModel):
    """One version of a report with what changed from the one before."""

    id: int
    version: int
    state: str
    symbol: str | None = None
    circulation_date: str | None = None
    changes: list[Change]


class VersionList(BaseModel):
    """Every version of a report the caller may see, oldest first."""

    items: list[Version]


class AuditEventRead(BaseModel):
    """One event of the audit log."""

    id: int
    at: str = Field(description="UTC, ISO 8601")
    actor: str
    action: str
    record_type: str
    record_id: int | None = None
    report_id: int | None = None
    comment: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class AuditPage(BaseModel):
    """Audit events, newest first."""

    items: list[AuditEventRead]
