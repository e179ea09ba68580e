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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from sqlalchemy import JSON, Boolean

from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import (
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
from ipcoop.vocabularies import PartyRole

Reader = Callable[[Any], Any]

# what makes a spreadsheet read a cell as a formula when it starts the text
_FORMULA_FIRST = frozenset("=+-@\t\r")


def _json_list(value: Any) -> Any:
    """A JSON column as the driver gives it: text on SQLite, a list on PostgreSQL."""
    if isinstance(value, str):
        return [] if value == "[]" else json.loads(value)
    return value if value is not None else []


def _column_reader(column: str) -> Reader:
    """Read one ``activities`` column, converting what a driver gives differently."""
    kind = Activity.__table__.c[column].type  # KeyError: the schema names no column
    get = attrgetter(column)
    if isinstance(kind, JSON):
        return lambda record: _json_list(get(record))
    if isinstance(kind, Boolean):
        return lambda record: bool(get(record))
    return get


def stored_columns(model: type[BaseModel] = ActivityRead) -> tuple[str, ...]:
    """The ``activities`` columns a schema's fields are read from, in field order."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        nested = _nested_model(info)
        if nested is not None:
            out += stored_columns(nested)
        elif _source(name, info) is not None:
            out.append(_source(name, info) or name)
    return tuple(dict.fromkeys(["id", *out]))


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


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


@dataclass(frozen=True, slots=True)
class Column:
    """One spreadsheet column: its name (the field's path), its header and its reader."""

    name: str
    header: str
    read: Reader


def _label_of(vocabulary: dict[str, str] | str) -> Callable[[str | None], str]:
    if vocabulary == "party":
        return lambda code: display_name(code) if code else ""
    assert isinstance(vocabulary, dict)
    return lambda code: vocabulary.get(code, code) if code else ""


def _columns(model: type[BaseModel], prefix: str = "") -> list[Column]:
    out: list[Column] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        header = info.title or name
        nested = _nested_model(info)
        if nested is not None:
            out += _columns(nested, prefix=path + ".")
            continue
        read = _reader(name, info)
        labels = field_metadata(info.metadata, Labels)
        if field_metadata(info.metadata, Parties) is not None:
            out.append(Column(f"{path}.codes", f"{header} (codes)", _codes_of(read)))
            out.append(Column(path, header, _names_of(read)))
        elif labels is not None:
            label = _label_of(labels.vocabulary)
            if get_origin(info.annotation) is list:
                out.append(Column(f"{path}.codes", f"{header} (codes)", _joined_of(read)))
                out.append(Column(path, header, _labels_of(read, label)))
            else:
                out.append(Column(f"{path}.code", f"{header} (code)", read))
                out.append(Column(path, header, _label_of_value(read, label)))
        elif get_origin(info.annotation) is list:
            out.append(Column(path, header, _joined_of(read)))
        else:
            out.append(Column(path, header, _safe_of(read)))
    return out


def _labels_of(read: Reader, label: Callable[[str | None], str]) -> Reader:
    return lambda record: _joined(label(code) for code in read(record))


def _label_of_value(read: Reader, label: Callable[[str | None], str]) -> Reader:
    return lambda record: label(read(record))


def _safe_of(read: Reader) -> Reader:
    return lambda record: _safe(read(record))


def _codes_of(read: Reader) -> Reader:
    return lambda record: _joined(p["code"] or "" for p in read(record))


def _names_of(read: Reader) -> Reader:
    return lambda record: _safe(_joined(p["name"] for p in read(record)))


def _joined_of(read: Reader) -> Reader:
    return lambda record: _safe(_joined(read(record)))


@cache
def columns(model: type[BaseModel] = ActivityRead) -> tuple[Column, ...]:
    """The spreadsheet columns of a schema: one per value, a label column beside each code."""
    return tuple(_columns(model))


def row(record: Any, model: type[BaseModel] = ActivityRead) -> list[Any]:
    """One spreadsheet row of a record."""
    return [column.read(record) for column in columns(model)]
