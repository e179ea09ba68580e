"""Parties: WTO Members, observers, organizations, agencies, fora and groups (reference data)."""

from __future__ import annotations

from functools import cache

LANGUAGES = ("en", "fr", "es")


@cache
def display_name(code: str | None, lang: str = "en", fallback: str | None = None) -> str:
    """The name people read for a party: its reference name in ``lang`` (English when that
    language has none), else ``fallback`` (the name as a document gave it), else the code."""
    from ipcoop.parties.resolver import Resolver

    if code:
        try:
            info = Resolver.default().get(code)
        except KeyError:
            return fallback or code
        named = {"en": info.name_en, "fr": info.name_fr, "es": info.name_es}.get(lang)
        return named or info.name_en
    return fallback or ""
