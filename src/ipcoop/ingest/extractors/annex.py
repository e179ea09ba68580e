"""Annex blocks: one two-column table of label/value rows per activity (the WTO template)."""

from __future__ import annotations

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.extractors.labels import field_for

METHOD = "annex"


def _label_value(block: Block) -> tuple[str, Span] | None:
    """The (field, value span) of a template row, or None when the row is something else."""
    if block.block_type is not BlockType.ROW or not block.cells:
        return None
    name = field_for(block.cells[0].text)
    if name is None:
        return None
    rest = [c for c in block.cells[1:] if c.text.strip()]
    if not rest:
        end = block.cells[0].end
        return name, Span("", end, end)
    first, last = rest[0], rest[-1]
    return name, Span(" ".join(c.text.strip() for c in rest), first.start, last.end)


def extract(document: Document) -> list[RawActivity]:
    """Every annex activity in the document; a title row starts a new one."""
    found: list[RawActivity] = []
    current: RawActivity | None = None
    for block in document.blocks:
        pair = _label_value(block)
        if pair is None:
            continue
        name, span = pair
        if name == "title" or current is None or name in current.fields:
            current = RawActivity(METHOD, start=block.start)
            found.append(current)
        if span.text:
            current.fields[name] = span
        current.end = block.end
    return [a for a in found if a.get("title")]
