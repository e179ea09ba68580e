"""Search latency: the query shapes users ask, timed through the one search service."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from ipcoop.db import session_scope
from ipcoop.search import filters
from ipcoop.search.service import search
from ipcoop.stats.service import counts, profile

SHAPES: dict[str, Callable[[Any], object]] = {}


def shape(name: str) -> Callable[[Callable[[Any], object]], Callable[[Any], object]]:
    """Register a query shape."""

    def register(fn: Callable[[Any], object]) -> Callable[[Any], object]:
        SHAPES[name] = fn
        return fn

    return register


def _page(session: Any, **raw: Any) -> object:
    return search(session, filters.parse(**raw), limit=50)


shape("full text")(lambda s: _page(s, q="counterfeiting piracy"))
shape("beneficiary country")(lambda s: _page(s, beneficiary=["KHM"]))
shape("beneficiary group LDC")(lambda s: _page(s, beneficiary=["LDC"]))
shape("provider")(lambda s: _page(s, provider=["USA"]))
shape("year range")(lambda s: _page(s, year_from=2010, year_to=2015))
shape("topic")(lambda s: _page(s, topic=["geographical_indications"]))
shape("type")(lambda s: _page(s, type=["workshop"]))
shape("three filters + facets")(
    lambda s: _page(s, beneficiary=["ASEAN"], topic=["enforcement"], year_from=2005)
)
shape("deep page (offset 5,000)")(
    lambda s: search(
        s,
        filters.parse(),
        limit=50,
        facets=(),
        cursor=__import__("base64").urlsafe_b64encode(b'{"o": 5000}').decode(),
    )
)
shape("party profile")(lambda s: profile(s, "WIPO"))
shape("stats year x topic")(lambda s: counts(s, filters.parse(), ("year", "topic")))


def run(engine: Engine, backend: str, rows: int, repeat: int = 15) -> list[dict[str, Any]]:
    """p50/p95/p99 in milliseconds per shape (one warm-up call each)."""
    results = []
    for name, fn in SHAPES.items():
        timings = []
        for attempt in range(repeat + 1):
            with session_scope(engine) as session:
                started = time.perf_counter()
                fn(session)
                elapsed = (time.perf_counter() - started) * 1000
            if attempt:
                timings.append(elapsed)
        timings.sort()
        quantiles = statistics.quantiles(timings, n=100, method="inclusive")
        results.append(
            {
                "name": name,
                "backend": backend,
                "rows": rows,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(quantiles[94], 1),
                "p99_ms": round(quantiles[98], 1),
            }
        )
    return results
