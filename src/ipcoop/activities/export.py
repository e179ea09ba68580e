"""Exports of any filtered set of activities: CSV, XLSX, JSON and JSON Lines, streamed.

The spreadsheet formats write rows (``load_rows``), the JSON formats write items of
``ExportRecord``s (``load_records``): both read a batch of activities with three driver
queries, since building ORM objects with their parties and tags costs far more than writing
a million rows. ``row`` gives the same spreadsheet row for one ORM activity or record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from itertools import islice
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


# the activity columns a record holds, in its fields' order (stored_reasons is review_reasons)
_RECORD_COLUMNS = tuple(
    "review_reasons" if f.name == "stored_reasons" else f.name
    for f in fields(ExportRecord)
    if f.name not in ("parties", "tags")
)


# the activity columns a spreadsheet row shows, in the order _sheet_row takes them
_SHEET_COLUMNS = (
    "id",
    "title",
    "start_date",
    "end_date",
    "date_precision",
    "type",
    "modality",
    "city",
    "country_code",
    "participants",
    "participants_qualifier",
    "description",
    "outputs",
    "website",
    "contact",
    "confidence",
    "needs_review",
    "report_id",
)
_ACTIVITIES_SQL = "SELECT {} FROM activities WHERE id IN ({})"
_PARTIES_SQL = (
    "SELECT activity_id, role, party_code, name, via_group FROM activity_parties"
    " WHERE activity_id IN ({}) ORDER BY activity_id, id"
)
_TAGS_SQL = (
    "SELECT activity_id, kind, code FROM activity_tags WHERE activity_id IN ({})"
    " ORDER BY activity_id, id"
)
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}

Fetched = tuple[Sequence[Any], Sequence[Any], Sequence[Any]]


def _fetch(session: Session, ids: Sequence[int], columns: Sequence[str]) -> Fetched:
    """The activities' columns, their parties and their tags (each in id order, as the ORM
    relationships have them): three queries on the driver's cursor, because ORM objects and
    SQLAlchemy result rows cost more than the queries themselves over a million activities."""
    connection = session.connection()
    mark = _MARKS[connection.dialect.paramstyle]
    params = [int(i) for i in ids]
    marks = ", ".join([mark] * len(params))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_ACTIVITIES_SQL.format(", ".join(columns), marks), params)
        activities = cursor.fetchall()
        cursor.execute(_PARTIES_SQL.format(marks), params)
        parties = cursor.fetchall()
        cursor.execute(_TAGS_SQL.format(marks), params)
        tags = cursor.fetchall()
    finally:
        cursor.close()
    return activities, parties, tags


def load_records(session: Session, ids: Sequence[int]) -> list[ExportRecord]:
    """The activities with these ids, in the order given, with their parties and tags (for
    the JSON formats). The two values whose Python type differs by driver are converted here
    (integer booleans on SQLite) or when read (the review reasons' JSON text)."""
    if not ids:
        return []
    activities, parties, tags = _fetch(session, ids, _RECORD_COLUMNS)
    found: dict[int, ExportRecord] = {}
    for values in activities:
        record = ExportRecord(*values)
        record.needs_review = bool(record.needs_review)
        found[record.id] = record
    for activity_id, role, code, name, via_group in parties:
        found[activity_id].parties.append(PartyRecord(role, code, name, via_group))
    for activity_id, kind, code in tags:
        found[activity_id].tags.append(TagRecord(kind, code))
    return [found[i] for i in ids if i in found]


def load_rows(session: Session, ids: Sequence[int]) -> list[list[Any]]:
    """The spreadsheet rows (COLUMNS) of the activities with these ids, in the order given:
    what ``row`` makes of each, read without making records first."""
    if not ids:
        return []
    activities, parties, tags = _fetch(session, ids, _SHEET_COLUMNS)
    lists: dict[int, _Lists] = {values[0]: ([], [], [], [], [], []) for values in activities}
    for activity_id, role, code, name, _ in parties:
        _add_party(lists[activity_id], role, code, name)
    for activity_id, kind, code in tags:
        _add_tag(lists[activity_id], kind, code)
    found = {values[0]: _sheet_row(values, lists[values[0]]) for values in activities}
    return [found[i] for i in ids if i in found]


def loader(fmt: str) -> Callable[[Session, Sequence[int]], list[Any]]:
    """What an export in this format reads, a batch of activities at a time."""
    return load_rows if fmt in ("csv", "xlsx") else load_records


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


# beneficiary codes and names, provider codes and names, topics, audience
_Lists = tuple[list[str], list[str], list[str], list[str], list[str], list[str]]


def _add_party(lists: _Lists, role: str, code: str | None, name: str) -> None:
    if role == "beneficiary":
        lists[0].append(code or "")
        lists[1].append(_party_name(code, name))
    else:
        lists[2].append(code or "")
        lists[3].append(_party_name(code, name))


def _add_tag(lists: _Lists, kind: str, code: str) -> None:
    if kind == "topic":
        lists[4].append(code)
    elif kind == "audience":
        lists[5].append(code)


def _sheet_row(values: Sequence[Any], lists: _Lists) -> list[Any]:
    """One spreadsheet row from the activity's _SHEET_COLUMNS and its lists: codes and labels
    side by side, lists joined with '; ', free text guarded against formulas (codes, dates and
    numbers cannot start one)."""
    (
        id_,
        title,
        start_date,
        end_date,
        precision,
        type_,
        modality,
        city,
        country,
        participants,
        qualifier,
        description,
        outputs,
        website,
        contact,
        confidence,
        needs_review,
        report_id,
    ) = values
    counted = participants is not None
    return [
        id_,
        _safe(title),
        start_date,
        end_date,
        precision,
        "; ".join(lists[0]),
        _safe("; ".join(lists[1])),
        "; ".join(lists[2]),
        _safe("; ".join(lists[3])),
        type_,
        "; ".join(lists[4]),
        "; ".join(lists[5]),
        modality,
        _safe(city),
        country,
        participants if counted else None,
        _safe(qualifier) if counted else None,
        _safe(description),
        _safe(outputs),
        _safe(website),
        _safe(contact),
        confidence,
        bool(needs_review),
        report_id,
        f"/activities/{id_}",
    ]


def row(activity: Activity | ExportRecord) -> list[Any]:
    """One spreadsheet row (COLUMNS): the values of ``ipcoop.activities.service.item``."""
    lists: _Lists = ([], [], [], [], [], [])
    for p in activity.parties:
        _add_party(lists, p.role, p.party_code, p.name)
    for t in activity.tags:
        _add_tag(lists, t.kind, t.code)
    return _sheet_row([getattr(activity, c) for c in _SHEET_COLUMNS], lists)


def csv_chunks(rows: Iterable[list[Any]], batch: int = 500) -> Iterator[str]:
    """CSV text in chunks of rows, UTF-8 BOM first so spreadsheets read the accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    rows = iter(rows)
    while chunk := list(islice(rows, batch)):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(records: Iterable[Activity | ExportRecord]) -> Iterator[str]:
    """One JSON object per line, in the shared item shape."""
    for record in records:
        yield json.dumps(_item(record), ensure_ascii=False) + "\n"


def write_xlsx(rows: Iterable[list[Any]], out: IO[bytes]) -> int:
    """Write rows to an XLSX workbook in write-only (streaming) mode; returns the row count."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("activities")
    sheet.append(list(COLUMNS))
    count = 0
    for values in rows:
        sheet.append(values)
        count += 1
    workbook.save(out)
    return count


def write(items: Iterable[Any], fmt: str, out: IO[bytes]) -> None:
    """Write an export to a binary stream: spreadsheet rows for csv and xlsx, records (or ORM
    activities) for json and jsonl, as ``loader(fmt)`` reads them."""
    if fmt == "xlsx":
        write_xlsx(items, out)
        return
    if fmt == "csv":
        chunks = csv_chunks(items)
    elif fmt == "jsonl":
        chunks = jsonl_chunks(items)
    elif fmt == "json":
        out.write(b"[")
        for n, record in enumerate(items):
            out.write((b"," if n else b"") + json.dumps(_item(record), ensure_ascii=False).encode())
        out.write(b"]\n")
        return
    else:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    for chunk in chunks:
        out.write(chunk.encode("utf-8"))
