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


class PartyCategory(StrEnum):
    """What a party of the reference data is (parties.csv, ``parties.category``)."""

    ECONOMY = "economy"
    IGO = "igo"
    AGENCY = "agency"
    FORUM = "forum"
    GROUP = "group"
    OTHER = "other"


class InstrumentForm(StrEnum):
    """What form an instrument takes (``instruments.form``); platforms and bodies have their
    own sections, the other forms are listed as instruments."""

    DECLARATION = "declaration"
    MOU = "mou"
    FRAMEWORK_AGREEMENT = "framework_agreement"
    AGREEMENT = "agreement"
    ACTION_PLAN = "action_plan"
    GUIDELINES = "guidelines"
    PLATFORM = "platform"
    BODY = "body"


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
PARTY_CATEGORIES: tuple[str, ...] = tuple(PartyCategory)

__all__ = [
    "AUDIENCES",
    "MODALITIES",
    "PARTY_CATEGORIES",
    "REPORT_KINDS",
    "TOPICS",
    "TYPES",
    "InstrumentForm",
    "PartyCategory",
    "PartyRole",
    "ReportKind",
    "ReportState",
    "ReviewState",
    "TagVocabulary",
]
