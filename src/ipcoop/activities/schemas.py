"""The activity schema family: one declaration of an activity's fields, read by every shape.

``ActivityFields`` is what a report states about an activity; ``ActivityRead`` adds what the
registry knows of a stored one (the API item, the export columns), ``ActivityExtract`` what
extraction knows (the ``ipcoop extract --json`` activity), ``ActivityCreate``/``ActivityUpdate``
what a person submits. Each field says where its value is stored through its annotation's
metadata (``Stored``, ``Parties``, ``Tags``, ``Link``; a plain field is the ``activities``
column of its own name), so ``ipcoop.activities.shapes`` reads a stored activity into any of
these shapes, and into spreadsheet columns, without naming a field again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ipcoop.db import INTEGER_MAX
from ipcoop.parties.schemas import PARTY_CODES, PartyMention, one_of
from ipcoop.vocabularies import AUDIENCES, MODALITIES, TOPICS, TYPES, TagVocabulary

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# what a person may enter as a date: YYYY, YYYY-MM or a day that exists (1000 to 9999); the
# pattern says it all, leap years included, so a schema-valid date is never refused
_YEAR = r"(?:[1-9][0-9]{3})"
_LEAP = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY = (
    rf"(?:{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    rf"|{_LEAP}-02-29)"
)
GIVEN_DAY = rf"^{_DAY}$"
GIVEN_DATE = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_DAY})$"
NOT_BLANK = r"\S"
# codes a person enters: checked by ipcoop.review.activities (a 422 naming an unknown one)
PartyCodeGiven = Annotated[str, one_of(PARTY_CODES)]
TopicCode = Annotated[str, one_of(TOPICS)]
TypeCode = Annotated[str, one_of(TYPES)]
AudienceCode = Annotated[str, one_of(AUDIENCES)]
ModalityCode = Annotated[str, one_of(MODALITIES, blank=True)]
CountryCode = Annotated[str, one_of(PARTY_CODES, blank=True)]


@dataclass(frozen=True, slots=True)
class Stored:
    """The ``activities`` column a value is stored in (when its name is not the field's), or
    ``report.<column>``: a column of the report the activity was reported in."""

    column: str


@dataclass(frozen=True, slots=True)
class Parties:
    """An activity's parties in one list: its beneficiaries, or everyone else (providers)."""

    beneficiaries: bool


@dataclass(frozen=True, slots=True)
class Tags:
    """An activity's tags from one vocabulary."""

    vocabulary: TagVocabulary


@dataclass(frozen=True, slots=True)
class Link:
    """A path made from the activity's id."""

    template: str


class Given:
    """A value the caller supplies (evidence), not read from the stored activity."""


@dataclass(frozen=True, slots=True)
class Labels:
    """The vocabulary whose labels people read for the codes a field holds ("party" for party
    codes): spreadsheets show the label beside the code."""

    vocabulary: dict[str, str] | str


class Location(BaseModel):
    """Where an activity took place."""

    city: str | None = Field(None, title="City")
    country: Annotated[str | None, Stored("country_code"), Labels("party")] = Field(
        None, title="Country"
    )


class ParticipantCount(BaseModel):
    """How many took part: 'more than 30' is count 30, qualifier 'more than'."""

    count: Annotated[int, Stored("participants")] = Field(title="Participants")
    qualifier: Annotated[str | None, Stored("participants_qualifier")] = Field(
        None, title="Participants (qualifier)"
    )


class ActivityFields(BaseModel):
    """What a report states about one programme, workshop, mission or project."""

    title: str = Field(title="Title", min_length=1, max_length=1000)
    start_date: str | None = Field(
        None, title="Start date", pattern=PARTIAL_DATE, description="YYYY-MM-DD, YYYY-MM or YYYY."
    )
    end_date: str | None = Field(None, title="End date", pattern=PARTIAL_DATE)
    date_precision: str | None = Field(
        None, title="Date precision", pattern="^(day|month|year)$", description="day, month, year"
    )
    beneficiaries: Annotated[list[PartyMention], Parties(beneficiaries=True)] = Field(
        default_factory=list, title="Beneficiaries"
    )
    providers: Annotated[list[PartyMention], Parties(beneficiaries=False)] = Field(
        default_factory=list, title="Providers"
    )
    type: Annotated[str | None, Labels(TYPES)] = Field(None, title="Type of activity")
    topics: Annotated[list[str], Tags(TagVocabulary.TOPIC), Labels(TOPICS)] = Field(
        default_factory=list, title="Topics"
    )
    audience: Annotated[list[str], Tags(TagVocabulary.AUDIENCE), Labels(AUDIENCES)] = Field(
        default_factory=list, title="Audience"
    )
    modality: Annotated[str | None, Labels(MODALITIES)] = Field(None, title="Modality")
    location: Location = Field(Location(city=None, country=None), title="Place")
    participants: ParticipantCount | None = Field(None, title="Participants")
    description: str | None = Field(None, title="Brief description")
    outputs: str | None = Field(None, title="Outputs or impact")
    website: str | None = Field(None, title="Website")
    contact: str | None = Field(None, title="Contact")


class StoredActivity(BaseModel):
    """What identifies a stored activity (first in every shape that has it)."""

    id: int = Field(title="Activity id")
    report_id: int = Field(title="Report id")
    url: Annotated[str, Link("/activities/{id}")] = Field(title="Address")


class ActivityRead(ActivityFields, StoredActivity):
    """A stored activity: the API's item and the export's columns."""

    confidence: float = Field(title="Confidence", ge=0, le=1)
    needs_review: bool = Field(title="Marked for review")
    review_reasons: list[str] = Field(default_factory=list, title="Why it needs review")


class ActivityRow(ActivityRead):
    """A stored activity as a spreadsheet row: with the report it was reported in."""

    reporter: Annotated[str | None, Stored("report.reporting_party_code"), Labels("party")] = Field(
        None, title="Reported by"
    )
    report_title: Annotated[str | None, Stored("report.title")] = Field(None, title="Report")
    report_symbol: Annotated[str | None, Stored("report.symbol")] = Field(None, title="Symbol")


class EvidenceRead(BaseModel):
    """The words a value was read from: a span of the report's text and the method."""

    start: int
    end: int
    method: str
    text: str | None = None
    before: str | None = None
    after: str | None = None


class ActivityExtract(ActivityFields):
    """An activity as extraction found it (``ipcoop extract --json``)."""

    confidence: float = Field(title="Confidence", ge=0, le=1)
    needs_review: bool = Field(title="Marked for review")
    review_reasons: list[str] = Field(default_factory=list, title="Why it needs review")
    evidence: Annotated[dict[str, list[EvidenceRead]], Given()] = Field(default_factory=dict)


class RelatedActivities(BaseModel):
    """Activities that may be the same one: the same title in other years, the same event as
    another party reported it; and those a curator linked as the same one."""

    same_title: list[ActivityRead]
    same_event: list[ActivityRead]
    also_reported: list[ActivityRow] = Field(
        default_factory=list,
        title="Also reported by",
        description="The same activity in other parties' reports, linked by a curator.",
    )


class ActivityDetail(ActivityRead):
    """One activity with the source words behind each value and its related activities."""

    evidence: Annotated[dict[str, list[EvidenceRead]], Given()]
    related: Annotated[RelatedActivities, Given()]


class FacetCount(BaseModel):
    """One value of a facet with the number of matching activities."""

    code: str
    label: str
    count: int


class ActivityPagination(BaseModel):
    """One page of a search: the total, the items, facet counts and the next page's cursor."""

    total: int
    items: list[ActivityRead]
    facets: dict[str, list[FacetCount]]
    next_cursor: str | None


def _check_dates(start: str | None, end: str | None) -> None:
    if start and end and end < start[: len(end)]:
        raise ValueError("the end date is before the start date")


def _end_after_start(end: str | None, info: ValidationInfo) -> str | None:
    _check_dates(info.data.get("start_date"), end)
    return end


class ActivityCreate(BaseModel):
    """An activity as a person enters it: parties by code, tags by vocabulary code."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(title="Title", min_length=1, max_length=1000, pattern=NOT_BLANK)
    start_date: str | None = Field(None, title="Start date", pattern=GIVEN_DATE)
    end_date: str | None = Field(
        None, title="End date", pattern=GIVEN_DATE, description="Not before the start date."
    )
    beneficiaries: list[PartyCodeGiven] = Field(default_factory=list, title="Beneficiaries")
    providers: list[str] = Field(default_factory=list, title="Providers")
    type: TypeCode | None = Field(None, title="Type of activity")
    topics: list[TopicCode] = Field(default_factory=list, title="Topics")
    audience: list[AudienceCode] = Field(default_factory=list, title="Audience")
    modality: ModalityCode | None = Field(None, title="Modality")
    city: str | None = Field(None, title="City", max_length=200)
    country: CountryCode | None = Field(None, title="Country")
    participants: int | None = Field(None, title="Participants", ge=0, le=INTEGER_MAX)
    description: str | None = Field(None, title="Brief description")
    outputs: str | None = Field(None, title="Outputs or impact")
    website: str | None = Field(None, title="Website", max_length=1000)
    contact: str | None = Field(None, title="Contact", max_length=500)

    # on the fields (not the model), so that a 422 names the field that is wrong
    _order = field_validator("end_date")(_end_after_start)


class ActivityUpdate(BaseModel):
    """A change to an activity: only the fields given change; ``version`` is the one read."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(
        ..., ge=0, le=INTEGER_MAX, description="The version the change was made on."
    )
    title: str | None = Field(None, min_length=1, max_length=1000, pattern=NOT_BLANK)
    start_date: str | None = Field(None, pattern=GIVEN_DATE)
    end_date: str | None = Field(
        None, pattern=GIVEN_DATE, description="Not before the start date (given or stored)."
    )
    beneficiaries: list[PartyCodeGiven] | None = None
    providers: list[str] | None = None
    type: TypeCode | None = None
    topics: list[TopicCode] | None = None
    audience: list[AudienceCode] | None = None
    modality: ModalityCode | None = None
    city: str | None = Field(None, max_length=200)
    country: CountryCode | None = None
    participants: int | None = Field(None, ge=0, le=INTEGER_MAX)
    description: str | None = None
    outputs: str | None = None
    website: str | None = Field(None, max_length=1000)
    contact: str | None = Field(None, max_length=500)

    _order = field_validator("end_date")(_end_after_start)


def field_metadata(annotation_metadata: list[Any], marker: type) -> Any:
    """The first marker of this class among a field's metadata, or None."""
    return next((m for m in annotation_metadata if isinstance(m, marker)), None)


class ActivityTagsUpdate(BaseModel):
    """A change to an activity's tags (the controlled vocabularies): only the fields given
    change; ``version`` is the one read."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(
        ge=0, le=INTEGER_MAX, description="The activity's lock_version when it was read."
    )
    type: str | None = Field(None, title="Type of activity")
    topics: list[str] | None = Field(None, title="Topics")
    audience: list[str] | None = Field(None, title="Audience")
    modality: str | None = Field(None, title="Modality")


class ActivityLinkCreate(BaseModel):
    """The activity of another party's report that is the same activity."""

    model_config = ConfigDict(extra="forbid")

    other: int = Field(description="The other activity's id.", ge=1, le=INTEGER_MAX)
