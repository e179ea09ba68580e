"""The API keeps the contract its OpenAPI document states: schemathesis generates requests from
the document (examples, coverage and fuzzing phases, every check, a fixed seed) and sends them
to the real app on each database, with the seeds ingested and a bearer token of each role, made
by the real token code. A run must find nothing: no 500, no status, content type or header the
document does not state, no body off its schema, no schema-valid request refused, no invalid
one accepted, a 405 with Allow.

Three inputs are steered, and why. A cursor is valid only as the next_cursor of the same query
(it is bound to the filters and sort), a set no JSON Schema can state, so a positive case's
generated cursor is replaced by the one the API hands out for that query (or dropped when that
query has a single page). Random cursors are negative cases: a 422 problem (documented), also
tested in functional/test_api_hygiene.py. And an activity's end date is not before its start
date (the field says so), a rule between two fields that JSON Schema cannot state: a positive
body with both dates reversed has them swapped; reversed dates are a 422 (a 409 when one of them
is the stored one), tested in functional/test_review_api.py. And an upload is valid when it is a
document the readers read (DOCX, PDF, HTML or text), which no schema of bytes can state: a
positive case uploads a seed report; random bytes are a 422 problem naming what is wrong with the
file, tested in functional/test_review_api.py and test_bad_input.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis.engine import Status, events
from sqlalchemy import Engine

from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.review import accounts
from ipcoop.web.app import create_app

EXAMPLES = 15  # per operation and phase: enough to reach every parameter in a few minutes
SEED = 67


def _token(engine: Engine, email: str, role: str, party: str | None = None) -> str:
    with session_scope(engine) as session:
        accounts.add_user(session, email, role, party, "a long enough password 67")
        return accounts.create_token(session, email)[1]


def _config(token: str) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "cache": {"enabled": False},  # each run from the seed alone, nothing kept between
            "headers": {"Authorization": f"Bearer {token}"},
            "generation": {"max-examples": EXAMPLES},
            "phases": {"stateful": {"enabled": False}},
        }
    )


def _failures(schema: Any) -> list[str]:
    found: list[str] = []
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        found.append(
                            f"{event.recorder.label}: {check.name}: {failure.title}\n"
                            f"{failure.message}\n{check.failure_info.code_sample}"
                        )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            found.append(f"error: {getattr(event, 'value', getattr(event, 'exception', event))}")
    return sorted(set(found))


@pytest.mark.parametrize("role", ["reporter", "curator"])
def test_the_api_keeps_its_openapi_contract(
    engine: Engine, seed: Callable[[str], Path], tmp_path: Path, role: str
) -> None:
    papers = [seed(n) for n in ("000", "001", "002", "003", "004")]
    summary = ingest(engine, papers, Settings(data_dir=tmp_path))
    assert summary.count("rejected") == 0, summary.outcomes
    document = papers[3].read_bytes()
    token = _token(engine, f"{role}@example.org", role, "CHE" if role == "reporter" else None)
    app = create_app(engine)
    client = TestClient(app)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=_config(token))
    if role == "curator":
        # only the submission operations read the token: the others answer every caller alike
        # and are run once, with the reporter's
        schema = schema.include(tag="submission")

    @schema.hook
    def map_case(context: Any, case: Any) -> Any:
        if case.meta is None or not case.meta.generation.mode.is_positive:
            return case
        body = case.body if isinstance(case.body, dict) else {}
        if "file" in body:
            body["file"] = document
        start, end = body.get("start_date"), body.get("end_date")
        if isinstance(start, str) and isinstance(end, str) and end < start[: len(end)]:
            body["start_date"], body["end_date"] = end, start
        cursor = (case.query or {}).get("cursor")
        if cursor is None:
            return case
        asked = {k: v for k, v in case.query.items() if k != "cursor"}
        first = client.get(case.formatted_path, params=asked, headers=case.headers or {})
        given = first.json().get("next_cursor") if first.status_code == 200 else None
        if given:
            case.query["cursor"] = given
        else:
            del case.query["cursor"]
        return case

    failures = _failures(schema)
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures)
