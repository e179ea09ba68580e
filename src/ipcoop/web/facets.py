"""The search page's facets: the search's own, the groups of beneficiaries (LDC, ASEAN ...)
counted by membership on each activity's date, and the reporting party only where it tells
something the provider does not."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ipcoop.parties.resolver import Resolver
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.index import current
from ipcoop.search.service import FacetValue, SearchResult

SHOWN = 8  # values shown before "show more"


def groups(session: Session, filters: ActivityFilters) -> list[FacetValue]:
    """Matching activities per group of parties, most first: an activity counts for a group
    when one of its beneficiaries was a member on its start date (as the filter selects)."""
    index = current(session)
    parties = [p for p in Resolver.default().parties() if p.category == "group"]
    counts = index.group_counts(index.mask(session, filters), [p.code for p in parties])
    found = [FacetValue(p.code, p.name_en, counts[p.code]) for p in parties if counts[p.code]]
    found.sort(key=lambda v: (-v.count, v.code))
    return found


def page_facets(
    session: Session, filters: ActivityFilters, result: SearchResult
) -> list[tuple[str, list[FacetValue]]]:
    """The facets in the page's order, each with its values (empty facets left out).

    Most reports name no provider other than themselves, so the extractor records the
    reporting party as each activity's provider: the two facets then hold the same values and
    counts, and the reporting party's facet is left out.
    """
    out: list[tuple[str, list[FacetValue]]] = []
    for name, values in result.facets.items():
        if name == "reporter" and values == result.facets.get("provider"):
            continue
        if values:
            out.append((name, values))
        if name == "beneficiary":
            grouped = groups(session, filters)
            if grouped:
                out.append(("group", grouped))
    return out
