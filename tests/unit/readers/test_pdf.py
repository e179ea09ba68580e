"""PDF reader: tables across pages, wrapped labels, running headers, scanned and broken files."""

from __future__ import annotations

import pytest

from ipcoop.ingest.document import BlockType, Document
from ipcoop.ingest.readers import PDF, BrokenFile, ScannedPdf, read

from .makers import (
    ANNEX_LABELS,
    LONG,
    annex_rows,
    assert_offsets,
    make_annex_pdf,
    make_encrypted_pdf,
    make_scanned_pdf,
    make_text_pdf,
)


def _tables(doc: Document) -> dict[int, list[list[str]]]:
    tables: dict[int, list[list[str]]] = {}
    for block in doc.blocks:
        if block.block_type is BlockType.ROW:
            assert block.table is not None
            tables.setdefault(block.table, []).append([c.text for c in block.cells])
    return tables


@pytest.fixture(scope="module")
def annex_doc() -> Document:
    blocks = [
        annex_rows("National Workshop on Combating Counterfeiting", "Mali"),
        annex_rows("Sub-regional Workshop", "Argentina; Plurinational State of Bolivia"),
        annex_rows("Training course", "Peru"),
    ]
    intro = ["The present document reproduces the information received from the WCO. " * 3]
    return read(make_annex_pdf(blocks, intro=intro), source="annex.pdf")


def test_annex_tables_across_page_breaks_keep_one_index_each(annex_doc: Document) -> None:
    doc = annex_doc
    assert doc.media_type == PDF
    assert_offsets(doc)
    tables = _tables(doc)
    assert sorted(tables) == [0, 1, 2]
    for rows in tables.values():
        # wrapped labels ("Beneficiary Member(s)\nor observer(s)") come out whole
        assert [r[0] for r in rows] == list(ANNEX_LABELS)
        assert all(len(r) == 2 for r in rows)
    assert tables[1][2][1] == "Argentina; Plurinational State of Bolivia"
    assert tables[0][3][1] == " ".join((LONG * 6).split())
    pages: dict[int | None, set[int | None]] = {}
    for block in doc.blocks:
        if block.block_type is BlockType.ROW:
            pages.setdefault(block.table, set()).add(block.page)
    assert pages[1] == {1, 2}  # the second table really does break across the page


def test_text_outside_tables_and_running_headers(annex_doc: Document) -> None:
    doc = annex_doc
    assert doc.blocks[0].block_type is BlockType.HEADING and doc.blocks[0].text == "ANNEX"
    intro = doc.blocks[1]
    assert intro.block_type is BlockType.PARAGRAPH and intro.page == 1
    assert intro.text == " ".join(
        ("The present document reproduces the information received from the WCO. " * 3).split()
    )
    for running in ("Page:", "IP/C/R/TC/WCO/1", "Technical cooperation report"):
        assert running not in doc.text
    assert all(b.page in (1, 2, 3) for b in doc.blocks)


def test_row_broken_by_the_page_break_is_merged() -> None:
    data = make_annex_pdf([annex_rows("Long workshop", "Mali", repeat=30)], split_in_row=True)
    doc = read(data, source="split.pdf")
    assert_offsets(doc)
    tables = _tables(doc)
    assert list(tables) == [0]
    rows = tables[0]
    assert [r[0] for r in rows] == list(ANNEX_LABELS)
    assert rows[3][1] == " ".join((LONG * 30).split())
    description = next(b for b in doc.blocks if b.cells and b.cells[0].text == "Brief description")
    assert description.page == 1
    assert {b.page for b in doc.blocks if b.block_type is BlockType.ROW} == {1, 2}


def test_borderless_label_value_table_is_found() -> None:
    data = make_annex_pdf(
        [annex_rows("Borderless workshop", "Chad", repeat=2)],
        grid=False,
        intro=[
            "An introduction long enough to wrap onto a second line of the page, so that "
            "it must be joined back into one paragraph by the reader."
        ],
    )
    doc = read(data, source="plain.pdf")
    assert_offsets(doc)
    tables = _tables(doc)
    assert list(tables) == [0]
    assert [r[0] for r in tables[0]] == list(ANNEX_LABELS)
    assert tables[0][0][1] == "Borderless workshop"
    assert tables[0][3][1] == " ".join((LONG * 2).split())
    intro = next(b for b in doc.blocks if b.text.startswith("An introduction"))
    assert intro.text.endswith("joined back into one paragraph by the reader.")


def test_paragraphs_are_joined_and_separated() -> None:
    first = "The seminar was held in Lima and gathered examiners from the region. " * 3
    second = "A second paragraph follows after some space on the page. " * 2
    doc = read(make_text_pdf([first, second], heading="Overview"), source="prose.pdf")
    assert_offsets(doc)
    assert [(b.block_type, b.text) for b in doc.blocks] == [
        (BlockType.HEADING, "Overview"),
        (BlockType.PARAGRAPH, " ".join(first.split())),
        (BlockType.PARAGRAPH, " ".join(second.split())),
    ]


def test_image_only_pdf_is_scanned() -> None:
    with pytest.raises(ScannedPdf, match="scanned PDF with no text layer: run OCR"):
        read(make_scanned_pdf(), source="scan.pdf")


def test_password_protected_pdf_is_broken_with_advice() -> None:
    with pytest.raises(BrokenFile, match="password-protected PDF: remove the password"):
        read(make_encrypted_pdf(), source="locked.pdf")


def test_truncated_pdf_is_broken() -> None:
    data = make_text_pdf(["Some text about a workshop."])
    with pytest.raises(BrokenFile, match="damaged"):
        read(data[:200], source="cut.pdf")
