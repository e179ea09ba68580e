"""Search across the three languages' vocabulary.

The method: when the whole query is one of a taxonomy term's keywords, in English, French or
Spanish ("contrefaçon", "falsificación" and "counterfeiting" are keywords of the topic
Enforcement; "atelier" and "taller" of the type Workshop), the query also finds every activity
tagged with that term, whatever the language of its text. Matching is case- and
accent-insensitive ("contrefacon" is "contrefaçon"); the weak words a term marks as generic
("programme", "training") do not expand a query. The keywords are those the tagger uses
(``ipcoop.vocabularies.terms``), so a word that tags an activity also finds it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ipcoop.vocabularies.terms import AUDIENCE_TERMS, TOPIC_TERMS, TYPE_TERMS, Term


def fold(text: str) -> str:
    """Text without accents (ç is c, é is e): the form both sides are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Expansion:
    """The taxonomy codes a query names: topics and audiences (tags) and activity types."""

    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.topics or self.audiences or self.types)


def _pattern(term: Term) -> re.Pattern[str] | None:
    keywords = [fold(k).replace(" ", r"\s+") for k in term.keywords if k not in term.generic]
    if not keywords:
        return None
    return re.compile("(?:" + "|".join(f"(?:{k})" for k in keywords) + ")", re.IGNORECASE)


@cache
def _patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, terms in (("topics", TOPIC_TERMS), ("audiences", AUDIENCE_TERMS),
                        ("types", TYPE_TERMS)):
        out[name] = [(t.code, p) for t in terms if (p := _pattern(t)) is not None]
    return out


def expand(query: str) -> Expansion:
    """The terms of which the whole query is a keyword (none for a longer query)."""
    phrase = " ".join(fold(query).split())
    if not phrase:
        return Expansion()
    found = {
        name: tuple(code for code, pattern in patterns if pattern.fullmatch(phrase))
        for name, patterns in _patterns().items()
    }
    return Expansion(**found)
