"""The activity index: every activity's filterable values as columns in memory.

Filters become boolean masks over positions, facet and stats counts become ``bincount`` over the
values of the matching positions, and a page is the first matching positions in sort order. The
database stays the record: the index is rebuilt from it whenever the data revision moves, and
full text and the page's rows are read from it on each search.

Positions are numbered in the default order (newest start date first, undated last, then
highest id first), so the default sort needs no sorting at all.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, Engine, Select, String, cast, func, select
from sqlalchemy.orm import Session

import ipcoop.models  # noqa: F401  (every mapper, so relationships resolve in any process)
from ipcoop.activities.models import Activity, ActivityParty, ActivityTag
from ipcoop.db import changed_reports, current_revision
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report, public_report_ids
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.fulltext import FullText
from ipcoop.search.stopwords import searched_words
from ipcoop.vocabularies import PartyRole, TagVocabulary

Mask = NDArray[np.bool_]
Positions = NDArray[np.integer[Any]]
Vector = NDArray[np.int32]

# dimensions with one value per activity (None when absent), read from activities and reports
SINGLE = ("year", "type", "modality", "reporter", "kind")
# dimensions with any number of values per activity
MULTI = ("beneficiary", "provider", "topic", "audience")
DIMENSIONS = SINGLE + MULTI
_NO_DATE = np.iinfo(np.int32).max
# full-text answers kept per index (a common word's positions take a few hundred kB at 1M)
MATCHES_KEPT = 64


Bits = NDArray[np.uint64]


def _packed(mask: Mask) -> Bits:
    """A mask as bits, 64 positions to a word (position p is bit p % 64 of word p // 64)."""
    words = np.zeros(-(-len(mask) // 64) * 8, dtype=np.uint8)
    packed = np.packbits(mask, bitorder="little")
    words[: len(packed)] = packed
    return words.view(np.uint64)


def _unpacked(bits: Bits, size: int) -> Mask:
    """The mask that _packed made."""
    return np.unpackbits(bits.view(np.uint8), count=size, bitorder="little").view(bool)


@dataclass(slots=True)
class Dimension:
    """One dimension's values over ``size`` positions; value number 0 is None (no value).

    A single-valued dimension holds one value number per position (``pos`` is None). Any other
    holds (position, value) pairs: distinct, sorted by position, and at least one per position
    (the None pair when it has no value), so counting pairs counts activities.

    Each value also has its positions as a row of bits: filtering ORs rows, and counting the
    matching activities per value is a popcount of each row ANDed with the matching bits.
    """

    values: list[Any]
    size: int
    code: Vector
    pos: Vector | None = None
    _index: dict[Any, int] = field(default_factory=dict)
    # where each position's pairs start: those of position p are [offsets[p], offsets[p + 1])
    offsets: NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    bits: Bits = field(default_factory=lambda: np.zeros((0, 0), dtype=np.uint64))
    totals: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __post_init__(self) -> None:
        self._index = {v: i for i, v in enumerate(self.values)}
        positions = self.positions()
        if self.pos is not None:
            per_position = np.bincount(self.pos, minlength=self.size)
            self.offsets = np.concatenate(([0], np.cumsum(per_position)))
        self.bits = np.zeros((len(self.values), -(-self.size // 64)), dtype=np.uint64)
        bit = np.left_shift(np.uint64(1), (positions & 63).astype(np.uint64))
        np.bitwise_or.at(self.bits, (self.code, positions >> 6), bit)
        self.totals = np.bincount(self.code, minlength=len(self.values))

    @property
    def single(self) -> bool:
        return self.pos is None

    def positions(self) -> Vector:
        """The position of each pair."""
        return np.arange(len(self.code), dtype=np.int32) if self.pos is None else self.pos

    def codes_of(self, wanted: Iterable[Any]) -> NDArray[np.int64]:
        """The value numbers of the wanted values that occur (unknown values match nothing)."""
        return np.array([self._index[w] for w in wanted if w in self._index], dtype=np.int64)

    def having(self, wanted: Iterable[Any]) -> Mask:
        """Positions with at least one of the wanted values."""
        rows = self.bits[self.codes_of(wanted)]
        if not len(rows):
            return np.zeros(self.size, dtype=bool)
        return _unpacked(np.bitwise_or.reduce(rows, axis=0), self.size)

    def count(self, mask: Mask | None) -> NDArray[np.int64]:
        """Matching activities per value number."""
        if mask is None:
            return self.totals.copy()
        matching = np.bitwise_and(self.bits, _packed(mask))
        return np.bitwise_count(matching).sum(axis=1, dtype=np.int64)


def _dimension(
    size: int, positions: Vector, code: Vector, values: list[Any], *, single: bool
) -> Dimension:
    """A dimension from the position and value number of each pair (numbers ascending in the
    order the pairs come); positions without a pair get the None pair."""
    if single:
        dense = np.zeros(size, dtype=np.int32)
        dense[positions] = code
        return Dimension(values, size, dense)
    covered = np.zeros(size, dtype=bool)
    covered[positions] = True
    missing = np.flatnonzero(~covered).astype(np.int32)
    del covered
    pos = np.concatenate([missing, positions])
    code = np.concatenate([np.zeros(len(missing), dtype=np.int32), code])
    # sorted by position; a stable sort keeps each position's numbers ascending, so a pair
    # given twice (a country named directly and through its group) ends up next to itself
    order = np.argsort(pos, stable=True)
    pos, code = pos[order], code[order]
    del order
    repeated = np.zeros(len(pos), dtype=bool)
    repeated[1:] = (pos[1:] == pos[:-1]) & (code[1:] == code[:-1])
    if repeated.any():
        pos, code = pos[~repeated], code[~repeated]
    return Dimension(values, size, code, pos)


def _days(column: Sequence[Any]) -> Vector:
    """Dates (ISO text or date objects) as days since 1970; no date as _NO_DATE."""
    days = np.array([None if v is None else str(v)[:10] for v in column], dtype="datetime64[D]")
    out = days.astype(np.int32)
    out[np.isnat(days)] = _NO_DATE
    return out


def _day(value: date) -> int:
    return int(np.datetime64(value.isoformat(), "D").astype(np.int64))


@dataclass(slots=True)
class _Groups:
    """The activity ids per value of one column: ``ids[i]`` hold ``values[i]``."""

    values: list[Any]
    ids: list[NDArray[np.int64]]

    def numbered(self, position_of: Vector) -> tuple[Vector, Vector, list[Any]]:
        """(positions, value numbers, values): numbers count from 1 in group order and 0 is
        None, so ``values[number]`` is the value of a pair."""
        values: list[Any] = [None]
        numbers = []
        for value in self.values:
            if value is None:
                numbers.append(0)
            else:
                numbers.append(len(values))
                values.append(value)
        lengths = [len(ids) for ids in self.ids]
        ids = np.concatenate(self.ids) if self.ids else _EMPTY
        code = np.repeat(np.array(numbers, dtype=np.int32), lengths)
        positions, known = _positions(position_of, ids)
        return positions, code[known], values


def _positions(position_of: Vector, ids: NDArray[Any]) -> tuple[Vector, Mask]:
    """The positions of the ids the index holds, and which ids those are. An activity written
    after the index's own rows were read (PostgreSQL reads each statement afresh) has none: the
    write raised the revision, so the next search builds a new index with it."""
    known = ids < len(position_of)
    known[known] = position_of[ids[known]] >= 0
    return position_of[ids[known]].astype(np.int32), known


_EMPTY = np.empty(0, dtype=np.int32)


def _grouped(connection: Connection, value: Any, activity_id: Any, *where: Any) -> _Groups:
    """One row per value with the ids of its activities joined in one string, which the
    database builds: a million activities cost a few hundred rows, not a million."""
    ids_text = func.aggregate_strings(cast(activity_id, String), ",")
    query = select(value, ids_text).where(*where).group_by(value)
    if activity_id.table is not value.table:  # a value of the activity's report
        query = query.join_from(Activity, Report, Report.id == Activity.report_id)
    groups = _Groups([], [])
    for found, text in connection.execute(query):
        groups.values.append(found)
        groups.ids.append(np.fromstring(text, dtype=np.int64, sep=","))
    return groups


# the value columns of each dimension: (value, activity id, conditions)


def _tagged(vocabulary: TagVocabulary) -> Any:
    return ActivityTag.vocabulary == vocabulary


_COLUMNS: dict[str, tuple[Any, ...]] = {
    "year": (Activity.start_year, Activity.id),
    "type": (Activity.type, Activity.id),
    "modality": (Activity.modality, Activity.id),
    "reporter": (Report.reporting_party_code, Activity.id),
    "kind": (Report.kind, Activity.id),
    "beneficiary": (
        ActivityParty.party_code,
        ActivityParty.activity_id,
        ActivityParty.role == PartyRole.BENEFICIARY,
        ActivityParty.party_code.is_not(None),
    ),
    "provider": (
        ActivityParty.party_code,
        ActivityParty.activity_id,
        ActivityParty.role != PartyRole.BENEFICIARY,
        ActivityParty.party_code.is_not(None),
    ),
    "topic": (ActivityTag.code, ActivityTag.activity_id, _tagged(TagVocabulary.TOPIC)),
    "audience": (ActivityTag.code, ActivityTag.activity_id, _tagged(TagVocabulary.AUDIENCE)),
}


def _order_key(ids: NDArray[Any], starts: Vector) -> NDArray[np.uint64]:
    """The default order as one ascending number per activity: dated first, newest first,
    then highest id first (bit 63: undated; bits 31-62: the start day, reversed; bits 0-30:
    the id, reversed)."""
    undated = starts == _NO_DATE
    day = np.where(undated, 0, starts).astype(np.int64)
    return (
        (undated.astype(np.uint64) << np.uint64(63))
        | ((np.int64(2**31 - 1) - day).astype(np.uint64) << np.uint64(31))
        | (np.int64(2**31 - 1) - ids.astype(np.int64)).astype(np.uint64)
    )


def _pairs(
    connection: Connection, name: str, position_of: Vector, *activities: Any
) -> tuple[Vector, Vector, list[Any]]:
    """(positions, value numbers, values) of one dimension's values, of the activities whose
    ids the optional ``activities`` select gives (every activity otherwise)."""
    value, activity_id, *where = _COLUMNS[name]
    where += [activity_id.in_(a) for a in activities]
    return _grouped(connection, value, activity_id, *where).numbered(position_of)


class ActivityIndex:
    """Every activity's filterable values at one data revision."""

    def __init__(
        self, number: int, ids: NDArray[np.int64], starts: Vector, *, in_order: bool = False
    ) -> None:
        """An index of these activities with their start days (in any order, unless
        ``in_order`` says they are in the default order already)."""
        self.revision = number
        size = self.size = len(ids)
        order = slice(None) if in_order else np.argsort(_order_key(ids, starts), stable=True)
        self.ids = ids[order].astype(np.int32)
        self.starts = starts[order].astype(np.int32)
        self.position_of = np.full(int(ids.max(initial=0)) + 1, -1, dtype=np.int32)
        self.position_of[self.ids] = np.arange(size, dtype=np.int32)
        # built when first asked for (see add): an export of everything needs none of them
        self.dimensions: dict[str, Dimension] = {}
        self.years = np.zeros(0, dtype=np.int32)
        self._groups: dict[str, Mask] = {}
        self._group_bits: dict[str, Bits] = {}  # see group_bits()
        self._orders: dict[str, Positions] = {}
        self._matches: OrderedDict[tuple[str, bool], Positions] = OrderedDict()
        self._columns: dict[str, Vector] = {}
        self._generated: Mask | None = None  # see generated()
        self._lock = threading.Lock()

    @classmethod
    def read(cls, connection: Connection, number: int, *where: Any) -> ActivityIndex:
        """The public activities (those matching ``where`` too), without dimensions."""
        dates = _grouped(
            connection,
            Activity.start_on,
            Activity.id,
            Activity.report_id.in_(public_report_ids()),
            *where,
        )
        ids = np.concatenate(dates.ids) if dates.ids else np.empty(0, dtype=np.int64)
        return cls(number, ids, np.repeat(_days(dates.values), [len(i) for i in dates.ids]))

    def add(self, connection: Connection, names: Iterable[str]) -> None:
        """Build the named dimensions that are not built yet (at this index's revision: the
        caller has checked the connection sees it)."""
        for name in names:
            if name in self.dimensions:
                continue
            positions, code, values = _pairs(connection, name, self.position_of)
            self._set(name, _dimension(self.size, positions, code, values, single=name in SINGLE))

    def _set(self, name: str, dimension: Dimension) -> None:
        if name == "year":
            year_values = np.array([v or 0 for v in dimension.values], dtype=np.int32)
            self.years = year_values[dimension.code]
        self.dimensions[name] = dimension

    def updated(self, connection: Connection, number: int, reports: Iterable[int]) -> ActivityIndex:
        """A new index at revision ``number``: this one with the activities of these reports
        read again (dropped, then added back when their report is public). Only their rows are
        read; the other activities' values are carried over from this index."""
        of_reports = Activity.report_id.in_(sorted(reports))
        touched_ids = select(Activity.id).where(of_reports)
        touched = np.array(connection.scalars(touched_ids).all(), dtype=np.int64)
        kept = ~np.isin(self.ids, touched)
        fresh = ActivityIndex.read(connection, number, of_reports)
        # both in the default order: the fresh ones are merged in, nothing is sorted again
        ids, starts = self.ids[kept].astype(np.int64), self.starts[kept]
        at = np.searchsorted(_order_key(ids, starts), _order_key(fresh.ids, fresh.starts))
        index = ActivityIndex(
            number,
            np.insert(ids, at, fresh.ids),
            np.insert(starts, at, fresh.starts),
            in_order=True,
        )
        for name, old in self.dimensions.items():
            positions, code, values = _pairs(connection, name, index.position_of, touched_ids)
            # the old pairs of the activities kept, renumbered into the merged values
            old_ids = self.ids[old.positions()]
            keep = kept[old.positions()] & (old.code != 0)
            merged = list(old.values)
            number_of = {v: i for i, v in enumerate(merged)}
            for value in values:
                if value not in number_of:
                    number_of[value] = len(merged)
                    merged.append(value)
            renumber = np.array([number_of[v] for v in values], dtype=np.int32)
            index._set(
                name,
                _dimension(
                    index.size,
                    np.concatenate([index.position_of[old_ids[keep]], positions]),
                    np.concatenate([old.code[keep], renumber[code]]).astype(np.int32),
                    merged,
                    single=name in SINGLE,
                ),
            )
        for name, old_column in self._columns.items():
            column = np.zeros(index.size, dtype=np.int32)
            column[index.position_of[self.ids[kept]]] = old_column[kept]
            index._fill(connection, name, column, of_reports)
            index._columns[name] = column
        return index

    def column(self, session: Session, name: str) -> Vector:
        """An integer (or boolean, as 0 and 1) column of activities by position, None as 0;
        read when a filter first asks for it (``report_id`` or ``needs_review``)."""
        with self._lock:
            found = self._columns.get(name)
            if found is None:
                found = np.zeros(self.size, dtype=np.int32)
                self._fill(session.connection(), name, found)
                self._columns[name] = found
            return found

    def generated(self, session: Session) -> Mask:
        """Positions of the activities of generated reports, read once per index (a report's
        provenance is set when it is ingested, which makes a new index): every search and
        profile leaves them out by default, and reading them per call cost a scan of reports.
        Their ids are asked for, not every activity's report (0.7 s at 1M activities)."""
        found = self._generated
        if found is None:
            made = session.scalars(
                select(Activity.id)
                .join(Report, Report.id == Activity.report_id)
                .where(Report.generated)
            ).all()
            found = np.zeros(self.size, dtype=bool)
            found[_positions(self.position_of, np.array(made, dtype=np.int64))[0]] = True
            self._generated = found
        return found

    def _fill(self, connection: Connection, name: str, column: Vector, *where: Any) -> None:
        """Set the column's values of the activities read (those matching ``where``)."""
        groups = _grouped(connection, getattr(Activity, name), Activity.id, *where)
        for value, ids in zip(groups.values, groups.ids, strict=True):
            column[_positions(self.position_of, ids)[0]] = int(value or 0)

    # -- filters -----------------------------------------------------------------------------

    def mask(self, session: Session, filters: ActivityFilters) -> Mask | None:
        """Positions matching every filter; None when nothing narrows (everything matches)."""
        masks: list[Mask] = []
        if filters.q:
            matched = self.full_text(session, filters.q, ranked=False)
            if matched is not None:
                hit = np.zeros(self.size, dtype=bool)
                hit[matched] = True
                masks.append(hit)
        if filters.beneficiary:
            masks.append(self.beneficiary(filters.beneficiary))
        if filters.provider:
            resolver = Resolver.default()
            bodies = {d for code in filters.provider for d in resolver.descendants(code)}
            masks.append(self.dimensions["provider"].having(bodies))
        for name in ("reporter", "topic", "audience", "type", "modality", "kind"):
            wanted = getattr(filters, name)
            if wanted:
                masks.append(self.dimensions[name].having(wanted))
        if filters.report_id is not None:
            masks.append(self.column(session, "report_id") == filters.report_id)
        if filters.year_from is not None:
            masks.append((self.years >= filters.year_from) & (self.years != 0))
        if filters.year_to is not None:
            masks.append((self.years <= filters.year_to) & (self.years != 0))
        if filters.needs_review is not None:
            masks.append(self.column(session, "needs_review") == int(filters.needs_review))
        if filters.generated:
            hit = self.generated(session)
            if filters.generated == "only":
                masks.append(hit)
            elif hit.any():  # leaving out nothing must not turn "everything" into a mask
                masks.append(~hit)
        if not masks:
            return None
        combined = masks[0]
        for other in masks[1:]:
            combined = combined & other
        return combined

    def full_text(self, session: Session, query: str, *, ranked: bool) -> Positions | None:
        """Positions of the activities matching every word (best first when ``ranked``); None
        when the query has no words.

        The last MATCHES_KEPT answers are kept with the index, so they hold for its revision
        only: asking again (the next page, another facet) does not ask the database again.
        """
        key = (" ".join(searched_words(query)).casefold(), ranked)
        with self._lock:
            kept = self._matches.get(key)
            if kept is not None:
                self._matches.move_to_end(key)
                return kept
        found = FullText.for_engine(session.get_bind()).ids(
            session.connection(), "activities", query, ranked=ranked
        )
        if found is None:
            return None
        ids = np.array(found, dtype=np.int64)
        ids = ids[ids < len(self.position_of)]
        positions = self.position_of[ids]
        positions = positions[positions >= 0]
        with self._lock:
            self._matches[key] = positions
            while len(self._matches) > MATCHES_KEPT:
                self._matches.popitem(last=False)
        return positions

    def beneficiary(self, codes: Sequence[str]) -> Mask:
        """Activities with a beneficiary among the codes, or a member of one of the groups on
        the activity's start date (at any time when the activity or the membership is undated)."""
        resolver = Resolver.default()
        dimension = self.dimensions["beneficiary"]
        mask = dimension.having(codes)
        for group in (c for c in codes if resolver.is_group(c)):
            mask |= self.group(group)
        return mask

    def group(self, code: str) -> Mask:
        """Activities with a beneficiary that was a member of the group on their start date."""
        return _unpacked(self.group_bits(code), self.size)

    def group_bits(self, code: str) -> Bits:
        """``group(code)`` as bits, kept per index: 125 kB at 1M activities where the mask
        takes 1 MB, and counting a search's matches in the group is one AND and a popcount."""
        cached = self._group_bits.get(code)
        if cached is None:
            positions = self.dimensions["beneficiary"].positions()[self.group_pairs(code)]
            hit = np.zeros(self.size, dtype=bool)
            hit[positions] = True
            cached = _packed(hit)
            with self._lock:
                self._group_bits[code] = cached
        return cached

    def group_counts(self, mask: Mask | None, codes: Iterable[str]) -> dict[str, int]:
        """Per group: the matching activities in ``group(code)``."""
        matching = None if mask is None else _packed(mask)
        counts = {}
        for code in codes:
            bits = self.group_bits(code)
            if matching is not None:
                bits = bits & matching
            counts[code] = int(np.bitwise_count(bits).sum(dtype=np.int64))
        return counts

    def group_pairs(self, code: str) -> Mask:
        """Which beneficiary pairs name a member of the group on the activity's start date (at
        any time of the membership when the activity is undated, and vice versa).

        Each member's first span of membership is looked up for every pair at once, then its
        second span (a member that left and came back), and so on: a few passes over the pairs
        however many members the group has."""
        with self._lock:
            cached = self._groups.get(code)
            if cached is not None:
                return cached
            dimension = self.dimensions["beneficiary"]
            spans: dict[str, list[tuple[date | None, date | None]]] = {}
            for membership in Resolver.default().memberships():
                if membership.group == code:
                    spans.setdefault(membership.member, []).append(
                        (membership.start, membership.end)
                    )
            hit = np.zeros(len(dimension.code), dtype=bool)
            on = self.starts[dimension.positions()]
            undated = on == _NO_DATE
            for layer in range(max(map(len, spans.values()), default=0)):
                is_member = np.zeros(len(dimension.values), dtype=bool)
                since = np.full(len(dimension.values), np.iinfo(np.int32).min, dtype=np.int32)
                until = np.full(len(dimension.values), np.iinfo(np.int32).max, dtype=np.int32)
                for member, dated_spans in spans.items():
                    number = dimension.codes_of([member])
                    if layer >= len(dated_spans) or not len(number):
                        continue
                    start, end = dated_spans[layer]
                    is_member[number] = True
                    if start is not None:
                        since[number] = _day(start)
                    if end is not None:
                        until[number] = _day(end)
                pair_code = dimension.code
                within = (on >= since[pair_code]) & (on < until[pair_code])
                hit |= is_member[pair_code] & (undated | within)
            self._groups[code] = hit
            return hit

    # -- counts ------------------------------------------------------------------------------

    def tally(self, mask: Mask | None, names: Sequence[str]) -> list[tuple[tuple[Any, ...], int]]:
        """Matching activities per combination of values of one or two dimensions.

        An activity without a value is counted under None; one with several values of a
        dimension is counted once under each.
        """
        first = self.dimensions[names[0]]
        if len(names) == 1:
            counts = first.count(mask)
            return [((first.values[i],), int(counts[i])) for i in np.flatnonzero(counts)]
        second = self.dimensions[names[1]]
        if first.single or second.single:
            # walk the pairs of the dimension with several values per activity (every position
            # when neither has), reading the other's one value at each position
            walked, read = (first, second) if second.single else (second, first)
            pos, walked_code = walked.positions(), walked.code
            if mask is not None:
                keep = mask[pos]
                pos, walked_code = pos[keep], walked_code[keep]
            read_code = read.code[pos]
            code, other = (walked_code, read_code) if walked is first else (read_code, walked_code)
        else:  # pair every (position, first value) with each second value of that position
            pos, code = first.positions(), first.code
            if mask is not None:
                keep = mask[pos]
                pos, code = pos[keep], code[keep]
            starts = second.offsets[pos]
            lengths = second.offsets[pos + 1] - starts
            code = np.repeat(code, lengths)
            steps = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            other = second.code[np.repeat(starts, lengths) + steps]
        width = len(second.values)
        counts = np.bincount(code * width + other, minlength=len(first.values) * width)
        return [
            ((first.values[i // width], second.values[i % width]), int(counts[i]))
            for i in np.flatnonzero(counts)
        ]

    def members_reached(self, mask: Mask | None, group: str) -> dict[str, int]:
        """Per member of the group: the matching activities it received while a member."""
        dimension = self.dimensions["beneficiary"]
        hit = self.group_pairs(group)
        if mask is not None:
            hit = hit & mask[dimension.positions()]
        counts = np.bincount(dimension.code[hit], minlength=len(dimension.values))
        return {dimension.values[i]: int(counts[i]) for i in np.flatnonzero(counts)}

    # -- order -------------------------------------------------------------------------------

    def ordered(self, session: Session, mask: Mask | None, sort: str, q: str = "") -> Positions:
        """Matching positions in the order of ``sort`` (relevance needs the query)."""
        if sort == "relevance" and q:
            ranked = self.full_text(session, q, ranked=True)
            if ranked is not None:
                return ranked if mask is None else ranked[mask[ranked]]
        if sort in ("title", "-date"):
            order = self.order(session, sort)
            return order if mask is None else order[mask[order]]
        if mask is None:
            return np.arange(self.size, dtype=np.int64)
        return np.flatnonzero(mask)

    def order(self, session: Session, sort: str) -> Positions:
        """All positions in the order of ``sort``: titles as the database collates them."""
        with self._lock:
            cached = self._orders.get(sort)
            if cached is not None:
                return cached
            if sort == "title":
                ids = np.array(session.scalars(_ids_by_title()).all(), dtype=np.int64)
                order = _positions(self.position_of, ids)[0].astype(np.int64)
            else:  # -date: oldest first, undated last, then lowest id first
                undated = self.starts == _NO_DATE
                order = np.lexsort((self.ids, self.starts, undated)).astype(np.int64)
            self._orders[sort] = order
            return order


def _ids_by_title() -> Select[int]:
    """Activity ids in title order (the database's collation), then id."""
    return select(Activity.id).order_by(Activity.title, Activity.id)


_INDEXES: weakref.WeakKeyDictionary[Engine, ActivityIndex] = weakref.WeakKeyDictionary()
_BUILDING: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def _give_back_freed_memory() -> None:
    """Return the heap the build freed to the system: glibc keeps freed blocks for reuse, which
    at a million activities is about a hundred MB the process would hold for nothing."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to give back
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def current(session: Session, dimensions: Iterable[str] = DIMENSIONS) -> ActivityIndex:
    """The index at the database's current revision, holding at least the named dimensions
    (rebuilt once when the revision moved, or only the reports that changed when every public
    change since is listed; dimensions are added when first asked for)."""
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    connection = session.connection()
    number = current_revision(connection)
    wanted = set(dimensions)
    index = _INDEXES.get(engine)
    if index is not None and index.revision == number and wanted <= index.dimensions.keys():
        return index
    with _GUARD:
        lock = _BUILDING.setdefault(engine, threading.Lock())
    with lock:
        index = _INDEXES.get(engine)
        if index is None or index.revision > number:
            index = _INDEXES[engine] = ActivityIndex.read(connection, number)
        elif index.revision < number:
            changed = changed_reports(connection, index.revision, number)
            if changed is None:
                index = ActivityIndex.read(connection, number)
            else:
                index = index.updated(connection, number, changed)
            _INDEXES[engine] = index
        if not wanted <= index.dimensions.keys():
            index.add(connection, [name for name in DIMENSIONS if name in wanted])
        # what exists now lives as long as the index: keep the collector off it
        gc.collect()
        gc.freeze()
        _give_back_freed_memory()
        return index


def dimensions_of(filters: ActivityFilters) -> set[str]:
    """The dimensions an index needs to apply these filters."""
    used = {name for name in DIMENSIONS if getattr(filters, name, None)}
    if filters.year_from is not None or filters.year_to is not None:
        used.add("year")
    return used
