"""Where a document names a programme, instrument, platform or body: the passages, and the
activities of the same document whose text holds them (the activities that built or used it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ipcoop.activities.models import Activity
from ipcoop.activities.models import Evidence as EvidenceRow
from ipcoop.activities.service import EXCERPT_CONTEXT
from ipcoop.reports.models import Report

ACRONYM = re.compile(r"\(([A-Za-z][\w-]{1,15})\)\s*$")  # its own short name, ending it
# a word written with capitals inside it (CENcomm, CLiCK, iPAC, TMview): a name on its own
MIXED_CASE = re.compile(r"^(?:[a-z]+[A-Z]|[A-Z]{2,}[a-z]|[A-Z][a-z]+[A-Z])[\w-]*$")


def names_of(title: str) -> list[str]:
    """The ways a document may name something: its title, the acronym ending its title (an
    acronym inside it, "... Nations (ASEAN) on ...", names something else), and any mixed-case
    word of its title."""
    found = [title.strip()]
    found += ACRONYM.findall(title)
    found += [w for w in re.findall(r"[\w-]+", title) if MIXED_CASE.match(w)]
    return list(dict.fromkeys(n for n in found if len(n) >= 3))


@dataclass(frozen=True, slots=True)
class Passage:
    """One place the document names it."""

    start: int
    end: int
    before: str
    text: str
    after: str

    def as_json(self) -> dict[str, Any]:
        """The evidence shape of the activity pages."""
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "text": self.text,
            "after": self.after,
        }


def passages(text: str, title: str, cited: Sequence[tuple[int, int]] = ()) -> list[Passage]:
    """Every place text names the title (or its acronym or mixed-case word), with the spans
    extraction cited for it, in order."""
    spans: dict[int, int] = dict(cited)
    for name in names_of(title):
        flags = re.IGNORECASE if name == title.strip() else 0
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)
        for match in pattern.finditer(text):
            if not any(s <= match.start() < e for s, e in spans.items()):
                spans[match.start()] = match.end()
    return [
        Passage(
            start,
            end,
            text[max(0, start - EXCERPT_CONTEXT) : start],
            text[start:end],
            text[end : end + EXCERPT_CONTEXT],
        )
        for start, end in sorted(spans.items())
    ]


def activity_spans(session: Session, report_id: int) -> list[tuple[int, int, int]]:
    """(activity id, first, last character) of each activity's evidence in its report."""
    rows = session.execute(
        select(EvidenceRow.record_id, func.min(EvidenceRow.start), func.max(EvidenceRow.end))
        .where(EvidenceRow.report_id == report_id, EvidenceRow.record_type == "activity")
        .group_by(EvidenceRow.record_id)
    ).all()
    return [(int(i), int(s), int(e)) for i, s, e in rows]


def cited(session: Session, record_type: str, record_id: int) -> list[tuple[int, int]]:
    """The spans extraction cited for a record's name (its title and later mentions)."""
    rows = session.execute(
        select(EvidenceRow.start, EvidenceRow.end).where(
            EvidenceRow.record_type == record_type,
            EvidenceRow.record_id == record_id,
            EvidenceRow.field.in_(("title", "mentions")),
        )
    ).all()
    return [(int(s), int(e)) for s, e in rows]


def mentions(
    session: Session, report_id: int, title: str, spans: list[tuple[int, int]]
) -> dict[str, Any]:
    """The passages naming it (``spans`` cited by extraction, and its names found in the
    text), and the activities of its report holding one of them."""
    text = session.scalar(select(Report.text).where(Report.id == report_id)) or ""
    found = passages(text, title, spans)
    held = activity_spans(session, report_id)
    by_activity: dict[int, list[Passage]] = {}
    for passage in found:
        for activity_id, start, end in held:
            if start <= passage.start < end:
                by_activity.setdefault(activity_id, []).append(passage)
    activities = (
        list(
            session.scalars(
                select(Activity).where(Activity.id.in_(by_activity)).order_by(Activity.position)
            )
        )
        if by_activity
        else []
    )
    return {
        "passages": found,
        "activities": [(a, by_activity[a.id]) for a in activities],
    }
