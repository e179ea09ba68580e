"""Every string marked for translation is in the committed catalogue template."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "src" / "ipcoop" / "locale" / "messages.pot"
EXTRACT = "pybabel extract -F babel.cfg -o src/ipcoop/locale/messages.pot ."


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _extract(tmp_path: Path) -> Catalog:
    out = tmp_path / "messages.pot"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return _catalog(out)


def test_every_template_string_is_in_the_committed_pot(tmp_path: Path) -> None:
    fresh = _extract(tmp_path)
    from_templates = {
        m.id for m in fresh if m.id and any(f.endswith(".html") for f, _ in m.locations)
    }
    assert len(from_templates) > 50  # the templates are really scanned
    committed = {m.id for m in _catalog(POT) if m.id}
    missing = sorted(str(i) for i in from_templates - committed)
    assert not missing, f"not in messages.pot, run `{EXTRACT}`: {missing}"


def test_no_marked_string_is_missing_from_the_pot(tmp_path: Path) -> None:
    fresh = _extract(tmp_path)
    committed = {m.id for m in _catalog(POT) if m.id}
    missing = sorted(str(m.id) for m in fresh if m.id and m.id not in committed)
    assert not missing, f"not in messages.pot, run `{EXTRACT}`: {missing}"


def test_catalogues_exist_for_english_french_spanish() -> None:
    for lang in ("en", "fr", "es"):
        po = POT.parent / lang / "LC_MESSAGES" / "messages.po"
        assert po.is_file(), f"{po} is missing: pybabel init -l {lang}"
        assert _catalog(po).locale is not None
