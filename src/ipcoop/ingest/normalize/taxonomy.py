"""Tagging by keyword: the topics, activity type, audiences and modality a text names.

The vocabularies themselves (codes, labels, keywords) are reference data in
``ipcoop.vocabularies``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ipcoop.vocabularies.terms import (
    AUDIENCE_TERMS,
    MODALITIES,
    MODALITY_TERMS,
    TOPIC_TERMS,
    TYPE_TERMS,
    Term,
)


@dataclass(frozen=True)
class Tag:
    """A taxonomy code found in a text, with the span of the words that named it."""

    code: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class _Compiled:
    pattern: re.Pattern[str]
    keywords: tuple[tuple[re.Pattern[str], Term, bool], ...]  # longest keyword first
    known: dict[str, tuple[Term, bool]] = field(default_factory=dict)  # matched words -> keyword

    def identify(self, words: str) -> tuple[Term, bool] | None:
        """The keyword (term, generic) that these matched words are."""
        key = words  # exact: some keywords are case-sensitive acronyms
        if key not in self.known:
            for keyword, term, generic in self.keywords:
                if keyword.fullmatch(words):
                    self.known[key] = (term, generic)
                    break
        return self.known.get(key)


@functools.cache
def _compile(terms: tuple[Term, ...]) -> _Compiled:
    """One group-free regex for a whole category, longest keywords first.

    Named groups per keyword made every match attempt several times slower, so the keyword
    that matched is found afterwards, by trying each keyword on the matched words only.
    """
    keyed = [(kw, term) for term in terms for kw in term.keywords]
    keyed.sort(key=lambda pair: len(pair[0]), reverse=True)
    sources = [keyword.replace(" ", r"\s+") for keyword, _ in keyed]
    pattern = re.compile(rf"(?<![\w-])(?=[^\W\d_])(?:{'|'.join(sources)})(?![\w-])", re.IGNORECASE)
    keywords = tuple(
        (re.compile(source, re.IGNORECASE), term, keyword in term.generic)
        for source, (keyword, term) in zip(sources, keyed, strict=True)
    )
    return _Compiled(pattern, keywords)


def _matches(text: str, terms: tuple[Term, ...]) -> list[tuple[Term, int, int, bool]]:
    """(term, start, end, generic) for every keyword in the text, in text order."""
    compiled = _compile(terms)
    found = []
    for match in compiled.pattern.finditer(text):
        identified = compiled.identify(match.group(0))
        if identified is not None:
            found.append((identified[0], match.start(), match.end(), identified[1]))
    return found


def _first_per_code(text: str, terms: tuple[Term, ...]) -> list[Tag]:
    tags: dict[str, Tag] = {}
    for term, start, end, _ in _matches(text, terms):
        tags.setdefault(term.code, Tag(term.code, term.label, start, end))
    return list(tags.values())


def tag_topics(text: str) -> list[Tag]:
    """The topics the text names, one tag per topic at its first mention, in text order."""
    return _first_per_code(text, TOPIC_TERMS)


def tag_audiences(text: str) -> list[Tag]:
    """The audiences the text names, one tag per audience at its first mention."""
    return _first_per_code(text, AUDIENCE_TERMS)


def _best_type(text: str) -> Tag | None:
    found = _matches(text, TYPE_TERMS)
    if not found:
        return None
    # A specific word ("workshop") beats a generic one ("programme"); then the earliest wins.
    term, start, end, _ = min(found, key=lambda hit: (hit[3], hit[1]))
    return Tag(term.code, term.label, start, end)


def classify_type(title: str, text: str = "") -> Tag | None:
    """The activity type: the one named in the title wins; spans refer to whichever was used.

    When the type comes from ``text``, the span is within ``text``.
    """
    return _best_type(title) or _best_type(text)


def detect_modality(text: str) -> Tag | None:
    """Online, in person or hybrid, as the text says; None when it does not say."""
    found = _matches(text, MODALITY_TERMS)
    if not found:
        return None
    hybrid = next((hit for hit in found if hit[0].code == "hybrid"), None)
    if hybrid is not None:
        term, start, end, _ = hybrid
        return Tag(term.code, term.label, start, end)
    codes = {hit[0].code for hit in found}
    if codes == {"online", "in_person"}:
        start, end = found[0][1], found[-1][2]
        return Tag("hybrid", MODALITIES["hybrid"], start, end)
    term, start, end, _ = found[0]
    return Tag(term.code, term.label, start, end)
