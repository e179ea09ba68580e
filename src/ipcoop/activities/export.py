"""Exports of any filtered set of activities: CSV, XLSX and JSON Lines, streamed.

Writers take ORM activities or ``ExportRecord``s (the same attributes, read with three Core
queries per batch by ``load_records``): building ORM objects with their parties and tags costs
far more than writing the rows, so a million-row export should be fed records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import IO, Any, NamedTuple, cast

from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.activities.service import item
from ipcoop.parties.resolver import Resolver

COLUMNS = (
    "id",
    "title",
    "start_date",
    "end_date",
    "date_precision",
    "beneficiary_codes",
    "beneficiaries",
    "provider_codes",
    "providers",
    "type",
    "topics",
    "audience",
    "modality",
    "city",
    "country",
    "participants",
    "participants_qualifier",
    "description",
    "outputs",
    "website",
    "contact",
    "confidence",
    "needs_review",
    "report_id",
    "url",
)
FORMATS = ("csv", "xlsx", "jsonl", "json")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson",
    "json": "application/json",
}
# what makes a spreadsheet read a cell as a formula when it starts the text
_FORMULA_FIRST = frozenset("=+-@\t\r")


class PartyRecord(NamedTuple):
    """A party of an activity, as ``ActivityParty`` has it."""

    role: str
    party_code: str | None
    name: str
    via_group: str | None


class TagRecord(NamedTuple):
    """A tag of an activity, as ``ActivityTag`` has it."""

    kind: str
    code: str


@dataclass(slots=True)
class ExportRecord:
    """An activity with its parties and tags: the attributes of ``Activity`` that exports
    (and ``ipcoop.activities.service.item``) read, without the ORM's cost."""

    id: int
    report_id: int
    title: str
    description: str | None
    type: str | None
    start_date: str | None
    end_date: str | None
    date_precision: str | None
    modality: str | None
    city: str | None
    country_code: str | None
    participants: int | None
    participants_qualifier: str | None
    outputs: str | None
    website: str | None
    contact: str | None
    confidence: float
    needs_review: bool
    # as the driver gives it: JSON text on SQLite, a list on PostgreSQL (see review_reasons)
    stored_reasons: list[str] | str | None
    parties: list[PartyRecord] = field(default_factory=list)
    tags: list[TagRecord] = field(default_factory=list)

    @property
    def review_reasons(self) -> list[str]:
        """Why the activity needs review (read when asked: spreadsheets do not show it)."""
        if isinstance(self.stored_reasons, str):
            self.stored_reasons = cast(list[str], json.loads(self.stored_reasons))
        return self.stored_reasons or []


_RECORD_COLUMNS = (
    "id",
    "report_id",
    "title",
    "description",
    "type",
    "start_date",
    "end_date",
    "date_precision",
    "modality",
    "city",
    "country_code",
    "participants",
    "participants_qualifier",
    "outputs",
    "website",
    "contact",
    "confidence",
    "needs_review",
    "review_reasons",
)


_ACTIVITIES_SQL = "SELECT " + ", ".join(_RECORD_COLUMNS) + " FROM activities WHERE id IN ({})"
_PARTIES_SQL = (
    "SELECT activity_id, role, party_code, name, via_group FROM activity_parties"
    " WHERE activity_id IN ({}) ORDER BY activity_id, id"
)
_TAGS_SQL = (
    "SELECT activity_id, kind, code FROM activity_tags WHERE activity_id IN ({})"
    " ORDER BY activity_id, id"
)
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def load_records(session: Session, ids: Sequence[int]) -> list[ExportRecord]:
    """The activities with these ids, in the order given, with their parties and tags (in id
    order, as the ORM relationships have them).

    Three queries on the driver's cursor: no ORM objects and no SQLAlchemy result rows, which
    cost more than the queries themselves over a million activities. The two values whose
    Python type differs by driver are converted here (integer booleans on SQLite) or when
    read (the review reasons' JSON text).
    """
    if not ids:
        return []
    connection = session.connection()
    mark = _MARKS[connection.dialect.paramstyle]
    params = [int(i) for i in ids]
    marks = ", ".join([mark] * len(params))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_ACTIVITIES_SQL.format(marks), params)
        found: dict[int, ExportRecord] = {}
        for values in cursor.fetchall():
            record = ExportRecord(*values)
            record.needs_review = bool(record.needs_review)
            found[record.id] = record
        cursor.execute(_PARTIES_SQL.format(marks), params)
        for activity_id, role, code, name, via_group in cursor.fetchall():
            found[activity_id].parties.append(PartyRecord(role, code, name, via_group))
        cursor.execute(_TAGS_SQL.format(marks), params)
        for activity_id, kind, code in cursor.fetchall():
            found[activity_id].tags.append(TagRecord(kind, code))
    finally:
        cursor.close()
    return [found[i] for i in params if i in found]


def _safe(value: str | None) -> str | None:
    """Text that a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value and value[0] in _FORMULA_FIRST else value


def _item(activity: Activity | ExportRecord) -> dict[str, Any]:
    """The shared item shape; a record has every attribute ``item`` reads."""
    return item(cast(Activity, activity))


@cache
def _party_name(code: str | None, name: str) -> str:
    """The name an export shows for a party: the reference name of a known code, else the
    name as reported (as ``ipcoop.activities.service.item`` does)."""
    if code is None:
        return name
    try:
        return Resolver.default().get(code).name_en
    except KeyError:
        return name


def row(activity: Activity | ExportRecord) -> list[Any]:
    """One spreadsheet row: codes and labels side by side, lists joined with '; '.

    The values of ``ipcoop.activities.service.item``, read straight from the attributes.
    """
    benef_codes, benef_names, prov_codes, prov_names = [], [], [], []
    for p in activity.parties:
        if p.role == "beneficiary":
            benef_codes.append(p.party_code or "")
            benef_names.append(_party_name(p.party_code, p.name))
        else:
            prov_codes.append(p.party_code or "")
            prov_names.append(_party_name(p.party_code, p.name))
    topics = [t.code for t in activity.tags if t.kind == "topic"]
    audience = [t.code for t in activity.tags if t.kind == "audience"]
    counted = activity.participants is not None
    # free text is guarded against formulas; codes, dates and numbers cannot start with one
    return [
        activity.id,
        _safe(activity.title),
        activity.start_date,
        activity.end_date,
        activity.date_precision,
        "; ".join(benef_codes),
        _safe("; ".join(benef_names)),
        "; ".join(prov_codes),
        _safe("; ".join(prov_names)),
        activity.type,
        "; ".join(topics),
        "; ".join(audience),
        activity.modality,
        _safe(activity.city),
        activity.country_code,
        activity.participants if counted else None,
        _safe(activity.participants_qualifier) if counted else None,
        _safe(activity.description),
        _safe(activity.outputs),
        _safe(activity.website),
        _safe(activity.contact),
        activity.confidence,
        activity.needs_review,
        activity.report_id,
        f"/activities/{activity.id}",
    ]


def csv_chunks(activities: Iterable[Activity | ExportRecord], batch: int = 500) -> Iterator[str]:
    """CSV text in chunks, UTF-8 BOM first so spreadsheets read the accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    for n, activity in enumerate(activities, 1):
        writer.writerow(row(activity))
        if n % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(activities: Iterable[Activity | ExportRecord]) -> Iterator[str]:
    """One JSON object per line, in the shared item shape."""
    for activity in activities:
        yield json.dumps(_item(activity), ensure_ascii=False) + "\n"


def write_xlsx(activities: Iterable[Activity | ExportRecord], out: IO[bytes]) -> int:
    """Write an XLSX workbook in write-only (streaming) mode; returns the row count."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("activities")
    sheet.append(list(COLUMNS))
    count = 0
    for activity in activities:
        sheet.append(row(activity))
        count += 1
    workbook.save(out)
    return count


def write(activities: Iterable[Activity | ExportRecord], fmt: str, out: IO[bytes]) -> None:
    """Write activities to a binary stream in one of FORMATS."""
    if fmt == "xlsx":
        write_xlsx(activities, out)
        return
    if fmt == "csv":
        chunks = csv_chunks(activities)
    elif fmt == "jsonl":
        chunks = jsonl_chunks(activities)
    elif fmt == "json":
        out.write(b"[")
        for n, activity in enumerate(activities):
            out.write(
                (b"," if n else b"") + json.dumps(_item(activity), ensure_ascii=False).encode()
            )
        out.write(b"]\n")
        return
    else:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    for chunk in chunks:
        out.write(chunk.encode("utf-8"))
