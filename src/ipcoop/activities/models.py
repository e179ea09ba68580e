"""Activities (programmes, workshops, missions, projects) with parties, tags and evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CompoundSelect,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
    union,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipcoop.db import Base


class Activity(Base):
    """One unit of technical cooperation, as reported."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_start_on", "start_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(1000))
    description: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(32), index=True)
    status: Mapped[str | None] = mapped_column(String(16))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    start_year: Mapped[int | None] = mapped_column(Integer, index=True)
    modality: Mapped[str | None] = mapped_column(String(16), index=True)
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("parties.code"))
    participants: Mapped[int | None] = mapped_column(Integer)
    participants_qualifier: Mapped[str | None] = mapped_column(String(16))
    outputs: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(1000))
    contact: Mapped[str | None] = mapped_column(String(500))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    needs_review: Mapped[bool] = mapped_column(default=False)
    review_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # optimistic locking (ipcoop.review): raised by every ORM update
    lock_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": lock_version}  # noqa: RUF012

    report = relationship("Report", back_populates="activities", lazy="raise_on_sql")
    parties = relationship(
        "ActivityParty", cascade="all, delete-orphan", lazy="selectin", order_by="ActivityParty.id"
    )
    tags = relationship(
        "ActivityTag", cascade="all, delete-orphan", lazy="selectin", order_by="ActivityTag.id"
    )


# the same title in other years, any case, newest first (ipcoop.activities.service.related;
# migration 0011)
Index("ix_activities_same_title", func.lower(Activity.title), Activity.start_on.desc(), Activity.id)


class ActivityParty(Base):
    """A party in an activity: beneficiary, provider, funding, implementing or partner."""

    __tablename__ = "activity_parties"
    __table_args__ = (
        Index("ix_activity_parties_role_party", "role", "party_code", "activity_id"),
        # every column an export reads, in the order it reads them (migration 0003)
        Index(
            "ix_activity_parties_by_activity",
            "activity_id",
            "id",
            "role",
            "party_code",
            "name",
            "via_group",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    party_code: Mapped[str | None] = mapped_column(ForeignKey("parties.code"))
    name: Mapped[str] = mapped_column(String(300))
    via_group: Mapped[str | None] = mapped_column(ForeignKey("parties.code"))


class ActivityTag(Base):
    """A taxonomy tag (topic or audience) on an activity."""

    __tablename__ = "activity_tags"
    __table_args__ = (
        Index("ix_activity_tags_vocabulary_code", "vocabulary", "code", "activity_id"),
        Index("ix_activity_tags_by_activity", "activity_id", "id", "vocabulary", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    vocabulary: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(40))


class ActivityLink(Base):
    """Two activities of different reports that a curator found to be one activity, reported
    by two parties (a joint workshop reported by both organizers); stored once, lower id first."""

    __tablename__ = "activity_links"
    __table_args__ = (
        UniqueConstraint("activity_id", "other_id"),
        Index("ix_activity_links_other_id", "other_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None)
    )

    @classmethod
    def between(cls, one: int, other: int) -> ActivityLink:
        """The link of two activities, however they are given."""
        low, high = sorted((one, other))
        return cls(activity_id=low, other_id=high)

    @classmethod
    def others(cls, activity_id: int) -> CompoundSelect[tuple[int]]:
        """The ids of the activities linked with this one, whichever side it is on."""
        return union(
            select(cls.other_id).where(cls.activity_id == activity_id),
            select(cls.activity_id).where(cls.other_id == activity_id),
        )


class Evidence(Base):
    """Where one stored value came from: a span of its report's text and the method."""

    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    record_type: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
