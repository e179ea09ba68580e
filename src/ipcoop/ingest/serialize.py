"""The `ipcoop extract --json` shape of a report: activities as ``ActivityExtract``."""

from __future__ import annotations

from typing import Any

from ipcoop.activities import shapes
from ipcoop.activities.records import PartyRecord
from ipcoop.activities.schemas import ActivityExtract
from ipcoop.activities.shapes import mention
from ipcoop.ingest.records import (
    Evidence,
    ExtractedActivity,
    ExtractedInstrument,
    ExtractedProgramme,
    ExtractedReport,
    PartialDate,
    PartyRef,
)
from ipcoop.ingest.store import activity_record
from ipcoop.vocabularies import PartyRole


def party(ref: PartyRef | None) -> dict[str, Any] | None:
    """A party reference in the ``PartyMention`` shape."""
    if ref is None:
        return None
    return mention(PartyRecord(ref.role or PartyRole.PROVIDER, ref.code, ref.name, ref.via_group))


def _iso(date: PartialDate | None) -> str | None:
    return date.iso if date else None


def evidence(found: dict[str, list[Evidence]], text: str) -> dict[str, list[dict[str, Any]]]:
    """Evidence per field, each with the quoted words."""
    return {name: [e.as_dict(text) for e in items] for name, items in found.items()}


def activity(item: ExtractedActivity, text: str) -> dict[str, Any]:
    """One activity in the extract shape (``ActivityExtract``): what storing it would write,
    read as every stored activity is read, with the words behind each value."""
    return shapes.item(
        ActivityExtract, activity_record(item), evidence=evidence(item.evidence, text)
    )


def programme(item: ExtractedProgramme, text: str) -> dict[str, Any]:
    """One programme offer in the extract shape."""
    return {
        "title": item.title,
        "description": item.description,
        "provider": party(item.provider),
        "topics": item.topics,
        "evidence": evidence(item.evidence, text),
    }


def instrument(item: ExtractedInstrument, text: str) -> dict[str, Any]:
    """One instrument, body or platform in the extract shape."""
    return {
        "form": item.form,
        "title": item.title,
        "parties": [party(p) for p in item.parties],
        "date": _iso(item.date),
        "place": item.place,
        "areas": item.areas,
        "evidence": evidence(item.evidence, text),
    }


def report(item: ExtractedReport) -> dict[str, Any]:
    """One report in the extract shape."""
    return {
        "source": item.source,
        "sha256": item.sha256,
        "kind": item.kind,
        "reporting_party": party(item.reporting_party),
        "symbol": item.symbol,
        "title": item.title,
        "communication_date": _iso(item.communication_date),
        "circulation_date": _iso(item.circulation_date),
        "period": {
            "start": _iso(item.period.start) if item.period else None,
            "end": _iso(item.period.end) if item.period else None,
        },
        "language": item.language,
        "activities": [activity(a, item.text) for a in item.activities],
        "programmes": [programme(p, item.text) for p in item.programmes],
        "instruments": [instrument(i, item.text) for i in item.instruments],
        "warnings": item.warnings,
        "evidence": evidence(item.evidence, item.text),
    }
