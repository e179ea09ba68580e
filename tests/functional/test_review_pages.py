"""The workflow's pages without a browser: sign in, CSRF, throttling, denials by page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

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


def _report_with(
    engine: Engine, party: str, title: str, state: str, **fields: object
) -> tuple[int, int]:
    """A report of the party taken to ``state`` through the services, with one activity."""
    from .test_review_curation import drafted, published, submitted

    made = {"draft": drafted, "submitted": submitted, "published": published}[state]
    return made(engine, party, title, **fields)


def test_a_curator_corrects_tags_and_links_by_page(app_client: TestClient, engine: Engine) -> None:
    wipo, wipo_activity = _report_with(
        engine,
        "WIPO",
        "Joint workshop",
        "published",
        start_date="2024-05-02",
        beneficiaries=["GHA"],
    )
    japan, japan_activity = _report_with(
        engine,
        "JPN",
        "Joint workshop in Accra",
        "published",
        start_date="2024-05-02",
        beneficiaries=["GHA"],
        topics=["patents"],
    )
    token = sign_in(app_client, "c@wto.org", "curator-pass")
    page = app_client.get(f"/review/reports/{japan}").text
    assert f'action="/review/reports/{japan}/activities/{japan_activity}/tags"' in page
    assert 'value="patents" checked' in page
    assert "> Trademarks</label>" in page  # the terms in words
    # the other party's activity with the same date and beneficiary is suggested
    assert f'name="other" value="{wipo_activity}"' in page
    # tags: the topics ticked replace the old ones; a published report gets a new version
    saved = app_client.post(
        f"/review/reports/{japan}/activities/{japan_activity}/tags",
        data={
            "csrf_token": token,
            "version": "1",
            "tags_shown": "1",
            "type": "workshop",
            "topics": ["patents", "trademarks"],
            "audience": ["smes"],
            "modality": "hybrid",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    new_report = int(saved.headers["location"].split("/")[3].split("#")[0])
    assert new_report != japan
    new_page = app_client.get(f"/review/reports/{new_report}").text
    assert 'value="trademarks" checked' in new_page and 'value="smes" checked' in new_page
    assert "<ins>Patents, Trademarks</ins>" in new_page  # the versions' diff, in words
    new_activity = int(re.findall(r'id="activity-(\d+)"', new_page)[0])
    # an unknown code comes back on the form, with the field named
    wrong = app_client.post(
        f"/review/reports/{new_report}/activities/{new_activity}/tags",
        data={"csrf_token": token, "version": "2", "modality": "by pigeon"},
    )
    assert wrong.status_code == 422 and "unknown modality" in wrong.text
    # links: a number that is not one, then the WIPO activity by its address
    bad = app_client.post(
        f"/review/reports/{new_report}/activities/{new_activity}/links",
        data={"csrf_token": token, "other": "the Accra one"},
    )
    assert bad.status_code == 422 and "is not an activity" in bad.text
    linked = app_client.post(
        f"/review/reports/{new_report}/activities/{new_activity}/links",
        data={"csrf_token": token, "other": f"http://testserver/activities/{wipo_activity}"},
        follow_redirects=False,
    )
    assert linked.status_code == 303
    assert "Also reported by" in app_client.get(f"/activities/{wipo_activity}").text
    removed = app_client.post(
        f"/review/reports/{new_report}/activities/{new_activity}/links/{wipo_activity}/remove",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert removed.status_code == 303
    assert "Also reported by" not in app_client.get(f"/activities/{wipo_activity}").text
    # a typed symbol that another report holds: said on the symbol field
    pending, _ = _report_with(engine, "CHE", "Swiss seminar", "submitted")
    held = app_client.get(f"/api/v1/reports/{wipo}").json()["symbol"]
    taken = app_client.post(
        f"/review/reports/{pending}/publish", data={"csrf_token": token, "symbol": held}
    )
    assert taken.status_code == 422
    assert 'id="symbol-error"' in taken.text and f'value="{held}"' in taken.text


def test_reporters_tick_tags_but_do_not_link(app_client: TestClient, engine: Engine) -> None:
    draft, activity = _report_with(engine, "CHE", "Swiss seminar", "draft", topics=["patents"])
    published, _ = _report_with(engine, "JPN", "Japanese seminar", "published")
    token = sign_in(app_client, "r@admin.ch", "swiss-pass")
    page = app_client.get(f"/review/reports/{draft}").text
    assert 'value="patents" checked' in page and "/links" not in page
    saved = app_client.post(
        f"/review/reports/{draft}/activities/{activity}",
        data={"csrf_token": token, "version": "1", "title": "Swiss seminar", "tags_shown": "1"},
        follow_redirects=False,
    )
    assert saved.status_code == 303  # nothing ticked: no topic left
    assert 'value="patents" checked' not in app_client.get(f"/review/reports/{draft}").text
    refused = app_client.post(
        f"/review/reports/{draft}/activities/{activity}/links",
        data={"csrf_token": token, "other": "1"},
    )
    assert refused.status_code == 403
    other_page = app_client.get(f"/review/reports/{published}").text
    assert "/tags" not in other_page and "/links" not in other_page


def test_what_a_form_writes_is_committed_before_its_answer_leaves(engine: Engine) -> None:
    """A browser follows a redirect at once: the session a sign-in opens, and the draft a form
    starts, must already be visible to another connection when the answer starts."""
    with session_scope(engine) as session:
        accounts.add_user(session, "r@admin.ch", "reporter", "CHE", "swiss-pass")
    app = create_app(engine)
    seen: dict[str, int] = {}

    async def watching(scope: dict[str, Any], receive: Any, send: Any) -> None:
        async def watched_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and scope["method"] == "POST":
                with engine.connect() as other:
                    for table in ("web_sessions", "reports"):
                        count = other.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                        seen[table] = int(count)
            await send(message)

        await app(scope, receive, watched_send)

    with TestClient(watching) as client:  # type: ignore[arg-type]
        sign_in(client, "r@admin.ch", "swiss-pass")
        assert seen["web_sessions"] == 1
        token = _csrf(client.get("/review").text)
        made = client.post(
            "/review/reports", data={"title": "x", "csrf_token": token}, follow_redirects=False
        )
        assert made.status_code == 303
        assert seen["reports"] == 1
