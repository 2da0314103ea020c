"""The API's alignment: `GET /api/v1/alignment/`, the document the dashboard shows, for the
signed-in person or a token, cached until their data changes."""

from datetime import date
from typing import Annotated, Any, Literal, cast

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Field, Router, Schema

from alignment.asked import asked_direction, direction_query, of_direction
from alignment.assessment import Alignment
from alignment.reading import read_history
from alignment.scoring import NOTHING, DirectionData, JobResult
from core.api import REFUSED, Error
from core.cache import cached

router = Router()


class DirectionRef(Schema):
    id: int
    title: str
    status: Literal["current", "past", "considering"]


class ComponentsOut(Schema):
    skills: float | None
    goals: float | None
    values: float | None
    identity: float | None


class FlagOut(Schema):
    phrase: str
    job_id: int = Field(description="The held job whose avoid notes hold the phrase.")


class AlignmentJob(Schema):
    id: int
    title: str
    employer: str
    stage: Literal["held", "offer"]
    started_on: date | None
    ended_on: date | None
    direction_id: int | None
    score: int | None
    needs_details: bool
    verdict: Literal["built", "partly", "bills", "little", "details", "unscored"] = Field(
        description="Did it build the career, or just pay the bills: built (a score of 50 or "
        "more), partly (25 to 49), bills (under 25, paid), little (under 25, unpaid), "
        "details (undescribed) or unscored (nothing to set it against)."
    )
    components: ComponentsOut | None
    flags: list[FlagOut]


class AlignmentOut(Schema):
    as_of: date
    direction: DirectionRef | None
    overall: int | None
    aligned_share: int | None
    coverage: int | None
    missing: list[str]
    drift: bool
    jobs: list[AlignmentJob]


def _number(got: int, total: int) -> float | None:
    """A component, got ÷ total, as a JSON number rounded to 4 decimals (None when the
    total is 0). Whole numbers divided as floats round exactly as the Fraction would."""
    return None if total == 0 else round(got / total, 4)


def _components(result: JobResult) -> dict[str, float | None] | None:
    if result.direction is None or result.needs_details:
        return None
    direction, job = result.direction, result.job
    got = job.matched.get(direction.id, NOTHING)
    return {
        "skills": _number(got.skills, direction.skills_total),
        "goals": _number(got.goals, direction.goals_total),
        "values": _number(got.values, direction.values_total),
        "identity": None if job.identity_fit is None else _number(job.identity_fit - 1, 4),
    }


def _direction(direction: DirectionData | None) -> dict[str, Any] | None:
    if direction is None:
        return None
    return {"id": direction.id, "title": direction.title, "status": direction.status}


def _job(result: JobResult) -> dict[str, Any]:
    job = result.job
    return {
        "id": job.id,
        "title": job.title,
        "employer": job.employer,
        "stage": job.stage,
        "started_on": job.started_on.isoformat() if job.started_on else None,
        "ended_on": job.ended_on.isoformat() if job.ended_on else None,
        "direction_id": result.direction_id,
        "score": result.score,
        "needs_details": result.needs_details,
        "verdict": result.verdict,
        "components": _components(result),
        "flags": [{"phrase": flag.phrase, "job_id": flag.job_id} for flag in result.flags],
    }


def alignment_document(result: Alignment) -> dict[str, Any]:
    """The `GET /api/v1/alignment/` document for one alignment result."""
    return {
        "as_of": result.as_of.isoformat(),
        "direction": _direction(result.direction),
        "overall": result.overall,
        "aligned_share": result.aligned_share,
        "coverage": result.coverage,
        "missing": list(result.missing),
        "drift": result.drift,
        "jobs": [_job(job_result) for job_result in result.jobs],
    }


# `?direction=`: the direction every job is set against, instead of its own.
SetAgainst = Annotated[
    str | None, direction_query("A direction's id: every job is set against it (any status).")
]


@router.api_operation(
    ["GET", "HEAD"],
    "/alignment/",
    response={200: AlignmentOut, 301: None, 404: Error, **REFUSED},
    url_name="alignment",
    tags=["alignment"],
    summary="The dashboard's numbers",
)
def alignment(request: HttpRequest, direction: SetAgainst = None) -> HttpResponse:
    """Every job (held and offers, newest start first) set against its direction, with the
    overall score, the aligned share, the skill coverage, the missing skills and drift, as
    the dashboard shows them. Recomputed only when the person's data changes."""
    today = timezone.localdate()
    asked = asked_direction(request)  # another spelling of it: Canonical, a 301 (config.api)

    def document() -> dict[str, Any]:
        # No directions compared: the reading has its result.
        return alignment_document(
            cast(Alignment, of_direction(read_history, request.user, today, asked).result)
        )

    # The cached document is sent as it is: one JSON shape, never re-validated per request.
    return JsonResponse(
        cached(cast(User, request.user), "api", today, asked or "", compute=document)
    )
