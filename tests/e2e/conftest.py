"""A real server (the `ipcoop` CLI) on a free port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(
    data: Path, documents: list[Path], run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> Iterator[str]:
    """Ingest the documents through the CLI into an SQLite file under data, and serve it."""
    env = {**os.environ, "IPCOOP_DATA_DIR": str(data), "IPCOOP_DATABASE_URL": ""}
    result = run_cli("ingest", *map(str, documents), data=data)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from serve(env)


def serve(env: dict[str, str]) -> Iterator[str]:
    """`ipcoop serve` with this environment on a free port, until the generator is closed."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ipcoop.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/openapi.json", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"the server did not start: {output}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def served(
    tmp_path_factory: pytest.TempPathFactory,
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> Iterator[Callable[[str, list[Path]], str]]:
    """Serves documents, ingested through the CLI into an SQLite file of their own, under a
    name; every server stops when the session ends."""
    with ExitStack() as servers:

        def serve_documents(name: str, documents: list[Path]) -> str:
            data = tmp_path_factory.mktemp(name)
            return servers.enter_context(contextmanager(_serve)(data, documents, run_cli))

        yield serve_documents


@pytest.fixture(scope="session")
def server(served: Callable[[str, list[Path]], str], seed: Callable[[str], Path]) -> str:
    """The served app on an SQLite file holding seed 003."""
    return served("server", [seed("003")])


@pytest.fixture(scope="session")
def seeds_server(served: Callable[[str, list[Path]], str], seed: Callable[[str], Path]) -> str:
    """The served app holding the five seeds."""
    return served("seeds-server", [seed(prefix) for prefix in ("000", "001", "002", "003", "004")])


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium, never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI: `make test` installs it with apt")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def artefacts(request: pytest.FixtureRequest) -> Callable[[str], Path]:
    """Where a test keeps screenshots (test-results/)."""
    root = Path(__file__).resolve().parents[2] / "test-results"
    root.mkdir(exist_ok=True)
    return lambda name: root / f"{request.node.name}-{name}.png"
