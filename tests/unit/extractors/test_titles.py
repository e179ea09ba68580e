"""A document's title: its heading, its full instrument title, or (a page that opens with
prose) the name of the party it is about; never its first sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.ingest import pipeline, readers
from ipcoop.ingest.extractors import metadata


def _title(seed: Callable[[str], Path], prefix: str) -> tuple[str | None, str | None]:
    path = seed(prefix)
    report = pipeline.extract(pipeline.Source(str(path), path.read_bytes()))
    return report.title, report.reporting_party.code if report.reporting_party else None


@pytest.mark.parametrize(
    ("prefix", "title", "reporter"),
    [
        ("000", "APEC Intellectual Property Rights Experts' Group", "APEC-IPEG"),
        ("001", "ASEAN Working Group on Intellectual Property Cooperation", "ASEAN-AWGIPC"),
        ("002", "Technical Cooperation Activities under TRIPS Art. 67.", "USA"),
        (
            "003",
            "TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM OTHER INTERGOVERNMENTAL "
            "ORGANIZATIONS",
            "WCO",
        ),
        (
            "004",
            "Joint Declaration between The Republic of Korea and The Association of South "
            "East Asian Nations (ASEAN) on Intellectual Property Cooperation 2022",
            "KOR",
        ),
    ],
)
def test_seed_titles(
    seed: Callable[[str], Path], prefix: str, title: str, reporter: str | None
) -> None:
    assert _title(seed, prefix) == (title, reporter)


def test_a_page_opening_with_prose_and_naming_no_party_keeps_its_first_line() -> None:
    text = "Capacity building in the region has grown over the last ten years.\n\nMore text.\n"
    meta = metadata.extract(readers.read(text.encode(), source="page.txt"))
    assert meta.title == "Capacity building in the region has grown over the last ten years."


def test_a_short_first_line_is_a_title() -> None:
    text = "Cooperation with Kenya\n\nKenya and the EPO held a workshop in Nairobi in 2019.\n"
    meta = metadata.extract(readers.read(text.encode(), source="page.txt"))
    assert meta.title == "Cooperation with Kenya"
