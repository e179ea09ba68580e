"""The API's and the pages' parameter types, declared once: each says what it accepts in the
OpenAPI document and the request is checked against exactly that before any code runs, so an
id past what the database holds or a misspelt choice is a 422 naming it, never a 500.

Values whose validity the reference data decides (party codes, vocabulary codes) are checked by
``ipcoop.search.filters`` (a FilterError naming the value); here they are only documented, with
the same list of values the filters check against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import Path, Query

from ipcoop.db import INTEGER_MAX
from ipcoop.parties.schemas import PartyCode, one_of

__all__ = ["ID_RANGE", "Offset", "PartyCode", "PartyPath", "RowId", "choice", "one_of"]

ID_RANGE = f"1 to {INTEGER_MAX}"

RowId = Annotated[int, Path(ge=1, le=INTEGER_MAX, description=f"The record's id ({ID_RANGE}).")]
Offset = Annotated[
    int, Query(ge=0, le=INTEGER_MAX, description="How many items to skip (0 for the first).")
]

# a year the filters take (ipcoop.search.filters.year); empty is no year, as a blank form sends
YEAR = r"^(19[0-9]{2}|20[0-9]{2}|2100)?$"
# a cursor is base64url text as next_cursor gives it; only the query that gave it takes it
CURSOR = r"^[A-Za-z0-9_-]*$"
# a party code in the path: letters, digits and hyphens (KEN, LDC, WORLD-BANK); 404 if unknown
PartyPath = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9-]{1,32}$", description="A party code (KEN, LDC, WCO).")
]


def row_id(description: str) -> Any:
    """An optional id in the query string (a filter on a report, an audit position)."""
    return Query(None, ge=1, le=INTEGER_MAX, description=f"{description} ({ID_RANGE}).")


def year(description: str) -> Any:
    """An optional year from 1900 to 2100 in the query string."""
    return Query(None, pattern=YEAR, description=f"{description} (1900 to 2100).")


def cursor() -> Any:
    """The next_cursor of the previous page of the same query."""
    return Query(
        None,
        pattern=CURSOR,
        description="next_cursor of the previous page of the same query; any other value "
        "is a 422 problem (start again without a cursor).",
    )


def choice(values: Iterable[str], description: str) -> Any:
    """An optional query parameter that is one of these values (or empty: no filter), checked
    here, as its pattern says."""
    alternatives = "|".join(re.escape(str(v)) for v in dict.fromkeys(values))
    return Query(None, pattern=f"^({alternatives})?$", description=description)
