"""What a person's history adds up to: every job scored, the held ones summed up, how much
of the direction's skills they have, and the next steps, as data (alignment.steps says
them in words). Pure, like alignment.scoring, whose formula it applies."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TypedDict, cast

from alignment.scoring import (
    ALIGNED_AT,
    BILLS,
    BUILT,
    DirectionData,
    GoalData,
    JobData,
    JobResult,
    TargetSkill,
    current_direction,
    round_half_up,
    score_jobs,
    summarise,
)
from core.vocabulary import (
    ACTIVE,
    HELD,
    OPEN_GOALS,
)
from core.words import fold


@dataclass(frozen=True)
class NextStep:
    """A suggestion the dashboard shows: its kind, the ids it links to, and the facts its
    sentence names (alignment.steps words it)."""

    kind: str
    skill_name: str | None = None
    importance: int | None = None
    goal_id: int | None = None
    goal_title: str = ""
    due: date | None = None
    direction_id: int | None = None
    direction_title: str = ""
    job_id: int | None = None
    job_title: str = ""
    job_employer: str = ""
    score: int | None = None
    phrases: tuple[str, ...] = ()
    # Beside each phrase, the held job after which the person wrote that they want to avoid it.
    avoided_after: tuple[str, ...] = ()
    lacking: tuple[str, ...] = ()
    more: int = 0
    every_skill: bool = False


@dataclass(frozen=True)
class Alignment:
    """The whole dashboard: every job scored, the summaries, and the next steps."""

    as_of: date
    direction: DirectionData | None
    overall: int | None
    overall_exact: Fraction | None
    aligned_share: int | None
    coverage: int | None
    missing: tuple[str, ...]
    drift: bool
    recent: int | None
    jobs: tuple[JobResult, ...]
    next_steps: tuple[NextStep, ...]


class _JobNamed(TypedDict):
    job_id: int
    job_title: str
    job_employer: str


class _DirectionNamed(TypedDict):
    direction_id: int
    direction_title: str


def _naming_job(job: JobData) -> _JobNamed:
    """What a step that links to a job says of it."""
    return {"job_id": job.id, "job_title": job.title, "job_employer": job.employer}


def _naming_direction(direction: DirectionData) -> _DirectionNamed:
    """What a step that links to a direction says of it."""
    return {"direction_id": direction.id, "direction_title": direction.title}


def _coverage(
    direction: DirectionData | None, target_skills: tuple[TargetSkill, ...]
) -> tuple[int | None, tuple[TargetSkill, ...]]:
    if direction is None or not target_skills:
        return None, ()
    total = sum(s.importance for s in target_skills)
    got = sum(s.importance for s in target_skills if s.covered)
    missing = tuple(
        sorted(
            (s for s in target_skills if not s.covered),
            key=lambda s: (-s.importance, fold(s.name), s.name),
        )
    )
    return round_half_up(Fraction(100 * got, total)), missing


def _mentions(text: str, name: str) -> bool:
    # Whole words only, so a skill "Art" is not found in "Start a band".
    needle = fold(name)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", fold(text)) is not None


def _learn_steps(
    direction: DirectionData, missing: tuple[TargetSkill, ...], goals: Iterable[GoalData]
) -> list[NextStep]:
    if not missing:
        return []
    top = max(s.importance for s in missing)
    active = [g for g in goals if g.status == ACTIVE]
    steps = []
    for skill in missing:
        if skill.importance != top or skill.taught:
            continue
        if any(_mentions(f"{g.title}\n{g.description}", skill.name) for g in active):
            continue
        steps.append(
            NextStep(
                kind="learn_skill",
                skill_name=skill.name,
                importance=skill.importance,
                **_naming_direction(direction),
            )
        )
    return steps


def _overdue_steps(goals: Iterable[GoalData], today: date) -> list[NextStep]:
    overdue = sorted(
        (
            g
            for g in goals
            if g.target_date is not None and g.target_date < today and g.status in OPEN_GOALS
        ),
        key=lambda g: (g.target_date, g.id),
    )
    return [
        NextStep(
            kind="overdue_goal",
            goal_id=g.id,
            goal_title=g.title,
            due=g.target_date,
            direction_id=g.direction_id,
        )
        for g in overdue
    ]


def _shape_steps(direction: DirectionData | None) -> list[NextStep]:
    if direction is None:
        return []
    lacking = [
        part
        for part, total in (
            ("goals", direction.goals_total),
            ("values", direction.values_total),
            ("target skills", direction.skills_total),
        )
        if not total
    ]
    if not lacking:
        return []
    return [
        NextStep(kind="shape_direction", lacking=tuple(lacking), **_naming_direction(direction))
    ]


def _an_offer_builds(results: Iterable[JobResult]) -> bool:
    """Whether an offer on the table would build the career: then weighing it is the step,
    and steps toward other jobs would pull the other way."""
    return any(r.job.stage != HELD and r.verdict == BUILT for r in results)


def _weak_steps(results: Iterable[JobResult]) -> list[NextStep]:
    """Ongoing held jobs scoring under ALIGNED_AT — unless an offer would build the career."""
    results = tuple(results)
    if _an_offer_builds(results):
        return []
    return [
        NextStep(kind="weak_job", direction_id=r.direction_id, score=r.score, **_naming_job(r.job))
        for r in results
        if r.job.stage == HELD
        and r.job.ended_on is None
        and r.score is not None
        and r.score < ALIGNED_AT
    ]


def _next_job_steps(
    results: Iterable[JobResult], focus: DirectionData | None, coverage: int | None
) -> list[NextStep]:
    """When most of the days in scored held jobs paid the bills: look for a job that would
    pay now and also build the career (the dashboard links it to "Your next job") — unless
    an offer on the table would build it already."""
    results = tuple(results)
    if _an_offer_builds(results):
        return []
    scored = [r for r in results if r.job.stage == HELD and r.exact is not None and r.days > 0]
    total = sum(r.days for r in scored)
    bills = sum(r.days for r in scored if r.verdict == BILLS)
    if focus is None or not total or 2 * bills <= total:
        return []
    return [NextStep(kind="next_job", every_skill=coverage == 100, **_naming_direction(focus))]


def _offer_steps(
    results: Iterable[JobResult], focus: DirectionData | None
) -> tuple[list[NextStep], list[NextStep]]:
    """Offers worth a look: (those that would build the direction, scoring ALIGNED_AT or more
    with nothing to avoid: the dashboard leads with them, as an offer does not wait; those
    that trip an avoid note)."""
    building, flagged = [], []
    for r in results:
        if r.job.stage == HELD:
            continue
        offer = _naming_job(r.job)
        if r.flags:
            phrases = tuple(flag.phrase for flag in r.flags)
            after = tuple(flag.job_title for flag in r.flags)
            flagged.append(
                NextStep(kind="weigh_offer", phrases=phrases, avoided_after=after, **offer)
            )
        elif r.score is not None and r.score >= ALIGNED_AT and focus is not None:
            building.append(
                NextStep(kind="weigh_offer", score=r.score, direction_title=focus.title, **offer)
            )
    return building, flagged


def _describe_steps(results: Iterable[JobResult]) -> list[NextStep]:
    """Held jobs that say nothing yet, left out of every figure until they do: one step,
    for the newest of them."""
    silent = [r.job for r in results if r.job.stage == HELD and not r.job.described]
    if not silent:
        return []
    return [NextStep(kind="describe_job", more=len(silent) - 1, **_naming_job(silent[0]))]


def assess(
    *,
    jobs: Iterable[JobData],
    directions: Iterable[DirectionData],
    today: date,
    target_skills: Iterable[TargetSkill] = (),
    goals: Iterable[GoalData] = (),
    direction_id: int | None = None,
) -> Alignment:
    """Set every job against its direction and sum up the held ones.

    ``target_skills`` are the focus direction's (the one asked for, or else the current
    one), for coverage, missing skills and what to learn next; ``goals`` are the goals the
    next steps look at (overdue ones, active ones that mention a missing skill). The
    result does not depend on the order of any input rows.
    """
    directions = tuple(sorted(directions, key=lambda d: d.id))
    results = score_jobs(jobs, directions, today, direction_id)
    if direction_id is None:
        focus = current_direction(directions)
    else:
        focus = next(d for d in directions if d.id == direction_id)
    summary = summarise(results, today)
    coverage, missing = _coverage(focus, tuple(target_skills))
    goals = tuple(sorted(goals, key=lambda g: g.id))
    if direction_id is not None:
        # What if: the steps speak of the direction asked about, and of its goals only.
        goals = tuple(g for g in goals if g.direction_id == direction_id)
    building, flagged = _offer_steps(results, focus)
    next_steps = (
        building
        + _learn_steps(cast(DirectionData, focus), missing, goals)  # missing: there is a focus
        + _overdue_steps(goals, today)
        + _shape_steps(focus)
        + _next_job_steps(results, focus, coverage)
        + flagged
        + _describe_steps(results)
        + _weak_steps(results)
    )
    return Alignment(
        as_of=today,
        direction=focus,
        overall=summary.overall,
        overall_exact=summary.overall_exact,
        aligned_share=summary.aligned_share,
        coverage=coverage,
        missing=tuple(s.name for s in missing),
        drift=summary.drift,
        recent=summary.recent,
        jobs=results,
        next_steps=tuple(next_steps),
    )
