"""Instruments, bodies and platforms: a document that is one, and those prose names."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ipcoop.ingest import pipeline, readers
from ipcoop.ingest.extractors import instruments
from ipcoop.ingest.records import ExtractedInstrument, ExtractedReport
from ipcoop.vocabularies import InstrumentForm
from seed_facts import ASEAN_PLATFORMS

MOU = (
    "Memorandum of Understanding\n\n"
    "between the Japan Patent Office and the Korean Intellectual Property Office\n\n"
    "on Cooperation in the Field of Industrial Property\n\n"
    "The Parties, recognising the value of close cooperation between their offices in the "
    "field of industrial property, have agreed as follows.\n\n"
    "Patent Examination:\n\n"
    "Exchange of examination practice and search results between examiners.\n\n"
    "Human Resources Development:\n\n"
    "Joint training of examiners.\n\n"
    "On 3 March 2019 in Tokyo, Japan, the Heads of the two Offices signed this Memorandum.\n"
)
PROSE = (
    "Regional cooperation on intellectual property\n\n"
    "In this context, the States signed the Andean Framework Agreement on Industrial Property "
    "Cooperation in March 2001. The work is led by the Andean Working Group on Patents (AWGP), "
    "which was established in 2002.\n\n"
    "In 2005, Ministers endorsed the Andean Anti-Piracy Initiative to curb counterfeiting.\n\n"
    "Several plans were adopted, the latest being the Andean IP Action Plan 2021-2025. The "
    "Andean IP Action Plan 2025 has three strategic goals, i.e. (i) IP Offices are "
    "strengthened; (ii) Users are better served; and (iii) Public awareness is raised. It is "
    "envisioned that the plan will be reviewed.\n\n"
    "The Andean IP Exchange is a secure communication tool used by the offices. Examiners "
    "train with the e-learning module 'PatLearn'.\n\n"
    "Related Links:\n\n"
    "  1. Andean IP Portal\n"
    "  2. Andean Trademark Database\n\n"
    "The offices met twice in 2019.\n"
)


def _by_form(items: list[ExtractedInstrument]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in items:
        out.setdefault(item.form, []).append(item.title)
    return out


def _report(seed: Callable[[str], Path], prefix: str) -> ExtractedReport:
    path = seed(prefix)
    return pipeline.extract(pipeline.Source(str(path), path.read_bytes()))


def test_a_memorandum_document_is_one_instrument() -> None:
    document = readers.read(MOU.encode(), source="mou.txt")
    [mou] = instruments.extract(document)
    assert mou.form == "mou"
    assert mou.title == (
        "Memorandum of Understanding between the Japan Patent Office and the Korean "
        "Intellectual Property Office on Cooperation in the Field of Industrial Property"
    )
    assert [p.code for p in mou.parties] == ["JPO", "KIPO"]
    assert mou.date is not None and mou.date.iso == "2019-03-03"
    assert mou.place == "Tokyo, Japan"
    assert mou.areas == ["Patent Examination", "Human Resources Development"]
    [place] = mou.evidence["place"]
    assert document.text[place.start : place.end] == "Tokyo, Japan"


def test_prose_names_agreements_bodies_plans_and_platforms() -> None:
    document = readers.read(PROSE.encode(), source="prose.txt")
    found = instruments.extract(document)
    assert _by_form(found) == {
        "framework_agreement": ["Andean Framework Agreement on Industrial Property Cooperation"],
        "body": ["Andean Working Group on Patents (AWGP)"],
        "action_plan": ["Andean Anti-Piracy Initiative", "Andean IP Action Plan 2021-2025"],
        "platform": [
            "Andean IP Exchange",
            "PatLearn",
            "Andean IP Portal",
            "Andean Trademark Database",
        ],
    }
    by_title = {i.title: i for i in found}
    agreement = by_title["Andean Framework Agreement on Industrial Property Cooperation"]
    assert agreement.date is not None and agreement.date.iso == "2001-03"
    body = by_title["Andean Working Group on Patents (AWGP)"]
    assert body.date is not None and body.date.iso == "2002"
    initiative = by_title["Andean Anti-Piracy Initiative"]
    assert initiative.date is not None and initiative.date.iso == "2005"
    # "Action Plan 2025" is the same plan; its goals become the plan's areas
    plan = by_title["Andean IP Action Plan 2021-2025"]
    assert plan.areas == [
        "IP Offices are strengthened",
        "Users are better served",
        "Public awareness is raised",
    ]
    assert len(plan.evidence["mentions"]) == 1
    for item in found:
        for evidence in item.evidence["title"]:
            assert item.title in document.text[evidence.start : evidence.end] or (
                document.text[evidence.start : evidence.end] in item.title
            )


def test_a_body_renamed_keeps_one_record() -> None:
    text = (
        "In 1996, the Committee on Trade (CT) established a Patent Get-Together (PGT). In 1997, "
        "the CT made the PGT an official group, and renamed it the Patent Experts' Group (PEG).\n"
    )
    found = instruments.extract(readers.read(text.encode(), source="renamed.txt"))
    assert [(i.form, i.title, i.date.iso if i.date else None) for i in found] == [
        ("body", "Patent Experts' Group (PEG)", "1997")
    ]


def test_plain_activity_prose_names_no_instrument() -> None:
    text = (
        "A workshop on border enforcement was held on 3 May 2019 in Lima, Peru. Customs "
        "officers established contacts and set up a network of focal points.\n"
    )
    assert instruments.extract(readers.read(text.encode(), source="plain.txt")) == []


def test_seed_004_joint_declaration(seed: Callable[[str], Path]) -> None:
    report = _report(seed, "004")
    assert report.activities == []
    declaration, platform = report.instruments
    assert declaration.form == "declaration"
    assert declaration.title == (
        "Joint Declaration between The Republic of Korea and The Association of South East "
        "Asian Nations (ASEAN) on Intellectual Property Cooperation 2022"
    )
    # the title names Korea; the heads of its office, KIPO, speak and sign (as the gold says)
    assert [p.code for p in declaration.parties] == ["KIPO", "ASEAN"]
    assert declaration.date is not None and declaration.date.iso == "2022-11-14"
    assert declaration.place == "Seoul, Republic of Korea"
    assert declaration.areas == [
        "Improvement of IP Education Infrastructure",
        "Advancement of IP System",
    ]
    [date] = declaration.evidence["date"]
    assert report.text[date.start : date.end] == "November 14, 2022"
    # "agree to establish a regular communication platform between the two sides": the two
    # sides are those speaking in the opening paragraph, KIPO (not Korea) and ASEAN
    assert platform.form == "platform"
    assert platform.title == "KIPO–ASEAN regular communication platform"
    assert [p.code for p in platform.parties] == ["KIPO", "ASEAN"]
    assert platform.date == declaration.date and platform.place == declaration.place
    [title] = platform.evidence["title"]
    assert report.text[title.start : title.end] == "regular communication platform"


def test_a_platform_agreed_between_the_sides_of_a_memorandum() -> None:
    text = (
        "Memorandum of Understanding between the Japan Patent Office and the Korean "
        "Intellectual Property Office\n\n"
        "We, the Japan Patent Office (JPO) and the Korean Intellectual Property Office (KIPO), "
        "agree to set up a shared examination information platform between the two sides.\n"
    )
    found = instruments.extract(readers.read(text.encode(), source="mou.txt"))
    assert [(i.form, i.title) for i in found] == [
        (
            "mou",
            "Memorandum of Understanding between the Japan Patent Office and the Korean "
            "Intellectual Property Office",
        ),
        ("platform", "JPO–KIPO shared examination information platform"),
    ]


def test_seed_001_regional_page(seed: Callable[[str], Path]) -> None:
    report = _report(seed, "001")
    assert report.activities == []
    forms = _by_form(report.instruments)
    assert forms["framework_agreement"] == [
        "ASEAN Framework Agreement on Intellectual Property Cooperation"
    ]
    assert forms["action_plan"] == ["ASEAN IPR Action Plan 2016-2025"]
    assert forms["body"] == [
        "ASEAN Working Group on Intellectual Property Cooperation (AWGIPC)",
        "Task Force on Trademarks",
        "ASEAN Task Force on Patent Examination Cooperation",
        "ASEAN Network of IP Enforcement Experts (ANIEE)",
    ]
    assert forms["platform"] == ASEAN_PLATFORMS
    by_title = {i.title: i for i in report.instruments}
    agreement = by_title["ASEAN Framework Agreement on Intellectual Property Cooperation"]
    assert agreement.date is not None and agreement.date.iso == "1995-12"
    awgipc = by_title["ASEAN Working Group on Intellectual Property Cooperation (AWGIPC)"]
    assert awgipc.date is not None and awgipc.date.iso == "1996"
    plan = by_title["ASEAN IPR Action Plan 2016-2025"]
    assert len(plan.areas) == 4
    assert plan.areas[0].startswith("A more robust ASEAN IP System is developed")
    assert plan.areas[3].endswith("traditional knowledge are enhanced")
    # member states listed after the links are not platforms
    assert not any("Cambodia" in t or "Secretariat" in t for t in forms["platform"])


def test_seed_003_platforms(seed: Callable[[str], Path]) -> None:
    report = _report(seed, "003")
    assert _by_form(report.instruments) == {"platform": ["IPR CENcomm Group", "CLiCK"]}


def test_seed_000_apec_page(seed: Callable[[str], Path]) -> None:
    report = _report(seed, "000")
    found = {(i.form, i.title, i.date.iso if i.date else None) for i in report.instruments}
    assert found == {
        ("body", "Intellectual Property Rights Experts' Group (IPEG)", "1997"),
        ("action_plan", "Osaka Action Agenda", "1995"),
        ("action_plan", "APEC Anti-Counterfeiting and Piracy Initiative", "2005"),
        ("guidelines", "APEC Effective Practices for Addressing Unauthorized Camcording", "2011"),
        ("guidelines", "IPR Model Guidelines", None),
        ("platform", "Intellectual Property Explorer", "2010"),
        ("platform", "iPAC initiative web-based platform", None),
        (
            "platform",
            "APEC Cooperation Initiative on Patent Acquisition Procedures one-stop website",
            None,
        ),
    }


def test_a_long_run_of_capitalised_words_is_scanned_quickly() -> None:
    # an all-caps paragraph once took tens of seconds: names are bounded in length
    text = " ".join(["THE TECHNICAL COOPERATION OF THE UNION"] * 2000) + " is a tool.\n"
    started = time.perf_counter()
    instruments.extract(readers.read(text.encode(), source="caps.txt"))
    assert time.perf_counter() - started < 5


def test_every_form_found_is_an_instrument_form() -> None:
    found = {form for _, form in (*instruments.DOCUMENT_FORMS, *instruments.HEAD_NOUNS)}
    assert found <= set(InstrumentForm) and {"declaration", "body", "platform"} <= found
