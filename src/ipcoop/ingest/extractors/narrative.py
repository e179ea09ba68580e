"""Activities described in prose: "A workshop on ... was held on July 20-23, 2009 in Honolulu".

A sentence yields events when it names an event (workshop, seminar, meeting ...), says it
happened (was held, took place, was organized ...) and gives a date. Each date in such a
sentence is one event; its place and participants are the nearest ones on its side of the
sentence, and its title the nearest quoted name, "entitled" name or event phrase. Things that
are planned or under way ("currently being organized", "will be") are not activities. A line
that starts with a date and ends with a place ("18 Aug 2016 IPEG Meeting Lima, Peru") is a
calendar entry.
"""

from __future__ import annotations

import re

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockKind, Document
from ipcoop.ingest.normalize import dates, participants, places

METHOD = "narrative"

EVENT = re.compile(
    r"\b(?:workshops?|seminars?|colloqui(?:um|a)|courses?|trainings?|meetings?|missions?|"
    r"webinars?|operations?|dialogues?|symposi(?:um|a)|conferences?|forums?|study visits?|"
    r"sessions?)\b",
    re.IGNORECASE,
)
HAPPENED = re.compile(
    r"\b(?:(?:was|were|been)\s+(?:also\s+)?(?:held|organi[sz]ed|provided|conducted|delivered|"
    r"hosted|convened|carried out)|took place|held\s+(?:on|in)|organi[sz]ed\s+in)\b",
    re.IGNORECASE,
)
NOT_YET = re.compile(
    r"\b(?:currently being|is being|are being|will be|is due|to be held|is expected|planned)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[“\"]([^”\"]{4,200})[”\"]")
ENTITLED = re.compile(r"\bentitled\s+(.{4,200}?)\s+(?:was|were|took|held)\b")
PHRASE = re.compile(
    r"\b(?:an?|the)\s+((?:[\w-]+\s+){0,4}?(?:workshop|seminar|colloquium|course|training|"
    r"meeting|mission|webinar|operation|dialogue|symposium|conference|forum|session)s?"
    r"(?:\s+(?:on|for|in)\s+[^,.;]{3,160}?)?)(?=\s+(?:was|were|took|held|organi[sz]ed|,))",
    re.IGNORECASE,
)
_ABBREVIATIONS = ("D.C.", "U.S.", "Mr.", "Ms.", "Dr.", "e.g.", "i.e.", "No.", "St.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"‘(])")


def sentences(block: Block) -> list[Span]:
    """The sentences of a block, with offsets into the document."""
    out: list[Span] = []
    start = 0
    text = block.text
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        if before.endswith(_ABBREVIATIONS):
            continue
        out.append(Span(before, block.start + start, block.start + match.start()))
        start = match.end()
    if text[start:].strip():
        out.append(Span(text[start:], block.start + start, block.end))
    return out


def _title(window: str, offset: int) -> Span | None:
    """The event's name in the text before its date: quoted, 'entitled', or its phrase."""
    for pattern in (QUOTED, ENTITLED, PHRASE):
        found = list(pattern.finditer(window))
        if found:
            last = found[-1]
            return Span(last.group(1).strip(" ,"), offset + last.start(1), offset + last.end(1))
    return None


SUBJECT = re.compile(
    r"((?:[A-Z][\w-]*\s+){1,4}(?:Workshop|Seminar|Colloquium|Course|Training|Meeting|Mission|"
    r"Webinar|Operation|Dialogue|Symposium|Conference|Forum|Session)s?)\s+(?:was|were)\s",
    re.IGNORECASE,
)


def _subject(sentence: Span) -> Span | None:
    """The event named as the sentence's subject ("ABAC-IPEG Dialogues were organized")."""
    match = SUBJECT.search(sentence.text)
    if match is None:
        return None
    return Span(match.group(1), sentence.start + match.start(1), sentence.start + match.end(1))


def _nearest_place(sentence: Span, before: tuple[int, int], after: tuple[int, int]) -> Span | None:
    """The place just before the date in its window, else the first one after it."""
    text = sentence.text
    ahead = text[before[0] : before[1]]
    hits = places.find_places(ahead)
    if hits:
        start, end, _, _ = hits[-1]
        return Span(
            ahead[start:end], sentence.start + before[0] + start, sentence.start + before[0] + end
        )
    behind = text[after[0] : after[1]]
    stop = HAPPENED.search(behind)  # a place after the next "was held" is that event's
    hits = [h for h in places.find_places(behind) if stop is None or h[0] < stop.start()]
    if hits:
        start, end, _, _ = hits[0]
        return Span(
            behind[start:end], sentence.start + after[0] + start, sentence.start + after[0] + end
        )
    return None


def _events(sentence: Span, follower: Span | None) -> list[RawActivity]:
    text = sentence.text
    if not (EVENT.search(text) and HAPPENED.search(text)) or NOT_YET.search(text):
        return []
    found = sorted(dates.find_dates(text), key=lambda hit: hit[0])
    events: list[RawActivity] = []
    for index, (start, end, _range) in enumerate(found):
        previous_end = found[index - 1][1] if index else 0
        next_start = found[index + 1][0] if index + 1 < len(found) else len(text)
        window = text[previous_end:start]
        title = (
            _title(window, sentence.start + previous_end)
            or _title(text[end:next_start], sentence.start + end)
            or _subject(sentence)
        )
        if title is None:
            continue
        raw = RawActivity(METHOD, start=sentence.start + start, end=sentence.end)
        raw.fields["title"] = title
        raw.fields["dates"] = Span(text[start:end], sentence.start + start, sentence.start + end)
        raw.fields["description"] = sentence
        place = _nearest_place(sentence, (previous_end, start), (end, next_start))
        if place is not None:
            raw.fields["place"] = place
        _participants(
            raw, sentence, (end, next_start), follower if index + 1 == len(found) else None
        )
        events.append(raw)
    return events


def _participants(
    raw: RawActivity, sentence: Span, after: tuple[int, int], follower: Span | None
) -> None:
    behind = sentence.text[after[0] : after[1]]
    stop = HAPPENED.search(behind)
    hits = [
        h for h in participants.find_participants(behind) if stop is None or h[0] < stop.start()
    ]
    if hits:
        start, end, _ = hits[0]
        raw.fields["participants"] = Span(
            behind[start:end], sentence.start + after[0] + start, sentence.start + after[0] + end
        )
    elif follower is not None and not dates.find_dates(follower.text):
        hits = participants.find_participants(follower.text)
        if hits:
            start, end, _ = hits[0]
            raw.fields["participants"] = Span(
                follower.text[start:end], follower.start + start, follower.start + end
            )


def _calendar_entry(block: Block) -> RawActivity | None:
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


def extract(document: Document) -> list[RawActivity]:
    """Every dated event the document's prose reports."""
    found: list[RawActivity] = []
    prose = [b for b in document.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]
    for block in prose:
        entry = _calendar_entry(block)
        if entry is not None:
            found.append(entry)
            continue
        parts = sentences(block)
        for index, sentence in enumerate(parts):
            follower = parts[index + 1] if index + 1 < len(parts) else None
            found += _events(sentence, follower)
    return found
