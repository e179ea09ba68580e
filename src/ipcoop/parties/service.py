"""Party services: loading the packaged reference data, and reading parties back."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from ipcoop.db import session_scope
from ipcoop.parties.models import GroupMembership, Party, PartyAlias
from ipcoop.parties.resolver import Resolver, normalize_name


def load_reference(engine: Engine, resolver: Resolver | None = None) -> int:
    """Upsert the packaged parties, aliases and memberships; returns the number of parties."""
    resolver = resolver or Resolver.default()
    infos = sorted(resolver.parties(), key=lambda p: p.parent is not None)
    with session_scope(engine) as session:
        existing = {p.code: p for p in session.scalars(select(Party))}
        for info in infos:
            values = asdict(info)
            values["parent_code"] = values.pop("parent")
            row = existing.get(info.code)
            if row is None:
                session.add(Party(**values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)
        session.flush()
        session.execute(delete(PartyAlias))
        seen: set[str] = set()
        for alias, code, lang in resolver.aliases():
            key = normalize_name(alias)
            if key not in seen:
                seen.add(key)
                session.add(PartyAlias(normalized=key, alias=alias, party_code=code, lang=lang))
        session.execute(delete(GroupMembership))
        session.add_all(
            GroupMembership(
                group_code=m.group, member_code=m.member, start_on=m.start, end_on=m.end
            )
            for m in resolver.memberships()
        )
    return len(infos)


def get_party(session: Session, code: str) -> Party | None:
    """The party with this code, or None."""
    return session.get(Party, code)


def list_parties(session: Session, *, category: str | None = None) -> list[Party]:
    """All parties, optionally of one category, by English name."""
    query = select(Party).order_by(Party.name_en)
    if category:
        query = query.where(Party.category == category)
    return list(session.scalars(query))
