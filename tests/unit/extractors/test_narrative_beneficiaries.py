"""Beneficiaries read from prose: the participants' origin, the requester, the national
authorities worked with, and the venue's country when the event is a national one; never the
reporting party, a body under it, an organization or a group."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.ingest import pipeline, readers
from ipcoop.ingest.candidates import Span
from ipcoop.ingest.extractors import narrative
from ipcoop.ingest.normalize.places import find_places
from ipcoop.ingest.records import ExtractedReport
from ipcoop.parties.resolver import Resolver


def _report(paragraph: str, reporter: str = "the European Union") -> ExtractedReport:
    """One paragraph in the frame of an Article 67 report from ``reporter``."""
    text = (
        "TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS\n\n"
        f"The present document reproduces the information which has been received from "
        f"{reporter} by means of a communication dated 3 March 2017.\n\n{paragraph}\n"
    )
    return pipeline.extract(pipeline.Source("report.txt", text.encode()))


def _codes(paragraph: str, reporter: str = "the European Union") -> list[str]:
    [activity] = _report(paragraph, reporter).activities
    return [b.code or b.name for b in activity.beneficiaries]


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        # the shapes ipcoop.quality.synth's prose writer uses
        (
            "The “Workshop on Patent Examination” was held in Phnom Penh, Cambodia on 3 March "
            "2015. It was attended by 40 participants from Cambodia, Lao People's Democratic "
            "Republic and Myanmar, mainly customs officers.",
            ["KHM", "LAO", "MMR"],
        ),
        (
            "In cooperation with the national authorities of Nepal, the European Union organized "
            "the “Seminar on Copyright”, which was held in Kathmandu, Nepal from 3 to 5 March "
            "2015 for 25 participants, most of them policy makers.",
            ["NPL"],
        ),
        (
            "At the request of The Gambia, the “Training Course on Industrial Designs "
            "Examination” was organized online from 5 to 7 October 2013, with 37 participants "
            "(staff of collective management organizations).",
            ["GMB"],
        ),
        (
            "A Regional Seminar on Technology Transfer and Licensing was held online from 17 to "
            "19 June 2007. A total of 52 participants from The Gambia, Mali and Burkina Faso "
            "attended, mainly policy makers.",
            ["GMB", "MLI", "BFA"],
        ),
        (
            "The “Expert Mission on Trademarks” took place in Dar es Salaam, United Republic of "
            "Tanzania on 26 February 2019 and gathered 30 participants from Sao Tome and Principe "
            "and Trinidad and Tobago, mainly patent examiners.",
            ["STP", "TTO"],
        ),
        # the host of a national (in-country) event, and participants' origin elsewhere
        (
            "A national workshop on geographical indications was held in Phnom Penh, Cambodia, "
            "from 3 to 5 March 2015 for 40 customs officers.",
            ["KHM"],
        ),
        (
            "A regional seminar on patents was held in Bangkok, Thailand on 4 May 2016 for "
            "participants from Cambodia, Lao PDR and Myanmar.",
            ["KHM", "LAO", "MMR"],
        ),
        (
            "A national seminar on geographical indications was held in Kingstown, Saint Vincent "
            "and the Grenadines on 4 May 2016.",
            ["VCT"],
        ),
    ],
)
def test_who_the_event_was_for(paragraph: str, codes: list[str]) -> None:
    assert _codes(paragraph) == codes


@pytest.mark.parametrize(
    "paragraph",
    [
        # a venue alone says nothing about who benefited (seed 000's APEC events)
        "A Colloquium for Public Prosecutors and the Judiciary on Intellectual Property Rights "
        "Enforcement was held on June 9-11, 2009 in Kuala Lumpur, Malaysia.",
        "A seminar on copyright was held in Geneva, Switzerland on 4 May 2016.",
        # counts of economies, and "from" that is not followed by a name
        "An online course was held in July 2011, attended by 406 participants from 14 economies.",
        "The APEC project on “Training for Trainers” was held in Sanya, China on November 30 to "
        "December 2, 2010. A total of 22 trainers from different APEC member economies attended "
        "the session.",
        # organizations, groups and the reporter's own bodies are not beneficiaries
        "A seminar on patents was held on 4 May 2016 for participants from WIPO and the WCO.",
        "A seminar on patents was held on 4 May 2016 for participants from the ten ASEAN Member "
        "States.",
    ],
)
def test_nothing_is_read_without_a_cue(paragraph: str) -> None:
    assert _codes(paragraph) == []


def test_the_reporting_party_and_its_bodies_are_never_beneficiaries() -> None:
    paragraph = (
        "A national seminar on copyright was held in Tokyo, Japan on 4 May 2016 for participants "
        "from Japan, the Japan Patent Office and Bhutan."
    )
    assert _codes(paragraph, reporter="Japan") == ["BTN"]
    assert _codes(paragraph, reporter="the European Union") == ["JPN", "BTN"]


def test_the_evidence_runs_from_the_first_name_to_the_last() -> None:
    paragraph = (
        "A regional seminar on patents was held in Bangkok, Thailand on 4 May 2016 for "
        "participants from Cambodia, Lao PDR and Myanmar."
    )
    report = _report(paragraph)
    [activity] = report.activities
    [evidence] = activity.evidence["beneficiaries"]
    assert report.text[evidence.start : evidence.end] == "Cambodia, Lao PDR and Myanmar"


def test_the_apec_page_names_no_beneficiary(seed: Callable[[str], Path]) -> None:
    """Seed 000's gold leaves every beneficiary empty: the page names none for any event."""
    text = seed("000").read_text(encoding="utf-8")
    report = pipeline.extract(pipeline.Source("000.txt", text.encode()))
    assert len(report.activities) == 23
    assert [a.title for a in report.activities if a.beneficiaries] == []


def test_the_wco_descriptions_name_the_annex_beneficiaries(seed: Callable[[str], Path]) -> None:
    """Seed 003's brief descriptions, read with the prose rule, give the beneficiaries its annex
    states (the Ecuadorian workshop's experts from Argentina and the Dominican Republic taught:
    they are not beneficiaries; Brazil only borders the venue)."""
    text = seed("003").read_text(encoding="utf-8")
    descriptions = re.findall(r"Brief description\t(.*)", text)
    annex = re.findall(r"Beneficiary Member\(s\) or observer\(s\)\t(.*)", text)
    expected = {
        "Lao People's Democratic Republic": ["LAO"],
        "Philippines": ["PHL"],
        "Ecuador": ["ECU"],
        "Papua New Guinea": ["PNG"],
        "Viet Nam": ["VNM"],
        "Mali": ["MLI"],
        "Argentina; Plurinational State of Bolivia; Chile; Paraguay; Uruguay": [
            "ARG",
            "BOL",
            "CHL",
            "PRY",
            "URY",
        ],
    }
    assert annex == list(expected)
    parties = narrative._Parties.of(readers.read(text.encode(), source="003.txt"))
    for description, codes in zip(descriptions, expected.values(), strict=True):
        document = readers.read(description.encode(), source="description.txt")
        first, *rest = narrative.sentences(document.blocks[0])
        hits = find_places(first.text)
        place = Span(first.text[hits[0][0] : hits[0][1]], hits[0][0], hits[0][1]) if hits else None
        follower = rest[0] if rest else None
        found = narrative._beneficiaries(first, (0, len(first.text)), place, follower, parties)
        assert found is not None, description
        assert [Resolver.default().resolve(n) for n in found.text.split("; ")] == codes
