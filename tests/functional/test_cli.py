"""The ipcoop command, run as a person runs it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_extract_json_shape_writes_nothing(
    cli: Cli, tmp_path: Path, seed: Callable[[str], Path]
) -> None:
    result = cli("extract", str(seed("003")), "--json", data=tmp_path)
    assert result.returncode == 0, result.stderr
    [report] = json.loads(result.stdout)["reports"]
    assert {
        "source",
        "kind",
        "reporting_party",
        "symbol",
        "communication_date",
        "period",
        "language",
        "activities",
        "programmes",
        "instruments",
        "warnings",
    } <= set(report)
    party = report["reporting_party"]
    assert (party["code"], party["name"], party["unresolved"]) == (
        "WCO",
        "World Customs Organization",
        False,
    )
    first = report["activities"][0]
    assert first["start_date"] == "2022-09-26" and first["date_precision"] == "day"
    assert [(b["code"], b["name"]) for b in first["beneficiaries"]] == [
        ("LAO", "Lao People's Democratic Republic")
    ]
    assert first["evidence"]["title"][0]["text"] == first["title"]
    assert not (tmp_path / "ipcoop.sqlite3").exists()


def test_ingest_reports_rejections_with_a_non_zero_exit(
    cli: Cli, tmp_path: Path, seed: Callable[[str], Path]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("ingest", str(seed("003")), str(empty), data=tmp_path)
    assert result.returncode == 1
    assert "1 stored (7 activities)" in result.stdout and "1 rejected" in result.stdout
    again = cli("ingest", str(seed("003")), data=tmp_path)
    assert again.returncode == 0 and "1 skipped as already present" in again.stdout
    unknown = cli("search", "--beneficiary", "Atlantis", data=tmp_path)
    assert unknown.returncode == 2 and "Atlantis" in unknown.stderr
