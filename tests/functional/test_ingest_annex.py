"""Seed 003 (WCO annex) end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, select

from ipcoop.activities.models import Activity, ActivityParty
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.service import ingest
from ipcoop.reports.models import Report

Seed = Callable[[str], Path]

EXPECTED = [
    # start, end, beneficiaries, participants, city
    ("2022-09-26", "2022-09-30", ["LAO"], 28, "Vientiane"),
    ("2022-11-28", "2022-12-02", ["PHL"], 28, "Manila"),
    ("2022-11-28", "2022-12-02", ["ECU"], 20, "Guayaquil"),
    ("2022-12-06", "2022-12-08", ["PNG"], 30, None),
    ("2023-05-08", "2023-05-12", ["VNM"], 26, "Ho Chi Minh City"),
    ("2023-05-08", "2023-05-12", ["MLI"], 20, "Bamako"),
    ("2023-05-31", "2023-06-02", ["ARG", "BOL", "CHL", "PRY", "URY"], 26, "Iguazú"),
]


def _ingest(engine: Engine, tmp_path: Path, *paths: Path):  # type: ignore[no-untyped-def]
    return ingest(engine, list(paths), Settings(data_dir=tmp_path))


def test_seed_003_stores_seven_activities(engine: Engine, tmp_path: Path, seed: Seed) -> None:
    summary = _ingest(engine, tmp_path, seed("003"))
    assert [o.status for o in summary.outcomes] == ["stored"]
    with session_scope(engine) as session:
        report = session.scalars(select(Report)).one()
        assert report.kind == "art67_report"
        assert report.reporting_party_code == "WCO"
        assert report.communication_date == "2023-09-13"
        activities = list(session.scalars(select(Activity).order_by(Activity.position)))
        assert len(activities) == 7
        for activity, (start, end, beneficiaries, count, city) in zip(
            activities, EXPECTED, strict=True
        ):
            assert activity.start_date == start
            assert activity.end_date == end
            assert activity.date_precision == "day"
            assert [p.party_code for p in activity.parties if p.role == "beneficiary"] == (
                beneficiaries
            )
            assert [p.party_code for p in activity.parties if p.role == "provider"] == ["WCO"]
            assert activity.participants == count
            if city is not None:
                assert activity.city == city
        assert activities[3].participants_qualifier == "more than"
        assert activities[3].modality == "online"


def test_experts_home_countries_are_not_beneficiaries(
    engine: Engine, tmp_path: Path, seed: Seed
) -> None:
    _ingest(engine, tmp_path, seed("003"))
    with session_scope(engine) as session:
        ecuador = session.scalars(select(Activity).where(Activity.position == 3)).one()
        assert "Argentina" in (ecuador.description or "")
        codes = {p.party_code for p in ecuador.parties if p.role == "beneficiary"}
        assert codes == {"ECU"}


def test_same_title_and_dates_stay_two_activities(
    engine: Engine, tmp_path: Path, seed: Seed
) -> None:
    _ingest(engine, tmp_path, seed("003"))
    with session_scope(engine) as session:
        rows = session.execute(
            select(Activity.title, Activity.start_date, func.count())
            .group_by(Activity.title, Activity.start_date)
            .having(func.count() > 1)
        ).all()
        assert sorted(r[1] for r in rows) == ["2022-11-28", "2023-05-08"]


def test_ingesting_twice_stores_nothing_the_second_time(
    engine: Engine, tmp_path: Path, seed: Seed
) -> None:
    _ingest(engine, tmp_path, seed("003"))
    second = _ingest(engine, tmp_path, seed("003"))
    assert [o.status for o in second.outcomes] == ["skipped"]
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Report.id))) == 1
        assert session.scalar(select(func.count(Activity.id))) == 7


def test_every_value_has_evidence_in_the_report_text(
    engine: Engine, tmp_path: Path, seed: Seed
) -> None:
    _ingest(engine, tmp_path, seed("003"))
    with session_scope(engine) as session:
        report = session.scalars(select(Report)).one()
        rows = list(
            session.scalars(select(EvidenceRow).where(EvidenceRow.record_type == "activity"))
        )
        fields = {r.field for r in rows}
        assert {"title", "start_date", "beneficiaries", "participants", "location"} <= fields
        titles = [r for r in rows if r.field == "title"]
        assert len(titles) == 7
        for row in titles:
            assert report.text[row.start : row.end].startswith(("National", "Sub-regional"))
        benef = session.scalars(select(ActivityParty).where(ActivityParty.role == "beneficiary"))
        assert all(p.party_code for p in benef)
