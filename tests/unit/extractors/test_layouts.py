"""Flattened list tables and label/value pages, in wordings the dev set does not use."""

from __future__ import annotations

from typing import Any

import pytest

from .extracted import brief as rows
from .extracted import run

INTRO = (
    "This communication reports on the technical cooperation activities carried out during the "
    "reporting period in favour of developing and least developed country Members.\n\n"
)


FLAT = [
    (  # English, single spaces, a title holding its own dates
        INTRO + "# Title of programme or activity Start date Beneficiary Members or observers\n"
        "1 Customs enforcement of geographical indications 2019-2021 15/03/2019 Ghana; Senegal\n"
        "2 Patent Office Modernisation 02/05/2020 Papua New Guinea\n",
        [
            (
                "Customs enforcement of geographical indications 2019-2021",
                "2019-03-15",
                ["GHA", "SEN"],
            ),
            ("Patent Office Modernisation", "2020-05-02", ["PNG"]),
        ],
    ),
    (  # French header, no number column, multi-space cells (collapsed by the reader)
        INTRO + "Titre du programme ou de l'activité    Date de début    "
        "Membres ou observateurs bénéficiaires\n"
        "Appui à l'office des marques du Bénin    12/10/2021    Bénin\n"
        "Formation des juges au droit d'auteur    03/02/2022    Togo; Niger\n",
        [
            ("Appui à l'office des marques du Bénin", "2021-10-12", ["BEN"]),
            ("Formation des juges au droit d'auteur", "2022-02-03", ["TGO", "NER"]),
        ],
    ),
    (  # Spanish header; a row without a date is kept, undated
        INTRO + "N° Título del programa o actividad Fecha de inicio Miembros u observadores "
        "beneficiarios\n"
        "1 Programa regional de propiedad industrial 01/07/2016 Perú; Bolivia\n"
        "2 Apoyo a las oficinas de patentes andinas Ecuador\n",
        [
            ("Programa regional de propiedad industrial", "2016-07-01", ["PER", "BOL"]),
            ("Apoyo a las oficinas de patentes andinas", None, ["ECU"]),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FLAT)
def test_flattened_rows_are_cut_at_dates_and_trailing_parties(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    found = rows(run(text))
    assert [(r["title"], r["start"], r["beneficiaries"]) for r in found] == expected


def test_an_empty_list_table_gives_nothing() -> None:
    text = INTRO + "# Title of programme or activity Start date Beneficiary Members or observers\n"
    text += "There are currently no items in the database\n"
    assert run(text).activities == []


def test_undated_rows_are_flagged() -> None:
    report = run(FLAT[2][0])
    assert "no date found" in report.activities[1].review_reasons


LABELLED = [
    (
        "Activity record\n\nEvent: Regional Roundtable on Plant Variety Protection\n"
        "Type: Seminar\nDates: 12.11.2019 - 14.11.2019\nVenue: Nairobi\nHost country: Kenya\n"
        "Participating countries\nUganda 4\nRwanda 2\nBurundi 3\n"
        "Number of participants: 9\nFunding code: XB-17\n",
        {
            "title": "Regional Roundtable on Plant Variety Protection",
            "start": "2019-11-12",
            "end": "2019-11-14",
            "beneficiaries": ["UGA", "RWA", "BDI"],
            "city": "Nairobi",
            "country": "KEN",
            "participants": 9,
        },
    ),
    (
        "Fiche de l'activité\n\nTitre : Atelier sur les indications géographiques\n"
        "Date : 21/06/2017\nLieu : Ouagadougou\nPays hôte : Burkina Faso\n"
        "Nombre de participants : 35\n",
        {
            "title": "Atelier sur les indications géographiques",
            "start": "2017-06-21",
            "end": None,
            "beneficiaries": [],
            "city": "Ouagadougou",
            "country": "BFA",
            "participants": 35,
        },
    ),
    (
        "Ficha\n\nEvento: Taller nacional sobre observancia\nFecha: 08/03/2023\n"
        "Ciudad: Asunción\nPaís: Paraguay\nNúmero de participantes: 40\n",
        {
            "title": "Taller nacional sobre observancia",
            "start": "2023-03-08",
            "end": None,
            "beneficiaries": [],
            "city": "Asunción",
            "country": "PRY",
            "participants": 40,
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_label_value_pages_in_three_languages(text: str, expected: dict[str, Any]) -> None:
    assert rows(run(text)) == [expected]


def test_unknown_labels_are_kept_with_their_evidence() -> None:
    report = run(LABELLED[0][0])
    evidence = report.activities[0].evidence["label:funding code"][0]
    assert report.text[evidence.start : evidence.end] == "XB-17"


def test_a_label_row_over_a_period_titles_the_project_by_its_page() -> None:
    text = (
        "Trade Facilitation and Intellectual Property Support\n\n"
        "The project helps partner offices modernise their procedures and services.\n"
        "Country Period Budget\n15.01.2019 - 30.06.2023\nEUR 2,000,000\n"
    )
    assert rows(run(text)) == [
        {
            "title": "Trade Facilitation and Intellectual Property Support",
            "start": "2019-01-15",
            "end": "2023-06-30",
            "beneficiaries": [],
            "city": None,
            "country": None,
            "participants": None,
        }
    ]


def test_a_label_line_without_a_date_is_no_activity() -> None:
    assert (
        run("Contact: Ms. A. Example\nEmail: someone@example.org\nTopic: Patents\n").activities
        == []
    )


def test_a_date_label_without_a_colon_and_partner_countries() -> None:
    text = (
        "Customs and IP Support for Central Asia\n\nDuration 01.01.2021 - 31.12.2025\n"
        "Partner countries: Kyrgyz Republic; Tajikistan\nBudget: EUR 3,000,000\n"
    )
    found = rows(run(text))
    assert [(f["title"], f["start"], f["end"], f["beneficiaries"]) for f in found] == [
        ("Customs and IP Support for Central Asia", "2021-01-01", "2025-12-31", ["KGZ", "TJK"])
    ]
