"""The direction side of the JSON API (config.api): the person's directions, a page at a time,
and the occupation reference, `GET /api/v1/occupations/?q=TEXT` and `…/CODE/`.

The occupations are the same for every signed-in person (it is O*NET's data, not anybody's
own), so those views look nothing up in the database.
"""

from datetime import date
from typing import Literal

from django.db.models import Prefetch
from django.http import JsonResponse
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from . import occupations
from .models import VALUE_ORDER, CareerDirection, DirectionSkill

router = Router()

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class Error(Schema):
    """What every error of the API answers, with its status."""

    detail: str = Field(examples=["No such direction."])


# Every operation may answer these: no or a bad token (401), too many requests (429).
REFUSED = {401: Error, 429: Error}


class Pages(PageNumberPagination):
    """ninja's pages, counted first: a page past the last is the empty page the API promises
    (`{"items": [], "count": N}`) without asking the database for it, so that a page number
    far beyond any list (`?page=99999999999999999999`) never reaches the database as an
    offset it cannot hold."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * size
        items = queryset[offset : offset + size] if offset < count else []
        return {self.items_attribute: items, "count": count}


# -- GET /api/v1/directions/ ------------------------------------------------------------------


class TargetSkillOut(Schema):
    skill: str
    importance: int = Field(ge=1, le=3, description="1 nice, 2 important, 3 essential.")


class ValueOut(Schema):
    value: str
    weight: int = Field(ge=1, le=3)


class DirectionOut(Schema):
    """A direction with the fields of the export (`directions[]` of a bearing-export file);
    it is known by its `id`."""

    id: int
    title: str
    occupation: str | None = Field(description="An O*NET-SOC code, or null.")
    statement: str
    status: Literal["current", "past", "considering"]
    started_on: date | None
    ended_on: date | None
    target_skills: list[TargetSkillOut]
    values: list[ValueOut]

    @staticmethod
    def resolve_occupation(direction):
        return direction.occupation or None

    @staticmethod
    def resolve_target_skills(direction):
        links = sorted(
            direction.skill_links.all(),
            key=lambda link: (-link.importance, link.skill.name.casefold()),
        )
        return [{"skill": link.skill.name, "importance": link.importance} for link in links]

    @staticmethod
    def resolve_values(direction):
        links = sorted(
            direction.value_links.all(), key=lambda link: (-link.weight, VALUE_ORDER[link.value])
        )
        return [{"value": link.value, "weight": link.weight} for link in links]


@router.api_operation(
    ["GET", "HEAD"],
    "/directions/",
    response={200: list[DirectionOut], 422: Error, **REFUSED},
    url_name="directions",
    tags=["history"],
    summary="Your directions, a page at a time",
)
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def directions(
    request,
    status: Literal["current", "past", "considering"] | None = Query(
        None, description="Only the directions of this status."
    ),
):
    """The person's directions, the latest started first (undated ones last), with their
    target skills and values. Four queries a page."""
    rows = (
        CareerDirection.objects.owned_by(request.user)
        .order_by("-started_on", "-pk")
        .prefetch_related(
            Prefetch("skill_links", DirectionSkill.objects.select_related("skill").order_by()),
            "value_links",
        )
    )
    return rows if status is None else rows.filter(status=status)


# -- GET /api/v1/occupations/ -----------------------------------------------------------------


class MatchOut(Schema):
    code: str = Field(examples=["27-2021.00"])
    title: str
    matched: str = Field(description="The title (or alternate title) that matched.")


class MatchesOut(Schema):
    results: list[MatchOut]


class RatingOut(Schema):
    name: str
    importance: int = Field(ge=0, le=100)


class TechnologyOut(Schema):
    name: str
    hot: bool


class OccupationOut(Schema):
    code: str
    title: str
    skills: list[RatingOut]
    knowledge: list[RatingOut]
    technology: list[TechnologyOut]
    borrowed_from: str | None = Field(
        description="The occupation whose ratings these are, when it has none of its own."
    )


def match_document(match):
    """One search result: the occupation, and the title of it that matched."""
    return {"code": match.code, "title": match.title, "matched": match.matched}


def occupation_document(occupation):
    """An occupation with its ratings (0-100, highest first) and technologies (hot first)."""
    return {
        "code": occupation.code,
        "title": occupation.title,
        "skills": [
            {"name": item.name, "importance": item.importance} for item in occupation.skills
        ],
        "knowledge": [
            {"name": item.name, "importance": item.importance} for item in occupation.knowledge
        ],
        "technology": [{"name": item.name, "hot": item.hot} for item in occupation.technology],
        "borrowed_from": occupation.borrowed_from,
    }


@router.api_operation(
    ["GET", "HEAD"],
    "/occupations/",
    response={200: MatchesOut, 400: Error, **REFUSED},
    url_name="occupation_search",
    tags=["occupations"],
    summary="Search O*NET occupations",
)
def occupation_search(
    request,
    q: str = Query("", description="Words of an occupation's title; at most 200 characters."),
):
    """At most 10 occupations whose titles match, best first: an exact title, then an exact
    alternate or reported title, then titles holding every word. No q, or only white space:
    no results. A q over 200 characters: 400, with the reason."""
    if len(q) > occupations.MAX_QUERY_LENGTH:
        detail = f"q is longer than {occupations.MAX_QUERY_LENGTH} characters."
        return JsonResponse({"detail": detail}, status=400)
    return JsonResponse({"results": [match_document(m) for m in occupations.search(q)]})


@router.api_operation(
    ["GET", "HEAD"],
    "/occupations/{code}/",
    response={200: OccupationOut, 404: Error, **REFUSED},
    url_name="occupation_detail",
    tags=["occupations"],
    summary="One O*NET occupation",
)
def occupation_detail(request, code: str):
    """One occupation, with its skill and knowledge ratings (0–100, highest first) and its
    technologies (hot first); 404 for a code Bearing does not know."""
    occupation = occupations.get(code)
    if occupation is None:
        return JsonResponse({"detail": "No occupation has this code."}, status=404)
    return JsonResponse(occupation_document(occupation))
