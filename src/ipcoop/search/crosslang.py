"""Search across the three languages' vocabulary.

The method: when the whole query is one of a taxonomy term's French or Spanish keywords
("contrefaçon" and "falsificación" are keywords of the topic Enforcement; "atelier" and
"taller" of the type Workshop; "douanes" of the audience Customs officers), the query also finds
every activity tagged with that term, whatever the language of its text. Matching is case- and
accent-insensitive ("contrefacon" is "contrefaçon"); the weak words a term marks as generic
("programme", "training") do not expand a query. English queries are left to the full text
alone (which stems them), so their answers do not change.

The keywords are those the tagger uses (``ipcoop.vocabularies.terms``), where each term lists
its English keywords first; ``FIRST_TRANSLATED`` names, per term, its first French or Spanish
keyword: that one and those after it are the ones that expand (a test checks that each named
keyword is still in the term).
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


FIRST_TRANSLATED = {
    "patents": "brevets?",
    "trademarks": "marques?",
    "industrial_designs": "dessins et modèles",
    "copyright": "droits? d'auteur",
    "geographical_indications": "indications? géographiques?",
    "plant_varieties": "obtentions? végétales?",
    "trade_secrets": "secrets? d'affaires",
    "traditional_knowledge": "savoirs traditionnels",
    "enforcement": "contrefaçons?",
    "public_health": "santé publique",
    "technology_transfer": "transfert de technologies?",
    "commercialization": "(?-i:PMEs?|PYMEs?|pymes)",
    "awareness": "sensibilisation",
    "workshop": "ateliers?",
    "seminar": "séminaires?",
    "colloquium": "colloques?",
    "training_course": "cours",
    "elearning_course": "formation à distance",
    "study_visit": "visites? d'études?",
    "expert_mission": "missions? d'experts?",
    "diagnostic_mission": "missions? de diagnostic",
    "enforcement_operation": "opérations? conjointes?",
    "meeting": "réunions?",
    "study": "études?",
    "tool": "outils?",
    "legislative_assistance": "assistance législative",
    "financial_contribution": "fonds fiduciaires?",
    "customs_officers": "douanes?",
    "police": "polic[ií]a",
    "prosecutors": "procureurs?",
    "judges": "juges?",
    "ip_office_staff": "examinateurs?",
    "policy_makers": "décideurs?",
    "smes": "(?-i:PMEs?|PYMEs?|pymes)",
    "universities": "universités?",
    "cmos": "sociétés de gestion collective",
    "farmers_producers": "agricult(?:eurs?|ores?)",
}


def translated(term: Term) -> tuple[str, ...]:
    """A term's French and Spanish keywords (none for a term without them)."""
    first = FIRST_TRANSLATED.get(term.code)
    if first is None or first not in term.keywords:
        return ()
    return term.keywords[term.keywords.index(first) :]


def _pattern(term: Term) -> re.Pattern[str] | None:
    keywords = [fold(k).replace(" ", r"\s+") for k in translated(term) if k not in term.generic]
    if not keywords:
        return None
    return re.compile("(?:" + "|".join(f"(?:{k})" for k in keywords) + ")", re.IGNORECASE)


@cache
def _patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, terms in (
        ("topics", TOPIC_TERMS),
        ("audiences", AUDIENCE_TERMS),
        ("types", TYPE_TERMS),
    ):
        out[name] = [(t.code, p) for t in terms if (p := _pattern(t)) is not None]
    return out


def expand(query: str) -> Expansion:
    """The terms of which the whole query is a French or Spanish keyword."""
    phrase = " ".join(fold(query).split())
    if not phrase:
        return Expansion()
    found = {
        name: tuple(code for code, pattern in patterns if pattern.fullmatch(phrase))
        for name, patterns in _patterns().items()
    }
    return Expansion(**found)
