"""`ipcoop serve`: worker processes on one listening socket, Nagle off, a clear error for a port in
use. Real processes and real sockets on loopback."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from ipcoop.quality.synth import generate
from ipcoop.web.serving import listening_socket


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces: the fields after its closing parenthesis are fixed
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _workers(server: subprocess.Popen[bytes]) -> list[int]:
    """The worker processes uvicorn's supervisor spawned for ``server``."""
    return [
        pid
        for pid in _children(server.pid)
        if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


def test_accepted_connections_have_nagle_off() -> None:
    """asyncio sets TCP_NODELAY on connections accepted from the socket workers share."""
    seen: list[int] = []

    async def scenario() -> None:
        sock = listening_socket("127.0.0.1", 0)
        port = sock.getsockname()[1]

        async def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            conn = writer.get_extra_info("socket")
            seen.append(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    # in a thread of its own: the browser tests' driver may own this thread's event loop
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, scenario()).result()
    assert seen and seen[0] != 0


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A data folder holding two generated reports, ingested through the CLI."""
    environment = {**os.environ, "IPCOOP_DATA_DIR": str(tmp_path), "IPCOOP_DATABASE_URL": ""}
    corpus = tmp_path / "corpus"
    generate(corpus, reports=2, seed=67)
    (corpus / "truth.json").unlink()
    done = subprocess.run(
        [sys.executable, "-m", "ipcoop.cli", "ingest", str(corpus)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return environment


@pytest.fixture
def two_workers(env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ipcoop.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            assert process.poll() is None, "the server exited"
            try:
                if httpx.get(base + "/api/v1/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_runs_two_workers_that_answer_searches(
    two_workers: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, process = two_workers
    spawned = _workers(process)
    assert len(spawned) == 2, spawned
    # several connections, so both workers are likely to be asked; all must answer the same
    totals = set()
    for _ in range(8):
        with httpx.Client(base_url=base, timeout=30) as client:
            response = client.get("/api/v1/activities", params={"type": "workshop"})
            assert response.status_code == 200, response.text
            totals.add(response.json()["total"])
    assert len(totals) == 1 and totals.pop() > 0


def _connections_held(pids: list[int], port: int) -> dict[int, int]:
    """Per process: the established TCP connections it holds whose local port is ``port``
    (sockets of /proc/net/tcp matched to each process's open files by inode)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
            inodes.add(f"socket:[{fields[9]}]")
    held = {}
    for pid in pids:
        fds = Path(f"/proc/{pid}/fd")
        held[pid] = sum(1 for fd in fds.iterdir() if os.readlink(fd) in inodes)
    return held


def test_connections_are_spread_over_the_workers(
    two_workers: tuple[str, subprocess.Popen[bytes]],
) -> None:
    """32 connections opened at once, kept alive: each worker holds a share (on one shared
    socket the first worker to wake took all of them). With an even spread, either worker
    getting fewer than 4 of 32 has a chance of about 3 in a million."""
    base, process = two_workers
    workers = _workers(process)
    port = int(base.rsplit(":", 1)[1])
    clients = [httpx.Client(base_url=base, timeout=30) for _ in range(32)]
    try:
        with ThreadPoolExecutor(32) as pool:
            answers = list(pool.map(lambda c: c.get("/api/v1/activities?limit=1"), clients))
        assert all(a.status_code == 200 for a in answers)
        held = _connections_held(workers, port)
        assert sum(held.values()) == 32, held
        assert min(held.values()) >= 4, held
    finally:
        for client in clients:
            client.close()


def _refused(env: dict[str, str], port: int, *options: str) -> str:
    """Run `ipcoop serve` on a port something holds: it must exit 1 saying so; its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "ipcoop.cli", "serve", "--port", str(port), *options],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in done.stderr
    return done.stderr


def test_a_second_server_on_the_same_port_says_so(
    two_workers: tuple[str, subprocess.Popen[bytes]], env: dict[str, str]
) -> None:
    """Workers share their port with each other, never with another server."""
    _refused(env, int(two_workers[0].rsplit(":", 1)[1]), "--workers", "2")


def test_serve_on_a_port_in_use_says_so(env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert "--port" in _refused(env, taken.getsockname()[1])


def test_a_served_worker_builds_the_index_as_it_starts(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No search is asked: the index is there because the worker built it at start."""
    from fastapi.testclient import TestClient

    from ipcoop.config import get_settings
    from ipcoop.db import get_engine
    from ipcoop.search.index import _INDEXES, DIMENSIONS
    from ipcoop.web.serving import served_app

    monkeypatch.setenv("IPCOOP_DATA_DIR", env["IPCOOP_DATA_DIR"])
    monkeypatch.setenv("IPCOOP_DATABASE_URL", "")
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        app = served_app()
        engine = app.state.engine
        assert engine not in _INDEXES
        with TestClient(app):
            deadline = time.monotonic() + 60
            while engine not in _INDEXES or set(_INDEXES[engine].dimensions) != set(DIMENSIONS):
                assert time.monotonic() < deadline, "no index 60 s after the start"
                time.sleep(0.05)
        assert _INDEXES[engine].size > 0
    finally:
        get_settings.cache_clear()
        get_engine.cache_clear()
