"""Beneficiary lists: split on semicolons and 'and', groups expanded at the date and remembered."""

from __future__ import annotations

import datetime as dt

from ipcoop.ingest.normalize.parties import resolve_list, split_names


def test_commas_inside_names_are_not_separators() -> None:
    assert split_names("Australia; Hong Kong, China and Singapore") == [
        "Australia",
        "Hong Kong, China",
        "Singapore",
    ]


def test_a_group_is_expanded_at_the_date_and_remembered() -> None:
    refs = resolve_list("the ten ASEAN Member States", on=dt.date(2020, 5, 1))
    assert len(refs) == 10 and {r.via_group for r in refs} == {"ASEAN"}
    assert "TLS" not in {r.code for r in refs}
    later = resolve_list("ASEAN Member States", on=dt.date(2026, 1, 1))
    assert "TLS" in {r.code for r in later}


def test_unknown_names_are_kept_unresolved_in_order() -> None:
    refs = resolve_list("Kenya; Atlantis; Kenya")
    assert [(r.code, r.name) for r in refs] == [("KEN", "Kenya"), (None, "Atlantis")]


def test_a_comma_separates_names_where_the_reference_data_says_so() -> None:
    assert split_names("Burkina Faso, Mali, Niger") == ["Burkina Faso", "Mali", "Niger"]
    assert split_names("Chile, Perú y Colombia") == ["Chile", "Perú", "Colombia"]
    assert split_names("Hong Kong, China, Macao, China and Chinese Taipei") == [
        "Hong Kong, China",
        "Macao, China",
        "Chinese Taipei",
    ]
    assert split_names("Trinidad and Tobago, Jamaica") == ["Trinidad and Tobago", "Jamaica"]
    # nothing resolves: one unresolved name, not guessed pieces
    assert split_names("Ministry of Trade, Industry and Energy") == [
        "Ministry of Trade, Industry and Energy"
    ]
