"""Events listed one to a line: calendar lines and list items, date first or title first.

- a calendar line: a date, then a title, ending with its venue ("18 Aug 2016 IPEG Meeting Lima,
  Peru"), in any block;
- a list item (a bullet •, -, *, –, or a number: the text reader marks it) whose title holds
  one event noun and that says nothing happened or is planned (a sentence in a list is
  prose, for the sentence readers):
  - date first, then an optional separator (``:``, ``–``, ``-``, ``|``): "12–14 March 2019:
    National workshop on copyright enforcement, Kampala, Uganda", "4 juin 2019 – Séminaire
    en ligne sur les secrets commerciaux";
  - title first, the date ending the item after a comma, a dash, a colon or a bracket:
    "Taller sobre marcas, Lima, 5 de mayo de 2020", "Seminar on GIs (Accra, 3-5 May 2021)".

After the title: its venue (the trailing comma parts, or a bracket, that name a city or a
country: "Kampala, Uganda", "(Quito, Ecuador)"), and, in the item's other words, the
participant count and the beneficiaries ("participants from Cambodia, Lao PDR and Myanmar").
A national event with no list is for its venue's country (``event_details``).
"""

from __future__ import annotations

import re

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType
from ipcoop.ingest.extractors import event_details
from ipcoop.ingest.extractors.event_words import EVENT_NOUN, HAPPENED, PLANNED, is_plural
from ipcoop.ingest.normalize import dates, participants, places
from ipcoop.parties.resolver import Resolver

METHOD = "list_entry"

_AFTER_DATE = re.compile(r"\s*(?:[:|–—-]\s*)?")
_BEFORE_DATE = re.compile(r"(?:[,;:|–—-]|\()\s*(?:(?:on|le|el|du|del|from|de)\s+)?$")
_TAIL = re.compile(r"\s*\)?\s*(?:\([^()]*\)\s*)*[.;]?\s*$")  # what may follow a final date
_BRACKETS = re.compile(r"\s*\(([^()]*)(?:\)|$)")  # the last one may be cut by the date
_PARTS = re.compile(r"\s*,\s*")
_HELD_IN = re.compile(r"\s(?:in|at|en|à|au|aux)\s+([A-ZÀ-Þ][^,;:()]*?)\s*$")
_TITLE_NOUN_REACH = 8  # words before the event noun in a title
_VENUE_PARTS = 3  # comma parts a venue may take ("Kampala, Uganda", "Santa Cruz, Bolivia")


def _calendar_line(block: Block) -> RawActivity | None:
    """'18 Aug 2016 Workshop on Plant Variety Protection Lima, Peru' as one activity."""
    found = dates.find_dates(block.text)
    if not found or found[0][0] != 0:
        return None
    start, end, _ = found[0]
    rest = block.text[end:]
    hits = places.find_places(rest)
    if not hits or rest[hits[-1][1] :].strip(" .") != "":
        return None
    place_start, place_end, _, _ = hits[-1]
    title = rest[:place_start].strip(" ,-–")
    if len(title.split()) < 2:
        return None
    raw = RawActivity(METHOD, start=block.start, end=block.end)
    offset = block.start + end
    raw.fields["title"] = Span(
        title, offset + rest.index(title), offset + rest.index(title) + len(title)
    )
    raw.fields["dates"] = Span(block.text[start:end], block.start + start, block.start + end)
    raw.fields["place"] = Span(
        rest[place_start:place_end], offset + place_start, offset + place_end
    )
    raw.fields["description"] = Span(block.text, block.start, block.end)
    return raw


def _names_one_event(title: str) -> bool:
    """Whether a title's words name one event (not a series) near their start."""
    noun = EVENT_NOUN.search(title)
    if noun is None or is_plural(noun.group(0)):
        return False
    return len(title[: noun.start()].split()) <= _TITLE_NOUN_REACH


def _dated_item(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where a list item's date and its title are: date first, or title first with the date
    ending the item."""
    found = sorted(dates.find_dates(text))
    if not found:
        return None
    start, end, _ = found[0]
    if start == 0:
        gap = _AFTER_DATE.match(text, end)
        assert gap is not None
        return (start, end), (gap.end(), len(text))
    start, end, _ = found[-1]
    before = _BEFORE_DATE.search(text, 0, start)
    if before is None or _TAIL.fullmatch(text, end) is None:
        return None
    return (start, end), (0, before.start())


def _is_place(words: str) -> bool:
    city, country = places.venue_parts(words)
    return country is not None or (city is not None and places.city_country(city) is not None)


def _venue(words: str) -> tuple[int, str] | None:
    """Where a title's trailing venue starts ("..., Kampala, Uganda") and the venue; a venue
    after "in / en / à" ends the title but stays in it ("Seminario ... en Quito")."""
    cuts = [m for m in _PARTS.finditer(words)][-_VENUE_PARTS:]
    for cut in cuts:  # the longest tail first
        tail = words[cut.end() :].strip(" .")
        if _is_place(tail):
            return cut.start(), tail
    held_in = _HELD_IN.search(words)
    if held_in is not None and _is_place(held_in.group(1)):
        return len(words), held_in.group(1)
    return None


def _item(block: Block, resolver: Resolver, excluded: frozenset[str]) -> RawActivity | None:
    """One event a list item gives, or None."""
    text = block.text
    if HAPPENED.search(text) or PLANNED.search(text):
        return None
    found = _dated_item(text)
    if found is None:
        return None
    (date_start, date_end), (title_start, title_end) = found
    words = text[title_start:title_end]
    brackets = [(title_start + m.start(1), m.group(1)) for m in _BRACKETS.finditer(words)]
    bracket = _BRACKETS.search(words)
    city: tuple[int, str] | None = None
    if bracket is not None and _venue(", " + bracket.group(1)) is not None:
        city = bracket.start(), bracket.group(1)
    words = words[: bracket.start()] if bracket is not None else words
    city = _venue(words) or city
    title = (words[: city[0]] if city is not None and city[0] < len(words) else words).strip(
        " ,;:–—-"
    )
    if not _names_one_event(title):
        return None
    at = block.start + title_start + words.index(title)
    raw = RawActivity(METHOD, start=block.start, end=block.end)
    raw.fields["title"] = Span(title, at, at + len(title))
    raw.fields["dates"] = Span(
        text[date_start:date_end], block.start + date_start, block.start + date_end
    )
    if city is not None:
        where = text.index(city[1], title_start)
        raw.fields["city"] = Span(city[1], block.start + where, block.start + where + len(city[1]))
    _who(raw, block, brackets or [(0, text)], resolver, excluded)
    return raw


def _who(
    raw: RawActivity,
    block: Block,
    details: list[tuple[int, str]],
    resolver: Resolver,
    excluded: frozenset[str],
) -> None:
    """The participant count and beneficiaries an item gives besides its title: in its
    brackets when it has any (each at its offset in the item), else in its whole text."""
    for at, words in details:
        counted = participants.find_participants(words)
        if counted and "participants" not in raw.fields:
            start, end, _ = counted[0]
            raw.fields["participants"] = Span(
                words[start:end], block.start + at + start, block.start + at + end
            )
        listed = event_details.party_list(words, resolver, excluded)
        if listed is not None and "beneficiaries" not in raw.fields:
            start, end, names = listed
            raw.fields["beneficiaries"] = Span(
                "; ".join(names), block.start + at + start, block.start + at + end
            )
    venue = raw.fields.get("city")
    if venue is not None and "beneficiaries" not in raw.fields:
        for_country = event_details.national_beneficiary(
            raw.fields["title"].text, venue.text, resolver, excluded
        )
        if for_country is not None:
            raw.fields["beneficiaries"] = Span(for_country, venue.start, venue.end)


def entry(block: Block, resolver: Resolver, excluded: frozenset[str]) -> RawActivity | None:
    """The one event a calendar line or a list item gives, or None."""
    if block.block_type is BlockType.LIST_ITEM:
        found = _item(block, resolver, excluded)
        if found is not None:
            return found
    return _calendar_line(block)
