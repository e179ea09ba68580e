"""Party names to party references: exact alias lookup, groups expanded, never a guess."""

from __future__ import annotations

import datetime as dt
import re

from ipcoop.ingest.records import PartyRef
from ipcoop.parties.resolver import Resolver

# Always separators: a semicolon or a new line ends a name.
_HARD = re.compile(r"\s*[;\n]\s*")
# A separator only where the reference data says so: "Cambodia and Lao PDR" and "Burkina Faso,
# Mali, Niger" are several names, "Sao Tome and Principe" and "Hong Kong, China" one.
_SOFT = re.compile(r"\s*,\s*(?:(?:and|et|y)\s+)?|\s+(?:and|et|y)\s+", re.IGNORECASE)
_LONGEST_NAME = 6  # pieces between soft separators that one listed name may span
_NUMBERED = re.compile(r"^\s*(?:the\s+)?(?:ten|10|eleven|11|twenty-one|21)\s+", re.IGNORECASE)


def _clean(name: str) -> str:
    return name.strip(" .,")


def _resolves(name: str, resolver: Resolver) -> bool:
    return (resolver.resolve(name) or resolver.resolve(_NUMBERED.sub("", name))) is not None


def _split_softly(piece: str, resolver: Resolver) -> list[str]:
    """One piece between hard separators, cut at a comma or an 'and' (et, y) only where the
    reference data calls for it: never inside a name that resolves, and only where the cut
    makes more of the words resolve ("Cambodia and Lao PDR", "Chile, Perú, Colombia"; not
    "Trinidad and Tobago" or "Hong Kong, China", nor an unknown "Ministry of Trade, Industry
    and Energy", which stays one unresolved name)."""
    if _resolves(piece, resolver):
        return [piece]
    cuts = list(_SOFT.finditer(piece))
    if not cuts:
        return [piece]
    # chunks between conjunctions; a name is a run of neighbouring chunks
    bounds = [0] + [c for cut in cuts for c in (cut.start(), cut.end())] + [len(piece)]
    chunks = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    count = len(chunks)
    # best[i]: (chunks covered by resolved names, -names) for the chunks before i, and the cuts
    best: list[tuple[tuple[int, int], list[int]] | None] = [None] * (count + 1)
    best[0] = ((0, 0), [])
    for end in range(1, count + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            name = _clean(piece[chunks[start][0] : chunks[end - 1][1]])
            named = end - start <= _LONGEST_NAME and _resolves(name, resolver)
            covered = end - start if named else 0
            score = (before[0][0] + covered, before[0][1] - 1)
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, [*before[1], end])
    found = best[count]
    assert found is not None
    names, start = [], 0
    for end in found[1]:
        names.append(_clean(piece[chunks[start][0] : chunks[end - 1][1]]))
        start = end
    return [n for n in names if n]


def split_names(text: str, *, resolver: Resolver | None = None) -> list[str]:
    """Split a list of names on semicolons and new lines, and on a comma or an 'and' where the
    reference data says the words around it are separate names ('Hong Kong, China' is one
    name)."""
    resolver = resolver or Resolver.default()
    names: list[str] = []
    for piece in _HARD.split(text):
        piece = _clean(piece)
        if piece:
            names += _split_softly(piece, resolver)
    return names


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
