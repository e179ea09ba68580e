"""Cooperation instruments, bodies and platforms a document names.

- A document that opens with "Joint Declaration", "Memorandum of Understanding" ... is that
  instrument: its title runs to the first paragraph of the text proper; its parties are those
  the title names; its date and place come from "On <date> in <place>"; its areas are the
  short headed lines ending with a colon.
- Prose naming agreements ("signed the X Agreement in December 1995"), action plans
  ("ASEAN IPR Action Plan 2016-2025") and bodies ("X, which was established in 1996").
- A "Related Links:" or "Platforms:" list: each item is a platform.
"""

from __future__ import annotations

import contextlib
import re

from ipcoop.ingest.document import Block, BlockKind, Document
from ipcoop.ingest.normalize import dates, places
from ipcoop.ingest.records import Evidence, ExtractedInstrument, PartyRef
from ipcoop.parties.resolver import Resolver

KINDS = (
    (re.compile(r"^joint declaration\b", re.I), "declaration"),
    (re.compile(r"^(?:memorandum of understanding|mou)\b", re.I), "mou"),
    (re.compile(r"^(?:framework )?agreement\b", re.I), "framework_agreement"),
    (re.compile(r"^action plan\b", re.I), "action_plan"),
)
SIGNED = re.compile(
    r"\bsigned the ((?:[A-Z][\w-]*\s+){1,8}?(?:Agreement|Declaration|Convention|Protocol|"
    r"Memorandum of Understanding)(?:\s+on(?:\s+[A-Z][\w-]*)+)?)\s+in\s+((?:[A-Z][a-z]+\s+)?\d{4})"
)
ACTION_PLAN = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,4}Action Plan\s+\d{4}(?:\s*[-–]\s*\d{4})?)")
ESTABLISHED = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:on\s+|of\s+|for\s+)?){2,10}?(?:\([A-Z]{3,10}\))?),?\s+"
    r"which was established in (\d{4})"
)
SUB_BODIES = re.compile(r"namely (.+?)(?:,? to support|\.)")
LINKS = re.compile(r"^(?:related links|platforms|databases|tools)\s*:?\s*$", re.I)
AREA = re.compile(r"^[A-Z][^.:]{3,80}:$")


def _cite(item: ExtractedInstrument, name: str, start: int, end: int, method: str) -> None:
    item.evidence.setdefault(name, []).append(Evidence(start, end, method))


def _parties(text: str) -> list[PartyRef]:
    found: dict[str, PartyRef] = {}
    for start, end, code in Resolver.default().find_in_text(text):
        found.setdefault(code, PartyRef(text[start:end], code))
    return list(found.values())


def _document_instrument(document: Document) -> ExtractedInstrument | None:
    blocks = [b for b in document.blocks if b.text.strip()]
    if not blocks:
        return None
    kind = next((k for pattern, k in KINDS if pattern.search(blocks[0].text.strip())), None)
    if kind is None:
        return None
    heading: list[Block] = []
    for block in blocks:
        if len(block.text) > 120 or block.text.startswith(("WE", "We ", "The Parties")):
            break
        heading.append(block)
    title = " ".join(" ".join(b.text.split()) for b in heading)
    item = ExtractedInstrument(kind=kind, title=title, parties=_parties(title))
    _cite(item, "title", heading[0].start, heading[-1].end, "instruments.heading")
    for block in blocks[len(heading) :]:
        if AREA.match(block.text.strip()):
            item.areas.append(block.text.strip().rstrip(":"))
            _cite(item, "areas", block.start, block.end, "instruments.area")
        match = re.search(r"\bOn\s+(.{4,40}?\d{4}),?\s+in\s+", block.text)
        if match and item.date is None:
            try:
                item.date = dates.parse_date(match.group(1))
            except dates.DateError:
                continue
            _cite(
                item,
                "date",
                block.start + match.start(1),
                block.start + match.end(1),
                "instruments.sentence",
            )
            hits = places.find_places(block.text[match.end() :])
            if hits:
                start, end, _, _ = hits[0]
                words = block.text[match.end() + start :].split(",")
                item.place = ", ".join(w.strip() for w in words[:2])
                _cite(
                    item,
                    "place",
                    block.start + match.end() + start,
                    block.start + match.end() + end,
                    "instruments.sentence",
                )
    return item


def _named_in_prose(document: Document) -> list[ExtractedInstrument]:
    found: list[ExtractedInstrument] = []
    seen: set[str] = set()

    def add(
        kind: str, title: str, block: Block, start: int, end: int, date: str | None = None
    ) -> None:
        title = re.sub(r"^The\s+", "", " ".join(title.split()).strip(" ,"))
        if title.casefold() in seen:
            return
        seen.add(title.casefold())
        item = ExtractedInstrument(kind=kind, title=title, parties=_parties(title))
        if date:
            with contextlib.suppress(dates.DateError):
                item.date = dates.parse_date(date)
        _cite(item, "title", block.start + start, block.start + end, f"instruments.{kind}")
        found.append(item)

    listing = False
    for block in document.blocks:
        text = block.text
        if LINKS.match(text.strip()):
            listing = True
            continue
        if listing and block.kind is BlockKind.LIST_ITEM and not text.rstrip().endswith(":"):
            add("platform", text, block, 0, len(text))
            continue
        listing = False
        for match in SIGNED.finditer(text):
            add(
                "framework_agreement" if "Agreement" in match.group(1) else "declaration",
                match.group(1),
                block,
                match.start(1),
                match.end(1),
                match.group(2),
            )
        for match in ACTION_PLAN.finditer(text):
            add("action_plan", match.group(1), block, match.start(1), match.end(1))
        for match in ESTABLISHED.finditer(text):
            add("body", match.group(1), block, match.start(1), match.end(1), match.group(2))
        for match in SUB_BODIES.finditer(text):
            offset = match.start(1)
            for part in re.split(r",\s*|\s+and\s+", match.group(1)):
                name = re.sub(r"^the\s+", "", part.strip())
                if name and name[0].isupper():
                    start = offset + match.group(1).find(part)
                    add("body", name, block, start, start + len(part))
    return found


def extract(document: Document) -> list[ExtractedInstrument]:
    """The document's own instrument, if it is one, then those its prose names."""
    own = _document_instrument(document)
    return ([own] if own else []) + _named_in_prose(document)
