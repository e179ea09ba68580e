"""PDF reader (pdfplumber): paragraphs and table rows in reading order, tables joined across pages.

Assumes one text column per page. Ruled tables come from pdfplumber's line finder; borderless
two-column label/value layouts are found from the gutter between the columns.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from ipcoop.ingest.document import BlockType, Document, DocumentBuilder
from ipcoop.ingest.limits import Limits, OverLimit
from ipcoop.ingest.readers import PDF, BrokenFile, EmptyDocument, ScannedPdf
from ipcoop.ingest.readers.text import classify_line

_PAGE_NUMBER = re.compile(
    r"^(?:page:?\s*\d+(?:\s*(?:/|of)\s*\d+)?|-\s*\d+\s*-|\d+\s*(?:/|of)\s*\d+)$", re.I
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_SENTENCE_END = (".", ":", ";", "!", "?")
_MARGIN = 0.1  # share of the page height at top and bottom where running headers live


@dataclass(slots=True)
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    page: int


@dataclass(slots=True)
class _Table:
    rows: list[list[str]]
    top: float
    page: int


@dataclass(slots=True)
class _Item:
    """A block waiting to be emitted: paragraph-like (cells empty) or a table row."""

    block_type: BlockType
    text: str
    page: int
    cells: list[str] = field(default_factory=list)
    table: int | None = None


def _collapse(text: str | None) -> str:
    return " ".join((text or "").split())


def _inside(obj: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


Box = tuple[float, float, float, float]


def _page_lines(page: Any, number: int, boxes: list[Box]) -> list[_Line]:
    region = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    lines: list[_Line] = []
    for raw in region.extract_text_lines(return_chars=True, strip=True):
        text = _collapse(raw["text"])
        if not text:
            continue
        chars = [c for c in raw["chars"] if c["text"].strip()]
        sizes = Counter(round(c["size"], 1) for c in chars)
        bold = bool(chars) and all("bold" in c["fontname"].lower() for c in chars)
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        top, bottom, x0, x1 = raw["top"], raw["bottom"], raw["x0"], raw["x1"]
        lines.append(_Line(text, top, bottom, x0, x1, size, bold, number))
    return lines


def _ruled_tables(page: Any, number: int) -> list[tuple[_Table, tuple[float, float, float, float]]]:
    found = []
    for table in page.find_tables(_close_open_cells(page)):
        rows = [[_collapse(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows and max(len(r) for r in rows) >= 2:
            found.append((_Table(rows, table.bbox[1], number), table.bbox))
    return found


def _close_open_cells(page: Any) -> dict[str, Any]:
    """Table settings that close cells left open where a row breaks across a page boundary.

    A row split by the page break has no rule at the page bottom (and none at the top of the
    next page); a horizontal line where the column rules stop gives pdfplumber that cell back.
    """
    edges = page.edges
    rules = [e["top"] for e in edges if e["orientation"] == "h"]
    if not rules:
        return {}
    ends = {
        round(y, 1)
        for e in edges
        if e["orientation"] == "v"
        for y in (e["top"], e["bottom"])
        if not any(abs(y - r) <= 2 for r in rules)
    }
    return {"explicit_horizontal_lines": sorted(ends)} if ends else {}


# ------------------------------------------------------------------ borderless label/value tables


def _word_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _gutter(lines: list[list[dict[str, Any]]]) -> float | None:
    """The x where a second column starts after a wide gap on at least three lines."""
    starts: Counter[int] = Counter()
    for line in lines:
        for left, right in itertools.pairwise(line):
            if right["x0"] - left["x1"] >= 12:
                starts[round(right["x0"] / 2) * 2] += 1
    if not starts:
        return None
    x, count = starts.most_common(1)[0]
    return float(x) if count >= 3 else None


def _borderless_table(page: Any, number: int) -> tuple[_Table, Box] | None:
    """A two-column label/value table without rules, or None when the page has none."""
    lines = _word_lines(page.extract_words(x_tolerance=1.5))
    gutter = _gutter(lines)
    if gutter is None:
        return None
    rows: list[list[str]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    last_bottom = 0.0
    for line in lines:
        left = " ".join(w["text"] for w in line if w["x0"] < gutter - 2)
        right = " ".join(w["text"] for w in line if w["x0"] >= gutter - 2)
        split = bool(left and right) and any(
            b["x0"] >= gutter - 2 and b["x0"] - a["x1"] >= 12 for a, b in itertools.pairwise(line)
        )
        height = line[0]["bottom"] - line[0]["top"]
        close = bool(rows) and line[0]["top"] - last_bottom <= 0.6 * height
        if split:
            rows.append([left, right])
        elif rows and close and right and not left:
            rows[-1][1] = f"{rows[-1][1]} {right}".strip()
        elif rows and close and left and not right and left[:1].islower():
            rows[-1][0] = f"{rows[-1][0]} {left}"
        elif rows and close and left and not right:
            rows.append([left, ""])
        else:
            if len(rows) >= 3:
                break
            rows, tops, bottoms = [], [], []
            continue
        tops.append(line[0]["top"])
        bottoms.append(max(w["bottom"] for w in line))
        last_bottom = bottoms[-1]
    if len(rows) < 3:
        return None
    x0 = min(w["x0"] for w in page.extract_words()) - 1
    bbox = (x0, min(tops) - 1, float(page.width), max(bottoms) + 1)
    return _Table(rows, min(tops), number), bbox


# ------------------------------------------------------------------ running headers and footers


def _margin_key(line: _Line, height: float) -> str | None:
    if line.top < height * _MARGIN or line.bottom > height * (1 - _MARGIN):
        return re.sub(r"\d+", "#", line.text.lower())
    return None


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Remove page numbers and lines repeated in the top or bottom margin of several pages."""
    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen.update({k for k in (_margin_key(x, height) for x in lines) if k})
    kept: list[list[_Line]] = []
    for lines, height in zip(pages, heights, strict=True):
        out = []
        for line in lines:
            key = _margin_key(line, height)
            if _PAGE_NUMBER.match(line.text) or (key and _BARE_NUMBER.match(line.text)):
                continue
            if key and len(pages) > 1 and seen[key] >= 2:
                continue
            out.append(line)
        kept.append(out)
    return kept


# ------------------------------------------------------------------ paragraphs


def _line_type(line: _Line, body_size: float) -> tuple[BlockType, str]:
    block_type, text = classify_line(line.text)
    if body_size and line.size >= body_size * 1.15 and len(text) <= 150:
        return BlockType.HEADING, text
    if line.bold and len(text) <= 150 and not text.endswith("."):
        return BlockType.HEADING, text
    return block_type, text


def _continues(prev: _Line, line: _Line, right_edge: float, body_size: float) -> bool:
    """Whether ``line`` carries on the paragraph that ``prev`` ends."""
    if _line_type(prev, body_size)[0] is BlockType.HEADING:
        return False
    block_type, text = _line_type(line, body_size)
    if block_type is not BlockType.PARAGRAPH:
        return False
    height = max(prev.bottom - prev.top, 1.0)
    gap = line.top - prev.bottom
    lower = text[:1].islower()
    ends = prev.text.endswith(_SENTENCE_END)
    if lower and not ends:
        return gap <= 1.5 * height or line.page != prev.page
    if line.page != prev.page or gap > 0.6 * height:
        return False
    short = prev.x1 < right_edge - 0.12 * max(right_edge - prev.x0, 1.0)
    return not (ends and short)


def _join(left: str, right: str) -> str:
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        return left + right
    return f"{left} {right}"


# ------------------------------------------------------------------ the reader


def _password_error(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for want of a password (pdfplumber wraps its errors)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, PDFPasswordIncorrect) or any(
            isinstance(arg, PDFPasswordIncorrect) for arg in seen.args
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _open(data: bytes, source: str) -> Any:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if _password_error(exc):
            raise BrokenFile(
                f"{source} is a password-protected PDF: remove the password (print or save an "
                "unprotected copy) and upload it again"
            ) from exc
        raise BrokenFile(
            f"{source} is a damaged or truncated PDF and cannot be opened "
            f"({type(exc).__name__}): download or export it again"
        ) from exc
    return pdf


def read_pdf(data: bytes, *, source: str, limits: Limits) -> Document:
    """Read a PDF with a text layer; raise ScannedPdf when its pages are only images."""
    pdf = _open(data, source)
    builder = DocumentBuilder(source, PDF, limits)
    with pdf:
        limits.check(source, "max_pdf_pages", len(pdf.pages), "pages")
        try:
            pages, tables, heights, chars, images = _read_pages(pdf.pages, builder, source)
        except (ScannedPdf, EmptyDocument, OverLimit, MemoryError):
            raise
        except Exception as exc:
            raise BrokenFile(
                f"{source} is a damaged PDF: its pages cannot be read ({type(exc).__name__}): "
                "download or export it again"
            ) from exc
    if not heights:
        raise BrokenFile(f"{source} is a PDF with no pages: download or export it again")
    if not chars:
        if images:
            raise ScannedPdf(
                f"{source} looks like a scanned PDF with no text layer: run OCR on it (e.g. "
                "'Recognize text' in a PDF editor) and upload the searchable PDF"
            )
        raise EmptyDocument(f"{source} is a PDF whose {len(heights)} page(s) hold no text")
    pages = _drop_running_lines(pages, heights)
    items = _items(pages, tables)
    for item in items:
        if item.block_type is BlockType.ROW:
            builder.add_row(item.cells, table=item.table, page=item.page)
        else:
            builder.add(item.block_type, item.text, page=item.page)
    document = builder.build()
    if not document.blocks:
        raise EmptyDocument(f"{source} has no text outside its page headers and footers")
    return document


def _read_pages(
    pdf_pages: list[Any], builder: DocumentBuilder, source: str
) -> tuple[list[list[_Line]], list[list[_Table]], list[float], int, int]:
    pages: list[list[_Line]] = []
    tables: list[list[_Table]] = []
    heights: list[float] = []
    chars = images = 0
    for number, page in enumerate(pdf_pages, start=1):
        try:
            heights.append(float(page.height))
            page_chars = sum(1 for c in page.chars if c["text"].strip())
            chars += page_chars
            images += len(page.images)
            if not page_chars:
                pages.append([])
                tables.append([])
                if page.images:
                    builder.warnings.append(
                        f"{source}, page {number} has no text layer (a scanned image?): its "
                        "content is missing; run OCR on the PDF to include it"
                    )
                continue
            found = _ruled_tables(page, number)
            if not found:
                borderless = _borderless_table(page, number)
                found = [borderless] if borderless else []
            pages.append(_page_lines(page, number, [bbox for _, bbox in found]))
            tables.append([table for table, _ in found])
        finally:
            page.close()  # pdfplumber keeps every parsed object of a page until it is closed
    return pages, tables, heights, chars, images


def _items(pages: list[list[_Line]], tables: list[list[_Table]]) -> list[_Item]:
    """Paragraphs and rows of all pages in reading order, with tables continued across pages."""
    all_lines = [x for lines in pages for x in lines]
    sizes: Counter[float] = Counter()
    for line in all_lines:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    right_edge = max((x.x1 for x in all_lines), default=0.0)

    items: list[_Item] = []
    last_line: _Line | None = None  # the line the last paragraph item ended with
    previous: _Open | None = None  # the last table of the previous page
    count = 0
    for lines, page_tables in zip(pages, tables, strict=True):
        events: list[tuple[float, _Line | _Table]] = [(x.top, x) for x in lines]
        events += [(t.top, t) for t in page_tables]
        events.sort(key=lambda e: e[0])
        text_seen = False
        current: _Open | None = None
        for _, event in events:
            if isinstance(event, _Line):
                if (
                    last_line is not None
                    and items
                    and items[-1].block_type is not BlockType.ROW
                    and (_continues(last_line, event, right_edge, body_size))
                ):
                    items[-1].text = _join(items[-1].text, _line_type(event, body_size)[1])
                else:
                    block_type, text = _line_type(event, body_size)
                    items.append(_Item(block_type, text, event.page))
                last_line = event
                text_seen = True
                continue
            candidate = previous if current is None and not text_seen else None
            current = _place_table(event, candidate, items, count)
            if current.index == count:
                count += 1
            last_line = None
        previous = current
    return items


@dataclass(slots=True)
class _Open:
    """A table that may continue: its index, first row, column count and last row."""

    index: int
    header: list[str]
    width: int
    last: _Item


def _place_table(table: _Table, candidate: _Open | None, items: list[_Item], fresh: int) -> _Open:
    """Append the table's rows, continuing ``candidate`` when the table carries it on."""
    width = max(len(r) for r in table.rows)
    rows = table.rows
    same = candidate is not None and candidate.width == width
    if same and candidate is not None:
        if rows[0] == candidate.header:
            rows = rows[1:]  # a header row repeated on the new page
        elif rows[0][:1] == candidate.header[:1] and candidate.header[:1] != [""]:
            same = False  # a new record of the same template starts here
    if same and candidate is not None:
        index, header = candidate.index, candidate.header
        if rows and not rows[0][0] and any(rows[0][1:]):
            _merge_row(candidate.last, rows[0])  # a row broken by the page break
            rows = rows[1:]
        last = candidate.last
    else:
        index, header = fresh, table.rows[0]
        last = _Item(BlockType.ROW, "", table.page, rows[0], index)
    for row in rows:
        last = _Item(BlockType.ROW, "", table.page, row, index)
        items.append(last)
    return _Open(index, header, width, last)


def _merge_row(item: _Item, continuation: list[str]) -> None:
    cells = list(item.cells) + [""] * max(0, len(continuation) - len(item.cells))
    for i, extra in enumerate(continuation):
        if extra:
            cells[i] = _join(cells[i], extra) if cells[i] else extra
    item.cells = cells
