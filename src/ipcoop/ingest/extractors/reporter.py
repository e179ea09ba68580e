"""The reporting party read from the body when the header does not name it.

In order, the first that gives a party the alias table knows:

1. a title line that starts with a party before a colon or a dash ("OMC: NOTICIAS 2011",
   "WIPO - News");
2. a party as the subject of a reporting or providing verb ("Norway provides ...",
   "Australia is pleased to ...", "the WCO organized ...", "IP Australia embarked on ...",
   "l'OAPI organise ...", "la OMPI organizó ..."), the first in the text;
3. a party whose programme, project or response the page presents ("SECO's response");
4. the organisation the page names most often (an IGO or an agency; two mentions at least).

A national agency stands for its economy (IP Australia -> Australia): the reporting party of
an Art. 67 report is the Member.
"""

from __future__ import annotations

import re
from collections import Counter

from ipcoop.ingest.document import Document
from ipcoop.ingest.records import Evidence, PartyRef
from ipcoop.parties.resolver import Resolver

_TITLE_PREFIX = re.compile(r"^\s*([^:–—\n]{2,60}?)\s*(?::|\s[-–—]\s)")
_SUBJECT_VERB = re.compile(  # matched right after the name
    r"\s*(?:,\s*)?(?:(?:has|have|had|also|continues\s+to|continued\s+to)\s+)*(?:"
    r"provides?|provided|is\s+pleased|are\s+pleased|reports?|reported|fulfils|fulfills|"
    r"organi[sz]ed|organi[sz]es|held|holds|hosted|hosts|delivered|delivers|conducted|"
    r"launched|embarked|implements|implemented|offers|offered|funds|funded|supports|"
    r"supported|works|worked|undertakes|undertook|carried\s+out|"
    r"organise|organisent|a\s+organisé|ont\s+organisé|fournit|a\s+fourni|est\s+heureux|"
    r"est\s+heureuse|présente|a\s+présenté|mène|a\s+mené|"
    r"organiza|organizó|organizaron|proporciona|proporcionó|se\s+complace|presenta|"
    r"presentó|dieron\s+la\s+bienvenida|dio\s+la\s+bienvenida|lleva\s+a\s+cabo|"
    r"llevó\s+a\s+cabo)\b",
    re.IGNORECASE,
)
_SUBJECT_START = re.compile(
    r"(?:^|[.!?;]\s+|,\s+|\n)(?:\d+\.\s+)?(?:(?:the|la|le|les|el|los|las)\s+|l['’])?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"['’]s\s+(?:response|programme|program|project|initiative|contribution|"
    r"technical\s+(?:assistance|cooperation))\b",
    re.IGNORECASE,
)
_ORGANISATIONS = ("igo", "agency")
_NAMED_OFTEN = 2
_OPENING = 20_000  # a report names its reporter in its opening pages


def _member(code: str, resolver: Resolver) -> str:
    """An agency's economy; any other party as it is."""
    info = resolver.get(code)
    return info.parent if info.kind == "agency" and info.parent else code


def _ref(document: Document, start: int, end: int, code: str, resolver: Resolver) -> PartyRef:
    return PartyRef(name=document.text[start:end], code=_member(code, resolver))


def _title_prefix(document: Document, resolver: Resolver) -> tuple[PartyRef, Evidence] | None:
    for block in document.blocks[:5]:
        match = _TITLE_PREFIX.match(block.text)
        if match is None:
            continue
        code = resolver.resolve(match.group(1))
        if code is not None:
            start = block.start + match.start(1)
            ref = _ref(document, start, block.start + match.end(1), code, resolver)
            return ref, Evidence(start, block.start + match.end(1), "reporter.title_prefix")
    return None


def _same_as_before(text: str, hits: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a hit only repeats the one before it as its acronym: "World ... (WIPO)"."""
    if index == 0 or hits[index - 1][2] != hits[index][2]:
        return False
    return text[hits[index - 1][1] : hits[index][0]].strip() in ("(", "")


def from_body(document: Document, resolver: Resolver) -> tuple[PartyRef, Evidence] | None:
    """The reporting party the body names, with its evidence; None when it names none."""
    found = _title_prefix(document, resolver)
    if found is not None:
        return found
    text = document.text[:_OPENING]
    hits = resolver.find_in_text(text)
    for start, end, code in hits:
        subject = _SUBJECT_START.search(text, max(0, start - 12), start) is not None
        if subject and _SUBJECT_VERB.match(text, end):
            return _ref(document, start, end, code, resolver), Evidence(
                start, end, "reporter.subject"
            )
    for start, end, code in hits:
        if _POSSESSIVE.match(text, end):
            return _ref(document, start, end, code, resolver), Evidence(
                start, end, "reporter.possessive"
            )
    organisations = Counter(
        code
        for index, (start, _, code) in enumerate(hits)
        if resolver.get(code).kind in _ORGANISATIONS and not _same_as_before(text, hits, index)
    )
    if organisations:
        code, count = organisations.most_common(1)[0]
        if count >= _NAMED_OFTEN:
            start, end, _ = next(h for h in hits if h[2] == code)
            return _ref(document, start, end, code, resolver), Evidence(
                start, end, "reporter.most_named"
            )
    return None
