"""Programme offers (seed 002) and instruments, bodies and platforms (seeds 001 and 004)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ipcoop.ingest import pipeline
from ipcoop.ingest.records import ExtractedReport


def _extract(seed: Callable[[str], Path], prefix: str) -> ExtractedReport:
    path = seed(prefix)
    return pipeline.extract(pipeline.Source(str(path), path.read_bytes()))


def test_gipa_programmes_are_offers_not_activities(seed: Callable[[str], Path]) -> None:
    report = _extract(seed, "002")
    assert report.activities == []
    assert [p.title for p in report.programmes] == [
        "Patent Programmes",
        "Plant Variety Protection (PVP)",
        "Trademark Programmes",
        "Copyright Programmes",
        "Trade Secrets Programmes",
        "Enforcement Programmes",
        "Distance learning",
    ]
    assert {p.provider.code for p in report.programmes if p.provider} == {"GIPA"}
    pvp = report.programmes[1]
    assert "plant_varieties" in pvp.topics
    span = pvp.evidence["title"][0]
    assert report.text[span.start : span.end] == "Plant Variety Protection (PVP)"


def test_joint_declaration(seed: Callable[[str], Path]) -> None:
    report = _extract(seed, "004")
    assert report.kind == "cooperation_instrument" and report.activities == []
    [declaration] = report.instruments
    assert declaration.kind == "declaration"
    assert declaration.title.startswith("Joint Declaration between The Republic of Korea")
    assert declaration.title.endswith("on Intellectual Property Cooperation 2022")
    assert [p.code for p in declaration.parties] == ["KOR", "ASEAN"]
    assert declaration.date is not None and declaration.date.iso == "2022-11-14"
    assert declaration.place == "Seoul, Republic of Korea"
    assert declaration.areas == [
        "Improvement of IP Education Infrastructure",
        "Advancement of IP System",
    ]


def test_regional_page_bodies_instruments_platforms(seed: Callable[[str], Path]) -> None:
    report = _extract(seed, "001")
    assert report.activities == []
    by_kind: dict[str, list[str]] = {}
    for item in report.instruments:
        by_kind.setdefault(item.kind, []).append(item.title)
    assert by_kind["framework_agreement"] == [
        "ASEAN Framework Agreement on Intellectual Property Cooperation"
    ]
    assert "ASEAN IPR Action Plan 2016-2025" in by_kind["action_plan"]
    assert "Task Force on Trademarks" in by_kind["body"]
    assert by_kind["platform"][0] == "ASEAN IP Portal" and len(by_kind["platform"]) == 8
    agreement = next(i for i in report.instruments if i.kind == "framework_agreement")
    assert agreement.date is not None and agreement.date.iso == "1995-12"
