"""Party names to party references: exact alias lookup, groups expanded, never a guess."""

from __future__ import annotations

import datetime as dt
import re

from ipcoop.ingest.records import PartyRef
from ipcoop.parties.resolver import Resolver

_SPLIT = re.compile(r"\s*(?:;|\n|\s+and\s+|\s+et\s+|\s+y\s+)\s*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:the\s+)?(?:ten|10|eleven|11|twenty-one|21)\s+", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """Split a list of names on semicolons, new lines and a final 'and' (never on commas:
    'Hong Kong, China' is one name)."""
    return [n.strip(" .,") for n in _SPLIT.split(text) if n.strip(" .,")]


def resolve_name(
    name: str, *, on: dt.date | None = None, resolver: Resolver | None = None
) -> list[PartyRef]:
    """One named party, or a group expanded to its members at the date; unresolved names kept."""
    resolver = resolver or Resolver.default()
    code = resolver.resolve(name) or resolver.resolve(_NUMBERED.sub("", name))
    if code is None:
        return [PartyRef(name=name)]
    if resolver.is_group(code) and code != "EU":
        members = resolver.members(code, on)
        if members:
            return [PartyRef(name=resolver.get(m).name_en, code=m, via_group=code) for m in members]
    return [PartyRef(name=name, code=code)]


def resolve_list(text: str, *, on: dt.date | None = None) -> list[PartyRef]:
    """Every party in a beneficiary or provider list, in order, without repeats."""
    refs: list[PartyRef] = []
    seen: set[str] = set()
    for name in split_names(text):
        for ref in resolve_name(name, on=on):
            key = ref.code or ref.name.casefold()
            if key not in seen:
                seen.add(key)
                refs.append(ref)
    return refs
