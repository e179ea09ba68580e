"""Writing an activity from a person's fields, with the message on the field that is wrong."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ipcoop import vocabularies
from ipcoop.activities.models import Activity, ActivityParty, ActivityTag
from ipcoop.activities.schemas import ActivityCreate, ActivityUpdate
from ipcoop.ingest.records import PartialDate
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report
from ipcoop.vocabularies import TagVocabulary

# a start this far before the period or an end this far after it is a typing error
PERIOD_SLACK = dt.timedelta(days=366)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """What is wrong with one field."""

    field: str
    message: str
    # the value is well formed but disagrees with what is stored (the report's period, another
    # activity): a 409, where a malformed one is a 422
    conflict: bool = False


@dataclass(slots=True)
class Invalid(ValueError):
    """Fields that cannot be saved as they are."""

    problems: list[FieldProblem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{p.field}: {p.message}" for p in self.problems)

    @property
    def conflicting(self) -> bool:
        """Whether every problem is a disagreement with the stored record (a 409)."""
        return bool(self.problems) and all(p.conflict for p in self.problems)


def _date(value: str | None, name: str, problems: list[FieldProblem]) -> PartialDate | None:
    if not value:
        return None
    found = PartialDate(value)
    try:
        found.first_day  # noqa: B018  (raises on a month 13 or a 31 April)
    except ValueError:
        problems.append(FieldProblem(name, f"{value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
        return None
    return found


def _known(code: str) -> bool:
    try:
        Resolver.default().get(code)
    except KeyError:
        return False
    return True


def check(
    session: Session, report: Report, values: dict[str, Any], activity_id: int | None
) -> list[FieldProblem]:
    """Every problem of an activity's merged values, each on its field."""
    problems: list[FieldProblem] = []
    if not (values.get("title") or "").strip():
        problems.append(FieldProblem("title", "a title is required"))
    start = _date(values.get("start_date"), "start_date", problems)
    end = _date(values.get("end_date"), "end_date", problems)
    if start and end and end.last_day < start.first_day:
        # a body with both dates in this order is refused by its schema (a 422): here one of
        # them is the stored one, which the change disagrees with
        problems.append(
            FieldProblem(
                "end_date", f"the end {end.iso} is before the start {start.iso}", conflict=True
            )
        )
    period = [p for p in (report.period_start, report.period_end) if p]
    if start and len(period) == 2:
        first, last = PartialDate(period[0]).first_day, PartialDate(period[1]).last_day
        if start.last_day < first - PERIOD_SLACK or start.first_day > last + PERIOD_SLACK:
            problems.append(
                FieldProblem(
                    "start_date",
                    f"{start.iso} is more than a year outside the period {period[0]}–{period[1]}",
                    conflict=True,
                )
            )
    for code in values.get("beneficiaries") or []:
        if not _known(code):
            problems.append(FieldProblem("beneficiaries", f"unknown beneficiary {code!r}"))
    if values.get("country") and not _known(values["country"]):
        problems.append(FieldProblem("country", f"unknown country {values['country']!r}"))
    problems += check_tags(values)
    problems += _duplicate(session, report, values, activity_id)
    return problems


# an activity's tags: the controlled vocabularies a curator corrects (type and modality hold one
# code, topics and audience any number)
TAG_VOCABULARIES: dict[str, dict[str, str]] = {
    "type": vocabularies.TYPES,
    "topics": vocabularies.TOPICS,
    "audience": vocabularies.AUDIENCES,
    "modality": vocabularies.MODALITIES,
}


def check_tags(values: dict[str, Any]) -> list[FieldProblem]:
    """A problem for each code that is not in its vocabulary."""
    problems = []
    for name, known in TAG_VOCABULARIES.items():
        given = values.get(name)
        for code in [given] if isinstance(given, str) else given or []:
            if code not in known:
                problems.append(
                    FieldProblem(name, f"unknown {name} {code!r}; use one of {', '.join(known)}")
                )
    return problems


def tags_of(activity: Activity) -> dict[str, Any]:
    """An activity's tags, as a person gives them."""
    values = values_of(activity)
    return {name: values[name] for name in TAG_VOCABULARIES}


def _duplicate(
    session: Session, report: Report, values: dict[str, Any], activity_id: int | None
) -> list[FieldProblem]:
    title = (values.get("title") or "").strip().lower()
    if not title:
        return []
    same = select(Activity.id).where(
        Activity.report_id == report.id,
        func.lower(Activity.title) == title,
        Activity.start_date.is_(values.get("start_date"))
        if values.get("start_date") is None
        else Activity.start_date == values.get("start_date"),
    )
    if activity_id is not None:
        same = same.where(Activity.id != activity_id)
    other = session.scalar(same.limit(1))
    if other is None:
        return []
    return [
        FieldProblem(
            "title", f"the same title and start date as activity {other}", conflict=True
        )
    ]


def values_of(activity: Activity) -> dict[str, Any]:
    """An activity's writable fields, as a person gave them."""
    return {
        "title": activity.title,
        "description": activity.description,
        "type": activity.type,
        "start_date": activity.start_date,
        "end_date": activity.end_date,
        "beneficiaries": [
            p.party_code or p.name for p in activity.parties if p.role == "beneficiary"
        ],
        "providers": [p.party_code or p.name for p in activity.parties if p.role != "beneficiary"],
        "topics": [t.code for t in activity.tags if t.vocabulary == TagVocabulary.TOPIC],
        "audience": [t.code for t in activity.tags if t.vocabulary == TagVocabulary.AUDIENCE],
        "modality": activity.modality,
        "city": activity.city,
        "country": activity.country_code,
        "participants": activity.participants,
        "outputs": activity.outputs,
        "website": activity.website,
        "contact": activity.contact,
    }


def merged(activity: Activity | None, fields: ActivityCreate | ActivityUpdate) -> dict[str, Any]:
    """The values after the change: the given fields over the stored ones."""
    base = values_of(activity) if activity is not None else {}
    given = fields.model_dump(exclude_unset=True, exclude={"version"})
    if given.get("beneficiaries"):
        given["beneficiaries"] = [c.strip().upper() for c in given["beneficiaries"] if c.strip()]
    if given.get("country"):
        given["country"] = given["country"].strip().upper()
    return {**base, **given}


def write(activity: Activity, values: dict[str, Any]) -> None:
    """Set an activity's columns, parties and tags from checked values."""
    start = PartialDate(values["start_date"]) if values.get("start_date") else None
    end = PartialDate(values["end_date"]) if values.get("end_date") else None
    last = end or start
    activity.title = values["title"].strip()
    activity.description = values.get("description") or None
    activity.start_date = start.iso if start else None
    activity.end_date = end.iso if end else None
    activity.date_precision = start.precision if start else None
    activity.start_on = start.first_day if start else None
    activity.end_on = last.last_day if last else None
    activity.start_year = start.year if start else None
    activity.city = values.get("city") or None
    activity.country_code = values.get("country") or None
    activity.participants = values.get("participants")
    activity.outputs = values.get("outputs") or None
    activity.website = values.get("website") or None
    activity.contact = values.get("contact") or None
    # a person has checked it
    activity.confidence = 1.0
    activity.needs_review = False
    activity.review_reasons = []
    resolver = Resolver.default()
    parties = [("beneficiary", c) for c in values.get("beneficiaries") or []] + [
        ("provider", c) for c in values.get("providers") or []
    ]
    rows = []
    for role, given in parties:
        code: str | None = given.upper() if _known(given.upper()) else None
        name = resolver.get(code).name_en if code else given
        rows.append(ActivityParty(role=role, party_code=code, name=name))
    activity.parties = rows
    write_tags(activity, values)


def write_tags(activity: Activity, values: dict[str, Any]) -> None:
    """Set an activity's type, modality, topics and audience from checked values (the
    activity's row is written too, so its version moves when only its tag rows change)."""
    activity.type = values.get("type") or None
    flag_modified(activity, "type")
    activity.modality = values.get("modality") or None
    activity.tags = [
        ActivityTag(vocabulary=TagVocabulary.TOPIC, code=c) for c in values.get("topics") or []
    ] + [
        ActivityTag(vocabulary=TagVocabulary.AUDIENCE, code=c)
        for c in values.get("audience") or []
    ]
