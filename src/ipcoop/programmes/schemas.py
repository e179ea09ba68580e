"""The shapes of programme offers, instruments, platforms and bodies in the API."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ipcoop.activities.schemas import ActivityRead
from ipcoop.reports.schemas import ReportHeader
from ipcoop.vocabularies import InstrumentForm


class PartyAround(BaseModel):
    """A party around a record, in one role: named by it ("party"), leading the work of the
    document that names it ("lead"), whose document names it ("reporter"), or offering it
    ("provider")."""

    code: str | None = Field(None, title="Code")
    name: str = Field(title="Name")
    role: str = Field(title="Role", description="party, lead, reporter or provider.")
    url: str | None = Field(None, title="Party page")


class Passage(BaseModel):
    """Where a document names a record: a span of its text with the words around it."""

    start: int
    end: int
    before: str
    text: str
    after: str


class UsingActivity(ActivityRead):
    """An activity of the same document that names the record, with the passages."""

    evidence: list[Passage] = Field(title="Passages naming it")


class Named(BaseModel):
    """Another instrument, platform or body the same document names."""

    id: int
    form: InstrumentForm = Field(title="Form")
    title: str = Field(title="Title")
    date: str | None = Field(None, title="Date")
    url: str


class ProgrammeRead(BaseModel):
    """A programme offered on request (a standing offer, not a dated activity)."""

    id: int
    url: str
    title: str = Field(title="Title")
    description: str | None = Field(None, title="Description")
    provider: PartyAround | None = Field(None, title="Offered by")
    topics: list[str] = Field(default_factory=list, title="Topics")
    report_id: int


class InstrumentRead(BaseModel):
    """A declaration, MoU, agreement, action plan, guidelines, platform or body."""

    id: int
    url: str
    form: InstrumentForm = Field(
        title="Form",
        description="declaration, mou, framework_agreement, agreement, action_plan, guidelines, "
        "platform or body.",
    )
    title: str = Field(title="Title")
    date: str | None = Field(None, title="Date", description="Signed, adopted or set up.")
    place: str | None = Field(None, title="Place")
    areas: list[str] = Field(default_factory=list, title="Areas or goals")
    parties: list[PartyAround] = Field(default_factory=list, title="Parties around it")
    report_id: int


class Around(BaseModel):
    """What is around a record: its document, where it is named, who used it."""

    report: ReportHeader | None = Field(None, title="Named in")
    passages: list[Passage] = Field(default_factory=list, title="Where the document names it")
    activities: list[UsingActivity] = Field(
        default_factory=list, title="Activities that built or used it"
    )
    named_with: list[Named] = Field(default_factory=list, title="Named in the same document")


class ProgrammeDetail(ProgrammeRead, Around):
    """One programme offer with its document and the activities naming it."""


class InstrumentDetail(InstrumentRead, Around):
    """One instrument, platform or body with its document and the activities naming it."""


class ProgrammePagination(BaseModel):
    """Programme offers (one page: every match)."""

    total: int
    items: list[ProgrammeRead]
    facets: dict[str, list[dict[str, object]]] = Field(default_factory=dict)
    next_cursor: str | None = None


class InstrumentPagination(BaseModel):
    """Instruments, platforms or bodies (one page: every match)."""

    total: int
    items: list[InstrumentRead]
    facets: dict[str, list[dict[str, object]]] = Field(default_factory=dict)
    next_cursor: str | None = None
