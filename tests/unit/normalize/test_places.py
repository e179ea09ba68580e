"""Venues and their countries, offline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.ingest.normalize.places import city_country, country_code, find_places, venue_parts


@pytest.mark.parametrize(
    ("text", "span", "city", "iso3"),
    [
        ("delivered a national workshop in Vientiane", "Vientiane", "Vientiane", "LAO"),
        (
            "was held on July 20-23, 2009 in Honolulu, Hawaii.",
            "Honolulu, Hawaii",
            "Honolulu",
            "USA",
        ),
        (
            "protection of in Ho Chi Minh City, Viet Nam. The workshop",
            "Ho Chi Minh City, Viet Nam",
            "Ho Chi Minh City",
            "VNM",
        ),
        (
            "on combatting counterfeiting and piracy in Bamako (Mali). This",
            "Bamako (Mali)",
            "Bamako",
            "MLI",
        ),
        (
            "a sub-regional workshop in Iguazú, Argentina, located in",
            "Iguazú, Argentina",
            "Puerto Iguazú",
            "ARG",
        ),
        ("held in Sanya, China on November 30", "Sanya, China", "Sanya", "CHN"),
        ("held in Lima, Peru, on 1-2 September 2011", "Lima, Peru", "Lima", "PER"),
        ("held in Daejon, Korea in October 2011", "Daejon, Korea", "Daejeon", "KOR"),
        (
            "and in March 2011, Washington, D.C., the United States.",
            "Washington, D.C., the United States",
            "Washington",
            "USA",
        ),
        ("took place on 23-25 June, 2010 in Seoul, Korea.", "Seoul, Korea", "Seoul", "KOR"),
        (
            "in Vientiane, Lao People's Democratic Republic (Lao PDR)",
            "Vientiane, Lao People's Democratic Republic",
            "Vientiane",
            "LAO",
        ),
        ("a workshop in Guayaquil, Ecuador.", "Guayaquil, Ecuador", "Guayaquil", "ECU"),
        ("a workshop in Manila, Philippines.", "Manila, Philippines", "Manila", "PHL"),
    ],
)
def test_find_places_seed_phrases(text: str, span: str, city: str, iso3: str) -> None:
    hits = find_places(text)
    assert len(hits) == 1
    start, end, found_city, found_iso3 = hits[0]
    assert (text[start:end], found_city, found_iso3) == (span, city, iso3)


@pytest.mark.parametrize(
    "text",
    [
        "in March 2011",
        "held in Peru",
        "in Korea in 2009",
        "between Argentina, Brazil and Paraguay",
        "The Ministry of Foreign Affairs, Japan",
    ],
)
def test_countries_months_and_names_are_not_cities(text: str) -> None:
    assert find_places(text) == []


def test_a_small_town_keeps_the_country_written_after_it() -> None:
    text = "held in Villa Nowhere, Peru"
    assert [(text[s:e], c, i) for s, e, c, i in find_places(text)] == [
        ("Villa Nowhere, Peru", "Villa Nowhere", "PER")
    ]


@pytest.mark.parametrize(
    ("city", "hint", "iso3"),
    [
        ("Daejeon", None, "KOR"),
        ("Daejon", None, "KOR"),
        ("Iguazú", None, "ARG"),
        ("Puerto Iguazu", None, "ARG"),
        ("Washington", None, "USA"),
        ("Washington", "GBR", "GBR"),
        ("Lima", None, "PER"),
        ("Lima", "USA", "USA"),
        ("Genève", None, "CHE"),
        ("Vientiane", "USA", None),
        ("Atlantisopolis", None, None),
    ],
)
def test_city_country(city: str, hint: str | None, iso3: str | None) -> None:
    assert city_country(city, hint_country=hint) == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Korea", "KOR"),
        ("Viet Nam", "VNM"),
        ("the United States", "USA"),
        ("Hawaii", "USA"),
        ("Ecuador", "ECU"),
        ("Lao PDR", "LAO"),
        ("Türkiye", "TUR"),
        ("Atlantis", None),
    ],
)
def test_country_code(name: str, iso3: str | None) -> None:
    assert country_code(name) == iso3


def test_find_places_on_the_apecseed(seed: Callable[[str], Path]) -> None:
    text = seed("000").read_text(encoding="utf-8")
    found = {(city, iso3) for _, _, city, iso3 in find_places(text)}
    assert {
        ("Honolulu", "USA"),
        ("Daejeon", "KOR"),
        ("Sanya", "CHN"),
        ("Seoul", "KOR"),
        ("Santiago", "CHL"),
        ("Washington", "USA"),
        ("Lima", "PER"),
    } <= found
    assert all(iso3 is not None for _, iso3 in found)


@pytest.mark.parametrize(
    ("venue", "parts"),
    [
        ("Ouagadougou, Burkina Faso", ("Ouagadougou", "BFA")),
        ("Kampala (Uganda)", ("Kampala", "UGA")),
        ("Ciudad de México, México", ("Ciudad de México", "MEX")),
        ("Burkina Faso", (None, "BFA")),
        ("Bénin", (None, "BEN")),
        ("Singapore", ("Singapore", "SGP")),
        ("Geneva", ("Geneva", None)),
        ("Hotel Sheraton, Dakar", ("Hotel Sheraton, Dakar", None)),
    ],
)
def test_a_venue_splits_into_its_city_and_country(
    venue: str, parts: tuple[str | None, str | None]
) -> None:
    assert venue_parts(venue) == parts
