"""The publishing benchmark stage: a publication brings readers' index to the new revision by
reading the reports it touched, and the index agrees with a full reading; the database keeps its
size afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from ipcoop.activities.models import Activity
from ipcoop.db import session_scope

ROOT = Path(__file__).resolve().parents[2]


def test_publications_at_a_small_size(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench.populate import populate
    from bench.publishing import measure

    populate(engine, 1000, progress=False)
    found = measure(engine, engine.dialect.name, 1000, rounds=2, activities=3)
    assert found["rounds"] == 2
    assert found["publish_ms"] > 0 and found["first_search_ms"] > 0
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 1000
