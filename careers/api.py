"""The direction side of the JSON API (config.api): the person's directions, a page at a time,
and the occupation reference, `GET /api/v1/occupations/?q=TEXT` and `…/CODE/`.

The occupations are the same for every signed-in person (it is O*NET's data, not anybody's
own), so those views look nothing up in the database.
"""

from django.http import JsonResponse
from ninja import Field, Query, Router, Schema

from careers import occupations
from core.api import REFUSED, Error

router = Router()

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


# -- GET /api/v1/directions/ ------------------------------------------------------------------


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
