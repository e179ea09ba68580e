"""JSON API for parties."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from ipcoop.dependencies import DbSession
from ipcoop.parameters import PartyPath, choice
from ipcoop.parties.models import Party
from ipcoop.parties.schemas import PartyPagination, PartyRead
from ipcoop.parties.service import get_party, list_parties
from ipcoop.vocabularies import PARTY_CATEGORIES

router = APIRouter(tags=["parties"])
CATEGORIES = sorted(PARTY_CATEGORIES)


def party_json(party: Party) -> dict[str, Any]:
    """A party's reference record."""
    return {
        "code": party.code,
        "category": party.category,
        "name": party.name_en,
        "names": {"en": party.name_en, "fr": party.name_fr, "es": party.name_es},
        "iso2": party.iso2,
        "iso3": party.iso3,
        "isonum": party.isonum,
        "wto_status": party.wto_status,
        "parent": party.parent_code,
        "url": f"/parties/{party.code}",
    }


@router.get("/parties", response_model=PartyPagination)
def parties(
    session: DbSession,
    category: str | None = choice(
        CATEGORIES, "Only parties of this category: " + ", ".join(CATEGORIES)
    ),
) -> dict[str, Any]:
    """Every party in the reference data."""
    rows = list_parties(session, category=category)
    return {
        "total": len(rows),
        "items": [party_json(p) for p in rows],
        "facets": {},
        "next_cursor": None,
    }


@router.get("/parties/{code}", response_model=PartyRead)
def party(code: PartyPath, session: DbSession) -> dict[str, Any]:
    """One party's reference record."""
    found = get_party(session, code.upper())
    if found is None:
        raise HTTPException(404, f"No party {code!r}; /api/v1/parties lists the codes")
    return party_json(found)
