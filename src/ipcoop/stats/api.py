"""JSON API for aggregations: counts by dimension and party profiles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from ipcoop.dependencies import activity_filters, get_session
from ipcoop.reports.provenance import choice, search_value
from ipcoop.search.filters import ActivityFilters
from ipcoop.stats.service import DIMENSIONS, TOP, UnknownPartyCode, counts, profile

router = APIRouter(tags=["stats"])


@router.get("/stats")
def stats(
    by: list[str] = Query(
        ["year"], description="One or two dimensions: " + ", ".join(DIMENSIONS) + "."
    ),
    filters: ActivityFilters = Depends(activity_filters),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """Matching activities counted by one or two dimensions (every activity filter applies).

    A null value counts activities without one; an activity with several topics, audiences,
    beneficiaries or providers is counted once under each, so such rows may add up past total.
    """
    return counts(session, filters, by).as_json()


@router.get("/parties/{code}/profile")
def party_profile(
    code: str,
    top: int = Query(TOP, ge=1, le=300, description="How many top partners per role."),
    generated: str | None = Query(
        None, description="Reports made by `ipcoop synth`: exclude (default), include or only."
    ),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """One party as provider, beneficiary and reporter: counts by year, topic, type; partners.

    A group (LDC, ASEAN) as beneficiary counts the activities of its members at their dates.
    """
    try:
        return profile(session, code, top=top, generated=search_value(choice(generated))).as_json()
    except UnknownPartyCode as error:
        raise HTTPException(404, str(error)) from None
