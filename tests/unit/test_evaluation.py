"""The gold matcher and scorer on hand-built activities: no seeds, no pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from ipcoop.ingest.records import (
    ExtractedActivity,
    ExtractedReport,
    PartialDate,
    Participants,
    PartyRef,
)
from ipcoop.quality.evaluation import (
    DocumentResult,
    Evaluation,
    EvaluationError,
    fold,
    gold_activity,
    load_gold,
    render,
    score_activities,
    score_document,
)

WORKSHOP = "National Workshop on Combating Counterfeiting and Piracy"


def extracted(
    title: str,
    start: str | None,
    end: str | None = None,
    codes: tuple[str, ...] = (),
    count: int | None = None,
    city: str | None = None,
) -> ExtractedActivity:
    return ExtractedActivity(
        title=title,
        start=PartialDate(start) if start else None,
        end=PartialDate(end) if end else None,
        beneficiaries=[PartyRef(name=c, code=c) for c in codes],
        participants=Participants(count) if count is not None else None,
        city=city,
    )


GOLD = [
    gold_activity(
        {
            "title": WORKSHOP,
            "start": "2022-09-26",
            "end": "2022-09-30",
            "beneficiaries": ["LAO"],
            "participants": 28,
            "city": "Vientiane",
        },
        "gold 1",
    ),
    gold_activity(
        {
            "title": WORKSHOP,
            "start": "2022-11-28",
            "end": "2022-12-02",
            "beneficiaries": ["ECU"],
            "participants": 20,
            "city": "Guayaquil",
        },
        "gold 2",
    ),
    gold_activity(
        {
            "title": "Sub-regional Workshop on Combatting Counterfeiting and Piracy",
            "start": "2023-05-31",
            "end": "2023-06-02",
            "beneficiaries": ["ARG", "BOL", "CHL", "PRY", "URY"],
            "participants": 26,
            "city": ["Iguazú", "Puerto Iguazú"],
        },
        "gold 3",
    ),
]


def perfect() -> list[ExtractedActivity]:
    return [
        extracted(WORKSHOP, "2022-09-26", "2022-09-30", ("LAO",), 28, "Vientiane"),
        extracted(WORKSHOP, "2022-11-28", "2022-12-02", ("ECU",), 20, "Guayaquil"),
        extracted(
            "Sub-regional Workshop on Combatting Counterfeiting and Piracy",
            "2023-05-31",
            "2023-06-02",
            ("ARG", "BOL", "CHL", "PRY", "URY"),
            26,
            "IGUAZU",
        ),
    ]


def test_perfect_extraction_scores_one_everywhere() -> None:
    activities, fields, _, invented, missed = score_activities(GOLD, perfect())
    assert (activities.precision, activities.recall, activities.f1) == (1.0, 1.0, 1.0)
    assert invented == [] and missed == []
    assert all(score.f1 == 1.0 and score.accuracy == 1.0 for score in fields.values())
    assert fields["city"].tp == 3  # "IGUAZU" equals "Iguazú" ignoring case and accent


def test_same_title_workshops_pair_by_date_and_beneficiary() -> None:
    # Reversed order: the greedy matcher must still pair each with its own dates.
    _, fields, matches, _, _ = score_activities(GOLD[:2], list(reversed(perfect()[:2])))
    assert len(matches) == 2
    assert all(g.start == f.start and g.beneficiaries == f.beneficiaries for g, f, _ in matches)
    assert fields["start"].f1 == 1.0 and fields["beneficiaries"].f1 == 1.0


def test_invented_activity_lowers_precision_only() -> None:
    found = [*perfect(), extracted("Regional Seminar on Trade Secrets", "2021-03-01")]
    activities, _, _, invented, missed = score_activities(GOLD, found)
    assert activities.precision == pytest.approx(3 / 4)
    assert activities.recall == 1.0
    assert invented == ["Regional Seminar on Trade Secrets"] and missed == []


def test_missed_activity_lowers_recall_only() -> None:
    activities, _, _, invented, missed = score_activities(GOLD, perfect()[:2])
    assert activities.precision == 1.0
    assert activities.recall == pytest.approx(2 / 3)
    assert activities.f1 == pytest.approx(0.8)
    assert missed == ["Sub-regional Workshop on Combatting Counterfeiting and Piracy"]
    assert invented == []


def test_wrong_start_date_lowers_the_start_field() -> None:
    found = perfect()
    found[2] = extracted(
        "Sub-regional Workshop on Combatting Counterfeiting and Piracy",
        "2023-05",
        "2023-06-02",
        ("ARG", "BOL", "CHL", "PRY", "URY"),
        26,
        "Iguazú",
    )
    activities, fields, _, _, _ = score_activities(GOLD, found)
    assert activities.f1 == 1.0  # still matched by its title
    assert fields["start"].tp == 2 and fields["start"].fp == 1 and fields["start"].fn == 1
    assert fields["start"].f1 == pytest.approx(2 / 3)
    assert fields["start"].accuracy == pytest.approx(2 / 3)
    assert fields["end"].f1 == 1.0


def test_beneficiaries_are_micro_averaged_sets() -> None:
    found = perfect()
    found[2].beneficiaries = [PartyRef(name=c, code=c) for c in ("ARG", "BRA", "CHL")]
    _, fields, _, _, _ = score_activities(GOLD, found)
    benef = fields["beneficiaries"]
    # LAO, ECU right; ARG, CHL right, BRA invented; BOL, PRY, URY missed.
    assert (benef.tp, benef.fp, benef.fn) == (4, 1, 3)
    assert benef.precision == pytest.approx(4 / 5)
    assert benef.recall == pytest.approx(4 / 7)
    assert benef.accuracy == pytest.approx(2 / 3)


def test_missing_participants_and_city_count_as_false_negatives() -> None:
    found = perfect()
    found[0].participants = None
    found[0].city = None
    found[1].city = "Quito"
    _, fields, _, _, _ = score_activities(GOLD, found)
    assert (fields["participants"].tp, fields["participants"].fn) == (2, 1)
    assert fields["participants"].precision == 1.0
    assert (fields["city"].tp, fields["city"].fp, fields["city"].fn) == (1, 1, 2)


def test_unrelated_title_without_shared_date_is_not_matched() -> None:
    gold = [gold_activity({"title": "One Village, One Brand", "start": "2010-06-23"}, "g")]
    found = [extracted("Training for Trainers", "2010-11-30", city="Sanya")]
    activities, _, matches, invented, missed = score_activities(gold, found)
    assert matches == [] and activities.f1 == 0.0
    assert invented == ["Training for Trainers"] and missed == ["One Village, One Brand"]


def test_same_start_and_city_match_despite_different_titles() -> None:
    gold = [
        gold_activity({"title": "ABAC-IPEG Dialogue", "start": "2010-02", "city": "Hiroshima"}, "g")
    ]
    found = [extracted("30th IPEG Meeting side event", "2010-02", city="Hiroshima")]
    activities, fields, _, _, _ = score_activities(gold, found)
    assert activities.f1 == 1.0
    assert fields["title"].f1 == 0.0


def test_both_sides_empty_is_perfect() -> None:
    activities, fields, _, invented, missed = score_activities([], [])
    assert activities.f1 == 1.0 and invented == [] and missed == []
    assert fields["start"].pairs == 0


def test_report_level_counts_and_rendering() -> None:
    report = ExtractedReport(
        source="x.txt",
        sha256="0",
        media_type="text/plain",
        text="",
        kind="art67_report",
        reporting_party=PartyRef("World Customs Organization", "WCO"),
        activities=perfect(),
    )
    gold = {
        "source": "x.txt",
        "kind": "art67_report",
        "reporting_party": "WCO",
        "activities": GOLD,
        "programmes": [{"title": "P"}],
        "instruments": [],
    }
    result = score_document(report, gold, "gold.json")
    assert isinstance(result, DocumentResult)
    data = Evaluation([result]).as_dict()
    assert data["documents"][0]["programmes"] == {"gold": 1, "extracted": 0}
    assert data["documents"][0]["reporting_party"] == {"gold": "WCO", "extracted": "WCO"}
    assert data["overall"]["activities"]["f1"] == 1.0
    console = Console(record=True, width=160)
    render(Evaluation([result]), console)
    out = console.export_text()
    assert "Activities per document" in out and "beneficiaries" in out
    assert "0/1" in out  # programmes found/gold


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("Washington, D.C.") == fold("washington d c") == "washington d c"
    assert fold("Iguazú") == "iguazu"


def test_bad_gold_files_are_rejected_with_a_reason(tmp_path: Path) -> None:
    bad_date = tmp_path / "date.json"
    bad_date.write_text(
        json.dumps({"source": "a.txt", "activities": [{"title": "T", "start": "20/07/2009"}]})
    )
    with pytest.raises(EvaluationError, match="not an ISO date"):
        load_gold(bad_date)
    no_source = tmp_path / "nosource.json"
    no_source.write_text("{}")
    with pytest.raises(EvaluationError, match="'source'"):
        load_gold(no_source)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(EvaluationError, match="not valid JSON"):
        load_gold(broken)
    codes = tmp_path / "codes.json"
    codes.write_text(
        json.dumps({"source": "a.txt", "activities": [{"title": "T", "beneficiaries": "LAO"}]})
    )
    with pytest.raises(EvaluationError, match="list of party codes"):
        load_gold(codes)
