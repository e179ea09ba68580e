"""Events told in prose, in English, French and Spanish: one frame per dated event mention.

A frame is read from one sentence (and its neighbours):

- an event noun (``event_words``): in the sentence, or, when the sentence has none, the last
  one of the sentence before ("... four regional workshops. The first of them was held in Fiji
  in January 2005");
- a cue that it happened (active or passive: "the WCO organized", "was held", "a eu lieu",
  "se llevó a cabo") or that it is announced ("will be held", "to take place", "aura lieu");
  an announced event is kept and flagged as planned;
- a date that is the event's: not a deadline, a term of office, a suspension or a
  publication date (``event_words.NOT_AN_EVENT_DATE``); a day and month without a year take
  the year of the nearest full date in the text (flagged); with no date but a relative time
  ("in the last two weeks") the page's own date stands for it, at its precision (flagged);
- a plural noun is a series, not one event: its sentence yields nothing, but it is the
  antecedent of the next sentence's "the first of them";
- then, where given: the venue (nearest place, or a country after "in"), the participant
  count and the beneficiaries (a list of economies after "from", "namely", "suivants :",
  "provenían de" ...), read in the sentence and the next ones until another dated event;
  an end date from a later sentence that says the event ends ("prendra fin le ...").

Titles (``event_titles``): a quoted name, a proper name, the page's headline when it names an
event with the same head noun, a proper name with that noun elsewhere on the page, else the
noun phrase with its complement (a fuller later mention of the same noun completes a bare one:
"un séminaire" ... "ce séminaire de formation sur ..."), with the venue when it has no
complement.

Minutes (a "Minutes" page or reported speech: "said that"): events they mention are kept with
low confidence and marked for review; the provider's own report is the record.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.document import BlockType, Document
from ipcoop.ingest.extractors import event_details, event_titles, metadata, narrative
from ipcoop.ingest.extractors.event_details import NATIONAL
from ipcoop.ingest.extractors.event_titles import NounPhrase
from ipcoop.ingest.extractors.event_words import (
    DATELINE,
    DATELINE_END,
    END,
    EVENT_NOUN,
    HAPPENED,
    NOT_AN_EVENT_DATE,
    PLANNED,
    RELATIVE_TIME,
    is_plural,
    singular,
)
from ipcoop.ingest.normalize import dates, participants
from ipcoop.parties.resolver import Resolver

METHOD = "event_frame"
REVIEW = "review:"  # raw fields whose text is a review reason for the normalizer

_MINUTES = re.compile(
    r"^\s*(?:minutes|procès-verbal|compte rendu|acta)\b|\b(?:said|stated|noted|informed the "
    r"council) that\b|\ba (?:déclaré|indiqué) que\b|\b(?:dijo|señaló|indicó) que\b",
    re.IGNORECASE | re.MULTILINE,
)
_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:first|second|third|last|latter|former)\s+(?:of\s+(?:them|these))?|"
    r"(?:it|this|these|they)\b|le\s+premier|la\s+première|el\s+primero|la\s+primera|"
    r"(?:il|elle|celui-ci|celle-ci)\b|(?:éste|ésta)\b)",
    re.IGNORECASE,
)
_YEARLESS = re.compile(  # "15 juillet", "du 10 au 12 décembre", "from 11 to 22 November"
    r"\b(?:(\d{1,2})(?:er|º|o)?\s*(?:au|to|-|–|al|et|and|y)\s*)?"
    r"(\d{1,2})(?:er|º|o)?\s+(janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"octubre|noviembre|diciembre)\b(?!,?\s*(?:de\s+)?(?:19|20)\d\d)",
    re.IGNORECASE,
)
_BARE_YEAR_LINE = re.compile(r"^\D{0,40}\b((?:19|20)\d\d)\s*$")
_HEADLINE_NOISE = re.compile(
    r"\s*\((?:[A-Z ]{4,})\)\s*$|^(?:report\s+on|rapport\s+sur|informe\s+sobre)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_FOLLOWERS = 4  # sentences after a frame read for its participants and beneficiaries
_MENTIONS_AFTER = 12  # and how far on a sentence that names the event again is read too


@dataclass(slots=True)
class _Sentence:
    span: Span
    block: int


@dataclass(slots=True)
class _Frame:
    raw: RawActivity
    sentence: int
    phrase: NounPhrase
    reasons: list[str] = field(default_factory=list)


def _sentences(document: Document) -> list[_Sentence]:
    prose = (BlockType.PARAGRAPH, BlockType.LIST_ITEM, BlockType.HEADING)
    return [
        _Sentence(span, index)
        for index, block in enumerate(document.blocks)
        if block.block_type in prose
        for span in narrative.sentences(block)
    ]


def _event_dates(text: str) -> list[tuple[int, int, dates.DateRange]]:
    """The sentence's dates that can be an event's, in text order."""
    found = []
    for start, end, value in dates.find_dates(text):
        if NOT_AN_EVENT_DATE.search(text, max(0, start - 80), start):
            continue
        found.append((start, end, value))
    found.sort(key=lambda hit: hit[0])
    other = len(found) > 1 or (found and _YEARLESS.search(text, found[0][1]) is not None)
    if other and DATELINE.fullmatch(text, 0, found[0][0]) and DATELINE_END.match(text, found[0][1]):
        found.pop(0)  # "6 June 2011: ...", "TUNIS, 10 déc 2009 (TAP) - ...": the page's date
    return found


def _iso(value: dates.DateRange) -> str:
    """A date range in ISO form ("2009-12-10 to 2009-12-12")."""
    return f"{value.start.iso} to {value.end.iso}" if value.end else value.start.iso


def _full_dates(sentences: list[_Sentence]) -> list[tuple[int, dates.DateRange]]:
    return [
        (s.span.start + start, value)
        for s in sentences
        for start, _end, value in dates.find_dates(s.span.text)
        if value.precision == "day"
    ]


def _page_date(document: Document) -> tuple[Span, str] | None:
    """The page's own date: a dateline or a short heading with a year, near its top."""
    for block in document.blocks[:8]:
        if len(block.text.split()) > 6:
            continue
        hits = dates.find_dates(block.text)
        if hits:
            start, end, value = hits[0]
            return Span(
                block.text[start:end], block.start + start, block.start + end
            ), value.start.iso
        bare = _BARE_YEAR_LINE.match(block.text)
        if bare is not None:
            return Span(
                bare.group(1), block.start + bare.start(1), block.start + bare.end(1)
            ), bare.group(1)
    return None


_PERIOD_LINE_WORDS = 30
_PERIOD_LINE_REACH = 3  # blocks between a period line and the paragraph it heads


def _period_line(document: Document) -> tuple[int, Span, str] | None:
    """A short line near the top that gives a period, not a sentence that reports an event
    ("Completion of the ... Program for Fiscal 2014 Tuesday, September 16 - Friday, November
    28, 2014"): its block, the date as written, and the range in ISO form."""
    for index, block in enumerate(document.blocks[:12]):
        if len(block.text.split()) > _PERIOD_LINE_WORDS or HAPPENED.search(block.text):
            continue
        for start, end, value in dates.find_dates(block.text):
            if (
                value.end is not None
                and value.end.iso != value.start.iso
                and value.precision == "day"
            ):
                span = Span(block.text[start:end], block.start + start, block.start + end)
                return index, span, _iso(value)
    return None


def _headline(document: Document) -> NounPhrase | None:
    """The page's headline when it names one event: its quoted name or its noun phrase."""
    for block in document.blocks[:12]:
        text = block.text
        if not 3 <= len(text.split()) <= 30 or text.rstrip().endswith(".") or ":" in text[-3:]:
            continue
        found = event_titles.quoted_names(text) or [
            p for p in event_titles.phrases(text) if not p.plural
        ]
        if found:
            best = found[0]
            words = _HEADLINE_NOISE.sub("", text[best.start :] if best.proper else text).strip()
            if not best.proper:
                words = _HEADLINE_NOISE.sub("", text).strip()
            return NounPhrase(words, block.start, block.end, best.head, False, True, True)
    return None


def _named_elsewhere(sentences: list[_Sentence], head: str) -> NounPhrase | None:
    """The proper name of an event with this head noun on the page, when the page names only one."""
    names = {
        phrase.text.casefold(): phrase
        for sentence in sentences
        for phrase in event_titles.phrases(sentence.span.text)
        if phrase.head == head and phrase.proper and not phrase.plural
    }
    return next(iter(names.values())) if len(names) == 1 else None


_DEFINITE = re.compile(
    r"(?:\b(?:the|this|le|la|ce|cet|cette|el|este|esta)\s+|\bl['’])$", re.IGNORECASE
)
_BACK = 3  # sentences a definite noun ("the workshop", "l'atelier") looks back


def _fuller_mention(
    sentences: list[_Sentence], after: int, head: str, definite: bool
) -> NounPhrase | None:
    """A later mention of the same noun with a complement ("ce séminaire de formation sur");
    for a definite noun ("the workshop", "l'atelier"), first the mention it refers back to."""
    earlier = sentences[max(0, after - _BACK) : after][::-1] if definite else []
    for sentence in earlier + sentences[after + 1 : after + 8]:
        for phrase in event_titles.phrases(sentence.span.text):
            if phrase.head == head and phrase.complemented and not phrase.plural:
                return NounPhrase(
                    phrase.text,
                    sentence.span.start + phrase.start,
                    sentence.span.start + phrase.end,
                    phrase.head,
                    False,
                    phrase.proper,
                    True,
                )
    return None


def _choose_phrase(
    found: list[NounPhrase], window: tuple[int, int], after: tuple[int, int]
) -> NounPhrase | None:
    before = [p for p in found if window[0] <= p.start < window[1]]
    if before:
        return before[-1]
    behind = [p for p in found if after[0] <= p.start < after[1]]
    return behind[0] if behind else None


def _antecedent(sentences: list[_Sentence], index: int) -> NounPhrase | None:
    """The last event noun phrase of the previous sentence, made singular."""
    if index == 0:
        return None
    previous = sentences[index - 1]
    found = event_titles.phrases(previous.span.text)
    if not found:
        return None
    last = found[-1]
    words = last.text
    if last.plural:
        noun = re.search(r"\S+$", words.split(" on ")[0].split(" for ")[0])
        if noun is not None:
            words = (
                words.replace(noun.group(0), last.head, 1)
                if noun.group(0).casefold().startswith(last.head[:4])
                else words
            )
    return NounPhrase(
        words,
        previous.span.start + last.start,
        previous.span.start + last.end,
        last.head,
        False,
        last.proper,
        last.complemented,
    )


def _names_again(text: str, head: str) -> bool:
    """Whether a sentence names an event again by its noun after a definite determiner ("ce
    séminaire", "the workshop", "l'atelier")."""
    return any(
        singular(match.group(0)) == head
        and _DEFINITE.search(text, max(0, match.start() - 24), match.start())
        for match in EVENT_NOUN.finditer(text)
    )


def _details(
    frame: _Frame, sentences: list[_Sentence], resolver: Resolver, excluded: frozenset[str]
) -> None:
    """Participants and beneficiaries from the sentences read for the frame, in order."""
    raw = frame.raw
    for sentence in sentences:
        text = sentence.span.text
        if "participants" not in raw.fields:
            hits = participants.find_participants(text)
            if hits:
                start, end, _count = hits[0]
                raw.fields["participants"] = Span(
                    text[start:end], sentence.span.start + start, sentence.span.start + end
                )
        if "beneficiaries" not in raw.fields:
            listed = event_details.party_list(text, resolver, excluded)
            if listed is not None:
                start, end, names = listed
                raw.fields["beneficiaries"] = Span(
                    "; ".join(names), sentence.span.start + start, sentence.span.start + end
                )


# events that travel to the country they serve; a study visit or tour goes the other way (its
# participants come to the host, whose country is no beneficiary)
_GOES_TO_THE_COUNTRY = frozenset({"mission", "expert visit", "misión"})

# where such an event went, at the end of its phrase: "... to Kenya", "... au Bénin", "... a Perú"
_DESTINATION = re.compile(r"\b(?:to|en|au|à|a)\s+(?:the\s+)?([A-ZÀ-Þ][\w'’ -]{2,40})$")


def _national_venue(frame: _Frame, resolver: Resolver, excluded: frozenset[str]) -> None:
    """With no listed beneficiaries, a national event is for the country it was held in, and
    an event that travels to the country it serves (a mission, an expert visit) for the
    country it went to (its phrase's destination, else its venue)."""
    raw = frame.raw
    if "beneficiaries" in raw.fields:
        return
    travels = frame.phrase.head in _GOES_TO_THE_COUNTRY
    if not travels and not NATIONAL.search(frame.phrase.text):
        return
    venue = raw.fields.get("city") or raw.fields.get("country")
    destination = _DESTINATION.search(frame.phrase.text) if travels else None
    if destination is not None:
        at = frame.phrase.start + destination.start(1)
        venue = Span(destination.group(1), at, at + len(destination.group(1)))
    if venue is None:
        return
    name = event_details.venue_country(venue.text, resolver, excluded)
    if name is not None:
        raw.fields["beneficiaries"] = Span(name, venue.start, venue.end)


def _reader(document: Document, resolver: Resolver) -> tuple[frozenset[str], str]:
    """The parties that cannot benefit (the reporter and its bodies) and the text's language."""
    meta = metadata.extract(document, resolver)
    reporter = meta.reporting_party
    if reporter is None or reporter.code is None:
        return frozenset(), meta.language
    return frozenset(resolver.descendants(reporter.code)) | {reporter.code}, meta.language


def is_minutes(document: Document) -> bool:
    """Whether the document is minutes (or reported speech) rather than a provider's report."""
    return _MINUTES.search(document.text[:3000]) is not None


def extract(document: Document, taken: Collection[tuple[int, int]] = ()) -> list[RawActivity]:
    """Every dated event frame in the document's prose, but at the date phrases in ``taken``
    (another reader's)."""
    resolver = Resolver.default()
    sentences = _sentences(document)
    if not sentences:
        return []
    minutes = is_minutes(document)
    headline = _headline(document)
    page_date = _page_date(document)
    full_dates: list[tuple[int, dates.DateRange]] | None = None
    period: tuple[int, Span, str] | None = None
    period_read = False  # the period line is looked for when first needed
    excluded, language = _reader(document, resolver)
    frames: list[_Frame] = []
    taken_spans = sorted(taken)
    starts = [s for s, _ in taken_spans]
    for index, sentence in enumerate(sentences):
        text = sentence.span.text
        at = sentence.span.start
        first = bisect.bisect_left(starts, at)
        read = [taken_spans[i] for i in range(first, bisect.bisect_left(starts, sentence.span.end))]
        if read and len(EVENT_NOUN.findall(text)) < 2:  # the other reader's one event
            continue
        planned = PLANNED.search(text) is not None
        if HAPPENED.search(text) is None and not planned:
            continue
        if not EVENT_NOUN.search(text) and not (
            index and EVENT_NOUN.search(sentences[index - 1].span.text)
        ):
            continue
        found = [
            hit
            for hit in _event_dates(text)
            if not any(s <= at + hit[0] < e or at + hit[0] <= s < at + hit[1] for s, e in read)
        ]
        reasons: list[str] = []
        if not found:
            yearless = _YEARLESS.search(text)
            if yearless is not None and full_dates is None:
                full_dates = _full_dates(sentences)
            if yearless is not None and full_dates:
                at = sentence.span.start + yearless.start()
                year = min(full_dates, key=lambda d: abs(d[0] - at))[1].start.iso[:4]
                from_day, to_day, month = yearless.groups()
                days = f"{from_day}-{to_day}" if from_day else to_day
                try:
                    value = dates.parse_range(f"{days} {month} {year}")
                except dates.DateError:
                    continue
                found = [(yearless.start(), yearless.end(), value)]
                reasons.append(f"year {year} taken from the nearest full date in the text")
            elif RELATIVE_TIME.search(text) and page_date is not None:
                cue = RELATIVE_TIME.search(text)
                assert cue is not None
                found = [(cue.start(), cue.end(), dates.parse_range(page_date[1]))]
                reasons.append(
                    f"dated by the page's own date ({page_date[0].text}): {cue.group(0)!r}"
                )
            elif EVENT_NOUN.search(text):
                if not period_read:
                    period, period_read = _period_line(document), True
                if period is not None and 0 < sentence.block - period[0] <= _PERIOD_LINE_REACH:
                    found = [(0, 0, dates.parse_range(period[2]))]
                    reasons.append(f"dated by the period line above it ({period[1].text})")
        if not found:
            continue
        phrases = event_titles.phrases(text)
        for number, (start, end, value) in enumerate(found):
            previous_end = found[number - 1][1] if number else 0
            next_start = found[number + 1][0] if number + 1 < len(found) else len(text)
            phrase = _choose_phrase(phrases, (previous_end, start), (end, next_start))
            offset = sentence.span.start
            if phrase is None and not phrases:
                phrase = _antecedent(sentences, index)
                offset = 0
                if phrase is None or not _ANAPHOR.search(text):  # "The first of them was held"
                    continue
            elif phrase is None or phrase.plural:
                continue
            raw = RawActivity(METHOD, start=sentence.span.start + start, end=sentence.span.end)
            # a date completed from elsewhere is handed on in ISO form; its evidence is here
            said = _iso(value) if reasons else text[start:end]
            raw.fields["dates"] = Span(said, sentence.span.start + start, sentence.span.start + end)
            raw.fields["description"] = sentence.span
            frame = _Frame(
                raw,
                index,
                NounPhrase(
                    phrase.text,
                    offset + phrase.start,
                    offset + phrase.end,
                    phrase.head,
                    phrase.plural,
                    phrase.proper,
                    phrase.complemented,
                ),
                list(reasons),
            )
            title_region = (phrase.start, phrase.end) if offset else (-1, -1)
            venue = event_details.venue(text, (previous_end, next_start), title_region)
            if venue is not None:
                name, span = venue
                raw.fields[name] = Span(
                    span.text, sentence.span.start + span.start, sentence.span.start + span.end
                )
            if planned and (
                PLANNED.search(text, previous_end, next_start)
                or not HAPPENED.search(text, previous_end, next_start)
            ):
                frame.reasons.append("announced, not yet held (planned)")
            if minutes:
                frame.reasons.append("reported in minutes: confirm with the provider's own report")
            frames.append(frame)
    frames = _most_precise(frames)
    _ends(frames, sentences)
    for number, frame in enumerate(frames):
        following = [f.sentence for f in frames[number + 1 :] if f.sentence > frame.sentence]
        stop = min([*following, frame.sentence + 1 + _FOLLOWERS])
        # further on, until the next event, the sentences that name this one again
        farthest = min([*following, frame.sentence + 1 + _MENTIONS_AFTER, len(sentences)])
        again = [
            sentences[i]
            for i in range(stop, farthest)
            if _names_again(sentences[i].span.text, frame.phrase.head)
        ]
        _details(frame, [*sentences[frame.sentence : stop], *again], resolver, excluded)
        _national_venue(frame, resolver, excluded)
        _title(frame, sentences, headline, language)
    return [f.raw for f in frames]


_COUNTED_SERIES = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+|a\s+series\s+of|"
    r"deux|trois|quatre|cinq|plusieurs|dos|tres|cuatro|cinco|varios|varias)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def admits(raw: RawActivity, minutes: bool) -> bool:
    """Whether another prose reader's event stands under this reader's rules; flags it (minutes)
    and makes its title read as one when it does."""
    sentence = raw.fields.get("description")
    dated = raw.fields.get("dates")
    title = raw.fields.get("title")
    if sentence is None or dated is None or title is None:
        return True
    at = dated.start - sentence.start
    if NOT_AN_EVENT_DATE.search(sentence.text, max(0, at - 80), at):
        return False
    local = title.start - sentence.start
    noun = EVENT_NOUN.search(title.text)
    if (
        0 <= local <= len(sentence.text)
        and noun is not None
        and is_plural(noun.group(0))
        and _COUNTED_SERIES.search(sentence.text, max(0, local - 40), local + noun.start())
    ):
        return False
    raw.fields["title"] = Span(event_titles.readable(title.text), title.start, title.end)
    if minutes:
        reason = "reported in minutes: confirm with the provider's own report"
        raw.fields[f"{REVIEW}{reason}"] = Span(reason, raw.start, raw.start)
    return True


_PRECISION = {"day": 0, "month": 1, "year": 2}


def _most_precise(frames: list[_Frame]) -> list[_Frame]:
    """One frame per event phrase of a sentence: "In 2019 ... a study visit ..., held on 14-15
    March 2019" is one visit, dated by its most precise date."""
    best: dict[tuple[int, int], _Frame] = {}
    for frame in frames:
        key = (frame.sentence, frame.phrase.start)
        held = best.get(key)
        if held is None or _precision(frame) < _precision(held):
            best[key] = frame
    return [f for f in frames if best[(f.sentence, f.phrase.start)] is f]


def _precision(frame: _Frame) -> int:
    try:
        return _PRECISION[dates.parse_range(frame.raw.fields["dates"].text).precision]
    except dates.DateError:
        return len(_PRECISION)


def _ends(frames: list[_Frame], sentences: list[_Sentence]) -> None:
    """A later sentence saying the event ends on a date gives the last frame before it its end."""
    for index, sentence in enumerate(sentences):
        cue = END.search(sentence.span.text)
        if cue is None:
            continue
        hits = [h for h in dates.find_dates(sentence.span.text) if h[0] > cue.start()]
        before = [f for f in frames if f.sentence < index]
        if not hits or not before:
            continue
        start, end, _value = hits[0]
        frame = before[-1]
        frame.raw.fields["end"] = Span(
            sentence.span.text[start:end], sentence.span.start + start, sentence.span.start + end
        )


_IN = {"en": "in", "fr": "à", "es": "en"}  # "Seminar in Apia", "Atelier à Lomé", "Taller en Cusco"
_ANOTHER = re.compile(
    r"\b(?:next|upcoming|following|another|prochain|prochaine|autre|próximo|próxima|otro|otra)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _title(
    frame: _Frame, sentences: list[_Sentence], headline: NounPhrase | None, language: str
) -> None:
    phrase = frame.phrase
    raw = frame.raw
    chosen: NounPhrase | None = phrase if phrase.proper else None
    sentence = sentences[frame.sentence].span
    before = sentence.text[: max(0, phrase.start - sentence.start)]
    another = _ANOTHER.search(before) is not None  # "the next seminar" is not the headline's
    if chosen is None and headline is not None and headline.head == phrase.head and not another:
        chosen = headline
    if chosen is None and not another:
        chosen = _named_elsewhere(sentences, phrase.head)
        if chosen is not None:
            chosen = None if chosen.text.casefold() == phrase.text.casefold() else chosen
    if chosen is None and not phrase.complemented:
        definite = _DEFINITE.search(before) is not None
        chosen = _fuller_mention(sentences, frame.sentence, phrase.head, definite)
    words = chosen.text if chosen is not None else phrase.text
    if chosen is None and not phrase.complemented:
        venue = raw.fields.get("city") or raw.fields.get("country")
        if venue is not None:
            place = venue.text.split(",")[0]
            words = f"{words} {_IN.get(language, 'in')} {place}"
    title = event_titles.readable(words)
    start = chosen.start if chosen is not None else phrase.start
    raw.fields["title"] = Span(title, start, start + len(words))
    for reason in frame.reasons:
        raw.fields[f"{REVIEW}{reason}"] = Span(reason, raw.start, raw.start)
