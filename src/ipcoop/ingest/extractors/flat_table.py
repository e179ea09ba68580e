"""List tables whose cells lost their separators: rows flattened to single spaces.

Web pages copied as text, and multi-space tables read line by line, give a header line that
names the columns (``# Title of programme or activity Start date Beneficiary Members or
observers``) and rows like ``2 IP Key China 01/09/2017 China``. The header is split into
column labels with the ``field_labels`` table; each row is cut at its anchors:

- the trailing party names (``Albania; North Macedonia``) are the beneficiary column when
  that column is the last;
- the last date(s) before them are the date column(s) (a title may itself hold dates:
  ``... December 2016- December 2019 01/12/2016``);
- what comes before the first anchor is the title; the text between the last date and the
  trailing parties goes to the one column the header puts there (``Título Fecha Lugar
  Beneficiarios`` over ``Taller sobre patentes 10/06/2019 Lima Perú, Bolivia``).

Rows are the numbered lines under a numbered header (``#``, ``No.``), else the following
lines that have an anchor. A row with no date is kept (undated; the normalizer flags it).
"""

from __future__ import annotations

import re

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.extractors.field_labels import (
    may_name,
    may_start_with,
    numbered_header,
    split_labels,
)
from ipcoop.ingest.normalize import dates
from ipcoop.parties.resolver import Resolver

METHOD = "flat_table"
_DIGIT = re.compile(r"\d")

ROW_NUMBER = re.compile(r"^\s*(\d{1,4})[.)]?\s+")
_PARTY_SEPARATOR = re.compile(r"\s*(?:[;,/]\s*|\s+(?:and|et|y)\s+)")
_DATE_FIELDS = ("dates", "end")
_NUMBER_WORDS = frozenset({"#", "no", "no.", "n°", "nº", "n.º", "núm", "núm.", "item"})


def _columns(block: Block) -> list[str | None] | None:
    """The header's column fields in order, or None when the line is not a list-table header
    (it must name a title column and a date or beneficiary column)."""
    if block.block_type is BlockType.ROW or ":" in block.text or len(block.text.split()) > 25:
        return None
    first = block.text.split(None, 1)[0].casefold() if block.text.strip() else ""
    if first not in _NUMBER_WORDS and not may_start_with(block.text, "title"):
        return None  # a header starts with its number column or its title column
    if not may_name(block.text, "title"):
        return None
    fields = [name for _, name in split_labels(block.text)]
    known = [f for f in fields if f is not None]
    if "title" not in known or not {"dates", "beneficiaries"} & set(known):
        return None
    return fields if len(known) >= len(fields) - 1 else None


def _trailing_parties(text: str, resolver: Resolver) -> int | None:
    """Where the run of party names that ends the row starts, or None."""
    hits = resolver.find_in_text(text)
    end = len(text.rstrip(" .;"))
    start = None
    for hit_start, hit_end, _code in reversed(hits):
        if hit_end != end:
            break
        start = hit_start
        separator = None
        for match in _PARTY_SEPARATOR.finditer(text, 0, hit_start):
            if match.end() == hit_start:
                separator = match
        if separator is None:
            break
        end = separator.start()
    return start


def _after_dates(known: list[str], parties_cut: bool) -> list[str]:
    """The header's columns after its last date column, but a trailing beneficiary column
    already cut off the row: the one column a row's text after its date belongs to."""
    last = max(i for i, name in enumerate(known) if name in _DATE_FIELDS)
    after = known[last + 1 :]
    return after[:-1] if parties_cut and after[-1:] == ["beneficiaries"] else after


def _row(block: Block, columns: list[str | None], resolver: Resolver) -> RawActivity | None:
    match = ROW_NUMBER.match(block.text)
    body_start = match.end() if match else 0
    text = block.text
    raw = RawActivity(METHOD, start=block.start, end=block.end)
    cut = len(text)
    known = [c for c in columns if c is not None]
    if known and known[-1] == "beneficiaries":
        at = _trailing_parties(text[body_start:], resolver)
        if at is not None and at > 0:
            at += body_start
            raw.fields["beneficiaries"] = Span(text[at:].strip(), block.start + at, block.end)
            cut = at
    wanted = [c for c in known if c in _DATE_FIELDS]
    found = sorted(dates.find_dates(text[body_start:cut]))[-len(wanted) :] if wanted else []
    anchored = [(body_start + start, body_start + end) for start, end, _ in found]
    if anchored:
        after = _after_dates(known, cut < len(text))
        cell = text[anchored[-1][1] : cut].strip(" ,;")
        if cell and len(after) == 1:  # 'Lima' under 'Lugar', between the date and the parties
            at = text.index(cell, anchored[-1][1])
            raw.fields[after[0]] = Span(cell, block.start + at, block.start + at + len(cell))
        elif cell:
            anchored = []  # the date must end its cell: only its columns may follow
    for name, (start, end) in zip(wanted, anchored, strict=False):
        raw.fields[name] = Span(text[start:end], block.start + start, block.start + end)
        cut = min(cut, start)
    title = text[body_start:cut].strip(" ,;–-")
    if len(title.split()) < 2 and not title[:1].isupper():
        return None
    if not title:
        return None
    offset = text.index(title, body_start)
    raw.fields["title"] = Span(title, block.start + offset, block.start + offset + len(title))
    return raw


def extract(document: Document) -> list[RawActivity]:
    """One activity per row under a flattened list-table header."""
    resolver = Resolver.default()
    found: list[RawActivity] = []
    blocks = document.blocks
    index = 0
    while index < len(blocks):
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if not _DIGIT.search(following):  # rows hold a number or a date
            index += 1
            continue
        columns = _columns(blocks[index])
        index += 1
        if columns is None:
            continue
        numbered = numbered_header(blocks[index - 1].text)
        while index < len(blocks) and blocks[index].block_type is not BlockType.ROW:
            block = blocks[index]
            if numbered and ROW_NUMBER.match(block.text) is None:
                break
            raw = _row(block, columns, resolver)
            if raw is None or (not numbered and len(raw.fields) < 2):
                break
            found.append(raw)
            index += 1
    return found
