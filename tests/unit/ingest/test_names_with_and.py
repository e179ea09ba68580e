"""Beneficiary lists split on 'and' only where the reference data says so: a name with 'and' in
it stays whole, a list of two names does not."""

from __future__ import annotations

import pytest

from ipcoop.ingest.normalize.parties import resolve_list, split_names


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sao Tome and Principe", "STP"),
        ("Trinidad and Tobago", "TTO"),
        ("Antigua and Barbuda", "ATG"),
        ("Saint Kitts and Nevis", "KNA"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Saint Vincent and the Grenadines", "VCT"),
        ("Heard Island and McDonald Islands", "HMD"),
        ("Turks and Caicos Islands", "TCA"),
    ],
)
def test_a_name_with_and_in_it_is_one_party(name: str, code: str) -> None:
    assert split_names(name) == [name]
    assert [r.code for r in resolve_list(name)] == [code]


def test_a_short_name_nobody_lists_is_not_cut_either() -> None:
    # "Turks" and "Caicos" name nothing: no cut makes more of the words resolve
    assert split_names("Turks and Caicos") == ["Turks and Caicos"]


@pytest.mark.parametrize(
    ("text", "names", "codes"),
    [
        ("Cambodia and Lao PDR", ["Cambodia", "Lao PDR"], ["KHM", "LAO"]),
        (
            "Sao Tome and Principe and Cabo Verde",
            ["Sao Tome and Principe", "Cabo Verde"],
            ["STP", "CPV"],
        ),
        (
            "Trinidad and Tobago and Antigua and Barbuda",
            ["Trinidad and Tobago", "Antigua and Barbuda"],
            ["TTO", "ATG"],
        ),
        (
            "Saint Kitts and Nevis; Saint Vincent and the Grenadines and Jamaica",
            ["Saint Kitts and Nevis", "Saint Vincent and the Grenadines", "Jamaica"],
            ["KNA", "VCT", "JAM"],
        ),
        ("Bénin et Togo", ["Bénin", "Togo"], ["BEN", "TGO"]),
        ("Perú y Bolivia", ["Perú", "Bolivia"], ["PER", "BOL"]),
    ],
)
def test_a_list_is_cut_where_the_parts_resolve(
    text: str, names: list[str], codes: list[str]
) -> None:
    assert split_names(text) == names
    assert [r.code for r in resolve_list(text)] == codes


def test_the_seed_annex_lists_read_as_before() -> None:
    """Seed 003's list and the Hong Kong case keep their reading."""
    seed = "Argentina; Plurinational State of Bolivia; Chile; Paraguay; Uruguay"
    assert [r.code for r in resolve_list(seed)] == ["ARG", "BOL", "CHL", "PRY", "URY"]
    assert split_names("Australia; Hong Kong, China and Singapore") == [
        "Australia",
        "Hong Kong, China",
        "Singapore",
    ]


def test_unknown_words_are_cut_only_where_a_known_name_comes_out() -> None:
    refs = resolve_list("Kenya and Atlantis")
    assert [(r.code, r.name) for r in refs] == [("KEN", "Kenya"), (None, "Atlantis")]
    # nothing resolves whichever way it is cut: one unresolved name, not two fragments
    assert split_names("Ministry of Trade and Industry") == ["Ministry of Trade and Industry"]
