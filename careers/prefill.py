"""A form's initial values from its address: what the page "Your next job" fills in when
a person weighs a bridge as an offer or considers it as a direction. Only initial values:
nothing is saved until the person saves the form, and anything odd is left out."""

from careers import occupations
from core.words import clean_name

TITLE_LENGTH = 200  # as long as a job's or a direction's title
SKILLS_ASKED = 20  # at most, each at most SKILL_LENGTH characters
SKILL_LENGTH = 100


def _text(request, key, limit):
    return " ".join(request.GET.get(key, "").replace("\x00", "").split())[:limit]


def occupation_prefill(request):
    """{"title", "occupation"} from `?title=…&occupation=CODE`: the title trimmed to a
    title's length, the occupation only when Bearing knows the code."""
    initial = {}
    title = _text(request, "title", TITLE_LENGTH)
    if title:
        initial["title"] = title
    code = request.GET.get("occupation", "")
    if occupations.is_code(code) and occupations.exists(code):
        initial["occupation"] = code
    return initial


def skill_names(request, key):
    """The skill names of `?key=…&key=…`, cleaned, each once, at most SKILLS_ASKED."""
    names, seen = [], set()
    for raw in request.GET.getlist(key)[:SKILLS_ASKED]:
        name = clean_name(raw.replace("\x00", ""))[:SKILL_LENGTH]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names
