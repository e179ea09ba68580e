"""Exports of any filtered set of activities: CSV, XLSX and JSON Lines, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ipcoop.activities.models import Activity
from ipcoop.activities.service import item

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    """Text that a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def row(activity: Activity) -> list[Any]:
    """One spreadsheet row: codes and labels side by side, lists joined with '; '."""
    data = item(activity)
    benef = data["beneficiaries"]
    prov = data["providers"]
    participants = data["participants"] or {}
    values = [
        data["id"],
        data["title"],
        data["start_date"],
        data["end_date"],
        data["date_precision"],
        "; ".join(b["code"] or "" for b in benef),
        "; ".join(b["name"] for b in benef),
        "; ".join(p["code"] or "" for p in prov),
        "; ".join(p["name"] for p in prov),
        data["type"],
        "; ".join(data["topics"]),
        "; ".join(data["audience"]),
        data["modality"],
        data["location"]["city"],
        data["location"]["country"],
        participants.get("count"),
        participants.get("qualifier"),
        data["description"],
        data["outputs"],
        data["website"],
        data["contact"],
        data["confidence"],
        data["needs_review"],
        data["report_id"],
        data["url"],
    ]
    return [_safe(v) if isinstance(v, str) else v for v in values]


def csv_chunks(activities: Iterable[Activity], batch: int = 500) -> Iterator[str]:
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


def jsonl_chunks(activities: Iterable[Activity]) -> Iterator[str]:
    """One JSON object per line, in the shared item shape."""
    for activity in activities:
        yield json.dumps(item(activity), ensure_ascii=False) + "\n"


def write_xlsx(activities: Iterable[Activity], out: IO[bytes]) -> int:
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


def write(activities: Iterable[Activity], fmt: str, out: IO[bytes]) -> None:
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
                (b"," if n else b"") + json.dumps(item(activity), ensure_ascii=False).encode()
            )
        out.write(b"]\n")
        return
    else:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    for chunk in chunks:
        out.write(chunk.encode("utf-8"))
