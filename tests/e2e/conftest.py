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
def server(
    tmp_path_factory: pytest.TempPathFactory,
    seed: Callable[[str], Path],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> Iterator[str]:
    """The served app on an SQLite file holding seed 003, ingested through the CLI."""
    yield from _serve(tmp_path_factory.mktemp("server"), [seed("003")], run_cli)


@pytest.fixture(scope="session")
def seeds_server(
    tmp_path_factory: pytest.TempPathFactory,
    seed: Callable[[str], Path],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> Iterator[str]:
    """The served app holding the five seeds."""
    documents = [seed(prefix) for prefix in ("000", "001", "002", "003", "004")]
    yield from _serve(tmp_path_factory.mktemp("seeds-server"), documents, run_cli)


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
