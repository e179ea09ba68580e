"""Bad input gets a clear message and changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select

from ipcoop.activities.models import Activity, ActivityParty
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.reports.models import Report

ANNEX = (
    "Name of programme or project\tNational Seminar on Patent Examination\n"
    "Date and end date\t3 March 2021 - 5 March 2021\n"
    "Beneficiary Member(s) or observer(s)\tKenya; Atlantis\n"
    "Brief description\tA seminar held in Nairobi, Kenya for 40 examiners.\n"
)


def _count(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count(Report.id))) or 0


def _one(engine: Engine, path: Path, tmp_path: Path, **settings: object) -> tuple[str, str]:
    summary = ingest(engine, [path], Settings(data_dir=tmp_path, **settings))
    outcome = summary.outcomes[0]
    return outcome.status, outcome.detail


def test_empty_file_is_rejected(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"   \n")
    status, detail = _one(engine, path, tmp_path)
    assert status == "rejected" and "empty" in detail.lower()
    assert _count(engine) == 0


def test_missing_file_is_rejected(engine: Engine, tmp_path: Path) -> None:
    status, detail = _one(engine, tmp_path / "nope.txt", tmp_path)
    assert status == "rejected" and "cannot be read" in detail


def test_oversized_file_is_rejected_unread(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ANNEX * 50, encoding="utf-8")
    status, detail = _one(engine, path, tmp_path, max_upload_bytes=1000)
    assert status == "rejected" and "limit" in detail and "IPCOOP_MAX_UPLOAD_BYTES" in detail
    assert _count(engine) == 0


def test_binary_garbage_is_rejected(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 8)
    status, _detail = _one(engine, path, tmp_path)
    assert status == "rejected"
    assert _count(engine) == 0


def test_unknown_country_is_kept_unresolved_and_reported(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "annex.txt"
    path.write_text(ANNEX, encoding="utf-8")
    status, detail = _one(engine, path, tmp_path)
    assert status == "stored" and "warning" in detail
    with session_scope(engine) as session:
        report = session.scalars(select(Report)).one()
        assert any("Atlantis" in w for w in report.warnings)
        activity = session.scalars(select(Activity)).one()
        assert activity.needs_review
        parties = session.scalars(
            select(ActivityParty)
            .where(ActivityParty.role == "beneficiary")
            .order_by(ActivityParty.id)
        ).all()
        assert [(p.party_code, p.name) for p in parties] == [("KEN", "Kenya"), (None, "Atlantis")]


def test_a_date_that_is_not_a_date_is_flagged(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "annex.txt"
    path.write_text(ANNEX.replace("3 March 2021 - 5 March 2021", "sometime soon"), encoding="utf-8")
    status, _ = _one(engine, path, tmp_path)
    assert status == "stored"
    with session_scope(engine) as session:
        activity = session.scalars(select(Activity)).one()
        assert activity.start_date is None and activity.needs_review
        assert any("sometime soon" in r for r in activity.review_reasons)
