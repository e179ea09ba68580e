"""Standing programme offers: a sentence that offers programmes, then a list of them.

"GIPA provides in-person and virtual programmes ... such as:" followed by list items
"Patent Programmes: ..." gives one offer per item, provided by the party the sentence names
first. Offers are available on request; they are not dated activities.
"""

from __future__ import annotations

import re

from ipcoop.ingest.document import Block, BlockType, Document
from ipcoop.ingest.normalize import taxonomy
from ipcoop.ingest.records import Evidence, ExtractedProgramme, PartyRef
from ipcoop.parties.resolver import Resolver

METHOD = "offers.list"
INTRODUCES = re.compile(
    r"\b(?:offers?|provides?|delivers?|available on request)\b.*\b(?:programmes?|programs?|"
    r"courses?)\b.*:\s*$",
    re.IGNORECASE,
)
NAMED = re.compile(r"^([^:]{3,80}):\s+(.+)$", re.DOTALL)


def _title(text: str) -> str:
    """An item's name: before its colon, else its first clause."""
    match = NAMED.match(text)
    if match:
        return match.group(1).strip()
    return re.split(r"[,;.(]|\s[-–]\s", text, maxsplit=1)[0].strip()


def _provider(block: Block, resolver: Resolver) -> tuple[PartyRef, Evidence] | None:
    """The party the introducing sentence names first, with where it is named."""
    named = resolver.find_in_text(block.text)
    if not named:
        return None
    start, end, code = named[0]
    ref = PartyRef(block.text[start:end], code)
    return ref, Evidence(block.start + start, block.start + end, METHOD)


def extract(document: Document) -> list[ExtractedProgramme]:
    """Every offer listed after a sentence that introduces offers."""
    resolver = Resolver.default()
    offers: list[ExtractedProgramme] = []
    provider: tuple[PartyRef, Evidence] | None = None
    listing = False
    for block in document.blocks:
        if block.text.rstrip().endswith(":") and INTRODUCES.search(block.text):
            provider = _provider(block, resolver)
            listing = True
            continue
        if not listing or block.block_type is not BlockType.LIST_ITEM:
            listing = False
            continue
        title = _title(block.text)
        if not title:
            continue
        offer = ExtractedProgramme(
            title=title,
            description=block.text.strip(),
            provider=provider[0] if provider else None,
            topics=list(dict.fromkeys(t.code for t in taxonomy.tag_topics(block.text))),
        )
        title_start = block.start + block.text.find(title)
        offer.evidence["title"] = [Evidence(title_start, title_start + len(title), METHOD)]
        offer.evidence["description"] = [Evidence(block.start, block.end, METHOD)]
        if provider is not None:
            offer.evidence["provider"] = [provider[1]]
        offers.append(offer)
    return offers
