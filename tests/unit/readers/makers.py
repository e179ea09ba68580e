"""Build real DOCX and PDF files for the reader tests (python-docx and reportlab)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import docx
from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.quality.synth import ANNEX_LABELS

LONG = (
    "The workshop was attended by 28 officials from the customs administration and was "
    "facilitated by experts from the Secretariat together with accredited experts. "
)


def split_rows(doc: Document) -> tuple[list[tuple[BlockType, str]], list[Block]]:
    """The type and text of every block outside a table, and the table rows, in order."""
    rows = [b for b in doc.blocks if b.block_type is BlockType.ROW]
    text = [(b.block_type, b.text) for b in doc.blocks if b.block_type is not BlockType.ROW]
    return text, rows


def annex_rows(title: str, country: str, *, repeat: int = 6) -> list[tuple[str, str]]:
    """Label/value pairs of one annex block; the description is ``repeat`` sentences long."""
    values = (
        title,
        "26 September 2022 - 30 September 2022",
        country,
        LONG * repeat,
        "Customs officers",
        "World Customs Organization (WCO)",
        "Participants learned about risk analysis.",
        "https://www.wcoomd.org/en/media/newsroom.aspx",
        "IPRteam@wcoomd.org",
    )
    return list(zip(ANNEX_LABELS, values, strict=True))


def make_docx(
    blocks: Sequence[tuple[str, str]],
    tables: Sequence[Sequence[Sequence[str]]] = (),
    *,
    merges: Sequence[tuple[int, int, int, int, int]] = (),
) -> bytes:
    """A .docx with ``(style, text)`` paragraphs, then the given tables.

    ``merges`` holds ``(table, row_a, col_a, row_b, col_b)`` cell ranges to merge.
    """
    document = docx.Document()
    for style, text in blocks:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style.split()[-1]))
        else:
            document.add_paragraph(text, style=style or None)
    made = []
    for rows in tables:
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
        made.append(table)
        document.add_paragraph("After the table.")
    for index, row_a, col_a, row_b, col_b in merges:
        table = made[index]
        merged = table.cell(row_a, col_a).merge(table.cell(row_b, col_b))
        merged.text = f"merged {row_a}-{row_b}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 9)
    canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.2 * cm, "IP/C/R/TC/WCO/1")
    canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.6 * cm, f"Page: {doc.page}")
    canvas.drawCentredString(A4[0] / 2, 1 * cm, "Technical cooperation report")
    canvas.restoreState()


def make_annex_pdf(
    blocks: Sequence[Sequence[tuple[str, str]]],
    *,
    intro: Sequence[str] = (),
    grid: bool = True,
    split_in_row: bool = False,
    label_width: float = 4.2 * cm,
) -> bytes:
    """A PDF of an intro and one two-column label/value table per annex block.

    Labels are Paragraphs in a narrow column, so long ones wrap over two lines; long
    tables run over the page break. ``split_in_row`` lets a row itself break across pages.
    """
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story: list = [Paragraph("ANNEX", styles["Heading1"])]
    story += [Paragraph(text, body) for text in intro]
    for rows in blocks:
        data = [[Paragraph(label, body), Paragraph(value, body)] for label, value in rows]
        table = Table(
            data,
            colWidths=[label_width, 12 * cm],
            splitInRow=1 if split_in_row else 0,
        )
        style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if grid:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        table.setStyle(TableStyle(style))
        story += [table, Spacer(1, 0.6 * cm)]
    out = io.BytesIO()
    template = SimpleDocTemplate(out, pagesize=A4, topMargin=2.5 * cm, bottomMargin=2 * cm)
    template.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()


def make_text_pdf(paragraphs: Sequence[str], *, heading: str = "") -> bytes:
    """A one-column PDF of wrapped paragraphs under an optional heading."""
    styles = getSampleStyleSheet()
    story: list = []
    if heading:
        story.append(Paragraph(heading, styles["Heading1"]))
    story += [Paragraph(text, styles["BodyText"]) for text in paragraphs]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def make_scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are only pictures of text-like bars: no text layer at all."""
    picture = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(picture)
    for line in range(30):
        draw.rectangle((40, 40 + line * 24, 40 + (line * 37) % 480 + 60, 52 + line * 24), fill=0)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for _ in range(pages):
        canvas.drawImage(ImageReader(picture), 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def make_encrypted_pdf() -> bytes:
    """A PDF that needs a user password to open."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, encrypt="secret")
    canvas.drawString(72, 720, "Confidential workshop report")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def assert_offsets(document: object) -> None:
    """Every block and cell text is exactly its slice of the document text."""
    text = document.text  # type: ignore[attr-defined]
    for block in document.blocks:  # type: ignore[attr-defined]
        assert text[block.start : block.end] == block.text
        for cell in block.cells:
            assert text[cell.start : cell.end] == cell.text
