"""Cooperation instruments, bodies and platforms a document names.

- A document that opens with "Joint Declaration", "Memorandum of Understanding" ... is that
  instrument: its title runs to the first paragraph of the text proper; its parties are those
  the title names; its date and place come from "On <date> in <place>"; its areas are the
  short headed lines ending with a colon.
- Prose: "signed / adopted / endorsed / established the <Name>" (the name's head noun gives the
  form), "the 1995 <Name> Action Agenda", "<Name> Action Plan 2016-2025" (with the goals a later
  sentence enumerates "(i) ...; (ii) ..."), "<Name>, which was established in 1996",
  "renamed it the <Name>", "sub-committees ..., namely A, B and C".
- Platforms: a "Related Links:" list; "The <Name> is a secure communication tool"; "The <Name>
  web-based tool was introduced in 2010"; "e-learning module 'CLiCK'"; an unnamed "web-based
  platform" set up by a named initiative is called after it.
"""

from __future__ import annotations

import contextlib
import re

from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.normalize import dates, places
from ipcoop.ingest.records import Evidence, ExtractedInstrument, PartyRef
from ipcoop.parties.resolver import Resolver

# what a whole document is, by its first words
DOCUMENT_FORMS = (
    (re.compile(r"^joint declaration\b", re.I), "declaration"),
    (re.compile(r"^(?:memorandum of understanding|mou)\b", re.I), "mou"),
    (re.compile(r"^framework agreement\b", re.I), "framework_agreement"),
    (re.compile(r"^agreement\b", re.I), "agreement"),
    (re.compile(r"^action plan\b", re.I), "action_plan"),
)
# what a name is, by its head noun; the first that matches wins
HEAD_NOUNS = (
    (re.compile(r"\b(?:Memorandum of Understanding|MoU|MOU)\b"), "mou"),
    (re.compile(r"\bDeclaration\b"), "declaration"),
    (re.compile(r"\bFramework Agreement\b"), "framework_agreement"),
    (re.compile(r"\b(?:Agreement|Convention|Treaty|Protocol)\b"), "agreement"),
    (
        re.compile(
            r"\b(?:Action Plan|Action Agenda|Plan of Action|Work Plan|Work Programme|"
            r"Initiative|Strategy|Roadmap|Blueprint)\b"
        ),
        "action_plan",
    ),
    (
        re.compile(r"\b(?:Guidelines|Effective Practices|Best Practices|Principles)\b"),
        "guidelines",
    ),
    (re.compile(r"\b(?:Portal|Database|Platform|Website)\b"), "platform"),
    (
        re.compile(
            r"\b(?:Group|Committee|Task Force|Network|Council|Forum|Get-Together|Secretariat)\b"
        ),
        "body",
    ),
)
_WORD = r"(?:[a-z]?[A-Z][\w'’&-]*|\d{4}(?:\s*[-–]\s*\d{4})?)"
# A proper name: capitalised words, joined by a few lower-case connectors, with an optional
# "(ACRONYM)"; it stops at the first other lower-case word, comma or full stop. Its length is
# bounded so that a long run of capitalised words (an all-caps paragraph) stays linear to scan.
NAME = rf"{_WORD}(?:\s+(?:(?:for|on|of|and|to)\s+)?{_WORD}){{0,15}}(?:\s+\([^()]{{2,40}}\))?"
_NAME = re.compile(NAME)
VERBED = re.compile(
    r"\b(signed|adopted|endorsed|launched|established|set up|created|concluded|renamed it)"
    rf"\s+(?:(?:the|a|an|its|a series of)\s+)?(?:(\d{{4}})\s+)?({NAME})"
)
YEAR_NAMED = re.compile(rf"\bthe\s+(\d{{4}})\s+({NAME})")
ACTION_PLAN = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,4}Action Plan\s+\d{4}(?:\s*[-–]\s*\d{4})?)")
ESTABLISHED = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:on\s+|of\s+|for\s+)?){2,10}?(?:\([A-Z]{3,10}\))?),?\s+"
    r"which was established in (\d{4})"
)
SUB_BODIES = re.compile(r"namely (.+?)(?:,? to support|\.)")
GOALS = re.compile(
    r"\b(?:comprised of|comprises|consists of|composed of|sets out|contains|has)\s+(?:\w+\s+)?"
    r"(?:strategic\s+)?(?:goals|objectives|pillars|thrusts|priorities|outcomes)\b"
)
ROMAN_ITEM = re.compile(r"\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s*")
_PLATFORM_NOUN = r"(?:tool|platform|database|portal|website|module|system|application)"
IS_A = re.compile(rf"\b(?:The\s+)?({NAME})\s+is\s+an?\s+(?:[\w-]+\s+){{0,4}}?{_PLATFORM_NOUN}\b")
INTRODUCED = re.compile(
    rf"\b(?:The\s+)?({NAME})\s+(?:[\w-]+\s+){{0,2}}?{_PLATFORM_NOUN}\s+(?:was|has been)\s+"
    r"(?:introduced|launched|set up|developed|created)\b(?:\s+in\s+(\d{4}))?"
)
QUOTED = re.compile(
    r"\b(?:module|platform|database|portal|website|application)\s+"
    r"(?:entitled\s+|called\s+|named\s+)?['‘“\"]([^'’”\"]{2,60})['’”\"]"
)
UNNAMED = (
    re.compile(
        r"\b(?:set up|launched|created|developed)\s+an?\s+((?:[\w-]+\s+)?"
        r"(?:platform|website|portal|database))\b"
    ),
    re.compile(
        r"\b[Aa]n?\s+((?:[\"“]?[\w-]+[\"”]?\s+)?(?:platform|website|portal|database))\s+"
        r"(?:has|had)\s+been\s+(?:set up|launched|created|developed)"
    ),
)
# what the parties of a declaration or MoU agree to set up between them
AGREED = re.compile(
    r"\bagree(?:s|d)?\s+to\s+(?:establish|set up|create|launch)\s+an?\s+"
    rf"((?:[\w-]+\s+){{0,3}}?{_PLATFORM_NOUN})\s+between\s+(?:the\s+two\s+sides|us|them)\b"
)
OWNER = re.compile(r"\b(?:Initiative|Project|Programme|Program)\b", re.I)
LINKS = re.compile(r"^(?:related links|platforms|databases|tools)\s*:?\s*$", re.I)
AREA = re.compile(r"^[A-Z][^.:]{3,80}:$")
_SENTENCE_YEAR = re.compile(r"^\s*(?:In|By|Since)\s+((?:[A-Z][a-z]+\s+)?\d{4}),")
_AFTER_YEAR = re.compile(r"^\s+in\s+((?:[A-Z][a-z]+\s+)?\d{4})\b")
_PRONOUNS = {"this", "it", "that", "these", "those", "which", "there"}


def form_of(name: str) -> str | None:
    """The form an instrument name's head noun gives ("... Action Plan 2016-2025": action_plan)."""
    return next((form for pattern, form in HEAD_NOUNS if pattern.search(name)), None)


def _cite(item: ExtractedInstrument, name: str, start: int, end: int, method: str) -> None:
    item.evidence.setdefault(name, []).append(Evidence(start, end, method))


def _parties(text: str) -> list[PartyRef]:
    found: dict[str, PartyRef] = {}
    for start, end, code in Resolver.default().find_in_text(text):
        found.setdefault(code, PartyRef(text[start:end], code))
    return list(found.values())


def _clean(title: str) -> str:
    return re.sub(r"^(?:The|the)\s+", "", " ".join(title.split()).strip(" ,.;:'\"‘’“”"))


# --- the document's own instrument ---------------------------------------------------------


def _signing(item: ExtractedInstrument, block: Block) -> None:
    """Date and place from "On November 14, 2022 in Seoul, Republic of Korea, ..."."""
    match = re.search(r"\bOn\s+(.{4,40}?\d{4}),?\s+in\s+", block.text)
    if match is None or item.date is not None:
        return
    try:
        item.date = dates.parse_date(match.group(1))
    except dates.DateError:
        return
    _cite(item, "date", block.start + match.start(1), block.start + match.end(1), "instruments.on")
    hits = places.find_places(block.text[match.end() :])
    if hits:
        start = match.end() + hits[0][0]
        words = block.text[start:].split(",")
        item.place = ", ".join(w.strip() for w in words[:2])
        end = start + len(",".join(words[:2]))
        _cite(item, "place", block.start + start, block.start + end, "instruments.on")


def _document_instrument(document: Document) -> ExtractedInstrument | None:
    blocks = [b for b in document.blocks if b.text.strip()]
    if not blocks:
        return None
    first = blocks[0].text.strip()
    form = next((k for pattern, k in DOCUMENT_FORMS if pattern.search(first)), None)
    if form is None:
        return None
    heading: list[Block] = []
    for block in blocks:
        # the title ends where the body's first paragraph ("WE, the Heads of ...") begins
        if len(block.text) > 120 or block.text.startswith(("WE", "We ", "The Parties")):
            break
        heading.append(block)
    title = " ".join(" ".join(b.text.split()) for b in heading)
    item = ExtractedInstrument(form=form, title=title, parties=_parties(title))
    _cite(item, "title", heading[0].start, heading[-1].end, "instruments.heading")
    for block in blocks[len(heading) :]:
        if AREA.match(block.text.strip()):
            item.areas.append(block.text.strip().rstrip(":").strip())
            _cite(item, "areas", block.start, block.end, "instruments.area")
        _signing(item, block)
    item.parties = _signatories(document, item)  # KIPO, not Korea, when KIPO's heads speak
    return item


# --- instruments, bodies and platforms named in prose ----------------------------------------


def _sentence_year(text: str, start: int, end: int) -> str | None:
    """A year for a name: "in December 1995" right after it, else "In 2011," opening its
    sentence, else None."""
    after = _AFTER_YEAR.match(text[end:])
    if after:
        return after.group(1)
    stop = text.rfind(". ", 0, start)
    opening = stop + 2 if stop >= 0 else 0
    before = _SENTENCE_YEAR.match(text[opening:start])
    return before.group(1) if before else None


def _plan_base(title: str) -> tuple[str, str] | None:
    """("ASEAN IPR Action Plan", "2025") for an action plan titled with its years."""
    match = re.match(r"^(.*?)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})$", title)
    return (match.group(1).casefold(), match.group(2)) if match else None


def _goals(tail: str) -> list[tuple[int, int]]:
    """Spans (in tail) of "(i) ...; (ii) ...; and (iii) ..." up to the sentence's end."""
    marks = list(ROMAN_ITEM.finditer(tail))
    spans: list[tuple[int, int]] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(tail)
        if index + 1 == len(marks):
            stop = re.search(r"\.(?:\s|$)", tail[mark.end() :])
            end = mark.end() + stop.start() if stop else end
        piece = tail[mark.end() : end]
        trimmed = re.sub(r"[;,.]?\s*(?:and|or)?\s*$", "", piece)
        spans.append((mark.end(), mark.end() + len(trimmed)))
    return spans


class _Collector:
    """Instruments found so far, deduplicated by title, in the order they are first named."""

    def __init__(self) -> None:
        self.items: list[ExtractedInstrument] = []
        self._by_title: dict[str, ExtractedInstrument] = {}

    def find(self, title: str) -> ExtractedInstrument | None:
        """An earlier instrument of this title, or the action plan a shorter title refers to."""
        known = self._by_title.get(_clean(title).casefold())
        if known is not None:
            return known
        base = _plan_base(_clean(title))
        if base is None:
            return None
        for item in self.items:
            if item.form == "action_plan" and _plan_base(item.title) == base:
                return item
        return None

    def add(
        self,
        form: str,
        title: str,
        start: int,
        end: int,
        method: str,
        date: str | None = None,
    ) -> ExtractedInstrument | None:
        """Record an instrument (or cite another mention of a known one); None if unnamed."""
        title = _clean(title)
        if len(title) < 3 or title.split()[0].casefold() in _PRONOUNS:
            return None
        known = self.find(title)
        if known is not None:
            _cite(known, "mentions", start, end, method)
            return known
        item = ExtractedInstrument(form=form, title=title, parties=_parties(title))
        if date:
            with contextlib.suppress(dates.DateError):
                item.date = dates.parse_date(date)
        _cite(item, "title", start, end, method)
        self.items.append(item)
        self._by_title[title.casefold()] = item
        return item

    def keep(self, item: ExtractedInstrument) -> None:
        """Record an instrument found by another rule, so later mentions find it."""
        self.items.append(item)
        self._by_title[item.title.casefold()] = item

    def rename(self, item: ExtractedInstrument, title: str, start: int, end: int) -> None:
        """A body renamed: it keeps its record under the new name."""
        self._by_title.pop(item.title.casefold(), None)
        item.title = _clean(title)
        item.parties = _parties(item.title)
        self._by_title[item.title.casefold()] = item
        _cite(item, "title", start, end, "instruments.renamed")


def _add_group(
    found: _Collector,
    form: str,
    block: Block,
    match: re.Match[str],
    method: str,
    date: str | None = None,
) -> None:
    """Record the name a pattern's first group caught in a block."""
    start, end = block.start + match.start(1), block.start + match.end(1)
    found.add(form, match.group(1), start, end, method, date)


def _verbed(found: _Collector, block: Block) -> None:
    text, base = block.text, block.start
    last_body: ExtractedInstrument | None = None
    for match in VERBED.finditer(text):
        verb, name = match.group(1), match.group(3)
        start, end = match.start(3), match.end(3)
        year = _sentence_year(text, match.start(), end) or match.group(2)
        form = form_of(name)
        if verb == "renamed it":
            if last_body is not None:
                found.rename(last_body, name, base + start, base + end)
                if year:
                    with contextlib.suppress(dates.DateError):
                        last_body.date = dates.parse_date(year)
            continue
        if form is None and verb in ("established", "set up", "created") and "(" in name:
            form = "body"  # "established an Intellectual Property Rights Get-Together (IPR-GT)"
        if form is None:
            continue
        item = found.add(form, name, base + start, base + end, f"instruments.{verb}", year)
        if item is not None and item.form == "body":
            last_body = item
    for match in YEAR_NAMED.finditer(text):
        form = form_of(match.group(2))
        if form not in (None, "body", "platform"):
            found.add(
                form,
                match.group(2),
                base + match.start(2),
                base + match.end(2),
                "instruments.year_named",
                match.group(1),
            )


def _plans(found: _Collector, block: Block) -> None:
    text, base = block.text, block.start
    for match in ACTION_PLAN.finditer(text):
        _add_group(found, "action_plan", block, match, "instruments.action_plan")
    for match in GOALS.finditer(text):
        opening = text.rfind(". ", 0, match.start())
        named = list(ACTION_PLAN.finditer(text, opening + 1, match.start()))
        plan = found.find(named[-1].group(1)) if named else None
        if plan is None:
            plans = [i for i in found.items if i.form == "action_plan"]
            plan = plans[-1] if plans and "Plan" in text[opening + 1 : match.start()] else None
        if plan is None or plan.areas:
            continue
        offset = match.end()
        for start, end in _goals(text[offset:]):
            plan.areas.append(" ".join(text[offset + start : offset + end].split()))
            _cite(plan, "areas", base + offset + start, base + offset + end, "instruments.goals")


def _bodies(found: _Collector, block: Block) -> None:
    text, base = block.text, block.start
    for match in ESTABLISHED.finditer(text):
        _add_group(found, "body", block, match, "instruments.established", match.group(2))
    for match in SUB_BODIES.finditer(text):
        offset = match.start(1)
        for part in re.split(r",\s*|\s+and\s+", match.group(1)):
            name = re.sub(r"^the\s+", "", part.strip())
            if name and name[0].isupper():
                start = offset + match.group(1).find(part)
                found.add(
                    "body", name, base + start, base + start + len(part), "instruments.namely"
                )


def _owner(text: str) -> str | None:
    """The initiative or project named last in text, by its short form when it has one."""
    owners = [m.group(0) for m in _NAME.finditer(text) if OWNER.search(m.group(0))]
    if not owners:
        return None
    short = re.search(r"\(([^()]+)\)\s*$", owners[-1])
    return short.group(1) if short else re.sub(r"^(?:The|the)\s+", "", owners[-1])


def _platforms(found: _Collector, block: Block) -> None:
    text, base = block.text, block.start
    for pattern in (IS_A, INTRODUCED):
        for match in pattern.finditer(text):
            date = match.group(2) if pattern is INTRODUCED else None
            _add_group(found, "platform", block, match, "instruments.platform", date)
    for match in QUOTED.finditer(text):
        _add_group(found, "platform", block, match, "instruments.platform")
    for pattern in UNNAMED:
        for match in pattern.finditer(text):
            owner = _owner(text[: match.start()])
            if owner is not None:
                what = re.sub(r"[\"“”]", "", match.group(1))
                found.add(
                    "platform",
                    f"{owner} {what}",
                    base + match.start(1),
                    base + match.end(1),
                    "instruments.platform",
                )


def _named_in_prose(document: Document, found: _Collector) -> None:
    listing = False
    for block in document.blocks:
        text = block.text
        if LINKS.match(text.strip()):
            listing = True
            continue
        if listing and block.block_type is BlockType.LIST_ITEM and not text.rstrip().endswith(":"):
            found.add("platform", text, block.start, block.end, "instruments.links")
            continue
        listing = False
        if block.block_type is BlockType.ROW:
            continue  # tables are activity records, not prose
        _verbed(found, block)
        _plans(found, block)
        _bodies(found, block)
        _platforms(found, block)


def _signatories(document: Document, own: ExtractedInstrument) -> list[PartyRef]:
    """Who speaks in the instrument's opening paragraph ("WE, the Heads of the Korean
    Intellectual Property Office (KIPO) ... and the IP Offices of ASEAN"): an office in
    place of the economy it belongs to; the title's parties when the paragraph names none."""
    resolver = Resolver.default()
    opening = next((b for b in document.blocks if b.text.startswith(("WE", "We "))), None)
    named = _parties(opening.text) if opening is not None else []
    if not named:
        return own.parties
    parents = {resolver.get(p.code).parent for p in named if p.code}
    return [p for p in named if p.code not in parents]


def _agreed(document: Document, own: ExtractedInstrument, found: _Collector) -> None:
    """A platform the parties agree to set up between them ("agree to establish a regular
    communication platform between the two sides"): named after its parties, dated and placed
    as the instrument agreeing it."""
    for block in document.blocks:
        for match in AGREED.finditer(block.text):
            parties = own.parties
            sides = "–".join(p.code or p.name for p in parties)
            what = " ".join(match.group(1).split())
            item = found.add(
                "platform",
                f"{sides} {what}",
                block.start + match.start(1),
                block.start + match.end(1),
                "instruments.agreed",
            )
            if item is not None:
                item.parties = list(parties)
                item.date, item.place = own.date, own.place


def extract(document: Document) -> list[ExtractedInstrument]:
    """The document's own instrument, if it is one, then those its prose names."""
    own = _document_instrument(document)
    found = _Collector()
    if own is not None:
        found.keep(own)
    _named_in_prose(document, found)
    if own is not None:
        _agreed(document, own, found)
    return found.items
