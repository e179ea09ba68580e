"""An event's title from the words around its noun: its own name, else a description.

- a quoted name that holds an event noun ("“JPO/IPR Training Course for ...”") is the name;
- the noun phrase around an event noun: the words before it that belong to the name (capitals,
  slashes, hyphens, bracketed acronyms, adjectives), the noun, the adjectives after it (French
  and Spanish put them there: "atelier pratique", "curso avanzado conjunto") and its
  complement ("on patent information", "sur le rôle des dessins", "sobre propiedad
  intelectual", "for Teachers of ... Law") up to a clause break, a date, a verb or a venue;
- ordinals and recency words ("the first", "most recent", "tercer") and articles are left out.

A phrase is a proper name when its words before the noun are capitalised ("Regional Patent
Examination Training (RPET) Program"); otherwise it is a description, to which the frame
reader adds the venue ("Sub-regional workshop in Fiji").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipcoop.ingest.extractors.event_words import EVENT_NOUN, is_plural, singular
from ipcoop.ingest.normalize import dates

_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[\w’'./-]+|[^\w\s]")
# words that end a name going backwards (articles, determiners, verbs, prepositions, counts,
# ordinals and recency words)
_STOP_WORDS = """
    a an the this that these those its their his her our your of in on at to for by with from
    and or but as was were is are be been had has have which who that namely also under during
    into about after before between through per via its
    first second third fourth fifth sixth seventh eighth ninth tenth last next latest recent most
    new inaugural following same other another one two three four five six seven eight nine ten
    le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs au aux et ou par pour
    avec dans sur en qui que est sont a ont premier première second seconde deuxième troisième
    dernier dernière prochain prochaine nouveau nouvelle autre
    el los las lo una unos unas del al este esta estos estas ese esa su sus y o por para con en
    sobre que es son fue primer primero primera segundo segunda tercer tercero tercera cuarto
    último última próximo próxima nuevo nueva otro otra"""
_STOP_BEFORE = frozenset(re.findall(r"\S+", _STOP_WORDS))
_ADJECTIVE_AFTER = re.compile(
    r"^(?:pratique|régional|régionale|national|nationale|international|internationale|"
    r"sous-régional|sous-régionale|conjoint|conjointe|avancé|avancée|technique|spécialisée?|"
    r"regional|nacional|internacional|subregional|avanzado|avanzada|conjunto|conjunta|"
    r"práctico|práctica|técnico|técnica|especializado|especializada|virtual|presencial|"
    r"virtuel|virtuelle|hybride|híbrido|híbrida|en\s+ligne|en\s+línea|"
    r"interactif|interactive|interactivo|interactiva|de\s+formación|de\s+formation|"
    r"de\s+capacitación|de\s+sensibilisation|de\s+sensibilización|de\s+alto\s+nivel|"
    r"de\s+haut\s+niveau|d'experts|de\s+expertos|annuel|annuelle|anual|biennal|biennale|"
    r"bienal)\b",
    re.IGNORECASE,
)
# the organizers' acronyms after the noun, in the French and Spanish order ("Coloquio anual
# OMPI-OMC", "Séminaire OMPI-OAPI"): two capitals or more, joined by hyphens or slashes
_ACRONYM_AFTER = re.compile(r"^(?:[A-ZÀ-Þ]{2,}(?:[-/][A-ZÀ-Þ]{2,})+|[A-ZÀ-Þ]{2,})(?![\w'’])")
_COMPLEMENT = re.compile(
    r"^(?:on|for|about|concerning|regarding|of|to(?=\s+(?-i:[A-ZÀ-Þ]))|sur|pour|"
    r"à\s+l['’]intention\s+d(?:es?|u|['’])|destinad[oa]s?\s+a|dirigid[oa]s?\s+a|"
    r"relative?\s+(?:à|aux?)|consacrée?\s+"
    r"(?:à|aux?)|en\s+matière\s+de|sobre|para|relativo\s+a|en\s+materia\s+de|acerca\s+de|de\s+la"
    r"|de\s+las?|de\s+los|del|des|du|de)\s|d['’](?=\w)",
    re.IGNORECASE,
)
# where a complement ends
_COMPLEMENT_END = re.compile(
    r"[,;:.!?](?:\s|$)|\s(?:was|were|is|are|has|had|will|would|which|who|that|to\s+take|"
    r"est|sont|sera|seront|prendra|aura|fue|será|es|son|ha|han|for\s+(?:the\s+year\s+)?\d{4}|"
    r"to\s+be|took|held|organi[sz]ed|hosted|with|in\s+cooperation|in\s+collaboration|"
    r"qui|que|a\s+eu|s['’]est|a\s+été|avec|en\s+collaboration|en\s+coopération|organisée?s?|"
    r"se\s+(?:tient|tiennent|déroule|déroulent|celebra|realiza)|"
    r"depuis|du\s+\d|"
    r"que|se\s+llevó|se\s+celebró|tuvo|con|en\s+colaboración|en\s+cooperación|organizad[oa]s?|"
    r"desde|from\s+\d|from\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|held|since|in\s+(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december|\d{4}))\b",
    re.IGNORECASE,
)
_VENUE = re.compile(
    r"\s(?:in|at|à|au|en)\s+(?:the\s+(?:city\s+of\s+)?|la\s+ville\s+de\s+)?[A-ZÀ-Þ]"
)
_MAX_COMPLEMENT_WORDS = 28
_DATE_LEAD = re.compile(r"\s+(?:on|from|in|during|between|le|du|el|del|en|de|desde)?\s*$", re.I)
_ONLY_A_YEAR = re.compile(r"\s*\w+\s+(?:the\s+)?(?:year\s+)?\d{4}\s*")


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """An event's noun phrase in a text: its words, offsets, head noun and what sort of title."""

    text: str
    start: int
    end: int
    head: str  # the event noun, singular and lower case
    plural: bool
    proper: bool  # a name (capitalised words before the noun, or quoted)
    complemented: bool  # the noun has a complement or adjectives after it


# a small word inside a name, between two of its capitalised words
_JOINERS = frozenset({"and", "for", "of", "on", "&", "et", "pour", "y", "para"})


def _named(word: str) -> bool:
    """Whether a word can belong to a name: it has a capital ("Tailored", "eTrade", "JPO/IPR")
    and is not a small word of the language."""
    first = word.split()[0] if word.split() else ""
    return any(c.isupper() for c in first) and first.casefold() not in _STOP_BEFORE


def _before(text: str, noun_start: int) -> int:
    """Where the words before the noun that belong to its phrase start."""
    tokens = list(_TOKEN.finditer(text, max(0, noun_start - 200), noun_start))
    start = noun_start
    for number in range(len(tokens) - 1, -1, -1):
        token = tokens[number]
        word = token.group(0)
        low = word.casefold()
        if word.startswith("("):
            start = token.start()
            continue
        if low in _JOINERS and start < noun_start and _named(text[start:noun_start]) and \
                number and _named(tokens[number - 1].group(0)):
            start = token.start()  # "Practical and Tailored", "eTrade for Women"
            continue
        if low in _STOP_BEFORE or not re.search(r"\w", word) or word[0].isdigit():
            break
        if low.endswith(("'s", "’s")) or low.endswith(("'", "’")):
            break
        start = token.start()
    return start


def _after(text: str, noun_end: int) -> int:
    """Where the adjectives and complement after the noun end."""
    end = noun_end
    rest = text[end:]
    while True:
        adjective = _ADJECTIVE_AFTER.match(rest.lstrip()) or _ACRONYM_AFTER.match(rest.lstrip())
        if adjective is None:
            break
        skip = len(rest) - len(rest.lstrip()) + adjective.end()
        end += skip
        rest = text[end:]
    stripped = rest.lstrip()
    if _COMPLEMENT.match(stripped) is None or _VENUE.match(rest):
        return end
    stop = len(text)
    for pattern in (_COMPLEMENT_END, _VENUE):
        found = pattern.search(text, end + 1)
        if found is not None:
            stop = min(stop, found.start())
    inside = dates.find_dates(text[end:stop])
    if inside:  # a date ends the complement, with the preposition before it
        cut = min(hit[0] for hit in inside)
        stop = end + len(_DATE_LEAD.sub("", text[end : end + cut]))
    words = text[end:stop].split()
    if len(words) > _MAX_COMPLEMENT_WORDS or _ONLY_A_YEAR.fullmatch(text[end:stop]):
        return end
    return end + len(text[end:stop].rstrip())


def _is_proper(words: str) -> bool:
    capitals = [w for w in words.split() if w[:1].isupper() or "/" in w or w.startswith("(")]
    return len(capitals) >= 1 and words.split()[0][:1].isupper()


def phrase_at(text: str, noun: re.Match[str]) -> NounPhrase:
    """The noun phrase around one event noun."""
    start = _before(text, noun.start())
    after = _after(text, noun.end())
    premodifiers = text[start : noun.start()].strip()
    words = text[start:after].strip(" ,;")
    capital = noun.group(0)[:1].isupper()
    opens = not text[: noun.start()].strip() or text[: noun.start()].rstrip()[-1] in ".:;!?"
    proper = capital and (
        (bool(premodifiers) and _is_proper(premodifiers)) or (not premodifiers and not opens)
    )
    return NounPhrase(
        words,
        start,
        start + len(words),
        singular(noun.group(0)),
        is_plural(noun.group(0)),
        proper,
        after > noun.end(),
    )


_QUOTE_MARKS = str.maketrans("", "", "«»“”")  # a title is not quoted inside
_QUOTED = re.compile(r"[“\"«]\s*([^”\"»]{4,250}?)\s*[”\"»]")


def quoted_names(text: str) -> list[NounPhrase]:
    """Quoted names that hold an event noun."""
    found: list[NounPhrase] = []
    for quote in _QUOTED.finditer(text):
        noun = EVENT_NOUN.search(quote.group(1))
        if noun is not None:
            found.append(
                NounPhrase(
                    quote.group(1),
                    quote.start(1),
                    quote.end(1),
                    singular(noun.group(0)),
                    is_plural(noun.group(0)),
                    True,
                    True,
                )
            )
    return found


def phrases(text: str) -> list[NounPhrase]:
    """Every event noun phrase in a text, quoted names first where they hold one."""
    quoted = quoted_names(text)
    found = list(quoted)
    for noun in EVENT_NOUN.finditer(text):
        if any(q.start <= noun.start() < q.end for q in quoted):
            continue
        found.append(phrase_at(text, noun))
    return sorted(found, key=lambda p: p.start)


def readable(words: str) -> str:
    """A title as a person writes it: one space, first letter capitalised."""
    words = " ".join(words.translate(_QUOTE_MARKS).split()).strip(" ,;:-–")
    return words[:1].upper() + words[1:] if words else words
