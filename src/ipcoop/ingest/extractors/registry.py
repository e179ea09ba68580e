"""Which extractors run for activities, programme offers and instruments."""

from __future__ import annotations

from collections.abc import Callable

from ipcoop.ingest.candidates import RawActivity
from ipcoop.ingest.document import Document
from ipcoop.ingest.extractors import (
    annex,
    flat_table,
    instruments,
    label_blocks,
    offers,
    prose,
    table,
)
from ipcoop.ingest.extractors.metadata import Metadata
from ipcoop.ingest.records import ExtractedInstrument, ExtractedProgramme

Extractor = Callable[[Document], list[RawActivity]]

# Records laid out as records (annex blocks, list tables) — the document's activity list.
STRUCTURED_EXTRACTORS: list[Extractor] = [annex.extract, table.extract]
# Records laid out as a page's own layout (flattened list tables, label/value pages): read when
# the document has no template records (the template's blocks are the annex reader's).
LAYOUT_EXTRACTORS: list[Extractor] = [flat_table.extract, label_blocks.extract]
# Prose is mined only when a document has no structured records: where it has them, its
# prose is an overview of the same work (seed 003's operations paragraph, for one).
PROSE_EXTRACTORS: list[Extractor] = [prose.extract]


def extract_programmes(document: Document, meta: Metadata) -> list[ExtractedProgramme]:
    """Standing programme offers in the document."""
    return offers.extract(document)


def extract_instruments(document: Document, meta: Metadata) -> list[ExtractedInstrument]:
    """Instruments, bodies and platforms in the document."""
    return instruments.extract(document)
