"""The alignment's matching written out in plain Python, from a person's rows as they enter
them (a job's skills, goals and values; a direction's target skills, values and goals).

Bearing matches in the database (alignment.history) and hands alignment.scoring the summed
weights; these tests build the same weights from first principles, so that the worked
examples read as a person writes them and the database's matching has an oracle.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from alignment import assessment
from alignment import scoring as alignment
from alignment.scoring import GoalData
from core import vocabulary
from core.vocabulary import DROPPED, HELD


@dataclass(frozen=True)
class TargetSkill:
    skill_id: int
    name: str
    importance: int


@dataclass(frozen=True)
class Direction:
    id: int
    title: str
    status: str
    started_on: date | None
    ended_on: date | None
    target_skills: tuple[TargetSkill, ...] = ()
    values: tuple[tuple[str, int], ...] = ()
    goals: tuple[GoalData, ...] = ()


@dataclass(frozen=True)
class Job:
    id: int
    title: str
    employer: str
    stage: str
    started_on: date | None
    ended_on: date | None
    skill_ids: frozenset = frozenset()
    goal_ids: frozenset = frozenset()
    benefits: frozenset = frozenset()
    identity_fit: int | None = None
    description: str = ""
    schedule_label: str = ""
    avoid: str = ""
    employment_type: str = "full_time"
    pay_amount: object = None
    gained_ids: frozenset = frozenset()  # those of skill_ids the job gained


def paid(job: Job) -> bool:
    """DESIGN's rule, as written: a job is paid unless its employment type is volunteer or
    unpaid with no pay amount above 0 and no money among what it gave."""
    unpaid = (
        job.employment_type in ("volunteer", "unpaid")
        and not (job.pay_amount is not None and job.pay_amount > 0)
        and "money" not in job.benefits
    )
    return not unpaid


@dataclass(frozen=True)
class Learning:
    id: int
    title: str
    completed_on: date | None
    skill_ids: frozenset = frozenset()


def _open(direction):
    return [g for g in direction.goals if g.status != DROPPED]


def direction_data(direction: Direction) -> alignment.DirectionData:
    return alignment.DirectionData(
        id=direction.id,
        title=direction.title,
        status=direction.status,
        started_on=direction.started_on,
        ended_on=direction.ended_on,
        skills_total=sum(s.importance for s in direction.target_skills),
        goals_total=sum(g.priority for g in _open(direction)),
        values_total=sum(w for _, w in direction.values),
    )


def matched(job: Job, direction: Direction) -> alignment.Matched:
    """Σ importance of the target skills the job used or gained, Σ priority of the
    direction's goals (not dropped) it advanced, Σ weight of the values it gave."""
    return alignment.Matched(
        skills=sum(s.importance for s in direction.target_skills if s.skill_id in job.skill_ids),
        goals=sum(g.priority for g in _open(direction) if g.id in job.goal_ids),
        values=sum(w for key, w in direction.values if key in job.benefits),
    )


def job_data(job: Job, directions) -> alignment.JobData:
    return alignment.JobData(
        id=job.id,
        title=job.title,
        employer=job.employer,
        stage=job.stage,
        started_on=job.started_on,
        ended_on=job.ended_on,
        identity_fit=job.identity_fit,
        linked=bool(job.skill_ids or job.goal_ids or job.benefits),
        matched={d.id: matched(job, d) for d in directions},
        description=job.description,
        schedule_label=job.schedule_label,
        avoid=job.avoid,
        paid=paid(job),
    )


def target_skills(direction, jobs, learning):
    """The direction's target skills, each covered by a held job or completed learning, and
    taught by any learning; named by where it came from: the first held job (by start, then
    as made) that gained it, or else the first that used it, and the first learning
    completed (by date, then as made) that taught it."""
    if direction is None:
        return ()
    held = sorted((j for j in jobs if j.stage == HELD), key=lambda j: (j.started_on, j.id))
    done = sorted(
        (item for item in learning if item.completed_on is not None),
        key=lambda item: (item.completed_on, item.id),
    )
    taught = set()
    for item in learning:
        taught |= item.skill_ids

    def first(rows, skill_id, gained=None):
        return next(
            (
                row.title
                for row in rows
                if skill_id in row.skill_ids
                and (gained is None or skill_id in getattr(row, "gained_ids", frozenset()))
            ),
            "",
        )

    found = []
    for s in direction.target_skills:
        taught_by = first(held, s.skill_id, gained=True)
        job = taught_by or first(held, s.skill_id)
        course = first(done, s.skill_id)
        found.append(
            alignment.TargetSkill(
                s.name,
                s.importance,
                bool(job or course),
                s.skill_id in taught,
                job,
                course,
                bool(taught_by),
            )
        )
    return tuple(found)


def assess(*, jobs, directions, learning, today, direction_id=None, goals=()):
    """alignment.assessment.assess over raw rows; `goals` adds goals under no direction."""
    directions = list(directions)
    if direction_id is None:
        currents = [d for d in directions if d.status == "current"]
        focus = max(currents, key=lambda d: (d.started_on or date.min, d.id), default=None)
    else:
        focus = next((d for d in directions if d.id == direction_id), None)
    all_goals = {g.id: g for g in (*goals, *(g for d in directions for g in d.goals))}
    return assessment.assess(
        jobs=[job_data(job, directions) for job in jobs],
        directions=[direction_data(d) for d in directions],
        today=today,
        target_skills=target_skills(focus, jobs, learning),
        goals=list(all_goals.values()),
        direction_id=direction_id,
    )


def components(job: Job, direction: Direction) -> alignment.Components:
    return alignment.components(job_data(job, [direction]), direction_data(direction))


def score(job: Job, direction: Direction):
    return oracle_score(job_data(job, [direction]), direction_data(direction))


def choose_direction(job: Job, directions, today):
    """The raw direction alignment.choose_direction picks, or None."""
    directions = list(directions)
    chosen = oracle_choose_direction(
        job_data(job, directions), [direction_data(d) for d in directions], today
    )
    return None if chosen is None else next(d for d in directions if d.id == chosen.id)


def offer_flags(offer: Job, held_jobs):
    return oracle_offer_flags(job_data(offer, []), [job_data(j, []) for j in held_jobs])


# -- oracles: the rules written the slow, plain way, to check the fast ones against ---------


def oracle_choose_direction(
    job: alignment.JobData, directions, today: date
) -> alignment.DirectionData | None:
    """The direction a job is set against by default.

    An offer goes against the current direction. A held job goes against the current or
    past direction whose period overlaps its own by the most days; on a tie the one that
    started later (no start = earliest), then the one created later (the higher id); where
    none overlaps, the current direction; where there is none, None.
    """
    current = alignment.current_direction(directions)
    period = alignment.job_period(job, today)
    if job.stage != vocabulary.HELD or period is None:
        return current
    best, best_key = None, None
    for direction in directions:
        if direction.status not in (vocabulary.CURRENT, vocabulary.PAST):
            continue
        days = alignment.overlap_days(period, alignment.direction_period(direction, today))
        if days and (best_key is None or alignment._preference(days, direction) > best_key):
            best, best_key = direction, alignment._preference(days, direction)
    return best if best is not None else current


def oracle_offer_flags(offer: alignment.JobData, held_jobs) -> tuple[alignment.Flag, ...]:
    """Avoid-note phrases of held jobs that appear in an offer's title, employer,
    description or schedule label (case and inner white space folded).

    One flag per (phrase, job), ordered by job id, then the phrase's line; () for a job
    that is not an offer.
    """
    if offer.stage == vocabulary.HELD:
        return ()
    return alignment._flags(offer, alignment._avoid_phrases(held_jobs))


def oracle_exact_score(job: alignment.JobData, direction: alignment.DirectionData):
    """The exact score as (numerator, denominator), or None when no component is defined."""
    got = job.matched.get(direction.id, alignment.NOTHING)
    return alignment._exact(alignment._factors(direction), got, job.identity_fit)


def oracle_score(job: alignment.JobData, direction: alignment.DirectionData) -> Fraction | None:
    """The exact score as a Fraction (None when no component is defined)."""
    exact = oracle_exact_score(job, direction)
    return None if exact is None else Fraction(*exact)
