"""Pages of the submission workflow: sign in, a reporter's drafts with a form per activity
beside its evidence, upload, submit; the curators' queue, return, publish, withdraw, audit.

Every form is a plain POST with a CSRF token and works without JavaScript; each success
redirects (303) to the page to see next. The service layer decides every permission.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from ipcoop import vocabularies
from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import ActivityCreate, ActivityTagsUpdate, ActivityUpdate
from ipcoop.activities.service import evidence, item, related
from ipcoop.dependencies import DbSession
from ipcoop.ingest.pipeline import IngestError
from ipcoop.parameters import RowId
from ipcoop.reports.models import Report
from ipcoop.reports.service import summary
from ipcoop.review import accounts, audit, curation, service, versions
from ipcoop.review.activities import TAG_VOCABULARIES, FieldProblem, Invalid, tags_of, values_of
from ipcoop.review.api import AuditedReport, audit_csv_response, extract_upload
from ipcoop.review.auth import (
    CSRF_COOKIE,
    SAME_SITE_FORM,
    SESSION_COOKIE,
    PageActor,
    check_csrf,
    csrf_token,
    ensure_csrf_cookie,
    sign,
    unsign,
)
from ipcoop.review.permissions import Action, Actor, allowed
from ipcoop.review.schemas import ReportCreate, ReportUpdate, Transition

router = APIRouter(include_in_schema=False)
T = TypeVar("T")

# where each form field's words are in the source (ipcoop.ingest.normalize.activity cites them)
EVIDENCE_OF = {
    "title": "title",
    "start_date": "start_date",
    "end_date": "start_date",
    "beneficiaries": "beneficiaries",
    "providers": "providers",
    "type": "type",
    "modality": "modality",
    "city": "location",
    "country": "location",
    "participants": "participants",
    "description": "description",
    "outputs": "outputs",
    "website": "website",
    "contact": "contact",
}
LIST_FIELDS = ("beneficiaries", "providers", "topics", "audience")
# tags chosen from a list: the form says it showed them, so none ticked means none
TAGS_SHOWN = "tags_shown"
# the same activity reported by another party: at most this many suggestions per activity
SUGGESTIONS = 5


CONTEXT_CHARACTERS = 45


def words_before(text: str) -> str:
    """The last few whole words before an excerpt (an ellipsis when cut)."""
    tail = " ".join(text[-CONTEXT_CHARACTERS:].split())
    if len(text) > CONTEXT_CHARACTERS and " " in tail:
        tail = "… " + tail.split(" ", 1)[1]
    return tail + (" " if text[-1:].isspace() else "")


def words_after(text: str) -> str:
    """The first few whole words after an excerpt (an ellipsis when cut)."""
    head = " ".join(text[:CONTEXT_CHARACTERS].split())
    if len(text) > CONTEXT_CHARACTERS and " " in head:
        head = head.rsplit(" ", 1)[0] + " …"
    return (" " if text[:1].isspace() else "") + head


def _render(
    request: Request, session: Session, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    context = {**context, "csrf_token": csrf_token(request, session)}
    filters = request.app.state.templates.env.filters
    filters.setdefault("words_before", words_before)
    filters.setdefault("words_after", words_after)
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, context, status_code=status
    )
    return response


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _signed_in(actor: Actor) -> None:
    if actor.anonymous:
        raise HTTPException(404, "sign in to see this page")


# -- sign in ---------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, session: DbSession, next: str = "/review") -> HTMLResponse:
    """The sign-in form."""
    fresh = ensure_csrf_cookie(request)
    response = _render(request, session, "review_login.html", {"next": _local(next)})
    if fresh:
        response.set_cookie(CSRF_COOKIE, sign(fresh), httponly=True, samesite="lax")
    return response


def _local(url: str) -> str:
    """Only a path on this site (no open redirect)."""
    return url if url.startswith("/") and not url.startswith("//") else "/review"


@router.post("/login", response_model=None, dependencies=SAME_SITE_FORM)
def login(
    request: Request,
    session: DbSession,
    email: str = Form(""),
    password: str = Form(""),
    next: str = Form("/review"),
) -> Response:
    """Check the password (throttled) and open a session."""
    address = request.client.host if request.client else None
    try:
        account = accounts.sign_in(session, email, password, address)
    except accounts.Throttled as error:
        return _render(
            request,
            session,
            "review_login.html",
            {"next": _local(next), "error": str(error), "email": email},
            status=429,
        )
    if account is None:
        session.commit()  # the failure counts, whatever happens next
        return _render(
            request,
            session,
            "review_login.html",
            {"next": _local(next), "error": "wrong email or password", "email": email},
            status=401,
        )
    opened = accounts.open_session(session, account)
    response = _see(_local(next))
    response.set_cookie(
        SESSION_COOKIE,
        sign(opened.key),
        httponly=True,
        samesite="lax",
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
    )
    response.delete_cookie(CSRF_COOKIE)
    return response


@router.post("/logout", dependencies=SAME_SITE_FORM)
def logout(
    request: Request,
    session: DbSession,
) -> RedirectResponse:
    """End the session."""
    key = unsign(request.cookies.get(SESSION_COOKIE))
    if key:
        accounts.close_session(session, key)
    response = _see("/")
    response.delete_cookie(SESSION_COOKIE)
    return response


# -- lists -----------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse, response_model=None)
def home(request: Request, actor: PageActor, session: DbSession) -> Response:
    """A reporter's reports in progress (and a form for a new one); the curators' queue."""
    if actor.anonymous:
        return _see("/login?next=/review")
    return _render(
        request,
        session,
        "review_home.html",
        {
            "actor": actor,
            "reports": [
                summary(r) | {"state": r.state} for r in service.reports_for(session, actor)
            ],
            "queue": [summary(r) for r in service.queue(session, actor)] if actor.curator else [],
        },
    )


@router.post("/review/reports", response_model=None, dependencies=SAME_SITE_FORM)
def create(
    actor: PageActor,
    session: DbSession,
    party: str = Form(""),
    title: str = Form(""),
    period_start: str = Form(""),
    period_end: str = Form(""),
) -> Response:
    """Start a draft."""
    _signed_in(actor)
    try:
        body = ReportCreate(
            party=party or None,
            title=title or None,
            period_start=period_start or None,
            period_end=period_end or None,
        )
    except ValidationError as error:
        problems = "; ".join(f"{p.field}: {p.message}" for p in _problems_of(error))
        raise HTTPException(422, problems) from None
    report = service.create_report(session, actor, body)
    return _see(f"/review/reports/{report.id}")


# -- one report ------------------------------------------------------------------------------


def _form_value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in LIST_FIELDS:
        return ", ".join(value)
    return str(value)


def _report_context(
    session: Session, actor: Actor, report: Report, errors: dict[int | str, Any] | None = None
) -> dict[str, Any]:
    errors = errors or {}
    party, state = report.reporting_party_code, report.state
    can = {a.value: allowed(actor, a, party, state) for a in Action}
    rows = []
    for activity in service.activities_of(session, report):
        found = evidence(session, activity)
        values = values_of(activity)
        given = errors.get(activity.id, {}).get("values", {})
        rows.append(
            {
                "item": item(activity),
                "id": activity.id,
                "lock_version": activity.lock_version,
                "needs_review": activity.needs_review,
                "review_reasons": activity.review_reasons,
                # what was typed stays, the link field's included
                "values": {k: _form_value(k, v) for k, v in values.items()} | given,
                "evidence": {f: found.get(e, []) for f, e in EVIDENCE_OF.items()},
                "errors": errors.get(activity.id, {}).get("fields", {}),
                "tags": tags_of(activity) | errors.get(activity.id, {}).get("tags", {}),
                "links": _links(session, activity) if can["link"] else [],
                "suggested": _suggested(session, activity, party) if can["link"] else [],
            }
        )
    return {
        "actor": actor,
        "report": summary(report)
        | {
            "state": state,
            "lock_version": report.lock_version,
            "version": report.version_number,
            "review_comment": report.review_comment,
            "text": report.text,
            "has_file": report.sha256 is not None,
        },
        "activities": rows,
        "can": can,
        "new": errors.get("new", {"values": {}, "fields": {}}),
        "step": errors.get("step", {"values": {}, "fields": {}}),
        "upload_error": errors.get("upload"),
        "versions": versions.versions(session, actor, report.id),
        "types": vocabularies.TYPES,
        "modalities": vocabularies.MODALITIES,
        "vocabularies": TAG_VOCABULARIES,
    }


def _reported(session: Session, activity: Any) -> dict[str, Any]:
    """Another report's activity as the link forms show it: its party, title and address."""
    report = session.get(Report, activity.report_id)
    return {
        "id": activity.id,
        "title": activity.title,
        "start_date": activity.start_date,
        "party": report.reporting_party_code if report else None,
        "state": report.state if report else None,
        "url": f"/activities/{activity.id}",
    }


def _links(session: Session, activity: Any) -> list[dict[str, Any]]:
    return [_reported(session, other) for other in curation.linked(session, activity)]


def _suggested(session: Session, activity: Any, party: str | None) -> list[dict[str, Any]]:
    """Other parties' public activities with the same start date and a beneficiary in common,
    not linked yet."""
    linked = set(service.linked_ids(session, activity.id))
    found = [_reported(session, a) for a in related(session, activity)["same_event"]]
    return [f for f in found if f["id"] not in linked and f["party"] != party][:SUGGESTIONS]


@router.get("/review/reports/{report_id}", response_class=HTMLResponse)
def report_page(
    report_id: RowId,
    request: Request,
    actor: PageActor,
    session: DbSession,
) -> HTMLResponse:
    """A report in the workflow: its header, its activities as forms beside their evidence."""
    report = service.load(session, actor, report_id)
    return _render(request, session, "review_report.html", _report_context(session, actor, report))


def _tags_form(form: FormData) -> dict[str, Any]:
    """The tag fields a form sent: the ticked topics and audience (none when the form showed
    them and none is ticked), type and modality as chosen."""
    out: dict[str, Any] = {}
    for name in TAG_VOCABULARIES:
        if name in ("type", "modality"):
            if name in form:
                out[name] = str(form[name]).strip() or None
        elif TAGS_SHOWN in form:
            out[name] = [str(v) for v in form.getlist(name)]
    return out


def _activity_form(form: FormData) -> dict[str, Any]:
    """Form fields as an ActivityCreate/Update body: lists split on commas, blanks as None."""
    out: dict[str, Any] = _tags_form(form)
    for name in EVIDENCE_OF.keys() - TAG_VOCABULARIES.keys():
        if name not in form:
            continue
        raw = str(form[name]).strip()
        if name in LIST_FIELDS:
            out[name] = [p.strip() for p in raw.split(",") if p.strip()]
        elif name == "participants":
            out[name] = int(raw) if raw.isdigit() else (raw or None)
        else:
            out[name] = raw or None
    return out


def _problems_of(error: ValidationError) -> list[FieldProblem]:
    found = []
    for e in error.errors():
        name = str(e["loc"][0]) if e["loc"] else "form"
        found.append(FieldProblem(name, str(e["msg"]).removeprefix("Value error, ")))
    return found


async def _checked_form(request: Request, session: Session) -> FormData:
    """The form sent, once its CSRF token is checked."""
    form = await request.form()
    check_csrf(request, session, str(form.get("csrf_token", "")))
    return form


def _attempt(change: Callable[[], T]) -> tuple[T, list[FieldProblem]]:
    """The change's result, or what stopped it: the form's values, the fields the service
    refused, or a save by someone else since the form was read (on the whole form)."""
    try:
        return change(), []
    except ValidationError as error:
        problems = _problems_of(error)
    except Invalid as error:
        problems = error.problems
    except service.Conflict as error:
        problems = [FieldProblem("form", str(error))]
    return cast(T, None), problems


def _invalid_page(
    request: Request,
    session: Session,
    actor: Actor,
    report_id: RowId,
    key: int | str,
    values: dict[str, Any],
    problems: list[FieldProblem],
) -> HTMLResponse:
    session.rollback()
    report = service.load(session, actor, report_id)
    fields: dict[str, list[str]] = {}
    for p in problems:
        fields.setdefault(p.field, []).append(p.message)
    shown = {k: _form_value(k, v) if not isinstance(v, str) else v for k, v in values.items()}
    tags = {k: v for k, v in values.items() if k in TAG_VOCABULARIES}
    context = _report_context(
        session, actor, report, {key: {"values": shown, "fields": fields, "tags": tags}}
    )
    return _render(request, session, "review_report.html", context, status=422)


@dataclass(frozen=True, slots=True)
class _ReportForm:
    """One form of a report's page as sent: by whom, on which report, which of its forms."""

    request: Request
    session: Session
    actor: Actor
    report_id: int
    key: int | str

    def apply(
        self, values: dict[str, Any], change: Callable[[], T], then: Callable[[T], str]
    ) -> Response:
        """The change made, then the page its result leads to; or the report's page again with
        the form's values and what stopped it."""
        done, problems = _attempt(change)
        if not problems:
            return _see(then(done))
        return _invalid_page(
            self.request, self.session, self.actor, self.report_id, self.key, values, problems
        )

    def save_activity(
        self,
        activity_id: int,
        form: FormData,
        values: dict[str, Any],
        change: Callable[[Session, Actor, int, int, Any], Activity],
        model: Callable[..., Any],
    ) -> Response:
        """An activity's form saved at the version it was read (a stale one is refused), then
        the activity on its report's page (a correction's new version when ``change`` made one)."""

        def saved() -> Activity:
            data = model(version=int(str(form.get("version") or 0)), **values)
            return change(self.session, self.actor, self.report_id, activity_id, data)

        return self.apply(
            values, saved, lambda done: f"/review/reports/{done.report_id}#activity-{done.id}"
        )


@router.post("/review/reports/{report_id}/activities", response_model=None)
async def add_activity(
    report_id: RowId, request: Request, actor: PageActor, session: DbSession
) -> Response:
    """Add an activity from the form."""
    values = _activity_form(await _checked_form(request, session))
    return _ReportForm(request, session, actor, report_id, "new").apply(
        values,
        lambda: service.add_activity(session, actor, report_id, ActivityCreate(**values)),
        lambda _: f"/review/reports/{report_id}#activities",
    )


@router.post("/review/reports/{report_id}/activities/{activity_id}", response_model=None)
async def save_activity(
    report_id: RowId, activity_id: RowId, request: Request, actor: PageActor, session: DbSession
) -> Response:
    """Save an activity's form (or remove the activity)."""
    form = await _checked_form(request, session)
    if form.get("remove"):
        service.delete_activity(session, actor, report_id, activity_id)
        return _see(f"/review/reports/{report_id}#activities")
    sent = _ReportForm(request, session, actor, report_id, activity_id)
    values = _activity_form(form)
    return sent.save_activity(activity_id, form, values, service.update_activity, ActivityUpdate)


@router.post("/review/reports/{report_id}/activities/{activity_id}/tags", response_model=None)
async def save_tags(
    report_id: RowId, activity_id: RowId, request: Request, actor: PageActor, session: DbSession
) -> Response:
    """Save an activity's tags (a curator's correction of a published report publishes its
    next version: the page of that version follows)."""
    form = await _checked_form(request, session)
    sent = _ReportForm(request, session, actor, report_id, activity_id)
    tags = _tags_form(form)
    return sent.save_activity(activity_id, form, tags, curation.retag, ActivityTagsUpdate)


def _activity_number(given: str) -> int | None:
    """An activity's id from its number or its address (``/activities/123``, a full URL)."""
    last = given.strip().rstrip("/").rsplit("/", 1)[-1]
    return int(last) if last.isdigit() else None


@router.post(
    "/review/reports/{report_id}/activities/{activity_id}/links",
    response_model=None,
    dependencies=SAME_SITE_FORM,
)
def add_link(
    report_id: RowId,
    activity_id: RowId,
    request: Request,
    actor: PageActor,
    session: DbSession,
    other: str = Form(""),
) -> Response:
    """Link the activity with the same one in another party's report."""
    other_id = _activity_number(other)
    try:
        if other_id is None:
            raise Invalid(
                [
                    FieldProblem(
                        "other",
                        f"{other!r} is not an activity: give its number or its address "
                        "(/activities/123)",
                    )
                ]
            )
        curation.link(session, actor, report_id, activity_id, other_id)
    except Invalid as error:
        return _invalid_page(
            request, session, actor, report_id, activity_id, {"other": other}, error.problems
        )
    return _see(f"/review/reports/{report_id}#activity-{activity_id}")


@router.post(
    "/review/reports/{report_id}/activities/{activity_id}/links/{other_id}/remove",
    response_model=None,
    dependencies=SAME_SITE_FORM,
)
def remove_link(
    report_id: RowId,
    activity_id: RowId,
    other_id: RowId,
    actor: PageActor,
    session: DbSession,
) -> Response:
    """Remove a link."""
    curation.unlink(session, actor, report_id, activity_id, other_id)
    return _see(f"/review/reports/{report_id}#activity-{activity_id}")


@router.post("/review/reports/{report_id}/header", response_model=None, dependencies=SAME_SITE_FORM)
def save_header(
    report_id: RowId,
    request: Request,
    actor: PageActor,
    session: DbSession,
    version: int = Form(0),
    title: str = Form(""),
    period_start: str = Form(""),
    period_end: str = Form(""),
    introduction: str = Form(""),
) -> Response:
    """Save the report's header."""
    try:
        body = ReportUpdate(
            version=version,
            title=title or None,
            period_start=period_start or None,
            period_end=period_end or None,
            introduction=introduction,
        )
    except ValidationError as error:
        return _invalid_page(request, session, actor, report_id, "header", {}, _problems_of(error))
    service.update_report(session, actor, report_id, body)
    return _see(f"/review/reports/{report_id}")


@router.post("/review/reports/{report_id}/upload", response_model=None, dependencies=SAME_SITE_FORM)
async def upload_file(
    report_id: RowId,
    request: Request,
    actor: PageActor,
    session: DbSession,
    file: UploadFile = File(...),
) -> Response:
    """Extract an uploaded document into the draft."""
    try:
        await extract_upload(session, actor, report_id, file)
    except IngestError as error:
        session.rollback()
        report = service.load(session, actor, report_id)
        context = _report_context(session, actor, report, {"upload": str(error)})
        return _render(request, session, "review_report.html", context, status=422)
    return _see(f"/review/reports/{report_id}#activities")


STEPS = {
    "submit": service.submit,
    "return": service.return_report,
    "publish": service.publish,
    "withdraw": service.withdraw,
}


@router.post("/review/reports/{report_id}/correct", dependencies=SAME_SITE_FORM)
def correct(report_id: RowId, actor: PageActor, session: DbSession) -> RedirectResponse:
    """Open a correction (a new draft version) of a published report."""
    draft = service.correct(session, actor, report_id)
    return _see(f"/review/reports/{draft.id}")


@router.post("/review/reports/{report_id}/{step}", response_model=None, dependencies=SAME_SITE_FORM)
def take_step(
    report_id: RowId,
    step: str,
    request: Request,
    actor: PageActor,
    session: DbSession,
    comment: str = Form(""),
    symbol: str = Form(""),
) -> Response:
    """Submit, return, publish or withdraw."""
    if step not in STEPS:
        raise HTTPException(404, f"no step {step!r}")
    given = {"comment": comment, "symbol": symbol}
    try:
        STEPS[step](
            session, actor, report_id, Transition(comment=comment or None, symbol=symbol or None)
        )
    except Invalid as error:
        return _invalid_page(request, session, actor, report_id, "step", given, error.problems)
    except service.SymbolTaken as error:
        problem = FieldProblem("symbol", str(error))
        return _invalid_page(request, session, actor, report_id, "step", given, [problem])
    if step == "publish":
        return _see(f"/reports/{report_id}")
    return _see(f"/review/reports/{report_id}" if step != "submit" else "/review")


# -- audit -----------------------------------------------------------------------------------


@router.get("/review/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    actor: PageActor,
    session: DbSession,
    report_id: AuditedReport,
) -> HTMLResponse:
    """The audit log (curators)."""
    events = [audit.as_json(e) for e in audit.events(session, actor, report_id=report_id)]
    return _render(
        request,
        session,
        "review_audit.html",
        {"actor": actor, "events": events, "report_id": report_id},
    )


@router.get("/review/audit.csv")
def audit_csv(actor: PageActor, session: DbSession, report_id: AuditedReport) -> StreamingResponse:
    """The audit log as CSV (curators)."""
    return audit_csv_response(session, actor, report_id)
