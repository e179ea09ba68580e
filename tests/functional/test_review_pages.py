"""The workflow's pages without a browser: sign in, CSRF, throttling, denials by page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from ipcoop.db import session_scope
from ipcoop.review import accounts
from ipcoop.web.app import create_app


@pytest.fixture
def app_client(engine: Engine) -> Iterator[TestClient]:
    with session_scope(engine) as session:
        accounts.add_user(session, "r@admin.ch", "reporter", "CHE", "swiss-pass")
        accounts.add_user(session, "r@jpo.go.jp", "reporter", "JPN", "japan-pass")
        accounts.add_user(session, "c@wto.org", "curator", None, "curator-pass")
    with TestClient(create_app(engine)) as client:
        yield client


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str) -> str:
    """Sign in; the CSRF token of the session."""
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return _csrf(client.get("/review").text)


def test_a_form_without_its_token_is_refused(app_client: TestClient) -> None:
    app_client.get("/login")
    response = app_client.post("/login", data={"email": "r@admin.ch", "password": "swiss-pass"})
    assert response.status_code == 403
    token = sign_in(app_client, "r@admin.ch", "swiss-pass")
    assert app_client.post("/review/reports", data={"title": "x"}).status_code == 403
    assert (
        app_client.post(
            "/review/reports", data={"title": "x", "csrf_token": token + "x"}
        ).status_code
        == 403
    )
    made = app_client.post(
        "/review/reports", data={"title": "x", "csrf_token": token}, follow_redirects=False
    )
    assert made.status_code == 303


def test_sign_in_is_throttled(app_client: TestClient) -> None:
    token = _csrf(app_client.get("/login").text)
    for _ in range(accounts.FAILURES_ALLOWED):
        wrong = app_client.post(
            "/login", data={"email": "r@admin.ch", "password": "nope", "csrf_token": token}
        )
        assert wrong.status_code == 401
    # now even the right password waits
    right = app_client.post(
        "/login", data={"email": "r@admin.ch", "password": "swiss-pass", "csrf_token": token}
    )
    assert right.status_code == 429
    assert "too many" in right.text


def test_another_partys_draft_is_not_found_by_page(app_client: TestClient) -> None:
    token = sign_in(app_client, "r@admin.ch", "swiss-pass")
    made = app_client.post(
        "/review/reports",
        data={"title": "Swiss draft", "csrf_token": token},
        follow_redirects=False,
    )
    url = made.headers["location"]
    assert app_client.get(url).status_code == 200
    added = app_client.post(
        url + "/activities",
        data={
            "title": "Seminar",
            "start_date": "2025-02",
            "end_date": "2025-01",
            "csrf_token": token,
        },
    )
    assert added.status_code == 422 and "before the start" in added.text  # on the field
    app_client.cookies.clear()
    assert app_client.get(url).status_code == 404  # anonymous
    token = sign_in(app_client, "r@jpo.go.jp", "japan-pass")
    assert app_client.get(url).status_code == 404
    changed = app_client.post(url + "/activities", data={"title": "Hijack", "csrf_token": token})
    assert changed.status_code == 404
    assert app_client.post(url + "/submit", data={"csrf_token": token}).status_code == 404
    assert app_client.get("/review/audit").status_code == 403


def test_correction_publishes_a_new_version_with_a_diff(app_client: TestClient) -> None:
    token = sign_in(app_client, "c@wto.org", "curator-pass")
    url = app_client.post(
        "/review/reports",
        data={"party": "CHE", "title": "First", "csrf_token": token},
        follow_redirects=False,
    ).headers["location"]
    rid = int(url.rsplit("/", 1)[1])
    app_client.post(
        url + "/activities",
        data={"title": "Seminar", "start_date": "2025-02-03", "csrf_token": token},
    )
    app_client.post(url + "/submit", data={"csrf_token": token})
    app_client.post(url + "/publish", data={"csrf_token": token})
    second = app_client.post(
        url + "/correct", data={"csrf_token": token}, follow_redirects=False
    ).headers["location"]
    page = app_client.get(second).text
    activity = re.search(r'/activities/(\d+)" class="activity-form"', page)
    assert activity
    app_client.post(
        f"{second}/activities/{activity.group(1)}",
        data={"title": "Seminar", "start_date": "2025-02-04", "version": "1", "csrf_token": token},
    )
    # the first version stays public while the correction is a draft
    assert "2025-02-03" in app_client.get(f"/reports/{rid}").text
    app_client.post(second + "/submit", data={"csrf_token": token})
    app_client.post(second + "/publish", data={"csrf_token": token})
    new_id = int(second.rsplit("/", 1)[1])
    public = app_client.get(f"/api/v1/reports/{new_id}").json()
    assert public["version"] == 2 and public["symbol"] == "IP/C/R/TC/CHE/1"
    app_client.cookies.clear()
    assert app_client.get(f"/api/v1/reports/{rid}").status_code == 404  # not public any more
    history = app_client.get(f"/api/v1/reports/{new_id}/versions").json()["items"]
    assert [v["state"] for v in history] == ["superseded", "published"]
    assert history[1]["changes"] == [
        {
            "where": "activity 1",
            "field": "start_date",
            "before": "2025-02-03",
            "after": "2025-02-04",
        }
    ]
    search = app_client.get("/api/v1/activities").json()
    assert search["total"] == 1 and search["items"][0]["start_date"] == "2025-02-04"


def test_withdrawal_is_a_state(app_client: TestClient) -> None:
    token = sign_in(app_client, "c@wto.org", "curator-pass")
    url = app_client.post(
        "/review/reports", data={"party": "CHE", "csrf_token": token}, follow_redirects=False
    ).headers["location"]
    rid = int(url.rsplit("/", 1)[1])
    for step in ("submit", "publish", "withdraw"):
        app_client.post(f"{url}/{step}", data={"csrf_token": token, "comment": "sent twice"})
    assert 'state-withdrawn">withdrawn' in app_client.get(url).text  # kept, for curators
    app_client.cookies.clear()
    assert app_client.get(f"/reports/{rid}").status_code == 404
