"""Exports of any filtered set of activities: CSV, XLSX, JSON and JSON Lines, streamed.

Every format is made of activity records (``load_records``: a batch of activities read with
three driver queries, since building ORM objects with their parties and tags costs far more
than writing a million rows); the spreadsheet formats write their ``ActivityRead`` columns
(``ipcoop.activities.shapes.columns``), the JSON formats their ``ActivityRead`` items.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from ipcoop.activities import shapes
from ipcoop.activities.records import ActivityRecord, PartyRecord, TagRecord
from ipcoop.activities.schemas import ActivityRead, ActivityRow

SHEET = shapes.sheet(ActivityRow)
COLUMNS = tuple(column.name for column in SHEET.columns)
HEADERS = tuple(column.header for column in SHEET.columns)
FORMATS = ("csv", "xlsx", "jsonl", "json")
STREAMED = ("csv", "xlsx", "jsonl")  # the API's export formats (json only from the CLI)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson",
    "json": "application/json",
}

# what a record holds: the activity columns its shapes read, and its report's (report.*)
# (ActivityRow's sheet reads every column ActivityRead's fields do, "id" first)
_OWN = tuple(c for c in SHEET.stored if not c.startswith("report."))
_OF_REPORT = tuple(c.removeprefix("report.") for c in SHEET.stored if c.startswith("report."))
_RECORD_COLUMNS = _OWN + tuple(f"report.{c}" for c in _OF_REPORT)
_ACTIVITIES_SQL = (
    "SELECT {} FROM activities JOIN reports ON reports.id = activities.report_id"
    " WHERE activities.id IN ({})"
)
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
        selected = ", ".join(
            c.replace("report.", "reports.") if c.startswith("report.") else f"activities.{c}"
            for c in columns
        )
        cursor.execute(_ACTIVITIES_SQL.format(selected, marks), params)
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
    own = len(_OWN)
    found = {
        values[0]: ActivityRecord(
            dict(zip(_OWN, values[:own], strict=True)),
            report=dict(zip(_OF_REPORT, values[own:], strict=True)),
        )
        for values in activities
    }
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
    activities, parties, tags = _fetch(session, ids, SHEET.stored)
    reads = {values[0]: shapes.SheetRead.of(values) for values in activities}
    for activity_id, role, code, name, _ in parties:
        reads[activity_id].add_party(role, code, name)
    for activity_id, vocabulary, code in tags:
        reads[activity_id].add_tag(vocabulary, code)
    return [SHEET.cells(reads[i]) for i in ids if i in reads]


def loader(fmt: str) -> Callable[[Session, Sequence[int]], list[Any]]:
    """What an export in this format reads, a batch of activities at a time."""
    return load_rows if fmt in ("csv", "xlsx") else load_records


def row(activity: Any) -> list[Any]:
    """One spreadsheet row (COLUMNS) of an ORM activity or a record."""
    return SHEET.row(activity)


def _item(activity: Any) -> dict[str, Any]:
    return shapes.item(ActivityRead, activity)


@dataclass(frozen=True, slots=True)
class About:
    """What an export holds: the query it answers, the site its links point to, when it was
    made. It names the file and fills the workbook's About sheet."""

    params: tuple[tuple[str, str], ...] = ()
    base_url: str = ""  # links are absolute on this site; relative when empty
    made: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def filename(self, fmt: str) -> str:
        """A file name built from the query: ipcoop-activities-beneficiary-LDC-2023.xlsx."""
        words = "-".join(_FILE_UNSAFE.sub("", value)[:30] for _, value in self.params)
        stem = "-".join(part for part in ("ipcoop-activities", words) if part)[:120]
        return f"{stem.strip('-')}.{fmt}"

    def query(self) -> str:
        """The query as a person would type it in the address bar."""
        return urlencode(list(self.params)) or "(every activity)"

    def absolute(self, rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
        """The rows with their links on this site made absolute (when the site is known)."""
        if not self.base_url:
            yield from rows
            return
        base = self.base_url.rstrip("/")
        for values in rows:
            for i in _LINKS:
                values[i] = base + values[i]
            yield values


_FILE_UNSAFE = re.compile(r"[^A-Za-z0-9_.]+")
_LINKS = tuple(i for i, c in enumerate(SHEET.columns) if c.format is shapes.CellFormat.LINK)
_DATES = tuple(i for i, c in enumerate(SHEET.columns) if c.format is shapes.CellFormat.DATE)
_WIDE = 60  # characters: titles and free text
_HEADER_FILL = "1F4E79"


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


def write_xlsx(rows: Iterable[list[Any]], out: IO[bytes], about: About | None = None) -> int:
    """Write rows to an XLSX workbook in write-only (streaming) mode: a styled, frozen header
    with a filter, dates as dates, links that open, and an About sheet; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    about = about or About()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Activities")
    sheet.freeze_panes = "A2"
    header = []
    for n, column in enumerate(SHEET.columns, 1):
        wide = column.format is shapes.CellFormat.TEXT
        width = _WIDE if wide else max(12, min(len(column.header) + 2, 30))
        sheet.column_dimensions[get_column_letter(n)].width = width
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        header.append(cell)
    sheet.append(header)
    count = 0
    for values in about.absolute(rows):
        for i in _DATES:
            if values[i] and len(values[i]) == 10:
                values[i] = dt.date.fromisoformat(values[i])
        if about.base_url:
            for i in _LINKS:
                values[i] = f'=HYPERLINK("{values[i]}", "{values[i]}")'
        sheet.append(values)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    _about_sheet(workbook, about, count)
    workbook.save(out)
    return count


def _about_sheet(workbook: Any, about: About, count: int) -> None:
    """What the workbook holds, for whoever opens it later: the query, when, from where, and
    each column's header beside its name in the API."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = workbook.create_sheet("About")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90

    def line(label: str, value: Any) -> None:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = Font(bold=True)
        sheet.append([cell, value])

    line("What", "Activities of intellectual-property technical cooperation, from ipcoop")
    line("Query", about.query())
    line("Activities", count)
    line("Made", about.made.strftime("%Y-%m-%d %H:%M UTC"))
    line("Source", about.base_url or "ipcoop (local database)")
    line(
        "Licence",
        "Records read from public reports; each row links to its report and to "
        "the words each value was read from.",
    )
    line("Dates", "A date known to the day is a date; 2021-03 or 2021 is a month or a year.")
    sheet.append([])
    line("Column", "Name in the API and JSON exports")
    for column in SHEET.columns:
        sheet.append([column.header, column.name])


def write(items: Iterable[Any], fmt: str, out: IO[bytes], about: About | None = None) -> None:
    """Write an export to a binary stream: spreadsheet rows for csv and xlsx, records (or ORM
    activities) for json and jsonl, as ``loader(fmt)`` reads them."""
    about = about or About()
    if fmt == "xlsx":
        write_xlsx(items, out, about)
        return
    if fmt == "csv":
        chunks = csv_chunks(about.absolute(items))
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
