"""Word (.docx) reader."""

from __future__ import annotations

import io
import zipfile

import pytest

from ipcoop.ingest.document import BlockType
from ipcoop.ingest.readers import DOCX, BrokenFile, EmptyDocument, UnsupportedFormat, read

from .makers import ANNEX_LABELS, annex_rows, assert_offsets, make_docx, split_rows


def test_paragraphs_and_tables_in_document_order() -> None:
    data = make_docx(
        [
            ("Heading 1", "Technical cooperation activities"),
            ("", "The present document reproduces the information received."),
            ("List Bullet", "Patent programmes"),
            ("List Number", "Trademark programmes"),
        ],
        [annex_rows("National Workshop", "Lao People's Democratic Republic", repeat=1)],
    )
    doc = read(data, source="report.docx")
    assert doc.media_type == DOCX
    assert_offsets(doc)
    types, rows = split_rows(doc)
    assert types == [
        (BlockType.HEADING, "Technical cooperation activities"),
        (BlockType.PARAGRAPH, "The present document reproduces the information received."),
        (BlockType.LIST_ITEM, "Patent programmes"),
        (BlockType.LIST_ITEM, "Trademark programmes"),
        (BlockType.PARAGRAPH, "After the table."),
    ]
    assert [r.cells[0].text for r in rows] == list(ANNEX_LABELS)
    assert rows[2].cells[1].text == "Lao People's Democratic Republic"
    assert {r.table for r in rows} == {0}
    # the table sits between the list items and the paragraph written after it
    assert doc.blocks.index(rows[0]) == 4 and doc.blocks[-1].text == "After the table."


def test_merged_cells_are_not_repeated() -> None:
    grid = [["Label", "Value", "Extra"], ["A", "b", "c"], ["D", "e", "f"]]
    data = make_docx([("", "Intro")], [grid, grid], merges=[(0, 0, 1, 0, 2), (1, 1, 0, 2, 0)])
    doc = read(data, source="merged.docx")
    assert_offsets(doc)
    rows = [b for b in doc.blocks if b.block_type is BlockType.ROW]
    cells = [([c.text for c in r.cells], r.table) for r in rows]
    assert cells == [
        (["Label", "merged 0-0"], 0),  # horizontal merge: one cell, not two copies
        (["A", "b", "c"], 0),
        (["D", "e", "f"], 0),
        (["Label", "Value", "Extra"], 1),
        (["merged 1-2", "b", "c"], 1),
        (["", "e", "f"], 1),  # vertical merge: the continuation is empty, not a repeat
    ]


def test_truncated_docx_is_a_broken_file() -> None:
    data = make_docx([("", "Some text")])
    with pytest.raises(BrokenFile, match=r"Word.*damaged or truncated"):
        read(data[: len(data) // 2], source="cut.docx")


def test_docx_with_unparsable_xml_is_a_broken_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(BrokenFile, match=r"save it again as \.docx"):
        read(out.getvalue(), source="bad.docx")


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        read(out.getvalue(), source="bundle.zip")


def test_docx_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        read(make_docx([("", "  ")]), source="blank.docx")
