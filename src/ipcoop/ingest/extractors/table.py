"""Gateway list tables: '# | Title of programme or activity | Start date | Beneficiary Members
or observers', one activity per row; and the Art. 66.2 variant ('Category of technology')."""

from __future__ import annotations

import re
import unicodedata

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockKind, Document

METHOD = "list_table"

# column header (normalized) -> activity field
HEADERS: dict[str, str] = {
    "title of programme or activity": "title",
    "title of program or activity": "title",
    "name of programme or project": "title",
    "titre du programme ou de l'activité": "title",
    "nom du programme ou du projet": "title",
    "título del programa o actividad": "title",
    "nombre del programa o proyecto": "title",
    "start date": "dates",
    "date de début": "dates",
    "fecha de inicio": "dates",
    "beneficiary members or observers": "beneficiaries",
    "beneficiary members(s)": "beneficiaries",
    "beneficiary member(s)": "beneficiaries",
    "beneficiary members": "beneficiaries",
    "membres ou observateurs bénéficiaires": "beneficiaries",
    "membre(s) bénéficiaire(s)": "beneficiaries",
    "miembros u observadores beneficiarios": "beneficiaries",
    "miembro(s) beneficiario(s)": "beneficiaries",
    "category of technology": "description",
    "catégorie de technologie": "description",
    "categoría de tecnología": "description",
}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return re.sub(r"\s+", " ", text).strip(" :*")


def _columns(block: Block) -> dict[int, str] | None:
    """Column index -> field when the row is a list-table header with at least a title."""
    if block.kind is not BlockKind.ROW:
        return None
    columns = {
        i: HEADERS[_norm(c.text)] for i, c in enumerate(block.cells) if _norm(c.text) in HEADERS
    }
    return columns if "title" in columns.values() and len(columns) >= 2 else None


def extract(document: Document) -> list[RawActivity]:
    """One activity per row under a list-table header, until the table ends."""
    found: list[RawActivity] = []
    columns: dict[int, str] | None = None
    table: int | None = None
    for block in document.blocks:
        header = _columns(block)
        if header is not None:
            columns, table = header, block.table
            continue
        if columns is None or block.kind is not BlockKind.ROW or block.table != table:
            columns = None if block.kind is not BlockKind.ROW or block.table != table else columns
            continue
        raw = RawActivity(METHOD, start=block.start, end=block.end)
        for index, name in columns.items():
            if index < len(block.cells) and block.cells[index].text.strip():
                cell = block.cells[index]
                raw.fields[name] = Span(cell.text.strip(), cell.start, cell.end)
        if raw.get("title"):
            found.append(raw)
    return found
