"""The controlled vocabularies: reference data every layer may read.

The taxonomy (topics, activity types, audiences, modality) is in ``terms``; the named states
and roles that records carry are the enums here. Their values are what the database stores and
the API shows, so they never change; their labels for people are in the message catalogs.
"""

from __future__ import annotations

from enum import StrEnum

from ipcoop.vocabularies.terms import AUDIENCES, MODALITIES, TOPICS, TYPES


class ReportKind(StrEnum):
    """What kind of document a report is."""

    ART67_REPORT = "art67_report"
    ART66_2_REPORT = "art66_2_report"
    REGIONAL_PAGE = "regional_page"
    COOPERATION_INSTRUMENT = "cooperation_instrument"
    OTHER = "other"


class PartyRole(StrEnum):
    """What a party is to an activity."""

    BENEFICIARY = "beneficiary"
    PROVIDER = "provider"
    FUNDING = "funding"
    IMPLEMENTING = "implementing"
    PARTNER = "partner"


class ReviewState(StrEnum):
    """Where a report stands in review."""

    INGESTED = "ingested"
    NEEDS_REVIEW = "needs_review"


class ReportState(StrEnum):
    """Where a report stands in the submission workflow (ipcoop.review): ingested documents are
    published; only published reports are public."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    # an earlier published version, replaced by a published correction
    SUPERSEDED = "superseded"


class TagVocabulary(StrEnum):
    """The vocabulary an activity's tag is from."""

    TOPIC = "topic"
    AUDIENCE = "audience"


REPORT_KINDS: tuple[str, ...] = tuple(ReportKind)

__all__ = [
    "AUDIENCES",
    "MODALITIES",
    "REPORT_KINDS",
    "TOPICS",
    "TYPES",
    "PartyRole",
    "ReportKind",
    "ReportState",
    "ReviewState",
    "TagVocabulary",
]
