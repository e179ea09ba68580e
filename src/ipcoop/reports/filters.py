"""Report filters: reporter, year, kind, symbol, words, provenance; validated like the
activity filters (an unknown value is a FilterError naming it, a 422 on the web)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import ColumnElement, SQLColumnExpression, and_, func, or_, true

from ipcoop import parameters, vocabularies
from ipcoop.parameters import PartyCode, one_of
from ipcoop.parties.resolver import Resolver
from ipcoop.reports.models import Report
from ipcoop.reports.provenance import CHOICES, choice
from ipcoop.search import filters as search_filters
from ipcoop.search.filters import FilterError

# WTO document symbols: IP/C/W/123/Add.1, IP/C/R/TC/USA/1 ... (a prefix finds its addenda)
SYMBOL = re.compile(r"^[A-Z]{1,4}(?:/[A-Za-z0-9.]+)+$")
# the symbol query parameter: a symbol (a trailing slash and spaces are dropped), or empty
SYMBOL_PARAMETER = r"^\s*([A-Z]{1,4}(/[A-Za-z0-9.]+)+/?)?\s*$"


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """Every way reports can be narrowed (AND across, OR within a filter)."""

    reporter: tuple[str, ...] = ()
    year: int | None = None
    kind: tuple[str, ...] = ()
    symbol: str = ""
    q: str = ""
    generated: str = "include"

    def as_params(self) -> list[tuple[str, str]]:
        """The filters as query parameters (links to the same list)."""
        out: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if (f.name == "generated" and value == "include") or value in (None, "", ()):
                continue
            out += (
                [(f.name, v) for v in value] if isinstance(value, tuple) else [(f.name, str(value))]
            )
        return out

    def conditions(self) -> list[Any]:
        """SQL conditions on reports, one per filter given."""
        out: list[Any] = []
        if self.reporter:
            resolver = Resolver.default()
            codes = {d for code in self.reporter for d in resolver.descendants(code)}
            out.append(Report.reporting_party_code.in_(sorted(codes)))
        if self.year is not None:
            y = str(self.year)
            out.append(
                or_(
                    Report.communication_date.startswith(y),
                    Report.circulation_date.startswith(y),
                    and_(
                        func.substr(Report.period_start, 1, 4) <= y,
                        func.substr(func.coalesce(Report.period_end, Report.period_start), 1, 4)
                        >= y,
                    ),
                )
            )
        if self.kind:
            out.append(Report.kind.in_(self.kind))
        if self.symbol:
            addenda = Report.symbol.startswith(self.symbol + "/", autoescape=True)
            out.append(or_(Report.symbol == self.symbol, addenda))
        if self.q:
            words = self.q.casefold()
            out.append(
                or_(
                    *(
                        func.lower(func.coalesce(column, "")).contains(words, autoescape=True)
                        for column in (
                            Report.title,
                            Report.reporting_party_name,
                            Report.symbol,
                            file_name(Report.source_name),
                            Report.text,
                        )
                    )
                )
            )
        if self.generated != "include":
            out.append(Report.generated if self.generated == "only" else ~Report.generated)
        return out or [true()]


def file_name(path: SQLColumnExpression[str]) -> ColumnElement[str]:
    """The last part of a stored path, in SQL both databases run (``Report.file_name``): the
    folders a file was ingested from are not the report's words."""
    slashed = func.replace(path, "\\", "/")
    folder = func.rtrim(slashed, func.replace(slashed, "/", ""))
    return func.substr(slashed, func.length(folder) + 1)


def parse_reports(
    *,
    reporter: list[str] | None = None,
    year: str | int | None = None,
    kind: list[str] | None = None,
    symbol: str | None = None,
    q: str | None = None,
    generated: str | None = None,
) -> ReportFilters:
    """Validate raw values into ReportFilters; FilterError names a bad one."""
    symbol = (symbol or "").strip().rstrip("/")
    if symbol and not SYMBOL.match(symbol):
        raise FilterError("symbol", symbol, "a WTO document symbol such as IP/C/W/668")
    return ReportFilters(
        reporter=search_filters.party_codes("reporter", reporter or []),
        year=search_filters.year("year", year),
        kind=search_filters.vocabulary("kind", kind or [], vocabularies.REPORT_KINDS),
        symbol=symbol,
        q=(q or "").strip(),
        generated=choice(generated, default="include"),
    )


def report_filters(
    reporter: list[PartyCode] = Query(
        [], description="Reporting party code (its bodies included)."
    ),
    year: str | None = parameters.year("A year the report covers or is dated"),
    kind: list[Annotated[str, one_of(vocabularies.REPORT_KINDS, blank=True)]] = Query(
        [], description="Report kind."
    ),
    symbol: str | None = Query(
        None,
        pattern=SYMBOL_PARAMETER,
        description="WTO document symbol (its addenda included), such as IP/C/W/668.",
    ),
    q: str = Query("", description="Words in the title, the reporter's name or the text."),
    generated: Annotated[str, one_of(CHOICES, blank=True)] | None = Query(
        None, description="Reports made by `ipcoop synth`: include (default), exclude or only."
    ),
) -> ReportFilters:
    """Report filters from the query string; FilterError becomes a 422 naming the value."""
    return parse_reports(
        reporter=reporter, year=year, kind=kind, symbol=symbol, q=q, generated=generated
    )
