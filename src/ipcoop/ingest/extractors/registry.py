"""Which extractors run for activities, programme offers and instruments."""

from __future__ import annotations

from collections.abc import Callable

from ipcoop.ingest.candidates import RawActivity
from ipcoop.ingest.document import Document
from ipcoop.ingest.extractors.metadata import Metadata
from ipcoop.ingest.records import ExtractedInstrument, ExtractedProgramme

ACTIVITY_EXTRACTORS: list[Callable[[Document], list[RawActivity]]] = []


def extract_programmes(document: Document, meta: Metadata) -> list[ExtractedProgramme]:
    """Standing programme offers in the document."""
    return []


def extract_instruments(document: Document, meta: Metadata) -> list[ExtractedInstrument]:
    """Instruments, bodies and platforms in the document."""
    return []
