"""Unknown query parameters are an error, not silently ignored.

``/api/events?modality=asserted&bogus=1`` used to answer 200 with every event: a misspelt
filter looked like an empty one. ``reject_unknown_params`` is a router-level dependency: it
reads the parameters the matched route declares (its own and its dependencies') and answers
400 in the one error shape, naming the unknown ones and the accepted ones.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from .errors import ApiError


def _declared(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _declared(sub)
    return names


async def reject_unknown_params(request: Request) -> None:
    """Raise a 400 ``ApiError`` when the request has a query parameter the route does not take."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = _declared(dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ApiError(
            400,
            f"unknown query parameter(s): {', '.join(unknown)}; this route takes: "
            f"{', '.join(sorted(allowed)) or 'none'}",
            errors=[{"loc": ["query", name], "msg": "unknown parameter", "type": "unknown"}
                    for name in unknown],
        )
