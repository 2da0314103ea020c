"""The occupation reference as JSON: `GET /api/v1/occupations/?q=TEXT` and `…/CODE/`.

The same for every signed-in person (it is O*NET's data, not anybody's own), so the views
look nothing up in the database.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from . import occupations


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


@require_safe
def occupation_search(request):
    """GET /api/v1/occupations/?q=TEXT: at most 10 occupations whose titles match, best first.

    No q, or only white space: no results. A q over 200 characters: 400, with the reason.
    """
    query = request.GET.get("q", "")
    if len(query) > occupations.MAX_QUERY_LENGTH:
        detail = f"q is longer than {occupations.MAX_QUERY_LENGTH} characters."
        return JsonResponse({"detail": detail}, status=400)
    return JsonResponse({"results": [match_document(m) for m in occupations.search(query)]})


@require_safe
def occupation_detail(request, code):
    """GET /api/v1/occupations/CODE/: one occupation; 404 for a code Bearing does not know."""
    occupation = occupations.get(code)
    if occupation is None:
        return JsonResponse({"detail": "No occupation has this code."}, status=404)
    return JsonResponse(occupation_document(occupation))
