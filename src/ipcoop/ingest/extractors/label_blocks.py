"""Activity and project pages laid out as labelled values, whatever the labels.

Two layouts:

- label lines, one value each: ``Title: ...``, ``Date From: 04/09/2018 - 05/09/2018``,
  ``Venue City: ...``, ``Lieu : ...``, ``Fecha: ...``; a label with no value followed by lines
  of party names (a "Beneficiary countries" list, with or without a count per country and a
  column-header line) gives the beneficiaries;
- a label row, then a value row: ``Land/Region Periode Budget`` over ``01.03.2018 -
  31.12.2024``; the value row's date range is the labelled period.

Labels are looked up in ``field_labels`` (EN/FR/ES); labels it does not know are kept as
``label:<name>`` fields with their evidence. A block is an activity when it gives a date; its
title is its own title label, else the page's title (a project page names itself in its
heading). The WTO annex template's blocks are the annex reader's, and are left to it.
"""

from __future__ import annotations

import re

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.extractors import labels
from ipcoop.ingest.extractors.field_labels import (
    field_for_label,
    fold_label,
    may_name,
    may_start_with,
    split_labels,
)
from ipcoop.ingest.normalize import dates
from ipcoop.parties.resolver import Resolver

METHOD = "label_block"
_DIGIT = re.compile(r"\d")

LABEL_LINE = re.compile(r"^(?P<label>[^\W\d][^:\n]{0,48}?)\s*:\s*(?P<value>.*)$")
_COUNT_TAIL = re.compile(r"\s+\d+$")
_MAX_LABEL_WORDS = 6
_MAX_LIST = 80  # lines a labelled list may run


def _label_line(block: Block) -> tuple[str, Span] | None:
    """(label, value span) of a 'Label: value' line, or None."""
    if block.block_type is BlockType.ROW:
        return None
    match = LABEL_LINE.match(block.text)
    if match is None:
        return _dated_label(block)
    if len(match.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    value = match.group("value").strip()
    start = block.start + match.start("value")
    start += len(match.group("value")) - len(match.group("value").lstrip())
    return match.group("label"), Span(value, start, start + len(value))


def _dated_label(block: Block) -> tuple[str, Span] | None:
    """A date label and its date without a colon between them: 'Duration 01.01.2021 -
    31.12.2025', 'Période du 3 au 5 mai 2022'."""
    text = block.text
    if len(text) > 120 or not may_start_with(text, "dates") or not _DIGIT.search(text):
        return None
    hits = dates.find_dates(block.text)
    if len(hits) != 1 or block.text[hits[0][1] :].strip(" .;"):
        return None
    start, end, _ = hits[0]
    label = block.text[:start].strip()
    if not label or field_for_label(label) != "dates":
        return None
    return label, Span(block.text[start:end], block.start + start, block.start + end)


def _names_beneficiaries(block: Block) -> bool:
    """Whether a line is a beneficiary list's heading without a colon ('Beneficiary / Participant
    Countries')."""
    return field_for_label(block.text) == "beneficiaries"


def _party_line(text: str, resolver: Resolver) -> str | None:
    """The party a list line names ("Chile 1", "Republic of Korea"), or None."""
    name = _COUNT_TAIL.sub("", text).strip(" ;,.")
    return name if name and resolver.resolve(name) is not None else None


def _listed_parties(blocks: list[Block], at: int, resolver: Resolver) -> tuple[Span | None, int]:
    """The party names listed from ``blocks[at]`` on (a column-header line may come first):
    their span (names joined by '; ') and the index after the list."""
    names: list[str] = []
    first = last = None
    index = at
    while index < len(blocks) and index - at < _MAX_LIST:
        block = blocks[index]
        name = _party_line(block.text, resolver) if block.block_type is not BlockType.ROW else None
        if name is None:
            if names or index > at or _label_line(block) is not None:
                break
            index += 1  # one column-header line before the list
            continue
        names.append(name)
        first = block if first is None else first
        last = block
        index += 1
    if not names or first is None or last is None:
        return None, at
    return Span("; ".join(names), first.start, last.end), index


def _is_annex(found: dict[str, Span]) -> bool:
    """Whether the labels are the WTO annex template's (its blocks are the annex reader's)."""
    return any(labels.field_for(name.removeprefix("label:")) == "title" for name in found)


def _starts_another(label: str, first: str | None, fields: dict[str, Span]) -> bool:
    """Whether a label line begins the next activity's block (the readers drop blank lines, so
    labels alone tell): the block's first label comes again ("Intitulé" ... "Intitulé"), or,
    once the block is dated, its first field or its title under another label ("Project: ..."
    under "Title: ..." before the date is the same activity's)."""
    if first is None:
        return False
    if fold_label(label) == first:
        return True
    name = field_for_label(label)
    again = name is not None and name in fields and name in ("title", field_for_label(first))
    return again and "dates" in fields


def _label_lines(document: Document, resolver: Resolver) -> list[RawActivity]:
    """Runs of 'Label: value' lines that give a date; a run ends where the next block's labels
    begin (``_starts_another``)."""
    blocks = document.blocks
    found: list[RawActivity] = []
    index = 0
    while index < len(blocks):
        fields: dict[str, Span] = {}
        raw_labels: dict[str, Span] = {}
        first = index
        first_label: str | None = None
        while index < len(blocks):
            line = _label_line(blocks[index])
            if (
                line is None
                and len(blocks[index].text) <= 60
                and _names_beneficiaries(blocks[index])
            ):
                line = blocks[index].text, Span("", blocks[index].end, blocks[index].end)
            if line is None:
                if not raw_labels or "beneficiaries" in fields:
                    break
                span, after = _listed_parties(blocks, index, resolver)
                if span is None:
                    break
                fields["beneficiaries"] = span
                index = after
                continue
            label, value = line
            if _starts_another(label, first_label, fields):
                break
            first_label = first_label or fold_label(label)
            raw_labels[f"label:{fold_label(label)}"] = value
            name = field_for_label(label)
            if name == "participants" and value.text and name not in fields:
                # the count reads with its label
                fields[name] = Span(blocks[index].text, blocks[index].start, blocks[index].end)
            elif name is not None and value.text and name not in fields:
                fields[name] = value
            elif name == "beneficiaries" and not value.text:
                span, after = _listed_parties(blocks, index + 1, resolver)
                if span is not None:
                    fields["beneficiaries"] = span
                    index = after
                    continue
            elif name is None:
                fields[f"label:{fold_label(label)}"] = value
            index += 1
        if index == first:
            index += 1
            continue
        if _is_annex(raw_labels) or not dates.find_dates(fields.get("dates", Span("", 0, 0)).text):
            continue
        raw = RawActivity(METHOD, start=blocks[first].start, end=blocks[index - 1].end)
        raw.fields.update(fields)
        found.append(raw)
    return found


def _label_row(block: Block) -> list[tuple[str, str | None]] | None:
    """The labels of a line made only of labels ('Land/Region Periode Budget'), or None."""
    if block.block_type is BlockType.ROW or ":" in block.text or len(block.text.split()) > 12:
        return None
    if not may_name(block.text, "dates"):
        return None
    found = split_labels(block.text)
    known = [f for _, f in found if f is not None]
    if "title" in known:  # a list table's header: the flat-table reader's
        return None
    return found if "dates" in known and len(found) >= 2 and len(known) > len(found) / 2 else None


def _label_rows(document: Document) -> list[RawActivity]:
    """A row of labels over a row with the labelled period."""
    found: list[RawActivity] = []
    blocks = document.blocks
    for index, block in enumerate(blocks[:-1]):
        if not _DIGIT.search(blocks[index + 1].text, 0, 60):
            continue  # a period's value row starts with its dates
        row = _label_row(block)
        if row is None:
            continue
        values = blocks[index + 1]
        hits = dates.find_dates(values.text)
        if not hits or len(values.text.split()) > 4 * len(row):  # a value row, not prose
            continue
        start, end, _ = hits[0]
        raw = RawActivity(METHOD, start=block.start, end=values.end)
        raw.fields["dates"] = Span(values.text[start:end], values.start + start, values.start + end)
        for label, name in row:
            if name is None:
                raw.fields[f"label:{label}"] = Span("", block.start, block.end)
        found.append(raw)
    return found


def _page_title(document: Document, before: int) -> Span | None:
    """The page's own title: its first line of three words or more before ``before`` that is
    not a label line."""
    for block in document.blocks:
        if block.start >= before:
            return None
        words = block.text.split()
        if len(words) >= 3 and _label_line(block) is None and not dates.find_dates(block.text):
            return Span(block.text, block.start, block.end)
    return None


def extract(document: Document) -> list[RawActivity]:
    """One activity per labelled block that gives a date; titled by its label or the page."""
    resolver = Resolver.default()
    found: list[RawActivity] = []
    for raw in _label_lines(document, resolver) + _label_rows(document):
        if "title" not in raw.fields:
            title = _page_title(document, raw.start)
            if title is None:
                continue
            raw.fields["title"] = title
        found.append(raw)
    return found
