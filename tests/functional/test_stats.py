"""Counts by dimension and party profiles through the JSON API, on both databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

DEMO = Path(__file__).resolve().parents[2] / "src" / "ipcoop" / "demo"


pytestmark = pytest.mark.ingested("003", DEMO)


def _stats(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/v1/stats", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _profile(client: TestClient, code: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/parties/{code}/profile")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_by_year(client: TestClient) -> None:
    body = _stats(client, by="year", provider="WCO")
    assert body["total"] == 7 and body["by"] == ["year"]
    assert body["rows"] == [{"year": 2022, "count": 4}, {"year": 2023, "count": 3}]
    everything = _stats(client, by="year")
    assert everything["total"] == 11
    years = [(r["year"], r["count"]) for r in everything["rows"]]
    assert years == [(2022, 4), (2023, 3), (2025, 4)]


def test_by_year_and_topic_follows_the_filters(client: TestClient) -> None:
    body = _stats(client, by=["year", "topic"], reporter="WCO")
    assert body["total"] == 7
    assert body["rows"] == [
        {"year": 2022, "topic": "enforcement", "count": 4},
        {"year": 2022, "topic": "public_health", "count": 2},
        {"year": 2023, "topic": "enforcement", "count": 3},
    ]
    assert body["labels"]["topic"]["public_health"] == "IP and public health"
    narrowed = _stats(
        client, by=["year", "topic"], reporter="WCO", q="counterfeiting", beneficiary="LDC"
    )
    assert narrowed["total"] == 2
    assert {(r["year"], r["topic"]) for r in narrowed["rows"]} >= {
        (2022, "enforcement"),
        (2023, "enforcement"),
    }


def test_single_valued_dimensions_add_up_to_the_total(client: TestClient) -> None:
    for dimension in ("type", "modality", "reporter", "kind", "year"):
        body = _stats(client, by=dimension)
        assert sum(r["count"] for r in body["rows"]) == body["total"] == 11, dimension
    modality = {r["modality"]: r["count"] for r in _stats(client, by="modality")["rows"]}
    assert modality == {None: 9, "online": 2}
    providers = {r["provider"]: r["count"] for r in _stats(client, by="provider")["rows"]}
    assert providers == {"WCO": 7, "WIPO": 4}


def test_group_beneficiary_counts_members_at_the_activity_date(client: TestClient) -> None:
    body = _stats(client, by="provider", beneficiary="LDC", year_to=2023)
    # Lao PDR (2022) and Mali (2023); Viet Nam, the Philippines and the others are no LDCs
    assert body["rows"] == [{"provider": "WCO", "count": 2}]


def test_unknown_dimension_or_too_many_are_problems(client: TestClient) -> None:
    for params in (
        {"by": "colour"},
        {"by": ["year", "year"]},
        {"by": ["year", "topic", "type"]},
        {"by": "year", "topic": "astrology"},
    ):
        response = client.get("/api/v1/stats", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"
    detail = client.get("/api/v1/stats", params={"by": "colour"}).json()
    assert detail["param"] == "by" and detail["value"] == "colour"
    assert "beneficiary" in detail["detail"]


def test_wco_profile_as_provider(client: TestClient) -> None:
    body = _profile(client, "wco")
    assert body["party"]["code"] == "WCO" and body["party"]["category"] == "igo"
    provider = body["roles"]["provider"]
    assert provider["total"] == 7
    assert provider["by_year"] == [{"year": 2022, "count": 4}, {"year": 2023, "count": 3}]
    assert provider["by_topic"][0] == {
        "code": "enforcement",
        "label": "Enforcement (civil, criminal, border measures)",
        "count": 7,
    }
    assert provider["by_type"] == [{"code": "workshop", "label": "Workshop", "count": 7}]
    assert provider["partner_role"] == "beneficiary"
    assert provider["partners_total"] == 11 and len(provider["partners"]) == 10
    assert {p["code"] for p in provider["map"]} >= {"LAO", "MLI", "VNM", "ARG", "PNG"}
    lao = next(p for p in provider["map"] if p["code"] == "LAO")
    assert lao == {
        "code": "LAO",
        "name": "Lao People's Democratic Republic",
        "count": 1,
        "isonum": "418",
    }
    assert body["roles"]["beneficiary"]["total"] == 0
    assert body["roles"]["reporter"]["total"] == 7
    assert body["roles"]["reporter"]["same_as"] == "provider"
    assert provider["search"] == "/?provider=WCO&generated=exclude"


def test_lao_profile_as_beneficiary(client: TestClient) -> None:
    body = _profile(client, "LAO")
    assert body["party"]["isonum"] == "418"
    beneficiary = body["roles"]["beneficiary"]
    assert beneficiary["total"] == 2
    # years between the first and the last are shown with zero activities
    assert beneficiary["by_year"] == [
        {"year": 2022, "count": 1},
        {"year": 2023, "count": 0},
        {"year": 2024, "count": 0},
        {"year": 2025, "count": 1},
    ]
    assert beneficiary["partner_role"] == "provider"
    assert {p["code"]: p["count"] for p in beneficiary["partners"]} == {"WCO": 1, "WIPO": 1}
    assert beneficiary["map"] == []
    assert body["roles"]["provider"]["total"] == 0


def test_ldc_group_profile(client: TestClient) -> None:
    body = _profile(client, "LDC")
    assert "LAO" in body["party"]["members"] and "VNM" not in body["party"]["members"]
    beneficiary = body["roles"]["beneficiary"]
    partners = {p["code"]: p["count"] for p in beneficiary["partners"]}
    assert partners["WCO"] == 2  # Lao PDR 2022 and Mali 2023, members on those dates
    assert [y for y in beneficiary["by_year"] if y["year"] in (2022, 2023)] == [
        {"year": 2022, "count": 1},
        {"year": 2023, "count": 1},
    ]
    mapped = {p["code"] for p in beneficiary["map"]}
    assert {"LAO", "MLI"} <= mapped
    assert not mapped & {"VNM", "PHL", "ECU"}


def test_unknown_party_profile_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/parties/NOWHERE/profile")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "NOWHERE" in response.json()["detail"]
    assert client.get("/api/v1/parties/WCO/profile", params={"top": 0}).status_code == 422
