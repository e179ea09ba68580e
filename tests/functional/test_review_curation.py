"""Curators' work on activities, on both databases: tags corrected (in place while in review, as
a new published version once published), the same activity linked across two parties'
reports, and symbols that are taken once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from ipcoop.activities.models import Activity
from ipcoop.activities.schemas import ActivityCreate, ActivityTagsUpdate
from ipcoop.db import current_revision, session_scope
from ipcoop.reports.models import Report
from ipcoop.review import accounts, audit, curation, service, versions
from ipcoop.review.activities import Invalid
from ipcoop.review.permissions import ANONYMOUS, Actor, Forbidden, NotFound
from ipcoop.review.schemas import ReportCreate, Transition
from ipcoop.search.filters import ActivityFilters
from ipcoop.search.service import search
from ipcoop.web.app import create_app

CURATOR = Actor(3, "c@wto.org", "curator")
SWISS = Actor(1, "r@admin.ch", "reporter", "CHE")
JAPANESE = Actor(2, "r@jpo.go.jp", "reporter", "JPN")


def drafted(engine: Engine, party: str, title: str, **fields: object) -> tuple[int, int]:
    """A draft of the party with one activity: (report id, activity id)."""
    with session_scope(engine) as session:
        report = service.create_report(session, CURATOR, ReportCreate(party=party))
        activity = service.add_activity(
            session,
            CURATOR,
            report.id,
            ActivityCreate(title=title, **fields),  # type: ignore[arg-type]
        )
        return report.id, activity.id


def submitted(engine: Engine, party: str, title: str, **fields: object) -> tuple[int, int]:
    report_id, activity_id = drafted(engine, party, title, **fields)
    with session_scope(engine) as session:
        service.submit(session, CURATOR, report_id, Transition())
    return report_id, activity_id


def published(engine: Engine, party: str, title: str, **fields: object) -> tuple[int, int]:
    report_id, activity_id = submitted(engine, party, title, **fields)
    with session_scope(engine) as session:
        service.publish(session, CURATOR, report_id, Transition())
    return report_id, activity_id


def revision(engine: Engine) -> int:
    with engine.connect() as connection:
        return current_revision(connection)


def retagged(
    engine: Engine, actor: Actor, report_id: int, activity_id: int, **tags: object
) -> tuple[int, int]:
    """Change the tags; (report id, activity id) of the activity as it now stands."""
    with session_scope(engine) as session:
        activity = curation.retag(
            session, actor, report_id, activity_id, ActivityTagsUpdate.model_validate(tags)
        )
        return activity.report_id, activity.id


def topic_count(engine: Engine, topic: str) -> int:
    with session_scope(engine) as session:
        return search(session, ActivityFilters(topic=[topic])).total


# -- tags ------------------------------------------------------------------------------------


def test_tags_in_review_change_in_place_without_moving_the_revision(engine: Engine) -> None:
    report_id, activity_id = drafted(engine, "CHE", "Seminar on marks", topics=["patents"])
    before = revision(engine)
    assert retagged(
        engine, SWISS, report_id, activity_id, version=1, topics=["trademarks"], modality="online"
    ) == (report_id, activity_id)
    with session_scope(engine) as session:
        service.submit(session, SWISS, report_id, Transition())
    retagged(engine, CURATOR, report_id, activity_id, version=2, type="training_course")
    with session_scope(engine) as session:
        activity = session.get_one(Activity, activity_id)
        assert (activity.type, activity.modality) == ("training_course", "online")
        assert [t.code for t in activity.tags] == ["trademarks"]
        log = audit.events(session, CURATOR, report_id=report_id)
        retags = [e for e in log if e.action == "activity.retag"]
        assert [e.actor for e in retags] == ["c@wto.org", "r@admin.ch"]
        assert retags[1].before["topics"] == ["patents"]
        assert retags[1].after["topics"] == ["trademarks"]
        assert retags[0].before["type"] is None and retags[0].after["type"] == "training_course"
    assert revision(engine) == before


def test_tags_of_a_published_report_are_a_new_published_version(engine: Engine) -> None:
    report_id, activity_id = published(
        engine, "CHE", "Workshop on border measures", topics=["enforcement"]
    )
    assert topic_count(engine, "enforcement") == 1
    new_report, new_activity = retagged(
        engine, CURATOR, report_id, activity_id, version=1, topics=["enforcement", "public_health"]
    )
    assert new_report != report_id and new_activity != activity_id
    with session_scope(engine) as session:
        old, new = session.get(Report, report_id), session.get(Report, new_report)
        assert old is not None and new is not None
        assert (old.state, new.state) == ("superseded", "published")
        assert new.symbol == old.symbol and new.version_number == 2
        history = versions.versions(session, ANONYMOUS, new_report)
        assert history[-1]["changes"] == [
            {
                "where": "activity 1",
                "field": "topics",
                "before": "enforcement",
                "after": "enforcement, public_health",
            }
        ]
        actions = [e.action for e in audit.events(session, CURATOR, report_id=new_report)]
        assert {"report.correct", "activity.retag", "report.publish"} <= set(actions)
    # readers see the new version only
    assert topic_count(engine, "public_health") == 1
    assert topic_count(engine, "enforcement") == 1


def test_tag_changes_that_are_refused(engine: Engine) -> None:
    report_id, activity_id = published(engine, "CHE", "Course on designs")
    draft_id, draft_activity = drafted(engine, "CHE", "Course on plant varieties")
    with session_scope(engine) as session:
        with pytest.raises(Invalid) as wrong:
            curation.retag(
                session,
                CURATOR,
                draft_id,
                draft_activity,
                ActivityTagsUpdate(version=1, topics=["patents", "designs"], modality="by post"),
            )
        named = {p.field: p.message for p in wrong.value.problems}
        assert set(named) == {"topics", "modality"}
        assert "'designs'" in named["topics"] and "industrial_designs" in named["topics"]
        with pytest.raises(service.Conflict, match="reload"):
            curation.retag(
                session, CURATOR, draft_id, draft_activity, ActivityTagsUpdate(version=7)
            )
        for actor, report, activity, denial in [
            (SWISS, report_id, activity_id, Forbidden),  # own, published: a curator's work
            (JAPANESE, report_id, activity_id, Forbidden),
            (JAPANESE, draft_id, draft_activity, NotFound),
            (ANONYMOUS, draft_id, draft_activity, NotFound),
        ]:
            with pytest.raises(denial):
                curation.retag(
                    session, actor, report, activity, ActivityTagsUpdate(version=1, type="study")
                )
        # an activity of another report is not found through this one
        with pytest.raises(NotFound):
            curation.retag(
                session, CURATOR, report_id, draft_activity, ActivityTagsUpdate(version=1)
            )
    # a correction already open: the tags are changed there, not in a second new version
    with session_scope(engine) as session:
        correction = service.correct(session, CURATOR, report_id).id
    with session_scope(engine) as session, pytest.raises(service.Conflict, match=str(correction)):
        curation.retag(
            session, CURATOR, report_id, activity_id, ActivityTagsUpdate(version=1, type="study")
        )


# -- links -----------------------------------------------------------------------------------


def test_a_link_shows_on_both_activities_and_follows_a_correction(engine: Engine) -> None:
    wipo_report, wipo = published(engine, "WIPO", "Joint WIPO-Japan workshop", start_date="2024-05")
    japan_report, japan = published(engine, "JPN", "WIPO-Japan workshop", start_date="2024-05")
    before = revision(engine)
    with session_scope(engine) as session:
        curation.link(session, CURATOR, japan_report, japan, wipo)
    assert revision(engine) == before + 1  # the pages that show it change
    with TestClient(create_app(engine)) as client:
        for mine, theirs, party in [(japan, wipo, "WIPO"), (wipo, japan, "JPN")]:
            body = client.get(f"/api/v1/activities/{mine}").json()
            also = body["related"]["also_reported"]
            assert [(a["id"], a["reporter"]) for a in also] == [(theirs, party)]
            page = client.get(f"/activities/{mine}").text
            assert "Also reported by" in page and f'href="/activities/{theirs}"' in page
    with session_scope(engine) as session:
        for report in (wipo_report, japan_report):
            log = audit.events(session, CURATOR, report_id=report)
            assert log[0].action == "activity.link"
        # a correction of the Japanese report carries the link; once published, WIPO's
        # activity is linked with the new version's
        correction = service.correct(session, CURATOR, japan_report).id
        service.submit(session, CURATOR, correction, Transition())
        service.publish(session, CURATOR, correction, Transition())
    with TestClient(create_app(engine)) as client:
        also = client.get(f"/api/v1/activities/{wipo}").json()["related"]["also_reported"]
        assert [a["report_id"] for a in also] == [correction]
    with session_scope(engine) as session:
        copy = service.activities_of(session, session.get(Report, correction))[0]  # type: ignore[arg-type]
        curation.unlink(session, CURATOR, correction, copy.id, wipo)
        assert service.linked_ids(session, copy.id) == []
        assert audit.events(session, CURATOR, report_id=wipo_report)[0].action == "activity.unlink"
    with TestClient(create_app(engine)) as client:
        assert client.get(f"/api/v1/activities/{wipo}").json()["related"]["also_reported"] == []


def test_links_that_are_refused(engine: Engine) -> None:
    swiss_report, swiss = published(engine, "CHE", "Seminar on GIs")
    other_swiss_report, other_swiss = published(engine, "CHE", "Seminar on GIs, part two")
    japan_report, japan = published(engine, "JPN", "Seminar on GIs")
    japan_draft, japan_drafted = drafted(engine, "JPN", "Draft seminar")
    with session_scope(engine) as session:
        for actor, report, activity, other, denial in [
            (SWISS, swiss_report, swiss, japan, Forbidden),  # reporters do not link
            (JAPANESE, japan_report, japan, swiss, Forbidden),
            (ANONYMOUS, swiss_report, swiss, japan, Forbidden),
            (SWISS, japan_draft, japan_drafted, swiss, NotFound),
            (CURATOR, japan_draft, japan_drafted, swiss, Forbidden),  # a draft is not linked yet
            (CURATOR, swiss_report, swiss, japan_drafted, Forbidden),
            (CURATOR, swiss_report, swiss, 10**9, NotFound),
        ]:
            with pytest.raises(denial):
                curation.link(session, actor, report, activity, other)
        with pytest.raises(Invalid, match="same party"):
            curation.link(session, CURATOR, swiss_report, swiss, other_swiss)
        curation.link(session, CURATOR, swiss_report, swiss, japan)
        with pytest.raises(Invalid, match="already linked"):
            curation.link(session, CURATOR, japan_report, japan, swiss)
        with pytest.raises(Forbidden):
            curation.unlink(session, SWISS, swiss_report, swiss, japan)
        with pytest.raises(NotFound, match="not linked"):
            curation.unlink(session, CURATOR, other_swiss_report, other_swiss, japan)


# -- over the API ----------------------------------------------------------------------------


@pytest.fixture
def tokens(engine: Engine) -> Iterator[dict[str, dict[str, str]]]:
    made = {}
    with session_scope(engine) as session:
        for email, role, party in [
            ("curator@wto.org", "curator", None),
            ("delegate@admin.ch", "reporter", "CHE"),
            ("delegate@jpo.go.jp", "reporter", "JPN"),
        ]:
            accounts.add_user(session, email, role, party)
            made[email.split("@")[1]] = {
                "Authorization": f"Bearer {accounts.create_token(session, email)[1]}"
            }
    yield made


def test_tags_links_and_symbols_over_the_api(
    engine: Engine, tokens: dict[str, dict[str, str]]
) -> None:
    curator, swiss, japan = tokens["wto.org"], tokens["admin.ch"], tokens["jpo.go.jp"]
    swiss_report, swiss_activity = submitted(engine, "CHE", "Training on patents")
    japan_report, japan_activity = published(engine, "JPN", "Training on patents")
    tags = f"/api/v1/reports/{swiss_report}/activities/{swiss_activity}/tags"
    with TestClient(create_app(engine)) as client:
        assert (
            client.patch(
                tags, json={"version": 1, "type": "training_course"}, headers=japan
            ).status_code
            == 404
        )
        assert (
            client.patch(
                tags, json={"version": 1, "type": "training_course"}, headers=swiss
            ).status_code
            == 403
        )
        wrong = client.patch(tags, json={"version": 1, "audience": ["elves"]}, headers=curator)
        assert wrong.status_code == 422
        assert [e["field"] for e in wrong.json()["errors"]] == ["audience"]
        done = client.patch(
            tags, json={"version": 1, "audience": ["ip_office_staff"]}, headers=curator
        )
        assert done.status_code == 200, done.text
        assert done.json()["audience"] == ["ip_office_staff"] and done.json()["lock_version"] == 2
        stale = client.patch(tags, json={"version": 1, "type": "study"}, headers=curator)
        assert stale.status_code == 409

        links = f"/api/v1/reports/{swiss_report}/activities/{swiss_activity}/links"
        assert client.post(links, json={"other": japan_activity}, headers=swiss).status_code == 403
        made = client.post(links, json={"other": japan_activity}, headers=curator)
        assert made.status_code == 201 and made.json()["linked"] == [japan_activity]
        gone = client.delete(f"{links}/{japan_activity}", headers=curator)
        assert gone.status_code == 204

        # a typed legacy symbol another report holds: 409 naming the field and the holder
        with session_scope(engine) as session:
            taken = session.scalar(select(Report.symbol).where(Report.id == japan_report))
        assert taken and taken.startswith("IP/C/R/TC/JPN/")
        refused = client.post(
            f"/api/v1/reports/{swiss_report}/publish", json={"symbol": taken}, headers=curator
        )
        assert refused.status_code == 409, refused.text
        problem = refused.json()
        assert problem["errors"][0]["field"] == "symbol"
        assert str(japan_report) in problem["detail"] and taken in problem["detail"]
        ok = client.post(
            f"/api/v1/reports/{swiss_report}/publish",
            json={"symbol": "IP/C/R/TC/CHE/Add.1"},
            headers=curator,
        )
        assert ok.status_code == 200 and ok.json()["symbol"] == "IP/C/R/TC/CHE/Add.1"
