"""The alias table resolves every listed spelling exactly; groups hold their members by date."""

from __future__ import annotations

import csv
import datetime as dt
from importlib.resources import files

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


def _csv(name: str) -> list[dict[str, str]]:
    with (files("ipcoop.parties") / "data" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _csv("aliases.csv"), ids=lambda r: r["alias"])
def test_every_alias_resolves_to_its_code(row: dict[str, str]) -> None:
    assert RESOLVER.resolve(row["alias"]) == row["code"]


def test_every_official_name_resolves() -> None:
    for party in RESOLVER.parties():
        for name in (party.name_en, party.name_fr, party.name_es):
            if name:
                assert RESOLVER.resolve(name) == party.code, name


@pytest.mark.parametrize(("name", "code"), [
    ("Republic of Korea", "KOR"), ("Democratic People's Republic of Korea", "PRK"),
    ("Hong Kong, China", "HKG"), ("Chinese Taipei", "TWN"), ("Macao, China", "MAC"),
    ("Türkiye", "TUR"), ("Lao People's Democratic Republic", "LAO"),
    ("Plurinational State of Bolivia", "BOL"), ("Bolivarian Republic of Venezuela", "VEN"),
    ("Kyrgyz Republic", "KGZ"), ("European Union", "EU"), ("Viet Nam", "VNM"),
    ("Kosovo", "XKX"), ("République de Corée", "KOR"), ("República de Corea", "KOR"),
    ("the United States", "USA"), ("World Customs Organization", "WCO"),
    ("Least developed countries", "LDC"), ("Pays les moins avancés", "LDC"),
    ("Países menos adelantados", "LDC"), ("Taipei chinois", "TWN"),
])
def test_wto_spellings(name: str, code: str) -> None:
    assert RESOLVER.resolve(name) == code


def test_never_guesses() -> None:
    assert RESOLVER.resolve("Atlantis") is None
    assert RESOLVER.resolve("Korea, North-ish") is None
    assert RESOLVER.resolve("Republic of Kore") is None
    with pytest.raises(UnknownParty, match="kept unresolved"):
        RESOLVER.require("Atlantis")


def test_normalization_is_about_form_not_meaning() -> None:
    assert normalize_name("  The  Gambia. ") == normalize_name("Gambia")
    assert normalize_name("Côte d’Ivoire") == normalize_name("Côte d'Ivoire")


def test_codes_are_unique_and_every_reference_exists() -> None:
    codes = [r["code"] for r in _csv("parties.csv")]
    assert len(codes) == len(set(codes))
    known = set(codes)
    for row in _csv("parties.csv"):
        assert not row["parent"] or row["parent"] in known
    for row in _csv("memberships.csv"):
        assert row["group"] in known and row["member"] in known


def test_two_codes_for_one_spelling_is_an_error() -> None:
    parties = [PartyInfo(c, "economy", n, None, None, None, None, None, None, None, None)
               for c, n in (("AAA", "Aland"), ("BBB", "Bland"))]
    with pytest.raises(ReferenceDataError, match="names both"):
        Resolver(parties, [("Aland", "BBB", "en")], [])


def test_wto_membership_counts() -> None:
    members = [p for p in RESOLVER.parties() if p.wto_status == "member"]
    assert len(members) == 166
    assert RESOLVER.get("EU").wto_status == "member"
    assert RESOLVER.get("ETH").wto_status == "observer"


def test_groups_by_date() -> None:
    assert len(RESOLVER.members("APEC")) == 21
    assert len(RESOLVER.members("ASEAN", dt.date(2025, 10, 25))) == 10
    assert len(RESOLVER.members("ASEAN", dt.date(2025, 10, 26))) == 11
    ldc_2022 = set(RESOLVER.members("LDC", dt.date(2022, 9, 26)))
    assert {"LAO", "MLI"} <= ldc_2022
    assert not {"PHL", "ECU", "PNG", "VNM"} & ldc_2022
    assert "BTN" in RESOLVER.members("LDC", dt.date(2020, 1, 1))
    assert "BTN" not in RESOLVER.members("LDC", dt.date(2024, 1, 1))
    assert len(RESOLVER.members("LDC", dt.date(2025, 1, 1))) == 44
    assert "GBR" in RESOLVER.members("EU", dt.date(2019, 1, 1))
    assert "GBR" not in RESOLVER.members("EU", dt.date(2021, 1, 1))
    assert RESOLVER.is_group("LDC") and not RESOLVER.is_group("KEN")
    assert "ASEAN" in RESOLVER.groups_of("LAO", dt.date(2000, 1, 1))


def test_membership_bounds() -> None:
    held = Membership("G", "M", dt.date(2000, 1, 1), dt.date(2001, 1, 1))
    assert held.holds_on(dt.date(2000, 1, 1)) and not held.holds_on(dt.date(2001, 1, 1))
    assert held.holds_on(None)


def test_find_in_text() -> None:
    text = "Five products were proposed by China; Chile; Mexico and Thailand."
    assert [c for _, _, c in RESOLVER.find_in_text(text)] == ["CHN", "CHL", "MEX", "THA"]
    found = RESOLVER.find_in_text("sponsored by Australia; Hong Kong, China and Singapore")
    assert [c for _, _, c in found] == ["AUS", "HKG", "SGP"]
    assert RESOLVER.find_in_text("tell us about it") == []
    assert [c for _, _, c in RESOLVER.find_in_text("the US and the EU")] == ["USA", "EU"]


def test_agencies_have_parents() -> None:
    assert RESOLVER.get("USPTO").parent == "USA"
    assert RESOLVER.get("GIPA").parent == "USPTO"
    assert RESOLVER.get("KIPO").parent == "KOR"


def test_descendants_follow_parents() -> None:
    under_usa = RESOLVER.descendants("USA")
    assert under_usa[0] == "USA" and {"USPTO", "GIPA", "DOJ", "FBI"} <= set(under_usa)
    assert RESOLVER.descendants("KEN") == ["KEN"]
