"""The one stop-word policy of full-text search: the words of a query that are searched for.

A query's stop words are dropped here, before either database sees the query, so SQLite (whose
FTS5 index keeps every word) and PostgreSQL (whose English configuration drops its stop words)
match the same words and give the same totals (docs/languages.md, "Stop words"). The lists are
shipped in ``search/data``: English is PostgreSQL's own list, word for word; French and Spanish
are the function words of the Snowball lists.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

LANGUAGES = ("en", "fr", "es")
# a word as both databases' tokenizers cut it: letters and digits (apostrophes, hyphens and
# underscores separate words, so "l'assistance" is "l" and "assistance")
_WORD = re.compile(r"[^\W_]+")


def folded(word: str) -> str:
    """A word lower-cased without its accents, as both databases compare words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def listed(language: str) -> frozenset[str]:
    """The stop words of one language as shipped (a word a line; # starts a comment)."""
    text = (files("ipcoop.search") / "data" / f"stop-words-{language}.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if not line.startswith("#"))


@cache
def stop_words() -> frozenset[str]:
    """Every language's stop words, folded."""
    return frozenset(folded(w) for language in LANGUAGES for w in listed(language) if w)


def searched_words(query: str) -> list[str]:
    """The words of a query that are searched for: punctuation, operators and stop words
    dropped ("the workshop" searches "workshop")."""
    stop = stop_words()
    return [w for w in _WORD.findall(query) if folded(w) not in stop]
