"""One synonym table from the labels pages and tables use to the activity fields they name.

Activity pages, project pages and list tables label their values in many ways ("Title",
"Event", "Date From", "Periode", "Venue City", "Total Number of Participants", "Lieu",
"Fecha de inicio" ...). This table maps each label, in English, French and Spanish, to one
activity field. The label/value reader, the list-table reader (tab and pipe rows) and the
flattened-table reader look column and value labels up here; the annex template's labels are
folded in through ``field_for_label``'s
fallback, so that a label is decided in one place.

A label that is not in the table is not dropped: the readers keep it as ``label:<name>`` with
its evidence, and the normalizer cites it on the record.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ipcoop.ingest.extractors import labels

# field -> label variants, compared after ``fold_label``
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "event",
        "event title",
        "event name",
        "activity",
        "activity title",
        "name of activity",
        "name of the activity",
        "name of event",
        "project",
        "project title",
        "programme",
        "program",
        "programme title",
        "course",
        "course title",
        "titre",
        "intitulé",
        "événement",
        "evenement",
        "activité",
        "nom de l'activité",
        "titre de l'activité",
        "projet",
        "titre du projet",
        "programme de formation",
        "título",
        "titulo",
        "evento",
        "actividad",
        "nombre de la actividad",
        "proyecto",
        "título del proyecto",
        "título de la actividad",
        "title of programme or activity",
        "title of program or activity",
        "name of programme or project",
        "titre du programme ou de l'activité",
        "nom du programme ou du projet",
        "título del programa o actividad",
        "nombre del programa o proyecto",
    ),
    "dates": (
        "date",
        "dates",
        "date from",
        "date(s)",
        "from",
        "when",
        "period",
        "periode",
        "période",
        "duration",
        "project period",
        "project duration",
        "implementation period",
        "start date",
        "start",
        "start and end dates",
        "date of event",
        "event date",
        "date de l'événement",
        "du",
        "durée",
        "période de mise en œuvre",
        "fecha",
        "fechas",
        "período",
        "periodo",
        "duración",
        "fecha de inicio",
        "date de début",
        "fecha del evento",
    ),
    "end": (
        "end date",
        "date to",
        "to",
        "until",
        "end",
        "date de fin",
        "fin",
        "fecha de finalización",
        "fecha de fin",
        "hasta",
    ),
    "city": (
        "venue city",
        "city",
        "venue",
        "place",
        "location",
        "where",
        "venue/city",
        "ville",
        "lieu",
        "ciudad",
        "lugar",
        "sede",
    ),
    "country": (
        "venue/host country",
        "host country",
        "country",
        "venue country",
        "pays hôte",
        "pays",
        "país anfitrión",
        "país sede",
        "país",
    ),
    "type": (
        "type",
        "activity type",
        "type of activity",
        "event type",
        "format",
        "type d'activité",
        "tipo",
        "tipo de actividad",
    ),
    "providers": (
        "organizer",
        "organiser",
        "organizers",
        "organisers",
        "organized by",
        "organised by",
        "host",
        "hosted by",
        "implementing agency",
        "implementing partner",
        "donor",
        "organisateur",
        "organisateurs",
        "organisé par",
        "organizador",
        "organizadores",
        "organizado por",
        "entidad organizadora",
    ),
    "beneficiaries": (
        "beneficiary",
        "beneficiaries",
        "beneficiary countries",
        "beneficiary country",
        "beneficiary / participant countries",
        "beneficiary/participant countries",
        "participant countries",
        "partner countries",
        "partner country",
        "pays partenaires",
        "países socios",
        "países contrapartes",
        "participating countries",
        "countries",
        "land/region",
        "region",
        "pays bénéficiaires",
        "pays participants",
        "bénéficiaires",
        "países beneficiarios",
        "países participantes",
        "beneficiarios",
        "beneficiary members or observers",
        "beneficiary members(s)",
        "beneficiary member(s)",
        "beneficiary members",
        "membres ou observateurs bénéficiaires",
        "membre(s) bénéficiaire(s)",
        "miembros u observadores beneficiarios",
        "miembro(s) beneficiario(s)",
    ),
    "participants": (
        "participants",
        "number of participants",
        "total number of participants",
        "no. of participants",
        "attendance",
        "attendees",
        "nombre de participants",
        "nombre total de participants",
        "participants (nombre)",
        "número de participantes",
        "número total de participantes",
        "participantes",
    ),
    "description": (
        "description",
        "summary",
        "objective",
        "objectives",
        "purpose",
        "résumé",
        "objectif",
        "objectifs",
        "descripción",
        "resumen",
        "objetivo",
        "objetivos",
        "category of technology",
        "catégorie de technologie",
        "categoría de tecnología",
    ),
}


@functools.lru_cache(maxsize=8192)  # labels and short lines recur from block to block
def fold_label(text: str) -> str:
    """Lower case, one space, no trailing colon or footnote mark: how labels are compared."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = re.sub(r"\s*/\s*", "/", re.sub(r"[\s\u00a0]+", " ", text))
    return text.strip().rstrip(":*¹²³ ").strip()


_INDEX: dict[str, str] = {fold_label(v): f for f, variants in SYNONYMS.items() for v in variants}
# the annex template's own labels and the list tables' headers name the same fields
for _field, _variants in labels.LABELS.items():
    for _label in _variants:
        _INDEX.setdefault(fold_label(_label), _field)


@functools.lru_cache(maxsize=4096)  # the same labels recur in every annex block
def field_for_label(label: str) -> str | None:
    """The activity field a label names, or None when the table does not know it."""
    return _INDEX.get(fold_label(label))


@functools.cache
def known_labels() -> tuple[str, ...]:
    """Every folded label, longest first (for finding labels inside a flattened header)."""
    return tuple(sorted(_INDEX, key=len, reverse=True))


def _any_of(field: str) -> re.Pattern[str]:
    words = sorted((label for label, name in _INDEX.items() if name == field), key=len)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, reversed(words))) + r")(?!\w)")


_NAMES_FIELD = {field: _any_of(field) for field in ("title", "dates")}


_FIRST_WORDS = {
    field: frozenset(label.split()[0] for label, name in _INDEX.items() if name == field)
    for field in ("title", "dates")
}


def may_start_with(line: str, field: str) -> bool:
    """A quicker test: whether a line's first word can start a label of a field."""
    words = line.split(None, 1)
    return bool(words) and words[0].casefold().rstrip(":") in _FIRST_WORDS[field]


def may_name(line: str, field: str) -> bool:
    """A quick test: whether a line holds any label of a field (before splitting it)."""
    return _NAMES_FIELD[field].search(fold_label(line)) is not None


_NUMBER_COLUMN = re.compile(r"^(?:#|no\.?|n°|nº|n\.º|núm\.?|item)\s+")


def split_labels(line: str) -> list[tuple[str, str | None]]:
    """A line made of column labels ('# Title of programme or activity Start date Beneficiary
    Members or observers', 'Land/Region Periode Budget'), split into (label, field), longest
    known label first; a word no label starts with is an unknown one-word label (field None).
    A leading number column ('#', 'No.') is left out."""
    rest = _NUMBER_COLUMN.sub("", fold_label(line))
    found: list[tuple[str, str | None]] = []
    candidates = known_labels()
    while rest:
        hit = next((lab for lab in candidates if rest == lab or rest.startswith(lab + " ")), None)
        if hit is None:
            word, _, rest = rest.partition(" ")
            found.append((word, None))
            continue
        found.append((hit, _INDEX[hit]))
        rest = rest[len(hit) :].strip()
    return found


def numbered_header(line: str) -> bool:
    """Whether a column-label line starts with a number column ('#', 'No.')."""
    return _NUMBER_COLUMN.match(fold_label(line)) is not None
