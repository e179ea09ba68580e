"""Export records (three driver queries per batch) give the very rows and items that ORM
activities give, on both databases: parties in order, unresolved names, formula-looking text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import selectinload

from ipcoop.activities import export
from ipcoop.activities.models import Activity, ActivityParty
from ipcoop.activities.service import item
from ipcoop.db import session_scope

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def populate(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench import populate

    yield populate


def test_records_export_like_orm_activities(engine: Engine, populate: ModuleType) -> None:
    populate.populate(engine, 300, seed=11, progress=False)
    with session_scope(engine) as session:
        session.execute(update(Activity).where(Activity.id == 7).values(title="=cmd|' /C calc'!A0"))
        session.add(ActivityParty(activity_id=7, role="partner", party_code=None, name="Nobody"))
        session.add(ActivityParty(activity_id=7, role="funding", party_code="NOR", name="Norge"))
    ids = [250, 7, 3, 120, 1, 300, 299, 9999]  # the export order, with an id that is not there
    with session_scope(engine) as session:
        with_reports = select(Activity).options(selectinload(Activity.report))
        found = {a.id: a for a in session.scalars(with_reports.where(Activity.id.in_(ids)))}
        activities = [found[i] for i in ids if i in found]
        records = export.load_records(session, ids)
        assert [r.id for r in records] == [a.id for a in activities] == ids[:-1]
        assert [export.row(r) for r in records] == [export.row(a) for a in activities]
        assert export.load_rows(session, ids) == [export.row(a) for a in activities]
        assert [export._item(r) for r in records] == [item(a) for a in activities]
        assert export.load_records(session, []) == []
        assert export.load_rows(session, []) == []
    seventh = dict(zip(export.COLUMNS, export.row(records[1]), strict=True))
    assert seventh["title"].startswith("'=")
    # the report's provider, then the unresolved partner and the funder, in the order stored
    assert seventh["providers.codes"].endswith("; ; NOR")
    assert seventh["providers"].endswith("; Nobody; Norway")
