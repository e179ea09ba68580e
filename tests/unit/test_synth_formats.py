"""`ipcoop synth` in every format: each generated corpus, ingested through the real service into
an SQLite file, gives back the activities its truth.json holds.

The same seed gives every format the same content, so the five corpora describe the same
activities written five ways. Figures measured on 25 reports (250 activities) per format,
seed 7: activity count, title, start and end exact everywhere; beneficiaries exact for all
250 activities in every format (prose too: the participants' origin, the requester and the
national authorities named around the event); participants exact; city exact for all 250.
The three gaps once pinned below as strict xfails ("Sao Tome and Principe" split on its
"and", no beneficiaries read from prose, "Dar es Salaam" not found as a place) are fixed, and
their tests now assert the fixed behaviour.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from ipcoop.activities.models import Activity
from ipcoop.cli import app
from ipcoop.config import Settings
from ipcoop.db import make_engine, session_scope
from ipcoop.ingest import pipeline
from ipcoop.ingest.service import ingest
from ipcoop.migrate import upgrade
from ipcoop.parties.resolver import Resolver
from ipcoop.quality.synth import (
    FORMATS,
    LAST_YEAR,
    UnknownFormat,
    draft,
    generate,
    mix,
    sample_activity,
    write,
)
from ipcoop.reports.models import Report

SEED = 67  # the demo's seed
REPORTS = 3
ACTIVITIES = 10
# share of activities whose beneficiaries come back exactly (see the module docstring)
BENEFICIARY_FLOOR = {"text": 1.0, "docx": 1.0, "pdf": 1.0, "html": 1.0, "prose": 1.0}
CITY_FLOOR = 1.0  # 30 of 30 at this seed (one activity in Dar es Salaam)

Found = dict[str, Any]


def _read_back(engine: Any) -> dict[str, dict[str, Any]]:
    """Per file name: the stored report's kind, reporting party and activities in order."""
    out: dict[str, dict[str, Any]] = {}
    with session_scope(engine) as session:
        for report in session.scalars(select(Report)):
            activities = session.scalars(
                select(Activity).where(Activity.report_id == report.id).order_by(Activity.position)
            )
            out[Path(report.source_name).name] = {
                "kind": report.kind,
                "reporter": report.reporting_party_code,
                "activities": [
                    {
                        "title": a.title,
                        "start": a.start_date,
                        "end": a.end_date,
                        "beneficiaries": [
                            p.party_code for p in a.parties if p.role == "beneficiary"
                        ],
                        "providers": [p.party_code for p in a.parties if p.role == "provider"],
                        "city": a.city,
                        "participants": a.participants,
                    }
                    for a in activities
                ],
            }
    return out


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any, Any]]:
    """Per format: (truth.json, what the database holds per file, the ingest summary)."""
    root = tmp_path_factory.mktemp("synth")
    engine = make_engine(f"sqlite:///{root / 'ipcoop.sqlite3'}")
    upgrade(engine)
    out = {}
    try:
        for fmt in FORMATS:
            folder = root / fmt
            generate(folder, reports=REPORTS, seed=SEED, activities=ACTIVITIES, formats=(fmt,))
            truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
            summary = ingest(engine, [folder], Settings(data_dir=root))
            stored = _read_back(engine)
            out[fmt] = (truth, {name: stored[name] for name in truth}, summary)
    finally:
        engine.dispose()
    return out


def _pairs(corpora: dict[str, Any], fmt: str) -> list[tuple[dict[str, Any], Found]]:
    truth, stored, _ = corpora[fmt]
    pairs = []
    for name, told in truth.items():
        found = stored[name]["activities"]
        assert len(found) == len(told["activities"]), name
        pairs += list(zip(told["activities"], found, strict=True))
    return pairs


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_is_stored_with_every_activity(corpora: dict[str, Any], fmt: str) -> None:
    truth, stored, summary = corpora[fmt]
    assert [o.status for o in summary.outcomes] == ["stored"] * REPORTS
    assert len(truth) == REPORTS
    for name, told in truth.items():
        assert told["format"] == fmt
        assert name.endswith({"docx": ".docx", "pdf": ".pdf", "html": ".html"}.get(fmt, ".txt"))
        assert stored[name]["kind"] == "art67_report"
        assert stored[name]["reporter"] == told["provider"]
        assert len(stored[name]["activities"]) == len(told["activities"]) == ACTIVITIES


@pytest.mark.parametrize("fmt", FORMATS)
def test_titles_and_dates_come_back_exactly(corpora: dict[str, Any], fmt: str) -> None:
    for told, found in _pairs(corpora, fmt):
        assert (found["title"], found["start"], found["end"]) == (
            told["title"],
            told["start"],
            told["end"],
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_beneficiaries_providers_participants_and_cities(corpora: dict[str, Any], fmt: str) -> None:
    truth, _, _ = corpora[fmt]
    pairs = _pairs(corpora, fmt)
    exact = sum(found["beneficiaries"] == told["beneficiaries"] for told, found in pairs)
    assert exact / len(pairs) >= BENEFICIARY_FLOOR[fmt]
    for told, found in pairs:
        assert set(found["beneficiaries"]) <= set(told["beneficiaries"])  # nothing invented
        assert found["participants"] == told["participants"]
    cities = sum(found["city"] == told["city"] for told, found in pairs)
    assert cities / len(pairs) >= CITY_FLOOR
    providers = {tuple(found["providers"]) for _, found in pairs}
    assert providers <= {(t["provider"],) for t in truth.values()}


def test_the_gateway_table_states_no_end_place_count_or_audience(
    corpora: dict[str, Any],
) -> None:
    truth, _, _ = corpora["html"]
    for told in truth.values():
        for activity in told["activities"]:
            assert activity["start"] and activity["title"] and activity["beneficiaries"]
            assert activity["end"] is activity["city"] is activity["participants"] is None
            assert activity["audience"] is None


def test_every_format_holds_the_same_content(corpora: dict[str, Any]) -> None:
    """The content does not depend on the format: only what each format can state differs."""
    text = corpora["text"][0]
    for fmt in FORMATS:
        truth = corpora[fmt][0]
        for (_, a), (_, b) in zip(text.items(), truth.items(), strict=True):
            assert a["provider"] == b["provider"]
            assert [x["title"] for x in a["activities"]] == [x["title"] for x in b["activities"]]
            assert [x["start"] for x in a["activities"]] == [x["start"] for x in b["activities"]]


# ------------------------------------------------------------------ determinism


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_in_every_format(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate(first, reports=10, seed=5, activities=3, formats=FORMATS)
    generate(second, reports=10, seed=5, activities=3, formats=FORMATS)
    files = _files(first)
    assert files == _files(second)  # DOCX and PDF too: fixed zip times and PDF dates
    assert {Path(n).suffix for n in files} == {".txt", ".docx", ".pdf", ".html", ".json"}
    other = tmp_path / "c"
    generate(other, reports=10, seed=6, activities=3, formats=FORMATS)
    assert _files(other)["truth.json"] != files["truth.json"]


def test_generated_docx_and_pdf_read_the_same_twice(tmp_path: Path) -> None:
    generate(tmp_path / "a", reports=2, seed=9, activities=2, formats=("docx", "pdf"))
    generate(tmp_path / "b", reports=2, seed=9, activities=2, formats=("docx", "pdf"))
    for path in sorted((tmp_path / "a").glob("synthetic-*")):
        again = tmp_path / "b" / path.name
        first = pipeline.read(pipeline.load(path, max_bytes=10**7))
        second = pipeline.read(pipeline.load(again, max_bytes=10**7))
        assert first.text == second.text


def test_default_is_annex_text_only(tmp_path: Path) -> None:
    """Callers that pass only (out, reports, seed, activities), like the benchmark, keep an
    all-annex-text corpus."""
    total = generate(tmp_path, reports=4, seed=67, activities=2)
    assert total == 8
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json"] + [".txt"] * 4
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert {t["format"] for t in truth.values()} == {"text"}
    assert all("Name of programme or project\t" in (tmp_path / n).read_text() for n in truth)


def test_the_mix_spreads_reports_evenly_in_an_order_fixed_by_the_seed() -> None:
    order = mix(FORMATS, 60, 67)
    assert Counter(order) == dict.fromkeys(FORMATS, 12)
    assert order == mix(FORMATS, 60, 67)
    assert order != mix(FORMATS, 60, 68)
    assert set(mix(FORMATS, 5, 1)) == set(FORMATS)
    assert mix(("pdf",), 3, 1) == ["pdf"] * 3
    with pytest.raises(UnknownFormat, match="rtf"):
        mix(("text", "rtf"), 3, 1)
    with pytest.raises(UnknownFormat):
        mix((), 3, 1)


def test_years_run_from_1996_to_2026_inclusive() -> None:
    rng, resolver = random.Random(1), Resolver.default()
    titles: list[str] = []
    years = {draft(i, rng, resolver, 0, titles).year for i in range(1500)}
    assert min(years) == 1996 and max(years) == LAST_YEAR == 2026


def test_sample_activity_keeps_its_signature_and_keys() -> None:
    titles: list[str] = []
    activity = sample_activity(random.Random(3), Resolver.default(), 2026, titles)
    assert set(activity) == {
        "title",
        "start",
        "end",
        "beneficiaries",
        "city",
        "participants",
        "audience",
    }
    assert titles == [activity["title"]] and activity["start"].startswith("2026-")


# ------------------------------------------------------------------ the command


def test_cli_writes_the_mix_by_default_and_one_format_on_request(tmp_path: Path) -> None:
    runner = CliRunner()
    mixed = tmp_path / "mixed"
    result = runner.invoke(app, ["synth", "--reports", "5", "--seed", "67", "-o", str(mixed)])
    assert result.exit_code == 0, result.output
    assert "5 reports" in result.output and "50 activities" in result.output
    truth = json.loads((mixed / "truth.json").read_text(encoding="utf-8"))
    assert sorted(t["format"] for t in truth.values()) == sorted(FORMATS)
    only = tmp_path / "only"
    result = runner.invoke(
        app, ["synth", "--reports", "2", "-o", str(only), "--format", "html", "--format", "pdf"]
    )
    assert result.exit_code == 0, result.output
    assert {p.suffix for p in only.glob("synthetic-*")} <= {".html", ".pdf"}
    bad = runner.invoke(
        app, ["synth", "--reports", "2", "-o", str(tmp_path / "x"), "--format", "rtf"]
    )
    assert bad.exit_code == 2


# ------------------------------------------------------------------ gaps once known, now fixed


def _one(fmt: str, codes: list[str], city: str | None = None) -> Any:
    rng, resolver = random.Random(2), Resolver.default()
    planned = draft(1, rng, resolver, 1, [])
    planned.activities[0].update(beneficiaries=codes, city=city)
    item = write(planned, fmt, resolver, seed=2)
    report = pipeline.extract(pipeline.Source(item.name, item.data))
    [activity] = report.activities
    return activity, item.truth["activities"][0]


def test_names_with_and_in_them() -> None:
    activity, told = _one("text", ["STP"])
    assert [b.code for b in activity.beneficiaries] == told["beneficiaries"]


def test_beneficiaries_in_prose() -> None:
    activity, told = _one("prose", ["KHM"], "Phnom Penh")
    assert [b.code for b in activity.beneficiaries] == told["beneficiaries"]


def test_city_with_a_lower_case_word() -> None:
    activity, told = _one("text", ["TZA"], "Dar es Salaam")
    assert activity.city == told["city"]
