"""Programme offers, instruments, platforms and bodies: lists, one record with the parties,
documents and activities around it, and what a party holds of them."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ipcoop.activities.service import item
from ipcoop.parties import display_name
from ipcoop.parties.resolver import Resolver
from ipcoop.programmes.mentions import cited, mentions
from ipcoop.programmes.models import Instrument, ProgrammeOffer
from ipcoop.reports.models import Report
from ipcoop.reports.service import summary
from ipcoop.search import filters as search_filters
from ipcoop.search.filters import FilterError
from ipcoop.vocabularies import InstrumentForm

# an instrument's form -> the section it is shown in
SECTIONS: dict[str, str] = {InstrumentForm.PLATFORM: "platforms", InstrumentForm.BODY: "bodies"}
# the forms each section lists
FORMS: dict[str, tuple[str, ...]] = {
    "instruments": tuple(f for f in InstrumentForm if f not in SECTIONS),
    **{name: (form,) for form, name in SECTIONS.items()},
}
# what a leading body runs in the document that names it; signed instruments have signatories
LED_FORMS = ("platform", "body", "action_plan", "guidelines")
LED_BY = re.compile(
    r"\b(?:spearheaded|led|coordinated|steered|overseen|driven)\s+by\s+(?:the\s+)?", re.I
)


def section(form: str) -> str:
    """ "platforms", "bodies" or "instruments": where an instrument of this form is listed."""
    return SECTIONS.get(form, "instruments")


@dataclass(frozen=True, slots=True)
class ListFilters:
    """Narrowing a list of programmes or instruments: party, form, report, words, provenance."""

    party: tuple[str, ...] = ()
    form: tuple[str, ...] = ()
    report_id: int | None = None
    q: str = ""
    generated: str = "exclude"


def list_filters(
    *,
    section_name: str,
    party: list[str] | None = None,
    form: list[str] | None = None,
    report_id: int | None = None,
    q: str | None = None,
    generated: str | None = None,
) -> ListFilters:
    """Validated list filters; FilterError (a 422) names an unknown value."""
    allowed = FORMS.get(section_name, ())
    value = (generated or "").strip() or "exclude"
    if value not in ("exclude", "include", "only"):
        raise FilterError("generated", value, "one of exclude, include, only")
    return ListFilters(
        party=search_filters.party_codes("party", party or []),
        form=search_filters.vocabulary("form", form or [], allowed) if allowed else (),
        report_id=report_id,
        q=(q or "").strip(),
        generated=value,
    )


Model = type[ProgrammeOffer] | type[Instrument]


def _narrowed(model: Model, filters: ListFilters) -> Select[Any]:
    query: Select[Any] = select(model).join(Report, Report.id == model.report_id)
    if filters.report_id is not None:
        query = query.where(Report.id == filters.report_id)
    if filters.q:
        words = filters.q.casefold()
        query = query.where(func.lower(model.title).contains(words, autoescape=True))
    if filters.generated != "include":
        query = query.where(Report.generated if filters.generated == "only" else ~Report.generated)
    return query


def _wanted(filters: ListFilters) -> set[str]:
    resolver = Resolver.default()
    return {d for code in filters.party for d in resolver.descendants(code)}


# --- programme offers ------------------------------------------------------------------------


def list_programmes(session: Session, filters: ListFilters) -> list[ProgrammeOffer]:
    """Programme offers matching the filters, by report then in document order."""
    query = _narrowed(ProgrammeOffer, filters)
    if filters.party:
        codes = _wanted(filters)
        query = query.where(
            ProgrammeOffer.provider_code.in_(sorted(codes))
            | Report.reporting_party_code.in_(sorted(codes))
        )
    return list(session.scalars(query.order_by(Report.id, ProgrammeOffer.id)))


def get_programme(session: Session, programme_id: int) -> ProgrammeOffer | None:
    """The programme offer with this id, or None."""
    return session.get(ProgrammeOffer, programme_id)


def _party(code: str | None, name: str | None, role: str) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "name": display_name(code, fallback=name), "role": role}
    if code:
        with suppress(KeyError):
            Resolver.default().get(code)
            out["url"] = f"/parties/{code}"
    return out


def programme_json(programme: ProgrammeOffer) -> dict[str, Any]:
    """A programme offer's record."""
    return {
        "id": programme.id,
        "url": f"/programmes/{programme.id}",
        "title": programme.title,
        "description": programme.description,
        "provider": _party(programme.provider_code, programme.provider_name, "provider")
        if programme.provider_code or programme.provider_name
        else None,
        "topics": programme.topics,
        "report_id": programme.report_id,
    }


# --- instruments, platforms, bodies ----------------------------------------------------------


def list_instruments(session: Session, section_name: str, filters: ListFilters) -> list[Instrument]:
    """Instruments of one section ("instruments", "platforms", "bodies") matching the filters."""
    query = _narrowed(Instrument, filters)
    query = query.where(Instrument.form.in_(filters.form or FORMS[section_name]))
    rows = list(session.scalars(query.order_by(Report.id, Instrument.id)))
    if not filters.party:
        return rows
    codes = _wanted(filters)
    return [i for i in rows if codes & {p["code"] for p in parties(session, i)}]


def get_instrument(session: Session, instrument_id: int) -> Instrument | None:
    """The instrument (platform, body ...) with this id, or None."""
    return session.get(Instrument, instrument_id)


def lead_body(session: Session, report: Report) -> Instrument | None:
    """The body a document says leads its work ("spearheaded by the AWGIPC"), or None; read
    once per report in a session (a list asks it for every record of the same report)."""
    known: dict[int, Instrument | None] = session.info.setdefault("lead_bodies", {})
    if report.id not in known:
        known[report.id] = _lead_body(session, report)
    return known[report.id]


def _lead_body(session: Session, report: Report) -> Instrument | None:
    bodies = list(
        session.scalars(
            select(Instrument).where(Instrument.report_id == report.id, Instrument.form == "body")
        )
    )
    for match in LED_BY.finditer(report.text):
        following = report.text[match.end() : match.end() + 300]
        for body in bodies:
            if following.startswith(body.title) or following.startswith(body.title.split(" (")[0]):
                return body
    return None


def parties(session: Session, instrument: Instrument) -> list[dict[str, Any]]:
    """Who is around it: the parties it names ("party"), the body leading the work of the
    document it is named in ("lead"), and the party whose document names it ("reporter")."""
    out = [_party(p.get("code"), p.get("name"), "party") for p in instrument.parties]
    report = session.get(Report, instrument.report_id)
    if report is None:
        return out
    if instrument.form in LED_FORMS:
        lead = lead_body(session, report)
        if lead is not None and lead.id != instrument.id:
            out += [_party(p.get("code"), p.get("name"), "lead") for p in lead.parties]
    if report.reporting_party_code or report.reporting_party_name:
        out.append(_party(report.reporting_party_code, report.reporting_party_name, "reporter"))
    seen: set[str] = set()
    unique = []
    for p in out:  # each party once, in its first (closest) role
        key = p["code"] or p["name"]
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def instrument_json(session: Session, instrument: Instrument) -> dict[str, Any]:
    """An instrument's record with the parties around it."""
    return {
        "id": instrument.id,
        "url": f"/{section(instrument.form)}/{instrument.id}",
        "form": instrument.form,
        "title": instrument.title,
        "date": instrument.date,
        "place": instrument.place,
        "areas": instrument.areas,
        "parties": parties(session, instrument),
        "report_id": instrument.report_id,
    }


def siblings(session: Session, record: Instrument | ProgrammeOffer) -> list[Instrument]:
    """The other instruments, platforms and bodies named in the same document."""
    query = select(Instrument).where(Instrument.report_id == record.report_id)
    if isinstance(record, Instrument):
        query = query.where(Instrument.id != record.id)
    return list(session.scalars(query.order_by(Instrument.id)))


def detail(session: Session, record: Instrument | ProgrammeOffer) -> dict[str, Any]:
    """One record with its document, the passages naming it, the activities that built or used
    it (with the passage in each), and what else its document names."""
    report = session.get(Report, record.report_id)
    data = (
        instrument_json(session, record)
        if isinstance(record, Instrument)
        else programme_json(record)
    )
    record_type = "instrument" if isinstance(record, Instrument) else "programme"
    cited_spans = cited(session, record_type, record.id)
    found = mentions(session, record.report_id, record.title, cited_spans)
    data["report"] = summary(report) if report else None
    data["passages"] = [p.as_json() for p in found["passages"]]
    data["activities"] = [
        {**item(a), "evidence": [p.as_json() for p in ps]} for a, ps in found["activities"]
    ]
    data["named_with"] = [
        {
            "id": i.id,
            "form": i.form,
            "title": i.title,
            "date": i.date,
            "url": f"/{section(i.form)}/{i.id}",
        }
        for i in siblings(session, record)
    ]
    return data


def section_records(session: Session, name: str, filters: ListFilters) -> list[dict[str, Any]]:
    """The records of one section ("programmes", "instruments", "platforms", "bodies")
    matching the filters, as JSON."""
    if name == "programmes":
        return [programme_json(p) for p in list_programmes(session, filters)]
    return [instrument_json(session, i) for i in list_instruments(session, name, filters)]


def _collect(session: Session, filters: ListFilters) -> dict[str, list[Any]]:
    return {
        name: section_records(session, name, filters)
        for name in ("programmes", "instruments", "platforms", "bodies")
    }


def holdings(session: Session, code: str, generated: str = "exclude") -> dict[str, list[Any]]:
    """What a party (or a body under it) offers, signs, runs or names: programmes,
    instruments, platforms and bodies, as records for its page."""
    return _collect(session, ListFilters(party=(code,), generated=generated))


def named_in(session: Session, report_id: int) -> dict[str, list[Any]]:
    """The programmes, instruments, platforms and bodies one report names."""
    return _collect(session, ListFilters(report_id=report_id, generated="include"))
