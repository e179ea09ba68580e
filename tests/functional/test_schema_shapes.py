"""Every shape of an activity comes from its schema: a field added there reaches the API item,
the extract JSON and the export columns with no other edit, or fails loudly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import Field
from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload

from ipcoop.activities import export, shapes
from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import ActivityExtract, ActivityRead
from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest import pipeline, serialize
from ipcoop.ingest.service import ingest
from ipcoop.ingest.store import activity_record

ANNEX = (
    "Name of programme or project\tRegional Workshop on Border Measures\n"
    "Date and end date\t3 March 2021 - 5 March 2021\n"
    "Beneficiary Member(s) or observer(s)\tKenya; Atlantis\n"
    "Technical cooperation provider(s)\tWorld Customs Organization\n"
)


class ReadWithPosition(ActivityRead):
    """A schema grown by one field that a stored column holds."""

    position: int = Field(title="Position in its report")


class ExtractWithPosition(ActivityExtract):
    position: int = Field(title="Position in its report")


class ReadWithFunding(ActivityRead):
    """A schema grown by a field nothing stores yet."""

    funding_amount: float | None = Field(None, title="Funding amount")


def _extracted(tmp_path: Path) -> tuple[Path, pipeline.ExtractedReport]:
    path = tmp_path / "annex.txt"
    path.write_text(ANNEX, encoding="utf-8")
    return path, pipeline.extract(pipeline.load(path, max_bytes=1 << 20))


def test_the_three_shapes_agree_on_the_schema_fields(engine: Engine, tmp_path: Path) -> None:
    path, report = _extracted(tmp_path)
    extracted = serialize.report(report)["activities"][0]
    ingest(engine, [path], Settings(data_dir=tmp_path))
    with session_scope(engine) as session:
        stored = session.scalars(select(Activity).options(selectinload(Activity.report))).one()
        item = shapes.item(ActivityRead, stored)
        row = dict(zip(export.COLUMNS, export.row(stored), strict=True))
    assert set(item) == set(ActivityRead.model_fields)
    assert set(extracted) == set(ActivityExtract.model_fields)
    ActivityRead.model_validate(item)  # the item is what the OpenAPI document says
    ActivityExtract.model_validate(extracted)
    for name in set(ActivityRead.model_fields) & set(ActivityExtract.model_fields):
        if name not in ("beneficiaries", "providers"):
            assert item[name] == extracted[name], name
    assert item["beneficiaries"] == extracted["beneficiaries"]
    assert [b["unresolved"] for b in item["beneficiaries"]] == [False, True]
    assert row["beneficiaries.codes"] == "KEN; " and row["beneficiaries"] == "Kenya; Atlantis"
    assert row["start_date"] == "2021-03-03" and row["title"] == item["title"]


def test_a_field_added_to_the_schema_reaches_every_shape(
    engine: Engine, make_report: Callable[..., int], make_activity: Callable[..., Any]
) -> None:
    activity = make_activity(start="2021-03-03")
    extracted = shapes.item(ExtractWithPosition, activity_record(activity))
    assert "position" in extracted
    make_report(activities=[activity], reporting_party="CHE")
    with session_scope(engine) as session:
        stored = session.scalars(select(Activity).options(selectinload(Activity.report))).one()
        assert shapes.item(ReadWithPosition, stored)["position"] == 1
        names = [c.name for c in shapes.columns(ReadWithPosition)]
        headers = [c.header for c in shapes.columns(ReadWithPosition)]
        assert "position" in names and "Position in its report" in headers
        assert shapes.row(stored, ReadWithPosition)[names.index("position")] == 1


def test_a_field_nothing_stores_fails_loudly() -> None:
    with pytest.raises(KeyError, match="funding_amount"):
        shapes.readers(ReadWithFunding)
    with pytest.raises(KeyError, match="funding_amount"):
        shapes.columns(ReadWithFunding)
