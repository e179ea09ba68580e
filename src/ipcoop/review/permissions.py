"""Who may do what to a report: role × action × own/other party × the report's state.

Services call ``require`` before they read or change anything; pages and the API only
translate the answer (``NotFound`` is a 404, ``Forbidden`` a 403). A report a reader may not
see is "not found" to them, so its existence is not given away.

``MATRIX`` is the table; ``docs/review.md`` shows it and
``tests/functional/test_review_permissions.py`` walks it through the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ipcoop.review.states import ReportState, Role

S = ReportState


class Action(StrEnum):
    """Things done to a report (its activities included)."""

    READ = "read"
    CREATE = "create"
    EDIT = "edit"  # header, activities, upload
    SUBMIT = "submit"
    RETURN = "return"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    CORRECT = "correct"  # open a new version of a published report
    VERSIONS = "versions"
    TAG = "tag"  # an activity's type, topics, audience, modality (published: a new version)
    LINK = "link"  # an activity as the same one another party reported


class Party(StrEnum):
    """Whose report it is, seen from the actor."""

    OWN = "own"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who asks: an account, or nobody (anonymous: account_id None)."""

    account_id: int | None
    email: str
    role: str | None
    party_code: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.account_id is None

    @property
    def curator(self) -> bool:
        return self.role in (Role.CURATOR, Role.ADMIN)


ANONYMOUS = Actor(None, "anonymous", None)

_PUBLIC = frozenset({S.PUBLISHED})
_ALL = frozenset(S)
_EDITABLE = frozenset({S.DRAFT, S.RETURNED})

# (role, own or other party) -> action -> the states in which it is allowed
MATRIX: dict[tuple[str, Party], dict[Action, frozenset[ReportState]]] = {
    ("anonymous", Party.OTHER): {Action.READ: _PUBLIC, Action.VERSIONS: _PUBLIC},
    (Role.REPORTER, Party.OWN): {
        Action.READ: _ALL,
        Action.CREATE: frozenset({S.DRAFT}),
        Action.EDIT: _EDITABLE,
        Action.SUBMIT: _EDITABLE,
        Action.VERSIONS: _ALL,
        Action.TAG: _EDITABLE,
    },
    (Role.REPORTER, Party.OTHER): {Action.READ: _PUBLIC, Action.VERSIONS: _PUBLIC},
}
_CURATOR: dict[Action, frozenset[ReportState]] = {
    Action.READ: _ALL,
    Action.CREATE: frozenset({S.DRAFT}),
    Action.EDIT: frozenset({S.DRAFT, S.RETURNED, S.SUBMITTED}),
    Action.RETURN: frozenset({S.SUBMITTED}),
    Action.PUBLISH: frozenset({S.SUBMITTED}),
    Action.WITHDRAW: frozenset({S.PUBLISHED, S.SUBMITTED}),
    Action.CORRECT: frozenset({S.PUBLISHED}),
    Action.VERSIONS: _ALL,
    Action.SUBMIT: _EDITABLE,
    Action.TAG: frozenset({S.DRAFT, S.RETURNED, S.SUBMITTED, S.PUBLISHED}),
    Action.LINK: frozenset({S.SUBMITTED, S.PUBLISHED}),
}
for _role in (Role.CURATOR, Role.ADMIN):
    for _party in Party:
        MATRIX[(_role, _party)] = _CURATOR


class Denied(Exception):
    """An action the actor may not take."""


class NotFound(Denied):
    """No such record, or one the actor may not see."""


class Forbidden(Denied):
    """The actor sees the record but may not do this to it (now)."""


def relation(actor: Actor, party_code: str | None) -> Party:
    """Whether the report is of the actor's own party."""
    own = actor.party_code is not None and actor.party_code == party_code
    return Party.OWN if own else Party.OTHER


def _row(actor: Actor, party_code: str | None) -> dict[Action, frozenset[ReportState]]:
    role = "anonymous" if actor.anonymous or actor.role is None else actor.role
    return MATRIX.get((role, relation(actor, party_code)), {})


def allowed(actor: Actor, action: Action, party_code: str | None, state: str) -> bool:
    """Whether the actor may take the action on a report of that party in that state."""
    return state in _row(actor, party_code).get(action, frozenset())


def require(actor: Actor, action: Action, party_code: str | None, state: str) -> None:
    """Raise NotFound when the actor may not even read the report, Forbidden when they may
    read it but not do this."""
    if action is not Action.CREATE and not allowed(actor, Action.READ, party_code, state):
        raise NotFound("no such report")
    if not allowed(actor, action, party_code, state):
        raise Forbidden(f"{actor_label(actor)} may not {action.value} a {state} report")


def actor_label(actor: Actor) -> str:
    """How a denial names the actor."""
    if actor.anonymous:
        return "an anonymous reader"
    return f"a {actor.role}" + (f" of {actor.party_code}" if actor.party_code else "")


def matrix_markdown() -> str:
    """The matrix as a Markdown table (docs/review.md holds it; a test keeps them equal)."""
    states = [s for s in S if s != S.SUPERSEDED]
    rows = [
        ("anonymous", Actor(None, "", None)),
        ("reporter, own party", Actor(1, "", Role.REPORTER, "OWN")),
        ("reporter, other party", Actor(1, "", Role.REPORTER, "OTHER")),
        ("curator or admin", Actor(1, "", Role.CURATOR)),
    ]
    head = "| who | action | " + " | ".join(s.value for s in states) + " |"
    lines = [head, "|" + "---|" * (len(states) + 2)]
    for label, actor in rows:
        for action in Action:
            if action is Action.CREATE:  # of a new draft: not a state of an existing report
                continue
            cells = []
            for state in states:
                if allowed(actor, action, "OWN", state):
                    cells.append("yes")
                elif action is not Action.CREATE and not allowed(actor, Action.READ, "OWN", state):
                    cells.append("404")
                else:
                    cells.append("403")
            lines.append(f"| {label} | {action.value} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
