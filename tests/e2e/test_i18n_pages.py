"""In a real browser: the search page in French and Spanish, no page wider than a 390 px phone,
results before filters on a phone, and the API documentation with the network cut off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Route, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_search_in_french(page: Page, server: str, artefacts: Callable[[str], Path]) -> None:
    page.goto(server + "/")
    page.get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Rechercher des activités").fill("contrefaçon")
    page.get_by_role("button", name="Rechercher").click()
    # the seven tagged Enforcement, found by the French word
    expect(page.locator(".total strong")).to_have_text("7")
    expect(page.get_by_role("heading", name="Type d'activité")).to_be_visible()
    expect(page.locator(".facet", has_text="Thème").get_by_role("link").first).to_contain_text(
        "Moyens de faire respecter les droits"
    )
    page.locator(".facet", has_text="Groupe bénéficiaire").get_by_role(
        "link", name="Pays les moins avancés"
    ).click()
    expect(page.locator(".total strong")).to_have_text("2")
    expect(page.locator(".active-filters")).to_contain_text("Bénéficiaire: Pays les moins avancés")
    expect(page.locator("ol.items").first).to_contain_text("Organisation mondiale des douanes")
    page.screenshot(path=str(artefacts("fr")), full_page=True)
    page.goto(server + "/parties")  # the choice is remembered
    expect(page.get_by_role("heading", name="Membres et observateurs")).to_be_visible()


def test_search_in_spanish_from_the_browser_language(
    browser: Browser, server: str, artefacts: Callable[[str], Path]
) -> None:
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(server + "/?q=taller")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_label("Ordenar")).to_be_visible()
    expect(page.locator(".facet", has_text="Tipo de actividad")).to_contain_text("Taller")
    page.locator(".facet", has_text="Beneficiario").get_by_role("link", name="Filipinas").click()
    expect(page.locator(".total strong")).to_have_text("1")
    expect(page.locator("ol.items")).to_contain_text("Organización Mundial de Aduanas")
    page.get_by_label("Ordenar").select_option(label="Título, de la A a la Z")
    page.get_by_role("button", name="Buscar").click()
    assert "sort=title" in page.url
    page.screenshot(path=str(artefacts("es")), full_page=True)
    context.close()


def _pages(page: Page, server: str) -> list[str]:
    page.goto(server + "/")
    activity = page.locator("ol.items h3 a").first.get_attribute("href")
    page.goto(server + str(activity))
    report = page.locator(".crumbs a").get_attribute("href")
    return ["/", str(activity), str(report), "/parties/WCO", "/parties", "/?lang=es&q=taller"]


def test_no_page_is_wider_than_a_phone(
    browser: Browser, server: str, artefacts: Callable[[str], Path]
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for number, path in enumerate(_pages(page, server)):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=str(artefacts(f"phone-{number}")))
        assert width <= PHONE["width"], f"{path} is {width} px wide"
    context.close()


def test_results_come_before_the_filters_on_a_phone(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "/")
    first_result = page.locator("ol.items li").first.bounding_box()
    filters = page.locator("#filters").bounding_box()
    assert first_result and filters
    assert first_result["y"] < PHONE["height"] < filters["y"]
    page.get_by_role("link", name="Filters").click()  # a link down to them
    expect(page.locator("#filters")).to_be_in_viewport()
    context.close()


def test_api_docs_render_with_the_network_cut_off(
    browser: Browser, server: str, artefacts: Callable[[str], Path]
) -> None:
    context = browser.new_context()
    blocked: list[str] = []

    def only_localhost(route: Route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_localhost)
    page = context.new_page()
    page.goto(server + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("ipcoop")
    operation = page.locator(".opblock-summary-path", has_text="/api/v1/activities").first
    expect(operation).to_be_visible()
    expect(page.locator(".opblock")).not_to_have_count(0)
    page.get_by_role("button", name="GET /api/v1/activities", exact=False).first.click()
    expect(page.locator(".parameters").first).to_contain_text("beneficiary")
    page.screenshot(path=str(artefacts("docs")))
    assert not blocked, blocked
    assert "<script>" not in page.content()  # no inline script: a strict CSP lets it run
    context.close()
