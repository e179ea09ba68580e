"""Every setting is documented in the README's table and read somewhere in the code."""

from __future__ import annotations

import re
from pathlib import Path

from ipcoop.config import Settings

ROOT = Path(__file__).resolve().parents[3]
ROW = re.compile(r"^\| `IPCOOP_(\w+)` \| (.+?) \| (.+?) \|$", re.MULTILINE)


def test_the_readme_table_lists_every_setting_with_its_default() -> None:
    rows = {
        name.lower(): default
        for name, default, _ in ROW.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    }
    assert sorted(rows) == sorted(Settings.model_fields)
    for name, info in Settings.model_fields.items():
        default = info.default
        if isinstance(default, int | float) and not isinstance(default, bool):
            assert rows[name].replace(",", "") == str(default), name


def test_every_setting_is_read() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "ipcoop").rglob("*.py"))
    unread = [name for name in Settings.model_fields if not re.search(rf"\.{name}\b", code)]
    assert unread == []
