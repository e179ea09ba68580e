"""Documents over a reading limit are rejected by `ipcoop ingest` and by an upload, naming the
limit, with nothing stored; the workers that read them end with the command that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from functional import test_review_api as review
from hostile import MIB, Hostile
from ipcoop.config import Settings, get_settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.reports.models import Report
from ipcoop.web.app import create_app

Cli = Callable[..., subprocess.CompletedProcess[str]]


def _reports(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count(Report.id))) or 0


def test_ingest_rejects_what_is_over_a_limit_and_stores_the_rest(
    engine: Engine, tmp_path: Path, hostile: Hostile, seed: Callable[[str], Path]
) -> None:
    summary = ingest(
        engine,
        [hostile("pdf", 600), hostile("docx", 50 * MIB), seed("003")],
        Settings(data_dir=tmp_path),
    )
    statuses = [(o.status, o.detail) for o in summary.outcomes]
    assert [s for s, _ in statuses] == ["rejected", "rejected", "stored"]
    assert "has 600 pages; the limit is 500 pages (IPCOOP_MAX_PDF_PAGES)" in statuses[0][1]
    assert "(IPCOOP_MAX_BLOCKS)" in statuses[1][1]
    assert _reports(engine) == 1


def test_the_command_reports_the_rejection(cli: Cli, hostile: Hostile) -> None:
    result = cli("ingest", str(hostile("pdf", 600)))
    assert result.returncode == 1
    assert "0 stored" in result.stdout and "1 rejected" in result.stdout
    assert "IPCOOP_MAX_PDF_PAGES" in result.stdout


def test_an_upload_over_a_limit_is_rejected_and_changes_nothing(
    engine: Engine, hostile: Hostile, seed: Callable[[str], Path], ipcoop: Callable[..., str]
) -> None:
    ipcoop("users", "add", "delegate@admin.ch", "--role", "reporter", "--party", "CHE")
    headers = review.bearer(ipcoop("tokens", "create", "delegate@admin.ch").strip())
    with TestClient(create_app(engine)) as client:
        created = client.post("/api/v1/reports", json={"title": "Swiss report"}, headers=headers)
        assert created.status_code == 201, created.text
        rid = created.json()["id"]
        files = {"file": ("long.pdf", hostile("pdf", 600).read_bytes(), "application/pdf")}
        refused = client.post(f"/api/v1/reports/{rid}/upload", files=files, headers=headers)
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert "IPCOOP_MAX_PDF_PAGES" in refused.json()["detail"]
        with session_scope(engine) as session:
            report = session.get(Report, rid)
            assert report is not None and not report.text and report.sha256 is None
        # the same worker path reads a real report
        files = {"file": ("003.txt", seed("003").read_bytes(), "text/plain")}
        taken = client.post(f"/api/v1/reports/{rid}/upload", files=files, headers=headers)
        assert taken.status_code == 201, taken.text
        assert len(taken.json()["activities"]) == 7


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    """Whether a process still runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_workers_end_when_the_command_is_killed(
    tmp_path: Path, seed: Callable[[str], Path]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = seed("000").read_text(encoding="utf-8")
    for i in range(60):  # enough files for a pool of one worker per core, each a few seconds
        (corpus / f"{i:02}.txt").write_text(f"Copy {i}\n" + text * 20, encoding="utf-8")
    env = {**os.environ, "IPCOOP_DATA_DIR": str(tmp_path), "IPCOOP_DATABASE_URL": ""}
    command = subprocess.Popen(
        [sys.executable, "-m", "ipcoop.cli", "ingest", str(corpus)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while not workers and time.monotonic() < deadline and command.poll() is None:
            time.sleep(0.05)
            workers = _children(command.pid)
        assert workers, "the command started no worker"
        time.sleep(0.5)  # let every worker start its initializer
        workers = _children(command.pid)
        assert all(_alive(pid) for pid in workers)
    finally:
        command.send_signal(signal.SIGKILL)
        command.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]


def test_a_body_over_the_upload_limit_is_refused_unread_by_api_and_page(
    engine: Engine, ipcoop: Callable[..., str]
) -> None:
    """Past IPCOOP_MAX_UPLOAD_BYTES a request is refused as it arrives (413, by its declared
    length), with what to do; the draft keeps no text and no file."""
    ipcoop("users", "add", "delegate@admin.ch", "--role", "reporter", "--party", "CHE")
    headers = review.bearer(ipcoop("tokens", "create", "delegate@admin.ch").strip())
    limit = get_settings().max_upload_bytes
    big = ("big.txt", b"x" * (limit + 1024 * 1024), "text/plain")
    with TestClient(create_app(engine)) as client:
        rid = client.post("/api/v1/reports", json={"title": "Swiss"}, headers=headers).json()["id"]
        refused = client.post(f"/api/v1/reports/{rid}/upload", files={"file": big}, headers=headers)
        assert refused.status_code == 413
        assert refused.headers["content-type"].startswith("application/problem+json")
        body = refused.json()
        assert body["limit"] == limit and "IPCOOP_MAX_UPLOAD_BYTES" in body["detail"]
        # a body sent without its length is counted as it arrives
        def chunks() -> Iterator[bytes]:
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
            for _ in range(limit // MIB + 2):
                yield b"x" * MIB
            yield b"\r\n--b--\r\n"

        streamed = client.post(
            f"/api/v1/reports/{rid}/upload",
            content=chunks(),
            headers={**headers, "content-type": "multipart/form-data; boundary=b"},
        )
        assert streamed.status_code == 413, streamed.text
        assert streamed.json()["limit"] == limit
        # the page's form gets a page saying the same
        page = client.post(f"/review/reports/{rid}/upload", files={"file": big})
        assert page.status_code == 413
        assert page.headers["content-type"].startswith("text/html")
        assert "File too large" in page.text and "smaller file" in page.text
        with session_scope(engine) as session:
            report = session.get(Report, rid)
            assert report is not None and not report.text and report.sha256 is None
