"""The report, programme, instrument, platform, body and party pages on the five seeds (both
databases): what each says, the links between them, and generated reports kept apart."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from ipcoop.activities.models import Activity
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.quality.synth import generate
from ipcoop.reports.models import Report
from seed_facts import GIPA_OFFERS

SEEDS = ("000", "001", "002", "003", "004")


pytestmark = pytest.mark.ingested(*SEEDS)


def _page(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return response.text


def _section(html: str, heading: str) -> str:
    """The text of the section under the heading that starts with `heading`."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}.*?</section>", html, re.S)
    assert match, f"no section {heading!r}"
    return match.group(0)


def _links(html: str) -> list[str]:
    return [htmllib.unescape(t) for t in re.findall(r'<a href="/[a-z]+/\d+">([^<]+)</a>', html)]


def _report_id(client: TestClient, reporter: str) -> int:
    [report] = client.get("/api/v1/reports", params={"reporter": reporter}).json()["items"]
    return int(report["id"])


def test_reports_page_lists_and_filters(client: TestClient) -> None:
    html = _page(client, "/reports")
    assert "<h1>Reports and documents</h1>" in html
    assert "<strong>5</strong>" in html
    for label in ("TRIPS Article 67 report", "Regional page", "Cooperation instrument"):
        assert label in html  # kinds in words, never art67_report
    assert "art67_report</td>" not in html
    assert '<label for="f-reporter">Reporting party</label>' in html
    filtered = _page(client, "/reports?reporter=USA&year=2021")
    assert "<strong>1</strong>" in filtered and "/parties/USA" in filtered
    response = client.get("/reports?kind=nonsense")
    assert response.status_code == 422 and "nonsense" in response.text


def test_awgipc_page_lists_its_platforms_and_bodies(client: TestClient) -> None:
    html = _page(client, "/parties/ASEAN-AWGIPC")
    platforms = _links(_section(html, "Platforms, portals and databases"))
    assert platforms[0] == "ASEAN IP Portal" and len(platforms) == 8
    assert "ASEAN Working Group on Intellectual Property Cooperation (AWGIPC)" in _links(
        _section(html, "Bodies")
    )
    # its own page: the reports table names the document
    assert "ASEAN Working Group on Intellectual Property Cooperation</a>" in _section(
        html, "Reports and documents"
    )


def test_directory_lists_parties_that_reported_a_document(client: TestClient) -> None:
    html = _page(client, "/parties")
    assert 'href="/parties/ASEAN-AWGIPC"' in html  # a regional page, no activity


def test_wco_page_lists_cencomm_and_click(client: TestClient) -> None:
    html = _page(client, "/parties/WCO")
    assert _links(_section(html, "Platforms, portals and databases")) == [
        "IPR CENcomm Group",
        "CLiCK",
    ]


def test_gipa_and_kipo_pages_no_longer_empty(client: TestClient) -> None:
    gipa = _page(client, "/parties/GIPA")
    assert len(_links(_section(gipa, "Programmes offered"))) == 7
    kipo = _page(client, "/parties/KIPO")
    assert _links(_section(kipo, "Platforms, portals and databases")) == [
        "KIPO–ASEAN regular communication platform"
    ]
    [declaration] = _links(_section(kipo, "Declarations, agreements and plans"))
    assert declaration.startswith("Joint Declaration between The Republic of Korea")


def test_us_2021_report_lists_its_seven_gipa_offers(client: TestClient) -> None:
    html = _page(client, f"/reports/{_report_id(client, 'USA')}")
    offers = _links(_section(html, "Programmes offered"))
    assert offers == GIPA_OFFERS


def test_kipo_asean_platform_page(client: TestClient) -> None:
    [platform] = client.get("/api/v1/platforms", params={"party": "KIPO"}).json()["items"]
    html = _page(client, platform["url"])
    assert "<h1>KIPO–ASEAN regular communication platform</h1>" in html
    assert '<a href="/parties/KIPO">Korean Intellectual Property Office</a>' in html
    assert '<a href="/parties/ASEAN">' in html
    assert "Seoul, Republic of Korea" in html
    agreed = re.search(r"<dt>Agreed in</dt><dd>(.*?)</dd>", html, re.S)
    assert agreed and "Joint Declaration between" in agreed.group(1)
    assert "2022-11-14" in agreed.group(1)


def test_programme_instrument_and_body_pages(client: TestClient) -> None:
    offer = client.get("/api/v1/programmes", params={"party": "GIPA"}).json()["items"][0]
    html = _page(client, offer["url"])
    assert "A programme offered on request" in html
    assert '<dt>Offered by</dt><dd><a href="/parties/GIPA">' in html
    assert "<dt>Known from</dt><dd>a report dated 2021-09-15</dd>" in html
    body = client.get("/api/v1/bodies", params={"party": "ASEAN-AWGIPC"}).json()["items"][0]
    html = _page(client, body["url"])
    assert "<dt>Since</dt><dd>1996</dd>" in html
    assert "Body: working group, committee or network" in html
    declaration = client.get("/api/v1/instruments", params={"form": "declaration"}).json()["items"][
        0
    ]
    html = _page(client, declaration["url"])
    assert "<dt>Dated</dt><dd>2022-11-14</dd>" in html
    assert "Improvement of IP Education Infrastructure" in html
    listing = _page(client, "/platforms?party=WCO")
    assert _links(listing) == ["IPR CENcomm Group", "CLiCK"]


def test_provider_links_find_the_providers_activities(client: TestClient) -> None:
    html = _page(client, f"/reports/{_report_id(client, 'WCO')}")
    assert "/?beneficiary=WCO" not in html
    assert 'href="/?provider=WCO"' in html
    found = client.get("/api/v1/activities", params={"provider": "WCO"}).json()["total"]
    assert found == 7
    activity = client.get("/api/v1/activities", params={"provider": "WCO"}).json()["items"][0]
    assert 'href="/?provider=WCO"' in _page(client, activity["url"])


def test_search_rows_show_provider_and_place(client: TestClient) -> None:
    html = _page(client, "/?provider=WCO")
    rows = re.findall(r'<li class="item">(.*?)</li>\s*(?=<li class="item">|</ol>)', html, re.S)
    assert rows
    assert all(
        'By</span> <a href="/?provider=WCO">World Customs Organization</a>' in r for r in rows
    )
    assert any(re.search(r" · [A-Z][\w ]+, [A-Z]", r) for r in rows)  # city, country


def test_generated_report_banner_dates_and_related_lists(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    out = tmp_path / "synthetic"
    generate(out, reports=1, seed=3, activities=3)
    [made] = sorted(out.glob("synthetic-*"))
    # a real-looking copy: the same activities without the generator's cover line
    copy = tmp_path / "copy" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text(
        "\n".join(line for line in made.read_text().splitlines() if "NOT AN OFFICIAL" not in line)
    )
    ingest(engine, [made, copy], Settings(data_dir=tmp_path))
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    with session_scope(engine) as session:
        generated_id = session.scalar(select(Report.id).where(Report.generated))
        real_id = session.scalar(select(Report.id).where(Report.source_name.like("%copy.txt")))
        session.execute(
            update(Report).where(Report.id == generated_id).values(communication_date=future)
        )
        session.execute(
            update(Activity).where(Activity.report_id == generated_id).values(start_date=future)
        )
        real_activity = session.scalar(
            select(Activity.id).where(Activity.report_id == real_id).order_by(Activity.id)
        )
        made_ids = set(
            session.scalars(select(Activity.id).where(Activity.report_id == generated_id))
        )
    html = _page(client, f"/reports/{generated_id}")
    assert "Generated data." in html and 'class="generated" role="note"' in html
    assert future not in html
    assert "Generated data." not in _page(client, f"/reports/{real_id}")

    # the same titles in the generated report: left out of the related lists unless asked
    def related(path: str) -> set[int]:
        page = _page(client, path).split("<h2>The same title in other years</h2>", 1)
        return {int(i) for i in re.findall(r'href="/activities/(\d+)"', page[-1])}

    assert not related(f"/activities/{real_activity}") & made_ids
    assert related(f"/activities/{real_activity}?generated=include") & made_ids
    assert _page(client, "/reports").count('<span class="badge">Generated</span>') == 1
    search = _page(client, f"/?report_id={generated_id}")
    assert search.count('<span class="badge" title="Made by the ipcoop') == 3
    assert future not in search
    assert 'class="badge"' not in _page(client, f"/?report_id={real_id}")


def test_document_text_is_escaped_and_links_are_http_only(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    doc = tmp_path / "evil.txt"
    doc.write_text(
        "Joint Declaration\n\nbetween <script>alert(1)</script> and ASEAN\n\n"
        "WE, the Heads of the offices, agree to establish a <b>shared</b> platform between "
        "the two sides.\n\nOn November 14, 2022 in Seoul, Republic of Korea, we agreed.\n"
    )
    ingest(engine, [doc], Settings(data_dir=tmp_path))
    html = _page(client, "/reports")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    with session_scope(engine) as session:
        activity = session.scalar(select(Activity).limit(1))
        assert activity is not None
        activity.website = "javascript:alert(1)"
        target = activity.id
    page = _page(client, f"/activities/{target}")
    assert 'href="javascript:' not in page
