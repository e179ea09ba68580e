"""The editing benchmark stage: searches while a draft is saved every fraction of a second
leave the data revision where it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[2]


def test_searches_while_a_draft_is_edited(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench.editing import measure
    from bench.populate import populate

    populate(engine, 2000, progress=False)
    found = measure(engine, engine.dialect.name, 2000, seconds=2.0, every=0.2)
    assert found["edits"] >= 3 and found["searches"] >= 10
    assert found["revision_moved"] is False
    assert found["p95_ms"] > 0
