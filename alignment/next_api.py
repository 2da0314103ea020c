"""`GET /api/v1/next/` (config.api): the bridges of the page "Your next job" as data — the
occupations the person could move into now that would also build toward a direction."""

from fractions import Fraction
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Field, Router, Schema

from alignment import bridges, history, next_job
from alignment.asked import asked_direction, direction_query, of_direction
from alignment.scoring import round_half_up
from core.api import REFUSED, Error

router = Router()


class NextDirectionOut(Schema):
    id: int
    title: str
    occupation: str | None = Field(description="Its O*NET-SOC code, or null.")


class BridgeOut(Schema):
    code: str = Field(examples=["29-2061.00"])
    title: str
    job_zone: int = Field(ge=1, le=5, description="O*NET's Job Zone: the preparation it needs.")
    reach: float = Field(ge=0, le=1, description="How close it is to what you have done.")
    build: float = Field(ge=0, le=1, description="How much it would add toward the direction.")
    uses: list[str] = Field(
        description="What it rates important that you have: your own skills, then what "
        "your recent jobs' occupations rate important too."
    )
    builds: list[str] = Field(
        description="The direction's missing target skills it rates important."
    )


class NextOut(Schema):
    direction: NextDirectionOut | None
    from_: list[str] = Field(
        alias="from",
        description="The occupations of the recent held jobs it started from, the most "
        "weight first.",
    )
    zone: int = Field(description="The highest Job Zone among them (2 when none).")
    bridges: list[BridgeOut]


def _number(fraction: Fraction) -> float:
    """A measure as a JSON number rounded to 4 decimals, halves up (exactly)."""
    return round_half_up(fraction * 10000) / 10000


def next_document(direction: history.Direction | None, found: bridges.Ranking) -> dict[str, Any]:
    """The `GET /api/v1/next/` document: the direction, where the bridges start from, and
    the bridges, best first."""
    return {
        "direction": None
        if direction is None
        else {
            "id": direction.id,
            "title": direction.title,
            "occupation": direction.occupation or None,
        },
        "from": list(found.start),
        "zone": found.zone,
        "bridges": [
            {
                "code": bridge.code,
                "title": bridge.title,
                "job_zone": bridge.job_zone,
                "reach": _number(bridge.reach),
                "build": _number(bridge.build),
                "uses": list(bridge.uses),
                "builds": list(bridge.builds),
            }
            for bridge in found.bridges
        ],
    }


# `?direction=`: the direction the bridges build toward.
Toward = Annotated[
    str | None, direction_query("A direction's id (any status); without it, the current direction.")
]


@router.api_operation(
    ["GET", "HEAD"],
    "/next/",
    response={200: NextOut, 301: None, 404: Error, **REFUSED},
    url_name="next",
    by_alias=True,  # `from` in the OpenAPI document, a word Python keeps for itself
    tags=["alignment"],
    summary="Your next job: the bridges toward a direction",
)
def next_bridges(request: HttpRequest, direction: Toward = None) -> HttpResponse:
    """At most 10 occupations, best first, that the person could move into now (a Job Zone
    at most one above their recent jobs') and that would build toward the direction, with
    how close each is (`reach`) and how much it would add (`build`), from 0 to 1. With no
    direction (none current, none asked), `direction` is null and there are no bridges."""
    today = timezone.localdate()
    asked = asked_direction(request)  # another spelling of it: Canonical, a 301 (config.api)
    inputs = of_direction(next_job.read, request.user, today, asked)
    # Without a direction there is nothing to build toward: no bridges.
    return JsonResponse(next_document(inputs.direction, next_job.ranking(inputs, today)))
