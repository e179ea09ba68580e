"""List tables with any known headers, label blocks one after another, and the reporting party a
page's title names: texts written for these tests in English, French and Spanish."""

from __future__ import annotations

from typing import Any

import pytest

from .extracted import brief, run


def compared(text: str) -> list[tuple[Any, ...]]:
    return [
        (a["title"], a["start"], a["end"], a["city"], a["country"], a["beneficiaries"])
        for a in brief(run(text))
    ]


TABLES = [
    (  # Spanish pipe table: the synonym table's headers, a venue column, a comma list
        "Actividades de cooperación técnica de Noruega\n\n"
        "| Título | Fecha | Lugar | Beneficiarios |\n"
        "| Curso sobre examen de marcas | 02/03/2020 - 06/03/2020 | Lima | Perú, Bolivia |\n"
        "| Taller sobre derecho de autor | 15/09/2020 | Quito | Ecuador |\n",
        [
            (
                "Curso sobre examen de marcas",
                "2020-03-02",
                "2020-03-06",
                "Lima",
                "PER",
                ["PER", "BOL"],
            ),
            ("Taller sobre derecho de autor", "2020-09-15", None, "Quito", "ECU", ["ECU"]),
        ],
    ),
    (  # English pipe table with a Markdown rule, "City, Country" venue, "and" in the list
        "Technical assistance activities of the European Union\n\n"
        "| Event | Dates | Venue | Participating countries |\n"
        "|---|---|---|---|\n"
        "| Regional seminar on plant varieties | 3-5 May 2021 | Hanoi, Viet Nam | "
        "Cambodia, Lao PDR and Viet Nam |\n"
        "| Study visit on design examination | 14/09/2021 | Alicante | Thailand |\n",
        [
            (
                "Regional seminar on plant varieties",
                "2021-05-03",
                "2021-05-05",
                "Hanoi",
                "VNM",
                ["KHM", "LAO", "VNM"],
            ),
            ("Study visit on design examination", "2021-09-14", None, "Alicante", "ESP", ["THA"]),
        ],
    ),
    (  # French tab table, a written date range, "City (Country)", "et" in the list
        "Rapport de la Suisse\n\n"
        "Intitulé\tDate\tLieu\tPays bénéficiaires\n"
        "Atelier sur les indications géographiques\tdu 3 au 5 mai 2021\t"
        "Abidjan (Côte d'Ivoire)\tCôte d'Ivoire\n"
        "Formation des examinateurs\t12.10.2021\tGenève\tSénégal, Mali et Bénin\n",
        [
            (
                "Atelier sur les indications géographiques",
                "2021-05-03",
                "2021-05-05",
                "Abidjan",
                "CIV",
                ["CIV"],
            ),
            (
                "Formation des examinateurs",
                "2021-10-12",
                None,
                "Genève",
                "CHE",
                ["SEN", "MLI", "BEN"],
            ),
        ],
    ),
    (  # Spanish multi-space table (the reader collapses the spaces): the venue between the
        # date and the trailing parties goes to the column the header puts there
        "Informe de la OMPI\n\n"
        "Título       Fecha         Lugar      Beneficiarios\n"
        "Taller sobre patentes     10/06/2019     Lima     Perú, Bolivia\n"
        "Seminario sobre marcas     03/09/2019     Quito     Ecuador\n",
        [
            ("Taller sobre patentes", "2019-06-10", None, "Lima", "PER", ["PER", "BOL"]),
            ("Seminario sobre marcas", "2019-09-03", None, "Quito", "ECU", ["ECU"]),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_list_tables_with_any_known_headers(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert compared(text) == expected


BLOCKS = [
    (  # French blocks separated by a blank line; "City, Country"; a comma list of countries
        "Activités de l'OMPI\n\n"
        "Intitulé : Atelier régional sur les marques\n"
        "Dates : 04.04.2019 - 05.04.2019\n"
        "Lieu : Niamey, Niger\n"
        "Pays bénéficiaires : Niger, Tchad, Mali\n"
        "Nombre de participants : 28\n\n"
        "Intitulé : Séminaire national sur le droit d'auteur\n"
        "Dates : 10.11.2019\n"
        "Lieu : Lomé\n"
        "Nombre de participants : 60\n",
        [
            (
                "Atelier régional sur les marques",
                "2019-04-04",
                "2019-04-05",
                "Niamey",
                "NER",
                ["NER", "TCD", "MLI"],
                28,
            ),
            ("Séminaire national sur le droit d'auteur", "2019-11-10", None, "Lomé", "TGO", [], 60),
        ],
    ),
    (  # English blocks with no blank line between them: the first label comes again
        "Report of Japan\n\n"
        "Event: Regional workshop on patent examination\n"
        "Date: 4-6 March 2020\n"
        "Venue: Lusaka, Zambia\n"
        "Participating countries: Zambia, Malawi and Zimbabwe\n"
        "Number of participants: 25\n"
        "Event: National seminar on trade marks\n"
        "Date: 12 May 2020\n"
        "Venue: Accra\n"
        "Number of participants: 40\n",
        [
            (
                "Regional workshop on patent examination",
                "2020-03-04",
                "2020-03-06",
                "Lusaka",
                "ZMB",
                ["ZMB", "MWI", "ZWE"],
                25,
            ),
            ("National seminar on trade marks", "2020-05-12", None, "Accra", "GHA", [], 40),
        ],
    ),
    (  # Spanish, every line its own paragraph (an HTML page): blank lines everywhere, the
        # block's first label repeated starts the next one
        "Actividades de la Oficina Española de Patentes y Marcas\n\n"
        "Actividad: Curso regional sobre diseños industriales\n\n"
        "Fecha: 10/03/2021 - 12/03/2021\n\n"
        "Lugar: Montevideo (Uruguay)\n\n"
        "Países beneficiarios: Uruguay, Paraguay y Argentina\n\n"
        "Actividad: Taller sobre derecho de autor\n\n"
        "Fecha: 05/05/2021\n\n"
        "Lugar: Asunción\n",
        [
            (
                "Curso regional sobre diseños industriales",
                "2021-03-10",
                "2021-03-12",
                "Montevideo",
                "URY",
                ["URY", "PRY", "ARG"],
                None,
            ),
            ("Taller sobre derecho de autor", "2021-05-05", None, "Asunción", "PRY", [], None),
        ],
    ),
    (  # French, the date label first: a second title once the block is dated starts the next
        "Rapport de l'OMPI\n\n"
        "Dates : 15.05.2018 - 17.05.2018\n"
        "Intitulé : Atelier sous-régional sur les brevets\n"
        "Lieu : Yaoundé, Cameroun\n\n"
        "Intitulé : Séminaire sur les dessins et modèles\n"
        "Dates : 02.10.2018\n"
        "Lieu : Dakar\n",
        [
            (
                "Atelier sous-régional sur les brevets",
                "2018-05-15",
                "2018-05-17",
                "Yaoundé",
                "CMR",
                [],
                None,
            ),
            ("Séminaire sur les dessins et modèles", "2018-10-02", None, "Dakar", "SEN", [], None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_label_blocks_one_after_another(text: str, expected: list[tuple[Any, ...]]) -> None:
    found = [
        (
            a["title"],
            a["start"],
            a["end"],
            a["city"],
            a["country"],
            a["beneficiaries"],
            a["participants"],
        )
        for a in brief(run(text))
    ]
    assert found == expected


def test_a_second_title_label_before_the_date_is_the_same_activity() -> None:
    found = brief(
        run(
            "Project page\n\nTitle: IP office modernisation\nProject: IPOM-2\n"
            "Date: 01/02/2022 - 30/06/2023\nBeneficiary country: Bhutan\n"
        )
    )
    assert [(a["title"], a["start"], a["beneficiaries"]) for a in found] == [
        ("IP office modernisation", "2022-02-01", ["BTN"])
    ]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Activités de l'OMPI", "WIPO"),
        ("Actividades de cooperación técnica del Japón", "JPN"),
        ("Report of Japan (2019)", "JPN"),
        ("Technical assistance activities of the European Union", "EU"),
        ("Informe de la OMPI 2020-2021", "WIPO"),
        ("Rapport de la Suisse", "CHE"),
    ],
)
def test_the_reporting_party_a_title_names(title: str, code: str) -> None:
    text = f"{title}\n\nTítulo: Seminario sobre marcas\nFecha: 03/09/2019\n"
    report = run(text)
    assert report.reporting_party is not None and report.reporting_party.code == code


@pytest.mark.parametrize(
    "title",
    [
        "Seminar on the patent system of Japan was held in Tokyo on 3 May 2019.",  # a sentence
        "Workshop for officials of Kenya",  # an event's beneficiary, not whose work it is
    ],
)
def test_a_title_that_names_no_owner(title: str) -> None:
    report = run(f"{title}\n\nTítulo: Seminario sobre marcas\nFecha: 03/09/2019\n")
    assert report.reporting_party is None
