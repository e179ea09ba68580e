"""The shapes of counts and party profiles in the API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ipcoop.vocabularies import PartyCategory


class StatsRead(BaseModel):
    """Matching activities counted by one or two dimensions."""

    total: int = Field(title="Matching activities")
    by: list[str] = Field(title="Dimensions")
    rows: list[dict[str, Any]] = Field(
        title="Counts", description="One row per combination: each dimension's value and count."
    )
    labels: dict[str, dict[str, str]] = Field(
        title="Labels", description="A readable label for each code, per dimension (not years)."
    )


class RoleRead(BaseModel):
    """What a party did in one role (provider, beneficiary, reporter)."""

    role: str
    total: int
    activities: str = Field(description="The API search listing these activities.")
    search: str = Field(description="The search page listing these activities.")
    by_year: list[dict[str, Any]]
    undated: int
    by_topic: list[dict[str, Any]]
    by_type: list[dict[str, Any]]
    partner_role: str
    partners: list[dict[str, Any]]
    partners_total: int
    map: list[dict[str, Any]]
    same_as: str | None = None


class ProfileParty(BaseModel):
    """The party a profile is of."""

    code: str
    category: PartyCategory
    name: str
    names: dict[str, str | None]
    iso3: str | None = None
    isonum: str | None = None
    parent: str | None = None
    members: list[str]
    url: str


class ProfileRead(BaseModel):
    """One party as provider, beneficiary and reporter."""

    party: ProfileParty
    roles: dict[str, RoleRead]
