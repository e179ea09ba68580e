"""The export benchmark's peak memory is the exporting process's own, even when the benchmark
process that starts it holds far more."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_a_child_peak_is_its_own_not_its_starters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench.export import run_child

    ballast = b"x" * (600 * 2**20)  # this process now holds 600 MB more, every page touched
    env = dict(os.environ)
    _, _, small = run_child([sys.executable, "-c", "pass"], env)
    _, _, large = run_child([sys.executable, "-c", "x = b'y' * (300 * 2**20)"], env)
    assert len(ballast) and small < 100
    assert 300 <= large < 450
    with pytest.raises(RuntimeError, match="exited with 3"):
        run_child([sys.executable, "-c", "raise SystemExit(3)"], env)
