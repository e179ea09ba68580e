"""The migrations build exactly the schema the models declare, and the last one can be undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

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
