"""The `ipcoop extract --json` shape of a report (later issues extend it, never rename)."""

from __future__ import annotations

from typing import Any

from ipcoop.ingest.records import (
    Evidence,
    ExtractedActivity,
    ExtractedInstrument,
    ExtractedProgramme,
    ExtractedReport,
    PartialDate,
    PartyRef,
)
from ipcoop.parties.resolver import Resolver


def party(ref: PartyRef | None) -> dict[str, Any] | None:
    """{code, name} of a party reference (plus via_group/role when known)."""
    if ref is None:
        return None
    out: dict[str, Any] = {"code": ref.code, "name": ref.name}
    if ref.code is not None:
        out["name"] = Resolver.default().get(ref.code).name_en
    if ref.via_group:
        out["via_group"] = ref.via_group
    if ref.role:
        out["role"] = ref.role
    if ref.code is None:
        out["unresolved"] = True
    return out


def _iso(date: PartialDate | None) -> str | None:
    return date.iso if date else None


def evidence(found: dict[str, list[Evidence]], text: str) -> dict[str, list[dict[str, Any]]]:
    """Evidence per field, each with the quoted words."""
    return {name: [e.as_dict(text) for e in items] for name, items in found.items()}


def activity(item: ExtractedActivity, text: str) -> dict[str, Any]:
    """One activity in the extract shape."""
    return {
        "title": item.title,
        "start_date": _iso(item.start),
        "end_date": _iso(item.end),
        "date_precision": item.start.precision if item.start else None,
        "beneficiaries": [party(b) for b in item.beneficiaries],
        "providers": [party(p) for p in item.providers],
        "type": item.type,
        "topics": item.topics,
        "audience": item.audience,
        "modality": item.modality,
        "location": {"city": item.city, "country": item.country},
        "participants": (
            {"count": item.participants.count, "qualifier": item.participants.qualifier}
            if item.participants
            else None
        ),
        "description": item.description,
        "outputs": item.outputs,
        "website": item.website,
        "contact": item.contact,
        "confidence": item.confidence,
        "needs_review": bool(item.review_reasons),
        "review_reasons": item.review_reasons,
        "evidence": evidence(item.evidence, text),
    }


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
        "kind": item.kind,
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
