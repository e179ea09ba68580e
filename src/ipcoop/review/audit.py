"""The audit log: every change with who, when, what, before and after; CSV for curators."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipcoop.review.models import AuditEvent
from ipcoop.review.permissions import Actor, Forbidden

CSV_COLUMNS = (
    "id",
    "at",
    "actor",
    "action",
    "record_type",
    "record_id",
    "report_id",
    "comment",
    "before",
    "after",
)


def record(
    session: Session,
    actor: Actor,
    action: str,
    record_type: str,
    record_id: int | None,
    report_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    comment: str | None = None,
) -> AuditEvent:
    """Write one event in the caller's transaction (it stands or falls with the change)."""
    event = AuditEvent(
        account_id=actor.account_id,
        actor=actor.email,
        action=action,
        record_type=record_type,
        record_id=record_id,
        report_id=report_id,
        before=before,
        after=after,
        comment=comment,
    )
    session.add(event)
    return event


def _require_curator(actor: Actor) -> None:
    if not actor.curator:
        raise Forbidden("the audit log is for curators")


def events(
    session: Session,
    actor: Actor,
    *,
    report_id: int | None = None,
    limit: int = 200,
    before_id: int | None = None,
) -> list[AuditEvent]:
    """Events newest first (curators only)."""
    _require_curator(actor)
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if report_id is not None:
        query = query.where(AuditEvent.report_id == report_id)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    return list(session.scalars(query))


def as_json(event: AuditEvent) -> dict[str, Any]:
    """One event in the API's shape."""
    return {
        "id": event.id,
        "at": event.at.isoformat(timespec="seconds") + "Z",
        "actor": event.actor,
        "action": event.action,
        "record_type": event.record_type,
        "record_id": event.record_id,
        "report_id": event.report_id,
        "comment": event.comment,
        "before": event.before,
        "after": event.after,
    }


def csv_chunks(session: Session, actor: Actor, report_id: int | None = None) -> Iterator[str]:
    """The whole log (or one report's) as CSV with a BOM for spreadsheets, oldest first."""
    _require_curator(actor)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    query = select(AuditEvent).order_by(AuditEvent.id)
    if report_id is not None:
        query = query.where(AuditEvent.report_id == report_id)
    for event in session.scalars(query.execution_options(yield_per=500)):
        buffer.seek(0)
        buffer.truncate()
        data = as_json(event)
        writer.writerow(
            [
                json.dumps(data[c], ensure_ascii=False) if c in ("before", "after") else data[c]
                for c in CSV_COLUMNS
            ]
        )
        yield buffer.getvalue()
