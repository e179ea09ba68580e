"""The pages in English, French and Spanish, and in words rather than codes."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def _lang(html: str) -> str:
    found = re.search(r'<html lang="(\w+)"', html)
    assert found
    return found.group(1)


def test_the_link_chooses_and_the_cookie_remembers(client: TestClient) -> None:
    response = client.get("/", params={"lang": "fr"})
    assert _lang(response.text) == "fr"
    assert response.headers["content-language"] == "fr"
    assert "Rechercher des activités" in response.text
    assert client.cookies.get("lang") == "fr"
    again = client.get("/parties")
    assert _lang(again.text) == "fr" and "Membres et observateurs" in again.text


def test_accept_language_is_honoured(client: TestClient) -> None:
    response = client.get("/", headers={"Accept-Language": "es-ES,es;q=0.9,en;q=0.5"})
    assert _lang(response.text) == "es"
    assert "Buscar actividades" in response.text
    assert "Accept-Language" in response.headers["vary"]
    english = client.get("/", headers={"Accept-Language": "de"})
    assert _lang(english.text) == "en"


@pytest.mark.parametrize(
    ("lang", "label", "category", "toc"),
    [
        ("en", "Category", "Intergovernmental organization", "Categories of party"),
        ("fr", "Catégorie", "Organisation intergouvernementale", "Catégories de partie"),
        ("es", "Categoría", "Organización intergubernamental", "Categorías de parte"),
    ],
)
def test_a_party_category_is_named_so(
    client: TestClient, lang: str, label: str, category: str, toc: str
) -> None:
    html = client.get("/parties/WCO", params={"lang": lang}).text
    assert f"<dt>{label}</dt><dd>{category}</dd>" in html
    directory = client.get("/parties", params={"lang": lang}).text
    assert f'aria-label="{toc}"' in directory


def test_every_page_has_the_switch_keeping_the_query(client: TestClient) -> None:
    html = client.get("/", params={"beneficiary": "MLI", "lang": "es"}).text
    assert 'href="/?beneficiary=MLI&amp;lang=fr"' in html
    assert 'href="/?beneficiary=MLI&amp;lang=en"' in html
    assert '<span aria-current="true">Español</span>' in html


def test_search_page_in_french_names_parties_terms_and_groups(client: TestClient) -> None:
    html = client.get("/", params={"lang": "fr"}).text
    assert "Organisation mondiale des douanes" in html  # a provider, named in French
    assert "Atelier" in html  # a type of activity
    assert "Groupe bénéficiaire" in html and "Pays les moins avancés" in html
    assert "Afficher" in html and "<details" in html  # facets of many values collapsed
    assert '<select id="sort" name="sort">' in html


def test_no_code_is_shown_for_words(client: TestClient) -> None:
    search = client.get("/").text
    first = re.search(r'href="(/activities/\d+)"', search)
    assert first
    pages = [client.get(first.group(1)).text, client.get("/reports/1").text, search]
    for html in pages:
        words = re.sub(r"<[^>]+>", " ", html)  # what is read, not the links' addresses
        for code in (
            "art67 report",
            "art67_report",
            "start_date",
            "annex.label",
            "(day)",
            "Confidence 1.0",
            "Confidence 0.9",
            "regional page",
        ):
            assert code not in words, code


def test_the_provider_facet_stands_for_an_identical_reporter_facet(client: TestClient) -> None:
    html = client.get("/").text
    assert "<h3>Provider</h3>" in html
    assert "<h3>Reporting party</h3>" not in html  # the same values and counts as Provider


def test_facet_links_keep_the_chosen_sort(client: TestClient) -> None:
    html = client.get("/", params={"sort": "title"}).text
    assert '<option value="title" selected>' in html
    assert re.search(r'href="/\?beneficiary=\w+&amp;sort=title"', html)


def test_one_activity_is_singular(client: TestClient) -> None:
    assert "<strong>1</strong> activity\n" in client.get("/", params={"beneficiary": "PHL"}).text
    french = client.get("/", params={"beneficiary": "PHL", "lang": "fr"}).text
    assert "<strong>1</strong> activité\n" in french
