"""Serving the web application: one process, or several worker processes on one socket.

Every worker builds the activity index as it starts, so the first searches do not pay for it.
"""

from __future__ import annotations

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


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket that worker processes can inherit.

    It is made with protocol IPPROTO_TCP, not 0 as uvicorn's own binding for ``--workers`` does:
    asyncio turns Nagle's algorithm off (TCP_NODELAY) only on connections accepted from such a
    socket, and with it on every keep-alive answer waits about 40 ms for the client's delayed
    ACK (uvicorn issue #3149).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


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
    sock = listening_socket(host, port)
    if workers == 1:
        uvicorn.Server(config).run(sockets=[sock])
    else:
        Multiprocess(config, sockets=[sock]).run()
