"""The ingest pipeline: read, extract, normalize, link — each stage a function, in order."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ipcoop.ingest import readers
from ipcoop.ingest.document import Document
from ipcoop.ingest.extractors import metadata, registry
from ipcoop.ingest.limits import Limits, OverLimit
from ipcoop.ingest.normalize.activity import ReportContext, normalize
from ipcoop.ingest.records import ExtractedActivity, ExtractedReport

SUPPORTED_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf"}


class IngestError(ValueError):
    """A file that cannot be ingested; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file's bytes and the name it came under."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def load(path: Path, *, max_bytes: int) -> Source:
    """Read a file, refusing what is too large or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit "
                "(raise IPCOOP_MAX_UPLOAD_BYTES to accept it)"
            )
        return Source(str(path), path.read_bytes())
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror or error})") from error


def read(source: Source, limits: Limits | None = None) -> Document:
    """Stage 1: bytes to a normalized document, within the reading limits."""
    try:
        return readers.read(source.data, source=source.name, limits=limits)
    except (readers.ReadError, OverLimit) as error:
        raise IngestError(f"{source.name}: {error}") from error


def extract_activities(
    document: Document, context: ReportContext, warnings: list[str]
) -> list[ExtractedActivity]:
    """Stages 2-4: activity candidates from the template's records (else the page's own
    layouts, else the prose), normalized."""
    raws = [raw for extractor in registry.STRUCTURED_EXTRACTORS for raw in extractor(document)]
    if not raws:
        raws = [raw for extractor in registry.LAYOUT_EXTRACTORS for raw in extractor(document)]
    if not raws:
        raws = [raw for extractor in registry.PROSE_EXTRACTORS for raw in extractor(document)]
    raws.sort(key=lambda r: r.start)
    return [normalize(raw, context, warnings) for raw in raws]


def extract(
    source: Source, *, review_threshold: float = 0.7, limits: Limits | None = None
) -> ExtractedReport:
    """Run every stage on one source; nothing is written. This process's own time and memory
    are not limited here: ``workers`` runs this under those limits too."""
    document = read(source, limits)
    meta = metadata.extract(document)
    report = ExtractedReport(
        source=source.name,
        sha256=source.sha256,
        media_type=document.media_type,
        text=document.text,
        warnings=list(document.warnings),
        **meta.header(),
    )
    if meta.reporting_party is not None and not meta.reporting_party.resolved:
        report.warnings.append(
            f"reporting party {meta.reporting_party.name!r} kept unresolved: the alias table "
            "does not know it (add it to parties/data if it is a real party)"
        )
    context = ReportContext(meta.reporting_party, review_threshold)
    report.activities = extract_activities(document, context, report.warnings)
    report.programmes = registry.extract_programmes(document, meta)
    report.instruments = registry.extract_instruments(document, meta)
    own = report.instruments[0] if report.instruments else None
    cited = own.evidence.get("title", []) if own else []
    # a declaration or MoU is titled by its full title (its heading lines), not its first line
    if own and cited and cited[0].method == "instruments.heading":
        report.title = own.title
    for activity in report.activities:
        for ref in activity.beneficiaries + activity.providers:
            if not ref.resolved:
                report.warnings.append(
                    f"{activity.title!r}: unknown party {ref.name!r} kept unresolved "
                    "(add it to parties/data/aliases.csv if it is a real spelling)"
                )
    return report


def warm() -> None:
    """Build the lookup tables once (before forking workers, so that they share them)."""
    from ipcoop.ingest.normalize import places
    from ipcoop.parties.resolver import Resolver

    Resolver.default().find_in_text("")
    places.find_places("held in Geneva, Switzerland")


def discover(paths: list[Path]) -> list[Path]:
    """Files under the given paths, folders walked recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            found.append(path)
    return found
