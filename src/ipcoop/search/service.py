"""One search over activities: the result object that the API, the pages and the exports render."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipcoop import vocabularies
from ipcoop.activities.models import Activity
from ipcoop.config import get_settings
from ipcoop.parties import display_name
from ipcoop.search.filters import ActivityFilters, FilterError
from ipcoop.search.index import ActivityIndex, Mask, current, dimensions_of

T = TypeVar("T")
SORTS = ("relevance", "date", "-date", "title")
FACETS = (
    "beneficiary",
    "provider",
    "reporter",
    "year",
    "topic",
    "type",
    "audience",
    "modality",
    "kind",
)
FACET_SIZE = 30
# keys the cursor digest (not a secret: a cursor binds a query, it grants nothing)
_CURSOR_KEY = b"ipcoop cursor v2"


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with the number of matching activities."""

    code: str
    label: str
    count: int


@dataclass(slots=True)
class SearchResult:
    """Items of one page, the total, facet counts and the cursor of the next page."""

    total: int
    items: list[Activity]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    next_cursor: str | None = None
    sort: str = "date"


class CursorError(ValueError):
    """A cursor that this server did not make."""


def _binding(filters: ActivityFilters, sort: str) -> str:
    """A digest of the query a cursor belongs to: its filters and sort."""
    canonical = json.dumps([sorted(filters.as_params()), sort], ensure_ascii=False)
    return hashlib.blake2b(canonical.encode(), digest_size=8, key=_CURSOR_KEY).hexdigest()


def _encode(offset: int, binding: str) -> str:
    payload = json.dumps({"o": offset, "q": binding}).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def cursor_at(filters: ActivityFilters, offset: int, sort: str = "date") -> str:
    """The cursor of the page that starts at ``offset`` of this query (what a client would be
    given after paging that far)."""
    return _encode(offset, _binding(filters, sort))


def _decode(cursor: str | None, binding: str) -> int:
    """The offset of a cursor made for this query; CursorError for any other."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded))
        offset, made_for = int(data["o"]), str(data["q"])
    except (ValueError, KeyError, TypeError) as error:
        raise CursorError(
            f"cursor {cursor!r} is not one this server made; start again without a cursor"
        ) from error
    if offset < 0:
        raise CursorError(f"cursor {cursor!r} is not one this server made")
    if not hmac.compare_digest(made_for, binding):
        raise CursorError(
            f"cursor {cursor!r} belongs to another query (other filters or sort); "
            "a cursor only pages through the query that gave it: start again without it"
        )
    return offset


def label(facet: str, code: str) -> str:
    """A readable name for one value of a facet (or stats dimension): party names,
    vocabulary labels."""
    if facet in ("beneficiary", "provider", "reporter"):
        return display_name(code)
    vocabulary = {
        "topic": vocabularies.TOPICS,
        "type": vocabularies.TYPES,
        "audience": vocabularies.AUDIENCES,
    }.get(facet)
    if vocabulary is not None:
        return vocabulary.get(code, code)
    return code.replace("_", " ")


def facet_counts(
    index: ActivityIndex, mask: Mask | None, facet: str, size: int = FACET_SIZE
) -> list[FacetValue]:
    """Counts of matching activities per value of one facet: the largest first (years newest
    first among the largest)."""
    found = [(values[0], count) for values, count in index.tally(mask, (facet,)) if values[0]]
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    top = found[:size]
    if facet == "year":
        top.sort(key=lambda pair: pair[0], reverse=True)
    return [FacetValue(str(code), label(facet, str(code)), count) for code, count in top]


def facet_names(asked: Sequence[str]) -> tuple[str, ...]:
    """The facets a caller asked for (every facet when none); FilterError names an unknown one."""
    names = tuple(dict.fromkeys(a.strip() for a in asked if a.strip()))
    for name in names:
        if name not in FACETS and name != "none":
            raise FilterError("facet", name, "one of " + ", ".join(FACETS) + ", or none")
    if "none" in names:
        return ()
    return names or FACETS


def _activities(session: Session, ids: Sequence[int]) -> list[Activity]:
    """The activities with these ids, in the order given."""
    found = {a.id: a for a in session.scalars(select(Activity).where(Activity.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def search(
    session: Session,
    filters: ActivityFilters,
    *,
    sort: str = "date",
    cursor: str | None = None,
    limit: int | None = None,
    facets: tuple[str, ...] = FACETS,
) -> SearchResult:
    """Activities matching the filters: one page (of ``limit`` items, the page_size setting
    by default), the total, facet counts, the next cursor."""
    limit = limit or get_settings().page_size
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    binding = _binding(filters, sort)
    offset = _decode(cursor, binding)
    index = current(session)
    mask = index.mask(session, filters)
    ordered = index.ordered(session, mask, sort, filters.q)
    total = len(ordered)
    page = _activities(session, index.ids[ordered[offset : offset + limit]].tolist())
    result = SearchResult(total=total, items=page, sort=sort)
    if offset + len(page) < total:
        result.next_cursor = _encode(offset + len(page), binding)
    result.facets = {name: facet_counts(index, mask, name) for name in facets}
    return result


def iterate(
    session: Session,
    filters: ActivityFilters,
    *,
    load: Callable[[Session, Sequence[int]], list[T]],
    sort: str = "date",
    batch: int = 2000,
) -> Iterator[T]:
    """Every matching activity in order, as ``load`` reads a batch of ids (for streamed
    exports: ``ipcoop.activities.export.loader``). Only the index dimensions the filters use
    are built (an export of everything needs none)."""
    index = current(session, dimensions_of(filters))
    ordered = index.ordered(session, index.mask(session, filters), sort, filters.q)
    for start in range(0, len(ordered), batch):
        yield from load(session, index.ids[ordered[start : start + batch]].tolist())
