"""The taxonomy and its keyword tagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipcoop.ingest.normalize import taxonomy
from ipcoop.ingest.normalize.taxonomy import (
    classify_type,
    detect_modality,
    tag_audiences,
    tag_topics,
)
from ipcoop.vocabularies import AUDIENCES, TOPICS, TYPES, terms

DOCS = Path(__file__).resolve().parents[3] / "docs" / "taxonomy.md"


def _codes(tags: list[taxonomy.Tag]) -> list[str]:
    return [tag.code for tag in tags]


def test_vocabularies_have_the_documented_codes() -> None:
    assert set(TOPICS) == {
        "patents",
        "trademarks",
        "industrial_designs",
        "copyright",
        "geographical_indications",
        "plant_varieties",
        "trade_secrets",
        "traditional_knowledge",
        "enforcement",
        "public_health",
        "office_administration",
        "technology_transfer",
        "commercialization",
        "awareness",
    }
    assert set(TYPES) == {
        "workshop",
        "seminar",
        "colloquium",
        "training_course",
        "elearning_course",
        "study_visit",
        "expert_mission",
        "diagnostic_mission",
        "enforcement_operation",
        "meeting",
        "study",
        "tool",
        "legislative_assistance",
        "financial_contribution",
        "project",
    }
    assert set(AUDIENCES) == {
        "customs_officers",
        "police",
        "prosecutors",
        "judges",
        "ip_office_staff",
        "policy_makers",
        "smes",
        "universities",
        "cmos",
        "farmers_producers",
    }


def test_docs_list_every_code_and_keyword() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for table in (terms.TOPIC_TERMS, terms.TYPE_TERMS, terms.AUDIENCE_TERMS, terms.MODALITY_TERMS):
        for term in table:
            assert f"| `{term.code}` | {term.label} |" in text
            for keyword in term.keywords:
                assert "`" + keyword.replace("|", "\\|") + "`" in text, keyword


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("National Workshop on Combating Counterfeiting and Piracy", ["enforcement"]),
        ("border measures and civil remedies", ["enforcement"]),
        ("geographical indications (GIs) as a gift", ["geographical_indications"]),
        ("the gift of giving", []),
        ("plant breeders' rights under UPOV", ["plant_varieties"]),
        ("traditional knowledge and genetic resources", ["traditional_knowledge"]),
        ("access to medicines", ["public_health"]),
        ("IP office automation and patent examination", ["office_administration", "patents"]),
        ("IP commercialization for SMEs and branding", ["commercialization"]),
        ("public awareness and education", ["awareness"]),
        ("transfer of technology under Article 66.2", ["technology_transfer"]),
        ("trade secrets and trademarks", ["trade_secrets", "trademarks"]),
        ("industrial designs and copyright", ["industrial_designs", "copyright"]),
        (
            "ateliers sur les indications géographiques et les marques",
            ["geographical_indications", "trademarks"],
        ),
        ("talleres sobre derechos de autor y observancia", ["copyright", "enforcement"]),
    ],
)
def test_tag_topics(text: str, codes: list[str]) -> None:
    assert _codes(tag_topics(text)) == codes


def test_topic_spans_quote_the_matched_words() -> None:
    text = "Combating Counterfeiting and Piracy"
    (tag,) = tag_topics(text)
    assert text[tag.start : tag.end] == "Counterfeiting"
    assert tag.label == TOPICS["enforcement"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("26 customs officials", ["customs_officers"]),
        ("the PNG Customs Service", ["customs_officers"]),
        ("Member Customs administrations", ["customs_officers"]),
        ("the World Customs Organization and the Customs Cooperation Fund", []),
        ("Seminar for Public Prosecutors and the Judiciary", ["prosecutors", "judges"]),
        ("help train local farmers and producers", ["farmers_producers"]),
        ("SMEs", ["smes"]),
        ("small and medium enterprises", ["smes"]),
        ("police and law enforcement officers", ["police"]),
        ("officials from the national IP office", ["ip_office_staff"]),
        ("policy makers and universities", ["policy_makers", "universities"]),
        ("collective management organizations (CMOs)", ["cmos"]),
    ],
)
def test_tag_audiences(text: str, codes: list[str]) -> None:
    assert _codes(tag_audiences(text)) == codes


@pytest.mark.parametrize(
    ("title", "text", "code"),
    [
        ("National Workshop on Combatting Counterfeiting and Piracy", "", "workshop"),
        ("IPEG Seminar on IP Commercialization", "", "seminar"),
        ("Colloquium for judges", "", "colloquium"),
        ("Training programme on patents", "", "training_course"),
        ("Project on a distance learning course", "", "elearning_course"),
        ("WIPO e-learning course DL-101", "", "elearning_course"),
        ("Study visit to KIPO", "", "study_visit"),
        ("WCO Operation STOP", "", "enforcement_operation"),
        ("Expert mission on enforcement", "", "expert_mission"),
        ("Diagnostic mission", "", "diagnostic_mission"),
        ("Study on the economic impact of GIs", "", "study"),
        ("IPR CENcomm platform", "", "tool"),
        ("Legislative assistance on the draft law", "", "legislative_assistance"),
        ("Funds-in-Trust Japan", "", "financial_contribution"),
        ("29th IPEG meeting", "", "meeting"),
        ("Capacity building", "The WCO conducted a diagnostic mission", "diagnostic_mission"),
        ("Workshop on IP", "a seminar followed", "workshop"),
        ("Capacity building", "", None),
    ],
)
def test_classify_type(title: str, text: str, code: str | None) -> None:
    tag = classify_type(title, text)
    assert (tag.code if tag else None) == code


def test_classify_type_span_points_into_the_text_used() -> None:
    text = "The WCO conducted a diagnostic mission"
    tag = classify_type("Capacity building", text)
    assert tag is not None and text[tag.start : tag.end] == "diagnostic mission"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("organized an online National Workshop", "online"),
        ("a virtual seminar", "online"),
        ("a webinar on GIs", "online"),
        ("live online course", "online"),
        ("an e-learning course", "online"),
        ("held in Seoul", None),
        ("a face-to-face course", "in_person"),
        ("online and in-person sessions", "hybrid"),
        ("a hybrid event", "hybrid"),
        ("un atelier en ligne", "online"),
    ],
)
def test_detect_modality(text: str, code: str | None) -> None:
    tag = detect_modality(text)
    assert (tag.code if tag else None) == code
