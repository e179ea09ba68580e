"""One normalizer for every extractor: a raw activity becomes a typed, evidenced record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.normalize import dates, labelled, participants, places, taxonomy
from ipcoop.ingest.normalize.parties import resolve_list
from ipcoop.ingest.records import Evidence, ExtractedActivity, PartyRef

# readers whose description (a paragraph, a sentence) may tell of other events too
PROSE_METHODS = ("narrative", "event_frame", "list_entry")


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report says that every activity in it inherits."""

    reporting_party: PartyRef | None = None
    review_threshold: float = 0.7


def _cite(
    activity: ExtractedActivity,
    name: str,
    span: Span,
    method: str,
    offset: int = 0,
    end: int | None = None,
) -> None:
    start = span.start + offset
    activity.cite(name, Evidence(start, span.start + end if end is not None else span.end, method))


def _dates(activity: ExtractedActivity, raw: RawActivity, warnings: list[str]) -> None:
    span = raw.fields.get("dates")
    if span is not None and span.text.strip():
        try:
            found = dates.parse_range(span.text)
        except dates.DateError as error:
            warnings.append(f"{activity.title!r}: {error}")
            activity.review_reasons.append(f"date not understood: {span.text.strip()!r}")
            return
        activity.start, activity.end = found.start, found.end
        _cite(activity, "start_date", span, f"{raw.method}.label")
        return
    description = raw.fields.get("description")
    if description is None:
        return
    hits = dates.find_dates(description.text)
    if hits:
        start, end, found = hits[0]
        activity.start, activity.end = found.start, found.end
        _cite(activity, "start_date", description, "description.date", start, end)


def _sources(raw: RawActivity, own: str) -> Iterator[tuple[str, Span]]:
    """Where to look for a value, by field name: its own field, then the description — except
    for prose, whose description sentence may tell of other events too."""
    for name in (own,) if raw.method in PROSE_METHODS else (own, "description"):
        span = raw.fields.get(name)
        if span is not None:
            yield name, span


def _place(activity: ExtractedActivity, raw: RawActivity) -> None:
    for name, span in _sources(raw, "place"):
        hits = places.find_places(span.text)
        if hits:
            start, end, _gazetteer_name, country = hits[0]
            # the city as the document spells it ("Iguazú", not the gazetteer's "Puerto Iguazú")
            words = re.split(r",|\s\(", span.text[start:end], maxsplit=1)[0].strip()
            activity.city, activity.country = words, country
            _cite(activity, "location", span, f"{name}.place", start, end)
            return


def _participants(activity: ExtractedActivity, raw: RawActivity) -> None:
    for name, span in _sources(raw, "participants"):
        hits = participants.find_participants(span.text)
        if hits:
            start, end, count = hits[0]
            activity.participants = count
            _cite(activity, "participants", span, f"{name}.participants", start, end)
            return


def _tags(activity: ExtractedActivity, raw: RawActivity) -> None:
    title = raw.fields["title"]
    type_tag = taxonomy.classify_type(title.text)
    if type_tag is not None:
        activity.type = type_tag.code
        _cite(activity, "type", title, "title.type", type_tag.start, type_tag.end)
    seen_topics: set[str] = set()
    seen_audience: set[str] = set()
    for name in ("title", "description", "audience", "outputs"):
        span = raw.fields.get(name)
        if span is None:
            continue
        if activity.type is None and name == "description":
            type_tag = taxonomy.classify_type("", span.text)
            if type_tag is not None:
                activity.type = type_tag.code
                _cite(activity, "type", span, "description.type", type_tag.start, type_tag.end)
        for tag in taxonomy.tag_topics(span.text):
            if tag.code not in seen_topics:
                seen_topics.add(tag.code)
                activity.topics.append(tag.code)
                _cite(activity, f"topics.{tag.code}", span, f"{name}.keyword", tag.start, tag.end)
        if name in ("description", "audience", "title"):
            for tag in taxonomy.tag_audiences(span.text):
                if tag.code not in seen_audience:
                    seen_audience.add(tag.code)
                    activity.audience.append(tag.code)
                    _cite(
                        activity,
                        f"audience.{tag.code}",
                        span,
                        f"{name}.keyword",
                        tag.start,
                        tag.end,
                    )
        if activity.modality is None and name in ("title", "description"):
            modality = taxonomy.detect_modality(span.text)
            if modality is not None:
                activity.modality = modality.code
                _cite(activity, "modality", span, f"{name}.keyword", modality.start, modality.end)


def _parties(activity: ExtractedActivity, raw: RawActivity, context: ReportContext) -> None:
    on = activity.start.first_day if activity.start else None
    span = raw.fields.get("beneficiaries")
    if span is not None:
        activity.beneficiaries = resolve_list(span.text, on=on)
        _cite(activity, "beneficiaries", span, f"{raw.method}.label")
    span = raw.fields.get("providers")
    if span is not None and span.text.strip():
        activity.providers = resolve_list(span.text, on=on)
        _cite(activity, "providers", span, f"{raw.method}.label")
    elif context.reporting_party is not None:
        activity.providers = [context.reporting_party]
        activity.cite("providers", Evidence(raw.start, raw.start, "report.reporting_party"))
    for ref in activity.beneficiaries + activity.providers:
        if not ref.resolved:
            activity.review_reasons.append(f"unknown party name kept unresolved: {ref.name!r}")


def _confidence(activity: ExtractedActivity, raw: RawActivity) -> float:
    score = 1.0
    if activity.start is None:
        score -= 0.3
        activity.review_reasons.append("no date found")
    if raw.method == "annex" and not activity.beneficiaries:
        score -= 0.2
        activity.review_reasons.append("no beneficiary named")
    score -= 0.15 * sum("unresolved" in r or "not understood" in r for r in activity.review_reasons)
    if raw.method in PROSE_METHODS:
        score -= 0.1
    score -= labelled.confidence_penalty(activity)
    return round(max(score, 0.0), 2)


def normalize(raw: RawActivity, context: ReportContext, warnings: list[str]) -> ExtractedActivity:
    """Parse, resolve and tag one raw activity; every value keeps its evidence."""
    title = raw.fields["title"]
    activity = ExtractedActivity(title=" ".join(title.text.split()))
    _cite(activity, "title", title, f"{raw.method}.label")
    for name in ("description", "outputs", "website", "contact"):
        span = raw.fields.get(name)
        if span is not None and span.text.strip():
            setattr(
                activity,
                name,
                span.text.strip().rstrip(" .")
                if name in ("website", "contact")
                else span.text.strip(),
            )
            _cite(activity, name, span, f"{raw.method}.label")
    _dates(activity, raw, warnings)
    _parties(activity, raw, context)
    _place(activity, raw)
    labelled.apply(activity, raw)
    _participants(activity, raw)
    _tags(activity, raw)
    activity.confidence = _confidence(activity, raw)
    if activity.confidence < context.review_threshold and not activity.review_reasons:
        activity.review_reasons.append("low confidence")
    return activity
