"""Plain-text reader and the content-sniffing registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.ingest.document import BlockType
from ipcoop.ingest.readers import (
    HTML,
    TEXT,
    EmptyDocument,
    ReadError,
    UnknownEncoding,
    UnsupportedFormat,
    read,
)

from .makers import ANNEX_LABELS, assert_offsets


def test_seed_003_annex_tables_come_out_as_seven_label_value_tables(
    seed: Callable[[str], Path],
) -> None:
    doc = read(seed("003").read_bytes(), source="003.txt")
    assert doc.media_type == TEXT
    assert doc.warnings == []
    assert_offsets(doc)
    rows = [b for b in doc.blocks if b.block_type is BlockType.ROW]
    tables: dict[int, list[str]] = {}
    for row in rows:
        assert row.table is not None
        tables.setdefault(row.table, []).append(row.cells[0].text)
    assert sorted(tables) == list(range(7))
    for labels in tables.values():
        assert labels == list(ANNEX_LABELS)
    assert all(len(r.cells) == 2 for r in rows)
    first = rows[0]
    assert first.cells[1].text == "National Workshop on Combating Counterfeiting and Piracy"
    empty = next(r for r in rows if r.cells[0].text == "Beneficiary institution or audience")
    assert empty.cells[1].text == ""
    headings = [b.text for b in doc.blocks if b.block_type is BlockType.HEADING]
    assert "Council for Trade-Related Aspects of Intellectual Property Rights" in headings
    assert "1.1 Operations" in headings
    assert "ANNEX¹" in headings


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_reads_with_exact_offsets(prefix: str, seed: Callable[[str], Path]) -> None:
    doc = read(seed(prefix).read_bytes(), source=prefix)
    assert doc.blocks and doc.warnings == []
    assert_offsets(doc)


def test_seed_002_keeps_the_flattened_gateway_header_a_paragraph(
    seed: Callable[[str], Path],
) -> None:
    doc = read(seed("002").read_bytes(), source="002.txt")
    header = next(b for b in doc.blocks if b.text.startswith("# Title of programme"))
    assert header.block_type is BlockType.PARAGRAPH
    items = [b.text for b in doc.blocks if b.block_type is BlockType.LIST_ITEM]
    assert "Building effective IP border enforcement mechanisms;" in items
    assert any(t.startswith("This document reports on the technical assistance") for t in items)


def test_seed_004_hard_wrapped_lines_are_joined_into_paragraphs(
    seed: Callable[[str], Path],
) -> None:
    doc = read(seed("004").read_bytes(), source="004.txt")
    last = doc.blocks[-1]
    assert last.block_type is BlockType.PARAGRAPH
    assert last.text.startswith("On November 14, 2022 in Seoul, Republic of Korea, the Heads")
    assert last.text.endswith("constructive engagement and mutual cooperation.")
    assert "Improvement of IP Education Infrastructure:" in [b.text for b in doc.blocks]


def test_line_shapes() -> None:
    text = (
        "**Annual report**\r\n"
        "INTRODUCTION\r\n"
        "A plain paragraph.\x00\r\n"
        "• first bullet\n"
        "- second bullet\n"
        "  2. numbered item\n"
        "\n"
        "Label\tValue\n"
        "Other\t\n"
        "\n"
        "Label\tNext value\n"
        "| # | Title | Start date |\n"
        "|---|---|---|\n"
        "| 1 | Workshop | 01/02/2020 |\n"
        "Workshop held in Lima | Peru\n"
    )
    doc = read(text.encode(), source="t.txt")
    assert_offsets(doc)
    got = [(b.block_type, b.text, b.table) for b in doc.blocks]
    assert got[:6] == [
        (BlockType.HEADING, "Annual report", None),
        (BlockType.HEADING, "INTRODUCTION", None),
        (BlockType.PARAGRAPH, "A plain paragraph.", None),
        (BlockType.LIST_ITEM, "first bullet", None),
        (BlockType.LIST_ITEM, "second bullet", None),
        (BlockType.LIST_ITEM, "numbered item", None),
    ]
    rows = [b for b in doc.blocks if b.block_type is BlockType.ROW]
    assert [[c.text for c in r.cells] for r in rows] == [
        ["Label", "Value"],
        ["Other", ""],
        ["Label", "Next value"],
        ["#", "Title", "Start date"],
        ["1", "Workshop", "01/02/2020"],
        ["Workshop held in Lima", "Peru"],
    ]
    # a blank line ends a table; the pipe rows run on from the tab row before them
    assert [r.table for r in rows] == [0, 0, 1, 1, 1, 1]
    assert "\x00" not in doc.text and "\r" not in doc.text


def test_cp1252_is_decoded_with_a_warning_naming_the_encoding() -> None:
    data = "Workshop for Côte d'Ivoire – held in Abidjan, “customs” officers.\n".encode("cp1252")
    doc = read(data, source="legacy.txt")
    assert doc.blocks[0].text == "Workshop for Côte d'Ivoire – held in Abidjan, “customs” officers."
    assert len(doc.warnings) == 1
    assert "cp1252" in doc.warnings[0] and "legacy.txt" in doc.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_decide_the_encoding(encoding: str) -> None:
    doc = read("Séminaire régional\tSénégal\n".encode(encoding), source="bom.txt")
    assert doc.warnings == []
    assert [c.text for c in doc.blocks[0].cells] == ["Séminaire régional", "Sénégal"]


def test_utf16_without_bom_is_detected() -> None:
    data = "Training course on border measures for customs officers.\n".encode("utf-16-le")
    doc = read(data, source="u16.txt")
    assert doc.blocks[0].text == "Training course on border measures for customs officers."
    assert "utf-16-le" in doc.warnings[0]


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode("utf-8")])
def test_empty_files_raise_empty_document(data: bytes) -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        read(data, source="empty.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # every byte value: no text encoding reads this credibly
        b"\x01\x02\x03\x04binary\x05\x06\x07\x08" * 40,  # valid UTF-8 but control characters
        b"\x00\xff\xfe\x80" * 50,  # NUL-patterned like UTF-16, yet no words in any reading
    ],
)
def test_binary_garbage_is_refused_with_an_actionable_message(data: bytes) -> None:
    with pytest.raises(UnknownEncoding, match=r"not readable text.*UTF-8 text, DOCX, HTML or PDF"):
        read(data, source="blob.bin")


def test_reader_is_chosen_by_content_not_by_name() -> None:
    doc = read(b"<!DOCTYPE html><html><body><h1>Report</h1></body></html>", source="x.txt")
    assert doc.media_type == HTML
    doc = read(b"<h1>ANNEX</h1>", source="page.html")
    assert doc.media_type == TEXT  # one tag alone is not enough to call it a page


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"legacy Microsoft Office"),
        (b"{\\rtf1\\ansi Report}", r"RTF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, r"PNG image: run OCR"),
    ],
)
def test_known_unsupported_formats_say_what_to_do(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormat, match=what) as caught:
        read(data, source="upload")
    assert isinstance(caught.value, ReadError) and isinstance(caught.value, ValueError)


def test_pipe_rows_are_never_joined_as_wrapped_lines() -> None:
    prose = (
        "This report was written by hand for the test, and its lines are wrapped at\n"
        "a fixed width as a PDF copied to text would be, so that the reader decides\n"
        "to join the lines of each paragraph again before it makes its blocks from\n"
        "them; the table below must keep each of its rows apart all the same, too.\n"
    )
    table = (
        "# | Title of programme or activity | Start date | Beneficiary Members\n"
        "1 | Seminar on Trademark Examination for Examiners | 01/06/2018 | Cambodia\n"
        "2 | Workshop on Copyright Enforcement for the Judges | 15/11/2019 | Kenya\n"
    )
    from ipcoop.ingest.readers import read as read_any

    document = read_any((prose + table).encode(), source="list.txt")
    rows = [b for b in document.blocks if b.block_type is BlockType.ROW]
    assert [r.cells[1].text for r in rows] == [
        "Title of programme or activity",
        "Seminar on Trademark Examination for Examiners",
        "Workshop on Copyright Enforcement for the Judges",
    ]
