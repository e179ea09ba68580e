"""API edges on both databases: unknown query parameters and cursors replayed on another query
are 422 problems that say what is wrong."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def _problem(response: object, status: int = 422) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    content_type = response.headers["content-type"]  # type: ignore[attr-defined]
    assert content_type.startswith("application/problem+json")
    return response.json()  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize(
    "path", ["/api/v1/activities", "/api/v1/activities.csv", "/api/v1/parties", "/api/v1/reports"]
)
def test_a_misspelt_parameter_is_a_422_naming_it(client: TestClient, path: str) -> None:
    body = _problem(client.get(path, params={"benficiary": "LDC"}))
    assert body["unknown"] == ["benficiary"]
    assert "'benficiary'" in str(body["detail"])


def test_the_problem_lists_what_the_endpoint_takes(client: TestClient) -> None:
    body = _problem(client.get("/api/v1/activities", params={"beneficiary": "LDC", "pge": "2"}))
    assert body["unknown"] == ["pge"]
    assert {"beneficiary", "q", "sort", "cursor", "limit"} <= set(body["known"])  # type: ignore[arg-type]


def test_known_parameters_still_work(client: TestClient) -> None:
    response = client.get("/api/v1/activities", params={"beneficiary": "LDC", "sort": "title"})
    assert response.status_code == 200
    assert response.json()["total"] > 0


def test_a_cursor_walks_its_own_query(client: TestClient) -> None:
    params: dict[str, str | int] = {"q": "workshop", "limit": 2, "facet": "none"}
    first = client.get("/api/v1/activities", params=params).json()
    assert first["next_cursor"]
    second = client.get("/api/v1/activities", params={**params, "cursor": first["next_cursor"]})
    assert second.status_code == 200
    ids = {i["id"] for i in first["items"]} | {i["id"] for i in second.json()["items"]}
    assert len(ids) == 4


@pytest.mark.parametrize(
    "other",
    [
        {"q": "piracy"},
        {"beneficiary": "MLI"},
        {"sort": "title"},
    ],
)
def test_a_cursor_replayed_on_another_query_is_a_422(
    client: TestClient, other: dict[str, str]
) -> None:
    params: dict[str, str | int] = {"q": "workshop", "limit": 2, "facet": "none"}
    cursor = client.get("/api/v1/activities", params=params).json()["next_cursor"]
    body = _problem(client.get("/api/v1/activities", params={**params, **other, "cursor": cursor}))
    assert body["title"] == "Invalid cursor"
    assert "another query" in str(body["detail"])


def test_a_cursor_of_the_old_shape_is_refused(client: TestClient) -> None:
    # {"o": 2}: what cursors were before they were bound to their query
    _problem(client.get("/api/v1/activities", params={"cursor": "eyJvIjogMn0"}))
