"""Word (.docx) reader: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ipcoop.ingest.document import BlockKind, Document, DocumentBuilder
from ipcoop.ingest.readers import DOCX, BrokenFile, EmptyDocument

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T = qn("w:tr"), qn("w:tc"), qn("w:t")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _open(data: bytes, source: str) -> WordDocument:
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise BrokenFile(
            f"{source} is a damaged Word (.docx) file and cannot be opened ({exc}): "
            "open it in Word, save it again as .docx, and upload the new file"
        ) from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise BrokenFile(
            f"{source} is not a readable Word (.docx) file ({type(exc).__name__}: {exc}): "
            "save it again as .docx or as PDF"
        ) from exc


def _body_items(parent: Any) -> Iterator[Any]:
    """Paragraph and table elements of the body in order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_items(content)


def _paragraph_kind(paragraph: Paragraph) -> BlockKind:
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    ppr = paragraph._p.pPr
    if name.startswith(("heading", "title")) or (
        ppr is not None and ppr.find(qn("w:outlineLvl")) is not None
    ):
        return BlockKind.HEADING
    numbered = ppr is not None and ppr.numPr is not None
    style_ppr = style.element.pPr if style is not None else None
    style_numbered = style_ppr is not None and style_ppr.numPr is not None
    if numbered or style_numbered or name.startswith("list"):
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def _cell_text(tc: Any) -> str:
    """All the text of a cell (nested tables included), paragraphs joined by single spaces."""
    paragraphs = []
    for p in tc.iter(_P):
        paragraphs.append(Paragraph(p, None).text)  # type: ignore[arg-type]
    return _collapse(" ".join(paragraphs))


def _row_cells(tr: Any) -> list[str]:
    """One entry per real cell: a horizontally merged cell appears once, a vertical
    continuation (vMerge="continue") as an empty cell rather than a repeat of the text above."""
    cells: list[str] = []
    for tc in tr.iterchildren(_TC):
        tc_pr = tc.tcPr
        merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
        if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
            cells.append("")
        else:
            cells.append(_cell_text(tc))
    return cells


def read_docx(data: bytes, *, source: str) -> Document:
    """Read a .docx report: headings, paragraphs, list items and one ROW per table row."""
    word = _open(data, source)
    builder = DocumentBuilder(source, DOCX)
    tables = 0
    for element in _body_items(word.element.body):
        if element.tag == _P:
            paragraph = Paragraph(element, word._body)
            text = _collapse(paragraph.text)
            if text:
                builder.add(_paragraph_kind(paragraph), text)
            continue
        table = Table(element, word._body)
        for tr in table._tbl.iterchildren(_TR):
            cells = _row_cells(tr)
            if any(cells):
                builder.add_row(cells, table=tables)
        tables += 1
    document = builder.build()
    if not document.blocks:
        raise EmptyDocument(f"{source} is a Word document with no text in it")
    return document
