"""Document readers: turn the bytes of a report into one normalized Document.

The reader is chosen by looking at the content (magic bytes, markup), never by the file name.
"""

from __future__ import annotations

import re
import struct
import zipfile

from ipcoop.ingest.document import Document
from ipcoop.ingest.limits import Archive, Limits, OverLimit


class ReadError(ValueError):
    """A file could not be read into a Document; the message says what to do about it."""


class EmptyDocument(ReadError):
    """The file holds no text at all."""


class UnknownEncoding(ReadError):
    """The bytes are not text in any encoding that can be recognised credibly."""


class ScannedPdf(ReadError):
    """A PDF whose pages are images with no text layer."""


class BrokenFile(ReadError):
    """The file is damaged, truncated or locked (corrupt ZIP, unreadable or encrypted PDF)."""


class UnsupportedFormat(ReadError):
    """A recognised file format that no reader handles (legacy .doc, spreadsheets, images)."""


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
TEXT = "text/plain"

_HTML_START = re.compile(
    rb"^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml[^>]*>\s*<html)", re.I
)
_HTML_TAG = re.compile(rb"<(html|head|body|p|div|table|h[1-6]|ul|ol|meta|title)[\s>/]", re.I)

# magic bytes of formats we recognise but do not read
_OCR = "run OCR and save the result as text, DOCX or a searchable PDF"
_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Microsoft Office (.doc/.xls) or password-protected Office file: open it "
        "in Word and save it as .docx (without a password) or as PDF",
    ),
    (b"{\\rtf", "an RTF file: open it in a word processor and save it as .docx or PDF"),
    (b"\x89PNG\r\n\x1a\n", f"a PNG image: {_OCR}"),
    (b"\xff\xd8\xff", f"a JPEG image: {_OCR}"),
    (b"GIF8", f"a GIF image: {_OCR}"),
    (b"II*\x00", f"a TIFF image (a scan?): {_OCR}"),
    (b"MM\x00*", f"a TIFF image (a scan?): {_OCR}"),
)


def _ascii_head(data: bytes, size: int = 4096) -> bytes:
    """The start of the file with UTF-16 NUL padding and BOMs removed, for sniffing markup."""
    head = data[:size]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head[2:].replace(b"\x00", b"")
    elif head[:3] == b"\xef\xbb\xbf":
        head = head[3:]
    elif head.count(b"\x00") > len(head) // 4:
        head = head.replace(b"\x00", b"")
    return head


def sniff(data: bytes, source: str = "the file", limits: Limits | None = None) -> str:
    """The media type of ``data`` judged by content; raises ReadError for known non-reports
    (and OverLimit for a ZIP archive over the limits)."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data[:4] == b"PK\x03\x04":
        return _sniff_zip(data, source, limits or Limits.from_settings())
    for magic, what in _UNSUPPORTED:
        if data.startswith(magic):
            raise UnsupportedFormat(f"{source} is {what}.")
    head = _ascii_head(data)
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 2:
        return HTML
    return TEXT


def _sniff_zip(data: bytes, source: str, limits: Limits) -> str:
    names = open_archive(data, source, limits).names()
    if "word/document.xml" in names:
        return DOCX
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormat(
            f"{source} is an Excel workbook: save the report as .docx or PDF, or import the "
            "sheet through the spreadsheet import"
        )
    if "content.xml" in names:
        raise UnsupportedFormat(f"{source} is an OpenDocument file: save it as .docx or PDF")
    raise UnsupportedFormat(
        f"{source} is a ZIP archive, not a Word document (no word/document.xml): "
        "unpack it and upload the report itself"
    )


def open_archive(data: bytes, source: str, limits: Limits) -> Archive:
    """The ZIP archive in ``data`` with its directory checked against the limits; BrokenFile
    when it is damaged, OverLimit when it is too large."""
    try:
        return Archive(data, source, limits)
    except OverLimit:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, struct.error) as exc:
        if b"word/" in data:
            raise BrokenFile(
                f"{source} looks like a Word (.docx) document but the file is damaged or "
                "truncated: download or export it again"
            ) from exc
        raise BrokenFile(
            f"{source} is a damaged or truncated ZIP archive: download or export it again"
        ) from exc


def read(data: bytes, *, source: str, limits: Limits | None = None) -> Document:
    """Read ``data`` into a Document, choosing the reader by content, within the limits (the
    settings' when none are given); may raise ReadError or OverLimit."""
    limits = limits or Limits.from_settings()
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise EmptyDocument(f"{source} is empty: there is no text to read")
    file_format = sniff(data, source, limits)
    # readers are imported here so that reading a text file does not load the PDF stack
    if file_format == PDF:
        from ipcoop.ingest.readers import pdf

        return pdf.read_pdf(data, source=source, limits=limits)
    if file_format == DOCX:
        from ipcoop.ingest.readers import docx

        return docx.read_docx(data, source=source, limits=limits)
    if file_format == HTML:
        from ipcoop.ingest.readers import html

        return html.read_html(data, source=source, limits=limits)
    from ipcoop.ingest.readers import text

    return text.read_text(data, source=source, limits=limits)


__all__ = [
    "DOCX",
    "HTML",
    "PDF",
    "TEXT",
    "BrokenFile",
    "EmptyDocument",
    "ReadError",
    "ScannedPdf",
    "UnknownEncoding",
    "UnsupportedFormat",
    "open_archive",
    "read",
    "sniff",
]
