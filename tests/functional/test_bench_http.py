"""The benchmark's requests are real: every path the HTTP load rotates through, and every question
put to ours beside Datasette, answers 200 from the app (no wrk or Datasette is started here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from ipcoop.config import Settings
from ipcoop.ingest.service import ingest
from ipcoop.quality.synth import generate
from ipcoop.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ModuleType, ModuleType]]:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench import datasette, http

    yield http, datasette


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    corpus = tmp_path / "corpus"
    generate(corpus, reports=4, seed=67)
    (corpus / "truth.json").unlink()
    summary = ingest(engine, [corpus], Settings(data_dir=tmp_path))
    assert summary.count("stored") == 4, summary.outcomes
    with TestClient(create_app(engine)) as test_client:
        yield test_client


def test_load_paths_answer_200(client: TestClient, bench: tuple[ModuleType, ModuleType]) -> None:
    http, _ = bench
    assert http.LUA.is_file()
    newest = client.get("/api/v1/activities", params={"limit": 1}).json()["items"][0]["id"]
    for path in http.PATHS:
        response = client.get(path.format(activity=newest))
        assert response.status_code == 200, (path, response.text)


def test_datasette_questions_answer_200_from_ours(
    client: TestClient, bench: tuple[ModuleType, ModuleType]
) -> None:
    _, datasette = bench
    for question in datasette.QUESTIONS:
        params = datasette.ours_params(question)
        response = client.get("/api/v1/activities", params=params)
        assert response.status_code == 200, (question.name, response.text)
        assert set(question.facets) <= set(response.json()["facets"]), question.name
