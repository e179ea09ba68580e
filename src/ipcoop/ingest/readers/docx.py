"""Word (.docx) reader: paragraphs and tables in document order.

The body is parsed as a stream (lxml's pull parser fed from the archive as it inflates), each
paragraph or table released once read, and styles are resolved once per document: memory and
time grow with what is read, which the limits bound, not with what the archive holds.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ipcoop.ingest.document import BlockType, Document, DocumentBuilder
from ipcoop.ingest.limits import Archive, Limits
from ipcoop.ingest.readers import DOCX, BrokenFile, EmptyDocument, open_archive

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _SDT_CONTENT, _BODY = (
    f"{_W}{t}" for t in ("p", "tbl", "sdt", "sdtContent", "body")
)
_TR, _TC, _R, _HYPERLINK = (f"{_W}{t}" for t in ("tr", "tc", "r", "hyperlink"))
_PPR, _NUMPR, _OUTLINE, _PSTYLE = (f"{_W}{t}" for t in ("pPr", "numPr", "outlineLvl", "pStyle"))
_TCPR, _VMERGE, _VAL = f"{_W}tcPr", f"{_W}vMerge", f"{_W}val"
_STYLE, _NAME, _TYPE, _DEFAULT, _STYLE_ID = (
    f"{_W}{t}" for t in ("style", "name", "type", "default", "styleId")
)
# what each run element contributes to the text (as python-docx reads it)
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_T, _BR = f"{_W}t", f"{_W}br"
_BODY_LEVEL = frozenset({_BODY, _SDT, _SDT_CONTENT})
_DOCUMENT, _STYLES = "word/document.xml", "word/styles.xml"


@dataclass(frozen=True, slots=True)
class _Style:
    name: str  # lower case
    numbered: bool


class _Styles:
    """The paragraph styles of a document, read once: a style by id, else the default one."""

    def __init__(self, archive: Archive) -> None:
        self._by_id: dict[str, _Style] = {}
        self._default = _Style("", False)
        if _STYLES not in archive.names():
            return
        root = etree.fromstring(archive.read(_STYLES), _parser())
        for element in root.iterchildren(_STYLE):
            if element.get(_TYPE) != "paragraph":
                continue
            name = element.find(_NAME)
            ppr = element.find(_PPR)
            style = _Style(
                (name.get(_VAL, "") if name is not None else "").lower(),
                ppr is not None and ppr.find(_NUMPR) is not None,
            )
            self._by_id[element.get(_STYLE_ID, "")] = style
            if element.get(_DEFAULT) in ("1", "true", "on"):
                self._default = style

    def of(self, ppr: Any) -> _Style:
        ref = ppr.find(_PSTYLE) if ppr is not None else None
        if ref is None:
            return self._default
        return self._by_id.get(ref.get(_VAL, ""), self._default)


def _parser(**events: Any) -> Any:
    """An XML parser that expands no external entities and fetches nothing."""
    options = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    return etree.XMLPullParser(**events, **options) if events else etree.XMLParser(**options)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _run_text(run: Any) -> str:
    parts = []
    for child in run.iterchildren():
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _BR:
            parts.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        else:
            parts.append(_RUN_TEXT.get(child.tag, ""))
    return "".join(parts)


def _paragraph_text(p: Any) -> str:
    """The text of a paragraph's runs and hyperlinks."""
    parts: list[str] = []
    for child in p.iterchildren(_R, _HYPERLINK):
        runs = [child] if child.tag == _R else child.iterchildren(_R)
        parts.extend(_run_text(r) for r in runs)
    return "".join(parts)


def _paragraph_type(p: Any, styles: _Styles) -> BlockType:
    ppr = p.find(_PPR)
    style = styles.of(ppr)
    if style.name.startswith(("heading", "title")) or (
        ppr is not None and ppr.find(_OUTLINE) is not None
    ):
        return BlockType.HEADING
    numbered = ppr is not None and ppr.find(_NUMPR) is not None
    if numbered or style.numbered or style.name.startswith("list"):
        return BlockType.LIST_ITEM
    return BlockType.PARAGRAPH


def _cell_text(tc: Any) -> str:
    """All the text of a cell (nested tables included), paragraphs joined by single spaces."""
    return _collapse(" ".join(_paragraph_text(p) for p in tc.iter(_P)))


def _row_cells(tr: Any) -> list[str]:
    """One entry per real cell: a horizontally merged cell appears once, a vertical
    continuation (vMerge="continue") as an empty cell rather than a repeat of the text above."""
    cells: list[str] = []
    for tc in tr.iterchildren(_TC):
        tc_pr = tc.find(_TCPR)
        merge = tc_pr.find(_VMERGE) if tc_pr is not None else None
        if merge is not None and merge.get(_VAL, "continue") == "continue":
            cells.append("")
        else:
            cells.append(_cell_text(tc))
    return cells


def _in_body(element: Any) -> bool:
    """Whether a paragraph or table sits in the body itself (content controls included), not in a
    table cell or another container."""
    parent = element.getparent()
    while parent is not None and parent.tag in _BODY_LEVEL:
        if parent.tag == _BODY:
            return True
        parent = parent.getparent()
    return False


def _body_items(archive: Archive) -> Iterator[Any]:
    """Body paragraphs, the rows of body tables and the ends of those tables, in order; each is
    parsed whole and released after use (a table row by row, however long the table)."""
    parser = _parser(events=("end",), tag=(_P, _TR, _TBL))
    for chunk in archive.chunks(_DOCUMENT):
        parser.feed(chunk)
        for _, element in parser.read_events():
            owner = element.getparent() if element.tag == _TR else element
            if owner is None or owner.tag not in (_P, _TBL) or not _in_body(owner):
                continue
            yield element
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    parser.close()


def read_docx(data: bytes, *, source: str, limits: Limits) -> Document:
    """Read a .docx report: headings, paragraphs, list items and one ROW per table row."""
    archive = open_archive(data, source, limits)
    builder = DocumentBuilder(source, DOCX, limits)
    tables = 0
    try:
        styles = _Styles(archive)
        for element in _body_items(archive):
            if element.tag == _P:
                text = _collapse(_paragraph_text(element))
                if text:
                    builder.add(_paragraph_type(element, styles), text)
            elif element.tag == _TR:
                cells = _row_cells(element)
                if any(cells):
                    builder.add_row(cells, table=tables)
            else:
                tables += 1
    except (zipfile.BadZipFile, KeyError, struct.error, zlib.error, etree.XMLSyntaxError) as exc:
        raise BrokenFile(
            f"{source} is a damaged Word (.docx) file and cannot be opened ({exc}): "
            "open it in Word, save it again as .docx, and upload the new file"
        ) from exc
    document = builder.build()
    if not document.blocks:
        raise EmptyDocument(f"{source} is a Word document with no text in it")
    return document
