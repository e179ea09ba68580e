"""Stored activities read into the schema family's shapes, compiled once from the schemas.

A *record* is anything with the ``activities`` columns as attributes, plus ``parties`` (with
``role``, ``party_code``, ``name``, ``via_group``) and ``tags`` (with ``vocabulary``,
``code``): an ORM ``Activity``, an export's ``ActivityRecord``, or what extraction would store.
``item`` reads one into a schema's JSON shape (the API item, the extract JSON), ``COLUMNS`` are
the spreadsheet columns of ``ActivityRead`` with their headers. A field added to the schema
is read from the column of its name, so it appears in every shape, or fails loudly when no
column or attribute holds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from operator import attrgetter
from types import NoneType, UnionType
from typing import Any, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from sqlalchemy import JSON, Boolean, String, Text

from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import (
    PARTIAL_DATE,
    ActivityRead,
    Given,
    Labels,
    Link,
    Parties,
    Stored,
    Tags,
    field_metadata,
)
from ipcoop.parties import display_name
from ipcoop.reports.models import Report
from ipcoop.vocabularies import PartyRole

Reader = Callable[[Any], Any]

# what makes a spreadsheet read a cell as a formula when it starts the text
_FORMULA_FIRST = frozenset("=+-@\t\r")


def _json_list(value: Any) -> Any:
    """A JSON column as the driver gives it: text on SQLite, a list on PostgreSQL."""
    if isinstance(value, str):
        return [] if value == "[]" else json.loads(value)
    return value if value is not None else []


def _column_type(column: str) -> Any:
    """The type of an ``activities`` column, or of ``report.<column>`` of its report."""
    table, _, name = column.rpartition(".")
    model = Report if table == "report" else Activity
    return model.__table__.c[name].type  # KeyError: the schema names no column


def _column_reader(column: str) -> Reader:
    """Read one stored column, converting what a driver gives differently."""
    column_type = _column_type(column)
    get = attrgetter(column)
    if isinstance(column_type, JSON):
        return lambda record: _json_list(get(record))
    if isinstance(column_type, Boolean):
        return lambda record: bool(get(record))
    return get


def _source(name: str, info: FieldInfo) -> str | None:
    """The column a plain field is stored in; None for parties, tags, links and given values."""
    if any(isinstance(m, Parties | Tags | Link | Given) for m in info.metadata):
        return None
    stored = field_metadata(info.metadata, Stored)
    return stored.column if stored else name


def _nested_model(info: FieldInfo) -> type[BaseModel] | None:
    annotation = info.annotation
    candidates = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ()
    for candidate in (annotation, *candidates):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _optional(info: FieldInfo) -> bool:
    return get_origin(info.annotation) in (Union, UnionType) and NoneType in get_args(
        info.annotation
    )


def mention(party: Any) -> dict[str, Any]:
    """A party of an activity as ``PartyMention`` shows it: the reference name of a known
    code (else the name as reported), the group it came through, a role other than provider."""
    code = party.party_code
    role = party.role if party.role not in (PartyRole.BENEFICIARY, PartyRole.PROVIDER) else None
    return {
        "code": code,
        "name": display_name(code, fallback=party.name),
        "via_group": party.via_group,
        "role": role,
        "unresolved": code is None,
    }


def _reader(name: str, info: FieldInfo) -> Reader:
    parties = field_metadata(info.metadata, Parties)
    if parties is not None:
        wanted = parties.beneficiaries
        return lambda record: [
            mention(p) for p in record.parties if (p.role == PartyRole.BENEFICIARY) == wanted
        ]
    tags = field_metadata(info.metadata, Tags)
    if tags is not None:
        vocabulary = tags.vocabulary
        return lambda record: [t.code for t in record.tags if t.vocabulary == vocabulary]
    link = field_metadata(info.metadata, Link)
    if link is not None:
        template = link.template
        return lambda record: template.format(id=record.id)
    nested = _nested_model(info)
    if nested is not None:
        return _model_reader(nested, optional=_optional(info))
    return _column_reader(_source(name, info) or name)


def _model_reader(model: type[BaseModel], *, optional: bool) -> Reader:
    """A nested model's reader; an optional one is None when its required values are."""
    fields = readers(model)
    required = [n for n, info in model.model_fields.items() if info.is_required()]

    def read(record: Any) -> dict[str, Any] | None:
        values = {name: reader(record) for name, reader in fields}
        if optional and all(values[n] is None for n in required):
            return None
        return values

    return read


@cache
def readers(model: type[BaseModel]) -> tuple[tuple[str, Reader], ...]:
    """(field, reader) for every field of a schema that a record holds."""
    return tuple(
        (name, _reader(name, info))
        for name, info in model.model_fields.items()
        if field_metadata(info.metadata, Given) is None
    )


def item(model: type[BaseModel], record: Any, **given: Any) -> dict[str, Any]:
    """A record in a schema's JSON shape; ``given`` supplies the fields marked ``Given``."""
    out = {name: reader(record) for name, reader in readers(model)}
    out.update(given)
    return out


def _safe(value: Any) -> Any:
    """Text that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value and value[0] in _FORMULA_FIRST:
        return "'" + value
    return value


class SheetRead(NamedTuple):
    """One record read once for its row: its stored values in ``Sheet.stored`` order, its
    parties' codes and names (index 1: beneficiaries, 0: the others), its tags by vocabulary."""

    values: Sequence[Any]
    codes: tuple[list[str], list[str]]
    names: tuple[list[str], list[str]]
    tags: dict[str, list[str]]

    @classmethod
    def of(cls, values: Sequence[Any]) -> SheetRead:
        """A record's values, with no party or tag yet."""
        return cls(values, ([], []), ([], []), {})

    def add_party(self, role: str, code: str | None, name: str) -> None:
        """One party, in stored order; its name looked up once."""
        side = role == PartyRole.BENEFICIARY
        self.codes[side].append(code or "")
        self.names[side].append(display_name(code, "en", name))

    def add_tag(self, vocabulary: str, code: str) -> None:
        """One tag, in stored order."""
        self.tags.setdefault(vocabulary, []).append(code)


class CellFormat(StrEnum):
    """How a spreadsheet shows a column's cells."""

    DATE = "date"  # YYYY-MM-DD or shorter
    LINK = "link"  # a path on this site
    TEXT = "text"  # words people wrote: a wide column
    VALUE = "value"  # anything else


@dataclass(frozen=True, slots=True)
class Column:
    """One spreadsheet column: its name (the field's path), its header, and the Python
    expression of its cell over ``v`` (the stored values) and ``read`` (a ``SheetRead``)."""

    name: str
    header: str
    expression: str
    format: CellFormat = CellFormat.VALUE


@dataclass(frozen=True, slots=True)
class Sheet:
    """A schema's spreadsheet: the stored columns it reads, its columns, and ``cells``, the
    row of a ``SheetRead`` (one function compiled from the columns' expressions: a million
    rows pay for no call per cell)."""

    stored: tuple[str, ...]
    columns: tuple[Column, ...]
    values: Callable[[Any], Sequence[Any]]  # the stored values of a record, in that order
    cells: Callable[[SheetRead], list[Any]]

    def read(self, record: Any) -> SheetRead:
        """A record (attributes, parties and tags) read for its row."""
        read = SheetRead.of(self.values(record))
        for p in record.parties:
            read.add_party(p.role, p.party_code, p.name)
        for t in record.tags:
            read.add_tag(t.vocabulary, t.code)
        return read

    def row(self, record: Any) -> list[Any]:
        """The row of a record."""
        return self.cells(self.read(record))


def _value_cell(i: int, column: str, *, free_text: bool) -> str:
    """A stored column's cell: lists joined with '; ', free text guarded against formulas
    (a code or a date cannot start one)."""
    column_type = _column_type(column)
    if isinstance(column_type, JSON):
        return f'_safe("; ".join(_json_list(v[{i}])))'
    if isinstance(column_type, Boolean):
        return f"bool(v[{i}])"
    if isinstance(column_type, String | Text) and free_text:
        return f"_safe(v[{i}])"
    return f"v[{i}]"


def _cell_format(info: FieldInfo) -> CellFormat:
    """How a spreadsheet shows a plain value: a date (held to the partial-date pattern), free
    text, or another value."""
    if any(getattr(m, "pattern", None) == PARTIAL_DATE for m in info.metadata):
        return CellFormat.DATE
    if _free_text(info) and info.annotation in (str, str | None):
        return CellFormat.TEXT
    return CellFormat.VALUE


def _free_text(info: FieldInfo) -> bool:
    """Whether a field holds words people wrote: not a code of a vocabulary, not a value held
    to a pattern (dates)."""
    coded = field_metadata(info.metadata, Labels) is not None
    return not coded and not any(getattr(m, "pattern", None) for m in info.metadata)


class _Builder:
    """Collects a schema's columns, the stored columns they read and the names their
    expressions use."""

    def __init__(self) -> None:
        self.stored: list[str] = ["id", "report_id"]
        self.columns: list[Column] = []
        self.names: dict[str, Any] = {"_safe": _safe, "_json_list": _json_list}

    def at(self, column: str) -> int:
        if column not in self.stored:
            self.stored.append(column)
        return self.stored.index(column)

    def name(self, value: Any) -> str:
        key = f"_n{len(self.names)}"
        self.names[key] = value
        return key

    def label(self, vocabulary: dict[str, str] | str) -> str:
        """An expression template ({} for the code) that gives a code's label."""
        if vocabulary == "party":
            return self.name(display_name) + '({0}, "en", None) if {0} else ""'
        return self.name(vocabulary) + '.get({0}, {0}) if {0} else ""'

    def add(
        self, path: str, header: str, expression: str, cell: CellFormat = CellFormat.VALUE
    ) -> None:
        self.columns.append(Column(path, header, expression, cell))

    def fields(self, model: type[BaseModel], prefix: str = "") -> None:
        for name, info in model.model_fields.items():
            self.field(prefix + name, name, info)

    def field(self, path: str, name: str, info: FieldInfo) -> None:
        header = info.title or name
        nested = _nested_model(info)
        parties = field_metadata(info.metadata, Parties)
        tags = field_metadata(info.metadata, Tags)
        link = field_metadata(info.metadata, Link)
        labels = field_metadata(info.metadata, Labels)
        label = self.label(labels.vocabulary) if labels else None
        if nested is not None:
            self.fields(nested, prefix=path + ".")
        elif parties is not None:
            side = int(parties.beneficiaries)
            self.add(f"{path}.codes", f"{header} (codes)", f'"; ".join(read.codes[{side}])')
            self.add(path, header, f'_safe("; ".join(read.names[{side}]))')
        elif tags is not None:
            codes = f"read.tags.get({str(tags.vocabulary)!r}, ())"
            self.add(f"{path}.codes", f"{header} (codes)", f'"; ".join({codes})')
            if label is not None:
                self.add(path, header, f'"; ".join([{label.format("c")} for c in {codes}])')
        elif link is not None:
            cell = f"{link.template!r}.format(id=v[{self.at('id')}])"
            self.add(path, header, cell, CellFormat.LINK)
        elif field_metadata(info.metadata, Given) is None:
            column = _source(name, info) or name
            cell = _value_cell(self.at(column), column, free_text=_free_text(info))
            if label is None:
                self.add(path, header, cell, _cell_format(info))
            else:
                self.add(f"{path}.code", f"{header} (code)", cell)
                self.add(path, header, "(" + label.format(f"v[{self.at(column)}]") + ")")

    def sheet(self) -> Sheet:
        body = ",\n        ".join(c.expression for c in self.columns)
        source = f"def cells(read):\n    v = read.values\n    return [\n        {body},\n    ]\n"
        namespace = dict(self.names)
        exec(compile(source, "<ipcoop.activities.shapes sheet>", "exec"), namespace)
        return Sheet(
            tuple(self.stored), tuple(self.columns), attrgetter(*self.stored), namespace["cells"]
        )


@cache
def sheet(model: type[BaseModel] = ActivityRead) -> Sheet:
    """The spreadsheet of a schema: a column per value, a label column beside each code."""
    builder = _Builder()
    builder.fields(model)
    return builder.sheet()


def columns(model: type[BaseModel] = ActivityRead) -> tuple[Column, ...]:
    """The spreadsheet columns of a schema."""
    return sheet(model).columns


def row(record: Any, model: type[BaseModel] = ActivityRead) -> list[Any]:
    """One spreadsheet row of a record."""
    return sheet(model).row(record)
