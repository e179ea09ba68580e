"""A party profile in a real browser: the tables are there, and the charts draw over them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_wco_profile_draws_its_charts(
    page: Page, server: str, artefacts: Callable[[str], Path]
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda msg: (
            errors.append(f"{msg.text} ({msg.location.get('url')})")
            if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.goto(server + "/parties/WCO")
    expect(page.locator("h1")).to_contain_text("World Customs Organization")
    charts = page.locator("#provider .chart")
    expect(charts).to_have_count(4)  # years, topics, partners, map
    for index in range(4):
        expect(charts.nth(index).locator("svg, canvas").first).to_be_visible(timeout=15_000)
    # the map joined its counts on ISO numeric codes: Lao PDR is one of the filled countries
    expect(page.locator('#chart-provider-map svg path[aria-label*="Lao People"]')).to_have_count(
        1, timeout=15_000
    )
    years = page.locator("#provider figure", has_text="Activities per year").locator("table")
    expect(years).to_contain_text("2022")
    page.screenshot(path=str(artefacts("wco")), full_page=True)
    assert not errors, errors


def test_profile_tables_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/parties/LDC")
    beneficiary = page.locator("#beneficiary")
    expect(beneficiary.locator("table").first).to_contain_text("2022")
    expect(beneficiary).to_contain_text("World Customs Organization")
    expect(page.locator(".chart").first).to_be_hidden()
    context.close()
