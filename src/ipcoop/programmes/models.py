"""Standing programme offers, cooperation instruments and platforms."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ipcoop.db import Base


class ProgrammeOffer(Base):
    """A programme available on request (e.g. GIPA's patent programmes): an offer, not an event."""

    __tablename__ = "programme_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    provider_code: Mapped[str | None] = mapped_column(ForeignKey("parties.code"))
    provider_name: Mapped[str | None] = mapped_column(String(300))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)


class Instrument(Base):
    """A declaration, MoU, framework agreement, action plan, body or platform."""

    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(String(500))
    date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(200))
    areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    parties: Mapped[list[dict[str, str | None]]] = mapped_column(JSON, default=list)
