"""What extractors hand to the normalizers: raw field texts with their spans."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of Document.text: the words and where they are."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class RawActivity:
    """One activity as an extractor found it, before any value is parsed.

    Field names: title, dates, beneficiaries, description, audience, providers, outputs,
    website, contact, place, participants, type.
    """

    method: str  # the extractor that found it: "annex", "list_table", "narrative"
    fields: dict[str, Span] = field(default_factory=dict)
    start: int = 0
    end: int = 0

    def get(self, name: str) -> str:
        """The text of a field, or '' when absent."""
        span = self.fields.get(name)
        return span.text.strip() if span else ""
