"""One search over activities: the result object that the API, the pages and the exports render."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ipcoop.activities.models import Activity, ActivityParty, ActivityTag
from ipcoop.ingest.normalize import taxonomy
from ipcoop.parties.models import GroupMembership
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.fulltext import FullText

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


def _beneficiary_clause(codes: tuple[str, ...]) -> ColumnElement[bool]:
    """Activities with a beneficiary that is one of the codes, or a member of one of the groups
    at the activity's start date (at any time when the activity has no date)."""
    ap = aliased(ActivityParty)
    direct = ap.party_code.in_(codes)
    if not any(Resolver.default().is_group(code) for code in codes):
        return exists().where(ap.activity_id == Activity.id, ap.role == "beneficiary", direct)
    gm = aliased(GroupMembership)
    in_group = exists().where(
        gm.member_code == ap.party_code,
        gm.group_code.in_(codes),
        or_(Activity.start_on.is_(None), gm.start_on.is_(None), gm.start_on <= Activity.start_on),
        or_(Activity.start_on.is_(None), gm.end_on.is_(None), gm.end_on > Activity.start_on),
    )
    return exists().where(
        ap.activity_id == Activity.id, ap.role == "beneficiary", or_(direct, in_group)
    )


def _provider_clause(codes: tuple[str, ...]) -> ColumnElement[bool]:
    """Activities provided by one of the codes or by a body under it (GIPA, USPTO for USA)."""
    resolver = Resolver.default()
    expanded = sorted({d for code in codes for d in resolver.descendants(code)})
    ap = aliased(ActivityParty)
    return exists().where(
        ap.activity_id == Activity.id, ap.role != "beneficiary", ap.party_code.in_(expanded)
    )


def _tag_clause(kind: str, codes: tuple[str, ...]) -> ColumnElement[bool]:
    tag = aliased(ActivityTag)
    return exists().where(tag.activity_id == Activity.id, tag.kind == kind, tag.code.in_(codes))


def filtered(session: Session, filters: ActivityFilters) -> Select[int]:
    """A select of the ids of every activity matching the filters."""
    query = select(Activity.id).join(Report, Report.id == Activity.report_id)
    if filters.q:
        match = FullText.for_engine(session.get_bind()).match("activities", filters.q)
        if match is not None:
            query = query.where(Activity.id.in_(select(match.subquery().c.id)))
    if filters.beneficiary:
        query = query.where(_beneficiary_clause(filters.beneficiary))
    if filters.provider:
        query = query.where(_provider_clause(filters.provider))
    if filters.reporter:
        query = query.where(Report.reporting_party_code.in_(filters.reporter))
    if filters.topic:
        query = query.where(_tag_clause("topic", filters.topic))
    if filters.audience:
        query = query.where(_tag_clause("audience", filters.audience))
    if filters.type:
        query = query.where(Activity.type.in_(filters.type))
    if filters.modality:
        query = query.where(Activity.modality.in_(filters.modality))
    if filters.kind:
        query = query.where(Report.kind.in_(filters.kind))
    if filters.report_id is not None:
        query = query.where(Activity.report_id == filters.report_id)
    if filters.year_from is not None:
        query = query.where(Activity.start_year >= filters.year_from)
    if filters.year_to is not None:
        query = query.where(Activity.start_year <= filters.year_to)
    if filters.needs_review is not None:
        query = query.where(Activity.needs_review.is_(filters.needs_review))
    return query


def _encode(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def _decode(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        offset = int(json.loads(base64.urlsafe_b64decode(padded))["o"])
    except (ValueError, KeyError, TypeError) as error:
        raise CursorError(
            f"cursor {cursor!r} is not one this server made; start again without a cursor"
        ) from error
    if offset < 0:
        raise CursorError(f"cursor {cursor!r} is not one this server made")
    return offset


def _ordered(
    session: Session, ids: Select[int], filters: ActivityFilters, sort: str
) -> Select[Activity]:
    query = select(Activity).where(Activity.id.in_(ids))
    if sort == "relevance" and filters.q:
        match = FullText.for_engine(session.get_bind()).match("activities", filters.q)
        if match is not None:
            ranked = match.subquery()
            return query.join(ranked, ranked.c.id == Activity.id).order_by(
                ranked.c.rank, Activity.id
            )
    if sort == "title":
        return query.order_by(Activity.title, Activity.id)
    if sort == "-date":
        return query.order_by(Activity.start_on.is_(None), Activity.start_on, Activity.id)
    return query.order_by(Activity.start_on.is_(None), Activity.start_on.desc(), Activity.id.desc())


def _label(facet: str, code: str) -> str:
    if facet in ("beneficiary", "provider", "reporter"):
        try:
            return Resolver.default().get(code).name_en
        except KeyError:
            return code
    vocabulary = {
        "topic": taxonomy.TOPICS,
        "type": taxonomy.TYPES,
        "audience": taxonomy.AUDIENCES,
    }.get(facet)
    if vocabulary is not None:
        return vocabulary.get(code, code)
    return code.replace("_", " ")


def facet_counts(
    session: Session, ids: Select[int], facet: str, size: int = FACET_SIZE
) -> list[FacetValue]:
    """Counts of matching activities per value of one facet, largest first."""
    subset = ids.subquery()
    matching = select(subset.c.id)
    key: Any
    if facet in ("beneficiary", "provider"):
        role = (
            ActivityParty.role == "beneficiary"
            if facet == "beneficiary"
            else (ActivityParty.role != "beneficiary")
        )
        key = ActivityParty.party_code
        counted = func.count(func.distinct(ActivityParty.activity_id))
        query = select(key, counted).where(
            ActivityParty.activity_id.in_(matching), role, key.is_not(None)
        )
    elif facet in ("topic", "audience"):
        key = ActivityTag.code
        counted = func.count(func.distinct(ActivityTag.activity_id))
        query = select(key, counted).where(
            ActivityTag.activity_id.in_(matching), ActivityTag.kind == facet
        )
    else:
        key = {
            "reporter": Report.reporting_party_code,
            "kind": Report.kind,
            "year": Activity.start_year,
            "type": Activity.type,
            "modality": Activity.modality,
        }[facet]
        counted = func.count(Activity.id)
        query = (
            select(key, counted)
            .join(Report, Report.id == Activity.report_id)
            .where(Activity.id.in_(matching), key.is_not(None))
        )
    query = query.group_by(key).order_by(counted.desc(), key).limit(size)
    rows = session.execute(query).all()
    if facet == "year":
        rows = sorted(rows, key=lambda r: int(r[0] or 0), reverse=True)
    return [FacetValue(str(code), _label(facet, str(code)), int(count)) for code, count in rows]


def search(
    session: Session,
    filters: ActivityFilters,
    *,
    sort: str = "date",
    cursor: str | None = None,
    limit: int = 50,
    facets: tuple[str, ...] = FACETS,
) -> SearchResult:
    """Activities matching the filters: one page, the total, facet counts, the next cursor."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    offset = _decode(cursor)
    ids = filtered(session, filters)
    total = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
    page = list(session.scalars(_ordered(session, ids, filters, sort).offset(offset).limit(limit)))
    result = SearchResult(total=total, items=list(page), sort=sort)
    if offset + len(page) < total:
        result.next_cursor = _encode(offset + len(page))
    result.facets = {name: facet_counts(session, ids, name) for name in facets}
    return result


def iterate(
    session: Session, filters: ActivityFilters, *, sort: str = "date", batch: int = 1000
) -> Iterator[Activity]:
    """Every matching activity, fetched in batches (for streamed exports)."""
    ids = filtered(session, filters)
    query = _ordered(session, ids, filters, sort).execution_options(yield_per=batch)
    yield from session.scalars(query)
