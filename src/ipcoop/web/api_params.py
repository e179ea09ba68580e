"""Query parameters the API does not know are an error that names them: a misspelt filter
(``benficiary=LDC``) would otherwise be ignored and the answer would be everything."""

from __future__ import annotations

from typing import Any

from fastapi import Request


class UnknownParameters(ValueError):
    """Query parameters that the endpoint does not take."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        super().__init__(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
            + ", ".join(repr(u) for u in unknown)
            + "; this endpoint takes: "
            + (", ".join(known) or "no query parameters")
        )
        self.unknown = unknown
        self.known = known


def declared(dependant: Any) -> set[str]:
    """The query parameter names of a route's dependant and of its dependencies."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= declared(sub)
    return names


def known_parameters(request: Request) -> None:
    """A dependency of every API route: raise UnknownParameters for a query parameter that
    the matched route does not declare."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = declared(dependant)
    unknown = sorted({name for name in request.query_params if name not in known})
    if unknown:
        raise UnknownParameters(unknown, sorted(known))
