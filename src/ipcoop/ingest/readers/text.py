"""Plain-text reader: decoding with honest encoding detection, then one block per line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from ipcoop.ingest.document import BlockType, Document, DocumentBuilder
from ipcoop.ingest.limits import Limits
from ipcoop.ingest.readers import TEXT, EmptyDocument, UnknownEncoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding used and whether it was a guess."""

    text: str
    encoding: str
    guessed: bool


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc less whitespace


def _control_ratio(text: str) -> float:
    return len(_CONTROLS.findall(text)) / max(len(text), 1)


def _invisible(ch: str) -> bool:
    """Control, format, unassigned or private-use characters (whitespace excepted)."""
    return unicodedata.category(ch).startswith("C") and not ch.isspace()


def _credible(text: str, *, guessed: bool) -> bool:
    """Whether decoded text looks like human text rather than binary read as characters."""
    if _control_ratio(text) > 0.01:
        return False
    if guessed and len(text) > 40:
        spaces = sum(1 for ch in text if ch.isspace())
        if spaces / len(text) < 0.03:
            return False
        if sum(1 for ch in text if _invisible(ch)) > len(text) * 0.01:
            return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so (ASCII-heavy UTF-16 text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, source: str = "the file") -> Decoded:
    """Decode ``data``: BOM, then strict UTF-8, then legacy detection; raise UnknownEncoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding).lstrip("\ufeff"), encoding, False)
            except UnicodeDecodeError:
                break  # a BOM followed by something else: fall through to detection
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = ""
        if text and _credible(text, guessed=True):
            return Decoded(text, utf16, True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _credible(text, guessed=False):
            return Decoded(text, "utf-8", False)
        raise _unknown(source)
    legacy = _legacy(data)
    if legacy is None:
        raise _unknown(source)
    return legacy


def _legacy(data: bytes) -> Decoded | None:
    """A legacy single-byte or multibyte decoding, preferring Western European code pages."""
    plain = sum(1 for b in data if 0x20 <= b < 0x7F or b in (9, 10, 13))
    # reports are in English, French or Spanish: mostly ASCII with sparse accented letters
    if plain / max(len(data), 1) >= 0.8:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if _credible(text, guessed=False):  # mostly printable ASCII already
                return Decoded(text, "cp1252", True)
    for match in charset_normalizer.from_bytes(data):
        encoding = match.encoding
        if encoding.startswith(("utf_16", "utf_32")) and b"\x00" not in data:
            continue
        text = str(match)
        if _credible(text, guessed=True):
            name = "cp1252" if encoding in _WESTERN else encoding
            return Decoded(text, name, True)
    return None


def _unknown(source: str) -> UnknownEncoding:
    return UnknownEncoding(
        f"{source} is not readable text: its bytes match no text encoding we can recognise "
        "(it may be a binary file of an unsupported type). Save it as UTF-8 text, DOCX, "
        "HTML or PDF and upload it again."
    )


def encoding_warning(decoded: Decoded, source: str) -> str:
    """The warning shown when the encoding was guessed rather than declared."""
    return (
        f"{source} is not UTF-8; it was decoded as {decoded.encoding} (detected). "
        "Check accented names in the result."
    )


def normalize_text(text: str) -> str:
    """Unix newlines, no NULs, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "").replace("\ufeff", "")


# ---------------------------------------------------------------------------- line shapes

_BULLET = re.compile(
    r"^\s*(?:[•●○◦▪■□‣∙·*\-–]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,5}[.)])\s+(\S.*)$"
)
_STARS = re.compile(r"^\s*\*\*(.+?)\*\*\s*$")
_SECTION = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+[A-Z][^.]{0,80}$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _is_caps_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(line) <= 120
        and len(letters) >= 3
        and all(ch.isupper() for ch in letters if ch.lower() != ch.upper())
        and not line.rstrip().endswith((".", ","))
    )


def _pipe_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if " | " not in stripped and not (stripped.startswith("|") and stripped.endswith("|")):
        return None
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    cells = [c.strip() for c in stripped.split("|")]
    return cells if len(cells) >= 2 else None


def _join_star_headings(lines: list[str]) -> list[str]:
    """Join a ``**heading`` that wraps over several lines into one line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("**") and stripped.count("**") == 1:
            end = _closing_line(lines, i)
            if end is not None:
                out.append(" ".join(x.strip() for x in lines[i : end + 1]))
                i = end + 1
                continue
        out.append(lines[i])
        i += 1
    return out


def _closing_line(lines: list[str], start: int) -> int | None:
    """The index of the line closing a ``**`` opened on ``lines[start]``, within three lines."""
    for j in range(start + 1, min(start + 4, len(lines))):
        nxt = lines[j].strip()
        if not nxt or ("**" in nxt and not nxt.endswith("**")):
            return None
        if nxt.endswith("**"):
            return j
    return None


def _undouble(lines: list[str]) -> list[str]:
    """Drop the empty line after every line of 'double-spaced' text (PDF copies); else same list."""
    filled = [i for i, x in enumerate(lines[:-2]) if x.strip()]
    doubled = [i for i in filled if lines[i + 1] == "" and lines[i + 2].strip()]
    if len(filled) < 6 or len(doubled) < 0.6 * len(filled):
        return lines
    return [
        x
        for i, x in enumerate(lines)
        if x != "" or not (0 < i < len(lines) - 1 and lines[i - 1].strip() and lines[i + 1].strip())
    ]


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width (copied from a PDF): lines need joining."""
    lengths = [len(x.rstrip()) for x in lines if x.strip()]
    if len(lengths) < 6 or max(lengths) > 120:
        return False
    wrapped = sum(1 for n in lengths if 50 <= n <= 100)
    return wrapped / len(lengths) >= 0.5


def _is_row(line: str) -> bool:
    """A table row: tab-separated, or cells between pipes."""
    stripped = line.strip()
    return (
        "\t" in line
        or " | " in stripped
        or (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1)
    )


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs: a long line continues on the next one."""
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip())
    width = lengths[int(len(lengths) * 0.9) - 1] if lengths else 0
    out: list[str] = []
    joinable = False
    for line in lines:
        stripped = line.strip()
        starts_block = not stripped or bool(_BULLET.match(line)) or _is_row(line)
        if joinable and out and not starts_block:
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(line.rstrip())
        last = out[-1].strip()
        joinable = (
            bool(stripped)
            and len(line.rstrip()) >= 0.75 * width
            and not _is_row(line)
            and not _is_caps_heading(last)
        )
    return out


def read_text(data: bytes, *, source: str, limits: Limits) -> Document:
    """Read a plain-text report: one block per non-blank line, tab or pipe lines as table rows."""
    decoded = decode_bytes(data, source=source)
    text = normalize_text(decoded.text)
    if not text.strip():
        raise EmptyDocument(f"{source} contains only blank space: there is no text to read")
    builder = DocumentBuilder(source, TEXT, limits)
    if decoded.guessed:
        builder.warnings.append(encoding_warning(decoded, source))
    fill_from_lines(builder, text.split("\n"))
    return builder.build()


def fill_from_lines(builder: DocumentBuilder, lines: list[str]) -> None:
    """Add one block per non-blank line; consecutive row lines form one table."""
    lines = _join_star_headings(lines)
    single = _undouble(lines)
    if single is not lines and _hard_wrapped(single):
        lines = _unwrap(single)
    elif _hard_wrapped(lines):
        lines = _unwrap(lines)
    table = -1
    in_table = False
    for line in lines:
        if not line.strip():
            in_table = False
            continue
        cells = _row_cells(line)
        if cells is not None:
            if not cells:  # a markdown rule line inside a pipe table
                continue
            if not in_table:
                table += 1
                in_table = True
            builder.add_row(cells, table=table)
            continue
        in_table = False
        block_type, content = classify_line(line)
        if content:
            builder.add(block_type, content)


def _row_cells(line: str) -> list[str] | None:
    """Cells of a table-row line (tabs or pipes), [] for a markdown rule, None otherwise."""
    if "\t" in line.strip() or ("\t" in line and not line.startswith("\t")):
        return [" ".join(c.split()) for c in line.strip("\n").split("\t")]
    if _TABLE_RULE.match(line) and "|" in line:
        return []
    return _pipe_cells(line)


def classify_line(line: str) -> tuple[BlockType, str]:
    """The block block_type of one line and its text without markup (bullets, ** markers)."""
    stripped = " ".join(line.split())
    star = _STARS.match(stripped)
    if star:
        return BlockType.HEADING, " ".join(star.group(1).split())
    bullet = _BULLET.match(stripped)
    if bullet and not stripped.startswith("**"):
        return BlockType.LIST_ITEM, bullet.group(1).strip()
    if _is_caps_heading(stripped) or _SECTION.match(stripped):
        return BlockType.HEADING, stripped
    return BlockType.PARAGRAPH, stripped
