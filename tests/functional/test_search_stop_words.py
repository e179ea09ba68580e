"""One stop-word policy for full-text search: the same words give the same totals on SQLite
and PostgreSQL (docs/languages.md, "Stop words")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from ipcoop.config import Settings
from ipcoop.db import make_engine
from ipcoop.ingest.service import ingest
from ipcoop.migrate import upgrade
from ipcoop.search.stopwords import listed, searched_words
from ipcoop.web.app import create_app

SEEDS = ("000", "001", "002", "003", "004")
# stop words of the three languages between content words, alone, and in a word's pieces
QUERIES = (
    "workshop",
    "the workshop",
    "a workshop on the enforcement of rights",
    "training for the examiners",
    "the",
    "of the and",
    "patent office",
    "THE Patent OFFICE",
    "l'assistance technique",
    "de la propriété intellectuelle",
    "el taller de los examinadores",
    "customs and border",
    "who is it for",
)

on_postgresql = pytest.mark.parametrize("migrated_engine", ["postgresql"], indirect=True)


def _total(client: TestClient, q: str) -> int:
    response = client.get("/api/v1/activities", params={"q": q, "limit": 1, "facet": "none"})
    assert response.status_code == 200, response.text
    return int(response.json()["total"])


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def _client(engine: Engine, paths: list[Path], data: Path) -> TestClient:
    summary = ingest(engine, paths, Settings(data_dir=data))
    assert summary.count("rejected") == 0, summary.outcomes
    return TestClient(create_app(engine))


@on_postgresql
def test_the_same_words_give_the_same_totals_on_both_databases(
    engine: Engine,
    sqlite_engine: Engine,
    seed: Callable[[str], Path],
    tmp_path: Path,
) -> None:
    assert engine.dialect.name == "postgresql"
    paths = [seed(prefix) for prefix in SEEDS]
    with (
        _client(engine, paths, tmp_path / "pg") as postgresql,
        _client(sqlite_engine, paths, tmp_path / "sqlite") as sqlite,
    ):
        totals = {q: (_total(sqlite, q), _total(postgresql, q)) for q in QUERIES}
        everything = _total(sqlite, "")
    assert {q: t for q, t in totals.items() if t[0] != t[1]} == {}
    # the stop words are what is left out: "the workshop" is "workshop", found on both
    assert totals["the workshop"] == totals["workshop"]
    assert 0 < totals["workshop"][0] < everything
    assert totals["THE Patent OFFICE"] == totals["patent office"]
    # a query of stop words only searches no word: every activity, as with no query
    assert totals["the"] == totals["of the and"] == (everything, everything)


@on_postgresql
def test_the_english_list_is_postgresqls_own(engine: Engine) -> None:
    """PostgreSQL's configuration drops its English stop words from the indexed text; the
    shipped list must be exactly that list, or a word dropped on one side only would be
    required on the other."""
    with engine.connect() as connection:
        share = connection.execute(
            text("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")
        ).scalar_one()
        server = connection.execute(
            text("SELECT pg_read_file(:path)"), {"path": f"{share}/tsearch_data/english.stop"}
        ).scalar_one()
    assert listed("en") == {w.strip() for w in server.splitlines() if w.strip()}


def test_a_query_keeps_its_content_words_in_every_language() -> None:
    assert searched_words("The workshop on the Madrid System") == ["workshop", "Madrid", "System"]
    assert searched_words("l'assistance de l'OMPI à la Région") == ["assistance", "OMPI", "Région"]
    assert searched_words("el taller sobre las marcas") == ["taller", "marcas"]
    # accents fold as the databases fold them: "À" and "a" are both stop words
    assert searched_words("À LA CARTE") == ["CARTE"]
    # a word is its letters and digits: apostrophes, hyphens and underscores separate
    assert searched_words("anti-counterfeiting IP_office 2023") == [
        "anti", "counterfeiting", "IP", "office", "2023"
    ]
