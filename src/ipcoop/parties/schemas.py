"""The shapes of parties as the API, the extract JSON and the exports show them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ipcoop.vocabularies import PartyRole


class PartyMention(BaseModel):
    """A party named by a record: resolved to a code, or kept by name and flagged unresolved."""

    code: str | None = Field(None, title="Code")
    name: str = Field(title="Name")
    via_group: str | None = Field(
        None, title="Named through group", description="The group it was named through (LDC)."
    )
    role: PartyRole | None = Field(
        None, title="Role", description="For providers other than the provider itself."
    )
    unresolved: bool = Field(False, title="Unresolved")


class PartyRead(BaseModel):
    """A party's reference record."""

    code: str = Field(title="Code")
    kind: str = Field(title="Kind of party", description="economy, igo, agency, forum or group.")
    name: str = Field(title="Name")
    names: dict[str, str | None] = Field(title="Names", description="English, French, Spanish.")
    iso2: str | None = None
    iso3: str | None = None
    isonum: str | None = None
    wto_status: str | None = Field(None, title="WTO status")
    parent: str | None = Field(None, title="Part of")
    url: str


class PartyPagination(BaseModel):
    """Every party of the reference data (one page)."""

    total: int
    items: list[PartyRead]
    facets: dict[str, list[dict[str, object]]] = Field(default_factory=dict)
    next_cursor: str | None = None
