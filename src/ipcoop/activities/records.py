"""Activity records: an activity's stored columns with its parties and tags, without the ORM.

Exports read a million of them and extraction makes them before anything is stored, so both
use this plain shape; an ORM ``Activity`` has the same attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class PartyRecord(NamedTuple):
    """A party of an activity, as ``ActivityParty`` has it."""

    role: str
    party_code: str | None
    name: str
    via_group: str | None


class TagRecord(NamedTuple):
    """A tag of an activity, as ``ActivityTag`` has it."""

    vocabulary: str
    code: str


class ReportRecord:
    """The columns of an activity's report that its shapes read."""

    def __init__(self, columns: Mapping[str, Any]) -> None:
        self.__dict__.update(columns)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"a report record has no column {name!r}")


class ActivityRecord:
    """An activity's columns as attributes, with its parties and tags in stored order."""

    def __init__(
        self,
        columns: Mapping[str, Any],
        parties: list[PartyRecord] | None = None,
        tags: list[TagRecord] | None = None,
        report: Mapping[str, Any] | None = None,
    ) -> None:
        self.__dict__.update(columns)
        self.parties: list[PartyRecord] = parties if parties is not None else []
        self.tags: list[TagRecord] = tags if tags is not None else []
        self.report = ReportRecord(report or {})

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"an activity record has no column {name!r}")
