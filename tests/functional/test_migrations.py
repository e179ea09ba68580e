"""The migrations build exactly the schema the models declare, and the last one can be undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

import ipcoop.models  # noqa: F401  (every table on the metadata)
from ipcoop.db import Base, make_engine
from ipcoop.migrate import alembic_config, upgrade

# what the full-text module adds outside the models (ipcoop.search.fulltext)
_FULL_TEXT = ("_fts", "search_vector")


def _outside_models(change: Any) -> bool:
    return any(part in repr(change) for part in _FULL_TEXT)


def test_migrated_schema_matches_the_models(migrated_engine: Engine) -> None:
    with migrated_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [c for c in compare_metadata(context, Base.metadata) if not _outside_models(c)]
    assert diff == []


def test_rows_by_activity_indexes_go_back_and_forth(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    config = alembic_config(str(engine.url))

    def indexes() -> set[str]:
        found = inspect(engine)
        tables = ("activity_parties", "activity_tags")
        return {str(i["name"]) for t in tables for i in found.get_indexes(t)}

    assert {"ix_activity_parties_by_activity", "ix_activity_tags_by_activity"} <= indexes()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert {"ix_activity_parties_activity_id", "ix_activity_tags_activity_id"} <= indexes()
    assert not {"ix_activity_parties_by_activity", "ix_activity_tags_by_activity"} & indexes()
    upgrade(engine)
    assert {"ix_activity_parties_by_activity", "ix_activity_tags_by_activity"} <= indexes()
    engine.dispose()


def test_one_word_per_meaning_renames_and_restores(blank_engine: Engine) -> None:
    """0010 renames parties.kind to category and instruments.kind to form, with their indexes,
    keeping the values; its downgrade gives the old names back."""
    upgrade(blank_engine)
    config = alembic_config(blank_engine.url.render_as_string(hide_password=False))

    def shape() -> dict[str, tuple[set[str], set[str]]]:
        found = inspect(blank_engine)
        tables = ("parties", "instruments")
        columns = {t: {c["name"] for c in found.get_columns(t)} for t in tables}
        return {t: (columns[t], {str(i["name"]) for i in found.get_indexes(t)}) for t in tables}

    def category_of(code: str, column: str) -> str:
        with blank_engine.connect() as connection:
            query = text(f"SELECT {column} FROM parties WHERE code = :code")
            return str(connection.execute(query, {"code": code}).scalar_one())

    after = shape()
    assert {"category"} <= after["parties"][0] and "kind" not in after["parties"][0]
    assert {"form"} <= after["instruments"][0] and "kind" not in after["instruments"][0]
    assert "ix_parties_category" in after["parties"][1]
    assert "ix_instruments_form" in after["instruments"][1]
    assert category_of("WCO", "category") == "igo"
    with blank_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    before = shape()
    assert "kind" in before["parties"][0] and "category" not in before["parties"][0]
    assert "kind" in before["instruments"][0] and "form" not in before["instruments"][0]
    assert {"ix_parties_kind"} <= before["parties"][1]
    assert {"ix_instruments_kind"} <= before["instruments"][1]
    assert category_of("WCO", "kind") == "igo"
    upgrade(blank_engine)
    assert shape() == after and category_of("WCO", "category") == "igo"


def test_same_title_index_reads_in_the_order_shown_and_goes_back(tmp_path: Path) -> None:
    """0011: the same title newest first is read from the index in that order, with no sort of
    every activity of the title (SQLite's plan); downgrading restores the title-only index."""
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    same_title = (
        "EXPLAIN QUERY PLAN SELECT activities.id FROM activities"
        " JOIN reports ON reports.id = activities.report_id"
        " WHERE lower(activities.title) = 'a seminar' AND reports.state = 'published'"
        " ORDER BY activities.start_on DESC, activities.id LIMIT 20"
    )
    with engine.connect() as conn:
        plan = " / ".join(str(row[-1]) for row in conn.execute(text(same_title)))
    assert "ix_activities_same_title" in plan and "TEMP B-TREE" not in plan, plan
    config = alembic_config(str(engine.url))
    command.downgrade(config, "0010")
    with engine.connect() as conn:  # expression indexes are not reflected: ask SQLite itself
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    assert "ix_activities_title_lowercased" in names and "ix_activities_same_title" not in names
    engine.dispose()
