"""A newcomer in a real browser: search, facet, report, row, activity, CSV download."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_search_filter_report_activity_and_csv(
    page: Page, server: str, artefacts: Callable[[str], Path]
) -> None:
    page.goto(server + "/")
    page.get_by_label("Search activities").fill("counterfeiting")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".total strong")).to_have_text("7")
    page.screenshot(path=str(artefacts("search")), full_page=True)

    page.locator(".facet", has_text="Beneficiary").get_by_role("link", name="Mali").click()
    expect(page.locator(".total strong")).to_have_text("1")
    assert "beneficiary=MLI" in page.url and "q=counterfeiting" in page.url

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    shown = page.locator("ol.items h3").all_inner_texts()
    assert [r["Title"] for r in rows] == shown
    assert rows[0]["Beneficiaries"] == "Mali"

    page.locator("ol.items h3 a").first.click()
    expect(page.locator("h1")).to_have_text(
        "National Workshop on Combating Counterfeiting and Piracy"
    )
    expect(page.locator("mark", has_text="Bamako").first).to_be_visible()
    page.screenshot(path=str(artefacts("activity")), full_page=True)

    page.locator(".crumbs a").click()
    expect(page.get_by_role("heading", name="List of programmes/projects")).to_be_visible()
    rows_on_page = page.locator("table.gateway tbody tr")
    expect(rows_on_page).to_have_count(7)
    first = rows_on_page.first
    first.locator("summary").click()
    expect(first.locator("dl.fields")).to_contain_text("Vientiane")
    page.screenshot(path=str(artefacts("report")), full_page=True)


def test_pages_work_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/?q=counterfeiting&beneficiary=LDC")
    expect(page.locator(".total strong")).to_have_text("2")
    context.close()
