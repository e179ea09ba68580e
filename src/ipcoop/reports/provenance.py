"""Where a report comes from: a real document, or one `ipcoop synth` generated.

Every generated document says so on its cover: "SYNTHETIC REPORT n (GENERATED, NOT AN OFFICIAL
DOCUMENT)" (text, DOCX, PDF, prose) or "Synthetic report n (generated, not an official
document)" (HTML). Ingestion stores the answer on the report (``Report.generated``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ipcoop.search.filters import PROVENANCE, FilterError

MARKER = re.compile(r"\(generated, not an official document\)", re.IGNORECASE)
# the marker is on the cover: a real document quoting it further down is not generated
COVER = 3000
CHOICES = PROVENANCE


def is_generated(text: str) -> bool:
    """True when the document's cover carries the generator's marker."""
    return MARKER.search(text[:COVER]) is not None


def choice(value: str | None, default: str = "exclude") -> str:
    """``generated=exclude|include|only`` from a query string; FilterError naming a bad value."""
    value = (value or "").strip() or default
    if value not in CHOICES:
        raise FilterError("generated", value, "one of " + ", ".join(CHOICES))
    return value


def search_value(value: str) -> str:
    """The choice as ActivityFilters.generated holds it ("" for include)."""
    return "" if value == "include" else value


def shown_date(value: str | None, generated: bool, today: dt.date | None = None) -> str | None:
    """A date as shown: a generated report's date after today is not shown (None)."""
    if not value or not generated:
        return value
    today = today or dt.date.today()
    return None if value > today.isoformat()[: len(value)] else value


def shown_item(activity: dict[str, Any], generated: bool) -> dict[str, Any]:
    """An activity's item as shown: a generated report's future dates left out."""
    if not generated:
        return activity
    start = shown_date(activity["start_date"], True)
    return {
        **activity,
        "start_date": start,
        "end_date": shown_date(activity["end_date"], True) if start else None,
    }
