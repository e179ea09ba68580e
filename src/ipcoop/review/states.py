"""Where a report stands in the submission workflow, and who an account is.

The values are what the database stores and the API shows: they never change.
"""

from __future__ import annotations

from enum import StrEnum


class ReportState(StrEnum):
    """A report's workflow state. Ingested legacy documents are published (with provenance)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    # an earlier published version, replaced by a published correction
    SUPERSEDED = "superseded"


class Role(StrEnum):
    """What an account may do (see ipcoop.review.permissions)."""

    REPORTER = "reporter"
    CURATOR = "curator"
    ADMIN = "admin"


# the reporter's own states: still being written
EDITABLE = frozenset({ReportState.DRAFT, ReportState.RETURNED})
