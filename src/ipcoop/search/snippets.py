"""Highlighted snippets of result text around the query's words, for pages on any database."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ipcoop.search.stopwords import searched_words

WINDOW = 220


def _pattern(query: str) -> re.Pattern[str] | None:
    # a word's first five letters catch its inflections ("counterfeiting" ~ "counterfeit")
    stems = {w[:5] if len(w) > 5 else w for w in searched_words(query)}
    if not stems:
        return None
    longest_first = sorted(stems, key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in longest_first) + r")\w*", re.IGNORECASE
    )


def snippet(text: str | None, query: str, window: int = WINDOW) -> Markup:
    """Escaped text around the first match, with every matching word in <mark>."""
    if not text:
        return Markup("")
    pattern = _pattern(query)
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - window // 3) if first else 0
    piece = text[start : start + window]
    prefix, suffix = ("…" if start else ""), ("…" if start + window < len(text) else "")
    if pattern is None:
        return Markup(escape(prefix + piece + suffix))
    out, last = [], 0
    for match in pattern.finditer(piece):
        out += [
            escape(piece[last : match.start()]),
            Markup("<mark>"),
            escape(match.group(0)),
            Markup("</mark>"),
        ]
        last = match.end()
    out.append(escape(piece[last:]))
    return Markup(escape(prefix) + Markup("").join(out) + escape(suffix))
