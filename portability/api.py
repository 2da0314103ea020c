"""The history side of the JSON API (config.api): `GET /api/v1/jobs/` and
`GET /api/v1/directions/`, the person's jobs and directions with the export's fields (the
records of portability.records, with ids for keys), a page at a time."""

from collections.abc import Callable
from typing import Any, Literal, cast

from django.contrib.auth.models import User
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from careers.models import CareerDirection, CareerGoal, Contact, DirectionSkill
from core.api import REFUSED, Error, Pages
from jobs.models import Job, JobSkill
from portability.fields import canonical_hours  # hours as the export has them
from portability.records import DirectionRecord, JobRecord, in_value_order, value_link_order

router = Router()

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100  # a page of jobs is bounded whatever is asked

View = Callable[..., Any]


# -- GET /api/v1/jobs/ ------------------------------------------------------------------------


class Identified(Schema):
    id: int


# The records of portability.records, each with an id for its key.
class JobOut(JobRecord, Identified):
    """A job with the fields of the export (`jobs[]` of a bearing-export file); it is known by
    its `id`, and names its goals and contacts by their ids."""

    key: str = Field("", exclude=True)  # the export's key: the API says the id instead
    # Ids where the export has keys.
    goals: list[int] = Field(description="Ids of the goals it advanced.")  # type: ignore[assignment]
    contacts: list[int] = Field(description="Ids of the people met through it.")  # type: ignore[assignment]

    @staticmethod
    def resolve_occupation(job: Job) -> str | None:
        return job.occupation or None

    @staticmethod
    def resolve_hours_per_week(job: Job) -> int | float | None:
        return None if job.hours_per_week is None else canonical_hours(job.hours_per_week)

    @staticmethod
    def resolve_schedule(job: Job) -> str | None:
        return job.schedule or None

    @staticmethod
    def resolve_pay_amount(job: Job) -> str | None:
        return None if job.pay_amount is None else f"{job.pay_amount:.2f}"

    @staticmethod
    def resolve_pay_period(job: Job) -> str | None:
        return job.pay_period or None

    @staticmethod
    def resolve_currency(job: Job) -> str | None:
        return job.currency or None

    @staticmethod
    def resolve_benefits(job: Job) -> list[str]:
        return in_value_order(link.value for link in job.benefit_links.all())

    @staticmethod
    def resolve_skills(job: Job) -> list[dict[str, Any]]:
        links = sorted(job.skill_links.all(), key=lambda link: link.skill.name.casefold())
        return [{"skill": link.skill.name, "gained": link.gained} for link in links]

    @staticmethod
    def resolve_goals(job: Job) -> list[int]:
        return sorted(goal.pk for goal in job.goals.all())

    @staticmethod
    def resolve_contacts(job: Job) -> list[int]:
        return sorted(contact.pk for contact in job.contacts.all())


def a_page_of(path: str, out: type[Schema], name: str, summary: str) -> Callable[[View], View]:
    """A GET (and HEAD) endpoint answering a page of the person's records, described as
    `out`; the view gives the rows, the page is cut from them."""

    def decorate(view: View) -> View:
        operation = router.api_operation(
            ["GET", "HEAD"],
            path,
            response={200: list[out], 422: Error, **REFUSED},  # type: ignore[valid-type]
            url_name=name,
            tags=["history"],
            summary=summary,
        )
        return operation(paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)(view))

    return decorate


@a_page_of("/jobs/", JobOut, "jobs", "Your jobs, a page at a time")
def jobs(
    request: HttpRequest,
    stage: Literal["held", "offer"] | None = Query(None, description="Only held jobs, or offers."),
) -> QuerySet[Job]:
    """The person's jobs and offers, newest start first (offers without a date on top), with
    the export's fields. `page` counts from 1; `page_size` is 50 unless asked, at most 100.
    Six queries a page, however long the history."""
    rows = (
        Job.objects.owned_by(cast(User, request.user))
        .newest_first()
        .prefetch_related(
            Prefetch("skill_links", JobSkill.objects.select_related("skill").order_by()),
            "benefit_links",
            Prefetch("goals", CareerGoal.objects.only("pk").order_by()),
            Prefetch("contacts", Contact.objects.only("pk").order_by()),
        )
    )
    return rows if stage is None else rows.filter(stage=stage)


class DirectionOut(DirectionRecord, Identified):
    """A direction with the fields of the export (`directions[]` of a bearing-export file);
    it is known by its `id`."""

    key: str = Field("", exclude=True)

    @staticmethod
    def resolve_occupation(direction: CareerDirection) -> str | None:
        return direction.occupation or None

    @staticmethod
    def resolve_target_skills(direction: CareerDirection) -> list[dict[str, Any]]:
        links = sorted(
            direction.skill_links.all(),
            key=lambda link: (-link.importance, link.skill.name.casefold()),
        )
        return [{"skill": link.skill.name, "importance": link.importance} for link in links]

    @staticmethod
    def resolve_values(direction: CareerDirection) -> list[dict[str, Any]]:
        links = sorted(
            direction.value_links.all(), key=lambda link: value_link_order(link.value, link.weight)
        )
        return [{"value": link.value, "weight": link.weight} for link in links]


@a_page_of("/directions/", DirectionOut, "directions", "Your directions, a page at a time")
def directions(
    request: HttpRequest,
    status: Literal["current", "past", "considering"] | None = Query(
        None, description="Only the directions of this status."
    ),
) -> QuerySet[CareerDirection]:
    """The person's directions, the latest started first (undated ones last), with their
    target skills and values. Four queries a page."""
    rows = (
        CareerDirection.objects.owned_by(cast(User, request.user))
        .order_by("-started_on", "-pk")
        .prefetch_related(
            Prefetch("skill_links", DirectionSkill.objects.select_related("skill").order_by()),
            "value_links",
        )
    )
    return rows if status is None else rows.filter(status=status)
