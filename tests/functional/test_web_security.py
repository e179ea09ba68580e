"""The web side's defences on both databases: security headers on every answer (pages, API,
errors), originals served as sandboxed downloads whatever their file name, only http(s) links
from documents, and no ingest path in the API (docs/security.md)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from ipcoop.activities.models import Activity
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report
from ipcoop.web.app import create_app

HOSTILE_PAGE = """<!doctype html>
<html><head><title>Technical cooperation activities of Japan</title></head>
<body><h1>Technical cooperation activities of Japan</h1>
<script>document.title = "script ran"; window.ran = true;</script>
<h2>Regional workshop on the enforcement of intellectual property rights</h2>
<p>Date: 12-14 March 2023. Venue: Bangkok, Thailand. Beneficiaries: ASEAN Member States.</p>
</body></html>
"""
# quotes, a newline, a tab, letters outside Latin-1 and a semicolon: every way to break the header
NASTY_NAME = 'Rapport "final";\nÉtat\tdes lieux 日本 – №1.html'
SHOWN_NAME = 'Rapport "final"; État des lieux 日本 – №1.html'


def _assert_security_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    policy = {
        part.split()[0]: part.split()[1:]
        for part in headers["content-security-policy"].split(";")
        if part.strip()
    }
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/reports", 200),
        ("/parties/WCO", 200),
        ("/api/v1/activities?q=workshop", 200),
        ("/api/v1/openapi.json", 200),
        ("/api/v1/docs", 200),
        ("/static/style.css", 200),
        ("/reports/999999", 404),
        ("/api/v1/activities/999999", 404),
        ("/api/v1/activities?benficiary=LDC", 422),
        ("/no/such/page", 404),
    ],
)
def test_every_answer_carries_the_security_headers(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    _assert_security_headers(response)


def test_a_not_modified_answer_carries_them_too(client: TestClient) -> None:
    first = client.get("/api/v1/reports")
    again = client.get("/api/v1/reports", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    _assert_security_headers(again)


def test_an_unhandled_error_carries_them(engine: Engine) -> None:
    app = create_app(engine)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/broken")
    assert response.status_code == 500
    _assert_security_headers(response)


@pytest.fixture
def hostile(engine: Engine, tmp_path: Path) -> tuple[TestClient, int, Path]:
    """The app after ingesting an HTML report with a script, under a file name with quotes,
    a newline and letters outside Latin-1, from a folder whose path must not leak."""
    folder = tmp_path / "private-inbox"
    folder.mkdir()
    path = folder / NASTY_NAME
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    summary = ingest(engine, [path], Settings(data_dir=tmp_path / "data"))
    assert summary.count("rejected") == 0, summary.outcomes
    with session_scope(engine) as session:
        report_id = session.scalars(select(Report.id)).one()
    return TestClient(create_app(engine)), report_id, path


def test_an_original_is_a_sandboxed_download_under_its_own_name(
    hostile: tuple[TestClient, int, Path],
) -> None:
    client, report_id, path = hostile
    response = client.get(f"/reports/{report_id}/original")
    assert response.status_code == 200
    assert response.content == path.read_bytes()
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["x-content-type-options"] == "nosniff"
    raw = response.headers.raw  # the header as sent: one line, Latin-1 safe
    (disposition,) = [v for k, v in raw if k.lower() == b"content-disposition"]
    assert b"\n" not in disposition and b"\r" not in disposition
    value = disposition.decode("ascii")
    disposition_type, plain, exact = _parts(value)
    assert disposition_type == "attachment"
    fallback = re.fullmatch(r'filename="([^"\\]*)"', plain)
    assert fallback and fallback.group(1).endswith(".html") and "État" not in fallback.group(1)
    assert fallback.group(1).startswith("Rapport _final__ Etat des lieux")
    assert exact.startswith("filename*=UTF-8''")
    assert unquote(exact.removeprefix("filename*=UTF-8''")) == SHOWN_NAME


def _parts(value: str) -> tuple[str, str, str]:
    """attachment; filename="..."; filename*=... split where no quoted string is."""
    parts = re.findall(r'(?:[^;"]|"[^"]*")+', value)
    assert len(parts) == 3, value
    disposition_type, plain, exact = (p.strip() for p in parts)
    return disposition_type, plain, exact


def test_the_api_and_pages_name_the_file_not_the_folder_it_came_from(
    hostile: tuple[TestClient, int, Path],
) -> None:
    client, report_id, path = hostile
    listed = client.get("/api/v1/reports").json()["items"][0]
    detail = client.get(f"/api/v1/reports/{report_id}").json()
    assert listed["source"] == detail["source"] == path.name
    for answer in (
        client.get("/api/v1/reports"),
        client.get(f"/api/v1/reports/{report_id}"),
        client.get(f"/reports/{report_id}"),
        client.get("/reports"),
    ):
        assert answer.status_code == 200
        assert "private-inbox" not in answer.text
        assert str(path.parent) not in answer.text


def test_an_export_is_named_the_same_way(client: TestClient) -> None:
    response = client.get("/api/v1/activities.csv", params={"q": "Lao PDR"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="ipcoop-activities-LaoPDR.csv"; '
        "filename*=UTF-8''ipcoop-activities-LaoPDR.csv"
    )


NOT_LINKS = (
    "javascript:alert(1)",
    "  JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/x",
    "http:/one-slash.example",
    "https://exa mple.org/",
)


def _website_shown(page: str, value: str) -> None:
    """The value is on the page as text, and no link on the page goes anywhere like it."""
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert not [h for h in hrefs if "script" in h.lower() or h.startswith(("data:", "//"))]
    assert "/relative/path" not in hrefs and "http:/one-slash.example" not in hrefs
    escaped = value.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in page


@pytest.mark.parametrize("value", NOT_LINKS)
def test_a_website_that_is_not_http_is_text_on_activity_and_report_pages(
    client: TestClient, engine: Engine, value: str
) -> None:
    with session_scope(engine) as session:
        activity = session.scalars(select(Activity).order_by(Activity.id)).first()
        assert activity is not None
        session.execute(update(Activity).where(Activity.id == activity.id).values(website=value))
        target, report_id = activity.id, activity.report_id
    for path in (f"/activities/{target}", f"/reports/{report_id}"):
        response = client.get(path)
        assert response.status_code == 200
        _website_shown(response.text, value)


def test_an_http_website_is_a_link(client: TestClient, engine: Engine) -> None:
    url = "https://www.example.org/programme?year=2023&lang=fr"
    with session_scope(engine) as session:
        activity = session.scalars(select(Activity).order_by(Activity.id)).first()
        assert activity is not None
        activity.website = url
        target, report_id = activity.id, activity.report_id
    link = '<a href="https://www.example.org/programme?year=2023&amp;lang=fr" rel="nofollow'
    assert link in client.get(f"/activities/{target}").text
    assert link in client.get(f"/reports/{report_id}").text


WCO_SITE = "https://www.wcoomd.org/"


@pytest.mark.parametrize("value", [*NOT_LINKS, WCO_SITE])
def test_a_party_website_is_a_link_only_when_http(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    # the reference data as if parties.csv held this value for the WCO
    parties = Resolver.default()._parties
    monkeypatch.setitem(parties, "WCO", dataclasses.replace(parties["WCO"], website=value))
    page = client.get("/parties/WCO")
    assert page.status_code == 200
    if value == WCO_SITE:
        assert f'<a href="{value}" rel="nofollow noopener noreferrer">{value}</a>' in page.text
    else:
        _website_shown(page.text, value)
