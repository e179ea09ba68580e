"""List tables in tab or pipe rows, one activity per row: the Gateway's '# | Title of programme
or activity | Start date | Beneficiary Members or observers', the Art. 66.2 variant ('Category of
technology'), and any table whose header names a title column and another known column with the
labels of ``field_labels`` ('Título | Fecha | Lugar | Beneficiarios', 'Event | Dates | Venue')."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.extractors.field_labels import field_for_label

METHOD = "list_table"

NUMBER_HEADERS = {"#", "no", "no.", "n°", "nº", "n.º", "núm."}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return re.sub(r"\s+", " ", text).strip(" :*")


def _columns(block: Block) -> dict[int, str] | None:
    """Column index -> field when the row is a list-table header with at least a title."""
    if block.block_type is not BlockType.ROW:
        return None
    named = ((i, field_for_label(c.text)) for i, c in enumerate(block.cells) if len(c.text) < 80)
    columns = {i: name for i, name in named if name is not None}
    return columns if list(columns.values()).count("title") == 1 and len(columns) >= 2 else None


def _activity(block: Block, columns: dict[int, str]) -> RawActivity | None:
    """The activity one body row gives, or None when its title cell is empty."""
    raw = RawActivity(METHOD, start=block.start, end=block.end)
    for index, name in columns.items():
        if index < len(block.cells) and block.cells[index].text.strip():
            cell = block.cells[index]
            words = cell.text.strip()
            start = cell.start + cell.text.find(words)
            raw.fields[name] = Span(words, start, start + len(words))
    return raw if raw.get("title") else None


def _continues(block: Block, header: Block) -> bool:
    """Whether a row of another table carries on the list: the text reader starts a new table
    at a blank line, and PDF pages split one table in two. It must be as wide as the header
    and, under a "#" column, numbered."""
    if block.block_type is not BlockType.ROW or len(block.cells) != len(header.cells):
        return False
    if _norm(header.cells[0].text) in NUMBER_HEADERS:
        return block.cells[0].text.strip().rstrip(".").isdigit()
    return True


def extract(document: Document) -> list[RawActivity]:
    """One activity per row under a list-table header, until the table ends."""
    found: list[RawActivity] = []
    columns: dict[int, str] | None = None
    header: Block | None = None
    for block in document.blocks:
        found_columns = _columns(block)
        if found_columns is not None:
            columns, header = found_columns, block
            continue
        if columns is None or header is None:
            continue
        if block.block_type is not BlockType.ROW:
            columns = None  # prose between rows ends the list
            continue
        if block.table != header.table:
            if not _continues(block, header):
                columns = None
                continue
            header = replace(header, table=block.table)
        raw = _activity(block, columns)
        if raw is not None:
            found.append(raw)
    return found
