"""Fixtures: real databases (an SQLite file and the PostgreSQL server), seeds, the app."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from ipcoop.db import make_engine
from ipcoop.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PG_ADMIN_URL = os.environ.get(
    "IPCOOP_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
DATA_TABLES = (
    "audit_events",
    "login_failures",
    "web_sessions",
    "api_tokens",
    "accounts",
    "evidence",
    "activity_tags",
    "activity_parties",
    "activities",
    "programme_offers",
    "instruments",
    "reports",
    "originals",
)


def seed_file(prefix: str) -> Path:
    """The seed document whose name starts with prefix; skips only when ../shared is absent."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEEDS} is missing: CI must run with ../shared beside the clone")
        pytest.skip("../shared/seeds is not beside this checkout")
    matches = sorted(SEEDS.glob(f"{prefix}*"))
    assert matches, f"no seed starting with {prefix} in {SEEDS}"
    return matches[0]


def _postgres_engine() -> Iterator[Engine]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"ipcoop_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # the server is not there
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and could not be reached: {error}")
        pytest.skip(f"PostgreSQL not reachable: {error}")
    engine = make_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def migrated_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A migrated database with the reference data, once per backend per test run."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "ipcoop.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    generator = _postgres_engine()
    engine = next(generator)
    upgrade(engine)
    yield engine
    generator.close()


@pytest.fixture
def engine(migrated_engine: Engine) -> Iterator[Engine]:
    """The migrated database, emptied of records (reference data kept) after each test."""
    yield migrated_engine
    with migrated_engine.begin() as conn:
        for table in DATA_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(scope="session")
def seed() -> Callable[[str], Path]:
    """Finds a seed by its number prefix ("003")."""
    return seed_file
