"""The WTO annex template's labels in English, French and Spanish, with their common variants."""

from __future__ import annotations

import functools
import re
import unicodedata

# field -> label variants (compared after normalize_label)
LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "name of programme or project",
        "name of program or project",
        "title of programme or project",
        "title of programme or activity",
        "name of the programme or project",
        "programme or project",
        "nom du programme ou du projet",
        "intitulé du programme ou du projet",
        "nombre del programa o proyecto",
        "título del programa o proyecto",
    ),
    "dates": (
        "date and end date",
        "start date and end date",
        "start and end date",
        "date",
        "dates",
        "duration",
        "date et date de fin",
        "date de début et date de fin",
        "dates de début et de fin",
        "fecha y fecha de finalización",
        "fecha de inicio y fecha de finalización",
        "fecha de inicio y de finalización",
        "fechas",
    ),
    "beneficiaries": (
        "beneficiary member(s) or observer(s)",
        "beneficiary member or observer",
        "beneficiary members or observers",
        "beneficiary country(ies)",
        "beneficiary countries",
        "beneficiary members(s)",
        "membre(s) ou observateur(s) bénéficiaire(s)",
        "membres ou observateurs bénéficiaires",
        "pays bénéficiaire(s)",
        "miembro(s) u observador(es) beneficiario(s)",
        "miembros u observadores beneficiarios",
        "país(es) beneficiario(s)",
    ),
    "description": (
        "brief description",
        "description",
        "short description",
        "brève description",
        "description succincte",
        "breve descripción",
        "descripción",
    ),
    "audience": (
        "beneficiary institution or audience",
        "beneficiary institution(s) or audience",
        "target audience",
        "audience",
        "institution ou public bénéficiaire",
        "institution(s) ou public bénéficiaire(s)",
        "institución o público beneficiario",
        "institución(es) o público beneficiario(s)",
    ),
    "providers": (
        "technical cooperation provider(s)",
        "technical cooperation provider",
        "provider(s)",
        "fournisseur(s) de coopération technique",
        "fournisseur(s) de la coopération technique",
        "proveedor(es) de cooperación técnica",
        "proveedor(es) de la cooperación técnica",
    ),
    "outputs": (
        "outputs or impact",
        "output(s) or impact",
        "outputs/impact",
        "results or impact",
        "résultats ou impact",
        "résultats ou incidence",
        "resultados o impacto",
        "resultados o repercusiones",
    ),
    "website": (
        "website for further information",
        "website",
        "site web pour de plus amples renseignements",
        "site web pour plus d'informations",
        "sitio web para más información",
        "sitio web para obtener más información",
    ),
    "contact": (
        "contact point for further information",
        "contact point",
        "point de contact pour de plus amples renseignements",
        "point de contact pour plus d'informations",
        "punto de contacto para más información",
        "punto de contacto para obtener más información",
    ),
}


def normalize_label(text: str) -> str:
    """Lower-case, one space, no trailing colon or footnote mark: how labels are compared."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\s\u00a0]+", " ", text)
    return text.strip().rstrip(":*¹²³ ").strip()


_INDEX = {normalize_label(v): field for field, variants in LABELS.items() for v in variants}


@functools.lru_cache(maxsize=4096)  # the same labels recur in every annex block
def field_for(label: str) -> str | None:
    """The annex field a label names, or None if it is not a template label."""
    return _INDEX.get(normalize_label(label))
