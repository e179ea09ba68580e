"""Values a page states under a label, read as stated: its venue city and country, its end
date, and the labels no table knows (kept as evidence, never dropped)."""

from __future__ import annotations

from ipcoop.ingest.candidates import RawActivity, Span
from ipcoop.ingest.normalize import dates, places
from ipcoop.ingest.records import Evidence, ExtractedActivity

LABEL_PREFIX = "label:"
_TEMPLATE_READERS = frozenset({"annex"})
REVIEW_PREFIX = "review:"  # a reason the extractor gives for a person to check the record
# reasons that lower confidence below the review threshold: what a record only reports
_DOUBTFUL = ("reported in minutes", "planned", "taken from", "dated by the page")


def apply(activity: ExtractedActivity, raw: RawActivity) -> None:
    """Fill what the labelled fields give and the prose readers cannot: the city as written
    (a venue the gazetteer does not know is still the venue the page names; it is flagged; a
    venue "City, Country" gives both), the country, a separate end date, and evidence for every
    unknown label."""
    if raw.method in _TEMPLATE_READERS:  # the annex reader gives none of these
        return
    method = f"{raw.method}.label"
    city, country = raw.fields.get("city"), raw.fields.get("country")
    if country is not None and country.text.strip():
        code = places.country_code(country.text)
        if code is not None:
            activity.country = code
            activity.cite("location", Evidence(country.start, country.end, method))
        else:
            activity.review_reasons.append(f"venue country not understood: {country.text!r}")
    if city is not None and city.text.strip():  # a labelled venue outranks one read in prose
        labelled_country = country is not None and bool(country.text.strip())
        _venue(activity, city, method, labelled_country=labelled_country)
    end = raw.fields.get("end")
    if end is not None and activity.end is None and end.text.strip():
        try:
            activity.end = dates.parse_date(end.text)
            activity.cite("end_date", Evidence(end.start, end.end, method))
        except dates.DateError:
            activity.review_reasons.append(f"end date not understood: {end.text.strip()!r}")
    for name, span in raw.fields.items():
        if name.startswith(LABEL_PREFIX):
            activity.cite(name, Evidence(span.start, span.end, method))
        elif name.startswith(REVIEW_PREFIX):
            activity.review_reasons.append(name.removeprefix(REVIEW_PREFIX))


def _venue(activity: ExtractedActivity, city: Span, method: str, *, labelled_country: bool) -> None:
    """The labelled venue: its city as written and, from "City, Country", its country."""
    written, named = places.venue_parts(city.text)
    if named is not None and not labelled_country:
        activity.country = named
        activity.cite("location", Evidence(city.start, city.end, method))
    if written:
        activity.city = written
        activity.cite("location", Evidence(city.start, city.end, method))
        known = places.city_country(activity.city, hint_country=activity.country)
        if known is None:
            activity.review_reasons.append(f"venue city not in the gazetteer: {activity.city!r}")
        elif activity.country is None:
            activity.country = known


def confidence_penalty(activity: ExtractedActivity) -> float:
    """How much the extractor's own review reasons lower a record's confidence."""
    return 0.25 * sum(any(d in r for d in _DOUBTFUL) for r in activity.review_reasons)
