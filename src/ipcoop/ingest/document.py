"""The normalized document every reader produces: ordered blocks with offsets into one text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ipcoop.ingest.limits import Limits


class BlockType(StrEnum):
    """What a block is, as the reader saw it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    ROW = "row"  # a table row; its cells carry their own spans


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text and its span in Document.text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document; ``text`` is ``Document.text[start:end]``."""

    block_type: BlockType
    text: str
    start: int
    end: int
    cells: tuple[Cell, ...] = ()
    table: int | None = None  # rows of the same table share this index
    page: int | None = None


@dataclass(slots=True)
class Document:
    """A source file read into one text and the blocks that cover it."""

    source: str
    media_type: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class DocumentBuilder:
    """Appends blocks to one growing text, keeping every offset exact, within the limits on
    blocks and characters (OverLimit past them)."""

    def __init__(self, source: str, media_type: str, limits: Limits) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self.source = source
        self.media_type = media_type
        self.limits = limits
        self.warnings: list[str] = []

    def _append(self, text: str) -> tuple[int, int]:
        self.limits.check(self.source, "max_blocks", len(self._blocks) + 1, "blocks or more")
        self.limits.check(
            self.source, "max_characters", self._length + len(text), "characters or more"
        )
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def add(self, block_type: BlockType, text: str, *, page: int | None = None) -> Block:
        """Add a heading, paragraph or list item."""
        start, end = self._append(text)
        block = Block(block_type, text, start, end, page=page)
        self._blocks.append(block)
        return block

    def add_row(
        self, cells: list[str], *, table: int | None = None, page: int | None = None
    ) -> Block:
        """Add a table row; cells are joined by tabs in the text."""
        text = "\t".join(cells)
        start, end = self._append(text)
        spans: list[Cell] = []
        pos = start
        for cell in cells:
            spans.append(Cell(cell, pos, pos + len(cell)))
            pos += len(cell) + 1
        block = Block(BlockType.ROW, text, start, end, tuple(spans), table, page)
        self._blocks.append(block)
        return block

    def build(self) -> Document:
        """Return the finished document."""
        return Document(
            self.source, self.media_type, "".join(self._parts), self._blocks, self.warnings
        )
