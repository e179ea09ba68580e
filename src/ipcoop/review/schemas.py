"""Request bodies of the submission API (and the pages' forms).

Until the shared schema family (``activities/schemas.py``, ``reports/schemas.py``) lands these are
this domain's own; the field names are those of the activity item shape.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ActivityFields(_Body):
    """Every field of an activity a person can write."""

    title: str | None = Field(None, max_length=1000)
    description: str | None = None
    type: str | None = Field(None, description="Activity type code (workshop, training ...).")
    start_date: str | None = Field(None, pattern=PARTIAL_DATE, description="YYYY[-MM[-DD]]")
    end_date: str | None = Field(None, pattern=PARTIAL_DATE, description="YYYY[-MM[-DD]]")
    beneficiaries: list[str] | None = Field(None, description="Party or group codes.")
    providers: list[str] | None = Field(None, description="Party codes or names.")
    topics: list[str] | None = None
    audience: list[str] | None = None
    modality: str | None = Field(None, description="online, in_person or hybrid.")
    city: str | None = Field(None, max_length=200)
    country: str | None = Field(None, description="Country code of the place.")
    participants: int | None = Field(None, ge=0)
    outputs: str | None = None
    website: str | None = Field(None, max_length=1000)
    contact: str | None = Field(None, max_length=500)


class ActivityCreate(ActivityFields):
    """A new activity: a title at least."""

    title: str = Field(..., min_length=1, max_length=1000)


class ActivityUpdate(ActivityFields):
    """Fields to change, and the version read (a stale one is refused with 409)."""

    lock_version: int = Field(..., description="The activity's lock_version when it was read.")


class ReportFields(_Body):
    """A report's header."""

    title: str | None = Field(None, max_length=500)
    period_start: str | None = Field(None, pattern=PARTIAL_DATE)
    period_end: str | None = Field(None, pattern=PARTIAL_DATE)
    communication_date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    introduction: str | None = Field(None, description="The report's introductory text.")
    language: str | None = Field(None, max_length=8)


class ReportCreate(ReportFields):
    """A new draft report of a party (a reporter's own party by default)."""

    party: str | None = Field(None, description="Reporting party code; a reporter's own.")
    kind: str = Field("art67_report")
    copy_from: int | None = Field(None, description="Copy the activities of this report.")


class ReportUpdate(ReportFields):
    """Header fields to change, and the version read."""

    lock_version: int


class Transition(_Body):
    """A workflow step: a comment (required to return), a symbol (publish, legacy)."""

    comment: str | None = None
    symbol: str | None = Field(None, max_length=100)
