"""Reports, programmes, instruments, platforms and bodies in the JSON API, on both databases,
with the five seeds ingested; generated reports marked and left out where they should be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from ipcoop.config import Settings
from ipcoop.ingest.service import ingest
from ipcoop.quality.synth import FORMATS, generate
from seed_facts import ASEAN_PLATFORMS, GIPA_OFFERS

SEEDS = ("000", "001", "002", "003", "004")


pytestmark = pytest.mark.ingested(*SEEDS)


def _get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _titles(client: TestClient, path: str, **params: Any) -> list[str]:
    return [item["title"] for item in _get(client, path, **params)["items"]]


def _problem(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    return body


def _reporters(client: TestClient, **params: Any) -> list[str | None]:
    items = _get(client, "/api/v1/reports", **params)["items"]
    return [(r["reporting_party"] or {}).get("code") for r in items]


def test_reports_filter_by_reporter_year_kind_symbol_and_words(client: TestClient) -> None:
    assert _get(client, "/api/v1/reports")["total"] == 5
    assert _reporters(client, reporter="USA") == ["USA"]
    assert _reporters(client, reporter="GIPA") == []  # a body under the USA reported nothing
    assert _reporters(client, year=2021) == ["USA"]
    assert _reporters(client, year=2023) == ["WCO"]
    assert sorted(_reporters(client, kind="regional_page")) == ["APEC-IPEG", "ASEAN-AWGIPC"]
    assert _reporters(client, kind="art67_report", year=2023) == ["WCO"]
    assert _reporters(client, q="cencomm") == ["WCO"]  # words of the text, any case
    assert _reporters(client, q="no such words anywhere") == []
    assert _reporters(client, symbol="IP/C/W/999") == []  # well formed, not stored
    declaration = _get(client, "/api/v1/reports", kind="cooperation_instrument")["items"][0]
    assert declaration["title"].startswith("Joint Declaration between The Republic of Korea")


def test_reports_words_match_a_file_name_not_the_folders_it_came_from(
    client: TestClient, seed: Callable[[str], Path]
) -> None:
    assert _reporters(client, q=seed("003").name.upper()) == ["WCO"]
    assert _reporters(client, q=str(seed("003").parent)) == []


def test_unknown_report_filter_values_are_422_naming_them(client: TestClient) -> None:
    for param, value in [
        ("reporter", "Atlantis"),
        ("kind", "art99_report"),
        ("year", "20x1"),
        ("symbol", "not a symbol"),
        ("generated", "maybe"),
    ]:
        body = _problem(client, "/api/v1/reports", **{param: value})
        assert (body["param"], body["value"]) == (param, value)
        assert value in body["detail"]


def test_gipa_programme_offers_from_the_us_2021_report(client: TestClient) -> None:
    [us] = _get(client, "/api/v1/reports", reporter="USA")["items"]
    assert _titles(client, "/api/v1/programmes", report_id=us["id"]) == GIPA_OFFERS
    assert _titles(client, "/api/v1/programmes", party="GIPA") == GIPA_OFFERS
    assert _titles(client, "/api/v1/programmes", party="WCO") == []
    first = _get(client, "/api/v1/programmes", party="GIPA")["items"][0]
    detail = _get(client, first["url"].replace("/programmes", "/api/v1/programmes"))
    assert detail["provider"]["code"] == "GIPA" and detail["provider"]["role"] == "provider"
    assert detail["report"]["communication_date"] == "2021-09-15"
    assert _problem(client, "/api/v1/programmes", party="Atlantis")["param"] == "party"


def test_asean_platforms_are_run_by_the_awgipc(client: TestClient) -> None:
    assert _titles(client, "/api/v1/platforms", party="ASEAN-AWGIPC") == ASEAN_PLATFORMS
    portal = _get(client, "/api/v1/platforms", party="ASEAN-AWGIPC")["items"][0]
    roles = {(p["code"], p["role"]) for p in portal["parties"]}
    assert {("ASEAN", "party"), ("ASEAN-AWGIPC", "lead")} <= roles
    bodies = _titles(client, "/api/v1/bodies", party="ASEAN-AWGIPC")
    assert bodies[0] == "ASEAN Working Group on Intellectual Property Cooperation (AWGIPC)"
    # the framework agreement is signed by ASEAN's members, not run by the working group
    signed = _get(client, "/api/v1/instruments", form="framework_agreement")["items"]
    assert [i["title"] for i in signed] == [
        "ASEAN Framework Agreement on Intellectual Property Cooperation"
    ]
    assert "lead" not in {p["role"] for p in signed[0]["parties"]}


def test_wco_platforms_with_the_activities_that_name_them(client: TestClient) -> None:
    assert _titles(client, "/api/v1/platforms", party="WCO") == ["IPR CENcomm Group", "CLiCK"]
    platforms = {i["title"]: i for i in _get(client, "/api/v1/platforms", party="WCO")["items"]}
    cencomm = _get(client, f"/api/v1/platforms/{platforms['IPR CENcomm Group']['id']}")
    assert [p["code"] for p in cencomm["parties"] if p["role"] == "reporter"] == ["WCO"]
    assert cencomm["passages"] and all("CENcomm" in p["text"] for p in cencomm["passages"])
    click = _get(client, f"/api/v1/platforms/{platforms['CLiCK']['id']}")
    used = click["activities"] + cencomm["activities"]
    assert used, "an activity of the WCO report names CENcomm or CLiCK"
    for activity in used:
        assert activity["report_id"] == cencomm["report_id"]
        assert activity["evidence"] and activity["evidence"][0]["text"] in ("CLiCK", "CENcomm")


def test_kipo_asean_platform_names_its_parties_declaration_and_place(client: TestClient) -> None:
    [platform] = _get(client, "/api/v1/platforms", party="KIPO")["items"]
    assert platform["title"] == "KIPO–ASEAN regular communication platform"
    assert [p["code"] for p in platform["parties"] if p["role"] == "party"] == ["KIPO", "ASEAN"]
    detail = _get(client, f"/api/v1/platforms/{platform['id']}")
    assert (detail["date"], detail["place"]) == ("2022-11-14", "Seoul, Republic of Korea")
    [declaration] = detail["named_with"]
    assert declaration["form"] == "declaration" and declaration["date"] == "2022-11-14"
    assert declaration["url"] == f"/instruments/{declaration['id']}"
    # the same platform as seen from Korea (KIPO is one of its offices) and from ASEAN
    assert platform["title"] in _titles(client, "/api/v1/platforms", party="KOR")
    assert platform["title"] in _titles(client, "/api/v1/platforms", party="ASEAN")


def test_sections_keep_to_their_forms(client: TestClient) -> None:
    platform = _get(client, "/api/v1/platforms", party="WCO")["items"][0]
    assert client.get(f"/api/v1/bodies/{platform['id']}").status_code == 404
    assert client.get(f"/api/v1/instruments/{platform['id']}").status_code == 404
    assert client.get("/api/v1/programmes/999999").status_code == 404
    body = _problem(client, "/api/v1/bodies", form="platform")
    assert (body["param"], body["value"]) == ("form", "platform")
    forms = {i["form"] for i in _get(client, "/api/v1/instruments")["items"]}
    assert forms and not forms & {"platform", "body"}


@pytest.fixture
def generated(
    client: TestClient, engine: Engine, tmp_path: Path
) -> tuple[TestClient, list[dict[str, Any]]]:
    """Five generated reports, one per format, beside the seeds."""
    out = tmp_path / "synthetic"
    generate(out, reports=len(FORMATS), seed=14, activities=3, formats=FORMATS)
    summary = ingest(engine, [out], Settings(data_dir=tmp_path))
    assert summary.count("rejected") == 0, summary.outcomes
    made = _get(client, "/api/v1/reports", generated="only")["items"]
    return client, made


def test_generated_reports_are_marked_and_can_be_left_out(
    generated: tuple[TestClient, list[dict[str, Any]]],
) -> None:
    client, made = generated
    assert len(made) == len(FORMATS)  # every format carries the generator's marker
    assert all(r["generated"] for r in made)
    assert _get(client, "/api/v1/reports")["total"] == 5 + len(FORMATS)
    kept = _get(client, "/api/v1/reports", generated="exclude")["items"]
    assert len(kept) == 5 and not any(r["generated"] for r in kept)
    # the activity search takes the same choice (include by default)
    made_activities = sum(r["activities"] for r in made)
    every = _get(client, "/api/v1/activities", limit=1)["total"]
    real = _get(client, "/api/v1/activities", limit=1, generated="exclude")["total"]
    only = _get(client, "/api/v1/activities", limit=1, generated="only")["total"]
    assert (every - real, only) == (made_activities, made_activities)
    assert _problem(client, "/api/v1/activities", generated="maybe")["param"] == "generated"


def test_party_profiles_leave_generated_activities_out_unless_asked(
    generated: tuple[TestClient, list[dict[str, Any]]],
) -> None:
    client, made = generated
    code = made[0]["reporting_party"]["code"]
    own = sum(r["activities"] for r in made if r["reporting_party"]["code"] == code)
    path = f"/api/v1/parties/{code}/profile"
    real = _get(client, path)["roles"]["reporter"]["total"]
    everything = _get(client, path, generated="include")["roles"]["reporter"]["total"]
    assert everything - real == own > 0
    assert _get(client, path, generated="only")["roles"]["reporter"]["total"] == own
