"""The direction a page or the API is asked for (`?direction=ID`), in its one spelling."""

import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from ninja import Query


def canonical_id(raw: str) -> int | None:
    """A direction id as the person may have typed it ("0152", "+152", " 152") → 152;
    None when it is no id at all."""
    match = re.fullmatch(r"\s*\+?0*([1-9][0-9]{0,17})\s*", raw)
    return None if match is None else int(match.group(1))


class Canonical(Exception):
    """The query string asked for is not in its one canonical spelling."""

    def __init__(self, query: str) -> None:
        self.query = query


def asked_direction(request: HttpRequest) -> int | None:
    """The `?direction=ID` asked for, or None. Any other spelling of an id is sent to the
    canonical URL (Canonical), so that each page is computed and cached once; what is no
    id at all is a 404."""
    raw = request.GET.get("direction")
    if raw is None:
        return None
    direction_id = canonical_id(raw)
    if raw == "":
        raise Canonical("")
    if direction_id is None:
        raise Http404("No such direction.")
    if raw != str(direction_id):
        raise Canonical(urlencode({"direction": direction_id}))
    return direction_id


def redirect_canonical(request: HttpRequest, query: str) -> HttpResponse:
    """A permanent redirect to this path with the query in its one spelling (on the API, the
    answer to Canonical: config.api)."""
    return redirect(f"{request.path}?{query}" if query else request.path, permanent=True)


def direction_query(meaning: str) -> Any:
    """An API operation's `?direction=` parameter, described as `meaning` and then as
    asked_direction reads it."""
    return Query(
        None,
        description=f"{meaning} Another spelling of an id (0152) is redirected to its one "
        "spelling; another person's id, or one that does not exist, is a 404.",
        examples=["3"],
    )


def asks_direction(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the direction asked for in `?direction=`: called as `view(request, asked)`
    (None when none is asked), once the query is in its one spelling (else redirected)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            asked = asked_direction(request)
        except Canonical as canonical:
            return redirect_canonical(request, canonical.query)
        return view(request, asked, *args, **kwargs)

    return wrapped


_Read = TypeVar("_Read")


def of_direction(read: Callable[..., _Read], *args: Any) -> _Read:
    """`read(*args)`, which reads a direction asked for: one that is not the person's (a
    LookupError) is a 404."""
    try:
        return read(*args)
    except LookupError:
        raise Http404("No such direction.") from None
