"""The submission workflow over the API, with tokens made by the CLI, on both databases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

# the app on an empty database of the test's own
pytestmark = pytest.mark.ingested()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_swiss_draft_to_published_report(
    ipcoop: Callable[..., str], client: TestClient, tmp_path: Path
) -> None:
    ipcoop("users", "add", "delegate@admin.ch", "--role", "reporter", "--party", "CHE")
    ipcoop("users", "add", "delegate@jpo.go.jp", "--role", "reporter", "--party", "JPN")
    ipcoop("users", "add", "curator@wto.org", "--role", "curator", "--password", "pw-c")
    swiss = bearer(ipcoop("tokens", "create", "delegate@admin.ch").strip())
    japan = bearer(ipcoop("tokens", "create", "delegate@jpo.go.jp").strip())
    curator = bearer(ipcoop("tokens", "create", "curator@wto.org").strip())

    # a Swiss reporter drafts a report with an activity
    created = client.post(
        "/api/v1/reports",
        json={"title": "Swiss report 2025", "period_start": "2024-07", "period_end": "2025-06"},
        headers=swiss,
    )
    assert created.status_code == 201, created.text
    draft: dict[str, Any] = created.json()
    rid = draft["id"]
    assert draft["state"] == "draft" and draft["reporting_party"]["code"] == "CHE"
    activity = {
        "title": "Workshop on geographical indications",
        "start_date": "2024-09-10",
        "end_date": "2024-09-12",
        "beneficiaries": ["GHA"],
        "type": "workshop",
    }
    added = client.post(f"/api/v1/reports/{rid}/activities", json=activity, headers=swiss)
    assert added.status_code == 201, added.text
    aid = added.json()["id"]

    # an end before its start is a 422 problem naming the field
    wrong = client.post(
        f"/api/v1/reports/{rid}/activities",
        json={
            **activity,
            "title": "Backwards",
            "start_date": "2024-10-05",
            "end_date": "2024-10-01",
        },
        headers=swiss,
    )
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in wrong.json()["errors"]] == ["end_date"]
    assert "end_date" in wrong.json()["detail"]

    # a Japanese reporter and an anonymous reader: 404 on the draft, and cannot change it
    for headers in (japan, {}):
        assert client.get(f"/api/v1/reports/{rid}", headers=headers).status_code == 404
        assert (
            client.patch(
                f"/api/v1/reports/{rid}", json={"title": "x", "version": 1}, headers=headers
            ).status_code
            == 404
        )
        assert (
            client.post(
                f"/api/v1/reports/{rid}/activities", json=activity, headers=headers
            ).status_code
            == 404
        )
        assert (
            client.patch(
                f"/api/v1/reports/{rid}/activities/{aid}",
                json={"title": "x", "version": 1},
                headers=headers,
            ).status_code
            == 404
        )
        assert (
            client.delete(f"/api/v1/reports/{rid}/activities/{aid}", headers=headers).status_code
            == 404
        )
        assert client.post(f"/api/v1/reports/{rid}/submit", headers=headers).status_code == 404
    # nor does the draft show in search, the report list or the activity page
    assert client.get("/api/v1/activities").json()["total"] == 0
    assert client.get("/api/v1/reports").json()["total"] == 0
    assert client.get(f"/api/v1/activities/{aid}").status_code == 404
    assert client.get(f"/reports/{rid}").status_code == 404

    # a reporter cannot publish (their own report either)
    assert client.post(f"/api/v1/reports/{rid}/publish", headers=swiss).status_code == 403
    assert client.post(f"/api/v1/reports/{rid}/submit", headers=swiss).status_code == 200
    assert client.post(f"/api/v1/reports/{rid}/publish", headers=swiss).status_code == 403
    # submitted: no longer the reporter's to change
    assert (
        client.patch(
            f"/api/v1/reports/{rid}/activities/{aid}",
            json={"title": "y", "version": 1},
            headers=swiss,
        ).status_code
        == 403
    )

    published = client.post(f"/api/v1/reports/{rid}/publish", headers=curator)
    assert published.status_code == 200, published.text

    # the anonymous reader now reads it, with its symbol
    public = client.get(f"/api/v1/reports/{rid}")
    assert public.status_code == 200
    assert public.json()["symbol"].startswith("IP/C/R/TC/CHE/")
    assert public.json()["activities"][0]["title"] == activity["title"]
    assert client.get("/api/v1/activities").json()["total"] == 1

    # the audit log answers curators only
    assert client.get("/api/v1/audit").status_code == 403
    assert client.get("/api/v1/audit", headers=swiss).status_code == 403
    log = client.get("/api/v1/audit", headers=curator)
    assert log.status_code == 200
    actions = [e["action"] for e in reversed(log.json()["items"])]
    assert actions == ["report.create", "activity.create", "report.submit", "report.publish"]
    assert log.json()["items"][0]["actor"] == "curator@wto.org"
    exported = client.get("/api/v1/audit.csv", headers=curator)
    assert exported.status_code == 200 and "report.publish" in exported.text
    assert client.get("/api/v1/audit.csv", headers=japan).status_code == 403


def test_symbols_are_numbered_per_party(ipcoop: Callable[..., str], client: TestClient) -> None:
    ipcoop("users", "add", "c@wto.org", "--role", "curator", "--password", "pw")
    curator = bearer(ipcoop("tokens", "create", "c@wto.org").strip())
    symbols = []
    for party in ("CHE", "CHE", "JPN"):
        rid = client.post("/api/v1/reports", json={"party": party}, headers=curator).json()["id"]
        client.post(f"/api/v1/reports/{rid}/submit", headers=curator)
        body = client.post(f"/api/v1/reports/{rid}/publish", headers=curator).json()
        symbols.append(body["symbol"])
    assert symbols == ["IP/C/R/TC/CHE/1", "IP/C/R/TC/CHE/2", "IP/C/R/TC/JPN/1"]


def test_revoked_token_and_bad_header_are_401(
    ipcoop: Callable[..., str], client: TestClient
) -> None:
    ipcoop("users", "add", "r@admin.ch", "--role", "reporter", "--party", "CHE")
    token = ipcoop("tokens", "create", "r@admin.ch").strip()
    assert client.post("/api/v1/reports", json={}, headers=bearer(token)).status_code == 201
    ipcoop("tokens", "revoke", token[:10])
    assert client.post("/api/v1/reports", json={}, headers=bearer(token)).status_code == 401
    basic = {"Authorization": "Basic x"}
    assert client.get("/api/v1/reports/1", headers=basic).status_code == 401


def test_what_the_contract_cannot_state_is_a_documented_problem(
    ipcoop: Callable[..., str], client: TestClient
) -> None:
    """The answers tests/contract steers around: each a problem that says what to do."""
    ipcoop("users", "add", "curator@wto.org", "--role", "curator", "--password", "pw-c")
    curator = bearer(ipcoop("tokens", "create", "curator@wto.org").strip())

    # a curator has no party of its own: a new report names one
    unnamed = client.post("/api/v1/reports", json={}, headers=curator)
    assert unnamed.status_code == 403
    assert "party" in unnamed.json()["detail"]
    rid = client.post("/api/v1/reports", json={"party": "CHE"}, headers=curator).json()["id"]

    # bytes that are no document the readers read
    junk = client.post(
        f"/api/v1/reports/{rid}/upload",
        files={"file": ("scan.bin", b"GIF89a\x01\x00\x01\x00", "application/octet-stream")},
        headers=curator,
    )
    assert junk.status_code == 422, junk.text
    assert junk.headers["content-type"].startswith("application/problem+json")
    assert "GIF" in junk.json()["detail"]

    # an end before the stored start disagrees with the record: a 409 naming the field
    added = client.post(
        f"/api/v1/reports/{rid}/activities",
        json={"title": "Seminar on trademarks", "start_date": "2024-05-02"},
        headers=curator,
    ).json()
    earlier = client.patch(
        f"/api/v1/reports/{rid}/activities/{added['id']}",
        json={"version": added["lock_version"], "end_date": "2024-04-30"},
        headers=curator,
    )
    assert earlier.status_code == 409, earlier.text
    assert [e["field"] for e in earlier.json()["errors"]] == ["end_date"]
