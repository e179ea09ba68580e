"""Request and response bodies of the submission API that the schema family does not have.

Activities are written with ``ipcoop.activities.schemas.ActivityCreate``/``ActivityUpdate``;
reports with ``ReportCreate``/``ReportUpdate`` here; a report read by someone who may see it
unpublished is a ``ReportDetail`` with its workflow fields (``ReviewReportDetail``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ipcoop.activities.schemas import ActivityRead
from ipcoop.reports.schemas import ReportDetail

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReportFields(_Body):
    """A report's header."""

    title: str | None = Field(default=None, max_length=500)
    period_start: str | None = Field(default=None, pattern=PARTIAL_DATE)
    period_end: str | None = Field(default=None, pattern=PARTIAL_DATE)
    communication_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    introduction: str | None = Field(default=None, description="The report's introductory text.")
    language: str | None = Field(default=None, max_length=8)


class ReportCreate(ReportFields):
    """A new draft report of a party (a reporter's own party by default)."""

    party: str | None = Field(default=None, description="Reporting party code; a reporter's own.")
    kind: str = Field(default="art67_report")
    copy_from: int | None = Field(default=None, description="Copy the activities of this report.")


class ReportUpdate(ReportFields):
    """Header fields to change, and the version read."""

    version: int = Field(..., description="The report's lock_version when it was read.")


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
