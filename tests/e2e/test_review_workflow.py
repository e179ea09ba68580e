"""Submission and curation in a real browser: a Swiss reporter uploads a Word annex, corrects an
extracted date and submits; a curator publishes; the anonymous gateway shows the report with
the corrected date and its symbol; the audit log shows each step. Screenshots of each form at
1400 and 390 px go to test-results/ (and /tmp/ipcoop-review-shots/ for a person to look at)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from ipcoop.quality.synth import ANNEX_LABELS, long_date

from .conftest import serve

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("IPCOOP_SHOTS", "/tmp/ipcoop-review-shots"))
ROOT = Path(__file__).resolve().parents[2]


def annex_docx() -> bytes:
    """A Word annex with two activities, as a Member's delegate would have last year's."""
    activities = [
        ("Workshop on patent examination", date(2025, 3, 12), date(2025, 3, 14), "Ghana"),
        ("Seminar on geographical indications", date(2024, 11, 4), date(2024, 11, 5), "Viet Nam"),
    ]
    document = docx.Document()
    document.add_paragraph("TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM SWITZERLAND")
    document.add_heading("ANNEX", level=1)
    for title, start, end, beneficiary in activities:
        values = (
            title,
            f"{long_date(start)} - {long_date(end)}",
            beneficiary,
            f"The {title} was held in Geneva from {long_date(start)} to {long_date(end)}.",
            "Patent examiners",
            "Swiss Federal Institute of Intellectual Property",
            "Examiners trained.",
            "https://www.ige.ch",
            "info@ipi.ch",
        )
        table = document.add_table(rows=len(values), cols=2)
        for row, label, value in zip(table.rows, ANNEX_LABELS, values, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def review_server(
    tmp_path_factory: pytest.TempPathFactory, run_cli: Callable[..., Any]
) -> Iterator[str]:
    """A served app on a fresh SQLite file with a Swiss reporter and a curator (made by the CLI)."""
    data = tmp_path_factory.mktemp("review-server")
    for args in (
        (
            "users",
            "add",
            "delegate@ipi.ch",
            "--role",
            "reporter",
            "--party",
            "CHE",
            "--password",
            "swiss-pass-1",
        ),
        ("users", "add", "curator@wto.org", "--role", "curator", "--password", "curator-pass-1"),
    ):
        result = run_cli(*args, data=data)
        assert result.returncode == 0, result.stdout + result.stderr
    env = {
        **os.environ,
        "IPCOOP_DATA_DIR": str(data),
        "IPCOOP_DATABASE_URL": "",
        "IPCOOP_SECRET_KEY": "browser-test-key",
    }
    yield from serve(env)


def shoot(page: Page, name: str) -> None:
    """The page at 1400 and at 390 px wide, whole."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    (ROOT / "test-results").mkdir(exist_ok=True)
    for width in (1400, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for folder in (SHOTS, ROOT / "test-results"):
            page.screenshot(path=str(folder / f"review-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible()


def test_reporter_uploads_corrects_submits_and_curator_publishes(
    browser: Browser, review_server: str, tmp_path: Path
) -> None:
    url = review_server
    annex = tmp_path / "swiss-annex-2025.docx"
    annex.write_bytes(annex_docx())

    reporter = browser.new_page(viewport={"width": 1400, "height": 900})
    reporter.goto(url + "/login")
    shoot(reporter, "login")
    # a wrong password says so, on the form
    reporter.get_by_label("Email").fill("delegate@ipi.ch")
    reporter.get_by_label("Password").fill("wrong")
    reporter.get_by_role("button", name="Sign in").click()
    expect(reporter.get_by_role("alert")).to_contain_text("wrong email or password")
    sign_in(reporter, url, "delegate@ipi.ch", "swiss-pass-1")

    # a new draft
    reporter.get_by_label("Title").fill("Switzerland: technical cooperation 2024-2025")
    reporter.get_by_label("Period from").fill("2024-07")
    reporter.get_by_label("Period to").fill("2025-06")
    shoot(reporter, "start")
    reporter.get_by_role("button", name="Start a draft").click()
    expect(reporter.get_by_role("heading", level=1)).to_contain_text("Switzerland")
    report_id = reporter.url.rstrip("/").rsplit("/", 1)[-1]

    # upload the annex: two extracted activities, each field beside its source words
    reporter.get_by_label("Document", exact=True).set_input_files(str(annex))
    reporter.get_by_role("button", name="Upload and extract").click()
    activities = reporter.locator("section.activity:not(.new)")
    expect(activities).to_have_count(2)
    first = activities.nth(0)
    start = first.locator("input[name=start_date]")
    expect(start).to_have_value("2025-03-12")
    expect(first.locator(".source mark").first).to_be_visible()
    shoot(reporter, "draft-extracted")

    # an end before the start is refused, with the message on the end date
    first.locator("input[name=end_date]").fill("2025-03-01")
    first.get_by_role("button", name="Save activity").click()
    first = reporter.locator("section.activity:not(.new)").nth(0)
    expect(first.locator(".error")).to_contain_text("before the start")
    expect(first.locator("input[name=end_date]")).to_have_attribute("aria-invalid", "true")
    shoot(reporter, "draft-invalid")

    # correct the start date (the document said the 12th; it was the 13th)
    first.locator("input[name=end_date]").fill("2025-03-14")
    first.locator("input[name=start_date]").fill("2025-03-13")
    first.get_by_role("button", name="Save activity").click()
    first = reporter.locator("section.activity:not(.new)").nth(0)
    expect(first.locator("input[name=start_date]")).to_have_value("2025-03-13")

    reporter.get_by_role("button", name="Submit for review").click()
    expect(reporter.get_by_text("submitted")).to_be_visible()
    # the reporter cannot publish: there is no such form, and the draft is not public yet
    assert reporter.goto(url + f"/reports/{report_id}").status == 404  # type: ignore[union-attr]
    reporter.close()

    curator = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(curator, url, "curator@wto.org", "curator-pass-1")
    expect(curator.get_by_role("heading", name="Review queue")).to_be_visible()
    shoot(curator, "queue")
    curator.get_by_role("link", name="Switzerland: technical cooperation 2024-2025").first.click()
    expect(curator.get_by_role("button", name="Publish")).to_be_visible()
    shoot(curator, "curator-report")
    curator.get_by_role("button", name="Publish").click()

    # the anonymous gateway: the corrected date and the symbol
    anonymous = browser.new_page(viewport={"width": 1400, "height": 900})
    anonymous.goto(url + f"/reports/{report_id}")
    expect(anonymous.locator("dl.header")).to_contain_text("IP/C/R/TC/CHE/1")
    expect(anonymous.locator("table.gateway")).to_contain_text("2025-03-13")
    expect(anonymous.locator("table.gateway")).not_to_contain_text("2025-03-12")
    shoot(anonymous, "gateway")
    anonymous.goto(url + "/review/audit")
    expect(anonymous.locator("table.audit")).to_have_count(0)
    anonymous.close()

    # the audit log: each step, by whom
    curator.goto(url + f"/review/audit?report_id={report_id}")
    rows = curator.locator("table.audit tbody tr")
    actions = [
        rows.nth(i).locator("td").nth(2).inner_text().split("\n")[0] for i in range(rows.count())
    ]
    assert actions[::-1][:3] == ["report.create", "report.upload", "activity.update"]
    assert actions[0] == "report.publish" and actions[1] == "report.submit"
    expect(rows.filter(has_text="activity.update").first).to_contain_text("2025-03-13")
    expect(rows.filter(has_text="report.publish")).to_contain_text("curator@wto.org")
    shoot(curator, "audit")
    curator.close()
