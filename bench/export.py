"""Export benchmark: the real `ipcoop export` in a child process, timed, with its peak memory.

The child is waited for with ``os.wait4``, whose resource usage is that child's alone (and of
any processes it waited for itself). It is started by a small launcher process, not by this
one: a child's peak RSS counts the memory of the process it was forked from until it executes
its program, and the benchmark process holds gigabytes by then (MEASURE below).

Run by hand against a populated database (see bench.populate)::

    python -m bench.export sqlite:///var/bench-1m.sqlite3 csv xlsx
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from ipcoop.activities.export import HEADERS

FORMATS = ("csv", "xlsx")


def _command() -> list[str]:
    """The `ipcoop` command of this environment."""
    script = Path(sys.executable).with_name("ipcoop")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "ipcoop.cli"]


# Runs the command given after it, waits for it with os.wait4 and prints one JSON line: its
# exit code, wall seconds and peak RSS. Started with -c, this process is a small Python, so the
# command's peak is its own (see the module's docstring).
MEASURE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(child.pid, 0)
scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # Linux: kilobytes; macOS: bytes
print(json.dumps({"code": os.waitstatus_to_exitcode(status),
                  "seconds": time.perf_counter() - started,
                  "peak_rss_mb": usage.ru_maxrss / scale}))
"""


def run_child(args: list[str], env: dict[str, str]) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS in MB) of one child process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], env=env, capture_output=True, check=False
    )
    try:
        figures = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (IndexError, ValueError) as error:
        raise RuntimeError(f"the launcher printed no figures: {done.stderr.decode()}") from error
    if figures["code"]:
        raise RuntimeError(
            f"{' '.join(args)} exited with {figures['code']}: "
            + done.stderr.decode("utf-8", "replace")[-2000:]
        )
    return figures["code"], figures["seconds"], figures["peak_rss_mb"]


def csv_rows(path: Path) -> int:
    """Data rows of an exported CSV, read back with the csv module; the header must come first."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != list(HEADERS):
            raise ValueError(f"{path}: the first row is not the header: {header!r}")
        return sum(1 for _ in reader)


def xlsx_rows(path: Path) -> int:
    """Data rows of an exported workbook's first sheet (the activities; the About sheet follows),
    counted in its XML as it streams."""
    with zipfile.ZipFile(path) as workbook:
        first = "xl/worksheets/sheet1.xml"
        if first not in workbook.namelist():
            raise ValueError(f"{path}: no first worksheet ({first})")
        count, tail = 0, b""
        with workbook.open(first) as sheet:
            while chunk := sheet.read(1 << 20):
                data = tail + chunk
                count += data.count(b"<row ") + data.count(b"<row>")
                tail = data[-5:]  # a tag cut by the chunk boundary is counted in the next one
                count -= tail.count(b"<row ") + tail.count(b"<row>")
        count += tail.count(b"<row ") + tail.count(b"<row>")
    return count - 1  # the header row


def measure_export(db_url: str, fmt: str, out: Path) -> dict[str, Any]:
    """Export every activity of the database at `db_url` to `out` with `ipcoop export` in a
    child process: {"format", "rows", "seconds", "peak_rss_mb"}. Rows are counted by reading the
    file back. Seconds are the child's whole run (start-up and schema check included)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    env = {**os.environ, "IPCOOP_DATABASE_URL": db_url}
    _code, seconds, peak = run_child([*_command(), "export", "--format", fmt, "-o", str(out)], env)
    rows = csv_rows(out) if fmt == "csv" else xlsx_rows(out)
    return {
        "format": fmt,
        "rows": rows,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak, 1),
    }


def main() -> None:
    """Export the database at URL in each format and print the figures."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("url", help="SQLAlchemy URL of a populated database")
    parser.add_argument("formats", nargs="*", default=list(FORMATS))
    parser.add_argument("--out", type=Path, default=Path("var/bench-export"))
    args = parser.parse_args()
    for fmt in args.formats:
        print(measure_export(args.url, fmt, args.out / f"activities.{fmt}"), flush=True)


if __name__ == "__main__":
    main()
