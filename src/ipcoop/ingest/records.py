"""What extraction produces: candidate records whose every value carries its evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value came from: a span of Document.text and the method that read it."""

    start: int
    end: int
    method: str

    def as_dict(self, text: str | None = None) -> dict[str, Any]:
        """JSON form; with the document text, also the quoted words."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "method": self.method}
        if text is not None:
            out["text"] = text[self.start : self.end]
        return out


@dataclass(frozen=True, slots=True)
class PartyRef:
    """A party named in a document: resolved to a code, or kept unresolved by name."""

    name: str
    code: str | None = None
    via_group: str | None = None  # the group code it was named through ("ASEAN")
    role: str | None = None  # for providers: funding | implementing | partner

    @property
    def resolved(self) -> bool:
        return self.code is not None


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to day, month or year; ``iso`` is "2011-07-20", "2011-07" or "2011"."""

    iso: str

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}[len(self.iso)]

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def first_day(self) -> dt.date:
        """The first day the date can mean."""
        year, month, day = (int(p) for p in (self.iso + "-01-01")[:10].split("-"))
        return dt.date(year, month, day)

    @property
    def last_day(self) -> dt.date:
        """The last day the date can mean."""
        start = self.first_day
        if self.precision == "day":
            return start
        if self.precision == "month":
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return following - dt.timedelta(days=1)
        return dt.date(start.year, 12, 31)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A start and an optional end date, as read from one phrase."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def precision(self) -> str:
        return self.start.precision


@dataclass(frozen=True, slots=True)
class Participants:
    """A participant count with its qualifier: 'more than 30' is (30, 'more than')."""

    count: int
    qualifier: str | None = None
    economies: int | None = None  # "406 participants from 14 economies"


@dataclass(slots=True)
class ExtractedActivity:
    """One programme, workshop, mission or project as extraction found it."""

    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    beneficiaries: list[PartyRef] = field(default_factory=list)
    providers: list[PartyRef] = field(default_factory=list)
    type: str | None = None
    topics: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    modality: str | None = None
    city: str | None = None
    country: str | None = None  # party code of the venue's country
    participants: Participants | None = None
    description: str | None = None
    outputs: str | None = None
    website: str | None = None
    contact: str | None = None
    confidence: float = 1.0
    review_reasons: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def cite(self, name: str, evidence: Evidence) -> None:
        """Record evidence for one field."""
        self.evidence.setdefault(name, []).append(evidence)


@dataclass(slots=True)
class ExtractedProgramme:
    """A standing programme offered on request (an offer, not a dated activity)."""

    title: str
    description: str | None = None
    provider: PartyRef | None = None
    topics: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass(slots=True)
class ExtractedInstrument:
    """A declaration, MoU, agreement, action plan, body or platform named by a document."""

    form: str  # an InstrumentForm: declaration, mou, ..., action_plan, body, platform
    title: str
    parties: list[PartyRef] = field(default_factory=list)
    date: PartialDate | None = None
    place: str | None = None
    areas: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass(slots=True)
class ReportHeader:
    """What a document says about itself: its kind, reporting party, symbol, title, dates and
    language, each value with its evidence."""

    kind: str = "other"
    reporting_party: PartyRef | None = None
    symbol: str | None = None
    title: str | None = None
    communication_date: PartialDate | None = None
    circulation_date: PartialDate | None = None
    period: DateRange | None = None
    language: str = "en"
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def header(self) -> dict[str, Any]:
        """The header's values by field name (the evidence shared, not copied)."""
        return {f.name: getattr(self, f.name) for f in fields(ReportHeader)}


@dataclass(slots=True, kw_only=True)
class ExtractedReport(ReportHeader):
    """Everything extraction found in one document: its header, then what it reports."""

    source: str
    sha256: str
    media_type: str
    text: str
    activities: list[ExtractedActivity] = field(default_factory=list)
    programmes: list[ExtractedProgramme] = field(default_factory=list)
    instruments: list[ExtractedInstrument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
