"""The report schema family: a report's header, its page with activities, a page of reports."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ipcoop.activities.schemas import ActivityRead
from ipcoop.parties.schemas import PartyMention
from ipcoop.vocabularies import ReportKind, ReviewState


class Period(BaseModel):
    """The period a report covers."""

    start: str | None = Field(None, title="From")
    end: str | None = Field(None, title="To")


class ReportHeader(BaseModel):
    """A report's header: what it is, who reported, when, and where its original is."""

    id: int
    url: str
    kind: ReportKind = Field(title="Kind of document")
    reporting_party: PartyMention | None = Field(None, title="Reported by")
    symbol: str | None = Field(None, title="Symbol")
    title: str | None = Field(None, title="Title")
    communication_date: str | None = Field(None, title="Communication date")
    circulation_date: str | None = Field(None, title="Circulation date")
    period: Period = Field(title="Period covered")
    language: str = Field(title="Language")
    source: str = Field(title="Source file", description="The original's file name")
    status: ReviewState = Field(title="Review state")
    original_url: str = Field(title="Original file")
    warnings: list[str] = Field(default_factory=list, title="Warnings")
    generated: bool = Field(False, title="Generated test data (made by ipcoop synth)")


class ReportRead(ReportHeader):
    """A report in a list: its header and how many activities it holds."""

    activities: int | None = Field(None, title="Activities")


class ReportDetail(ReportHeader):
    """One report with its text and its activities."""

    text: str
    activities: list[ActivityRead]


class ReportPagination(BaseModel):
    """One page of reports."""

    total: int
    items: list[ReportRead]
    facets: dict[str, list[dict[str, object]]] = Field(default_factory=dict)
    next_cursor: str | None = None
