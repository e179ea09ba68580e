"""Words for people in place of stored codes: facet and field names, report kinds, date
precision, extraction methods, confidence, taxonomy labels and party names, in the page's
language.

The English words are the message ids of the catalogs. ``N_`` marks them for ``pybabel
extract`` without translating; ``extract_terms`` (named in babel.cfg) gives the extractor the
taxonomy's labels from ``ipcoop.vocabularies.terms``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from babel.numbers import format_decimal
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from ipcoop import vocabularies
from ipcoop.parties import display_name
from ipcoop.web.i18n import DEFAULT, gettext, language_of


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


FACETS = {
    "beneficiary": N_("Beneficiary"),
    "group": N_("Beneficiary group"),
    "provider": N_("Provider"),
    "reporter": N_("Reporting party"),
    "year": N_("Year"),
    "topic": N_("Topic"),
    "type": N_("Type of activity"),
    "audience": N_("Audience"),
    "modality": N_("Modality"),
    "kind": N_("Kind of document"),
    "year_from": N_("From year"),
    "year_to": N_("To year"),
    "report_id": N_("Report"),
    "needs_review": N_("Marked for review"),
    "q": N_("Words"),
}

REPORT_KINDS = {
    "art67_report": N_("TRIPS Article 67 report"),
    "art66_2_report": N_("TRIPS Article 66.2 report"),
    "regional_page": N_("Regional page"),
    "cooperation_instrument": N_("Cooperation instrument"),
    "other": N_("Other document"),
}

# where a report stands in the workflow (ipcoop.vocabularies.ReportState)
STATES = {
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "returned": N_("returned"),
    "published": N_("published"),
    "withdrawn": N_("withdrawn"),
    "superseded": N_("superseded"),
}

PRECISION = {
    "month": N_("day not stated"),
    "year": N_("month and day not stated"),
}

FIELDS = {
    "title": N_("Title"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "date": N_("Date"),
    "type": N_("Type of activity"),
    "modality": N_("Modality"),
    "location": N_("Place"),
    "place": N_("Place"),
    "participants": N_("Participants"),
    "description": N_("Brief description"),
    "outputs": N_("Outputs or impact"),
    "providers": N_("Providers"),
    "provider": N_("Provider"),
    "beneficiaries": N_("Beneficiaries"),
    "reporting_party": N_("Reporting party"),
    "contact": N_("Contact"),
    "website": N_("Website"),
    "period": N_("Period covered"),
    "communication_date": N_("Communication dated"),
    "circulation_date": N_("Circulated"),
    "mentions": N_("Mentions"),
    "areas": N_("Areas"),
    "topics": N_("Topic"),
    "audience": N_("Audience"),
    "city": N_("City"),
    "country": N_("Country"),
    "symbol": N_("Symbol"),
    "period_start": N_("Period from"),
    "period_end": N_("Period to"),
}

# a line of a version's diff (ipcoop.review.versions.diff): where, and the two special fields
CHANGE_WHERE = {"report": N_("Report"), "activity": N_("Activity %(n)s")}
CHANGE_FIELDS = {"added": N_("Added"), "removed": N_("Removed")}
_PARTY_FIELDS = ("beneficiaries", "providers", "country")

# a method is "<where>.<how>": the part of the document, then the way the value was read
METHOD_WHERE = {
    "annex": N_("the annex table"),
    "list_table": N_("a table of activities"),
    "narrative": N_("the narrative text"),
    "title": N_("the title"),
    "description": N_("the description"),
    "outputs": N_("the outputs"),
    "place": N_("the place field"),
    "participants": N_("the participants field"),
    "metadata": N_("the document's heading"),
    "instruments": N_("the instrument's text"),
    "offers": N_("the list of programme offers"),
}
METHOD_HOW = {
    "label": N_("Read from a labelled field"),
    "keyword": N_("Keyword found"),
    "place": N_("Place name found"),
    "participants": N_("Number of participants found"),
    "type": N_("Type of activity named"),
    "date": N_("Date found"),
    "sentence": N_("Sentence read"),
    "heading": N_("Heading read"),
    "dateline": N_("Dateline read"),
}
METHODS = {
    "report.reporting_party": N_("The reporting party (no other provider named)"),
}
METHOD_PHRASE = N_("%(how)s in %(where)s")

CONFIDENCE = ((0.85, N_("High")), (0.6, N_("Medium")), (0.0, N_("Low")))
CONFIDENCE_TITLE = N_("Confidence score %(score)s of 1")

SORTS = {
    "relevance": N_("Best match"),
    "date": N_("Newest first"),
    "-date": N_("Oldest first"),
    "title": N_("Title, A to Z"),
}

_VOCABULARIES = {
    "topic": vocabularies.TOPICS,
    "topics": vocabularies.TOPICS,
    "type": vocabularies.TYPES,
    "audience": vocabularies.AUDIENCES,
    "modality": vocabularies.MODALITIES,
}


def party_name(code: str | None, lang: str = DEFAULT) -> str:
    """A party's name in a language (``ipcoop.parties.display_name``)."""
    return display_name(code, lang)


def term(vocabulary: str, code: str | None, lang: str = DEFAULT) -> str:
    """A taxonomy term's label (topic, type, audience, modality) in a language."""
    if not code:
        return ""
    english = _VOCABULARIES.get(vocabulary, {}).get(code)
    return gettext(lang, english) if english else code.replace("_", " ")


def value(facet: str, code: str, lang: str = DEFAULT) -> str:
    """One value of a facet or filter in words."""
    if facet in ("beneficiary", "provider", "reporter", "group"):
        return party_name(code, lang)
    if facet in _VOCABULARIES:
        return term(facet, code, lang)
    if facet == "kind":
        return gettext(lang, REPORT_KINDS.get(code, code))
    if facet == "report_id":
        return f"#{code}"
    return code


def facet_name(name: str, lang: str = DEFAULT) -> str:
    """A facet's or filter's name in words."""
    return gettext(lang, FACETS.get(name) or name)


def field(name: str, lang: str = DEFAULT) -> str:
    """An evidence field in words: "topics.enforcement" is "Topic: Enforcement (...)"."""
    base, _, code = name.partition(".")
    words = gettext(lang, FIELDS.get(base, base.replace("_", " ").capitalize()))
    return f"{words}: {term(base, code, lang)}" if code else words


def method(name: str, lang: str = DEFAULT) -> str:
    """How a value was read, in words."""
    if name in METHODS:
        return gettext(lang, METHODS[name])
    where, _, how = name.partition(".")
    if how in METHOD_HOW and where in METHOD_WHERE:
        return gettext(lang, METHOD_PHRASE) % {
            "how": gettext(lang, METHOD_HOW[how]),
            "where": gettext(lang, METHOD_WHERE[where]),
        }
    return name.replace("_", " ").replace(".", ", ")


def confidence(score: float | None, lang: str = DEFAULT) -> dict[str, str]:
    """Confidence in a word, with the score for a title attribute."""
    score = 0.0 if score is None else float(score)
    word = next(w for floor, w in CONFIDENCE if score >= floor)
    return {
        "word": gettext(lang, word),
        "title": gettext(lang, CONFIDENCE_TITLE)
        % {"score": format_decimal(score, "0.00", locale=lang)},
    }


def state(code: str, lang: str = DEFAULT) -> str:
    """Where a report stands in the workflow, in words."""
    return gettext(lang, STATES.get(code, code))


def change(line: dict[str, str], lang: str = DEFAULT) -> dict[str, str]:
    """A diff line in words: "activity 2 / topics / patents, trade_secrets" becomes
    "Activity 2 / Topic / Patents, Trade secrets"; names a person typed stay as typed."""
    where, _, number = line["where"].partition(" ")
    name = line["field"]
    word: Callable[[str, str], str] | None
    if name in _VOCABULARIES:
        word = partial(term, name)
    elif name in _PARTY_FIELDS:
        word = party_name
    else:
        word = None

    def words(shown: str) -> str:
        if not shown or word is None:
            return shown
        return ", ".join(word(code, lang) for code in shown.split(", "))

    return {
        "where": gettext(lang, CHANGE_WHERE.get(where, where)) % {"n": number},
        "field": gettext(lang, CHANGE_FIELDS[name]) if name in CHANGE_FIELDS else field(name, lang),
        "before": words(line["before"]),
        "after": words(line["after"]),
    }


def _filter(function: Any) -> Any:
    @pass_context
    def bound(context: Context, first: Any, *args: Any) -> Any:
        request = context.get("request")
        lang = language_of(request) if request is not None else DEFAULT
        return function(first, *args, lang=lang)

    return bound


def install(env: Environment) -> None:
    """The label filters, each in the request's language."""
    env.filters["party_name"] = _filter(party_name)
    env.filters["term"] = _filter(lambda code, vocabulary, lang: term(vocabulary, code, lang))
    env.filters["facet_value"] = _filter(lambda code, facet, lang: value(facet, str(code), lang))
    env.filters["facet_name"] = _filter(facet_name)
    env.filters["report_kind"] = _filter(lambda code, lang: value("kind", code or "", lang))
    env.filters["field_name"] = _filter(field)
    env.filters["method_words"] = _filter(method)
    env.filters["change_words"] = _filter(change)
    env.filters["state_words"] = _filter(state)
    env.filters["confidence_words"] = _filter(confidence)
    env.filters["precision_note"] = _filter(
        lambda code, lang: gettext(lang, PRECISION[code]) if code in PRECISION else ""
    )
    env.globals["SORT_LABELS"] = SORTS


def extract_terms(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """A Babel extractor for ``vocabularies/terms.py``: each term's English label."""
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith('_t("'):
            parts = stripped.split('"')
            if len(parts) > 3:
                yield number, "gettext", parts[3], []
