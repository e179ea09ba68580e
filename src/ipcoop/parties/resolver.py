"""Names to parties: an exact alias table in English, French and Spanish; never a fuzzy guess."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# a leading article is a word of its own ("the Gambia"), or "l'" glued to the next word
_ARTICLE = re.compile(r"^(?:(?:the|la|le|les|el|los|las)\s+|l')(?=\S)", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*$")
_BODIES = ("agency", "forum")  # categories that speak for their parent when they have one
_ACRONYM_LETTERS = 4  # "US", "DOS", "PMA" match only in capitals; longer ones in any case


@dataclass(frozen=True)
class PartyInfo:
    """One party of the reference data."""

    code: str
    category: str
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
        super().__init__(
            f"{name!r} is not a known party name; it was kept unresolved "
            "(add the spelling to parties/data/aliases.csv if it is real)"
        )
        self.name = name


class ReferenceDataError(ValueError):
    """The packaged reference data contradicts itself."""


def normalize_name(text: str) -> str:
    """The form names are compared in: NFKC, one quote and one dash, case-folded, no article."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip(" \t.,;:")
    return _ARTICLE.sub("", text).casefold()


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _rows(name: str) -> list[dict[str, str]]:
    text = (files("ipcoop.parties") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _party(row: dict[str, str]) -> PartyInfo:
    """A parties.csv row; empty optional cells become None."""

    def opt(key: str) -> str | None:
        return row[key] or None

    if not row.get("code") or not row.get("category") or not row.get("name_en"):
        raise ReferenceDataError(f"parties.csv row without code, category or English name: {row}")
    return PartyInfo(
        row["code"],
        row["category"],
        row["name_en"],
        opt("name_fr"),
        opt("name_es"),
        opt("iso2"),
        opt("iso3"),
        opt("isonum"),
        opt("wto_status"),
        opt("parent"),
        opt("website"),
    )


class Resolver:
    """Exact lookups of names, codes and group memberships, built once from the package data."""

    def __init__(
        self,
        parties: list[PartyInfo],
        aliases: list[tuple[str, str, str]],
        memberships: list[Membership],
    ) -> None:
        self._parties = {p.code: p for p in parties}
        if len(self._parties) != len(parties):
            raise ReferenceDataError("duplicate party codes in parties.csv")
        official = [
            (name, p.code, lang)
            for p in parties
            for name, lang in ((p.name_en, "en"), (p.name_fr, "fr"), (p.name_es, "es"))
            if name
        ]
        self._aliases = official + aliases
        self._index: dict[str, str] = {}
        for alias, code, _lang in self._aliases:
            if code not in self._parties:
                raise ReferenceDataError(f"alias {alias!r} names unknown code {code}")
            key = normalize_name(alias)
            if self._index.get(key, code) != code:
                # the same words name two parties in two languages: keep neither, never guess
                raise ReferenceDataError(f"{alias!r} names both {self._index[key]} and {code}")
            self._index[key] = code
        for party in parties:
            if party.parent is not None and party.parent not in self._parties:
                raise ReferenceDataError(f"{party.code} has unknown parent {party.parent}")
        for membership in memberships:
            for code in (membership.group, membership.member):
                if code not in self._parties:
                    raise ReferenceDataError(f"membership names unknown code {code}")
            if membership.start and membership.end and membership.end <= membership.start:
                raise ReferenceDataError(f"{membership} ends before it starts")
        self._memberships = memberships
        self._groups = {m.group for m in memberships} | {
            p.code for p in parties if p.category == "group"
        }
        self._scanner: re.Pattern[str] | None = None

    @classmethod
    @cache
    def default(cls) -> Resolver:
        """The resolver over the packaged CSV files (loaded once per process)."""
        parties = [_party(row) for row in _rows("parties.csv")]
        aliases = [(r["alias"], r["code"], r["lang"]) for r in _rows("aliases.csv")]
        memberships = [
            Membership(r["group"], r["member"], _date(r["start"]), _date(r["end"]))
            for r in _rows("memberships.csv")
        ]
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
        return sorted({m.member for m in self._memberships if m.group == group and m.holds_on(on)})

    def groups_of(self, code: str, on: dt.date | None = None) -> list[str]:
        """The groups the party belongs to on that day."""
        return sorted({m.group for m in self._memberships if m.member == code and m.holds_on(on)})

    def member(self, code: str) -> str:
        """The party a body speaks for: an agency's economy or organisation, a council's
        organisation (JPO -> JPN, GIPA -> USPTO -> USA, TRIPS-COUNCIL -> WTO); any other
        party itself."""
        party = self.get(code)
        while party.category in _BODIES and party.parent is not None:
            party = self.get(party.parent)
        return party.code

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
            # one branch per first letter, longest alias first within it: the regex engine
            # then tries a few dozen alternatives at a word start instead of all of them
            branches: dict[str, list[str]] = {}
            for name in sorted({a for a, _, _ in self._aliases}, key=len, reverse=True):
                first = unicodedata.normalize("NFKC", name)[0].lower()
                branches.setdefault(first, []).append(_pattern(name))
            parts = [
                f"(?={re.escape(first)}|{re.escape(first.upper())})(?:{'|'.join(alts)})"
                for first, alts in branches.items()
            ]
            # not inside a word, an address (".../ecuador-...", "asean.org") or after a
            # lower-case prefix ("non-LDC"); "U.S.-ASEAN" and "ASEAN-Japan" are two names each
            self._scanner = re.compile(
                r"(?<![\w/@])(?<!\w\.)(?<![a-z]-)(?:" + "|".join(parts) + r")(?![\w/@])(?!\.\w)"
            )
        return self._scanner


def _pattern(name: str) -> str:
    """A regex for one alias: any quote or run of spaces; capitals only for short acronyms."""
    body = re.escape(unicodedata.normalize("NFKC", name).translate(_QUOTES))
    body = body.replace("'", "['\u2019\u2018]").replace(r"\ ", r"\s+")
    body = body.replace(r"\-", "[-\u2010\u2011\u2013]")
    if _ACRONYM.match(name) and sum(c.isalpha() for c in name) <= _ACRONYM_LETTERS:
        return body
    return f"(?i:{body})"
