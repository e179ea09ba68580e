"""The activity index answers exactly what a plain reading of every stored activity answers.

The oracle below loads every activity with its parties, tags and report and applies each filter
to one activity at a time, as a person reading the rows would; the search service must agree on
the total, the order of the page and every facet count, on both databases.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text, update

from ipcoop.activities.export import load_records, load_rows
from ipcoop.activities.models import Activity
from ipcoop.activities.service import related
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest.records import PartyRef
from ipcoop.ingest.service import ingest
from ipcoop.parties.resolver import Resolver
from ipcoop.quality.synth import generate
from ipcoop.reports.models import Report
from ipcoop.search import filters as search_filters
from ipcoop.search.index import DIMENSIONS, current
from ipcoop.search.service import FACETS, iterate, search
from ipcoop.stats.service import counts
from ipcoop.web.facets import groups


@dataclass
class Row:
    """One stored activity as the oracle reads it."""

    id: int
    start_on: date | None
    year: int | None
    title: str
    values: dict[str, set[Any]]
    report_id: int


def _rows(engine: Engine) -> list[Row]:
    out = []
    with session_scope(engine) as session:
        reports = {r.id: r for r in session.scalars(select(Report))}
        for a in session.scalars(select(Activity)):
            report = reports[a.report_id]
            values: dict[str, set[Any]] = {
                "beneficiary": {
                    p.party_code for p in a.parties if p.role == "beneficiary" and p.party_code
                },
                "provider": {
                    p.party_code for p in a.parties if p.role != "beneficiary" and p.party_code
                },
                "topic": {t.code for t in a.tags if t.vocabulary == "topic"},
                "audience": {t.code for t in a.tags if t.vocabulary == "audience"},
                "type": {a.type} - {None},
                "modality": {a.modality} - {None},
                "year": {a.start_year} - {None},
                "reporter": {report.reporting_party_code} - {None},
                "kind": {report.kind} - {None},
            }
            out.append(Row(a.id, a.start_on, a.start_year, a.title, values, a.report_id))
    return out


def _member(code: str, group: str, on: date | None) -> bool:
    for m in Resolver.default().memberships():
        if m.group != group or m.member != code:
            continue
        if on is None or ((m.start is None or m.start <= on) and (m.end is None or m.end > on)):
            return True
    return False


def _matches(row: Row, f: search_filters.ActivityFilters) -> bool:
    resolver = Resolver.default()
    if f.beneficiary:
        named = row.values["beneficiary"]
        if not any(
            code in f.beneficiary
            or any(_member(code, g, row.start_on) for g in f.beneficiary if resolver.is_group(g))
            for code in named
        ):
            return False
    if f.provider:
        bodies = {d for code in f.provider for d in resolver.descendants(code)}
        if not row.values["provider"] & bodies:
            return False
    for name in ("reporter", "topic", "audience", "type", "modality", "kind"):
        wanted = getattr(f, name)
        if wanted and not row.values[name] & set(wanted):
            return False
    if f.year_from is not None and (row.year is None or row.year < f.year_from):
        return False
    return not (f.year_to is not None and (row.year is None or row.year > f.year_to))


def _date_order(row: Row) -> tuple[Any, ...]:
    return (row.start_on is None, -(row.start_on.toordinal() if row.start_on else 0), -row.id)


@pytest.fixture
def corpus_engine(engine: Engine, tmp_path: Path) -> Engine:
    generate(tmp_path / "corpus", reports=12, seed=11)
    (tmp_path / "corpus" / "truth.json").unlink()
    ingest(engine, [tmp_path / "corpus"], Settings(data_dir=tmp_path))
    return engine


def _random_filters(rng: random.Random, rows: list[Row]) -> search_filters.ActivityFilters:
    def some(name: str) -> list[str]:
        seen = sorted({str(v) for r in rows for v in r.values[name]})
        return rng.sample(seen, k=min(len(seen), rng.choice((1, 1, 2))))

    raw: dict[str, Any] = {}
    for name in ("beneficiary", "provider", "topic", "audience", "type", "reporter"):
        if rng.random() < 0.3:
            raw[name] = some(name)
    if rng.random() < 0.3:
        group = rng.choice(["LDC", "ASEAN", "ACP", "SADC"])
        raw["beneficiary"] = [*raw.get("beneficiary", []), group]
    if rng.random() < 0.4:
        raw["year_from"] = rng.randrange(1996, 2020)
    if rng.random() < 0.3:
        raw["year_to"] = rng.randrange(2000, 2027)
    return search_filters.parse(**raw)


def test_search_agrees_with_a_row_by_row_reading(corpus_engine: Engine) -> None:
    rows = _rows(corpus_engine)
    assert len(rows) >= 100
    rng = random.Random(5)
    checked = 0
    for _ in range(40):
        f = _random_filters(rng, rows)
        expected = sorted((r for r in rows if _matches(r, f)), key=_date_order)
        with session_scope(corpus_engine) as session:
            result = search(session, f, limit=20)
            assert result.total == len(expected), f
            assert [a.id for a in result.items] == [r.id for r in expected[:20]], f
            for facet in FACETS:
                want = Counter(str(v) for r in expected for v in r.values[facet])
                got = {v.code: v.count for v in result.facets[facet]}
                assert got == dict(want.most_common(30)) or (
                    len(want) > 30 and all(want[c] == n for c, n in got.items())
                ), (f, facet)
            want_groups = Counter(g for r in expected for g in _GROUPS if _received_as_member(r, g))
            assert {v.code: v.count for v in groups(session, f)} == dict(want_groups), f
        checked += bool(expected)
    assert checked >= 10, "too few of the random filter sets matched anything"


_GROUPS = sorted(p.code for p in Resolver.default().parties() if p.category == "group")


def _received_as_member(row: Row, group: str) -> bool:
    return any(_member(code, group, row.start_on) for code in row.values["beneficiary"])


def test_a_member_that_left_and_came_back_counts_within_each_span(
    engine: Engine, make_report: Callable[..., int], make_activity: Callable[..., Any]
) -> None:
    """Seychelles was in SADC from 1997 to 2004 and again from 2008: an activity in the gap
    is not SADC's, one in either span (or undated) is, in the filter and in the group facet."""
    spans = [
        (m.start, m.end)
        for m in Resolver.default().memberships()
        if m.group == "SADC" and m.member == "SYC"
    ]
    assert len(spans) == 2
    (joined, left), (back, _) = spans
    assert joined is not None and left is not None and back is not None
    gap = left + (back - left) / 2
    seychelles = [PartyRef(name="Seychelles", code="SYC")]
    dated: dict[str, date | None] = {
        "in the first span": joined + timedelta(days=30),
        "in the gap": gap,
        "in the second span": back + timedelta(days=30),
        "undated": None,
    }
    make_report(
        activities=[
            make_activity(
                title=f"Seminar {name}",
                start=on.isoformat() if on else None,
                beneficiaries=seychelles,
            )
            for name, on in dated.items()
        ],
        reporting_party="CHE",
    )
    with session_scope(engine) as session:
        found = search(session, search_filters.parse(beneficiary=["SADC"]), limit=10)
        titles = {a.title for a in found.items}
        assert titles == {f"Seminar {n}" for n in dated if n != "in the gap"}
        facet = {v.code: v.count for v in groups(session, search_filters.parse())}
        assert facet["SADC"] == 3
        narrowed = search_filters.parse(year_from=gap.year, year_to=gap.year)
        assert "SADC" not in {v.code for v in groups(session, narrowed)}


def test_every_sort_and_the_export_order(corpus_engine: Engine) -> None:
    rows = _rows(corpus_engine)
    oldest = sorted(
        rows,
        key=lambda r: (r.start_on is None, r.start_on.toordinal() if r.start_on else 0, r.id),
    )
    with session_scope(corpus_engine) as session:
        everything = search_filters.parse()
        page = search(session, everything, sort="-date", limit=500, facets=())
        assert [a.id for a in page.items] == [r.id for r in oldest]
        titled = search(session, everything, sort="title", limit=500, facets=())
        collated = session.scalars(select(Activity.id).order_by(Activity.title, Activity.id))
        assert [a.id for a in titled.items] == list(collated)
        assert [a.id for a in iterate(session, everything, load=load_records, batch=7)] == [
            r.id for r in sorted(rows, key=_date_order)
        ]
        q = search_filters.parse(q="workshop")
        ranked = search(session, q, sort="relevance", limit=500, facets=())
        assert ranked.total == len({a.id for a in ranked.items}) > 0
        assert all("workshop" in (a.title + (a.description or "")).lower() for a in ranked.items)


def test_an_export_builds_only_the_dimensions_its_filters_use(corpus_engine: Engine) -> None:
    rows = _rows(corpus_engine)
    f = search_filters.parse(beneficiary=["LDC"], year_from=2005)
    want = [r.id for r in sorted(rows, key=_date_order) if _matches(r, f)]
    everything = [r.id for r in sorted(rows, key=_date_order)]
    with session_scope(corpus_engine) as session:
        rows_out = iterate(session, search_filters.parse(), load=load_rows, batch=5)
        assert [r[0] for r in rows_out] == everything
        assert current(session, ()).dimensions == {}
        assert [a.id for a in iterate(session, f, load=load_records, batch=5)] == want
        assert set(current(session, ()).dimensions) == {"beneficiary", "year"}
        # a search afterwards adds the rest at the same revision, and agrees
        page = search(session, f, limit=500)
        assert set(current(session, ()).dimensions) == set(DIMENSIONS)
        assert [a.id for a in page.items] == want


@pytest.mark.parametrize(
    "names",
    [
        ("topic", "beneficiary"),  # several values each
        ("year", "topic"),  # one value, then several
        ("audience", "type"),  # several, then one
        ("year", "reporter"),  # one value each
    ],
)
@pytest.mark.parametrize("narrowed", [True, False])
def test_two_dimension_counts_agree_with_the_rows(
    corpus_engine: Engine, names: tuple[str, str], narrowed: bool
) -> None:
    rows = _rows(corpus_engine)
    f = search_filters.parse(beneficiary=["LDC"]) if narrowed else search_filters.parse()
    matching = [r for r in rows if _matches(r, f)]
    want: Counter[tuple[Any, Any]] = Counter()
    for r in matching:
        for first in r.values[names[0]] or {None}:
            for second in r.values[names[1]] or {None}:
                want[(first, second)] += 1
    with session_scope(corpus_engine) as session:
        stats = counts(session, f, list(names))
    assert stats.total == len(matching) > 0
    assert {(r[names[0]], r[names[1]]): r["count"] for r in stats.rows} == dict(want)


def test_a_write_is_seen_by_the_next_search(corpus_engine: Engine, tmp_path: Path) -> None:
    with session_scope(corpus_engine) as session:
        before = search(session, search_filters.parse(), facets=()).total
    generate(tmp_path / "more", reports=2, seed=99)
    (tmp_path / "more" / "truth.json").unlink()
    summary = ingest(corpus_engine, [tmp_path / "more"], Settings(data_dir=tmp_path))
    with session_scope(corpus_engine) as session:
        after = search(session, search_filters.parse(), facets=()).total
    assert after == before + summary.activities
    with corpus_engine.begin() as conn:
        conn.execute(text("DELETE FROM activities WHERE report_id = (SELECT MIN(id) FROM reports)"))
    with session_scope(corpus_engine) as session:
        assert search(session, search_filters.parse(), facets=()).total == len(_rows(corpus_engine))


def test_the_same_event_from_another_report_by_a_plain_reading(
    corpus_engine: Engine, tmp_path: Path
) -> None:
    """related(): another report's activity with the same start date and a beneficiary in
    common, for every activity of the corpus and of one report filed again (a copy that
    differs by a line, so a second report of the same events)."""
    again = tmp_path / "again"
    again.mkdir()
    first = sorted((tmp_path / "corpus").iterdir())[0]
    (again / first.name).write_bytes(first.read_bytes() + b"\n")
    summary = ingest(corpus_engine, [again], Settings(data_dir=tmp_path))
    assert summary.count("stored") == 1, summary.outcomes
    rows = {r.id: r for r in _rows(corpus_engine)}
    with session_scope(corpus_engine) as session:
        dates = dict(session.execute(select(Activity.id, Activity.start_date)).tuples().all())
        found = 0
        for activity in session.scalars(select(Activity)):
            mine = rows[activity.id]
            want = sorted(
                other.id
                for other in rows.values()
                if dates[other.id] is not None
                and dates[other.id] == dates[mine.id]
                and other.report_id != mine.report_id
                and mine.values["beneficiary"] & other.values["beneficiary"]
            )[:20]
            # the corpus is generated: every report counts here (provenance is tested elsewhere)
            got = [a.id for a in related(session, activity, generated="include")["same_event"]]
            assert got == want, activity.id
            found += bool(want)
    assert found, "the corpus has no event reported twice: the check proves nothing"


def test_report_and_review_filters_by_a_plain_reading(corpus_engine: Engine) -> None:
    with corpus_engine.begin() as conn:  # the generated corpus has nothing to review
        conn.execute(update(Activity).where(Activity.id % 3 == 0).values(needs_review=True))
    rows = _rows(corpus_engine)
    with session_scope(corpus_engine) as session:
        review = dict(session.execute(select(Activity.id, Activity.needs_review)).tuples().all())
        some_report = sorted({r.report_id for r in rows})[1]
        for raw, keep in (
            ({"report_id": some_report}, lambda r: r.report_id == some_report),
            ({"needs_review": True}, lambda r: review[r.id]),
            ({"needs_review": False}, lambda r: not review[r.id]),
            (
                {"report_id": some_report, "needs_review": False, "type": ["workshop"]},
                lambda r: (
                    r.report_id == some_report
                    and not review[r.id]
                    and "workshop" in r.values["type"]
                ),
            ),
        ):
            want = [r.id for r in sorted(rows, key=_date_order) if keep(r)]
            page = search(session, search_filters.parse(**raw), limit=500, facets=())
            assert [a.id for a in page.items] == want, raw
    assert any(review.values()) and not all(review.values())
