"""Standing programme offers: a sentence that offers programmes, then a list of them.

"GIPA provides in-person and virtual programmes ... such as:" followed by list items
"Patent Programmes: ..." gives one offer per item, provided by the party the sentence names
first. Offers are available on request; they are not dated activities.
"""

from __future__ import annotations

import re

from ipcoop.ingest.document import BlockKind, Document
from ipcoop.ingest.normalize import taxonomy
from ipcoop.ingest.records import Evidence, ExtractedProgramme, PartyRef
from ipcoop.parties.resolver import Resolver

METHOD = "offers.list"
INTRODUCES = re.compile(
    r"\b(?:offers?|provides?|delivers?|available on request)\b.*\b(?:programmes?|programs?|"
    r"courses?)\b.*:\s*$",
    re.IGNORECASE,
)
NAMED = re.compile(r"^([^:]{3,80}):\s+(.+)$")


def extract(document: Document) -> list[ExtractedProgramme]:
    """Every offer listed after a sentence that introduces offers."""
    resolver = Resolver.default()
    offers: list[ExtractedProgramme] = []
    provider: PartyRef | None = None
    listing = False
    for block in document.blocks:
        if INTRODUCES.search(block.text):
            named = resolver.find_in_text(block.text)
            provider = (
                PartyRef(block.text[named[0][0] : named[0][1]], named[0][2]) if named else None
            )
            listing = True
            continue
        if not listing or block.kind is not BlockKind.LIST_ITEM:
            listing = False
            continue
        match = NAMED.match(block.text)
        title = match.group(1) if match else block.text.split(",")[0].strip(" .;")
        offer = ExtractedProgramme(
            title=title,
            description=block.text,
            provider=provider,
            topics=[t.code for t in taxonomy.tag_topics(block.text)],
        )
        offer.evidence["title"] = [Evidence(block.start, block.start + len(title), METHOD)]
        offer.evidence["description"] = [Evidence(block.start, block.end, METHOD)]
        offers.append(offer)
    return offers
