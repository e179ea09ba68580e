"""Imports every table so that Base.metadata is complete (for migrations and tests)."""

from ipcoop.activities.models import (
    Activity,
    ActivityLink,
    ActivityParty,
    ActivityTag,
    Evidence,
)
from ipcoop.db import Base, DataRevision, PublicChange
from ipcoop.parties.models import GroupMembership, Party, PartyAlias
from ipcoop.programmes.models import Instrument, ProgrammeOffer
from ipcoop.reports.models import Original, Report
from ipcoop.review.models import Account, ApiToken, AuditEvent, LoginFailure, WebSession

__all__ = [
    "Account",
    "Activity",
    "ActivityLink",
    "ActivityParty",
    "ActivityTag",
    "ApiToken",
    "AuditEvent",
    "Base",
    "DataRevision",
    "Evidence",
    "GroupMembership",
    "Instrument",
    "LoginFailure",
    "Original",
    "Party",
    "PartyAlias",
    "ProgrammeOffer",
    "PublicChange",
    "Report",
    "WebSession",
]
