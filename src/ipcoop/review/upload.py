"""Upload a document into a draft: its text becomes the report's, and each extracted activity
is added as a draft activity with the evidence of its fields, for the reporter to confirm."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.db import private_writes
from ipcoop.ingest import pipeline, workers
from ipcoop.ingest.limits import Limits
from ipcoop.ingest.store import keep_original, store_activities
from ipcoop.reports.models import Report
from ipcoop.review import audit
from ipcoop.review.permissions import Action, Actor
from ipcoop.review.service import load


def upload(
    session: Session, actor: Actor, report_id: int, name: str, data: bytes, *, max_bytes: int
) -> list[int]:
    """Extract a DOCX, PDF, HTML or text file into a draft; the ids of the new activities.
    The file is read in a worker process under the reading limits; IngestError says what is
    wrong with the file (or which limit it is over)."""
    report = load(session, actor, report_id, Action.EDIT)
    if len(data) > max_bytes:
        raise pipeline.IngestError(f"{name}: {len(data):,} bytes is over the {max_bytes:,} limit")
    extracted = workers.extract(pipeline.Source(name, data), Limits.from_settings())
    private_writes(session.connection())
    keep_original(session, extracted, data)
    taken = session.scalar(select(Report.id).where(Report.sha256 == extracted.sha256))
    # the earlier upload's evidence pointed into the text this one replaces
    session.query(EvidenceRow).filter(EvidenceRow.report_id == report.id).delete()
    report.text = extracted.text
    report.source_name = name
    report.media_type = extracted.media_type
    if taken is None:
        report.sha256 = extracted.sha256
    if extracted.period and not report.period_start:
        report.period_start = extracted.period.start.iso
        report.period_end = extracted.period.end.iso if extracted.period.end else None
    session.flush()
    last = session.scalar(
        select(func.max(Activity.position)).where(Activity.report_id == report.id)
    )
    ids = store_activities(session, report.id, extracted.activities, after=last or 0)
    audit.record(
        session,
        actor,
        "report.upload",
        "report",
        report.id,
        report.id,
        after={"file": name, "sha256": extracted.sha256, "activities": ids},
    )
    return ids
