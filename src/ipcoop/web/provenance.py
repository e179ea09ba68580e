"""A page's ``?generated=`` choice: whether it shows the reports `ipcoop synth` generated."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from ipcoop.reports.provenance import choice


def page_provenance(
    generated: str | None = Query(
        None, description="Generated reports: exclude (default), include or only."
    ),
) -> str:
    """Which reports a page shows by provenance: generated ones are left out unless asked."""
    return choice(generated)


# a page handler's parameter: ``provenance: Provenance``
Provenance = Annotated[str, Depends(page_provenance)]
