"""Where an event was held and whom it was for, read in the words around its mention.

- the venue: the nearest gazetteer place (a city inside an institution's name: "University of
  Nairobi" is Nairobi), a city after "city of / ville de / ciudad de", else a country after
  in/à/au/en;
- a national event with no list is for its venue's country;
- the beneficiaries: a list of parties after a cue that says whom the event was for (people
  "from", "participants du / de", "participantes de", "namely", "including", "the following N
  countries:", "suivants :", "venus du", "provenían de", "procedentes de"); names the alias
  table does not know are kept when they look like names (the normalizer flags them), and the
  list ends at the first words that are not a name.
"""

from __future__ import annotations

import re

from ipcoop.ingest.candidates import Span
from ipcoop.ingest.normalize import places
from ipcoop.parties.resolver import Resolver, UnknownParty

# "in Ghana", "au Bénin"; where a mission went: "travelled to Malawi", "visited Nepal", "viajó a"
_COUNTRY_VENUE = re.compile(
    r"\b(?:in|à|au|en|aux|(?:travell?ed|went|(?:was|were)\s+sent|viajó|viajaron|trasladó|"
    r"trasladaron)\s+(?:to|a)|visited|visité|visitó|visitaron)\s+"
    r"(?:the\s+)?([A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})"
)

_CITY_OF = re.compile(
    r"\b(?:city\s+of|ville\s+de|ciudad\s+de)\s+([A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})"
)

_LIST_CUE = re.compile(
    r"(?:\bfrom|\bnamely|\bincluding|\bsuivants?\s*:|\bsuivantes\s*:|\bvenus?\s+d[eu]|"
    r"\bprovenían\s+de|\bprocedentes\s+de|\bsiguientes\s*:|\bcountries\s*:|\bpays\s*:|"
    r"\bpaíses\s*:|\b(?:francophones|anglophones|lusophones|hispanophones)\s*:)\s*$",
    re.IGNORECASE,
)


def _known_city(venue: str, country: str | None) -> str | None:
    """The gazetteer city a venue's name ends with, when the whole name is not one."""
    if places.city_country(venue, hint_country=country) is not None:
        return None
    words = venue.split()
    for first in range(1, len(words)):
        tail = " ".join(words[first:])
        if tail[:1].isupper() and places.city_country(tail, hint_country=country) is not None:
            return tail
    return None


def venue(text: str, region: tuple[int, int], title: tuple[int, int]) -> tuple[str, Span] | None:
    """('place'|'city'|'country', span) of the venue nearest the frame in ``region``."""
    part = text[region[0] : region[1]]
    for start, end, _city, country in places.find_places(part):
        if not title[0] <= region[0] + start < title[1]:
            written = part[start:end].split(",")[0].split(" (")[0].split(";")[0]
            known = _known_city(written, country)
            if known is not None:  # "University of Nairobi": the city in the venue's name
                start, written = start + written.rindex(known), known
            return "city", Span(written, region[0] + start, region[0] + start + len(written))
    for match in _CITY_OF.finditer(part):
        if places.city_country(match.group(1)) is not None:
            return "city", Span(
                match.group(1), region[0] + match.start(1), region[0] + match.end(1)
            )
    for match in _COUNTRY_VENUE.finditer(part):
        name = match.group(1)
        if places.country_code(name) is not None:
            return "country", Span(name, region[0] + match.start(1), region[0] + match.end(1))
    return None


_ITEM_SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:and|et|y|e)\s+)?|\s+(?:and|et|y|e)\s+")
_ITEM_ARTICLE = re.compile(
    r"^(?:the|le|la|les|el|los|las|du|de\s+la|des|de)\s+|^l['’]", re.IGNORECASE
)
_UNKNOWN_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:of|de|du|del|[A-ZÀ-Þ][\w'’.-]*)){0,3}$")
_PEOPLE_FROM = re.compile(
    r"\b(?:participants?|officials?|officers?|trainees?|examiners?|delegates?|representatives?|"
    r"experts?|judges?|students?|staff|attendees|fonctionnaires|participantes?|funcionari[oa]s|"
    r"expert[oa]s?|homologues)\b[^.;]{0,50}\bfrom\s+$|"
    r"\bparticipant(?:e?s)?\s+(?:venus?\s+)?(?:d[eu]|des|de\s+la|d['’]|del)\s*$",
    re.IGNORECASE,
)


_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:the|le|la|les|el|los|las|du|des)\s+|\bl['’])$", re.IGNORECASE
)


def _strip_article_start(text: str, start: int) -> int:
    article = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    return article.start() if article is not None else start


def _cued(text: str, at: int) -> bool:
    """Whether the names at ``at`` follow a cue that lists whom an event was for."""
    before = text[max(0, at - 80) : at]
    if _LIST_CUE.search(before) is not None and not before.rstrip().casefold().endswith("from"):
        return True
    return _PEOPLE_FROM.search(before) is not None


def party_list(
    text: str, resolver: Resolver, excluded: frozenset[str]
) -> tuple[int, int, list[str]] | None:
    """The first list of parties introduced by a cue: (start, end, names as written). Names
    the resolver does not know are kept when they look like names (the normalizer flags them)."""
    for hit_start, _end, code in resolver.find_in_text(text):
        at = _strip_article_start(text, hit_start)
        cued = _cued(text, at) or _cued(text, hit_start)
        if resolver.get(code).category not in ("economy", "igo") or not cued:
            continue
        names: list[str] = []
        end = at
        position = at
        for separator in [*_ITEM_SEPARATOR.finditer(text, at), None]:
            item_end = separator.start() if separator is not None else len(text)
            item = _ITEM_ARTICLE.sub("", text[position:item_end].strip()).rstrip(" .")
            known = resolver.resolve(item)
            if known is None and _UNKNOWN_NAME.match(item) is None:
                lead = [h for h in resolver.find_in_text(item) if h[0] == 0]
                if lead and lead[0][2] not in excluded:  # the list's last name, then prose
                    names.append(item[: lead[0][1]])
                break
            if known not in excluded:
                names.append(item)
            end = item_end
            if separator is None:
                break
            position = separator.end()
        if names:
            return at, end, names
    return None


NATIONAL = re.compile(r"\b(?:national|in-country|nationale?s?|nacional(?:es)?)\b", re.IGNORECASE)


def venue_country(venue: str, resolver: Resolver, excluded: frozenset[str]) -> str | None:
    """The name of the country a venue is in ("Kampala, Uganda", "Dakar", "Mali"), when it
    may benefit."""
    city, country = places.venue_parts(venue)
    code = country or (places.city_country(city) if city else None)
    if code is None or code in excluded:
        return None
    try:
        return resolver.get(code).name_en
    except UnknownParty:
        return None


def national_beneficiary(
    title: str, venue: str, resolver: Resolver, excluded: frozenset[str]
) -> str | None:
    """The country a national event with no listed beneficiaries is for: its venue's."""
    return venue_country(venue, resolver, excluded) if NATIONAL.search(title) else None
