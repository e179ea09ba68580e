"""Reports, programmes, instruments, platforms and bodies in a real browser on the five seeds,
at desktop and phone widths, with no page wider than the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1400, 900), "phone": (390, 844)}


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url}: {width}px wide in a {inner}px window"


def _look(page: Page, path: Path) -> None:
    """No sideways scrolling, and a full-page screenshot to look at."""
    _fits(page)
    page.screenshot(path=str(path), full_page=True)


@pytest.fixture(params=sorted(WIDTHS))
def sized(request: pytest.FixtureRequest, page: Page) -> tuple[Page, str]:
    width, height = WIDTHS[request.param]
    page.set_viewport_size({"width": width, "height": height})
    return page, request.param


def test_reports_list_to_a_platform_and_its_body(
    sized: tuple[Page, str], seeds_server: str, artefacts: Callable[[str], Path]
) -> None:
    page, width = sized
    page.goto(seeds_server + "/reports")
    expect(page.get_by_role("heading", name="Reports and documents", level=1)).to_be_visible()
    expect(page.locator("table.reports tbody tr")).to_have_count(5)
    _look(page, artefacts(f"reports-{width}"))

    page.get_by_label("Reporting party").select_option("USA")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.reports tbody tr")).to_have_count(1)
    page.locator("table.reports tbody tr a").first.click()
    offers = page.locator("#holding-programmes + ul.records li")
    expect(offers).to_have_count(7)
    _fits(page)

    offers.first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Patent Programmes")
    expect(page.locator("dl.header")).to_contain_text("Global Intellectual Property Academy")
    _look(page, artefacts(f"programme-{width}"))

    page.goto(seeds_server + "/parties/ASEAN-AWGIPC")
    platforms = page.locator("#holding-platforms + ul.records li")
    expect(platforms).to_have_count(8)
    _fits(page)
    platforms.first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("ASEAN IP Portal")
    expect(page.locator("dl.header")).to_contain_text("Work led by")
    _look(page, artefacts(f"platform-{width}"))

    body = "ASEAN Working Group on Intellectual Property Cooperation (AWGIPC)"
    page.get_by_role("link", name=body).click()
    expect(page.locator("h1")).to_have_text(body)
    expect(page.locator("dl.header")).to_contain_text("1996")
    _look(page, artefacts(f"body-{width}"))


def test_kipo_platform_and_the_declaration(
    sized: tuple[Page, str], seeds_server: str, artefacts: Callable[[str], Path]
) -> None:
    page, width = sized
    page.goto(seeds_server + "/parties/KIPO")
    page.get_by_role("link", name="KIPO–ASEAN regular communication platform").click()
    header = page.locator("dl.header")
    for words in (
        "Korean Intellectual Property Office",
        "Association of Southeast Asian",
        "Seoul",
        "2022-11-14",
        "Joint Declaration between",
    ):
        expect(header).to_contain_text(words)
    _look(page, artefacts(f"kipo-platform-{width}"))

    header.get_by_role("link", name="Joint Declaration between", exact=False).click()
    expect(page.locator("h1")).to_contain_text("Joint Declaration between")
    expect(page.locator("dl.header")).to_contain_text("Advancement of IP System")
    _look(page, artefacts(f"instrument-{width}"))

    # the longest words of the three languages still fit (French navigation, Spanish labels)
    for lang, words in (("fr", "Convenu dans"), ("es", "Acordado en")):
        page.goto(seeds_server + "/parties/KIPO?lang=" + lang)
        page.locator("#holding-platforms + ul.records a").first.click()
        expect(page.locator("dl.header")).to_contain_text(words)
        _fits(page)

    page.goto(seeds_server + "/parties/WCO")
    expect(page.locator("#holding-platforms + ul.records")).to_contain_text("CENcomm")
    expect(page.locator("#holding-platforms + ul.records")).to_contain_text("CLiCK")
    _fits(page)


def test_gateway_pages_work_without_javascript(seeds_server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(seeds_server + "/reports?kind=regional_page")
    expect(page.locator("table.reports tbody tr")).to_have_count(2)
    page.goto(seeds_server + "/platforms?party=WCO")
    expect(page.locator("ul.records li")).to_have_count(2)
    page.get_by_role("link", name="CLiCK").click()
    expect(page.locator("dl.header")).to_contain_text("World Customs Organization")
    context.close()
