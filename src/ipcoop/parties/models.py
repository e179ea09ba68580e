"""Parties (members, observers, organizations, agencies, fora, groups), aliases, memberships."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ipcoop.db import Base


class Party(Base):
    """Anyone who gives, receives or reports cooperation, or a group of them."""

    __tablename__ = "parties"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    category: Mapped[str] = mapped_column(String(16), index=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str | None] = mapped_column(String(200))
    name_es: Mapped[str | None] = mapped_column(String(200))
    iso2: Mapped[str | None] = mapped_column(String(2))
    iso3: Mapped[str | None] = mapped_column(String(3))
    isonum: Mapped[str | None] = mapped_column(String(3))
    wto_status: Mapped[str | None] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("parties.code"))
    website: Mapped[str | None] = mapped_column(String(300))


class PartyAlias(Base):
    """One spelling of a party's name, in any language, normalized for exact lookup."""

    __tablename__ = "party_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    normalized: Mapped[str] = mapped_column(String(300), unique=True)
    alias: Mapped[str] = mapped_column(String(300))
    party_code: Mapped[str] = mapped_column(ForeignKey("parties.code"), index=True)
    lang: Mapped[str | None] = mapped_column(String(8))


class GroupMembership(Base):
    """A party's membership of a group (LDC, ASEAN, APEC ...) over a period."""

    __tablename__ = "group_memberships"
    __table_args__ = (Index("ix_group_memberships_group_member", "group_code", "member_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_code: Mapped[str] = mapped_column(ForeignKey("parties.code"))
    member_code: Mapped[str] = mapped_column(ForeignKey("parties.code"), index=True)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
