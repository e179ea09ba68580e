"""The resolver: exact lookups after normalization, never a guess; names found in free text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.parties.resolver import (
    Membership,
    PartyInfo,
    ReferenceDataError,
    Resolver,
    UnknownParty,
    normalize_name,
)

RESOLVER = Resolver.default()


def _party(code: str, name: str, parent: str | None = None) -> PartyInfo:
    return PartyInfo(code, "economy", name, None, None, None, None, None, None, parent, None)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("  The  Gambia. ", "gambia"),
        ("Côte d’Ivoire", "côte d'ivoire"),
        ("Guinea\u2011Bissau", "guinea-bissau"),
        ("Timor\u2013Leste", "timor-leste"),
        ("Hong\u00a0Kong, China;", "hong kong, china"),
        ("Los países menos adelantados", "países menos adelantados"),
        ("l'Union européenne", "union européenne"),
        # words that merely begin like an article keep their letters
        ("Lao", "lao"),
        ("Latvia", "latvia"),
        ("Lesotho", "lesotho"),
        ("Lebanon", "lebanon"),
        ("Theatre", "theatre"),
        ("Elsewhere", "elsewhere"),
    ],
)
def test_normalize_name(raw: str, normal: str) -> None:
    assert normalize_name(raw) == normal


def test_normalize_keeps_diacritics() -> None:
    assert normalize_name("Perú") != normalize_name("Peru")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Republic of Korea", "KOR"),
        ("Korea", "KOR"),
        ("KOREA", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Hong Kong, China", "HKG"),
        ("Chinese Taipei", "TWN"),
        ("Taiwan", "TWN"),
        ("Macao, China", "MAC"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Lao PDR", "LAO"),
        ("Plurinational State of Bolivia", "BOL"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("Kyrgyz Republic", "KGZ"),
        ("European Union", "EU"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Kosovo", "XKX"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Congo", "COG"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("République de Corée", "KOR"),
        ("República de Corea", "KOR"),
        ("Taipei chinois", "TWN"),
        ("Taipei Chino", "TWN"),
        ("Hong Kong, Chine", "HKG"),
        ("Estados Unidos", "USA"),
        ("World Customs Organization", "WCO"),
        ("Global Intellectual Property Academy", "GIPA"),
        ("Mexican Institute for Industrial Property", "IMPI"),
        ("IPEG", "APEC-IPEG"),
        ("the ten ASEAN Member States", "ASEAN"),
        ("least developed countries", "LDC"),
        ("pays les moins avancés", "LDC"),
        ("países menos adelantados", "LDC"),
    ],
)
def test_resolves_known_spellings(name: str, code: str) -> None:
    assert RESOLVER.resolve(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "Atlantis",
        "Korea, North-ish",
        "Republic of Kore",
        "Chinese Taipe",
        "O",
        "tvia",
        "EC",
        "Ecuadorr",
        "",
    ],
)
def test_never_guesses(name: str) -> None:
    assert RESOLVER.resolve(name) is None


def test_kosovo_is_not_serbia() -> None:
    for name in ("Kosovo", "Republic of Kosovo", "kosovo"):
        assert RESOLVER.resolve(name) == "XKX"
    assert RESOLVER.get("XKX").category == "economy"


def test_require_names_the_string_and_keeps_it_unresolved() -> None:
    assert RESOLVER.require("Chile") == "CHL"
    with pytest.raises(UnknownParty, match=r"'Atlantis'.*kept unresolved") as caught:
        RESOLVER.require("Atlantis")
    assert caught.value.name == "Atlantis"


def test_get_unknown_code_is_a_clear_key_error() -> None:
    assert RESOLVER.get("KOR").name_en == "Republic of Korea"
    with pytest.raises(KeyError, match="'ZZZ'"):
        RESOLVER.get("ZZZ")


def test_aliases_include_official_names() -> None:
    aliases = RESOLVER.aliases()
    assert ("Republic of Korea", "KOR", "en") in aliases
    assert ("República de Corea", "KOR", "es") in aliases
    assert ("Korea", "KOR", "en") in aliases


def test_two_codes_for_one_spelling_is_an_error() -> None:
    parties = [_party("AAA", "Aland"), _party("BBB", "Bland")]
    with pytest.raises(ReferenceDataError, match="names both"):
        Resolver(parties, [("Aland", "BBB", "en")], [])
    # the collision is found after normalization too
    with pytest.raises(ReferenceDataError, match="names both"):
        Resolver(parties, [("the  ALAND.", "BBB", "en")], [])


def test_inconsistent_reference_data_is_refused() -> None:
    with pytest.raises(ReferenceDataError, match="duplicate"):
        Resolver([_party("AAA", "Aland"), _party("AAA", "Bland")], [], [])
    with pytest.raises(ReferenceDataError, match="unknown code"):
        Resolver([_party("AAA", "Aland")], [("Bland", "BBB", "en")], [])
    with pytest.raises(ReferenceDataError, match="unknown parent"):
        Resolver([_party("AAA", "Aland", parent="ZZZ")], [], [])
    with pytest.raises(ReferenceDataError, match="unknown code"):
        Resolver([_party("AAA", "Aland")], [], [Membership("G", "AAA", None, None)])


def test_membership_bounds() -> None:
    held = Membership("G", "M", dt.date(2000, 1, 1), dt.date(2001, 1, 1))
    assert held.holds_on(dt.date(2000, 1, 1))
    assert not held.holds_on(dt.date(2001, 1, 1))
    assert not held.holds_on(dt.date(1999, 12, 31))
    assert held.holds_on(None)


def test_descendants_follow_parents() -> None:
    under_usa = RESOLVER.descendants("USA")
    assert under_usa[0] == "USA"
    assert {"USPTO", "GIPA", "DOJ", "FBI", "CBP"} <= set(under_usa)
    assert RESOLVER.descendants("KEN") == ["KEN"]


def _codes(text: str) -> list[str]:
    return [code for _, _, code in RESOLVER.find_in_text(text)]


def test_find_in_text_seed_sentence(seed: Callable[[str], Path]) -> None:
    text = seed("000").read_text(encoding="utf-8")
    start = text.index("Five products were proposed by")
    sentence = text[start : text.index(".", start) + 1]
    assert _codes(sentence) == ["CHN", "CHL", "MEX", "THA"]


def test_find_in_text_spans_and_longest_match() -> None:
    text = "sponsored by Australia; Hong Kong, China and Singapore"
    found = RESOLVER.find_in_text(text)
    assert [c for _, _, c in found] == ["AUS", "HKG", "SGP"]
    start, end, _ = found[1]
    assert text[start:end] == "Hong Kong, China"
    assert _codes("the Republic of Korea and the Democratic People's Republic of Korea") == [
        "KOR",
        "PRK",
    ]
    assert _codes("Guinea-Bissau, Guinea and Papua New Guinea") == ["GNB", "GIN", "PNG"]
    assert _codes("Republic of\nKorea") == ["KOR"]


def test_find_in_text_acronyms_are_case_sensitive() -> None:
    assert _codes("tell us about it") == []
    assert _codes("the US and the EU") == ["USA", "EU"]
    assert _codes("Los dos países") == []
    assert _codes("dos and DOS") == ["DOS"]
    # longer acronyms and names match in any case
    assert _codes("WORLD CUSTOMS ORGANIZATION and Asean") == ["WCO", "ASEAN"]


def test_find_in_text_word_boundaries() -> None:
    assert _codes("Nigeria and Niger") == ["NGA", "NER"]
    assert _codes("Dominican Republic and Dominica") == ["DOM", "DMA"]
    assert _codes("non-LDC Members") == []
    assert _codes("a U.S.-ASEAN workshop and an ASEAN-Japan dialogue") == [
        "USA",
        "ASEAN",
        "ASEAN",
        "JPN",
    ]
    assert _codes("see https://www.wcoomd.org/en/2022/ecuador-welcomes and www.asean.org") == []
