"""JSON API for aggregations: counts by dimension and party profiles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ipcoop.dependencies import DbSession, activity_filters
from ipcoop.parameters import PartyPath, choice, one_of
from ipcoop.reports.provenance import CHOICES, search_value
from ipcoop.reports.provenance import choice as provenance
from ipcoop.search.filters import ActivityFilters
from ipcoop.stats.schemas import ProfileRead, StatsRead
from ipcoop.stats.service import DIMENSIONS, TOP, UnknownPartyCode, counts, profile

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsRead)
def stats(
    session: DbSession,
    by: list[Annotated[str, one_of(DIMENSIONS)]] = Query(
        ["year"],
        min_length=1,
        max_length=2,
        description="One or two different dimensions: " + ", ".join(DIMENSIONS) + ".",
        json_schema_extra={"uniqueItems": True},
    ),
    filters: ActivityFilters = Depends(activity_filters),
) -> dict[str, Any]:
    """Matching activities counted by one or two dimensions (every activity filter applies).

    A null value counts activities without one; an activity with several topics, audiences,
    beneficiaries or providers is counted once under each, so such rows may add up past total.
    """
    return counts(session, filters, by).as_json()


@router.get("/parties/{code}/profile", response_model=ProfileRead)
def party_profile(
    code: PartyPath,
    session: DbSession,
    top: int = Query(TOP, ge=1, le=300, description="How many top partners per role."),
    generated: str | None = choice(
        CHOICES, "Reports made by `ipcoop synth`: exclude (default), include or only."
    ),
) -> dict[str, Any]:
    """One party as provider, beneficiary and reporter: counts by year, topic, type; partners.

    A group (LDC, ASEAN) as beneficiary counts the activities of its members at their dates.
    """
    try:
        return profile(
            session, code, top=top, generated=search_value(provenance(generated))
        ).as_json()
    except UnknownPartyCode as error:
        raise HTTPException(404, str(error)) from None
