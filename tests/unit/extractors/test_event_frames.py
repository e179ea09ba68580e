"""Prose events in English, French and Spanish, in wordings the development set does not use:
each construct of the event-frame reader on texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from .extracted import brief, run


def one(text: str) -> dict[str, Any]:
    found = brief(run(text))
    assert len(found) == 1, found
    return found[0]


NARRATIVE_REPORT = (
    "Technical cooperation activities: information from Members. United Kingdom.\n\n"
    "An IP enforcement expert visit to Brazil took place from 14 to 18 September 2020, with "
    "officials of the national police.\n\n"
    "The UK IPO held a regional webinar on trade mark examination practice on 24-25 June 2020 "
    "for examiners from Ghana, Kenya and Nigeria.\n\n"
    "On 11 February 2020 the UK IPO delivered a one-day seminar on patent information and "
    "technology transfer at the University of Nairobi, Kenya.\n"
)


def test_a_narrative_report_gives_each_of_its_events() -> None:
    report = run(NARRATIVE_REPORT)
    found = brief(report)
    assert [(f["title"], f["start"], f["end"]) for f in found] == [  # in document order
        ("IP enforcement expert visit to Brazil", "2020-09-14", "2020-09-18"),
        ("Regional webinar on trade mark examination practice", "2020-06-24", "2020-06-25"),
        ("One-day seminar on patent information and technology transfer", "2020-02-11", None),
    ]
    assert [f["beneficiaries"] for f in found] == [["BRA"], ["GHA", "KEN", "NGA"], []]
    assert (found[2]["city"], found[2]["country"]) == ("Nairobi", "KEN")
    assert report.reporting_party is not None and report.reporting_party.code == "GBR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # English, active voice, date first, named event, count and origin in the next one
            "From 3 to 6 March 2021, the WCO organized a Regional Workshop on Border Measures "
            "for the Caribbean in Kingston, Jamaica. Fourteen officers from Barbados, Belize "
            "and Guyana took part in the workshop.",
            {
                "title": "Regional Workshop on Border Measures for the Caribbean",
                "start": "2021-03-03",
                "end": "2021-03-06",
                "city": "Kingston",
                "country": "JAM",
                "participants": 14,
                "beneficiaries": ["BRB", "BLZ", "GUY"],
            },
        ),
        (  # French, passive, "s'est tenu"
            "Un séminaire national sur les marques s'est tenu à Dakar du 12 au 14 avril 2022. "
            "Il a réuni 40 participants.",
            {
                "title": "Séminaire national sur les marques",
                "start": "2022-04-12",
                "end": "2022-04-14",
                "city": "Dakar",
                "country": "SEN",
                "participants": 40,
                "beneficiaries": ["SEN"],
            },
        ),
        (  # Spanish, "se llevó a cabo", participants from a list
            "El taller regional sobre indicaciones geográficas se llevó a cabo en Lima del 8 "
            "al 10 de mayo de 2019. Participaron 30 funcionarios procedentes de Bolivia, "
            "Colombia y Ecuador.",
            {
                "title": "Taller regional sobre indicaciones geográficas",
                "start": "2019-05-08",
                "end": "2019-05-10",
                "city": "Lima",
                "country": "PER",
                "participants": 30,
                "beneficiaries": ["BOL", "COL", "ECU"],
            },
        ),
    ],
)
def test_event_frames_in_three_languages(text: str, expected: dict[str, Any]) -> None:
    found = one(text)
    assert {k: found[k] for k in expected} == expected


def test_an_event_noun_in_the_previous_sentence_counts() -> None:
    found = one(
        "The office planned three regional seminars for 2018. The first of them was held in "
        "Samoa in March 2018 at the request of its authorities."
    )
    assert (found["title"], found["start"], found["country"]) == (
        "Regional seminar in Samoa",
        "2018-03",
        "WSM",
    )


def test_a_plural_event_noun_is_a_series_not_one_event() -> None:
    assert run("Five national workshops were organized in 2019 in West Africa.").activities == []


def test_announced_events_are_kept_and_flagged_as_planned() -> None:
    report = run(
        "A symposium on traditional knowledge will be held in Suva from 2 to 4 October 2024."
    )
    assert [a.start.iso for a in report.activities if a.start] == ["2024-10-02"]
    assert "announced, not yet held (planned)" in report.activities[0].review_reasons
    assert report.activities[0].confidence < 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Candidates for the course on copyright should apply before the deadline of 30 May 2023.",
        "She served as Director General of the office from 1 January 2010 to 31 December 2016, "
        "and a seminar was held.",
        "The workshop report, dated 12 June 2019, was circulated to delegations.",
        "La date limite pour le séminaire organisé par l'office est le 15 mars 2021.",
        "El plazo para inscribirse en el curso organizado por la oficina vence el "
        "3 de junio de 2020.",
    ],
)
def test_deadlines_terms_and_publication_dates_are_not_events(text: str) -> None:
    assert run(text).activities == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The office will host a study visit of examiners from Samoa in February 2025.", "2025-02"),
        ("L'office organisera un atelier sur les marques à Niamey le 4 mars 2025.", "2025-03-04"),
        ("La oficina organizará un seminario sobre patentes en Quito en abril de 2025.", "2025-04"),
    ],
)
def test_an_announcement_in_the_active_future_is_planned(text: str, start: str) -> None:
    (activity,) = run(text).activities
    assert activity.start is not None and activity.start.iso == start
    assert "announced, not yet held (planned)" in activity.review_reasons


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "An expert mission travelled to Malawi in June 2019 to advise the copyright office.",
            "MWI",
        ),
        ("Une mission d'experts s'est rendue au Bénin en mai 2021.", "BEN"),
        ("Una misión de expertos viajó a Honduras en agosto de 2018.", "HND"),
    ],
)
def test_a_mission_is_for_the_country_it_went_to(text: str, country: str) -> None:
    (found,) = brief(run(text))
    assert found["country"] == country
    assert found["beneficiaries"] == [country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A mission of copyright experts to Ghana took place in March 2020.", "GHA"),
        ("An expert visit to Bhutan was held in October 2022 on patent examination.", "BTN"),
    ],
)
def test_a_travelling_event_is_for_its_destination_however_worded(text: str, country: str) -> None:
    (found,) = brief(run(text))
    assert found["beneficiaries"] == [country]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("The office organised a study visit to Japan in May 2019.", "JPN"),
        ("Une visite d'étude au Japon a eu lieu en mai 2019 pour des examinateurs.", "JPN"),
        ("Una visita de estudio a Corea tuvo lugar en junio de 2021.", "KOR"),
    ],
)
def test_a_study_visit_is_not_for_the_country_it_visits(text: str, host: str) -> None:
    """The visitors come from the countries helped; the host is the one helping."""
    (found,) = brief(run(text))
    assert host not in found["beneficiaries"]


def test_a_day_and_month_without_year_take_the_nearest_year_and_are_flagged() -> None:
    report = run(
        "L'office organise un atelier à Lomé depuis le lundi 6 mars dernier. "
        "Cet atelier sur le droit d'auteur prendra fin le vendredi 10 mars 2023."
    )
    activity = report.activities[0]
    assert (
        activity.start.iso if activity.start else None,
        activity.end.iso if activity.end else None,
    ) == ("2023-03-06", "2023-03-10")
    assert activity.title == "Atelier sur le droit d'auteur"
    assert any("taken from the nearest full date" in r for r in activity.review_reasons)


def test_a_relative_time_takes_the_pages_date_at_its_precision() -> None:
    report = run(
        "NEWS 2017\n\nIn the last two weeks, the office welcomed 18 examiners who participated "
        "in the fourth advanced course on patent drafting."
    )
    activity = report.activities[0]
    assert (activity.title, activity.start.iso if activity.start else None) == (
        "Advanced course on patent drafting",
        "2017",
    )
    assert any("page's own date" in r for r in activity.review_reasons)


def test_minutes_keep_past_events_with_low_confidence_for_review() -> None:
    report = run(
        "Minutes of the meeting\n\n12. The representative of the Secretariat said that a "
        "regional seminar on TRIPS had been held in Nairobi in November 2003."
    )
    activity = report.activities[0]
    assert activity.start is not None and activity.start.iso == "2003-11"
    assert activity.confidence < 0.7
    assert any("minutes" in r for r in activity.review_reasons)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The “KIPO/WIPO Training (Patent Drafting Course)” was held from 2 to 6 May 2016.",
            "KIPO/WIPO Training (Patent Drafting Course)",
        ),
        (
            "In June 2015, the office launched an online course.\n\nThe IP Basics Online "
            "Course has since trained examiners.",
            "IP Basics Online Course",
        ),
        (
            "A seminar on plant variety protection was held in Hanoi in May 2012.",
            "Seminar on plant variety protection",
        ),
    ],
)
def test_titles_people_can_read(text: str, title: str) -> None:
    assert one(text)["title"] == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an elided French complement ("d'accréditation", "d’évaluation")
        (
            "Du 3 au 7 mars 2021, l'Office a organisé un atelier sous-régional d’évaluation "
            "des besoins pour les examinateurs de brevets.",
            "Atelier sous-régional d’évaluation des besoins pour les examinateurs de brevets",
        ),
        # a yearly event and its organizers' acronyms after the noun, in the Spanish order
        (
            "La Oficina organizó el Seminario anual OAPI-ARIPO sobre marcas colectivas, que "
            "tuvo lugar del 2 al 4 de junio de 2019.",
            "Seminario anual OAPI-ARIPO sobre marcas colectivas",
        ),
        (
            "Le Colloque biennal INPI sur les indications géographiques s'est tenu le 12 "
            "octobre 2018.",
            "Colloque biennal INPI sur les indications géographiques",
        ),
    ],
)
def test_titles_keep_what_follows_the_noun_in_french_and_spanish(text: str, title: str) -> None:
    assert one(text)["title"] == title


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The office delivered a masterclass on licensing on 9 March 2021.", "2021-03-09"),
        ("Une classe de maître sur les brevets a été organisée le 4 mai 2020.", "2020-05-04"),
        ("Se celebró una clase magistral sobre diseños el 7 de julio de 2022.", "2022-07-07"),
    ],
)
def test_a_masterclass_is_an_event(text: str, start: str) -> None:
    assert one(text)["start"] == start


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Norway provides technical assistance to developing countries. A workshop was "
            "held in Oslo in May 2019.",
            "NOR",
        ),
        ("1. Canada is pleased to report on its technical cooperation.", "CAN"),
        ("OMPI : Actualités 2019\n\nUn atelier a eu lieu.", "WIPO"),
        ("Durante 2018, la OMC organizó un taller.", "WTO"),
        ("This initiative is the USPTO's response to requests from partner offices.", "USA"),
    ],
)
def test_reporting_party_from_the_body(text: str, code: str) -> None:
    party = run(text).reporting_party
    assert party is not None and party.code == code


def test_projects_with_partial_starts() -> None:
    found = brief(
        run(
            "In September 2014, the office embarked on a twinning project with the Ethiopian "
            "IP Office.\n\nThe regional programme on enforcement began in 2020 in East Africa."
        )
    )
    assert [(f["start"]) for f in found] == ["2014-09", "2020"]


def test_one_event_phrase_in_a_sentence_is_one_event_at_its_most_precise_date() -> None:
    found = brief(
        run(
            "In 2019, the office hosted a delegation for a two-day study visit on trade mark "
            "examination, held on 14-15 March 2019 in Wellington."
        )
    )
    assert [(f["title"], f["start"], f["city"]) for f in found] == [
        ("Two-day study visit on trade mark examination", "2019-03-14", "Wellington")
    ]


def test_a_news_page_names_its_event_and_the_next_one_is_another() -> None:
    found = brief(
        run(
            "OMPI: Noticias 2016\n\nSeminario nacional en Asunción\n\n"
            "Del 20 al 22 de abril de 2016 se llevó a cabo en Asunción, Paraguay, el Seminario "
            "Nacional sobre Propiedad Industrial y Desarrollo. Asistieron 120 participantes.\n\n"
            "El próximo seminario tendrá lugar en Montevideo el 15 de mayo de 2017.\n"
        )
    )
    assert [(f["title"], f["start"], f["participants"]) for f in found] == [
        ("Seminario Nacional sobre Propiedad Industrial y Desarrollo", "2016-04-20", 120),
        ("Seminario en Montevideo", "2017-05-15", None),
    ]


def test_the_previous_sentences_noun_counts_only_for_a_reference_to_it() -> None:
    text = (
        "The office planned three regional seminars for 2018. The ministry held elections in "
        "Samoa in March 2018."
    )
    assert run(text).activities == []


def test_a_period_line_dates_the_undated_report_under_it() -> None:
    found = one(
        "Report on the Trademark Examination Programme\n\n"
        "Close of the Programme for Fiscal 2019 Monday, May 13 – Friday, June 28, 2019\n\n"
        "The third edition of the Trademark Examination Programme was held with four "
        "examiners from Peru."
    )
    assert (found["start"], found["end"]) == ("2019-05-13", "2019-06-28")


def test_an_undated_report_far_below_a_period_line_stays_undated() -> None:
    text = (
        "Programme of the Seminar, 13 May – 28 June 2019\n\n"
        + "".join(f"Paragraph {n} describes the office.\n\n" for n in range(5))
        + "A seminar was held for examiners."
    )
    assert brief(run(text)) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The second Design Search and Examination Course (DSEC) was held from 4 to 8 "
            "March 2019.",
            "Design Search and Examination Course",
        ),
        (
            "The Plant Variety and Seed Forum took place on 3 March 2020.",
            "Plant Variety and Seed Forum",
        ),
        (
            "The office hosted the iStart for Founders Bootcamp Workshop on 2 June 2021.",
            "IStart for Founders Bootcamp Workshop",
        ),
    ],
)
def test_a_name_keeps_its_small_words_between_capitals(text: str, title: str) -> None:
    assert one(text)["title"] == title


@pytest.mark.parametrize(
    ("text", "start", "beneficiaries"),
    [
        ("In May 2019, examiners from Kenya made a study visit to Japan.", "2019-05", ["KEN"]),
        ("In March 2020 a WIPO team undertook an expert mission to Ghana.", "2020-03", ["GHA"]),
        (
            "En avril 2021, une équipe a effectué une mission d'experts au Bénin.",
            "2021-04",
            ["BEN"],
        ),
        ("En junio de 2022 la oficina realizó un taller sobre marcas en Quito.", "2022-06", []),
    ],
)
def test_events_made_undertaken_or_carried_out_happened(
    text: str, start: str, beneficiaries: list[str]
) -> None:
    (found,) = brief(run(text))
    assert (found["start"], found["beneficiaries"]) == (start, beneficiaries)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the ministry made a commitment to organize a workshop in 2025.",
        "The delegation paid a courtesy visit to the Director General on 3 May 2019.",
    ],
)
def test_what_was_made_or_paid_is_no_event_unless_it_is_one(text: str) -> None:
    assert brief(run(text)) == []


def test_a_later_sentence_that_names_the_event_again_gives_its_beneficiaries() -> None:
    """Past the few sentences read after an event, one that names it again ("ce séminaire")
    is still about it; one that names another kind of event is not."""
    background = " ".join(
        f"La propriété intellectuelle est un outil de développement numéro {n}." for n in range(5)
    )
    text = (
        "L'office organise un séminaire à Abidjan depuis le mercredi 15 juillet 2009. "
        f"{background} "
        "Les artisans et leurs homologues venus du Burkina Faso et du Togo suivent ce séminaire."
    )
    (found,) = brief(run(text))
    assert found["beneficiaries"] == ["BFA", "TGO"]
    other = text.replace("suivent ce séminaire", "suivront un atelier")
    (found,) = brief(run(other))
    assert found["beneficiaries"] == []
