"""The submission workflow over the JSON API, bearer-token authenticated."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response, StreamingResponse
from sqlalchemy.orm import Session

from ipcoop.activities.schemas import (
    ActivityCreate,
    ActivityLinkCreate,
    ActivityTagsUpdate,
    ActivityUpdate,
)
from ipcoop.activities.service import item
from ipcoop.config import get_settings
from ipcoop.dependencies import DbSession
from ipcoop.downloads import attachment
from ipcoop.parameters import RowId, row_id
from ipcoop.reports.models import Report
from ipcoop.reports.service import summary
from ipcoop.review import audit, curation, service, upload, versions
from ipcoop.review.auth import ApiActor
from ipcoop.review.permissions import Actor, NotFound
from ipcoop.review.schemas import (
    AuditPage,
    ReportCreate,
    ReportUpdate,
    ReviewReportDetail,
    Transition,
    UploadResult,
    VersionedActivity,
    VersionList,
)

router = APIRouter(tags=["submission"])


def report_json(session: Session, report: Report) -> dict[str, Any]:
    """A report as its readers see it, with its workflow fields and activities."""
    activities = service.activities_of(session, report)
    data = summary(report, len(activities))
    data.update(
        state=report.state,
        lock_version=report.lock_version,
        version=report.version_number,
        review_comment=report.review_comment,
        text=report.text,
        activities=[{**item(a), "lock_version": a.lock_version} for a in activities],
    )
    if report.sha256 is None:
        data["original_url"] = None
    return data


@router.get("/reports/{report_id}", response_model=ReviewReportDetail)
def report(report_id: RowId, actor: ApiActor, session: DbSession) -> dict[str, Any]:
    """One report: its header, its text and its activities (a draft or submitted report only
    to its party's reporters and the curators; 404 to anyone else)."""
    try:
        return report_json(session, service.load(session, actor, report_id))
    except NotFound:
        raise HTTPException(404, f"No report {report_id}; /api/v1/reports lists them") from None


@router.post("/reports", status_code=201, response_model=ReviewReportDetail)
def create_report(data: ReportCreate, actor: ApiActor, session: DbSession) -> dict[str, Any]:
    """A new draft report (a reporter's own party; curators name the party)."""
    return report_json(session, service.create_report(session, actor, data))


@router.patch("/reports/{report_id}", response_model=ReviewReportDetail)
def update_report(
    report_id: RowId,
    data: ReportUpdate,
    actor: ApiActor,
    session: DbSession,
) -> dict[str, Any]:
    """Change a draft's header (send the lock_version you read)."""
    return report_json(session, service.update_report(session, actor, report_id, data))


@router.post("/reports/{report_id}/activities", status_code=201, response_model=VersionedActivity)
def add_activity(
    report_id: RowId,
    data: ActivityCreate,
    actor: ApiActor,
    session: DbSession,
) -> dict[str, Any]:
    """Add an activity to a draft."""
    activity = service.add_activity(session, actor, report_id, data)
    return {**item(activity), "lock_version": activity.lock_version}


@router.patch("/reports/{report_id}/activities/{activity_id}", response_model=VersionedActivity)
def update_activity(
    report_id: RowId,
    activity_id: RowId,
    data: ActivityUpdate,
    actor: ApiActor,
    session: DbSession,
) -> dict[str, Any]:
    """Change an activity's fields (send the lock_version you read; a stale one is a 409)."""
    activity = service.update_activity(session, actor, report_id, activity_id, data)
    return {**item(activity), "lock_version": activity.lock_version}


@router.patch(
    "/reports/{report_id}/activities/{activity_id}/tags", response_model=VersionedActivity
)
def retag_activity(
    report_id: RowId,
    activity_id: RowId,
    data: ActivityTagsUpdate,
    actor: ApiActor,
    session: DbSession,
) -> dict[str, Any]:
    """Change an activity's type, topics, audience or modality (send the lock_version you
    read). On a published report (curators) the change is published as the report's next
    version: the answer is the activity in that version (its report_id is the new one)."""
    activity = curation.retag(session, actor, report_id, activity_id, data)
    return {**item(activity), "lock_version": activity.lock_version}


@router.post("/reports/{report_id}/activities/{activity_id}/links", status_code=201)
def link_activity(
    report_id: RowId,
    activity_id: RowId,
    data: ActivityLinkCreate,
    actor: ApiActor,
    session: DbSession,
) -> dict[str, Any]:
    """Link the activity with the same activity in another party's report (curators)."""
    curation.link(session, actor, report_id, activity_id, data.other)
    return {"activity": activity_id, "linked": service.linked_ids(session, activity_id)}


@router.delete("/reports/{report_id}/activities/{activity_id}/links/{other_id}", status_code=204)
def unlink_activity(
    report_id: RowId,
    activity_id: RowId,
    other_id: RowId,
    actor: ApiActor,
    session: DbSession,
) -> Response:
    """Remove a link between two activities (curators)."""
    curation.unlink(session, actor, report_id, activity_id, other_id)
    return Response(status_code=204)


@router.delete("/reports/{report_id}/activities/{activity_id}", status_code=204)
def delete_activity(
    report_id: RowId,
    activity_id: RowId,
    actor: ApiActor,
    session: DbSession,
) -> Response:
    """Remove an activity from a draft."""
    service.delete_activity(session, actor, report_id, activity_id)
    return Response(status_code=204)


@router.post("/reports/{report_id}/upload", status_code=201, response_model=UploadResult)
async def upload_file(
    report_id: RowId,
    request: Request,
    actor: ApiActor,
    session: DbSession,
    file: UploadFile = File(
        ..., description="DOCX, PDF, HTML or text; not empty.", json_schema_extra={"minLength": 1}
    ),
) -> dict[str, Any]:
    """Extract a document into a draft: each activity becomes a draft activity to confirm."""
    ids = await extract_upload(session, actor, report_id, file)
    return {
        "activities": ids,
        "report": report_json(session, service.load(session, actor, report_id)),
    }


def _transition(name: str) -> Callable[..., dict[str, Any]]:
    step = {
        "submit": service.submit,
        "return": service.return_report,
        "publish": service.publish,
        "withdraw": service.withdraw,
    }[name]

    def endpoint(
        report_id: RowId,
        actor: ApiActor,
        session: DbSession,
        data: Transition | None = Body(None),
    ) -> dict[str, Any]:
        return report_json(session, step(session, actor, report_id, data or Transition()))

    endpoint.__doc__ = {
        "submit": "Hand a draft to the curators.",
        "return": "Send a submitted report back to its reporters (a comment is required).",
        "publish": "Publish a submitted report; its symbol is assigned (or typed, legacy).",
        "withdraw": "Withdraw a report: a state, never a deletion.",
    }[name]
    return endpoint


for _name in ("submit", "return", "publish", "withdraw"):
    router.add_api_route(
        f"/reports/{{report_id}}/{_name}",
        _transition(_name),
        methods=["POST"],
        name=f"report_{_name}",
        response_model=ReviewReportDetail,
    )


@router.post("/reports/{report_id}/correct", status_code=201, response_model=ReviewReportDetail)
def correct(report_id: RowId, actor: ApiActor, session: DbSession) -> dict[str, Any]:
    """Open a correction of a published report: a new draft version."""
    return report_json(session, service.correct(session, actor, report_id))


@router.get("/reports/{report_id}/versions", response_model=VersionList)
def report_versions(report_id: RowId, actor: ApiActor, session: DbSession) -> dict[str, Any]:
    """Every version of a report with what changed from the one before."""
    return {"items": versions.versions(session, actor, report_id)}


async def extract_upload(
    session: Session, actor: Actor, report_id: int, file: UploadFile
) -> list[int]:
    """The ids of the draft activities extracted from an uploaded file (refused when it is
    larger than the max_upload_bytes setting)."""
    data = await file.read()
    limit = get_settings().max_upload_bytes
    return upload.upload(
        session, actor, report_id, file.filename or "upload", data, max_bytes=limit
    )


def audited_report(
    report_id: int | None = row_id("Only the events of this report"),
) -> int | None:
    """The report whose audit events are asked for (every report's when none is)."""
    return report_id


AuditedReport = Annotated[int | None, Depends(audited_report)]


@router.get("/audit", response_model=AuditPage)
def audit_log(
    actor: ApiActor,
    session: DbSession,
    report_id: AuditedReport,
    limit: int = Query(200, ge=1, le=1000),
    before_id: int | None = row_id("Events older than this id"),
) -> dict[str, Any]:
    """The audit log, newest first (curators only)."""
    rows = audit.events(session, actor, report_id=report_id, limit=limit, before_id=before_id)
    return {"items": [audit.as_json(e) for e in rows]}


@router.get(
    "/audit.csv",
    response_class=StreamingResponse,
    responses={200: {"description": "The audit log as CSV.", "content": {"text/csv": {}}}},
)
def audit_csv(actor: ApiActor, session: DbSession, report_id: AuditedReport) -> StreamingResponse:
    """The audit log as CSV (curators only)."""
    return audit_csv_response(session, actor, report_id)


def audit_csv_response(session: Session, actor: Actor, report_id: int | None) -> StreamingResponse:
    """The audit log as a CSV download (read whole first, so a denial is an error page)."""
    chunks = list(audit.csv_chunks(session, actor, report_id))
    return StreamingResponse(
        iter(chunks),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": attachment("ipcoop-audit.csv")},
    )
