"""The store stage: an extracted report into the database, once per distinct file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity, ActivityParty, ActivityTag
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.activities.records import ActivityRecord, PartyRecord, TagRecord
from ipcoop.ingest.records import Evidence, ExtractedActivity, ExtractedReport
from ipcoop.programmes.models import Instrument, ProgrammeOffer
from ipcoop.reports.models import Original, Report
from ipcoop.reports.provenance import is_generated
from ipcoop.vocabularies import PartyRole, ReviewState, TagVocabulary


def stored_files(session: Session) -> set[str]:
    """The SHA-256 of every file already ingested."""
    return set(session.scalars(select(Report.sha256)))


def is_stored(session: Session, sha256: str) -> bool:
    """Whether a file with these bytes was already ingested."""
    return session.scalar(select(Report.id).where(Report.sha256 == sha256)) is not None


def _evidence_rows(
    report_id: int, record_type: str, record_id: int, found: dict[str, list[Evidence]]
) -> list[dict[str, Any]]:
    return [
        {
            "report_id": report_id,
            "record_type": record_type,
            "record_id": record_id,
            "field": name,
            "start": e.start,
            "end": e.end,
            "method": e.method,
        }
        for name, items in found.items()
        for e in items
    ]


def _activity_values(report_id: int, position: int, item: ExtractedActivity) -> dict[str, Any]:
    last = item.end or item.start
    return {
        "report_id": report_id,
        "position": position,
        "title": item.title[:1000],
        "description": item.description,
        "type": item.type,
        "status": None,
        "start_date": item.start.iso if item.start else None,
        "end_date": item.end.iso if item.end else None,
        "date_precision": item.start.precision if item.start else None,
        "start_on": item.start.first_day if item.start else None,
        "end_on": last.last_day if last else None,
        "start_year": item.start.year if item.start else None,
        "modality": item.modality,
        "city": item.city,
        "country_code": item.country,
        "participants": item.participants.count if item.participants else None,
        "participants_qualifier": item.participants.qualifier if item.participants else None,
        "outputs": item.outputs,
        "website": item.website,
        "contact": item.contact,
        "confidence": item.confidence,
        "needs_review": bool(item.review_reasons),
        "review_reasons": item.review_reasons,
    }


def _party_rows(activity_id: int, item: ExtractedActivity) -> list[dict[str, Any]]:
    roles = [(PartyRole.BENEFICIARY, b) for b in item.beneficiaries] + [
        (p.role or PartyRole.PROVIDER, p) for p in item.providers
    ]
    return [
        {
            "activity_id": activity_id,
            "role": role,
            "party_code": ref.code,
            "name": ref.name,
            "via_group": ref.via_group,
        }
        for role, ref in roles
    ]


def _tag_rows(activity_id: int, item: ExtractedActivity) -> list[dict[str, Any]]:
    topics, audience = TagVocabulary.TOPIC, TagVocabulary.AUDIENCE
    return [{"activity_id": activity_id, "vocabulary": topics, "code": c} for c in item.topics] + [
        {"activity_id": activity_id, "vocabulary": audience, "code": c} for c in item.audience
    ]


def activity_record(item: ExtractedActivity) -> ActivityRecord:
    """What storing an extracted activity would write, as a record (no id yet)."""
    return ActivityRecord(
        {"id": None, **_activity_values(0, 0, item)},
        [
            PartyRecord(r["role"], r["party_code"], r["name"], r["via_group"])
            for r in _party_rows(0, item)
        ],
        [TagRecord(r["vocabulary"], r["code"]) for r in _tag_rows(0, item)],
    )


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one Core executemany (no ORM bookkeeping: ingest speed)."""
    if rows:
        session.connection().execute(insert(model.__table__), rows)


def store_activities(
    session: Session, report_id: int, activities: list[ExtractedActivity], after: int = 0
) -> list[int]:
    """Insert a report's activities (placed after position ``after``) with their parties,
    tags and evidence, in Core executemany statements (no ORM bookkeeping: ingest speed);
    returns their ids in order."""
    values = [_activity_values(report_id, after + i, a) for i, a in enumerate(activities, 1)]
    ids: list[int] = []
    if values:
        table = Activity.__table__
        assert isinstance(table, Table)
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = list(session.connection().scalars(returning, values))
    pairs = list(zip(ids, activities, strict=True))
    _insert(session, ActivityParty, [r for i, a in pairs for r in _party_rows(i, a)])
    _insert(session, ActivityTag, [r for i, a in pairs for r in _tag_rows(i, a)])
    _insert(
        session,
        EvidenceRow,
        [r for i, a in pairs for r in _evidence_rows(report_id, "activity", i, a.evidence)],
    )
    return ids


def keep_original(session: Session, extracted: ExtractedReport, data: bytes) -> None:
    """Store a file's bytes under their SHA-256, once whoever reads them again."""
    if session.get(Original, extracted.sha256) is None:
        session.add(
            Original(
                sha256=extracted.sha256,
                content=data,
                size=len(data),
                media_type=extracted.media_type,
            )
        )


def store(session: Session, extracted: ExtractedReport, data: bytes) -> Report | None:
    """Write one report with all it holds; None when the same bytes are already stored."""
    if is_stored(session, extracted.sha256):
        return None
    keep_original(session, extracted, data)
    report = Report(
        kind=extracted.kind,
        reporting_party_code=extracted.reporting_party.code if extracted.reporting_party else None,
        reporting_party_name=extracted.reporting_party.name if extracted.reporting_party else None,
        symbol=extracted.symbol,
        title=extracted.title,
        communication_date=extracted.communication_date.iso
        if extracted.communication_date
        else None,
        circulation_date=extracted.circulation_date.iso if extracted.circulation_date else None,
        period_start=extracted.period.start.iso if extracted.period else None,
        period_end=extracted.period.end.iso if extracted.period and extracted.period.end else None,
        language=extracted.language,
        source_name=extracted.source,
        media_type=extracted.media_type,
        sha256=extracted.sha256,
        text=extracted.text,
        status=ReviewState.NEEDS_REVIEW
        if any(a.review_reasons for a in extracted.activities)
        else ReviewState.INGESTED,
        warnings=extracted.warnings,
        generated=is_generated(extracted.text),
    )
    session.add(report)
    session.flush()
    store_activities(session, report.id, extracted.activities)
    programmes = [
        ProgrammeOffer(
            report_id=report.id,
            title=p.title[:500],
            description=p.description,
            provider_code=p.provider.code if p.provider else None,
            provider_name=p.provider.name if p.provider else None,
            topics=p.topics,
        )
        for p in extracted.programmes
    ]
    instruments = [
        Instrument(
            report_id=report.id,
            form=i.form,
            title=i.title[:500],
            date=i.date.iso if i.date else None,
            place=i.place,
            areas=i.areas,
            parties=[{"code": p.code, "name": p.name} for p in i.parties],
        )
        for i in extracted.instruments
    ]
    session.add_all([*programmes, *instruments])
    session.flush()
    evidence = _evidence_rows(report.id, "report", report.id, extracted.evidence)
    for prow, pitem in zip(programmes, extracted.programmes, strict=True):
        evidence += _evidence_rows(report.id, "programme", prow.id, pitem.evidence)
    for irow, iitem in zip(instruments, extracted.instruments, strict=True):
        evidence += _evidence_rows(report.id, "instrument", irow.id, iitem.evidence)
    _insert(session, EvidenceRow, evidence)
    return report
