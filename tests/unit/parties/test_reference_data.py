"""The packaged CSV files: every alias resolves, codes are unique, counts and dates are right."""

from __future__ import annotations

import csv
import datetime as dt
import io
from importlib.resources import files

import pytest

from ipcoop.parties.resolver import Resolver, normalize_name
from ipcoop.vocabularies import PartyCategory

RESOLVER = Resolver.default()
D = dt.date


def _csv(name: str) -> list[dict[str, str]]:
    text = (files("ipcoop.parties") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


PARTIES = _csv("parties.csv")
ALIASES = _csv("aliases.csv")
MEMBERSHIPS = _csv("memberships.csv")


def test_columns() -> None:
    assert list(PARTIES[0]) == [
        "code",
        "category",
        "name_en",
        "name_fr",
        "name_es",
        "iso2",
        "iso3",
        "isonum",
        "wto_status",
        "parent",
        "website",
    ]
    assert list(ALIASES[0]) == ["alias", "code", "lang"]
    assert list(MEMBERSHIPS[0]) == ["group", "member", "start", "end"]


@pytest.mark.parametrize("row", ALIASES, ids=lambda r: f"{r['alias']}-{r['lang']}")
def test_every_alias_resolves_to_its_code(row: dict[str, str]) -> None:
    assert RESOLVER.resolve(row["alias"]) == row["code"]


@pytest.mark.parametrize("row", PARTIES, ids=lambda r: r["code"])
def test_every_official_name_resolves(row: dict[str, str]) -> None:
    for lang in ("en", "fr", "es"):
        if row[f"name_{lang}"]:
            assert RESOLVER.resolve(row[f"name_{lang}"]) == row["code"], lang


def test_no_spelling_names_two_parties() -> None:
    owner: dict[str, str] = {}
    for alias, code, _lang in RESOLVER.aliases():
        key = normalize_name(alias)
        assert owner.setdefault(key, code) == code, f"{alias!r}: {owner[key]} and {code}"


def test_codes_unique_and_well_formed() -> None:
    codes = [r["code"] for r in PARTIES]
    assert len(codes) == len(set(codes))
    for row in PARTIES:
        assert row["code"] == row["code"].upper() and " " not in row["code"]
        assert row["category"] in set(PartyCategory)
        assert row["wto_status"] in {"", "member", "observer"}
        assert row["name_en"]
        if row["iso3"]:
            assert row["code"] == row["iso3"] and len(row["iso2"]) == 2
            assert len(row["isonum"]) == 3 and row["isonum"].isdigit()


def test_every_reference_exists() -> None:
    known = {r["code"] for r in PARTIES}
    for row in PARTIES:
        assert not row["parent"] or row["parent"] in known, row
        if row["category"] == "agency":
            assert row["parent"], f"agency {row['code']} has no parent"
    for row in ALIASES:
        assert row["code"] in known and row["lang"] in {"en", "fr", "es"}, row
    for row in MEMBERSHIPS:
        assert row["group"] in known and row["member"] in known, row
        for key in ("start", "end"):
            if row[key]:
                dt.date.fromisoformat(row[key])


def test_wto_members_and_observers() -> None:
    members = {p.code for p in RESOLVER.parties() if p.wto_status == "member"}
    assert len(members) == 166
    assert {"EU", "HKG", "MAC", "TWN", "COM", "TLS", "AFG", "LBR", "KAZ"} <= members
    observers = {p.code for p in RESOLVER.parties() if p.wto_status == "observer"}
    assert {"DZA", "ETH", "SRB", "BIH", "UZB", "VAT", "CUW", "IRN", "BTN"} <= observers
    assert not {"PRK", "ERI", "XKX", "PSE", "TUV"} & (members | observers)
    assert RESOLVER.get("EU").category == "economy"


@pytest.mark.parametrize(
    ("code", "en", "fr", "es"),
    [
        ("KOR", "Republic of Korea", "République de Corée", "República de Corea"),
        ("TWN", "Chinese Taipei", "Taipei chinois", "Taipei Chino"),
        ("HKG", "Hong Kong, China", "Hong Kong, Chine", "Hong Kong, China"),
        (
            "PRK",
            "Democratic People's Republic of Korea",
            "République populaire démocratique de Corée",
            "República Popular Democrática de Corea",
        ),
        ("TUR", "Türkiye", "Türkiye", "Türkiye"),
    ],
)
def test_wto_names(code: str, en: str, fr: str, es: str) -> None:
    party = RESOLVER.get(code)
    assert (party.name_en, party.name_fr, party.name_es) == (en, fr, es)


def test_agencies_have_parents() -> None:
    assert RESOLVER.get("USPTO").parent == "USA"
    assert RESOLVER.get("GIPA").parent == "USPTO"
    assert RESOLVER.get("KIPO").parent == "KOR"
    assert RESOLVER.get("KIPA").parent == "KOR"
    assert RESOLVER.get("EUIPO").parent == "EU"


def test_group_sizes() -> None:
    assert len(RESOLVER.members("APEC")) == 21
    assert len(RESOLVER.members("ASEAN", D(2025, 10, 25))) == 10
    assert len(RESOLVER.members("ASEAN", D(2025, 10, 26))) == 11
    assert len(RESOLVER.members("EU", D(2024, 1, 1))) == 27
    assert len(RESOLVER.members("ACP", D(2024, 1, 1))) == 79
    assert len(RESOLVER.members("AU", D(2024, 1, 1))) == 55
    assert RESOLVER.members("MERCOSUR", D(2014, 1, 1)) == ["ARG", "BRA", "PRY", "URY", "VEN"]
    assert RESOLVER.members("MERCOSUR", D(2025, 1, 1)) == ["ARG", "BOL", "BRA", "PRY", "URY"]


def test_ldc_list_by_date() -> None:
    on_2022 = set(RESOLVER.members("LDC", D(2022, 9, 26)))
    assert {"LAO", "MLI", "KHM", "MMR", "BGD", "NPL", "BTN", "STP"} <= on_2022
    assert not {"PHL", "ECU", "PNG", "VNM", "CPV", "VUT", "WSM"} & on_2022
    assert "BTN" in RESOLVER.members("LDC", D(2020, 1, 1))
    assert "BTN" not in RESOLVER.members("LDC", D(2024, 1, 1))
    assert "STP" not in RESOLVER.members("LDC", D(2025, 1, 1))
    assert len(RESOLVER.members("LDC", D(2025, 1, 1))) == 44
    assert "LAO" not in RESOLVER.members("LDC", D(2026, 11, 24))
    assert "VUT" in RESOLVER.members("LDC", D(2020, 12, 3))
    assert "VUT" not in RESOLVER.members("LDC", D(2020, 12, 4))


def test_groups_of_and_is_group() -> None:
    assert RESOLVER.is_group("LDC") and RESOLVER.is_group("EU") and RESOLVER.is_group("ASEAN")
    assert not RESOLVER.is_group("KEN")
    assert "ASEAN" in RESOLVER.groups_of("LAO", D(2000, 1, 1))
    assert "ASEAN" not in RESOLVER.groups_of("LAO", D(1990, 1, 1))
    assert "EU" in RESOLVER.groups_of("GBR", D(2019, 1, 1))
    assert "EU" not in RESOLVER.groups_of("GBR", D(2021, 1, 1))
    assert "EU" in RESOLVER.groups_of("GBR")
