"""Exports of any filtered set of activities: CSV, XLSX, JSON and JSON Lines, streamed.

Every format is made of activity records (``load_records``: a batch of activities read with
three driver queries, since building ORM objects with their parties and tags costs far more
than writing a million rows); the spreadsheet formats write their ``ActivityRead`` columns
(``ipcoop.activities.shapes.columns``), the JSON formats their ``ActivityRead`` items.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import IO, Any

from sqlalchemy.orm import Session

from ipcoop.activities import shapes
from ipcoop.activities.records import ActivityRecord, PartyRecord, TagRecord
from ipcoop.activities.schemas import ActivityRead

COLUMNS = tuple(column.name for column in shapes.columns())
HEADERS = tuple(column.header for column in shapes.columns())
FORMATS = ("csv", "xlsx", "jsonl", "json")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson",
    "json": "application/json",
}

# the activity columns a record holds: those the schema's fields are read from
_RECORD_COLUMNS = shapes.stored_columns(ActivityRead)
_ACTIVITIES_SQL = "SELECT {} FROM activities WHERE id IN ({})"
_PARTIES_SQL = (
    "SELECT activity_id, role, party_code, name, via_group FROM activity_parties"
    " WHERE activity_id IN ({}) ORDER BY activity_id, id"
)
_TAGS_SQL = (
    "SELECT activity_id, vocabulary, code FROM activity_tags WHERE activity_id IN ({})"
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


def load_records(session: Session, ids: Sequence[int]) -> list[ActivityRecord]:
    """The activities with these ids, in the order given, with their parties and tags."""
    if not ids:
        return []
    activities, parties, tags = _fetch(session, ids, _RECORD_COLUMNS)
    found = {values[0]: ActivityRecord(dict(zip(_RECORD_COLUMNS, values, strict=True)))
             for values in activities}
    for activity_id, role, code, name, via_group in parties:
        found[activity_id].parties.append(PartyRecord(role, code, name, via_group))
    for activity_id, vocabulary, code in tags:
        found[activity_id].tags.append(TagRecord(vocabulary, code))
    return [found[i] for i in ids if i in found]


def load_rows(session: Session, ids: Sequence[int]) -> list[list[Any]]:
    """The spreadsheet rows (COLUMNS) of the activities with these ids, in the order given:
    what ``row`` makes of each, read from the driver's rows without making records first."""
    if not ids:
        return []
    sheet = shapes.sheet()
    activities, parties, tags = _fetch(session, ids, sheet.stored)
    reads = {values[0]: shapes.SheetRead.of(values) for values in activities}
    for activity_id, role, code, name, _ in parties:
        reads[activity_id].add_party(role, code, name)
    for activity_id, vocabulary, code in tags:
        reads[activity_id].add_tag(vocabulary, code)
    return [sheet.cells(reads[i]) for i in ids if i in reads]


def loader(fmt: str) -> Callable[[Session, Sequence[int]], list[Any]]:
    """What an export in this format reads, a batch of activities at a time."""
    return load_rows if fmt in ("csv", "xlsx") else load_records


def row(activity: Any) -> list[Any]:
    """One spreadsheet row (COLUMNS) of an ORM activity or a record."""
    return shapes.row(activity)


def _item(activity: Any) -> dict[str, Any]:
    return shapes.item(ActivityRead, activity)


def csv_chunks(rows: Iterable[list[Any]], batch: int = 500) -> Iterator[str]:
    """CSV text in chunks of rows, UTF-8 BOM first so spreadsheets read the accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(HEADERS)
    rows = iter(rows)
    while chunk := list(islice(rows, batch)):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(records: Iterable[Any]) -> Iterator[str]:
    """One JSON object per line, in the shared item shape."""
    for record in records:
        yield json.dumps(_item(record), ensure_ascii=False) + "\n"


def write_xlsx(rows: Iterable[list[Any]], out: IO[bytes]) -> int:
    """Write rows to an XLSX workbook in write-only (streaming) mode; returns the row count."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("activities")
    sheet.append(list(HEADERS))
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
