"""Report metadata: kind, reporting party, symbol, communication and circulation dates, period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipcoop.ingest.document import BlockType, Document
from ipcoop.ingest.extractors import reporter
from ipcoop.ingest.normalize import dates
from ipcoop.ingest.records import Evidence, PartyRef, ReportHeader
from ipcoop.parties import display_name
from ipcoop.parties.resolver import Resolver

SYMBOL = re.compile(
    r"\bIP/C/(?:W/\d+(?:/Add\.\d+)?(?:/Rev\.\d+)?|R/(?:TC|TTI)/[A-Z]{2,4}/\d+(?:/Add\.\d+)?)"
)
COMMUNICATION = re.compile(
    r"communication,?\s+dated\s+(?P<date>[^,.]+?\d{4})|communication\s+du\s+(?P<fr>[^,.]+?\d{4})"
    r"|comunicación\s+de\s+fecha\s+(?P<es>[^,.]+?\d{4})",
    re.IGNORECASE,
)
PERIOD = re.compile(
    r"(?:covers?|covering|undertaken|period)\D{0,40}?\bfrom\s+(?P<range>[A-Z][a-z]+\s+\d{4}\s*"
    r"(?:-|–|to|until)\s*[A-Z][a-z]+\s+\d{4})",
)
REPORTER = re.compile(
    r"received from (?:the )?(?P<a>[A-Z][^,.()]+?)(?: \(|,| by\b)"
    r"|at the request of the (?:delegation|Permanent Mission) of (?:the )?(?P<b>[A-Z][^,.]+?)[,.]",
)
# what a web page appends to a heading ("... Art. 67. - View details of the document")
_PAGE_ACTION = re.compile(r"\s+[-–|]\s+(?:View|See|Download|Open|Print|Show)\b[^.]*$")
_CIRCULATION_LINE = re.compile(r"^\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")


@dataclass(slots=True)
class Metadata(ReportHeader):
    """What the document says about itself."""

    def cite(self, name: str, start: int, end: int, method: str) -> None:
        """Record evidence for one field."""
        self.evidence.setdefault(name, []).append(Evidence(start, end, method))


def _kind(text: str) -> str:
    head = text[:6000]
    if re.search(r"66\.2|IP/C/R/TTI|transfer of technology to least", head, re.IGNORECASE):
        return "art66_2_report"
    if re.search(
        r"Art(?:icle|\.)\s*67|TECHNICAL COOPERATION ACTIVITIES|IP/C/R/TC|"
        r"Council for (?:TRIPS|Trade-Related)",
        head,
        re.IGNORECASE,
    ):
        return "art67_report"
    if re.search(
        r"\b(Joint Declaration|Memorandum of Understanding|MoU\b|Framework Agreement"
        r" between)",
        head[:1500],
        re.IGNORECASE,
    ):
        return "cooperation_instrument"
    return "regional_page"


_LANG_WORDS = {
    "en": re.compile(r"\b(the|and|of|with|for|was|were)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(le|la|les|et|des|du|pour|avec)\b", re.IGNORECASE),
    "es": re.compile(r"\b(el|los|las|y|del|para|con)\b", re.IGNORECASE),
}


def _language(text: str) -> str:
    sample = text[:5000]
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _LANG_WORDS.items()}
    return max(counts, key=lambda k: counts[k])


def _reporter(document: Document, meta: Metadata, resolver: Resolver) -> None:
    text = document.text
    match = REPORTER.search(text)
    if match:
        group = "a" if match.group("a") else "b"
        name = match.group(group).strip()
        meta.reporting_party = PartyRef(name=name, code=resolver.resolve(name))
        meta.cite("reporting_party", match.start(group), match.end(group), "metadata.sentence")
        return
    for block in document.blocks[:15]:  # a heading or a title line naming one party
        if _is_sentence(block.text):
            break  # the text proper has begun: a later line is a list item, not a title
        candidate = re.sub(r"\s*\([^)]*\)\s*$", "", block.text).strip(" *")
        code = resolver.resolve(candidate) if len(candidate) < 120 else None
        if code is not None:
            meta.reporting_party = PartyRef(name=candidate, code=code)
            meta.cite("reporting_party", block.start, block.end, "metadata.heading")
            return
    if meta.kind == "regional_page":  # the forum the page is about: the one named most often
        counts: dict[str, list[tuple[int, int]]] = {}
        for start, end, code in resolver.find_in_text(text):
            party = resolver.get(code)
            if party.category == "forum" and party.parent is None:  # a council speaks for its IGO
                counts.setdefault(code, []).append((start, end))
        if counts:
            code = max(counts, key=lambda c: len(counts[c]))
            start, end = counts[code][0]
            meta.reporting_party = PartyRef(name=text[start:end], code=code)
            meta.cite("reporting_party", start, end, "metadata.most_named_forum")


def _is_sentence(text: str) -> bool:
    """A paragraph of prose (eight words or more ending with a full stop), not a title line."""
    words = text.split()
    return len(words) >= 8 and words[-1].endswith(".")


def _title(document: Document, reporting: PartyRef | None = None) -> str | None:
    """The first heading that is not the Council's name; else the first line when it is a
    title line; else (a page that opens with prose) the name of the party it is about."""
    for block in document.blocks[:30]:
        words = " ".join(block.text.split()).strip("* ")
        if (
            block.block_type is BlockType.HEADING
            and len(words.split()) >= 3
            and not re.match(r"(Council for|Original:|Page:)", words)
        ):
            return _PAGE_ACTION.sub("", words)[:500]
    if not document.blocks:
        return None
    first = " ".join(document.blocks[0].text.split())
    if _is_sentence(first) and reporting is not None:
        return display_name(reporting.code, fallback=reporting.name)
    return _PAGE_ACTION.sub("", first)[:200]


_LAST: list[tuple[Document, Resolver, Metadata]] = []  # the document being ingested


def extract(document: Document, resolver: Resolver | None = None) -> Metadata:
    """Read the document's own description of itself (read once per document: the pipeline
    and the prose readers ask for it in turn)."""
    resolver = resolver or Resolver.default()
    if _LAST and _LAST[0][0] is document and _LAST[0][1] is resolver:
        return _LAST[0][2]
    meta = _read(document, resolver)
    _LAST[:] = [(document, resolver, meta)]
    return meta


def _read(document: Document, resolver: Resolver) -> Metadata:
    text = document.text
    meta = Metadata(kind=_kind(text), language=_language(text))
    if (symbol := SYMBOL.search(text)) is not None:
        meta.symbol = symbol.group(0)
        meta.cite("symbol", symbol.start(), symbol.end(), "metadata.symbol")
    if (comm := COMMUNICATION.search(text)) is not None:
        group = next(g for g in ("date", "fr", "es") if comm.group(g))
        try:
            meta.communication_date = dates.parse_date(comm.group(group))
            meta.cite("communication_date", comm.start(group), comm.end(group), "metadata.sentence")
        except dates.DateError:
            pass
    for block in document.blocks[:8]:
        if _CIRCULATION_LINE.match(block.text):
            meta.circulation_date = dates.parse_date(block.text.strip())
            meta.cite("circulation_date", block.start, block.end, "metadata.dateline")
            break
    if (period := PERIOD.search(text)) is not None:
        try:
            meta.period = dates.parse_range(period.group("range"))
            meta.cite("period", period.start("range"), period.end("range"), "metadata.sentence")
        except dates.DateError:
            pass
    _reporter(document, meta, resolver)
    if meta.reporting_party is None and (found := reporter.from_body(document, resolver)):
        meta.reporting_party = found[0]
        meta.evidence.setdefault("reporting_party", []).append(found[1])
    meta.title = _title(document, meta.reporting_party)
    return meta
