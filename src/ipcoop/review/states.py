"""Who an account is, and the states a reporter still writes in (ReportState is reference
data: ipcoop.vocabularies).

The values are what the database stores and the API shows: they never change.
"""

from __future__ import annotations

from enum import StrEnum

from ipcoop.vocabularies import ReportState


class Role(StrEnum):
    """What an account may do (see ipcoop.review.permissions)."""

    REPORTER = "reporter"
    CURATOR = "curator"
    ADMIN = "admin"


# the reporter's own states: still being written
EDITABLE = frozenset({ReportState.DRAFT, ReportState.RETURNED})

__all__ = ["EDITABLE", "ReportState", "Role"]
