"""Choosing a page's language, words in place of codes, and queries in three languages."""

from __future__ import annotations

import pytest

from ipcoop.search.crosslang import FIRST_TRANSLATED, Expansion, expand, fold, translated
from ipcoop.vocabularies.terms import AUDIENCE_TERMS, TOPIC_TERMS, TYPE_TERMS
from ipcoop.web import labels
from ipcoop.web.i18n import accepted, choose, gettext


def test_accept_language_is_ranked_by_quality() -> None:
    assert accepted("de-CH, es;q=0.8, fr;q=0.9, en;q=0") == ["de_CH", "fr", "es"]


@pytest.mark.parametrize(
    ("query", "cookie", "header", "chosen"),
    [
        ("fr", "es", "en", "fr"),  # the link wins
        (None, "es", "fr", "es"),  # then the remembered choice
        (None, None, "es-MX,es;q=0.9,en;q=0.8", "es"),
        (None, None, "fr-CA", "fr"),
        (None, None, "de, ja", "en"),
        ("xx", None, "", "en"),
    ],
)
def test_choose(query: str | None, cookie: str | None, header: str, chosen: str) -> None:
    assert choose(query, cookie, header) == chosen


def test_messages_and_labels_in_french_and_spanish() -> None:
    assert gettext("fr", "Search activities") == "Rechercher des activités"
    assert gettext("es", "Search activities") == "Buscar actividades"
    assert labels.term("topic", "enforcement", "es").startswith("Observancia")
    assert labels.value("kind", "art67_report", "fr") == (
        "Rapport au titre de l'article 67 de l'Accord sur les ADPIC"
    )
    assert labels.party_name("LDC", "fr") == "Pays les moins avancés"
    assert labels.party_name("LDC", "es") == "Países menos adelantados"
    assert labels.party_name("NOWHERE", "fr") == "NOWHERE"


def test_fields_methods_and_confidence_in_words() -> None:
    assert labels.field("start_date") == "Start date"
    assert labels.field("topics.plant_varieties", "fr") == (
        "Thème: Protection des obtentions végétales"
    )
    assert labels.method("annex.label") == "Read from a labelled field in the annex table"
    assert labels.method("report.reporting_party", "es").startswith("La parte informante")
    assert labels.confidence(1.0) == {"word": "High", "title": "Confidence score 1.00 of 1"}
    assert labels.confidence(0.5, "fr")["word"] == "Faible"
    assert "0,50" in labels.confidence(0.5, "fr")["title"]


def test_a_versions_change_in_words() -> None:
    line = {"where": "activity 2", "field": "topics", "before": "patents"}
    line["after"] = "patents, trade_secrets"
    assert labels.change(line) == {
        "where": "Activity 2",
        "field": "Topic",
        "before": "Patents",
        "after": "Patents, Trade secrets",
    }
    beneficiaries = {"where": "activity 1", "field": "beneficiaries", "before": "GHA", "after": ""}
    assert labels.change(beneficiaries)["before"] == "Ghana"
    typed = {"where": "activity 1", "field": "beneficiaries", "before": "", "after": "Accra office"}
    assert labels.change(typed)["after"] == "Accra office"  # a name a person typed stays
    header = {"where": "report", "field": "period_start", "before": "2024", "after": "2024-07"}
    assert labels.change(header, "fr")["where"] == gettext("fr", "Report")
    assert labels.change(header)["field"] == "Period from"
    added = {"where": "activity 3", "field": "added", "before": "", "after": "Workshop"}
    assert labels.change(added)["field"] == "Added"
    assert labels.state("superseded") == "superseded"


def test_folding() -> None:
    assert fold("Contrefaçon, Ginebra, Genève") == "Contrefacon, Ginebra, Geneve"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("contrefaçon", Expansion(topics=("enforcement",))),
        ("contrefacon", Expansion(topics=("enforcement",))),
        ("Falsificación", Expansion(topics=("enforcement",))),
        ("atelier", Expansion(types=("workshop",))),
        ("taller", Expansion(types=("workshop",))),
        ("indicaciones geograficas", Expansion(topics=("geographical_indications",))),
        ("douanes", Expansion(audiences=("customs_officers",))),
    ],
)
def test_a_keyword_in_any_language_names_its_term(query: str, expected: Expansion) -> None:
    assert expand(query) == expected


def test_english_generic_and_longer_queries_do_not_expand() -> None:
    assert not expand("counterfeiting")  # English: the full text finds it by its words
    assert not expand("workshop")
    assert not expand("programa")  # a generic type word
    assert not expand("workshop in Bamako")
    assert not expand("  ")


def test_each_first_translated_keyword_is_still_a_keyword_of_its_term() -> None:
    terms = {t.code: t for t in (*TOPIC_TERMS, *TYPE_TERMS, *AUDIENCE_TERMS)}
    for code, keyword in FIRST_TRANSLATED.items():
        assert code in terms, code
        assert keyword in terms[code].keywords, (code, keyword)
        assert translated(terms[code])[0] == keyword
