"""Participant counts in prose: "More than 30 participants", "24 participants from 14 economies",
"vingt-cinq fonctionnaires", "una veintena de participantes"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from text_to_num import text2num

from ipcoop.ingest.records import Participants

# Qualifier words (English, French, Spanish) -> the normalized qualifier.
_QUALIFIERS: dict[str, str] = {}
for _norm, _words in {
    "more than": "more than|over|above|in excess of|upwards of|plus de|más de|mas de",
    "at least": "at least|no fewer than|no less than|not less than|a minimum of|au moins"
    "|al menos|por lo menos",
    "about": "about|approximately|approx.|around|some|roughly|nearly|almost|close to|circa"
    "|an estimated|estimated|environ|près de|pres de|quelque|unos|unas|alrededor de"
    "|aproximadamente|cerca de|casi",
    "up to": "up to|as many as|a maximum of|jusqu'à|jusqu’à|hasta",
    "fewer than": "fewer than|less than|under|below|moins de|menos de",
}.items():
    for _word in _words.split("|"):
        _QUALIFIERS[_word] = _norm

# number words as they are written before a count (the values are text2num's): a number is
# one to six of them joined by spaces, hyphens and "and", "et", "y" ("twenty-five", "quatre-
# vingt-dix", "treinta y cinco"); "un", "une", "una" alone are articles, not counts. The run is
# bounded and possessive: a document of nothing but number words is read in linear time (an
# unbounded run made 600 kB of them take minutes)
_NUMBER_WORDS = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy"
    " eighty ninety hundred",
    "fr": "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
    " quinze seize vingt vingts trente quarante cinquante soixante cent cents",
    "es": "uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce"
    " quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintiuna veintidós"
    " veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
    " treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento doscientos"
    " doscientas trescientos trescientas cuatrocientos quinientos",
}
_ARTICLES = ("un", "une", "una", "uno")
_WORD_ALT = "|".join(
    sorted({w for words in _NUMBER_WORDS.values() for w in words.split()}, key=len, reverse=True)
)
_WORD_NUMBER = (
    rf"(?:a\s+hundred\b|(?!(?:{'|'.join(_ARTICLES)})\b(?![-\s]+(?:{_WORD_ALT})\b))(?:{_WORD_ALT})"
    rf"(?:(?:[-\s]+(?:and|et|y)[-\s]+|[-\s]+)(?:{_WORD_ALT})){{0,5}}+)"
)
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})"

# the people counted, by language: number words count only before a noun of their own
# language ("once participantes" is eleven; "once participants" is no count)
_NOUNS_OF = {
    "en": "participants participant attendees delegates officials officers trainers trainees"
    " experts representatives people persons individuals students judges prosecutors examiners"
    " inspectors lawyers practitioners researchers staff agents speakers stakeholders",
    "fr": "participants participant fonctionnaires délégués stagiaires formateurs personnes"
    " experts",
    "es": "participantes funcionarios funcionarias asistentes delegados expertos personas",
}
_LANGUAGES_OF: dict[str, list[str]] = {}
for _language, _nouns in _NOUNS_OF.items():
    for _noun in _nouns.split():
        _LANGUAGES_OF.setdefault(_noun, []).append(_language)
_NOUNS = "|".join(sorted(_LANGUAGES_OF, key=len, reverse=True))
# Words that may sit between the number and the noun ("26 Vietnamese Customs officials"),
# but never function words or durations ("5 days", "20 years of").
_STOP = (
    r"of|and|or|from|in|on|at|for|to|the|with|by|who|were|was|is|are|per|each|days?|weeks?"
    r"|months?|years?|hours?|sessions?|times|de|des|du|del|y|et|en|por|para|pour"
)
_ADJECTIVE = rf"(?!(?:{_STOP})\b)[^\W\d_][\w'’.&-]*"
_ECONOMIES = (
    r"economies|economy|countries|member\s+states|members|nations|jurisdictions|pays"
    r"|économies|países|economías|estados\s+miembros"
)
_QUALIFIER_ALT = "|".join(
    re.escape(word).replace("\\ ", " ").replace(" ", r"\s+")
    for word in sorted(_QUALIFIERS, key=len, reverse=True)
)

# "une quarantaine de", "una veintena de", "un centenar de": about so many
_APPROXIMATE = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "decena": 10, "docena": 12, "quincena": 15, "veintena": 20, "treintena": 30,
    "cuarentena": 40, "cincuentena": 50, "centenar": 100,
}  # fmt: skip
_APPROXIMATE_ALT = "|".join(_APPROXIMATE)

_COUNT = re.compile(
    rf"(?<![\w-])(?:(?:(?P<qual>{_QUALIFIER_ALT})\s+)?(?P<num>{_NUMBER})(?![\w-]|,\d)"
    rf"|(?:une?|una)\s+(?P<approx>{_APPROXIMATE_ALT})\s+(?:de\b|d['’]))"
    rf"(?P<adj>(?:\s+{_ADJECTIVE}){{0,4}}?)(?:\s+|(?<=['’]))(?P<noun>{_NOUNS})(?!\w)"
    rf"(?:\s+(?:from|of|de|venant\s+de|procedentes\s+de)\s+"
    rf"(?P<econ>{_NUMBER})\s+(?:different\s+|distintas?\s+|différents\s+)?(?:{_ECONOMIES})(?!\w))?",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    rf"(?:number\s+of\s+)?(?:participants|attendees|participantes)\s*[:=]\s*"
    rf"(?:(?P<qual>{_QUALIFIER_ALT})\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w-])",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|until|by|from|of|en|desde|depuis)\s+$", re.I)


def word_number(text: str, languages: Iterable[str] = tuple(_NUMBER_WORDS)) -> int | None:
    """The value of digits or of number words in one of the languages (English, French,
    Spanish: "twenty-five", "quatre-vingt-dix", "treinta y cinco"), else None."""
    words = " ".join(text.replace(",", "").split())
    if words.isdigit():
        return int(words)
    words = re.sub(r"^a\s+hundred", "one hundred", words, flags=re.IGNORECASE).lower()
    for language in languages:
        try:
            return int(text2num(words, language))
        except ValueError:
            continue
    return None


def _qualifier(word: str | None) -> str | None:
    if word is None:
        return None
    return _QUALIFIERS[re.sub(r"\s+", " ", word.lower())]


def find_participants(text: str) -> list[tuple[int, int, Participants]]:
    """Every participant count in the text as (start, end, Participants), in text order."""
    found: list[tuple[int, int, Participants]] = []
    for match in _COUNT.finditer(text):
        digits = match.group("num")
        approximate = match.group("approx")
        languages = _LANGUAGES_OF[match.group("noun").lower()]
        count = _APPROXIMATE[approximate.lower()] if approximate else word_number(digits, languages)
        if count is None or count == 0:
            continue
        # "In 2009 participants from ..." is a year, not a head count.
        if (
            digits
            and digits.isdigit()
            and len(digits) == 4
            and _YEAR_BEFORE.search(text, 0, match.start())
        ):
            continue
        econ = match.group("econ")
        found.append(
            (
                match.start(),
                match.end(),
                Participants(
                    count,
                    "about" if approximate else _qualifier(match.group("qual")),
                    word_number(econ) if econ else None,
                ),
            )
        )
    for match in _LABELLED.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        count = word_number(match.group("num"))
        if count:
            found.append(
                (match.start(), match.end(), Participants(count, _qualifier(match.group("qual"))))
            )
    found.sort(key=lambda hit: hit[0])
    return found
