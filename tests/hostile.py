"""Hostile documents for the reading-limit tests, built in the test's own folder, and a child
process that reads one under the limits and reports the outcome and its peak memory."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

Hostile = Callable[[str, int], Path]  # the conftest fixture: hostile("pdf", pages)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TINY = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
MIB = 1024 * 1024
_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="'
    b'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx_of_tiny_paragraphs(path: Path, inflated: int) -> Path:
    """A DOCX whose body is ``inflated`` bytes of one-letter paragraphs (a compression bomb)."""
    chunk = TINY * (64 * 1024 // len(TINY))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as body:
            body.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode())
            written = 0
            while written < inflated:
                body.write(chunk)
                written += len(chunk)
            body.write(b"</w:body></w:document>")
    return path


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with ``name``'s uncompressed size given as ``size`` in its directory (and
    local header): a directory that lies."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + length].decode() == name:
            struct.pack_into("<I", out, central + 24, size)
            local = struct.unpack_from("<I", out, central + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
            return bytes(out)
        central = out.find(b"PK\x01\x02", central + 4)
    raise KeyError(name)


def pdf_of_pages(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` pages, one line of text each."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.drawString(72, 420, f"Page {number}: a workshop on the enforcement of IP rights.")
        canvas.showPage()
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


_CHILD = """
import dataclasses, json, resource, sys
from pathlib import Path
from ipcoop.ingest import pipeline, workers
from ipcoop.ingest.limits import Limits

limits = dataclasses.replace(Limits.from_settings(), **json.loads(sys.argv[2]))
outcomes = []
with workers.Extractor(1, limits, 0.7) as extractor:  # one worker reads them all in turn
    for name in sys.argv[1].split(","):
        source = pipeline.Source(Path(name).name, Path(name).read_bytes())
        outcome = extractor.result(source, extractor.submit(source))
        if isinstance(outcome, pipeline.IngestError):
            outcomes.append({"stored": False, "detail": str(outcome)})
        else:
            outcomes.append({"stored": True, "text": len(outcome.text)})
# this process's own high-water mark from /proc: ru_maxrss of RUSAGE_SELF keeps, across
# exec, the size of the process that forked it (the test run)
status = Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]
peak = max(int(status), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"outcomes": outcomes, "peak_mb": peak / 1024}))
"""


def read_in_child(*paths: Path, **limits: int) -> dict[str, Any]:
    """Read the files one after the other in a child process (in one worker under the limits,
    the settings' defaults unless given); the outcomes and the peak memory (MB) of the child
    and its worker."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, ",".join(map(str, paths)), json.dumps(limits)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return dict(json.loads(done.stdout))
