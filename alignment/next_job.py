"""Your next job: a person's bridges (alignment.bridges) and what the page says about them.

The person's side is read in a fixed number of queries, whatever the history: their
directions (1), their held jobs of the last five years, at most RECENT_JOBS of them (1),
the skills they have that O*NET names (1: at most as many as O*NET has names), and the
direction's target skills, covered or not (1, none without a direction). Every query is
scoped to the person inside the query. The ranking itself reads only the committed
occupation data (alignment.next_job.bridge_field), once per process.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse

from alignment import bridges, history
from alignment import scoring as alignment
from alignment.wording import career
from careers import occupations
from careers.models import DIRECTION_ORDER, Learning, Skill
from core import words
from core.vocabulary import CURRENT
from jobs.models import Job, JobSkill, Stage

RECENT_JOBS = 100  # the most recent held jobs of the last five years the bridges start from
LINKS_SHOWN = 5  # jobs offered a one-click link to an occupation
MENU_DIRECTIONS = 12  # directions offered to set the bridges toward
NAMED = 4  # names said in a bridge's sentences, then "and N more"
TITLES_SHOWN = 4  # the common titles said of an occupation


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """What the bridges start from, as read: the person's directions (by id), the one the
    bridges lead toward (or None), their recent held jobs, the names of the skills they
    have that O*NET names too, and the direction's target skills."""

    directions: dict
    direction: history.Direction | None
    recent: list
    skills: list
    targets: tuple


def recent_jobs(user: User, today: date) -> list[Any]:
    """The held jobs that reach into the last five years, newest first, at most
    RECENT_JOBS: (id, title, employer, occupation, started_on, ended_on). 1 query."""
    window = today - timedelta(days=bridges.WINDOW_DAYS - 1)
    rows = (
        Job.objects.owned_by(user)
        .held()
        .filter(started_on__lte=today)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=window))
        .order_by(F("started_on").desc(), "-pk")
    )
    columns = ("id", "title", "employer", "occupation", "started_on", "ended_on")
    return list(rows.values_list(*columns, named=True)[:RECENT_JOBS])


def skills_had(user: User) -> list[str]:
    """The names of the person's skills that a held job used or gave, or completed learning
    taught, among those O*NET names (compared without case). 1 query, at most as many rows
    as O*NET has names."""
    named = sorted({name.casefold() for name in bridge_field().named})
    held = JobSkill.objects.filter(skill=OuterRef("pk"), job__stage=Stage.HELD)
    learned = Learning.skills.through.objects.filter(
        skill=OuterRef("pk"), learning__completed_on__isnull=False
    )
    return list(
        Skill.objects.owned_by(user)
        .annotate(folded=Lower("name"))
        .filter(folded__in=named)
        .filter(Exists(held) | Exists(learned))
        .order_by("name")
        .values_list("name", flat=True)
    )


def read(user: User, today: date, direction_id: int | None = None) -> Inputs:
    """The person's side of the bridges (see the module): 4 queries, 3 without a
    direction. LookupError for a direction that is not the person's."""
    directions = history.directions(user)
    if direction_id is not None and direction_id not in directions:
        raise LookupError(direction_id)
    if direction_id is None:
        current = [row for row in directions.values() if row.status == CURRENT]
        direction = current[0] if current else None
    else:
        direction = directions[direction_id]
    targets: tuple[alignment.TargetSkill, ...] = ()
    if direction is not None:
        targets = history.target_skills(user, [direction.id])[direction.id]
    return Inputs(
        directions=directions,
        direction=direction,
        recent=recent_jobs(user, today),
        skills=skills_had(user),
        targets=targets,
    )


def missing(inputs: Inputs) -> list[bridges.Missing]:
    """The direction's target skills no held job or completed learning covers."""
    return [
        bridges.Missing(skill.name, skill.importance)
        for skill in inputs.targets
        if not skill.covered
    ]


def ranking(inputs: Inputs, today: date, limit: int | None = bridges.LIMIT) -> bridges.Ranking:
    """The bridges for what was read (alignment.bridges.rank)."""
    direction = inputs.direction
    return bridges.rank(
        bridge_field(),
        jobs=[
            bridges.RecentJob(row.occupation, row.started_on, row.ended_on)
            for row in inputs.recent
            if row.occupation
        ],
        skills=inputs.skills,
        direction=(direction.occupation or None) if direction else None,
        missing=missing(inputs),
        today=today,
        limit=limit,
    )


# -- saying it ---------------------------------------------------------------------------------


def percent(fraction: Fraction) -> int:
    """A measure from 0 to 1 as a whole percentage, halves up."""
    return alignment.round_half_up(100 * fraction)


def named(names: Iterable[str], limit: int = NAMED) -> str:
    """The first `limit` names joined ("a, b and c"), then "and N more"."""
    names = list(names)
    if len(names) <= limit:
        return words.joined(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit} more"


def zone_words(zone: int | None) -> str:
    """ "Some preparation needed" for Job Zone 2 (O*NET's words), or "" when unknown."""
    found = occupations.zones().get(zone)
    return found.name if found else ""


def offer_url(bridge: bridges.Bridge) -> str:
    """The offer form, filled with the occupation, its title, and what it would use and
    teach (the person checks and saves; nothing is saved before)."""
    query: dict[str, str | list[str]] = {"title": bridge.title, "occupation": bridge.code}
    if bridge.builds:
        query["teach"] = list(bridge.builds)
    if bridge.uses:
        query["use"] = list(bridge.uses[:NAMED])
    return f"{reverse('jobs:offer_add')}?{urlencode(query, doseq=True)}"


def direction_url(bridge: bridges.Bridge) -> str:
    """The direction form, filled with the occupation and its title, as one considered."""
    query = {"title": bridge.title, "occupation": bridge.code, "status": "considering"}
    return f"{reverse('careers:direction_add')}?{urlencode(query)}"


# Where what a bridge uses comes from: the person's skills and their recent work (on the
# offer page, the offer's work stands for their recent work).
USES_WHAT = "what your jobs and learning gave you"


def would_build(bridge: bridges.Bridge, direction_title: str, target_title: str) -> str:
    """ "It would build what you still miss for …: …" naming what a bridge would add toward
    the direction, or "" when it names nothing."""
    builds = []
    if bridge.builds:
        builds.append(f"what you still miss for {direction_title}: {named(bridge.builds)}")
    if bridge.closer_in and target_title:
        builds.append(f"more of what {target_title} ask: {named(bridge.closer_in, NAMED - 1)}")
    return "It would build " + "; and ".join(builds) + "." if builds else ""


def bridge_view(
    bridge: bridges.Bridge, direction_title: str, target_title: str, like_offer: bool = False
) -> dict[str, Any]:
    """What the page shows of a bridge: its measures as percentages, its Job Zone in
    words, what it uses and would build in sentences (`like_offer`: what it would build
    first, as the offer page's reason to show it), what else it is called, and the links
    to weigh it as an offer or consider it as a direction."""
    occupation = occupations.get(bridge.code)
    sentences = []
    if bridge.uses:
        if like_offer:
            sentences.append(f"It asks for much of what you have: {named(bridge.uses, 3)}.")
        else:
            sentences.append(f"It uses {USES_WHAT}: {named(bridge.uses)}.")
    build = would_build(bridge, direction_title, target_title)
    if build:
        sentences.insert(0 if like_offer else len(sentences), build)
    return {
        "title": bridge.title,
        "code": bridge.code,
        "zone": bridge.job_zone,
        "zone_words": zone_words(bridge.job_zone),
        "reach": percent(bridge.reach),
        "build": percent(bridge.build),
        "sentences": sentences,
        "also_called": list(occupation.common_titles[:TITLES_SHOWN]),
        "offer_url": offer_url(bridge),
        "direction_url": direction_url(bridge),
    }


def link_suggestions(recent: list[Any]) -> tuple[list[dict[str, Any]], int]:
    """The recent jobs linked to no occupation, each once by title, with the occupation
    their title finds first (None when it finds none): at most LINKS_SHOWN, and how many
    more there are."""
    unlinked, seen = [], set()
    for row in recent:
        if not row.occupation and row.title.casefold() not in seen:
            seen.add(row.title.casefold())
            unlinked.append(row)
    shown = []
    for row in unlinked[:LINKS_SHOWN]:
        found = occupations.search(row.title, 1)
        shown.append({"job": row, "match": found[0] if found else None})
    return shown, len(unlinked) - len(shown)


def started_from(ranking_: bridges.Ranking, recent: list[Any]) -> list[dict[str, Any]]:
    """The occupations the bridges start from, the most weight first, each with the titles
    of the recent jobs linked to it."""
    titles: dict[str, list[str]] = {}
    for row in recent:
        if row.occupation:
            titles.setdefault(row.occupation, [])
            if row.title not in titles[row.occupation]:
                titles[row.occupation].append(row.title)
    return [
        {"code": code, "title": occupations.get(code).title, "jobs": titles.get(code, [])}
        for code in ranking_.start
    ]


def page(user: User, today: date, direction_id: int | None = None) -> dict[str, Any]:
    """Everything the page "Your next job" shows: 4 queries (LookupError as `read`)."""
    inputs = read(user, today, direction_id)
    found = ranking(inputs, today)
    direction = inputs.direction
    target = occupations.get(direction.occupation) if direction and direction.occupation else None
    views = [
        bridge_view(bridge, direction.title if direction else "", target.title if target else "")
        for bridge in found.bridges
    ]
    links, more_links = link_suggestions(inputs.recent)
    menu = sorted(
        (row for row in inputs.directions.values() if direction is None or row.id != direction.id),
        key=lambda row: (DIRECTION_ORDER[row.status], -row.id),
    )
    return {
        "today": today,
        "direction": direction,
        "target": target,
        "ranking": found,
        "bridges": views,
        "started_from": started_from(found, inputs.recent),
        "zone": found.zone,
        "zone_words": zone_words(found.zone),
        "reach_words": zone_words(min(found.zone + bridges.ZONE_STEP, max(occupations.zones()))),
        "links": links,
        "more_links": more_links,
        "unnamed": found.unnamed,
        "unnamed_text": words.joined(found.unnamed),
        "directions": menu[:MENU_DIRECTIONS],
        "directions_more": max(len(menu) - MENU_DIRECTIONS, 0),
        "recent_count": len(inputs.recent),
        "recent_limit": RECENT_JOBS,
        "has_targets": bool(inputs.targets),
        # Linked to an occupation O*NET rates nothing for (an "All Other" group, say).
        "target_unrated": target is not None and not found.nearer,
    }


def like_offer(
    user: User, today: date, code: str, inputs: Inputs | None = None
) -> list[dict[str, Any]]:
    """Other occupations like an offer's (`code`) that would build more toward the current
    direction, best first (alignment.bridges.like), as the page shows bridges, each with
    `toward` ("your nurse career"): for the offer page's "Other jobs like this offer that
    would do more for your … career". Only those that name what they would build are kept:
    one whose profile is merely a little nearer the direction's gives the page no reason
    to show it. 4 queries (none when `inputs`, from `read`, are given); [] without a
    current direction or an occupation."""
    if not code:
        return []
    inputs = inputs or read(user, today)
    direction = inputs.direction
    if direction is None:
        return []
    target = occupations.get(direction.occupation) if direction.occupation else None
    found = bridges.like(
        bridge_field(),
        code,
        skills=inputs.skills,
        direction=direction.occupation or None,
        missing=missing(inputs),
        today=today,
    )
    toward = career(direction.title)
    target_title = target.title if target else ""
    return [
        {**bridge_view(bridge, direction.title, target_title, like_offer=True), "toward": toward}
        for bridge in found
        if would_build(bridge, direction.title, target_title)
    ]


@functools.cache
def bridge_field() -> bridges.Field:
    """Every occupation as alignment.bridges ranks them, made once per process from the
    catalogue (like the catalogue, it never changes while Bearing runs)."""
    found = occupations.catalogue()
    return bridges.Field(
        elements=(name for _, name in found.elements),
        means=found.means,
        occupations=(
            bridges.Occupation(
                code=item.code,
                title=item.title,
                zone=item.job_zone,
                profile=item.profile,
                rated=item.borrowed_from is None,
            )
            for item in found.occupations.values()
        ),
    )
