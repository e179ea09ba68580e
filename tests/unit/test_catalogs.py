"""The French and Spanish catalogs are complete: no empty or fuzzy entry, every message of the
templates and every taxonomy label in them, placeholders kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from ipcoop.vocabularies.terms import AUDIENCE_TERMS, MODALITY_TERMS, TOPIC_TERMS, TYPE_TERMS

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "ipcoop" / "locale"
TEMPLATES = ROOT / "src" / "ipcoop" / "web" / "templates"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _catalog(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def _translated(catalog: Catalog, message_id: str) -> bool:
    """The entry is there and every form of it (plural forms too) is translated."""
    entry = catalog.get(message_id)
    if entry is None:
        return False
    forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    return all(forms)


def _template_messages() -> set[str]:
    found = extract_from_dir(
        str(TEMPLATES),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_no_entry_is_empty_or_fuzzy(lang: str) -> None:
    catalog = _catalog(lang)
    entries = [m for m in catalog if m.id]
    assert len(entries) > 150
    empty = [m.id for m in entries if not _translated(catalog, m.id)]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert not empty, f"{lang}: untranslated {empty}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_template_message_is_translated(lang: str) -> None:
    messages = _template_messages()
    assert len(messages) > 80  # the templates are really read
    catalog = _catalog(lang)
    missing = sorted(m for m in messages if not _translated(catalog, m))
    assert not missing, f"{lang}: {missing}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_taxonomy_label_is_translated(lang: str) -> None:
    catalog = _catalog(lang)
    labels = [t.label for t in (*TOPIC_TERMS, *TYPE_TERMS, *AUDIENCE_TERMS, *MODALITY_TERMS)]
    missing = [label for label in labels if not _translated(catalog, label)]
    assert not missing, f"{lang}: {missing}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_placeholders_are_kept(lang: str) -> None:
    for message in _catalog(lang):
        if message.id:
            assert sorted(PLACEHOLDER.findall(str(message.id))) == sorted(
                PLACEHOLDER.findall(str(message.string))
            ), message.id
