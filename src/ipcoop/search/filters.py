"""Activity filters: parsed once from any caller (CLI, API, pages, exports), validated against
the reference data so an unknown value is an error that names it, never an empty success."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ipcoop import vocabularies
from ipcoop.parties.resolver import Resolver

# generated=: reports made by `ipcoop synth` left out, kept, or alone (ipcoop.reports.provenance)
PROVENANCE = ("exclude", "include", "only")


class FilterError(ValueError):
    """A filter value that names nothing; ``param`` and ``value`` say which."""

    def __init__(self, param: str, value: str, hint: str) -> None:
        super().__init__(f"unknown {param} {value!r}: {hint}")
        self.param = param
        self.value = value


@dataclass(frozen=True, slots=True)
class ActivityFilters:
    """Every way activities can be narrowed; all combinable (AND across, OR within a filter)."""

    q: str = ""
    beneficiary: tuple[str, ...] = ()
    provider: tuple[str, ...] = ()
    reporter: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    report_id: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    needs_review: bool | None = None
    generated: str = ""  # "" every report; "exclude" or "only" reports made by `ipcoop synth`

    def as_params(self) -> list[tuple[str, str]]:
        """The filters as query parameters (for links and exports of the same set)."""
        out: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, "", ()):
                continue
            if isinstance(value, tuple):
                out += [(f.name, v) for v in value]
            else:
                out.append((f.name, str(value).lower() if isinstance(value, bool) else str(value)))
        return out

    def without(self, name: str, value: str | None = None) -> ActivityFilters:
        """A copy with one filter (or one of its values) removed."""
        current = getattr(self, name)
        if isinstance(current, tuple):
            kept = tuple(v for v in current if v != value) if value is not None else ()
            changes: dict[str, Any] = {name: kept}
            return replace(self, **changes)
        cleared: dict[str, Any] = {name: "" if name == "q" else None}
        return replace(self, **cleared)


def _party_codes(param: str, values: list[str]) -> tuple[str, ...]:
    resolver = Resolver.default()
    codes: list[str] = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        try:
            resolver.get(value.upper())
            codes.append(value.upper())
            continue
        except KeyError:
            pass
        code = resolver.resolve(value)
        if code is None:
            raise FilterError(
                param,
                value,
                "give a party code such as KEN, LAO, LDC or ASEAN (GET /api/v1/parties lists them)",
            )
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def _vocabulary(
    param: str, values: list[str], allowed: dict[str, str] | tuple[str, ...]
) -> tuple[str, ...]:
    out = []
    for value in (v.strip() for v in values):
        if not value:
            continue
        if value not in allowed:
            raise FilterError(param, value, "one of " + ", ".join(sorted(allowed)))
        out.append(value)
    return tuple(out)


def _year(param: str, value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(value)
    except ValueError:
        raise FilterError(param, str(value), "a four-digit year such as 2015") from None
    if not 1900 <= year <= 2100:
        raise FilterError(param, str(value), "a year between 1900 and 2100")
    return year


def _generated(value: str | None) -> str:
    value = (value or "").strip()
    if value in ("", "include"):
        return ""
    if value not in PROVENANCE:
        raise FilterError("generated", value, "one of " + ", ".join(PROVENANCE))
    return value


def party_codes(param: str, values: list[str]) -> tuple[str, ...]:
    """Party codes (or names) validated; FilterError naming an unknown one."""
    return _party_codes(param, values)


def vocabulary(
    param: str, values: list[str], allowed: dict[str, str] | tuple[str, ...]
) -> tuple[str, ...]:
    """Values of a vocabulary validated; FilterError naming an unknown one."""
    return _vocabulary(param, values, allowed)


def year(param: str, value: str | int | None) -> int | None:
    """A year validated; FilterError naming a bad one."""
    return _year(param, value)


def parse(
    *,
    q: str | None = None,
    beneficiary: list[str] | None = None,
    provider: list[str] | None = None,
    reporter: list[str] | None = None,
    topic: list[str] | None = None,
    type: list[str] | None = None,
    audience: list[str] | None = None,
    modality: list[str] | None = None,
    kind: list[str] | None = None,
    year_from: str | int | None = None,
    year_to: str | int | None = None,
    year: str | int | None = None,
    report_id: int | None = None,
    needs_review: bool | None = None,
    generated: str | None = None,
) -> ActivityFilters:
    """Validate raw filter values into ActivityFilters; raises FilterError naming a bad value."""
    if year not in (None, ""):
        year_from = year_to = year
    return ActivityFilters(
        q=(q or "").strip(),
        beneficiary=_party_codes("beneficiary", beneficiary or []),
        provider=_party_codes("provider", provider or []),
        reporter=_party_codes("reporter", reporter or []),
        topic=_vocabulary("topic", topic or [], vocabularies.TOPICS),
        type=_vocabulary("type", type or [], vocabularies.TYPES),
        audience=_vocabulary("audience", audience or [], vocabularies.AUDIENCES),
        modality=_vocabulary("modality", modality or [], vocabularies.MODALITIES),
        kind=_vocabulary("kind", kind or [], vocabularies.REPORT_KINDS),
        year_from=_year("year_from", year_from),
        year_to=_year("year_to", year_to),
        report_id=report_id,
        needs_review=needs_review,
        generated=_generated(generated),
    )
