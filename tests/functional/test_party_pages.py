"""Party pages on both databases: tables that work without JavaScript, chart specs, vendor files."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.testclient import TestClient

SPEC = re.compile(
    r'<script type="application/json" class="vega-spec" data-chart="([\w-]+)">(.*?)</script>', re.S
)


def _specs(html: str) -> dict[str, dict[str, Any]]:
    return {name: json.loads(body) for name, body in SPEC.findall(html)}


def test_wco_page_has_tables_and_chart_specs(client: TestClient) -> None:
    response = client.get("/parties/WCO")
    assert response.status_code == 200
    html = response.text
    assert "<h1>World Customs Organization" in html
    assert (
        '<a href="/?provider=WCO&amp;generated=exclude&amp;year=2022">2022</a></th>'
        '<td class="num">4</td>'
    ) in html
    assert (
        '<a href="/?provider=WCO&amp;generated=exclude&amp;year=2023">2023</a></th>'
        '<td class="num">3</td>'
    ) in html
    assert '<a href="/parties/LAO">Lao People&#39;s Democratic Republic</a>' in html
    specs = _specs(html)
    assert set(specs) == {
        "chart-provider-years",
        "chart-provider-topics",
        "chart-provider-partners",
        "chart-provider-map",
    }
    years = specs["chart-provider-years"]
    assert years["data"]["values"] == [{"year": 2022, "count": 4}, {"year": 2023, "count": 3}]
    world = specs["chart-provider-map"]
    assert world["layer"][0]["data"]["url"] == "/static/vendor/countries-110m.json"
    lookup = world["layer"][1]["transform"][0]
    assert lookup["from"]["key"] == "isonum"
    assert {"code": "MLI", "name": "Mali", "count": 1, "isonum": "466"} in lookup["from"]["data"][
        "values"
    ]
    # the reporter role is the same set of activities: said once, not drawn twice
    assert "same activities as those listed above as provider" in html
    for script in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        assert f"/static/vendor/{script}" in html
    assert "cdn" not in html.lower()


def test_group_page_lists_members_and_its_providers(client: TestClient) -> None:
    html = client.get("/parties/ldc").text
    assert "<h1>Least developed countries" in html
    section = html[html.index('id="beneficiary"') :]
    assert '<a href="/parties/WCO">World Customs Organization</a>' in section
    assert (
        'href="/?beneficiary=LDC&amp;generated=exclude&amp;provider=WCO" '
        'title="List these activities">2<'
    ) in section
    assert '<a href="/parties/LAO">' in html  # among the members


def test_page_without_activity_and_unknown_party(client: TestClient) -> None:
    page = client.get("/parties/KEN")
    assert page.status_code == 200
    assert "No activity recorded for this party yet." in page.text
    assert "vega-spec" not in page.text and "vega.min.js" not in page.text
    missing = client.get("/parties/NOWHERE")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "NOWHERE" in missing.text


def test_directory_lists_parties_with_counts(client: TestClient) -> None:
    html = client.get("/parties").text
    row = re.search(r'<a href="/parties/WCO">World Customs Organization</a></th>(.*?)</tr>', html)
    assert row is not None
    assert re.findall(r'<td class="num">(\d*)</td>', row.group(1)) == ["7", "", "7"]
    ldc = re.search(r'<a href="/parties/LDC">Least developed countries</a></th>(.*?)</tr>', html)
    assert ldc is not None and '<td class="num">2</td>' in ldc.group(1)
    assert '<a href="/parties">Parties</a>' in html  # in the navigation


def test_vendor_files_are_served_locally(client: TestClient) -> None:
    for name, marker in (
        ("vega.min.js", "vega"),
        ("vega-lite.min.js", "vegaLite"),
        ("vega-embed.min.js", "vegaEmbed"),
    ):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200, name
        assert marker in response.text[:1000]
    atlas = client.get("/static/vendor/countries-110m.json").json()
    ids = {g.get("id") for g in atlas["objects"]["countries"]["geometries"]}
    assert {"418", "466", "704"} <= ids
    assert "vegaEmbed" in client.get("/static/charts.js").text
