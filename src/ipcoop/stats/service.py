"""Counts of matching activities by one or two dimensions, and one party's profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from ipcoop.parties.resolver import PartyInfo, Resolver
from ipcoop.reports.models import Report
from ipcoop.search.filters import ActivityFilters, FilterError
from ipcoop.search.index import current
from ipcoop.search.service import label

DIMENSIONS = (
    "year",
    "topic",
    "type",
    "audience",
    "modality",
    "beneficiary",
    "provider",
    "reporter",
    "kind",
)
# an activity may have several values of these: it is counted once under each
ROLES = ("provider", "beneficiary", "reporter")
TOP = 10


@dataclass(slots=True)
class Stats:
    """The number of matching activities and their counts per combination of dimension values."""

    total: int
    by: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def labels(self) -> dict[str, dict[str, str]]:
        """A readable label for every code in the rows, per dimension (years excluded)."""
        out: dict[str, dict[str, str]] = {}
        for name in self.by:
            if name == "year":
                continue
            codes = {row[name] for row in self.rows if row[name] is not None}
            out[name] = {code: label(name, code) for code in sorted(codes)}
        return out

    def as_json(self) -> dict[str, Any]:
        """The API shape: total, by, rows, labels."""
        return {
            "total": self.total,
            "by": list(self.by),
            "rows": self.rows,
            "labels": self.labels(),
        }


def check_dimensions(by: Sequence[str]) -> tuple[str, ...]:
    """One or two known, distinct dimensions; FilterError (a 422) naming the bad one otherwise."""
    names = tuple(b.strip() for b in by if b.strip())
    if not names:
        raise FilterError("by", "", "give one or two of " + ", ".join(DIMENSIONS))
    for name in names:
        if name not in DIMENSIONS:
            raise FilterError("by", name, "one of " + ", ".join(DIMENSIONS))
    if len(names) > 2:
        raise FilterError("by", ",".join(names), "at most two dimensions at once")
    if len(set(names)) != len(names):
        raise FilterError("by", ",".join(names), "two different dimensions")
    return names


def _sort_key(dimension: str, value: Any, count: int) -> tuple[Any, ...]:
    """Years in order; other values largest count first; no value last."""
    if value is None:
        return (1, 0, "")
    if dimension == "year":
        return (0, int(value), "")
    return (0, -count, str(value))


def counts(session: Session, filters: ActivityFilters, by: Sequence[str]) -> Stats:
    """Matching activities counted by one or two dimensions.

    Activities with no value of a dimension are counted under None. An activity with several
    values of a multi-valued dimension (topics, parties) is counted once under each.
    """
    names = check_dimensions(by)
    index = current(session)
    mask = index.mask(session, filters)
    total = index.size if mask is None else int(np.count_nonzero(mask))
    raw = [(*values, count) for values, count in index.tally(mask, names)]
    totals: dict[Any, int] = {}
    for row in raw:
        totals[row[0]] = totals.get(row[0], 0) + int(row[-1])
    rows = []
    for row in raw:
        values = [
            int(v) if n == "year" and v is not None else v
            for n, v in zip(names, row[:-1], strict=True)
        ]
        rows.append({**dict(zip(names, values, strict=True)), "count": int(row[-1])})

    def order(row: dict[str, Any]) -> tuple[Any, ...]:
        first = _sort_key(names[0], row[names[0]], totals.get(row[names[0]], 0))
        if len(names) == 1:
            return first
        return first + _sort_key(names[1], row[names[1]], row["count"])

    rows.sort(key=order)
    return Stats(total=total, by=names, rows=rows)


@dataclass(slots=True)
class RoleProfile:
    """What one party did in one role: counts by year, topic and type, and its partners."""

    role: str
    filters: ActivityFilters
    total: int = 0
    by_year: list[dict[str, Any]] = field(default_factory=list)
    undated: int = 0
    by_topic: list[dict[str, Any]] = field(default_factory=list)
    by_type: list[dict[str, Any]] = field(default_factory=list)
    partner_role: str = "beneficiary"
    partners: list[dict[str, Any]] = field(default_factory=list)
    partners_total: int = 0
    map: list[dict[str, Any]] = field(default_factory=list)
    same_as: str | None = None

    @property
    def query(self) -> list[tuple[str, str]]:
        """The search parameters that list these activities."""
        return self.filters.as_params()

    def as_json(self) -> dict[str, Any]:
        """The API shape of one role."""
        params = "&".join(f"{k}={v}" for k, v in self.query)
        return {
            "role": self.role,
            "total": self.total,
            "activities": f"/api/v1/activities?{params}",
            "search": f"/?{params}",
            "by_year": self.by_year,
            "undated": self.undated,
            "by_topic": self.by_topic,
            "by_type": self.by_type,
            "partner_role": self.partner_role,
            "partners": self.partners,
            "partners_total": self.partners_total,
            "map": self.map,
            "same_as": self.same_as,
        }


@dataclass(slots=True)
class Profile:
    """A party with its activities as provider, as beneficiary and as reporter."""

    party: PartyInfo
    members: list[str]
    roles: dict[str, RoleProfile]

    def as_json(self) -> dict[str, Any]:
        """The API shape of the profile."""
        p = self.party
        return {
            "party": {
                "code": p.code,
                "category": p.category,
                "name": p.name_en,
                "names": {"en": p.name_en, "fr": p.name_fr, "es": p.name_es},
                "iso3": p.iso3,
                "isonum": p.isonum,
                "parent": p.parent,
                "members": self.members,
                "url": f"/parties/{p.code}",
            },
            "roles": {name: role.as_json() for name, role in self.roles.items()},
        }


class UnknownPartyCode(LookupError):
    """A profile asked for a code that is not in the reference data."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"No party {code!r}; give a code such as WCO, LAO or LDC "
            "(GET /api/v1/parties lists them)"
        )
        self.code = code


def _coded(dimension: str, stats: Stats) -> list[dict[str, Any]]:
    return [
        {"code": r[dimension], "label": label(dimension, r[dimension]), "count": r["count"]}
        for r in stats.rows
        if r[dimension] is not None
    ]


def _years(stats: Stats) -> tuple[list[dict[str, Any]], int]:
    """Counts for every year from the first to the last (zeros included), and the undated."""
    found = {r["year"]: r["count"] for r in stats.rows if r["year"] is not None}
    undated = sum(r["count"] for r in stats.rows if r["year"] is None)
    if not found:
        return [], undated
    span = range(min(found), max(found) + 1)
    return [{"year": y, "count": found.get(y, 0)} for y in span], undated


def _role(
    session: Session, party: PartyInfo, role: str, members: list[str], top: int, generated: str
) -> RoleProfile:
    changes: dict[str, Any] = {role: (party.code,), "generated": generated}
    filters = replace(ActivityFilters(), **changes)
    profile = RoleProfile(role=role, filters=filters)
    years = counts(session, filters, ["year"])
    profile.total = years.total
    if not years.total:
        return profile
    profile.by_year, profile.undated = _years(years)
    profile.by_topic = _coded("topic", counts(session, filters, ["topic"]))
    profile.by_type = _coded("type", counts(session, filters, ["type"]))
    profile.partner_role = "provider" if role == "beneficiary" else "beneficiary"
    resolver = Resolver.default()
    own = set(resolver.descendants(party.code))
    partners = [
        {"code": r["code"], "name": r["label"], "count": r["count"]}
        for r in _coded(profile.partner_role, counts(session, filters, [profile.partner_role]))
        if r["code"] not in own
    ]
    profile.partners_total = len(partners)
    profile.partners = partners[:top]
    if profile.partner_role == "beneficiary":
        mapped = partners
    elif members:
        mapped = _members_reached(session, filters, party.code)
    else:
        mapped = []
    for row in mapped:
        isonum = _isonum(resolver, row["code"])
        if isonum:
            profile.map.append({**row, "isonum": isonum})
    return profile


def _members_reached(
    session: Session, filters: ActivityFilters, group: str
) -> list[dict[str, Any]]:
    """For a group as beneficiary: per member, the activities it received while a member."""
    index = current(session)
    reached = index.members_reached(index.mask(session, filters), group)
    ranked = sorted(reached.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": c, "name": label("beneficiary", c), "count": n} for c, n in ranked]


def _isonum(resolver: Resolver, code: str) -> str | None:
    try:
        return resolver.get(code).isonum
    except KeyError:
        return None


def profile(session: Session, code: str, top: int = TOP, generated: str = "exclude") -> Profile:
    """One party's activities as provider, beneficiary and reporter; UnknownPartyCode if none.

    Activities of generated reports are left out unless ``generated`` is "" (all) or "only"."""
    resolver = Resolver.default()
    try:
        party = resolver.get(code.strip().upper())
    except KeyError:
        raise UnknownPartyCode(code) from None
    members = resolver.members(party.code) if resolver.is_group(party.code) else []
    roles = {role: _role(session, party, role, members, top, generated) for role in ROLES}
    reporter, provider = roles["reporter"], roles["provider"]
    if reporter.total and reporter.total == provider.total:
        both = replace(reporter.filters, provider=(party.code,))
        if counts(session, both, ["kind"]).total == reporter.total:
            reporter.same_as = "provider"
    return Profile(party=party, members=members, roles=roles)


def directory(session: Session, generated: str = "exclude") -> list[dict[str, Any]]:
    """Every group, every party named in an activity and every party that reported a document,
    with its counts in each role.

    Provider counts are per body as reported (USPTO apart from USA); a group's beneficiary count
    is that of its members at the activities' dates. Activities of generated reports are left
    out unless ``generated`` is "" (all) or "only".
    """
    resolver = Resolver.default()
    everything = ActivityFilters(generated=generated)
    reported = select(Report.reporting_party_code).where(Report.reporting_party_code.is_not(None))
    if generated:
        reported = reported.where(Report.generated == (generated == "only"))
    found: dict[str, dict[str, int]] = {
        code: {} for code in session.scalars(reported.distinct()) if code
    }
    for role in ROLES:
        for row in counts(session, everything, [role]).rows:
            if row[role] is not None:
                found.setdefault(row[role], {})[role] = row["count"]
    for party in resolver.parties():
        if party.category == "group":
            changes: dict[str, Any] = {"beneficiary": (party.code,)}
            total = counts(session, replace(everything, **changes), ["kind"]).total
            found.setdefault(party.code, {})["beneficiary"] = total
    out = []
    for code, roles in found.items():
        try:
            info = resolver.get(code)
        except KeyError:
            continue
        out.append(
            {
                "code": code,
                "name": info.name_en,
                "category": info.category,
                **{role: roles.get(role, 0) for role in ROLES},
            }
        )
    return sorted(out, key=lambda r: r["name"].casefold())
