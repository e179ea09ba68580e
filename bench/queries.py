"""Search latency: the query shapes users ask, timed through the one search service."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from ipcoop.db import session_scope
from ipcoop.search import filters
from ipcoop.search.service import cursor_at, search
from ipcoop.stats.service import counts, profile

SHAPES: dict[str, Callable[[Any, int], object]] = {}


def shape(name: str) -> Callable[[Callable[[Any, int], object]], Callable[[Any, int], object]]:
    """Register a query shape."""

    def register(fn: Callable[[Any, int], object]) -> Callable[[Any, int], object]:
        SHAPES[name] = fn
        return fn

    return register


def _page(session: Any, **raw: Any) -> object:
    return search(session, filters.parse(**raw), limit=50)


shape("everything + facets")(lambda s, n: _page(s))
shape("full text")(lambda s, n: _page(s, q="counterfeiting piracy"))
# the index keeps recent full-text answers; this shape never asks the same words twice in a run
_WORDS = ("patent", "trademark", "copyright", "customs", "examination", "piracy", "training",
          "enforcement", "seminar", "indications", "genetic", "border")  # fmt: skip
_FRESH = itertools.cycle(f"{a} {b}" for a, b in itertools.combinations(_WORDS, 2))
shape("full text, new words each call")(lambda s, n: _page(s, q=next(_FRESH)))
shape("beneficiary country")(lambda s, n: _page(s, beneficiary=["KHM"]))
shape("beneficiary group LDC")(lambda s, n: _page(s, beneficiary=["LDC"]))
shape("provider")(lambda s, n: _page(s, provider=["USA"]))
shape("year range")(lambda s, n: _page(s, year_from=2010, year_to=2015))
shape("topic")(lambda s, n: _page(s, topic=["geographical_indications"]))
shape("type")(lambda s, n: _page(s, type=["workshop"]))
shape("three filters + facets")(
    lambda s, n: _page(s, beneficiary=["ASEAN"], topic=["enforcement"], year_from=2005)
)
shape("audience")(lambda s, n: _page(s, audience=["customs_officers"]))
shape("reporter")(lambda s, n: _page(s, reporter=["JPN"]))
shape("deep page (middle of everything)")(
    lambda s, n: search(
        s,
        filters.parse(),
        limit=50,
        facets=(),
        cursor=cursor_at(filters.parse(), n // 2),
    )
)
shape("party profile")(lambda s, n: profile(s, "WIPO"))
shape("stats year x topic")(lambda s, n: counts(s, filters.parse(), ("year", "topic")))


def run(engine: Engine, backend: str, rows: int, repeat: int = 30) -> list[dict[str, Any]]:
    """p50/p95/p99 in milliseconds per shape (one warm-up call each)."""
    results = []
    for name, fn in SHAPES.items():
        timings = []
        for attempt in range(repeat + 1):
            with session_scope(engine) as session:
                started = time.perf_counter()
                fn(session, rows)
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
