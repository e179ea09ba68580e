"""Activities described in prose: "A workshop on ... was held on July 20-23, 2009 in Honolulu".

A sentence yields events when it names an event (workshop, seminar, meeting ...), says it
happened (was held, took place, was organized ...) and gives a date. Each date in such a
sentence is one event; its place and participants are the nearest ones on its side of the
sentence, and its title the nearest quoted name, "entitled" name or event phrase. Things that
are planned or under way ("currently being organized", "will be") are not activities. A
calendar line or a list item that lists one event ("18 Aug 2016 IPEG Meeting Lima, Peru",
"• 4 June 2019: Webinar on trade secrets") is read by ``event_list``.

Beneficiaries are read only where the sentence says who the event was for: countries named as
the participants' origin ("40 officials from Cambodia, Lao PDR and Myanmar", also in the next
sentence), as the requester ("at the request of Nepal") or as the national authorities worked
with, and the country of the venue or the one named after "for" when the event is a national
(in-country) one ("a national workshop ... in Bamako (Mali)"). Every name goes through the
parties resolver; only economies count, never the reporting party or a body under it (providers
such as WIPO, USPTO or the reporter itself are never beneficiaries), and never a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.extractors import event_list, metadata
from ipcoop.ingest.normalize import dates, participants, places
from ipcoop.parties.resolver import Resolver

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
# Who an event was for: the words right before a list of party names.
ORIGIN = re.compile(
    r"\b(?:participants|participant|attendees|delegates|delegations|officials|officers|trainees|"
    r"representatives|examiners|judges|prosecutors|inspectors|lawyers|practitioners|students|"
    r"researchers|staff|stakeholders)\s+(?:(?:who\s+)?came\s+)?from\s+",
    re.IGNORECASE,
)
REQUESTER = re.compile(
    r"\bat\s+the\s+(?:request|invitation)\s+of\s+"
    r"(?:(?:the\s+)?(?:governments?|authorities)\s+of\s+)?",
    re.IGNORECASE,
)
AUTHORITIES = re.compile(r"\b(?:national|local)\s+authorities\s+of\s+", re.IGNORECASE)
# A national (in-country) event: its venue's country, or the one it was "for", benefits.
NATIONAL = re.compile(
    r"\b(?:national|in-country)\s+(?:[\w-]+\s+){0,2}?(?:workshops?|seminars?|courses?|"
    r"trainings?|training\s+courses?|missions?|webinars?|symposi(?:um|a)|conferences?|forums?|"
    r"colloqui(?:um|a)|meetings?|sessions?)\b",
    re.IGNORECASE,
)
FOR = re.compile(r"\bfor\s+", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)")
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)

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


@dataclass(frozen=True, slots=True)
class _Parties:
    """Who may be a beneficiary in this document: an economy the resolver knows, other than the
    reporting party, the bodies under it and the one it belongs to."""

    resolver: Resolver
    excluded: frozenset[str]

    @classmethod
    def of(cls, document: Document) -> _Parties:
        resolver = Resolver.default()
        reporter = metadata.extract(document, resolver).reporting_party
        excluded: set[str] = set()
        code = reporter.code if reporter is not None else None
        if code is not None:
            excluded.update(resolver.descendants(code))
            parent = resolver.get(code).parent
            while parent is not None and parent not in excluded:
                excluded.add(parent)
                parent = resolver.get(parent).parent
        return cls(resolver, frozenset(excluded))

    def may_benefit(self, code: str) -> bool:
        return code not in self.excluded and self.resolver.get(code).category == "economy"


Hit = tuple[int, int, str]  # start, end, party code: offsets into one sentence's text
Named = tuple[int, int, str, str]  # document start and end, the name as written, party code


def _hits(span: Span, parties: _Parties) -> dict[int, Hit]:
    """The party names in a sentence, by where they start."""
    return {hit[0]: hit for hit in parties.resolver.find_in_text(span.text)}


def _list_at(text: str, at: int, hits: dict[int, Hit]) -> list[Hit]:
    """The party names listed from ``at`` on: "Cambodia, Lao PDR and the Gambia" (an article
    is read with the name when an alias has it, else skipped); stops at the first word that is
    not a name."""
    found: list[Hit] = []
    while True:
        hit = hits.get(at)
        if hit is None and (article := _ARTICLE.match(text, at)) is not None:
            hit = hits.get(article.end())
        if hit is None:
            return found
        found.append(hit)
        separator = _LIST_SEPARATOR.match(text, hit[1])
        if separator is None:
            return found
        at = separator.end()


def _named(span: Span, hits: list[Hit]) -> list[Named]:
    return [(span.start + s, span.start + e, span.text[s:e], code) for s, e, code in hits]


def _listed_after(
    cues: tuple[re.Pattern[str], ...], span: Span, hits: dict[int, Hit], window: tuple[int, int]
) -> list[Named]:
    """The names listed right after any of the cues within ``window`` of the sentence."""
    return [
        named
        for cue in cues
        for match in cue.finditer(span.text, window[0], window[1])
        for named in _named(span, _list_at(span.text, match.end(), hits))
    ]


def _beneficiaries(
    sentence: Span,
    window: tuple[int, int],
    place: Span | None,
    follower: Span | None,
    parties: _Parties,
) -> Span | None:
    """The countries the event in ``window`` of the sentence was for (see the module text), in
    the order the text names them. The span runs from the first name to the last; its text is
    the names as written, separated by semicolons, for the list reader."""
    hits = _hits(sentence, parties)
    found = _listed_after((ORIGIN, REQUESTER, AUTHORITIES), sentence, hits, window)
    if NATIONAL.search(sentence.text, window[0], window[1]):
        if place is not None:
            found += [
                named
                for named in _named(sentence, list(hits.values()))
                if place.start <= named[0] and named[1] <= place.end
            ]
        found += _listed_after((FOR,), sentence, hits, window)
    if follower is not None and not dates.find_dates(follower.text):
        whole = (0, len(follower.text))
        found += _listed_after((ORIGIN,), follower, _hits(follower, parties), whole)
    names: list[Named] = []
    for named in sorted(found):
        if parties.may_benefit(named[3]) and named[3] not in {n[3] for n in names}:
            names.append(named)
    if not names:
        return None
    return Span("; ".join(n[2] for n in names), names[0][0], names[-1][1])


def _events(sentence: Span, follower: Span | None, parties: _Parties) -> list[RawActivity]:
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
        last = index + 1 == len(found)
        _participants(raw, sentence, (end, next_start), follower if last else None)
        stop = HAPPENED.search(text, end, next_start)  # after the next "was held": that event's
        reach = (previous_end, stop.start() if stop else next_start)
        beneficiaries = _beneficiaries(sentence, reach, place, follower if last else None, parties)
        if beneficiaries is not None:
            raw.fields["beneficiaries"] = beneficiaries
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


def extract(document: Document) -> list[RawActivity]:
    """Every dated event the document's prose reports."""
    found: list[RawActivity] = []
    parties = _Parties.of(document)
    running = (BlockType.PARAGRAPH, BlockType.LIST_ITEM)
    prose = [b for b in document.blocks if b.block_type in running]
    for block in prose:
        entry = event_list.entry(block, parties.resolver, parties.excluded)
        if entry is not None:
            found.append(entry)
            continue
        parts = sentences(block)
        for index, sentence in enumerate(parts):
            follower = parts[index + 1] if index + 1 < len(parts) else None
            found += _events(sentence, follower, parties)
    return found
