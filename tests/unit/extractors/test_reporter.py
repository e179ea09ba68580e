"""The reporting party read from a page's body: its own name, its organizer, its voice.
Variants written for these tests in English, French and Spanish."""

from __future__ import annotations

import pytest

from ipcoop.ingest.records import PartyRef
from ipcoop.quality.evaluation_set import same_party

from .extracted import run


def _party(text: str) -> PartyRef | None:
    return run(text).reporting_party


def _method(text: str) -> str:
    return run(text).evidence["reporting_party"][0].method


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # of two organizers, the one the page calls by the bare head noun of its name
        (
            "Context\n\nThe regional training on seed laws, held in Accra in March 2019, was "
            "organized jointly by the World Customs Organization (WCO) and the ABS Capacity "
            "Development Initiative (the Initiative) with the support of the host ministry.",
            "ABS-INITIATIVE",
        ),
        (
            "Contexte\n\nCet atelier tenu à Dakar du 3 au 5 mai 2018 a été organisé "
            "conjointement par l'Organisation mondiale des douanes et l'Initiative APA, en "
            "collaboration avec le ministère. L'Initiative remercie ses partenaires.",
            "ABS-INITIATIVE",
        ),
        (
            "Contexto\n\nEl seminario, celebrado en Quito en junio de 2017, fue organizado por "
            "la OMC y la Oficina Europea de Patentes (la Oficina), con el apoyo del gobierno.",
            "EPO",
        ),
        # no self-reference: the first organizer
        (
            "A national seminar on trade secrets, organised by the Eurasian Patent Organization "
            "and WIPO, took place in Almaty in 2021.",
            "EAPO",
        ),
        (
            "Un séminaire régional, organisé par l'OMPI en collaboration avec l'office "
            "national, se tient du 2 au 4 avril à Tunis.",
            "WIPO",
        ),
        (
            "El taller regional fue coorganizado por la OMA y la OMPI en Lima en 2015.",
            "WCO",
        ),
    ],
)
def test_the_organizer_an_organized_by_phrase_names(text: str, code: str) -> None:
    party = _party(text)
    assert party is not None and party.code == code


@pytest.mark.parametrize(
    "text",
    [
        "The seminar on plant breeders' rights was organized by Seedlink Regional Network and "
        "held in Nairobi in May 2016.",
        "L'atelier a été organisé par Réseau Semences Afrique à Bamako en mai 2016.",
        "El taller fue organizado por Red Andina de Semillas en Lima en mayo de 2016.",
    ],
)
def test_an_unknown_organizer_is_kept_unresolved_and_warned(text: str) -> None:
    report = run(text)
    party = report.reporting_party
    assert party is not None and party.code is None
    assert party.name in text and party.name.split()[0][0].isupper()
    assert any("reporting party" in w and party.name in w for w in report.warnings)


@pytest.mark.parametrize(
    ("text", "code", "method"),
    [
        (
            "Minutes - TRIPS Council - View details\n\nThe representative of Peru said that "
            "technical cooperation mattered.",
            "WTO",
            "reporter.title_prefix",
        ),
        ("Actas - Consejo de los ADPIC - Ver detalles\n\nEl Presidente dijo que sí.", "WTO",
         "reporter.title_prefix"),
        (
            "• Home\n• About JPO\n• Statistics\n\nReport on the training course\n\nThe course "
            "was held in Tokyo; WIPO and WIPO experts lectured at WIPO.",
            "JPN",
            "reporter.about",
        ),
        (
            "• Accueil\n• À propos de l'OMPI\n\nUn cours a eu lieu à Genève.",
            "WIPO",
            "reporter.about",
        ),
        ("• Inicio\n• Acerca de la OMC\n\nSe celebró un curso en Ginebra.", "WTO",
         "reporter.about"),
    ],
)
def test_the_pages_own_name(text: str, code: str, method: str) -> None:
    party = _party(text)
    assert party is not None and party.code == code
    assert _method(text) == method


def test_a_body_speaks_for_its_member() -> None:
    party = _party("The Global Intellectual Property Academy organized a workshop in 2019.")
    assert party is not None and party.code == "USA"  # GIPA -> USPTO -> USA


@pytest.mark.parametrize(
    ("gold", "found", "right"),
    [
        ("ABS Initiative", PartyRef("Initiative APA", "ABS-INITIATIVE"), True),
        ("JPO", PartyRef("Japan Patent Office", "JPN"), True),
        ("WTO", PartyRef("TRIPS Council", "WTO"), True),
        ("WIPO", PartyRef("WCO", "WCO"), False),
        ("Seedlink Regional Network", PartyRef("Seedlink Regional Network"), True),
        ("EU", PartyRef("IP Key China"), False),
        ("WTO", None, False),
    ],
)
def test_eval_compares_parties_by_code_name_or_member(
    gold: str, found: PartyRef | None, right: bool
) -> None:
    assert same_party(gold, found) is right


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Le séminaire national sur les marques s’est tenu à Lomé le 4 mars 2020.", "2020-03-04"),
        ("Un atelier sur les brevets se tient à Rabat du 2 au 3 mai 2021.", "2021-05-02"),
        ("L'office a tenu un atelier sur les dessins à Dakar le 9 juin 2019.", "2019-06-09"),
        ("El seminario nacional se celebra en Quito el 5 de abril de 2022.", "2022-04-05"),
        ("A regional workshop on designs is being held in Suva on 8 May 2023.", "2023-05-08"),
    ],
)
def test_present_tense_and_typographic_apostrophes_are_cues(text: str, start: str) -> None:
    assert [a.start.iso for a in run(text).activities if a.start] == [start]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news dateline is the page's date, not the event's; a yearless range takes its year
        (
            "DAKAR, 3 mars 2015 (APS) - Un atelier régional sur les indications géographiques "
            "se tient du 3 au 5 mars à Dakar.",
            ("Atelier régional sur les indications géographiques", "2015-03-03", "2015-03-05"),
        ),
        (
            "12 May 2018: The office and its partners held a national workshop on utility "
            "models from 9-10 May 2018 in Suva, Fiji.",
            ("National workshop on utility models", "2018-05-09", "2018-05-10"),
        ),
        # a definite noun takes the fuller mention it refers back to
        (
            "The Secretariat would organize a workshop on geographical indications for officials "
            "of Pacific island countries. The workshop would take place in Apia from 3 to 5 June "
            "2019.",
            (
                "Workshop on geographical indications for officials of Pacific island countries",
                "2019-06-03",
                "2019-06-05",
            ),
        ),
        # an adjective after the noun and "à l'intention de", quotation marks left out
        (
            "Les 4 et 5 mai 2020, l'office a tenu un séminaire virtuel à l’intention des "
            "offices nationaux d'Afrique centrale.",
            (
                "Séminaire virtuel à l’intention des offices nationaux d'Afrique centrale",
                "2020-05-04",
                "2020-05-05",
            ),
        ),
        (
            "Un colloque sur «Les marques collectives et le commerce» s’est tenu à Lomé le 2 "
            "juin 2021.",
            ("Colloque sur Les marques collectives et le commerce", "2021-06-02", None),
        ),
    ],
)
def test_datelines_yearless_ranges_and_titles(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    found = [(a.title, a.start.iso if a.start else None, a.end.iso if a.end else None)
             for a in run(text).activities]
    assert found == [expected]


def test_a_host_the_alias_table_does_not_know_is_not_taken_for_the_reporter() -> None:
    text = (
        "The national seminar on patents, hosted by the Ministry of Trade and Industry, took "
        "place in Accra in May 2019. WIPO experts spoke; WIPO thanked the participants."
    )
    party = _party(text)
    assert party is not None and party.code == "WIPO"
