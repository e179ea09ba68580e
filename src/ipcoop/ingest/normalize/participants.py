"""Participant counts in prose: "More than 30 participants", "24 participants from 14 economies"."""

from __future__ import annotations

import re

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

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_WORD_NUMBER = (
    rf"(?:(?:a|one|{_UNIT_ALT})\s+hundred(?:\s+(?:and\s+)?(?:{_TENS_ALT})(?:[-\s](?:{_UNIT_ALT}))?)?"
    rf"|(?:{_TENS_ALT})(?:[-\s](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
)
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})"

_NOUNS = (
    "participants|participant|attendees|delegates|officials|officers|trainers|trainees|experts"
    "|representatives|people|persons|individuals|students|judges|prosecutors|examiners"
    "|inspectors|lawyers|practitioners|researchers|staff|agents|speakers|stakeholders"
    "|participantes|funcionarios|funcionarias|asistentes|delegados|expertos|fonctionnaires"
    "|délégués|stagiaires|formateurs|personnes|personas"
)
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

_COUNT = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER_ALT})\s+)?(?P<num>{_NUMBER})(?![\w-]|,\d)"
    rf"(?P<adj>(?:\s+{_ADJECTIVE}){{0,4}}?)\s+(?P<noun>{_NOUNS})(?!\w)"
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


def word_number(text: str) -> int | None:
    """The value of digits or an English number word ("twenty-five"), else None."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total = 0
    for word in words:
        if word in ("and", "a"):
            total += 1 if word == "a" else 0
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total or None


def _qualifier(word: str | None) -> str | None:
    if word is None:
        return None
    return _QUALIFIERS[re.sub(r"\s+", " ", word.lower())]


def find_participants(text: str) -> list[tuple[int, int, Participants]]:
    """Every participant count in the text as (start, end, Participants), in text order."""
    found: list[tuple[int, int, Participants]] = []
    for match in _COUNT.finditer(text):
        digits = match.group("num")
        count = word_number(digits)
        if count is None or count == 0:
            continue
        # "In 2009 participants from ..." is a year, not a head count.
        if digits.isdigit() and len(digits) == 4 and _YEAR_BEFORE.search(text, 0, match.start()):
            continue
        econ = match.group("econ")
        found.append(
            (
                match.start(),
                match.end(),
                Participants(
                    count,
                    _qualifier(match.group("qual")),
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
