"""Helpers for extractor tests: run the pipeline on a text, and its activities in brief."""

from __future__ import annotations

from typing import Any

from ipcoop.ingest import pipeline
from ipcoop.ingest.records import ExtractedReport


def run(text: str) -> ExtractedReport:
    """The report the whole pipeline extracts from a plain text."""
    return pipeline.extract(pipeline.Source("page.txt", text.encode()))


def brief(report: ExtractedReport) -> list[dict[str, Any]]:
    """Each activity's compared values: title, dates, beneficiary codes, venue, count."""
    return [
        {
            "title": a.title,
            "start": a.start.iso if a.start else None,
            "end": a.end.iso if a.end else None,
            "beneficiaries": [b.code for b in a.beneficiaries],
            "city": a.city,
            "country": a.country,
            "participants": a.participants.count if a.participants else None,
        }
        for a in report.activities
    ]
