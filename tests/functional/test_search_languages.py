"""Search in three languages on both databases: accents folded ("contrefaçon" is
"contrefacon") and a query that is a taxonomy keyword in French or Spanish finding the
activities tagged with its term."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, text


def _ids(client: TestClient, q: str = "", **filters: str) -> set[int]:
    params = {"q": q, "limit": 500, "facet": "none", **filters}
    response = client.get("/api/v1/activities", params=params)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_accents_are_folded_in_the_text(client: TestClient, engine: Engine) -> None:
    with engine.begin() as conn:
        target = conn.execute(text("SELECT min(id) FROM activities")).scalar_one()
        conn.execute(
            text("UPDATE activities SET outputs = :o WHERE id = :i"),
            {"o": "Séminaire tenu à Genève, présentiel", "i": target},
        )
    for query in ("Genève", "geneve", "GENEVE", "seminaire geneve"):
        assert _ids(client, query) == {target}, query


def test_a_french_or_spanish_keyword_finds_the_tagged_activities(client: TestClient) -> None:
    tagged = _ids(client, topic="enforcement")
    assert tagged
    for query in ("contrefaçon", "contrefacon", "Contrefaçons", "falsificación", "falsificacion"):
        assert _ids(client, query) == tagged, query


def test_the_types_keywords_in_three_languages_agree(client: TestClient) -> None:
    typed = _ids(client, type="workshop")
    assert typed
    assert _ids(client, "atelier") == _ids(client, "taller") == typed
    assert typed <= _ids(client, "workshop")
