"""Fixtures: real databases (an SQLite file and the PostgreSQL server), seeds, the app, the CLI.

The rules these follow are in tests/README.md."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from ipcoop.config import Settings
from ipcoop.db import make_engine
from ipcoop.ingest.service import ingest
from ipcoop.migrate import upgrade
from ipcoop.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "src" / "ipcoop" / "demo"
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
    "activity_links",
    "public_changes",
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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def blank_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of its own, per backend, for a test that migrates it itself."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'blank.sqlite3'}")
        yield engine
        engine.dispose()
        return
    yield from _postgres_engine()


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
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, int], Path]:
    """``hostile("pdf", pages)`` or ``hostile("docx", inflated_bytes)``: a hostile file
    (tests/hostile.py), built once per session in a folder of its own."""
    from hostile import docx_of_tiny_paragraphs, pdf_of_pages

    folder = tmp_path_factory.mktemp("hostile")
    built: dict[tuple[str, int], Path] = {}

    def make(suffix: str, size: int) -> Path:
        if (suffix, size) not in built:
            path = folder / f"{size}.{suffix}"
            maker = pdf_of_pages if suffix == "pdf" else docx_of_tiny_paragraphs
            built[suffix, size] = maker(path, size)
        return built[suffix, size]

    return make


@pytest.fixture(scope="session")
def seed() -> Callable[[str], Path]:
    """Finds a seed by its number prefix ("003")."""
    return seed_file


@pytest.fixture
def client_for(engine: Engine, tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Makes a test client of the app on the database after ingesting the given files (every
    one must be stored)."""
    with ExitStack() as stack:

        def make(*paths: Path) -> TestClient:
            summary = ingest(engine, list(paths), Settings(data_dir=tmp_path))
            assert summary.count("rejected") == 0, summary.outcomes
            return stack.enter_context(TestClient(create_app(engine)))

        yield make


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def run_cli() -> Cli:
    """Runs the ipcoop command in a child process on the SQLite file in ``data`` (or on the
    database at ``database_url``)."""

    def run(*args: str, data: Path, database_url: str = "") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "IPCOOP_DATA_DIR": str(data), "IPCOOP_DATABASE_URL": database_url}
        return subprocess.run(
            [sys.executable, "-m", "ipcoop.cli", *args],
            env=env,
            text=True,
            capture_output=True,
            timeout=300,
            check=False,
        )

    return run


@pytest.fixture
def cli(run_cli: Cli, tmp_path: Path) -> Cli:
    """Runs the ipcoop command on an SQLite file of the test's own (or ``data=``)."""

    def run(*args: str, data: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, data=data)

    return run


@pytest.fixture
def ipcoop(engine: Engine, run_cli: Cli, tmp_path: Path) -> Callable[..., str]:
    """Runs the ipcoop command on the test's database; its output (the command must succeed)."""
    url = engine.url.render_as_string(hide_password=False)

    def run(*args: str) -> str:
        result = run_cli(*args, data=tmp_path, database_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    return run


@pytest.fixture
def client(
    request: pytest.FixtureRequest,
    client_for: Callable[..., TestClient],
    seed: Callable[[str], Path],
) -> TestClient:
    """The app after ingesting what the test's ``ingested`` mark names: seeds by number, other
    files and folders by path (seed 003 when the test has no such mark)."""
    mark = request.node.get_closest_marker("ingested")
    given = mark.args if mark else ("003",)
    return client_for(*(seed(g) if isinstance(g, str) else g for g in given))


@pytest.fixture
def make_report(engine: Engine) -> Callable[..., int]:
    """Stores a report through the real store stage and returns its id: ``make_report(
    activities=[make_activity(title=...)], reporting_party="CHE")``; each call a new file."""
    from ipcoop.db import session_scope
    from ipcoop.ingest.records import ExtractedReport, PartyRef
    from ipcoop.ingest.store import store

    made = iter(range(1, 1 << 30))

    def make(
        activities: list[Any] | None = None, reporting_party: str | None = None, **fields: Any
    ) -> int:
        text = f"Report {next(made)}: " + "; ".join(a.title for a in activities or [])
        data = text.encode("utf-8")
        report = ExtractedReport(
            source=f"report-{uuid.uuid4().hex[:8]}.txt",
            sha256=hashlib.sha256(data).hexdigest(),
            media_type="text/plain",
            text=text,
            kind="art67_report",
            reporting_party=PartyRef(reporting_party, reporting_party) if reporting_party else None,
            activities=activities or [],
            **fields,
        )
        with session_scope(engine) as session:
            stored = store(session, report, data)
            assert stored is not None
            return stored.id

    return make


def make_activity(title: str = "Regional workshop on border measures", **fields: Any) -> Any:
    """An extracted activity with the given fields (dates as ``start="2021-03-03"``)."""
    from ipcoop.ingest.records import ExtractedActivity, PartialDate

    for name in ("start", "end"):
        if isinstance(fields.get(name), str):
            fields[name] = PartialDate(fields[name])
    return ExtractedActivity(title=title, **fields)


@pytest.fixture(name="make_activity")
def make_activity_fixture() -> Callable[..., Any]:
    """``make_activity`` as a fixture, for tests that build activities to store."""
    return make_activity
