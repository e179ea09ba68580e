"""Participant counts in prose."""

from __future__ import annotations

import pytest

from ipcoop.ingest.normalize.participants import find_participants, word_number
from ipcoop.ingest.records import Participants


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "The workshop was attended by 28 officials from Lao Customs",
            "28 officials",
            Participants(28),
        ),
        (
            "More than 30 participants from the PNG Customs Service attended the Workshop.",
            "More than 30 participants",
            Participants(30, "more than"),
        ),
        (
            "A total of 22 trainers from 10 economies",
            "22 trainers from 10 economies",
            Participants(22, None, 10),
        ),
        (
            "attended by 406 participants from 14 economies",
            "406 participants from 14 economies",
            Participants(406, None, 14),
        ),
        (
            "24 participants from 14 economies",
            "24 participants from 14 economies",
            Participants(24, None, 14),
        ),
        (
            "attended by 26 customs officials from Argentina",
            "26 customs officials",
            Participants(26),
        ),
        ("attended by 20 officials from Mali Customs", "20 officials", Participants(20)),
        (
            "attended by 26 Vietnamese Customs officials",
            "26 Vietnamese Customs officials",
            Participants(26),
        ),
        ("over 50 participants", "over 50 participants", Participants(50, "more than")),
        ("some 40 delegates", "some 40 delegates", Participants(40, "about")),
        ("about 100 attendees", "about 100 attendees", Participants(100, "about")),
        (
            "approximately 60 participants",
            "approximately 60 participants",
            Participants(60, "about"),
        ),
        ("at least 25 officials", "at least 25 officials", Participants(25, "at least")),
        ("nearly 70 participants", "nearly 70 participants", Participants(70, "about")),
        ("up to 15 experts", "up to 15 experts", Participants(15, "up to")),
        (
            "fewer than 10 participants",
            "fewer than 10 participants",
            Participants(10, "fewer than"),
        ),
        ("twenty participants", "twenty participants", Participants(20)),
        ("twenty-five trainees", "twenty-five trainees", Participants(25)),
        ("1,200 participants", "1,200 participants", Participants(1200)),
        ("plus de 30 participants", "plus de 30 participants", Participants(30, "more than")),
        (
            "más de 40 funcionarios de aduanas",
            "más de 40 funcionarios",
            Participants(40, "more than"),
        ),
        ("Number of participants: 35", "Number of participants: 35", Participants(35)),
    ],
)
def test_counts(text: str, span: str, expected: Participants) -> None:
    hits = find_participants(text)
    assert len(hits) == 1
    start, end, found = hits[0]
    assert text[start:end] == span
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "a five-day workshop for judges",
        "a 3-day seminar",
        "about 2 weeks of training",
        "In 2009 participants from 14 economies met",
        "20 years of experience",
        "the 29th IPEG meeting",
    ],
)
def test_durations_years_and_ordinals_are_not_counts(text: str) -> None:
    assert find_participants(text) == []


def test_the_five_day_workshop_still_finds_its_officials() -> None:
    text = "This five-day workshop, which was attended by 20 officials from Mali Customs"
    assert [(text[s:e], p) for s, e, p in find_participants(text)] == [
        ("20 officials", Participants(20))
    ]


def test_several_counts_come_in_text_order() -> None:
    text = "attended by 20 officials and facilitated by two pre-accredited experts"
    assert [p.count for _, _, p in find_participants(text)] == [20, 2]


def test_word_number() -> None:
    assert word_number("forty-two") == 42
    assert word_number("one hundred and fifty") == 150
    assert word_number("17") == 17
    assert word_number("many") is None


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "L'atelier a réuni vingt-cinq fonctionnaires des douanes.",
            "vingt-cinq fonctionnaires",
            Participants(25),
        ),
        ("Quatre-vingt-dix participants ont suivi le cours.", None, Participants(90)),
        ("Une quarantaine de participants venus de huit pays", None, Participants(40, "about")),
        ("une dizaine d'experts", "une dizaine d'experts", Participants(10, "about")),
        (
            "Asistieron treinta y cinco funcionarios aduaneros de doce países.",
            "treinta y cinco funcionarios",
            Participants(35),
        ),
        ("Una veintena de participantes", None, Participants(20, "about")),
        ("Once participantes completaron el curso.", "Once participantes", Participants(11)),
        ("a hundred participants", None, Participants(100)),
    ],
)
def test_french_and_spanish_number_words(
    text: str, span: str | None, expected: Participants
) -> None:
    ((start, end, found),) = find_participants(text)
    assert found == expected
    if span is not None:
        assert text[start:end] == span


def test_a_number_word_counts_only_before_a_noun_of_its_language() -> None:
    """Spanish 'once' is eleven; English 'once' is no number."""
    assert find_participants("Once participants had registered, the course began.") == []
    assert find_participants("Un expert de l'OMPI a présenté le cours.") == []


def test_word_number_in_each_language() -> None:
    assert word_number("quatre-vingt-dix", ["fr"]) == 90
    assert word_number("treinta y cinco", ["es"]) == 35
    assert word_number("once", ["en"]) is None
