"""How a response names the file it is: ``Content-Disposition: attachment`` (RFC 6266).

One function for every download (originals, exports, the audit log), so a file name with
quotes, a newline or letters outside Latin-1 can never break the header.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# what an old client may read in the plain filename= parameter; everything else becomes "_"
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9._()+ -]")


def attachment(name: str) -> str:
    """The Content-Disposition value that saves the response under ``name``: an ASCII
    ``filename=`` for old clients and the exact name as ``filename*=UTF-8''...`` (RFC 5987).
    Control characters and runs of white space (newlines included) become one space."""
    name = " ".join("".join(" " if unicodedata.category(c)[0] == "C" else c for c in name).split())
    plain = _NOT_PLAIN.sub("_", "".join(_ascii(c) for c in name)).strip(" .")
    if not any(c.isalnum() for c in plain):
        plain = "download"
    exact = quote(name or plain, safe="")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{exact}"


def _ascii(character: str) -> str:
    """A letter's ASCII base ("é" is "e"), or "_" for one that has none."""
    base = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode("ascii")
    return base or "_"
