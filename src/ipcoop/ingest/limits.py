"""Reading limits: how much of a document is read before it is refused, in one place.

Every reader counts against the same ``Limits`` (archive size and members, PDF pages, blocks and
characters); the worker that runs a reader adds wall time, CPU time and memory (``workers``).
Going over any of them raises ``OverLimit``, whose message names the limit and its setting.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ipcoop.config import Settings, get_settings

_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
_END = struct.Struct("<10xH")  # end of central directory: ... total number of entries
_END_SEARCH = 22 + 65535  # the end record and the longest comment


class OverLimit(ValueError):
    """A document goes over a reading limit; the message names the limit and its setting."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The reading limits of one run (named like their settings, IPCOOP_<NAME>)."""

    max_archive_bytes: int
    max_archive_members: int
    max_pdf_pages: int
    max_blocks: int
    max_characters: int
    max_read_seconds: int
    max_read_memory_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Limits:
        """The limits the settings give (the process's settings when none are given)."""
        s = settings or get_settings()
        return cls(
            max_archive_bytes=s.max_archive_bytes,
            max_archive_members=s.max_archive_members,
            max_pdf_pages=s.max_pdf_pages,
            max_blocks=s.max_blocks,
            max_characters=s.max_characters,
            max_read_seconds=s.max_read_seconds,
            max_read_memory_bytes=s.max_read_memory_bytes,
        )

    def over(self, source: str, limit: str, found: str) -> OverLimit:
        """The error for ``source`` going over ``limit`` (a field name): ``found`` says by
        how much, e.g. "has 2,000 pages"."""
        value = getattr(self, limit)
        unit = _UNITS[limit]
        return OverLimit(
            f"{source} {found}; the limit is {value:,}{unit} (IPCOOP_{limit.upper()}): "
            "it was not read. Split the document, or raise the setting if you trust it"
        )

    def check(self, source: str, limit: str, count: int, what: str) -> None:
        """Raise OverLimit when ``count`` of ``what`` is over ``limit``."""
        if count > getattr(self, limit):
            raise self.over(source, limit, f"has {count:,} {what}")


_UNITS = {
    "max_archive_bytes": " bytes",
    "max_archive_members": " files",
    "max_pdf_pages": " pages",
    "max_blocks": " blocks",
    "max_characters": " characters",
    "max_read_seconds": " seconds",
    "max_read_memory_bytes": " bytes",
}


class Archive:
    """A ZIP archive (DOCX) read under the limits: its directory is checked before anything is
    inflated, and the bytes really inflated are counted, since a directory can lie."""

    def __init__(self, data: bytes, source: str, limits: Limits) -> None:
        self._data = data
        self._source = source
        self._limits = limits
        limits.check(source, "max_archive_members", _declared_members(data), "files inside")
        self._zip = zipfile.ZipFile(io.BytesIO(data))  # may raise zipfile.BadZipFile
        infos = self._zip.infolist()
        limits.check(source, "max_archive_members", len(infos), "files inside")
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_archive_bytes:
            raise limits.over(
                source, "max_archive_bytes", f"inflates to {declared:,} bytes (its directory says)"
            )
        self._inflated = 0

    def names(self) -> set[str]:
        """The names of the archive's members."""
        return set(self._zip.namelist())

    def chunks(self, name: str) -> Iterator[bytes]:
        """The inflated bytes of one member, in chunks; raises OverLimit once the archive's
        inflated total passes the limit, and zipfile.BadZipFile when the member is damaged or
        not what the directory says."""
        info = self._zip.getinfo(name)  # KeyError when absent
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(
            self._data, info.header_offset
        )
        if signature != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"no local header for {name}")
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        raw = memoryview(self._data)[start : start + info.compress_size]
        crc = 0
        size = 0
        for chunk in _inflate(raw, info.compress_type):
            size += len(chunk)
            self._inflated += len(chunk)
            if self._inflated > self._limits.max_archive_bytes:
                raise self._limits.over(
                    self._source,
                    "max_archive_bytes",
                    f"inflates to more than {self._limits.max_archive_bytes:,} bytes",
                )
            crc = zlib.crc32(chunk, crc)
            yield chunk
        if crc != info.CRC or size != info.file_size:
            raise zipfile.BadZipFile(f"{name} does not match the archive's directory")

    def read(self, name: str) -> bytes:
        """One member's inflated bytes (for the small parts: styles)."""
        return b"".join(self.chunks(name))


def _declared_members(data: bytes) -> int:
    """The member count the end of the archive declares (read before the directory is parsed,
    so that a directory of millions of entries is refused unread); 0 when it cannot be found."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - _END_SEARCH))
    if end < 0 or end + _END.size > len(data):
        return 0
    count = int(_END.unpack_from(data, end)[0])
    return 0 if count == 0xFFFF else count  # 0xFFFF: the count is in a ZIP64 record


def _inflate(raw: memoryview, method: int) -> Iterator[bytes]:
    """Inflate stored or deflated member data in bounded chunks."""
    if method == zipfile.ZIP_STORED:
        for i in range(0, len(raw), _CHUNK):
            yield bytes(raw[i : i + _CHUNK])
        return
    if method != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile(f"unsupported compression method {method}")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    for i in range(0, len(raw), _CHUNK):
        pending = bytes(raw[i : i + _CHUNK])
        while pending:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if out:
                yield out
    if tail := inflater.flush():  # what zlib still holds (at most its window)
        yield tail
