"""Prose readers together: the narrative reader first, then the event frames it did not find.

The narrative reader was shaped on English annex prose and the seeds; the event-frame reader
reads the same sentences in English, French and Spanish with more constructs. Where both read
an event at the same date phrase, the narrative reader's record is kept (one record per
event), under the frame reader's rules: a date that is no event's (a deadline, a term of
office, a publication date) gives nothing, a counted plural ("five national workshops") is a
series and gives nothing, minutes' events are flagged, and titles read as titles.
"""

from __future__ import annotations

from ipcoop.ingest.candidates import RawActivity
from ipcoop.ingest.document import Document
from ipcoop.ingest.extractors import event_frames, narrative


def extract(document: Document) -> list[RawActivity]:
    """Narrative events, then event frames at date phrases the narrative reader did not use."""
    minutes = event_frames.is_minutes(document)
    found = [raw for raw in narrative.extract(document) if event_frames.admits(raw, minutes)]
    taken = [
        (raw.fields["dates"].start, raw.fields["dates"].end)
        for raw in found
        if "dates" in raw.fields
    ]
    return found + event_frames.extract(document, taken)
