"""The shapes of parties as the API, the extract JSON and the exports show them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, Field, WithJsonSchema

from ipcoop.parties.resolver import Resolver
from ipcoop.vocabularies import PartyCategory, PartyRole


def one_of(values: Iterable[str], *, blank: bool = False) -> WithJsonSchema:
    """A string documented as one of these values (and empty, where an empty value means none):
    ``Annotated[str, one_of(TOPICS)]``; the values are checked where they are read (the filters,
    the review service), which name an unknown one."""
    listed = [""] if blank else []
    listed += [str(v) for v in dict.fromkeys(values)]
    return WithJsonSchema({"type": "string", "enum": listed})


PARTY_CODES = sorted(p.code for p in Resolver.default().parties())
# a party named in a filter: its code as GET /api/v1/parties lists them (a name is resolved too)
PartyCode = Annotated[str, one_of(PARTY_CODES, blank=True)]


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
    category: PartyCategory = Field(
        title="Category", description="economy, igo, agency, forum, group or other."
    )
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
