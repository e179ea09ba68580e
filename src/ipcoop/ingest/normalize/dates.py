"""Dates and date ranges as reports write them, in English, French and Spanish.

A fast tokenizer + small grammar reads the common forms ("February 17-18, 2014",
"du 26 au 30 septembre 2022", "01/06/2018", "FY2017") without calling dateparser;
dateparser is only the fallback for a single date string the grammar does not cover.

Conventions:
- precision is kept: "July 2011" is month precision, "2008" year precision;
- "FY2017" is the US federal fiscal year: 2016-10 .. 2017-09 (month precision);
  "mid-FY 2021" drops the "mid" and is read as the fiscal year it names;
- a range side without a year takes the other side's year, a bare day takes the
  other side's month ("2-3 April, 2012");
- numeric dates are day first unless ``day_first=False``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ipcoop.ingest.records import DateRange, PartialDate


class DateError(ValueError):
    """A text that is not a date (or not a valid one)."""


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv enero ene",
        "february feb février fevrier févr fevr febrero",
        "march mar mars marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin junio",
        "july jul juillet juil julio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre déc diciembre dic",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS = " ".join(
    [
        "monday tuesday wednesday thursday friday saturday sunday",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "lunes martes miércoles miercoles jueves viernes sábado sabado domingo",
    ]
).split()

_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"

_TOKEN = re.compile(
    rf"(?P<iso>(?<![\w/.-]){_YEAR}-\d{{1,2}}-\d{{1,2}}(?![\w/-]))"
    rf"|(?P<dmy>(?<![\w/.-])\d{{1,2}}(?P<dsep>[/.])\d{{1,2}}(?P=dsep){_YEAR}(?![\w/-]))"
    rf"|(?P<my>(?<![\w/.-])\d{{1,2}}/{_YEAR}(?![\w/-]))"
    rf"|(?P<fy>(?<!\w)(?:mid-?\s*)?(?:FY|fiscal\s+year)\s*-?\s*(?P<fyy>{_YEAR}|\d\d)(?!\w))"
    r"|(?P<num>(?<![\w/.])\d{1,4}(?:st|nd|rd|th|er|º|°)?(?![\w/]|-(?:day|week|month|year)))"
    rf"|(?P<mon>(?<!\w)(?:{_MONTH_ALT})(?!\w)\.?)"
    r"|(?P<sep>[-–—‑]|(?<!\w)(?:to|au|al|a|through|thru|until|till|hasta|and|et|y)(?!\w))"
    r"|(?P<frm>(?<!\w)(?:from|du|del|desde|between|entre)(?!\w))"
    rf"|(?P<fill>(?<!\w)(?:de|of|the|el|le|{'|'.join(_WEEKDAYS)})(?!\w))",
    re.IGNORECASE,
)
_GAP = re.compile(r"[\s,]*")
_DIGITS = re.compile(r"\d+")
_LEADING = re.compile(r"^\s*(?:(?:on|in|le|el|en|the|since|during|dated|date)\s+)+", re.I)
# Words before a bare year that make it a date in prose ("in 2009"), not a count.
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|during|until|by|from|of|en|durante|desde|hasta|depuis|year|years|early|"
    r"late|end|mid|année|año|through)\s*-?\s*|mid-)$",
    re.IGNORECASE,
)
_AND_SEPS = {"and", "et", "y"}


@dataclass(frozen=True, slots=True)
class _Tok:
    token_type: str
    start: int
    end: int
    text: str
    num: int = 0  # num, mon (month number), fy (year)
    parts: tuple[int | None, int | None, int] | None = None  # iso, dmy, my: (day, month, year)


@dataclass(slots=True)
class _Elem:
    """One side of a phrase: some of day, month, year, or a ready-made range."""

    first: int  # token indexes, inclusive
    last: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    fixed: DateRange | None = None

    @property
    def bare_day(self) -> bool:
        return self.fixed is None and self.month is None and self.year is None


def _tokenize(text: str, day_first: bool) -> list[_Tok]:
    tokens: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        token_type = match.lastgroup
        word = match.group(0)
        if token_type is None:
            continue
        num = 0
        parts: tuple[int | None, int | None, int] | None = None
        if token_type == "iso":
            y, m, d = (int(p) for p in word.split("-"))
            parts = (d, m, y)
        elif token_type == "dmy":
            a, b, y = (int(p) for p in re.split(r"[/.]", word))
            d, m = (a, b) if day_first else (b, a)
            if m > 12 >= d:  # the only reading that can be a date
                d, m = m, d
            parts = (d, m, y)
        elif token_type == "my":
            m, y = (int(p) for p in word.split("/"))
            parts = (None, m, y)
        elif token_type == "fy":
            num = int(match.group("fyy"))
            num = num if num > 99 else 2000 + num
        elif token_type == "num":
            num = int(_DIGITS.match(word).group(0))  # type: ignore[union-attr]
        elif token_type == "mon":
            num = _MONTHS[word.rstrip(".").lower()]
        tokens.append(_Tok(token_type, match.start(), match.end(), word.lower(), num, parts))
    return tokens


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    return _GAP.fullmatch(text, a.end, b.start) is not None


def _is_year(tok: _Tok) -> bool:
    return tok.token_type == "num" and tok.text.isdigit() and len(tok.text) == 4


def _is_day(tok: _Tok) -> bool:
    return tok.token_type == "num" and tok.num < 100 and not tok.text.startswith("00")


class _Cursor:
    """Walks a token list, skipping fillers, and only across adjacent tokens."""

    def __init__(self, text: str, tokens: Sequence[_Tok]) -> None:
        self.text = text
        self.tokens = tokens

    def next(self, i: int) -> int | None:
        """Index of the next significant token after i, if adjacent to it."""
        j = i + 1
        prev = self.tokens[i]
        while j < len(self.tokens):
            tok = self.tokens[j]
            if not _adjacent(self.text, prev, tok):
                return None
            if tok.token_type != "fill":
                return j
            prev = tok
            j += 1
        return None

    def elem(self, i: int) -> _Elem | None:
        """The longest date element starting at token i."""
        tok = self.tokens[i]
        if tok.token_type in ("iso", "dmy", "my"):
            assert tok.parts is not None
            return _Elem(i, i, *tok.parts)
        if tok.token_type == "fy":
            y = tok.num
            return _Elem(i, i, fixed=DateRange(PartialDate(f"{y - 1}-10"), PartialDate(f"{y}-09")))
        if tok.token_type == "mon":
            elem = _Elem(i, i, month=tok.num)
            j = self.next(i)
            if j is not None and _is_day(self.tokens[j]):
                elem.day, elem.last = self.tokens[j].num, j
                j = self.next(j)
            if j is not None and _is_year(self.tokens[j]):
                elem.year, elem.last = self.tokens[j].num, j
            return elem
        if _is_year(tok):
            return _Elem(i, i, year=tok.num)
        if _is_day(tok):
            elem = _Elem(i, i, day=tok.num)
            j = self.next(i)
            if j is not None and self.tokens[j].token_type == "mon":
                elem.month, elem.last = self.tokens[j].num, j
                j = self.next(j)
            if j is not None and _is_year(self.tokens[j]):
                elem.year, elem.last = self.tokens[j].num, j
            return elem
        return None


def _partial(day: int | None, month: int | None, year: int | None) -> PartialDate:
    """Validate the parts and build the PartialDate; raises DateError."""
    if year is None:
        raise DateError("no year")
    if month is None:
        if day is not None:
            raise DateError("a day without a month")
        return PartialDate(f"{year:04d}")
    if not 1 <= month <= 12:
        raise DateError(f"no month {month}")
    if day is None:
        return PartialDate(f"{year:04d}-{month:02d}")
    try:
        dt.date(year, month, day)
    except ValueError as error:
        raise DateError(f"{error} ({year}-{month:02d}-{day:02d})") from None
    return PartialDate(f"{year:04d}-{month:02d}-{day:02d}")


def _single(elem: _Elem) -> DateRange:
    if elem.fixed is not None:
        return elem.fixed
    return DateRange(_partial(elem.day, elem.month, elem.year))


def _key(date: PartialDate) -> tuple[int, ...]:
    return tuple(int(p) for p in date.iso.split("-"))


def _pair(left: _Elem, right: _Elem) -> DateRange:
    """Join the two sides of a range, lending each side the parts it leaves out."""
    if left.fixed is not None or right.fixed is not None:
        first, second = _single(left), _single(right)
        start, end = first.start, second.end or second.start
    else:
        ld, lm, ly = left.day, left.month, left.year
        rd, rm, ry = right.day, right.month, right.year
        if rm is None and rd is not None and ld is not None:
            rm = lm
        if lm is None and ld is not None and rd is not None:
            lm = rm
        ry = ly if ry is None else ry
        ly = ry if ly is None else ly
        start, end = _partial(ld, lm, ly), _partial(rd, rm, ry)
    width = min(len(_key(start)), len(_key(end)))
    if _key(end)[:width] < _key(start)[:width]:
        raise DateError(f"the range ends ({end.iso}) before it starts ({start.iso})")
    return DateRange(start, None if end == start else end)


def _phrase(cur: _Cursor, i: int) -> tuple[int, int, DateRange] | None:
    """The longest valid phrase starting at token i: (first, last token index, range)."""
    tokens = cur.tokens
    opener = tokens[i].text if tokens[i].token_type == "frm" else None
    at = i
    if opener is not None:
        nxt = cur.next(i)
        if nxt is None:
            return None
        at = nxt
    left = cur.elem(at)
    if left is None:
        return None
    sep = cur.next(left.last)
    if sep is not None and tokens[sep].token_type == "sep":
        word = tokens[sep].text
        allowed = word not in _AND_SEPS or opener in ("between", "entre") or left.bare_day
        right_at = cur.next(sep)
        if allowed and right_at is not None:
            right = cur.elem(right_at)
            if right is not None:
                try:
                    return i, right.last, _pair(left, right)
                except DateError:
                    pass
    try:
        return at, left.last, _single(left)
    except DateError:
        return None


def _fast(text: str, day_first: bool) -> tuple[DateRange | None, str | None]:
    """Read the whole text with the grammar: (range, None) or (None, why it is no date).

    The reason is None when the grammar does not cover the text (dateparser may try).
    """
    tokens = _tokenize(text, day_first)
    if not tokens:
        return None, None
    covered = (
        _GAP.fullmatch(text, 0, tokens[0].start) is not None
        and _GAP.fullmatch(text, tokens[-1].end) is not None
        and all(_adjacent(text, a, b) for a, b in itertools.pairwise(tokens))
    )
    if not covered:
        return None, None
    cur = _Cursor(text, tokens)
    first = next((k for k, t in enumerate(tokens) if t.token_type != "fill"), None)
    if first is None:
        return None, None
    found = _phrase(cur, first)
    if found is not None and cur.next(found[1]) is None:
        return found[2], None
    elem = cur.elem(first)
    try:
        if elem is not None:
            _single(elem)
    except DateError as error:
        return None, str(error)
    return None, "not a date or date range in a form this reader knows"


@functools.cache
def _dateparser(languages: tuple[str, ...], day_first: bool) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["year"],
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=list(languages), settings=settings)


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise DateError(f"not a date: {text!r} is not text")
    return _LEADING.sub("", text).strip().strip(",;.:")


def parse_range(
    text: str, *, languages: Sequence[str] = ("en", "fr", "es"), day_first: bool = True
) -> DateRange:
    """A date or a date range, kept at the precision the text gives; raises DateError."""
    cleaned = _clean(text)
    found, why = _fast(cleaned, day_first)
    if found is not None:
        return found
    if why is not None:
        raise DateError(f"not a valid date: {text.strip()!r}: {why}")
    return DateRange(parse_date(text, languages=languages, day_first=day_first))


def parse_date(
    text: str, *, languages: Sequence[str] = ("en", "fr", "es"), day_first: bool = True
) -> PartialDate:
    """One date at its own precision (day, month or year); raises DateError."""
    cleaned = _clean(text)
    found, why = _fast(cleaned, day_first)
    if found is not None:
        if found.end is not None:
            raise DateError(f"a period, not one date: {text.strip()!r} (use parse_range)")
        return found.start
    if why is not None:
        raise DateError(f"not a valid date: {text.strip()!r}: {why}")
    if not cleaned:
        raise DateError(f"not a date: {text!r} is empty")
    data = _dateparser(tuple(languages), day_first).get_date_data(cleaned)
    when = data.date_obj if data is not None else None
    period = getattr(data, "period", None)
    if when is None or period not in ("day", "month", "year"):
        raise DateError(f"not a date: {text.strip()!r}")
    iso = when.date().isoformat()
    return PartialDate(iso[: {"day": 10, "month": 7, "year": 4}[period]])


def find_dates(text: str) -> list[tuple[int, int, DateRange]]:
    """Every date or date-range phrase in prose: (start, end, range), longest first."""
    tokens = _tokenize(text, True)
    cur = _Cursor(text, tokens)
    found: list[tuple[int, int, DateRange]] = []
    for i, tok in enumerate(tokens):
        if tok.token_type not in ("frm", "iso", "dmy", "my", "fy", "num", "mon"):
            continue
        hit = _phrase(cur, i)
        if hit is None:
            continue
        first, last, value = hit
        start, end = tokens[first].start, tokens[last].end
        if (
            value.end is None
            and value.precision == "year"
            and tokens[first].token_type == "num"
            and not _YEAR_CUE.search(text, 0, start)
        ):
            continue  # a bare number like "2000 participants" is not a date
        found.append((start, end, value))
    found.sort(key=lambda hit: (-(hit[1] - hit[0]), hit[0]))
    chosen: list[tuple[int, int, DateRange]] = []
    for hit in found:
        if all(hit[1] <= other[0] or hit[0] >= other[1] for other in chosen):
            chosen.append(hit)
    return chosen
