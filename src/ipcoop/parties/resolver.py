"""Names to parties: an exact alias table in English, French and Spanish; never a fuzzy guess."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"',
                         "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
_ARTICLE = re.compile(r"^(?:the|la|le|les|el|los|las|l')\s*", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{0,4}$")


@dataclass(frozen=True)
class PartyInfo:
    """One party of the reference data."""

    code: str
    kind: str
    name_en: str
    name_fr: str | None
    name_es: str | None
    iso2: str | None
    iso3: str | None
    isonum: str | None
    wto_status: str | None
    parent: str | None
    website: str | None


@dataclass(frozen=True)
class Membership:
    """A member of a group from start (inclusive) to end (exclusive); None is open."""

    group: str
    member: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, on: dt.date | None) -> bool:
        """Whether the membership holds on that day (any time when None)."""
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


class UnknownParty(LookupError):
    """A name that no alias matches; it is kept unresolved, never guessed."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name!r} is not a known party name; it was kept unresolved "
                         "(add the spelling to parties/data/aliases.csv if it is real)")
        self.name = name


class ReferenceDataError(ValueError):
    """The packaged reference data contradicts itself."""


def normalize_name(text: str) -> str:
    """The form names are compared in: NFKC, one kind of quote and dash, case-folded, no article."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip(" \t.,;:")
    return _ARTICLE.sub("", text).casefold()


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _rows(name: str) -> list[dict[str, str]]:
    with (files("ipcoop.parties") / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Resolver:
    """Exact lookups of names, codes and group memberships, built once from the package data."""

    def __init__(self, parties: list[PartyInfo], aliases: list[tuple[str, str, str]],
                 memberships: list[Membership]) -> None:
        self._parties = {p.code: p for p in parties}
        if len(self._parties) != len(parties):
            raise ReferenceDataError("duplicate party codes in parties.csv")
        official = [(name, p.code, lang) for p in parties
                    for name, lang in ((p.name_en, "en"), (p.name_fr, "fr"), (p.name_es, "es"))
                    if name]
        self._aliases = official + aliases
        self._index: dict[str, str] = {}
        for alias, code, _lang in self._aliases:
            if code not in self._parties:
                raise ReferenceDataError(f"alias {alias!r} names unknown code {code}")
            key = normalize_name(alias)
            if self._index.get(key, code) != code:
                # the same words name two parties in two languages: keep neither, never guess
                raise ReferenceDataError(
                    f"{alias!r} names both {self._index[key]} and {code}")
            self._index[key] = code
        for membership in memberships:
            for code in (membership.group, membership.member):
                if code not in self._parties:
                    raise ReferenceDataError(f"membership names unknown code {code}")
        self._memberships = memberships
        self._groups = {m.group for m in memberships} | {
            p.code for p in parties if p.kind == "group"}
        self._scanner: re.Pattern[str] | None = None

    @classmethod
    @cache
    def default(cls) -> Resolver:
        """The resolver over the packaged CSV files (loaded once per process)."""
        parties = [PartyInfo(**{k: (v or None) if k not in ("code", "kind", "name_en") else v
                                for k, v in row.items()}) for row in _rows("parties.csv")]
        aliases = [(r["alias"], r["code"], r["lang"]) for r in _rows("aliases.csv")]
        memberships = [Membership(r["group"], r["member"], _date(r["start"]), _date(r["end"]))
                       for r in _rows("memberships.csv")]
        return cls(parties, aliases, memberships)

    def resolve(self, name: str) -> str | None:
        """The code of the party this exact name (any listed spelling) means, or None."""
        return self._index.get(normalize_name(name))

    def require(self, name: str) -> str:
        """Like resolve, but an unknown name raises UnknownParty."""
        code = self.resolve(name)
        if code is None:
            raise UnknownParty(name)
        return code

    def get(self, code: str) -> PartyInfo:
        """The party with this code."""
        try:
            return self._parties[code]
        except KeyError:
            raise KeyError(f"no party with code {code!r} in the reference data") from None

    def parties(self) -> list[PartyInfo]:
        """Every party."""
        return list(self._parties.values())

    def aliases(self) -> list[tuple[str, str, str]]:
        """(alias, code, lang) for every spelling, official names included."""
        return list(self._aliases)

    def memberships(self) -> list[Membership]:
        """Every group membership."""
        return list(self._memberships)

    def is_group(self, code: str) -> bool:
        """Whether the code names a group of parties (LDC, ASEAN, EU ...)."""
        return code in self._groups

    def members(self, group: str, on: dt.date | None = None) -> list[str]:
        """The group's members on that day (everyone ever, when None), in code order."""
        return sorted({m.member for m in self._memberships
                       if m.group == group and m.holds_on(on)})

    def groups_of(self, code: str, on: dt.date | None = None) -> list[str]:
        """The groups the party belongs to on that day."""
        return sorted({m.group for m in self._memberships
                       if m.member == code and m.holds_on(on)})

    def descendants(self, code: str) -> list[str]:
        """The code and every body under it (USA: USPTO, GIPA, DOJ, FBI ...)."""
        found, frontier = [code], [code]
        while frontier:
            frontier = [p.code for p in self._parties.values() if p.parent in frontier]
            found += frontier
        return found

    def find_in_text(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, code) of every party name in free text: longest first, no overlaps.

        Short all-capital acronyms match only in capitals ("US" is not "us").
        """
        found: list[tuple[int, int, str]] = []
        for match in self._scan().finditer(text):
            code = self.resolve(match.group(0))
            if code is not None:
                found.append((match.start(), match.end(), code))
        return found

    def _scan(self) -> re.Pattern[str]:
        if self._scanner is None:
            names = sorted({a for a, _, _ in self._aliases}, key=len, reverse=True)
            parts = []
            for name in names:
                body = re.escape(name.translate(_QUOTES)).replace("'", "['’]")
                body = body.replace(r"\ ", r"\s+")
                parts.append(body if _ACRONYM.match(name) else f"(?i:{body})")
            self._scanner = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
        return self._scanner
