"""HTML reader: headings, paragraphs, list items and table rows in document order."""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ipcoop.ingest.document import BlockType, Document, DocumentBuilder
from ipcoop.ingest.limits import Limits
from ipcoop.ingest.readers import HTML, EmptyDocument
from ipcoop.ingest.readers.text import decode_bytes, encoding_warning, normalize_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# per the HTML standard these labels mean windows-1252
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}

_SKIP = frozenset(
    [
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "object",
        "canvas",
        "math",
    ]
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = (
    frozenset(
        [
            "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "blockquote",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "pre",
            "figure",
            "figcaption",
            "address",
            "center",
            "form",
            "fieldset",
            "legend",
            "details",
            "summary",
            "caption",
            "body",
            "html",
            "li",
            "table",
            "tr",
            "td",
            "th",
            "thead",
            "tbody",
            "tfoot",
            "hr",
            "br",
        ]
    )
    | _HEADINGS
)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def decode_html(data: bytes, *, source: str) -> tuple[str, list[str]]:
    """Decode HTML by its BOM, its <meta charset> or detection; return text and warnings."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, source=source).text, []
    declared = _META_CHARSET.search(data[:4096])
    warnings: list[str] = []
    if declared:
        label = declared.group(1).decode("ascii").lower()
        name = "cp1252" if label in _AS_CP1252 else label
        try:
            codecs.lookup(name)
            return data.decode(name), []
        except LookupError:
            warnings.append(f"{source} declares an unknown charset {label!r}; it was ignored.")
        except UnicodeDecodeError:
            warnings.append(
                f"{source} declares charset {label!r} but its bytes are not valid {label}; "
                "the encoding was detected instead."
            )
    decoded = decode_bytes(data, source=source)
    if decoded.guessed:
        warnings.append(encoding_warning(decoded, source))
    return decoded.text, warnings


class _Walker:
    """Walks the DOM, turning inline runs into paragraphs and block elements into blocks."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.buffer: list[str] = []
        self.tables = 0

    def flush(self, block_type: BlockType) -> None:
        text = _collapse("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.builder.add(block_type, text)

    def walk(self, node: LexborNode, block_type: BlockType) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag or ""
            if tag == "-text":
                self.buffer.append(child.text_content or "")
            elif tag.startswith("-") or tag in _SKIP or _hidden(child):
                continue
            elif tag in ("br", "hr"):
                self.flush(block_type)
            elif tag in _HEADINGS:
                self.flush(block_type)
                heading = _inline_text(child)
                if heading:
                    self.builder.add(BlockType.HEADING, heading)
            elif tag == "li":
                self.flush(block_type)
                self.walk(child, BlockType.LIST_ITEM)
                self.flush(BlockType.LIST_ITEM)
            elif tag == "table":
                self.flush(block_type)
                self.table(child, block_type)
            elif tag in _BLOCKS:
                self.flush(block_type)
                self.walk(child, block_type)
                self.flush(block_type)
            else:
                self.walk(child, block_type)

    def table(self, node: LexborNode, block_type: BlockType) -> None:
        rows = [[c for c in tr.iter() if c.tag in ("td", "th")] for tr in _rows(node)]
        if all(len(r) <= 1 for r in rows):
            # a layout table (one cell per row): its cells are just containers
            for row in rows:
                for cell in row:
                    self.walk(cell, block_type)
                    self.flush(block_type)
            return
        index = self.tables
        self.tables += 1
        caption = node.css_first("caption")
        if caption is not None and _inline_text(caption):
            self.builder.add(BlockType.PARAGRAPH, _inline_text(caption))
        for row in rows:
            cells = [_inline_text(c) for c in row]
            if any(cells):
                self.builder.add_row(cells, table=index)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or attrs.get("aria-hidden") == "true"


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows, not those of tables nested in its cells."""
    rows: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child.iter() if r.tag == "tr")
    return rows


def _inline_text(node: LexborNode) -> str:
    """The visible text of an element, with a space wherever a block or break separates runs."""
    parts: list[str] = []

    def visit(current: LexborNode) -> None:
        for child in current.iter(include_text=True):
            tag = child.tag or ""
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag.startswith("-") or tag in _SKIP or _hidden(child):
                continue
            elif tag in _BLOCKS:
                parts.append(" ")
                visit(child)
                parts.append(" ")
            else:
                visit(child)

    visit(node)
    return _collapse("".join(parts))


def read_html(data: bytes, *, source: str, limits: Limits) -> Document:
    """Read an HTML page into a Document, skipping scripts, styles and navigation."""
    text, warnings = decode_html(data, source=source)
    tree = LexborHTMLParser(normalize_text(text))
    builder = DocumentBuilder(source, HTML, limits)
    builder.warnings.extend(warnings)
    root = tree.body
    if root is not None:
        walker = _Walker(builder)
        walker.walk(root, BlockType.PARAGRAPH)
        walker.flush(BlockType.PARAGRAPH)
    document = builder.build()
    if not document.blocks:
        raise EmptyDocument(f"{source} is an HTML page with no visible text to read")
    return document
