"""The reporting party read from the body when the header does not name it.

In order, the first that gives a party:

1. the page's own name: a title line whose part before a colon, or one of whose parts between
   dashes or bars, is a party ("OMC: NOTICIAS 2011", "Minutes - TRIPS Council - View ...");
   a title that says whose work the page shows ("Report of Japan", "Activités de l'OMPI",
   "Actividades de cooperación técnica del Japón");
   a navigation item "About X" ("About JPO", "À propos de l'OMPI", "Acerca de la OMPI");
2. the organizer the opening names: "organized (jointly) by X and Y", "organisé conjointement
   par X et Y", "organizado por X y Y". Of several organizers, the one the page calls by the
   bare head noun of its name ("(Initiative APA ou Initiative)", "the Initiative",
   "l'Organisation", "la Oficina") speaks in its own voice; else the first. An organizer the
   alias table does not know is kept by its name, unresolved (never guessed, never dropped);
3. a party as the subject of a reporting or providing verb ("Norway provides ...",
   "Australia is pleased to ...", "the WCO organized ...", "IP Australia embarked on ...",
   "l'OAPI organise ...", "la OMPI organizó ..."), the first in the text;
4. a party whose programme, project or response the page presents ("SECO's response");
5. the organisation the page names most often (an IGO or an agency; two mentions at least).

A body stands for the party it belongs to (IP Australia -> Australia, the TRIPS Council ->
the WTO): the reporting party of an Art. 67 report is the Member.
"""

from __future__ import annotations

import re
from collections import Counter

from ipcoop.ingest.document import Document
from ipcoop.ingest.records import Evidence, PartyRef
from ipcoop.parties.resolver import Resolver

_TITLE_PREFIX = re.compile(r"^\s*([^:–—\n]{2,60}?)\s*(?::|\s[-–—|]\s)")
_TITLE_PART = re.compile(r"(?<=\s[-–—|]\s)([^-–—|\n]{2,60}?)(?=\s[-–—|]\s|\s*$)")
_TITLE_WORDS = 15  # a title line, not a sentence
_ABOUT = re.compile(
    r"^[\s•*·-]*(?:About|À\s+propos\s+d(?:e\s+|['’])|A\s+propos\s+d(?:e\s+|['’])|"
    r"Acerca\s+de(?:l\b)?|Quiénes\s+somos\s*[-–:]?)\s*(?P<name>[^\n•|]{2,80}?)\s*$",
    re.MULTILINE,
)
_NAV_BLOCKS = 8  # the menu and headings above the text
# a page titled by whose work it shows: "Report of Japan", "Activités de l'OMPI", "Actividades
# de cooperación técnica del Japón"; the party's name (and a year: "en 2020", "(2019)") ends
# the line
_WHOSE_WORK = re.compile(
    r"\b(?:reports?|activit(?:y|ies)|events|news|programmes?|programs?|cooperation|assistance|"
    r"rapports?|activités|événements|actualités|coopération|informes?|actividades|eventos|"
    r"noticias|programas|cooperación|asistencia)\b[^:\n]{0,60}?\s(?:(?:of|by|from|de|du|des|del|"
    r"par|por)\s+(?:(?:the|la|le|les|el|los|las)\s+|l['’])?|d['’])(?=\S)",
    re.IGNORECASE,
)
_AFTER_NAME = re.compile(r"(?:\s+(?:in|en|for|pour|para)\s+(?=\d))?[\s\d()\[\]/.,–—-]*$")
_ORGANIZED_BY = re.compile(
    r"\b(?:(?:jointly|co-?)\s*organi[sz]ed|organi[sz]ed(?:\s+(?:jointly|together))?|"
    r"co-?hosted|hosted|convened|"
    r"(?:co-?)?organis[ée]e?s?(?:\s+conjointement)?|"
    r"(?:co)?organizad[oa]s?(?:\s+conjuntamente)?|convocad[oa]s?)\s+(?:by|par|por)\s+",
    re.IGNORECASE,
)
# between two organizers of one list: commas, and, articles, a bracketed acronym
_LIST_GAP = re.compile(
    r"\s*(?:,|and|et|y|&|as\s+well\s+as|ainsi\s+que|así\s+como)?\s*"
    r"(?:(?:the|la|le|les|el|los|las)\s+|l['’])?",
    re.IGNORECASE,
)
_UNKNOWN_NAME = re.compile(  # a capitalised name the alias table does not know
    r"(?:(?:the|la|le|les|el|los|las)\s+|l['’])?(?P<name>[A-ZÀ-Þ][\w’'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|de|du|des|la|le|del|para|pour|sur|sobre|et|y|the|l['’])\s+)*"
    r"[A-ZÀ-Þ][\w’'&.-]*){0,9})"
)
_ORGANIZE = re.compile(r"organi[sz]", re.IGNORECASE)  # a host is not kept by name alone
_ORGANIZER_OPENING = 3000  # the opening sentences
# a generic noun an organisation's page calls itself by ("the Initiative", "l'Organisation")
_SELF_NAME = r"(?i:\b(?:the|this|our|la|le|cette|notre|esta|nuestra)\s+|\bl['’]|[(\s]o[uùr]?\s+)"
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


Found = tuple[PartyRef, Evidence]


def _found(
    document: Document, start: int, end: int, code: str, resolver: Resolver, method: str
) -> Found:
    ref = PartyRef(name=document.text[start:end], code=resolver.member(code))
    return ref, Evidence(start, end, method)


def _title_parts(text: str) -> list[re.Match[str]]:
    """The parts of a title line that may name the page's owner."""
    if len(text.split()) > _TITLE_WORDS:
        return []
    first = _TITLE_PREFIX.match(text)
    return [m for m in (first, *_TITLE_PART.finditer(text)) if m is not None]


def _whose_work(text: str, resolver: Resolver) -> tuple[int, int, str] | None:
    """The party a title line says the page's work is of ("Activités de l'OMPI"): the name
    that ends the line after "of / de / del", and where it is in the line."""
    if len(text.split()) > _TITLE_WORDS or text.rstrip().endswith("."):
        return None
    for cue in _WHOSE_WORK.finditer(text):
        hits = [hit for hit in resolver.find_in_text(text[cue.end() :]) if hit[0] == 0]
        if hits and _AFTER_NAME.match(text, cue.end() + hits[0][1]):
            return cue.end(), cue.end() + hits[0][1], hits[0][2]
    return None


def _site_name(document: Document, resolver: Resolver) -> Found | None:
    """The page's own name: a part of a title line, a title naming whose work the page shows,
    or an "About X" navigation item."""
    for block in document.blocks[:5]:
        for match in _title_parts(block.text):
            if (code := resolver.resolve(match.group(1))) is not None:
                start, end = block.start + match.start(1), block.start + match.end(1)
                return _found(document, start, end, code, resolver, "reporter.title_prefix")
    for block in document.blocks[:5]:
        if (whose := _whose_work(block.text, resolver)) is not None:
            start, end, code = whose
            start, end = block.start + start, block.start + end
            return _found(document, start, end, code, resolver, "reporter.title_of")
    for block in document.blocks[:_NAV_BLOCKS]:
        for match in _ABOUT.finditer(block.text):
            if (code := resolver.resolve(match.group("name"))) is not None:
                start, end = block.start + match.start("name"), block.start + match.end("name")
                return _found(document, start, end, code, resolver, "reporter.about")
    return None


def _head_nouns(code: str, resolver: Resolver) -> set[str]:
    """The generic nouns a party's names are built on: the last word in English ("... Development
    Initiative"), the first in French and Spanish ("Initiative de ...", "Oficina de ...")."""
    party = resolver.get(code)
    nouns = {party.name_en.split()[-1]}
    nouns |= {name.split()[0] for name in (party.name_fr, party.name_es) if name}
    return {noun for noun in nouns if noun.isalpha() and not noun.isupper()}


def _calls_itself(text: str, code: str, resolver: Resolver, names: list[tuple[int, int]]) -> bool:
    """Whether the text calls the party by the bare head noun of its name ("the Initiative",
    "(Initiative APA ou Initiative)"), outside its full names."""
    for noun in _head_nouns(code, resolver):
        bare = re.compile(
            _SELF_NAME + re.escape(noun) + r"\b(?!\s+(?:of|for|de|du|des|del|"
            r"pour|para|on|sur|sobre)\b)(?!\s+[A-Z])"
        )
        for match in bare.finditer(text):
            if not any(start <= match.end() - len(noun) < end for start, end in names):
                return True
    return False


def _organizers(
    text: str, start: int, hits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The list of parties right after an "organized by" cue, in order."""
    listed: list[tuple[int, int, str]] = []
    position = start
    for hit in (h for h in hits if h[0] >= start):
        gap = text[position : hit[0]].replace("(", " ").replace(")", " ")
        if not _LIST_GAP.fullmatch(gap):
            break
        listed.append(hit)
        position = hit[1]
    return listed


def _organizer(
    document: Document, resolver: Resolver, hits: list[tuple[int, int, str]]
) -> Found | None:
    """The organizer an "organized by" phrase in the opening names (see the module's rule 2)."""
    text = document.text
    for cue in _ORGANIZED_BY.finditer(text, 0, min(len(text), _ORGANIZER_OPENING)):
        listed = _organizers(text, cue.end(), hits)
        if not listed:
            unknown = _UNKNOWN_NAME.match(text, cue.end())
            if unknown is None or len(unknown.group("name")) < 3:
                continue
            if not _ORGANIZE.search(cue.group(0)):
                continue
            start, end = unknown.span("name")
            return PartyRef(name=unknown.group("name")), Evidence(
                start, end, "reporter.organizer_unresolved"
            )
        codes = list(dict.fromkeys(code for _, _, code in listed))
        names = [(s, e) for s, e, _ in hits]
        own = [c for c in codes if _calls_itself(text[:_OPENING], c, resolver, names)]
        code = (own or codes)[0]
        start, end, _ = next(h for h in listed if h[2] == code)
        method = "reporter.organizer_self" if own else "reporter.organizer"
        return _found(document, start, end, code, resolver, method)
    return None


def _same_as_before(text: str, hits: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a hit only repeats the one before it as its acronym: "World ... (WIPO)"."""
    if index == 0 or hits[index - 1][2] != hits[index][2]:
        return False
    return text[hits[index - 1][1] : hits[index][0]].strip() in ("(", "")


def from_body(document: Document, resolver: Resolver) -> Found | None:
    """The reporting party the body names, with its evidence; None when it names none. A
    party kept by name only (an organizer the alias table does not know) has no code."""
    found = _site_name(document, resolver)
    if found is not None:
        return found
    text = document.text[:_OPENING]
    hits = resolver.find_in_text(text)
    found = _organizer(document, resolver, hits)
    if found is not None:
        return found
    for start, end, code in hits:
        subject = _SUBJECT_START.search(text, max(0, start - 12), start) is not None
        if subject and _SUBJECT_VERB.match(text, end):
            return _found(document, start, end, code, resolver, "reporter.subject")
    for start, end, code in hits:
        if _POSSESSIVE.match(text, end):
            return _found(document, start, end, code, resolver, "reporter.possessive")
    organisations = Counter(
        code
        for index, (start, _, code) in enumerate(hits)
        if resolver.get(code).category in _ORGANISATIONS and not _same_as_before(text, hits, index)
    )
    if organisations:
        code, count = organisations.most_common(1)[0]
        if count >= _NAMED_OFTEN:
            start, end, _ = next(h for h in hits if h[2] == code)
            return _found(document, start, end, code, resolver, "reporter.most_named")
    return None
