"""Every document is read under limits: hostile files are refused by the limit they break, in
little memory (measured in a child process), and the message names the limit and its setting."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from hostile import (
    MIB,
    TINY,
    Hostile,
    W,
    lie_about_size,
    pdf_of_pages,
    read_in_child,
)
from ipcoop.ingest import readers
from ipcoop.ingest.limits import Limits, OverLimit

from ..readers.makers import annex_rows, make_docx

PEAK_MB = 500


def limits(**changes: int) -> Limits:
    return dataclasses.replace(Limits.from_settings(), **changes)


def test_the_bombs_are_what_the_issue_measured(hostile: Hostile) -> None:
    assert hostile("docx", 700 * MIB).stat().st_size < 2.5 * MIB
    assert hostile("docx", 50 * MIB).stat().st_size < 250 * 1024
    with zipfile.ZipFile(hostile("docx", 700 * MIB)) as archive:
        assert archive.getinfo("word/document.xml").file_size > 700 * MIB


def test_a_2000_page_pdf_is_refused_by_the_page_limit_in_little_memory(
    hostile: Hostile,
) -> None:
    result = read_in_child(hostile("pdf", 2000))
    [outcome] = result["outcomes"]
    assert not outcome["stored"]
    assert "has 2,000 pages; the limit is 500 pages (IPCOOP_MAX_PDF_PAGES)" in outcome["detail"]
    assert result["peak_mb"] < PEAK_MB


@pytest.mark.parametrize(
    ("bomb", "setting", "said"),
    [
        (700, "IPCOOP_MAX_ARCHIVE_BYTES", "(its directory says)"),
        (50, "IPCOOP_MAX_BLOCKS", "has 100,001 blocks or more"),
    ],
)
def test_docx_bombs_are_refused_in_little_memory(
    hostile: Hostile, bomb: int, setting: str, said: str
) -> None:
    # ten seconds at most: a bomb that is not refused by its size is stopped by the time limit,
    # whose message would name IPCOOP_MAX_READ_SECONDS instead
    result = read_in_child(hostile("docx", bomb * MIB), max_read_seconds=10)
    [outcome] = result["outcomes"]
    assert not outcome["stored"]
    assert setting in outcome["detail"] and said in outcome["detail"], outcome["detail"]
    assert result["peak_mb"] < PEAK_MB


def _docx_body(paragraphs: int) -> bytes:
    out = io.BytesIO()
    body = f'<w:document xmlns:w="{W}"><w:body>'.encode() + TINY * paragraphs
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body + b"</w:body></w:document>")
    return out.getvalue()


def test_a_directory_that_lies_about_sizes_is_caught_while_inflating() -> None:
    honest = _docx_body(40_000)  # about 1.4 MiB inside
    lying = lie_about_size(honest, "word/document.xml", 1000)
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    with pytest.raises(OverLimit, match=r"inflates to more than 1,048,576 bytes.*ARCHIVE_BYTES"):
        readers.read(lying, source="lying.docx", limits=limits(max_archive_bytes=MIB))
    # within the limit, the lie is a damaged file rather than a truncated read
    with pytest.raises(readers.BrokenFile, match="does not match the archive's directory"):
        readers.read(lying, source="lying.docx", limits=limits(max_blocks=10**6))


def test_too_many_members_are_refused_before_the_directory_is_read() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", _docx_body(1))
        for i in range(30):
            archive.writestr(f"word/media/image{i}.png", b"")
    with pytest.raises(OverLimit, match=r"has 31 files inside; the limit is 20 files"):
        readers.read(out.getvalue(), source="many.docx", limits=limits(max_archive_members=20))


def test_blocks_and_characters_are_counted_in_every_format() -> None:
    docx = make_docx([("", f"Paragraph {i}") for i in range(30)], [annex_rows("T", "Kenya")])
    text = "\n".join(f"Line {i} of the report" for i in range(30)).encode()
    html = b"<html><body>" + b"".join(b"<p>Para %d</p>" % i for i in range(30)) + b"</body></html>"
    for data, name in ((docx, "a.docx"), (text, "a.txt"), (html, "a.html")):
        assert len(readers.read(data, source=name).blocks) >= 30
        with pytest.raises(OverLimit, match=r"has 21 blocks or more.*IPCOOP_MAX_BLOCKS"):
            readers.read(data, source=name, limits=limits(max_blocks=20))
        with pytest.raises(OverLimit, match=r"characters or more.*IPCOOP_MAX_CHARACTERS"):
            readers.read(data, source=name, limits=limits(max_characters=100))


def test_a_pdf_within_the_page_limit_is_read(tmp_path: Path) -> None:
    data = pdf_of_pages(tmp_path / "ten.pdf", 10).read_bytes()
    document = readers.read(data, source="ten.pdf", limits=limits(max_pdf_pages=10))
    assert [b.page for b in document.blocks] == list(range(1, 11))
    with pytest.raises(OverLimit, match="has 10 pages; the limit is 9 pages"):
        readers.read(data, source="ten.pdf", limits=limits(max_pdf_pages=9))


def test_time_and_memory_limits_reject_one_document_and_the_worker_goes_on(
    tmp_path: Path,
) -> None:
    long = tmp_path / "long.txt"
    long.write_text(
        "".join(f"Line {i}: a seminar on patents held in Nairobi, Kenya.\n" for i in range(200_000))
    )
    big = tmp_path / "big.txt"
    big.write_bytes(b"a seminar on patents held in Geneva " * 1_000_000)
    small = tmp_path / "small.txt"
    small.write_text("National Seminar on Patent Examination\nHeld in Nairobi, Kenya, 2021.\n")
    slow = read_in_child(long, small, max_read_seconds=1, max_blocks=10**6)
    assert [o["stored"] for o in slow["outcomes"]] == [False, True]
    assert "(IPCOOP_MAX_READ_SECONDS)" in slow["outcomes"][0]["detail"]
    greedy = read_in_child(big, small, max_read_memory_bytes=100 * MIB)
    assert [o["stored"] for o in greedy["outcomes"]] == [False, True]
    assert "(IPCOOP_MAX_READ_MEMORY_BYTES)" in greedy["outcomes"][0]["detail"]
