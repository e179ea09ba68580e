"""Untrusted documents in a real browser: an ingested HTML report's script never runs on the
site (its original is a download), and the pages run under the site's Content-Security-Policy
with their charts and the API documentation working (docs/security.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

pytestmark = pytest.mark.browser

HOSTILE_PAGE = """<!doctype html>
<html><head><title>Technical cooperation activities of Japan</title></head>
<body><h1>Technical cooperation activities of Japan</h1>
<script>document.title = "script ran"; window.ran = true;
fetch("/api/v1/activities?q=script-ran-marker");</script>
<h2>Regional workshop on the enforcement of intellectual property rights</h2>
<p>Date: 12-14 March 2023. Venue: Bangkok, Thailand. Beneficiaries: ASEAN Member States.</p>
</body></html>
"""
FILE_NAME = "Rapport « final » 日本.html"


@pytest.fixture(scope="module")
def hostile_server(
    tmp_path_factory: pytest.TempPathFactory,
    served: Callable[[str, list[Path]], str],
    seed: Callable[[str], Path],
) -> str:
    """The served app holding seed 003 and an HTML report whose body runs a script."""
    document = tmp_path_factory.mktemp("hostile-documents") / FILE_NAME
    document.write_text(HOSTILE_PAGE, encoding="utf-8")
    return served("hostile-server", [seed("003"), document])


def _violations(page: Page) -> list[str]:
    """Every message the browser logs about a Content-Security-Policy, as it comes."""
    found: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            found.append(message.text)

    page.on("console", record)
    return found


def test_an_html_original_downloads_and_its_script_never_runs(
    page: Page, hostile_server: str, artefacts: Callable[[str], Path]
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(hostile_server + "/reports")
    page.get_by_role("link", name=re.compile("Technical cooperation activities of Japan")).click()
    expect(page.locator("h1")).to_contain_text("Technical cooperation activities of Japan")
    report_title = page.title()
    original = page.get_by_role("link", name=FILE_NAME)
    with page.expect_download() as started:
        original.click()
    download = started.value
    assert download.suggested_filename == FILE_NAME
    assert Path(download.path()).read_text(encoding="utf-8") == HOSTILE_PAGE
    page.wait_for_timeout(500)  # time for a script to run, had it been rendered
    assert page.title() == report_title
    assert page.evaluate("window.ran") is None
    assert len(page.context.pages) == 1
    assert not [url for url in requested if "script-ran-marker" in url]
    page.screenshot(path=str(artefacts("report")), full_page=True)


def test_a_browser_told_to_open_the_original_runs_nothing(
    browser: Browser, hostile_server: str
) -> None:
    """Even where a browser would display the file instead of saving it, the original's own
    policy (default-src 'none'; sandbox) keeps its script from running."""
    context = browser.new_context(accept_downloads=False)
    page = context.new_page()
    report = page.request.get(hostile_server + "/api/v1/reports").json()["items"]
    hostile = next(r for r in report if r["source"] == FILE_NAME)
    response = page.request.get(hostile_server + hostile["original_url"])
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["content-disposition"].startswith("attachment;")
    # render the same bytes under the same headers, as a browser ignoring the download would
    page.route(
        "**/rendered",
        lambda route: route.fulfill(
            status=200,
            body=response.body(),
            headers={
                "content-type": "text/html; charset=utf-8",
                "content-security-policy": response.headers["content-security-policy"],
            },
        ),
    )
    page.goto(hostile_server + "/rendered")
    page.wait_for_timeout(500)
    assert page.title() == "Technical cooperation activities of Japan"
    assert page.evaluate("window.ran") is None
    context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_pages_run_under_the_policy_with_their_charts(
    browser: Browser, hostile_server: str, artefacts: Callable[[str], Path], width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    violations = _violations(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(hostile_server + "/parties/WCO")
    charts = page.locator("#provider .chart")
    expect(charts).to_have_count(4)
    for index in range(4):
        expect(charts.nth(index).locator("svg").first).to_be_visible(timeout=15_000)
    # the stylesheet applies: the figures sit in their grid, the tooltip style is ours
    assert page.locator(".figures").first.evaluate("e => getComputedStyle(e).display") == "grid"
    page.screenshot(path=str(artefacts(f"party-{width}")), full_page=True)
    for path, name in (("/", "search"), ("/reports", "reports")):
        page.goto(hostile_server + path)
        assert page.locator("body").evaluate("e => getComputedStyle(e).margin") != "8px"
        page.screenshot(path=str(artefacts(f"{name}-{width}")), full_page=True)
    page.goto(hostile_server + "/reports")
    page.get_by_role("link", name=re.compile("Technical cooperation activities of Japan")).click()
    page.screenshot(path=str(artefacts(f"report-{width}")), full_page=True)
    activity = page.locator("a", has_text="Open the activity with its evidence").first
    page.goto(hostile_server + str(activity.get_attribute("href")))
    expect(page.locator("h1")).to_be_visible()
    page.screenshot(path=str(artefacts(f"activity-{width}")), full_page=True)
    page.goto(hostile_server + "/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="GET /api/v1/activities", exact=False).first.click()
    expect(page.locator(".parameters").first).to_contain_text("beneficiary")
    page.screenshot(path=str(artefacts(f"docs-{width}")))
    assert violations == [] and errors == [], (violations, errors)
    context.close()
