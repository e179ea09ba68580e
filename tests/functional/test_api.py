"""The JSON API on both databases: every filter, facets, cursors, errors and exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine

from ipcoop.activities.schemas import ActivityFields
from ipcoop.config import Settings
from ipcoop.ingest.service import ingest
from ipcoop.quality.synth import generate
from ipcoop.web.app import create_app

DEMO = Path(__file__).resolve().parents[2] / "src" / "ipcoop" / "demo"


pytestmark = pytest.mark.ingested("003", DEMO)


def _titles(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/v1/activities", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


def _codes(body: dict, role: str = "beneficiaries") -> list[set[str]]:  # type: ignore[type-arg]
    return [{p["code"] for p in item[role]} for item in body["items"]]


def test_list_shape_and_item_fields(client: TestClient) -> None:
    body = client.get("/api/v1/activities").json()
    assert set(body) == {"total", "items", "facets", "next_cursor"}
    assert body["total"] == 11
    item = body["items"][0]
    for name in ("id", "report_id", "url", *ActivityFields.model_fields, "confidence"):
        assert name in item
    assert set(body["facets"]) >= {
        "beneficiary",
        "provider",
        "reporter",
        "year",
        "topic",
        "type",
        "audience",
        "modality",
        "kind",
    }


def test_full_text_finds_the_seven_wco_workshops(client: TestClient) -> None:
    body = client.get("/api/v1/activities", params={"q": "counterfeiting"}).json()
    assert body["total"] == 7
    assert all("Counterfeiting" in i["title"] or "Combatting" in i["title"] for i in body["items"])


def test_group_beneficiary_is_judged_at_the_activity_date(client: TestClient) -> None:
    body = client.get(
        "/api/v1/activities", params={"q": "counterfeiting", "beneficiary": "LDC"}
    ).json()
    assert sorted(
        (i["start_date"], tuple(sorted(c)))
        for i, c in zip(body["items"], _codes(body), strict=True)
    ) == [("2022-09-26", ("LAO",)), ("2023-05-08", ("MLI",))]


def test_country_beneficiary_and_group_asean(client: TestClient) -> None:
    assert _titles(client, beneficiary="ECU") == [
        "National Workshop on Combating Counterfeiting and Piracy"
    ]
    body = client.get("/api/v1/activities", params={"beneficiary": "ASEAN"}).json()
    assert {c for s in _codes(body) for c in s} >= {"LAO", "PHL", "VNM", "KHM"}
    # three WCO workshops, the Cambodian seminar, and the course for LDCs (Cambodia, Lao PDR ...)
    assert body["total"] == 5


def test_provider_reporter_kind_filters(client: TestClient) -> None:
    assert client.get("/api/v1/activities", params={"provider": "WCO"}).json()["total"] == 7
    assert client.get("/api/v1/activities", params={"provider": "WIPO"}).json()["total"] == 4
    assert client.get("/api/v1/activities", params={"reporter": "WIPO"}).json()["total"] == 4
    assert client.get("/api/v1/activities", params={"kind": "art67_report"}).json()["total"] == 11


def test_year_range_filters(client: TestClient) -> None:
    body = client.get("/api/v1/activities", params={"year_from": 2023, "year_to": 2023}).json()
    assert body["total"] == 3
    assert all(i["start_date"].startswith("2023") for i in body["items"])
    assert client.get("/api/v1/activities", params={"year": 2025}).json()["total"] == 4


def test_topic_type_audience_modality_filters(client: TestClient) -> None:
    geo = client.get("/api/v1/activities", params={"topic": "geographical_indications"}).json()
    assert [i["title"] for i in geo["items"]] == [
        "Regional Workshop on Geographical Indications for Coffee Producers"
    ]
    workshops = client.get("/api/v1/activities", params={"type": "workshop"}).json()
    assert workshops["total"] == 8
    customs = client.get("/api/v1/activities", params={"audience": "customs_officers"}).json()
    assert customs["total"] >= 1
    online = client.get("/api/v1/activities", params={"modality": "online"}).json()
    assert {i["title"] for i in online["items"]} == {
        "National Workshop on Combating Counterfeiting and Piracy",
        "Online Course on Patent Examination of Pharmaceutical Inventions",
    }


def test_filters_combine(client: TestClient) -> None:
    body = client.get(
        "/api/v1/activities",
        params={
            "q": "workshop",
            "beneficiary": "LDC",
            "provider": "WCO",
            "year_from": 2023,
            "topic": "enforcement",
        },
    ).json()
    assert [i["start_date"] for i in body["items"]] == ["2023-05-08"]


def test_facet_counts_follow_the_filters(client: TestClient) -> None:
    body = client.get("/api/v1/activities", params={"provider": "WCO"}).json()
    years = {f["code"]: f["count"] for f in body["facets"]["year"]}
    assert years == {"2022": 4, "2023": 3}
    benef = {f["code"]: f["count"] for f in body["facets"]["beneficiary"]}
    assert benef["LAO"] == 1 and benef["ARG"] == 1 and "KEN" not in benef
    assert any(
        f["label"] == "Lao People's Democratic Republic" for f in body["facets"]["beneficiary"]
    )


def test_cursor_pagination_walks_every_item_once(client: TestClient) -> None:
    seen: list[int] = []
    params: dict[str, object] = {"limit": 3}
    while True:
        body = client.get("/api/v1/activities", params=params).json()  # type: ignore[arg-type]
        seen += [i["id"] for i in body["items"]]
        if not body["next_cursor"]:
            break
        params["cursor"] = body["next_cursor"]
    assert len(seen) == 11 == len(set(seen))


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("beneficiary", "Atlantis"),
        ("topic", "astrology"),
        ("type", "party"),
        ("year_from", "soon"),
        ("modality", "telepathy"),
        ("kind", "novel"),
    ],
)
def test_unknown_filter_values_are_a_422_naming_the_value(
    client: TestClient, param: str, value: str
) -> None:
    response = client.get("/api/v1/activities", params={param: value})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert value in response.json()["detail"]


def test_bad_cursor_is_a_422(client: TestClient) -> None:
    response = client.get("/api/v1/activities", params={"cursor": "not-a-cursor"})
    assert response.status_code == 422


def test_activity_detail_has_evidence_excerpts(client: TestClient) -> None:
    first = client.get(
        "/api/v1/activities", params={"beneficiary": "MLI", "provider": "WCO"}
    ).json()["items"][0]
    detail = client.get(f"/api/v1/activities/{first['id']}").json()
    assert detail["evidence"]["title"][0]["text"] == first["title"]
    assert "Bamako" in detail["evidence"]["location"][0]["text"]
    assert client.get("/api/v1/activities/999999").status_code == 404


def test_reports_and_parties(client: TestClient) -> None:
    reports = client.get("/api/v1/reports").json()
    assert reports["total"] == 2
    wco = next(r for r in reports["items"] if r["reporting_party"]["code"] == "WCO")
    detail = client.get(f"/api/v1/reports/{wco['id']}").json()
    assert len(detail["activities"]) == 7
    assert client.get(f"/reports/{wco['id']}/original").content.startswith(b"\n")
    lao = client.get("/api/v1/parties/LAO").json()
    assert lao["name"] == "Lao People's Democratic Republic" and lao["category"] == "economy"
    assert client.get("/api/v1/parties/XXX").status_code == 404


def test_parties_of_one_category(client: TestClient) -> None:
    everyone = client.get("/api/v1/parties").json()
    igos = client.get("/api/v1/parties", params={"category": "igo"}).json()
    assert 0 < igos["total"] < everyone["total"]
    assert {p["category"] for p in igos["items"]} == {"igo"}
    assert "WCO" in {p["code"] for p in igos["items"]}
    assert client.get("/api/v1/parties", params={"category": ""}).json() == everyone
    wrong = client.get("/api/v1/parties", params={"category": "planet"})
    assert wrong.status_code == 422 and wrong.json()["param"] == "category"


def test_csv_export_opens_in_a_spreadsheet(client: TestClient) -> None:
    response = client.get("/api/v1/activities.csv", params={"q": "counterfeiting"})
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 7
    # headers in words, codes beside names
    sub = next(r for r in rows if r["Start date"] == "2023-05-31")
    assert sub["Beneficiaries (codes)"] == "ARG; BOL; CHL; PRY; URY"
    assert sub["Beneficiaries"].startswith("Argentina; Plurinational State of Bolivia")


def test_xlsx_and_jsonl_exports(client: TestClient) -> None:
    xlsx = client.get(
        "/api/v1/activities.xlsx", params={"beneficiary": "LDC", "q": "counterfeiting"}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert "Title" in values[0] and len(values) == 1 + 2
    lines = client.get("/api/v1/activities.jsonl", params={"provider": "WCO"}).text.splitlines()
    assert len(lines) == 7 and json.loads(lines[0])["providers"][0]["code"] == "WCO"


def test_xlsx_export_opens_as_a_workbook_people_can_use(client: TestClient) -> None:
    response = client.get(
        "/api/v1/activities.xlsx", params={"beneficiary": "LDC", "q": "counterfeiting"}
    )
    disposition = response.headers["content-disposition"]
    assert 'filename="ipcoop-activities-counterfeiting-LDC.xlsx"' in disposition
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Activities", "About"]
    sheet = workbook["Activities"]
    header = [c.value for c in sheet[1]]
    last = sheet[1][-1].column_letter
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}3"
    assert all(c.font.b for c in sheet[1]) and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
    start = sheet.cell(2, header.index("Start date") + 1)
    assert isinstance(start.value, dt.datetime) and start.number_format == "yyyy-mm-dd"
    address = sheet.cell(2, header.index("Address") + 1).value
    assert address.startswith('=HYPERLINK("http://testserver/activities/')
    about = {r[0]: r[1] for r in workbook["About"].iter_rows(values_only=True) if r and r[0]}
    assert about["Query"] == "q=counterfeiting&beneficiary=LDC" and about["Activities"] == 2
    assert about["Start date"] == "start_date"


def test_csv_links_are_absolute(client: TestClient) -> None:
    response = client.get("/api/v1/activities.csv", params={"provider": "WCO"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and all(r["Address"].startswith("http://testserver/activities/") for r in rows)


def test_openapi_document(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/activities" in spec["paths"]


def test_provider_filter_includes_bodies_under_the_party(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    annex = tmp_path / "gipa.txt"
    annex.write_text(
        "Name of programme or project\tTrade Secrets Programme\n"
        "Date and end date\t3 March 2021 - 5 March 2021\n"
        "Beneficiary Member(s) or observer(s)\tKenya\n"
        "Technical cooperation provider(s)\tGlobal Intellectual Property Academy\n",
        encoding="utf-8",
    )
    assert ingest(engine, [annex], Settings(data_dir=tmp_path)).count("stored") == 1
    for code in ("GIPA", "USPTO", "USA"):
        body = client.get("/api/v1/activities", params={"provider": code}).json()
        assert [i["title"] for i in body["items"]] == ["Trade Secrets Programme"], code


def test_related_activities(client: TestClient) -> None:
    body = client.get("/api/v1/activities", params={"beneficiary": "LAO", "provider": "WCO"})
    lao = body.json()["items"][0]
    detail = client.get(f"/api/v1/activities/{lao['id']}").json()
    same = {r["location"]["city"] for r in detail["related"]["same_title"]}
    assert {"Manila", "Guayaquil", "Bamako"} <= same
    assert detail["related"]["same_event"] == []
    page = client.get(lao["url"])
    assert "The same title in other years" in page.text


def test_search_page_shows_active_filters_with_remove_links(client: TestClient) -> None:
    page = client.get("/", params={"q": "counterfeiting", "beneficiary": "LDC"}).text
    assert "Beneficiary: Least developed countries" in page
    assert 'href="/?q=counterfeiting"' in page


def test_sorting(client: TestClient) -> None:
    newest = client.get("/api/v1/activities", params={"provider": "WCO"}).json()["items"]
    oldest = client.get("/api/v1/activities", params={"provider": "WCO", "sort": "-date"}).json()[
        "items"
    ]
    assert newest[0]["start_date"] == "2023-05-31" and oldest[0]["start_date"] == "2022-09-26"
    titles = [
        i["title"]
        for i in client.get("/api/v1/activities", params={"sort": "title"}).json()["items"]
    ]
    assert titles == sorted(titles)
    ranked = client.get(
        "/api/v1/activities", params={"q": "geographical indications", "sort": "relevance"}
    ).json()
    assert ranked["items"][0]["title"].startswith("Regional Workshop on Geographical")
    assert client.get("/api/v1/activities", params={"sort": "random"}).status_code == 422


def test_api_answers_carry_an_etag_that_holds_until_the_data_changes(
    engine: Engine, tmp_path: Path
) -> None:
    client = TestClient(create_app(engine))
    first = client.get("/api/v1/activities")
    tag = first.headers["etag"]
    assert first.status_code == 200 and tag.startswith('W/"')
    again = client.get("/api/v1/activities", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    generate(tmp_path / "more", reports=1, seed=4)
    (tmp_path / "more" / "truth.json").unlink()
    ingest(engine, [tmp_path / "more"], Settings(data_dir=tmp_path))
    changed = client.get("/api/v1/activities", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert changed.json()["total"] == 10


def test_facets_can_be_chosen_or_left_out(engine: Engine, tmp_path: Path) -> None:
    generate(tmp_path / "c", reports=1, seed=8)
    (tmp_path / "c" / "truth.json").unlink()
    ingest(engine, [tmp_path / "c"], Settings(data_dir=tmp_path))
    client = TestClient(create_app(engine))
    every = client.get("/api/v1/activities").json()["facets"]
    assert len(every) == 9
    some = client.get("/api/v1/activities?facet=year&facet=type").json()["facets"]
    assert some == {"year": every["year"], "type": every["type"]}
    assert client.get("/api/v1/activities?facet=none").json()["facets"] == {}
    bad = client.get("/api/v1/activities?facet=colour")
    assert bad.status_code == 422 and "colour" in bad.text
