"""Events listed one to a line (bullets, dashes, numbers), date first or title first, in
English, French and Spanish: texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from .extracted import brief, run


def compared(text: str) -> list[tuple[Any, ...]]:
    return [
        (a["title"], a["start"], a["end"], a["city"], a["country"], a["beneficiaries"])
        for a in brief(run(text))
    ]


LISTS = [
    (  # English bullets, date first, colon or dash; a venue, none, a bracket of origins
        "Events 2018 - Intellectual Property Office of Singapore\n\n"
        "• 5–7 February 2018: National workshop on trade mark examination, Kigali, Rwanda\n"
        "• 9 May 2018: Webinar on design protection for start-ups\n"
        "• 12-16 November 2018 – Regional course on patent searching, Singapore "
        "(participants from Viet Nam, Cambodia and Myanmar)\n",
        [
            (
                "National workshop on trade mark examination",
                "2018-02-05",
                "2018-02-07",
                "Kigali",
                "RWA",
                ["RWA"],
            ),
            ("Webinar on design protection for start-ups", "2018-05-09", None, None, None, []),
            (
                "Regional course on patent searching",
                "2018-11-12",
                "2018-11-16",
                "Singapore",
                "SGP",
                ["VNM", "KHM", "MMR"],
            ),
        ],
    ),
    (  # French dashes, date first in words and in figures, "participants du ..."
        "Agenda de l'office\n\n"
        "- 3 mars 2020 – Atelier régional sur les marques, Abidjan, Côte d'Ivoire "
        "(participants du Bénin, du Togo et du Niger)\n"
        "- 15 avril 2020 : Séminaire national sur les brevets, Niamey\n"
        "- 22.06.2020 - Formation en ligne sur le droit d'auteur\n",
        [
            (
                "Atelier régional sur les marques",
                "2020-03-03",
                None,
                "Abidjan",
                "CIV",
                ["BEN", "TGO", "NER"],
            ),
            ("Séminaire national sur les brevets", "2020-04-15", None, "Niamey", "NER", ["NER"]),
            ("Formation en ligne sur le droit d'auteur", "2020-06-22", None, None, None, []),
        ],
    ),
    (  # Spanish numbered items, title first, the date ends the item; a venue after "en"
        "Actividades de la OMPI en 2020\n\n"
        "1. Taller sobre marcas, Lima (Perú), 5 de mayo de 2020\n"
        "2. Curso sobre patentes para examinadores, 10/06/2020 - 14/06/2020\n"
        "3. Seminario nacional sobre diseños industriales en Quito, 2 de julio de 2020\n",
        [
            ("Taller sobre marcas", "2020-05-05", None, "Lima", "PER", []),
            ("Curso sobre patentes para examinadores", "2020-06-10", "2020-06-14", None, None, []),
            (
                "Seminario nacional sobre diseños industriales en Quito",
                "2020-07-02",
                None,
                "Quito",
                "ECU",
                ["ECU"],
            ),
        ],
    ),
    (  # English asterisks, title first: a bracket holding venue and date, a dash before it
        "Past events\n\n"
        "* Seminar on geographical indications (Accra, Ghana, 3-5 May 2021)\n"
        "* Study visit on trade mark examination for officials from Nepal and Bhutan - "
        "14 June 2021\n",
        [
            ("Seminar on geographical indications", "2021-05-03", "2021-05-05", "Accra", "GHA", []),
            (
                "Study visit on trade mark examination for officials from Nepal and Bhutan",
                "2021-06-14",
                None,
                None,
                None,
                ["NPL", "BTN"],
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_one_event_per_list_item(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert compared(text) == expected


def test_list_items_that_are_sentences_series_or_no_events() -> None:
    found = compared(
        "Past events\n\n"
        "* On 3 July 2021 the office held a workshop on patents in Lusaka, Zambia.\n"
        "* 2021: three national workshops on copyright\n"
        "* 12 May 2021: Guide on trade secrets\n"
        "* 20 May 2021: Call for applications to the summer school\n"
    )
    # the sentence is the prose readers' (one event); a series and a publication are none
    assert [(f[0], f[1], f[3]) for f in found] == [("Workshop on patents", "2021-07-03", "Lusaka")]


def test_an_items_details_in_its_second_bracket_keep_their_place_in_the_text() -> None:
    report = run(
        "• Regional workshop on patent drafting (online) (40 participants from Cambodia and "
        "Myanmar), 21-25 October 2019\n"
    )
    (activity,) = report.activities
    assert activity.participants is not None and activity.participants.count == 40
    assert [b.code for b in activity.beneficiaries] == ["KHM", "MMR"]
    quoted = {
        name: [report.text[e.start : e.end] for e in activity.evidence[name]]
        for name in ("participants", "beneficiaries")
    }
    assert quoted == {
        "participants": ["40 participants"],
        "beneficiaries": ["Cambodia and Myanmar"],
    }
