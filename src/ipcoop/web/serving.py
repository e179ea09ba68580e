"""Serving the web application: one process, or several worker processes on one address.

Every worker builds the activity index as it starts, so the first searches do not pay for it.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine
from uvicorn.supervisors import Multiprocess

from ipcoop.db import session_scope
from ipcoop.search.index import current


def build_index(engine: Engine) -> None:
    """Build the activity index of the engine's database (what the first search would do)."""
    with session_scope(engine) as session:
        current(session)


def served_app() -> FastAPI:
    """The application `ipcoop serve` runs: the configured database, with the activity index
    built in a background thread as the worker starts (searches that arrive meanwhile wait for
    that one build instead of starting their own)."""
    from ipcoop.web.app import create_app

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(
            target=build_index, args=(app.state.engine,), name="index-build", daemon=True
        ).start()
        yield

    return create_app(lifespan=lifespan)


def listening_socket(host: str, port: int, shared: bool = False) -> socket.socket:
    """A bound TCP socket that worker processes can inherit; ``shared``: one of several
    sockets on the same address (SO_REUSEPORT), among which the kernel spreads connections.

    It is made with protocol IPPROTO_TCP, not 0 as uvicorn's own binding for ``--workers`` does:
    asyncio turns Nagle's algorithm off (TCP_NODELAY) only on connections accepted from such a
    socket, and with it on every keep-alive answer waits about 40 ms for the client's delayed
    ACK (uvicorn issue #3149).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


class WorkerSocket:
    """Each worker's own listening socket on the served address, in uvicorn's list of sockets.

    On one socket shared by every worker, the worker that wakes first accepts every connection
    waiting (asyncio accepts them all), and a connection kept alive stays with the worker that
    accepted it: in three rounds of four, all 32 of wrk's connections went to one of two
    workers, which answered 49 requests/s while the other idled (87 when they were spread).
    With a socket per worker (SO_REUSEPORT) the kernel spreads connections by their addresses.
    uvicorn's supervisor hands the same list to every worker it starts or restarts, pickled:
    this stands in the list and becomes, in each worker, a socket of that worker's own.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[object, tuple[str, int, bool]]:
        return listening_socket, (self.host, self.port, True)


def _refuse_if_answered(host: str, port: int) -> None:
    """Raise EADDRINUSE when something answers on the address: another server of this user
    that also shares its port would otherwise be joined silently, not reported."""
    asked = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
    try:
        with socket.create_connection((asked, port), timeout=1):
            pass
    except OSError:
        return
    raise OSError(errno.EADDRINUSE, "Address already in use")


def serve(host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted; with several workers, uvicorn's supervisor restarts any that die."""
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    config = uvicorn.Config(
        "ipcoop.web.serving:served_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
    if workers == 1:
        uvicorn.Server(config).run(sockets=[listening_socket(host, port)])
        return
    _refuse_if_answered(host, port)
    # bound, never listening: holds the address while workers come and go, and says now,
    # not in each worker, that a server which does not share its port has it
    with listening_socket(host, port, shared=True):
        Multiprocess(config, sockets=[WorkerSocket(host, port)]).run()  # type: ignore[list-item]
