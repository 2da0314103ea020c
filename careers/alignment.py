"""Pure alignment scoring: sets a person's jobs against a career direction, exactly."""

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction

HELD = "held"
OFFER = "offer"
CURRENT = "current"
PAST = "past"
ACTIVE = "active"
ACHIEVED = "achieved"
DROPPED = "dropped"

SKILLS_WEIGHT = 4
GOALS_WEIGHT = 3
VALUES_WEIGHT = 2
IDENTITY_WEIGHT = 1

ALIGNED_AT = 50
DRIFT_WINDOW_DAYS = 365
DRIFT_POINTS = 15
WEAK_BELOW = 50

IMPORTANCE_PHRASES = {3: "essential to", 2: "important to", 1: "useful to"}


# -- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetSkill:
    """A skill a direction needs, with its importance 1 (nice) to 3 (essential)."""

    skill_id: int
    name: str
    importance: int


@dataclass(frozen=True)
class GoalData:
    """A goal under a direction."""

    id: int
    title: str
    description: str
    status: str
    priority: int
    target_date: date | None
    direction_id: int | None


@dataclass(frozen=True)
class DirectionData:
    """A career direction with its target skills, values (key, weight) and goals."""

    id: int
    title: str
    status: str
    started_on: date | None
    ended_on: date | None
    target_skills: tuple[TargetSkill, ...] = ()
    values: tuple[tuple[str, int], ...] = ()
    goals: tuple[GoalData, ...] = ()


@dataclass(frozen=True)
class JobData:
    """A held job or an offer, with what it gave: skills, goals advanced, values."""

    id: int
    title: str
    employer: str
    stage: str
    started_on: date | None
    ended_on: date | None
    skill_ids: frozenset[int] = frozenset()
    goal_ids: frozenset[int] = frozenset()
    benefits: frozenset[str] = frozenset()
    identity_fit: int | None = None
    description: str = ""
    schedule_label: str = ""
    avoid: str = ""


@dataclass(frozen=True)
class LearningData:
    """A piece of learning; it covers its skills once completed_on is set."""

    id: int
    title: str
    completed_on: date | None
    skill_ids: frozenset[int] = frozenset()


# -- outputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Components:
    """The four ratios of a job against a direction (None = undefined), with what matched.

    The ``*_weight`` pairs are (matched weight, total weight) before reduction, so a page can
    say "4 of 9"; the name tuples are ordered by weight (highest first), then name.
    """

    skills: Fraction | None
    goals: Fraction | None
    values: Fraction | None
    identity: Fraction | None
    skills_weight: tuple[int, int] = (0, 0)
    goals_weight: tuple[int, int] = (0, 0)
    values_weight: tuple[int, int] = (0, 0)
    skills_matched: tuple[str, ...] = ()
    skills_unmatched: tuple[str, ...] = ()
    goals_matched: tuple[str, ...] = ()
    goals_unmatched: tuple[str, ...] = ()
    values_matched: tuple[str, ...] = ()
    values_unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flag:
    """A phrase from a held job's avoid notes that an offer matches."""

    phrase: str
    job_id: int
    job_title: str


@dataclass(frozen=True)
class JobResult:
    """One job set against a direction (or unscored when there is none)."""

    job: JobData
    direction_id: int | None
    components: Components | None
    exact_score: Fraction | None
    score: int | None
    days: int
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class NextStep:
    """A suggestion the dashboard shows, with the ids it links to."""

    kind: str
    text: str
    skill_name: str | None = None
    goal_id: int | None = None
    direction_id: int | None = None
    job_id: int | None = None


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


# -- arithmetic and periods -----------------------------------------------------------------


def round_half_up(x: Fraction) -> int:
    """Round an exact number to the nearest integer, halves upwards (14.5 → 15)."""
    return math.floor(Fraction(x) + Fraction(1, 2))


def job_period(job: JobData, today: date) -> tuple[date, date] | None:
    """The job's period, both ends included, or None when it has none.

    A held job runs from started_on to the earlier of ended_on and today; one with no start
    or starting after today has no period. An offer with no start date has no period; one
    with a start runs to its ended_on or, open-ended, to the later of its start and today
    (like an ongoing job, never ending before it starts). Offers are not clipped to today:
    they describe a term still to come.
    """
    start = job.started_on
    if start is None:
        return None
    if job.stage == HELD:
        end = today if job.ended_on is None else min(job.ended_on, today)
    else:
        end = job.ended_on if job.ended_on is not None else max(start, today)
    if end < start:
        return None
    return (start, end)


def direction_period(direction: DirectionData, today: date) -> tuple[date | None, date]:
    """A direction's period: started_on (None = the beginning of time) to ended_on or today."""
    end = direction.ended_on if direction.ended_on is not None else today
    return (direction.started_on, end)


def overlap_days(a: tuple[date | None, date], b: tuple[date | None, date]) -> int:
    """Days two periods share, both ends included; a None start is the beginning of time."""
    starts = [s for s in (a[0], b[0]) if s is not None]
    if not starts:
        raise ValueError("two periods without a start overlap without bound")
    days = (min(a[1], b[1]) - max(starts)).days + 1
    return max(days, 0)


def _days(period: tuple[date, date] | None) -> int:
    return 0 if period is None else (period[1] - period[0]).days + 1


def _ratio(got: int, total: int) -> Fraction | None:
    return None if total == 0 else Fraction(got, total)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


# -- one job --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    """A direction's parts in their reading order, with their total weights: computed once
    per direction, not once per job."""

    skills: tuple[TargetSkill, ...]
    goals: tuple[GoalData, ...]
    values: tuple[tuple[str, int], ...]
    skills_total: int
    goals_total: int
    values_total: int


def _prepare(direction: DirectionData) -> _Prepared:
    skills = tuple(
        sorted(direction.target_skills, key=lambda s: (-s.importance, _fold(s.name), s.name))
    )
    goals = tuple(
        sorted(
            (g for g in direction.goals if g.status != DROPPED),
            key=lambda g: (-g.priority, _fold(g.title), g.id),
        )
    )
    values = tuple(sorted(direction.values, key=lambda v: (-v[1], v[0])))
    return _Prepared(
        skills=skills,
        goals=goals,
        values=values,
        skills_total=sum(s.importance for s in skills),
        goals_total=sum(g.priority for g in goals),
        values_total=sum(w for _, w in values),
    )


def components(job: JobData, direction: DirectionData) -> Components:
    """The skills, goals, values and identity ratios of a job against a direction."""
    return _components(job, _prepare(direction))


def _components(job: JobData, prepared: _Prepared) -> Components:
    skill_hits = [s for s in prepared.skills if s.skill_id in job.skill_ids]
    skill_misses = [s for s in prepared.skills if s.skill_id not in job.skill_ids]
    skills_got = sum(s.importance for s in skill_hits)

    goal_hits = [g for g in prepared.goals if g.id in job.goal_ids]
    goal_misses = [g for g in prepared.goals if g.id not in job.goal_ids]
    goals_got = sum(g.priority for g in goal_hits)

    value_hits = [v for v in prepared.values if v[0] in job.benefits]
    value_misses = [v for v in prepared.values if v[0] not in job.benefits]
    values_got = sum(w for _, w in value_hits)

    identity = None if job.identity_fit is None else Fraction(job.identity_fit - 1, 4)

    return Components(
        skills=_ratio(skills_got, prepared.skills_total),
        goals=_ratio(goals_got, prepared.goals_total),
        values=_ratio(values_got, prepared.values_total),
        identity=identity,
        skills_weight=(skills_got, prepared.skills_total),
        goals_weight=(goals_got, prepared.goals_total),
        values_weight=(values_got, prepared.values_total),
        skills_matched=tuple(s.name for s in skill_hits),
        skills_unmatched=tuple(s.name for s in skill_misses),
        goals_matched=tuple(g.title for g in goal_hits),
        goals_unmatched=tuple(g.title for g in goal_misses),
        values_matched=tuple(k for k, _ in value_hits),
        values_unmatched=tuple(k for k, _ in value_misses),
    )


def score(parts: Components) -> Fraction | None:
    """The exact score, 100 × Σ W·x ÷ Σ W over the defined components; None if none is."""
    weighted = [
        (SKILLS_WEIGHT, parts.skills),
        (GOALS_WEIGHT, parts.goals),
        (VALUES_WEIGHT, parts.values),
        (IDENTITY_WEIGHT, parts.identity),
    ]
    defined = [(w, x) for w, x in weighted if x is not None]
    if not defined:
        return None
    # Over one common denominator, so that only the last step builds (and reduces) a Fraction.
    common = math.prod(x.denominator for _, x in defined)
    numerator = sum(w * x.numerator * (common // x.denominator) for w, x in defined)
    return Fraction(100 * numerator, common * sum(w for w, _ in defined))


def _current(directions) -> DirectionData | None:
    # At most one is current (a database constraint); should several arrive, the choice
    # must still not depend on their order, so the latest-started, then highest id, wins.
    currents = [d for d in directions if d.status == CURRENT]
    if not currents:
        return None
    return max(currents, key=lambda d: (d.started_on or date.min, d.id))


def choose_direction(
    job: JobData, directions: tuple[DirectionData, ...] | list[DirectionData], today: date
) -> DirectionData | None:
    """The direction a job is set against by default.

    An offer goes against the current direction. A held job goes against the current or
    past direction whose period overlaps its own by the most days; on a tie the one that
    started later (no start = earliest), then the higher id; where none overlaps, the
    current direction; where there is none, None.
    """
    current = _current(directions)
    period = job_period(job, today)
    if job.stage != HELD or period is None:
        return current
    best = None
    best_key = None
    for direction in directions:
        if direction.status not in (CURRENT, PAST):
            continue
        days = overlap_days(period, direction_period(direction, today))
        if days == 0:
            continue
        key = (days, direction.started_on or date.min, direction.id)
        if best_key is None or key > best_key:
            best, best_key = direction, key
    return best if best is not None else current


def offer_flags(offer: JobData, held_jobs) -> tuple[Flag, ...]:
    """Avoid-note phrases of held jobs that appear in an offer's title, employer,
    description or schedule label (case and inner white space folded).

    One flag per (phrase, job), ordered by job id, then the phrase's line; () for a job
    that is not an offer.
    """
    if offer.stage == HELD:
        return ()
    fields = [
        _fold(text)
        for text in (offer.title, offer.employer, offer.description, offer.schedule_label)
    ]
    flags = []
    for held in sorted((j for j in held_jobs if j.stage == HELD), key=lambda j: j.id):
        seen = set()
        for line in held.avoid.splitlines():
            phrase = line.strip()
            key = _fold(phrase)
            if not key or key in seen:
                continue
            seen.add(key)
            if any(key in text for text in fields):
                flags.append(Flag(phrase=phrase, job_id=held.id, job_title=held.title))
    return tuple(flags)


# -- the whole picture ----------------------------------------------------------------------


def _canonical(direction: DirectionData) -> DirectionData:
    # Row order from the database must never show through, so each direction's parts are
    # put in one fixed order before anything reads them.
    return replace(
        direction,
        target_skills=tuple(
            sorted(
                direction.target_skills,
                key=lambda s: (-s.importance, _fold(s.name), s.name, s.skill_id),
            )
        ),
        values=tuple(sorted(direction.values, key=lambda v: (-v[1], v[0]))),
        goals=tuple(sorted(direction.goals, key=lambda g: g.id)),
    )


def _mentions(text: str, name: str) -> bool:
    # Whole words only, so a skill "Art" is not found in "Start a band".
    needle = _fold(name)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", _fold(text)) is not None


def _weighted_mean(pairs) -> Fraction | None:
    # Summed per denominator in whole numbers, so a long history builds a handful of
    # Fractions rather than one per job; exact all the same.
    total = 0
    by_denominator = {}
    for days, x in pairs:
        total += days
        by_denominator[x.denominator] = by_denominator.get(x.denominator, 0) + days * x.numerator
    if total == 0:
        return None
    return sum((Fraction(n, d) for d, n in by_denominator.items()), Fraction(0)) / total


def _result(job, direction, prepared, held_jobs, today) -> JobResult:
    days = _days(job_period(job, today))
    flags = () if job.stage == HELD else offer_flags(job, held_jobs)
    if direction is None:
        return JobResult(job, None, None, None, None, days, flags)
    parts = _components(job, prepared[direction.id])
    exact = score(parts)
    rounded = None if exact is None else round_half_up(exact)
    return JobResult(job, direction.id, parts, exact, rounded, days, flags)


def _coverage(direction, held_jobs, learning) -> tuple[int | None, tuple[TargetSkill, ...]]:
    if direction is None or not direction.target_skills:
        return None, ()
    covered = set()
    for job in held_jobs:
        covered |= job.skill_ids
    for item in learning:
        if item.completed_on is not None:
            covered |= item.skill_ids
    got = sum(s.importance for s in direction.target_skills if s.skill_id in covered)
    total = sum(s.importance for s in direction.target_skills)
    # target_skills are canonical (importance first, then name), so missing is in order too.
    missing = tuple(s for s in direction.target_skills if s.skill_id not in covered)
    return round_half_up(100 * Fraction(got, total)), missing


def _learn_steps(direction, missing, goals, learning) -> list[NextStep]:
    if not missing:
        return []
    top = max(s.importance for s in missing)
    taught = set()
    for item in learning:
        taught |= item.skill_ids
    active = [g for g in goals if g.status == ACTIVE]
    steps = []
    for skill in missing:
        if skill.importance != top or skill.skill_id in taught:
            continue
        if any(_mentions(f"{g.title}\n{g.description}", skill.name) for g in active):
            continue
        phrase = IMPORTANCE_PHRASES.get(skill.importance, "needed for")
        steps.append(
            NextStep(
                kind="learn_skill",
                text=(
                    f"Find a way to learn {skill.name} — it is {phrase} {direction.title} "
                    "and nothing covers it yet."
                ),
                skill_name=skill.name,
                direction_id=direction.id,
            )
        )
    return steps


def _overdue_steps(goals, today) -> list[NextStep]:
    overdue = sorted(
        (
            g
            for g in goals
            if g.target_date is not None
            and g.target_date < today
            and g.status not in (ACHIEVED, DROPPED)
        ),
        key=lambda g: (g.target_date, g.id),
    )
    return [
        NextStep(
            kind="overdue_goal",
            text=(
                f"“{g.title}” was due on {g.target_date.isoformat()} — "
                "mark it achieved, set a new date, or drop it."
            ),
            goal_id=g.id,
            direction_id=g.direction_id,
        )
        for g in overdue
    ]


def _shape_steps(direction) -> list[NextStep]:
    if direction is None:
        return []
    lacking = [
        part
        for part, present in (
            ("goals", any(g.status != DROPPED for g in direction.goals)),
            ("values", bool(direction.values)),
            ("target skills", bool(direction.target_skills)),
        )
        if not present
    ]
    if not lacking:
        return []
    listed = lacking[0] if len(lacking) == 1 else ", ".join(lacking[:-1]) + " or " + lacking[-1]
    return [
        NextStep(
            kind="shape_direction",
            text=(
                f"{direction.title} has no {listed} yet — add them so your jobs can be set "
                "against it."
            ),
            direction_id=direction.id,
        )
    ]


def _job_name(job: JobData) -> str:
    return f"{job.title} at {job.employer}" if job.employer else job.title


def _weak_steps(results) -> list[NextStep]:
    return [
        NextStep(
            kind="weak_job",
            text=(
                f"{_job_name(r.job)} scores {r.score} — look for ways it can "
                "build your direction, or plan what comes next."
            ),
            direction_id=r.direction_id,
            job_id=r.job.id,
        )
        for r in results
        if r.job.stage == HELD
        and r.job.ended_on is None
        and r.score is not None
        and r.score < WEAK_BELOW
    ]


@dataclass(frozen=True)
class Plan:
    """The directions in canonical order, the current one, the focus, and each direction's
    parts prepared: what scoring a job needs besides the job. ``direction_id`` is the
    what-if direction asked for (None: each job goes against its own)."""

    directions: tuple[DirectionData, ...]
    current: DirectionData | None
    focus: DirectionData | None
    direction_id: int | None
    prepared: dict


def plan(directions, direction_id: int | None = None) -> Plan:
    """Prepare the directions once for scoring every job (LookupError for an unknown
    ``direction_id``)."""
    directions = tuple(sorted((_canonical(d) for d in directions), key=lambda d: d.id))
    current = _current(directions)
    if direction_id is None:
        focus = current
    else:
        focus = next((d for d in directions if d.id == direction_id), None)
        if focus is None:
            raise LookupError(f"no direction with id {direction_id}")
    return Plan(
        directions=directions,
        current=current,
        focus=focus,
        direction_id=direction_id,
        prepared={direction.id: _prepare(direction) for direction in directions},
    )


def job_result(job: JobData, the_plan: Plan, held_jobs, today: date) -> JobResult:
    """One job set against its direction under ``the_plan``.

    A held job's result depends on nothing but the job, the plan and today; an offer's
    flags also read the held jobs' avoid notes.
    """
    if the_plan.direction_id is not None:
        direction = the_plan.focus
    elif job.stage == HELD:
        direction = choose_direction(job, the_plan.directions, today)
    else:
        direction = the_plan.current
    return _result(job, direction, the_plan.prepared, held_jobs, today)


def summarise(the_plan: Plan, results, learning, today: date, goals=()) -> Alignment:
    """The whole picture from every job's result: overall, aligned share, drift, coverage
    and next steps. ``results`` may come in any order."""
    directions = the_plan.directions
    focus = the_plan.focus
    learning = tuple(learning)
    results = sorted(
        results,
        key=lambda r: (r.job.started_on is None, r.job.started_on or date.min, r.job.id),
        reverse=True,
    )
    held_jobs = [r.job for r in results if r.job.stage == HELD]

    scored = [
        r for r in results if r.job.stage == HELD and r.exact_score is not None and r.days > 0
    ]
    overall_exact = _weighted_mean([(r.days, r.exact_score) for r in scored])
    overall = None if overall_exact is None else round_half_up(overall_exact)
    total_days = sum(r.days for r in scored)
    aligned_exact = (
        Fraction(100 * sum(r.days for r in scored if r.score >= ALIGNED_AT), total_days)
        if total_days
        else None
    )
    aligned_share = None if aligned_exact is None else round_half_up(aligned_exact)

    window = (today - timedelta(days=DRIFT_WINDOW_DAYS - 1), today)
    recent_exact = _weighted_mean(
        [
            (overlap_days(job_period(r.job, today), window), r.exact_score)
            for r in scored
            # A job that ended before the window cannot overlap it (most of a long history).
            if r.job.ended_on is None or r.job.ended_on >= window[0]
        ]
    )
    recent = None if recent_exact is None else round_half_up(recent_exact)
    drift = recent is not None and overall is not None and recent <= overall - DRIFT_POINTS

    coverage, missing = _coverage(focus, held_jobs, learning)
    all_goals = tuple(
        sorted(
            {g.id: g for g in (*goals, *(g for d in directions for g in d.goals))}.values(),
            key=lambda g: g.id,
        )
    )
    next_steps = (
        _learn_steps(focus, missing, all_goals, learning)
        + _overdue_steps(all_goals, today)
        + _shape_steps(focus)
        + _weak_steps(results)
    )

    return Alignment(
        as_of=today,
        direction=focus,
        overall=overall,
        overall_exact=overall_exact,
        aligned_share=aligned_share,
        coverage=coverage,
        missing=tuple(s.name for s in missing),
        drift=drift,
        recent=recent,
        jobs=tuple(results),
        next_steps=tuple(next_steps),
    )


def assess(
    *,
    jobs,
    directions,
    learning,
    today: date,
    direction_id: int | None = None,
    goals=(),
) -> Alignment:
    """Set every job against its direction and summarise the held ones.

    With ``direction_id`` every job, held or offer, is set against that direction (any
    status; LookupError when it is not among ``directions``); otherwise each held job goes
    against choose_direction and each offer against the current direction. The result does
    not depend on the order of any input rows: ``Alignment.direction`` is a copy of the
    direction with its target skills, values and goals in one fixed order. ``goals`` may
    add goals that sit under no direction, so overdue ones are suggested too.

    The same as ``summarise`` over ``job_result`` of each job, which is how a caller that
    keeps unchanged jobs' results between changes (jobs.dashboard) gets the same answer.
    """
    the_plan = plan(directions, direction_id)
    jobs = tuple(jobs)
    held_jobs = tuple(j for j in jobs if j.stage == HELD)
    results = [job_result(job, the_plan, held_jobs, today) for job in jobs]
    return summarise(the_plan, results, learning, today, goals)
