"""A curator's tag and link forms in a real browser: a joint workshop reported by Japan and by
WIPO (published over the API with tokens made by the CLI); the curator corrects the Japanese
activity's tags, which publishes the report's next version, links it with WIPO's from the
suggestion, and the public activity pages say "Also reported by". Screenshots at 1400 and
390 px go to test-results/ (and /tmp/ipcoop-review-shots/)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, expect

from .conftest import serve
from .test_review_workflow import shoot, sign_in

pytestmark = pytest.mark.browser

WORKSHOP = {
    "start_date": "2024-05-21",
    "end_date": "2024-05-23",
    "beneficiaries": ["GHA", "NGA"],
    "city": "Accra",
    "country": "GHA",
    "topics": ["patents"],
}


@pytest.fixture(scope="module")
def curation_server(
    tmp_path_factory: pytest.TempPathFactory, run_cli: Callable[..., Any]
) -> Iterator[tuple[str, dict[str, int]]]:
    """A served app with a curator, and the workshop published by Japan and by WIPO."""
    data = tmp_path_factory.mktemp("curation-server")
    made = run_cli(
        "users",
        "add",
        "curator@wto.org",
        "--role",
        "curator",
        "--password",
        "curator-pass-1",
        data=data,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    token = run_cli("tokens", "create", "curator@wto.org", data=data).stdout.strip()
    env = {
        **os.environ,
        "IPCOOP_DATA_DIR": str(data),
        "IPCOOP_DATABASE_URL": "",
        "IPCOOP_SECRET_KEY": "browser-test-key",
    }
    for url in serve(env):
        ids: dict[str, int] = {}
        with httpx.Client(
            base_url=url + "/api/v1", headers={"Authorization": f"Bearer {token}"}
        ) as api:
            for party, title in [
                ("JPN", "WIPO-Japan regional workshop on patent examination"),
                ("WIPO", "Regional workshop on patent examination (with the JPO)"),
            ]:
                report = api.post("/reports", json={"party": party, "period_start": "2024"}).json()
                activity = api.post(
                    f"/reports/{report['id']}/activities", json={"title": title, **WORKSHOP}
                )
                assert activity.status_code == 201, activity.text
                for step in ("submit", "publish"):
                    assert api.post(f"/reports/{report['id']}/{step}").status_code == 200
                ids[party], ids[party + "-activity"] = report["id"], activity.json()["id"]
        yield url, ids


def test_a_curator_corrects_tags_and_links_a_joint_workshop(
    browser: Browser, curation_server: tuple[str, dict[str, int]]
) -> None:
    url, ids = curation_server
    curator = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(curator, url, "curator@wto.org", "curator-pass-1")
    curator.goto(url + f"/review/reports/{ids['JPN']}")
    activity = curator.locator("section.activity").first
    expect(activity.get_by_role("heading", name="Tags")).to_be_visible()
    expect(activity.get_by_label("Patents")).to_be_checked()
    shoot(curator, "curator-published-tags")

    # the tags: a type, one more topic and an audience; saved as the report's next version
    activity.get_by_label("Type").select_option("workshop")
    activity.get_by_label("Industrial designs").check()
    activity.get_by_label("IP office examiners and managers").check()
    activity.get_by_role("button", name="Save tags").click()
    expect(curator.locator("dl.header")).to_contain_text("version 2")
    activity = curator.locator("section.activity").first
    expect(activity.get_by_label("Industrial designs")).to_be_checked()
    # the change in words, as the form shows them (no codes), and the table fits a phone
    diff = curator.locator("table.diff")
    expect(diff).to_contain_text("Industrial designs")
    expect(diff).to_contain_text("IP office examiners and managers")
    expect(diff).not_to_contain_text("industrial_designs")

    # the same workshop as WIPO reported it, suggested: link it
    suggestion = activity.locator("ul.linked li").filter(has_text="World Intellectual Property")
    expect(suggestion).to_have_count(1)
    suggestion.get_by_role("button", name="Link").click()
    activity = curator.locator("section.activity").first
    expect(activity.get_by_role("button", name="Remove link")).to_be_visible()
    shoot(curator, "curator-linked")

    # a wrong address is said on the field
    activity.get_by_label("The same activity in another party's report").fill("the Accra one")
    activity.get_by_role("button", name="Link", exact=True).last.click()
    field = curator.locator("section.activity").first.locator("input[name=other]")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value("the Accra one")  # what was typed is kept, to correct
    shoot(curator, "curator-link-invalid")
    curator.close()

    anonymous = browser.new_page(viewport={"width": 1400, "height": 900})
    anonymous.goto(url + f"/activities/{ids['WIPO-activity']}")
    also = anonymous.locator("ul.also-reported")
    expect(also).to_contain_text("Japan")
    also.get_by_role("link").click()
    expect(anonymous.get_by_role("heading", level=1)).to_contain_text("WIPO-Japan")
    expect(anonymous.locator("ul.also-reported")).to_contain_text("World Intellectual Property")
    shoot(anonymous, "also-reported")
    anonymous.close()
