"""Ids and offsets past what the databases hold (2**63 past SQLite's integers, 2**31 past
PostgreSQL's), zero and negative ones: a 404 or a 422 that names the parameter, never a 500,
on every page and API path that takes one, on both databases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from ipcoop.web.app import create_app

EDGES = [2**63, 2**31, -1, 0]
PATHS = [
    "/api/v1/activities/{n}",
    "/api/v1/reports/{n}",
    "/api/v1/reports/{n}/versions",
    "/api/v1/programmes/{n}",
    "/api/v1/instruments/{n}",
    "/activities/{n}",
    "/reports/{n}",
    "/reports/{n}/original",
    "/programmes/{n}",
    "/bodies/{n}",
    "/review/reports/{n}",
]
QUERIES = [
    ("/api/v1/reports", "offset"),
    ("/reports", "offset"),
    ("/api/v1/activities", "report_id"),
    ("/api/v1/programmes", "report_id"),
    ("/api/v1/audit", "before_id"),
]


@pytest.fixture
def client(
    engine: Engine, make_report: Callable[..., int], make_activity: Callable[..., object]
) -> TestClient:
    make_report(activities=[make_activity()], reporting_party="CHE")
    return TestClient(create_app(engine))


@pytest.mark.parametrize("n", EDGES)
@pytest.mark.parametrize("path", PATHS)
def test_an_id_past_the_database_is_a_404_or_422(client: TestClient, path: str, n: int) -> None:
    response = client.get(path.format(n=n))
    assert response.status_code == 422 if (n < 1 or n > 2**31 - 1) else 404, response.text
    if path.startswith("/api/"):
        assert response.headers["content-type"].startswith("application/problem+json")
        assert str(n) in response.json()["detail"]


@pytest.mark.parametrize("n", EDGES)
@pytest.mark.parametrize(("path", "name"), QUERIES)
def test_an_offset_or_id_in_the_query_past_the_database_is_a_422(
    client: TestClient, path: str, name: str, n: int
) -> None:
    response = client.get(path, params={name: n})
    valid = (0 if name == "offset" else 1) <= n <= 2**31 - 1
    if valid:
        assert response.status_code in (200, 403), response.text  # the audit log: curators only
    else:
        assert response.status_code == 422, response.text
        assert name in response.text


def test_a_405_lists_every_method_of_its_path(client: TestClient) -> None:
    report = client.get("/api/v1/reports").json()["items"][0]["id"]
    response = client.delete(f"/api/v1/reports/{report}")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "PATCH"}
    assert response.headers["content-type"].startswith("application/problem+json")
