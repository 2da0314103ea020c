"""Pure alignment scoring: a person's jobs set against a career direction, exactly.

Plain data in, frozen results out, no ORM. The database does the matching (which target
skills a job used, which goals it advanced, which values it gave, summed as weights per
job and direction: alignment.history); this module adds those small integers up by the
formula. Every rule of the formula lives here once, and the rest of Bearing imports it.
"""

import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, cast

from core.vocabulary import (
    CURRENT,
    FOLLOWED,
    HELD,
    UNPAID_TYPES,
)
from core.words import fold

if TYPE_CHECKING:
    from alignment.history import Direction

# The score's weights: what a job gave of the direction's skills counts four times as
# much as how it fitted who the person is.
SKILLS_WEIGHT = 4
GOALS_WEIGHT = 3
VALUES_WEIGHT = 2
IDENTITY_WEIGHT = 1
WEIGHTS = {
    "skills": SKILLS_WEIGHT,
    "goals": GOALS_WEIGHT,
    "values": VALUES_WEIGHT,
    "identity": IDENTITY_WEIGHT,
}

# A job scoring this or more built the career (aligned share, next steps, the verdicts);
# from PARTLY_AT up to it, it built some of it.
ALIGNED_AT = 50
PARTLY_AT = 25
DRIFT_WINDOW_DAYS = 365
DRIFT_POINTS = 15


# The verdicts, the one answer to "did this job build my career, or just pay the bills?",
# in the order the pages list them.
BUILT = "built"
PARTLY = "partly"
BILLS = "bills"
LITTLE = "little"
DETAILS = "details"
UNSCORED = "unscored"
VERDICTS = (BUILT, PARTLY, BILLS, LITTLE, DETAILS, UNSCORED)


def followed(direction: "DirectionData | Direction") -> bool:
    """A direction a held job is set against by default: one the person follows now or
    followed (current or past), not one they are only considering."""
    return direction.status in FOLLOWED


def is_paid(employment_type: str, pay_amount: Decimal | None, gave_money: bool) -> bool:
    """Whether a job is paid: every job is, unless it is volunteer or unpaid work with no pay
    amount above 0 and no money among what it gave."""
    if employment_type not in UNPAID_TYPES:
        return True
    return (pay_amount is not None and pay_amount > 0) or gave_money


def verdict(score: int | None, *, described: bool, paid: bool) -> str:
    """A job's verdict, from its own rounded score and whether it is paid, never from other
    jobs: built (ALIGNED_AT or more), partly (PARTLY_AT or more), bills (under PARTLY_AT and
    paid) or little (under PARTLY_AT and unpaid); details when the job is undescribed, and
    unscored when there is no direction to set it against or no component is defined."""
    if not described:
        return DETAILS
    if score is None:
        return UNSCORED
    if score >= ALIGNED_AT:
        return BUILT
    if score >= PARTLY_AT:
        return PARTLY
    return BILLS if paid else LITTLE


# -- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectionData:
    """A career direction and the totals its parts weigh: Σ importance of its target
    skills, Σ priority of its goals that are not dropped, Σ weight of its values."""

    id: int
    title: str
    status: str
    started_on: date | None
    ended_on: date | None
    skills_total: int = 0
    goals_total: int = 0
    values_total: int = 0


# Jobs are many (a history of thousands): they and their results are named tuples, which
# are made several times faster than frozen dataclasses.


class Matched(NamedTuple):
    """What one job gave of one direction, as weights: Σ importance of the target skills
    it used or gained, Σ priority of the direction's goals (not dropped) it advanced,
    Σ weight of the direction's values it gave."""

    skills: int = 0
    goals: int = 0
    values: int = 0


NOTHING = Matched()
NO_MATCHES: Mapping[int, Matched] = MappingProxyType({})


class JobData(NamedTuple):
    """A held job or an offer.

    ``matched`` maps a direction id to what the job gave of that direction (a direction
    it gave nothing of may be left out). ``linked`` says whether the job names any skill,
    value gained or goal advanced at all, of any direction.
    """

    id: int
    title: str
    employer: str
    stage: str
    started_on: date | None
    ended_on: date | None
    identity_fit: int | None = None
    linked: bool = False
    matched: Mapping[int, Matched] = NO_MATCHES
    description: str = ""
    schedule_label: str = ""
    avoid: str = ""
    paid: bool = True  # is_paid()

    @property
    def described(self) -> bool:
        """Whether the job tells anything to score: said nothing is unknown, not zero."""
        return self.linked or self.identity_fit is not None


@dataclass(frozen=True)
class TargetSkill:
    """A target skill of a direction, with its importance 1–3, whether a held job or a
    completed piece of learning covers it, and whether any learning (finished or not)
    teaches it; `job` and `learning` name where it came from ("" for none): the first held
    job that gained it (or else the first that used it) and the first learning completed
    that taught it."""

    name: str
    importance: int
    covered: bool = False
    taught: bool = False
    job: str = ""
    learning: str = ""
    job_taught: bool = False  # whether `job` taught it (gained), not only used it


@dataclass(frozen=True)
class GoalData:
    """A goal, under a direction or under none."""

    id: int
    title: str
    description: str
    status: str
    priority: int
    target_date: date | None
    direction_id: int | None


# -- outputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Components:
    """The four ratios of a job against a direction (None = undefined), and the weights
    they come from: (matched, total), so a page can say "4 of 9"."""

    skills: Fraction | None
    goals: Fraction | None
    values: Fraction | None
    identity: Fraction | None
    skills_weight: tuple[int, int] = (0, 0)
    goals_weight: tuple[int, int] = (0, 0)
    values_weight: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Flag:
    """A phrase from a held job's avoid notes that an offer matches."""

    phrase: str
    job_id: int
    job_title: str


class JobResult(NamedTuple):
    """One job set against a direction.

    ``direction`` is None when there is none to set it against. ``score`` is the rounded
    score, None when the job is undescribed or no component is defined; ``exact`` is the
    exact score as (numerator, denominator), kept whole for summing. The components are
    worked out when asked for.
    """

    job: JobData
    direction: DirectionData | None
    score: int | None
    days: int
    flags: tuple[Flag, ...] = ()
    exact: tuple[int, int] | None = None

    @property
    def direction_id(self) -> int | None:
        return None if self.direction is None else self.direction.id

    @property
    def needs_details(self) -> bool:
        return not self.job.described

    @property
    def verdict(self) -> str:
        """The job's verdict (see verdict()). A job with no direction is unscored, even
        undescribed: there is nothing to set it against."""
        if self.direction is None:
            return UNSCORED
        return verdict(self.score, described=self.job.described, paid=self.job.paid)

    @property
    def exact_score(self) -> Fraction | None:
        return None if self.exact is None else Fraction(*self.exact)

    @property
    def components(self) -> Components | None:
        """The components, or None for a job with no direction or no details."""
        if self.direction is None or not self.job.described:
            return None
        return components(self.job, self.direction)


# -- arithmetic and periods -----------------------------------------------------------------


def round_half_up(x: Fraction | float) -> int:
    """Round an exact number to the nearest integer, halves upwards (14.5 → 15)."""
    return math.floor(Fraction(x) + Fraction(1, 2))


def _rounded(numerator: int, denominator: int) -> int:
    """round_half_up(numerator / denominator) in whole numbers (denominator > 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


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


def overlap_days(a: tuple[date | None, date] | None, b: tuple[date | None, date]) -> int:
    """Days two periods share, both ends included; a None start is the beginning of time,
    and no period (None) shares none."""
    if a is None:
        return 0
    starts = [s for s in (a[0], b[0]) if s is not None]
    if not starts:
        raise ValueError("two periods without a start overlap without bound")
    days = (min(a[1], b[1]) - max(starts)).days + 1
    return max(days, 0)


def _days(period: tuple[date, date] | None) -> int:
    return 0 if period is None else (period[1] - period[0]).days + 1


def _ratio(got: int, total: int) -> Fraction | None:
    return None if total == 0 else Fraction(got, total)


# -- one job --------------------------------------------------------------------------------


def components(job: JobData, direction: DirectionData) -> Components:
    """The skills, goals, values and identity ratios of a job against a direction."""
    got = job.matched.get(direction.id, NOTHING)
    return Components(
        skills=_ratio(got.skills, direction.skills_total),
        goals=_ratio(got.goals, direction.goals_total),
        values=_ratio(got.values, direction.values_total),
        identity=None if job.identity_fit is None else Fraction(job.identity_fit - 1, 4),
        skills_weight=(got.skills, direction.skills_total),
        goals_weight=(got.goals, direction.goals_total),
        values_weight=(got.values, direction.values_total),
    )


class _Factors(NamedTuple):
    """A direction's part of the score, worked out once for all the jobs set against it.

    Over the common denominator C (the product of the defined totals), the weighted sum
    Σ W·x of skills, goals and values is s·ks + g·kg + v·kv with k = W·C ÷ total (a whole
    number, as the total divides C). With a fit rating, identity (f − 1) ÷ 4 joins with
    weight 1 over 4·C.
    """

    ks: int
    kg: int
    kv: int
    common: int
    weight: int  # Σ W over the defined components other than identity


def _factors(direction: DirectionData) -> _Factors:
    totals = [
        (SKILLS_WEIGHT, direction.skills_total),
        (GOALS_WEIGHT, direction.goals_total),
        (VALUES_WEIGHT, direction.values_total),
    ]
    common = math.prod(total for _, total in totals if total)
    ks, kg, kv = (weight * common // total if total else 0 for weight, total in totals)
    return _Factors(ks, kg, kv, common, sum(weight for weight, total in totals if total))


def _exact(factors: _Factors, got: Matched, identity_fit: int | None) -> tuple[int, int] | None:
    ks, kg, kv, common, weight = factors
    weighted = got.skills * ks + got.goals * kg + got.values * kv
    if identity_fit is None:
        return None if weight == 0 else (100 * weighted, common * weight)
    numerator = 4 * weighted + (identity_fit - 1) * common * IDENTITY_WEIGHT
    return 100 * numerator, 4 * common * (weight + IDENTITY_WEIGHT)


def current_direction(directions: Iterable[DirectionData]) -> DirectionData | None:
    """The current direction, or None. At most one is current (a database constraint);
    should several arrive, the choice still does not depend on their order: the latest
    started, then the latest created."""
    currents = [d for d in directions if d.status == CURRENT]
    if not currents:
        return None
    return max(currents, key=lambda d: (d.started_on or date.min, d.id))


def _preference(days: int, direction: DirectionData) -> tuple:
    # Most overlap; on a tie the later start (no start = earliest); then the later created.
    return (days, direction.started_on or date.min, direction.id)


class _Periods:
    """The current and past directions by start date, to find those a period meets without
    looking at every direction for every job."""

    def __init__(self, directions: Iterable[DirectionData], today: date) -> None:
        chosen = sorted(
            (d for d in directions if followed(d)),
            key=lambda d: (d.started_on or date.min, d.id),
        )
        self.directions = chosen
        self.periods = [direction_period(d, today) for d in chosen]
        self.starts = [d.started_on or date.min for d in chosen]
        # The latest end among the directions up to each position: walking back from the
        # last one starting by a job's end, the walk stops once none earlier reaches it.
        self.reach: list[date] = []
        for _, end in self.periods:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def best(self, period: tuple[date, date]) -> DirectionData | None:
        start, end = period
        best, best_key = None, None
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.reach[i] >= start:
            days = overlap_days(period, self.periods[i])
            if days:
                key = _preference(days, self.directions[i])
                if best_key is None or key > best_key:
                    best, best_key = self.directions[i], key
            i -= 1
        return best


def _avoid_phrases(held_jobs: Iterable[JobData]) -> list[tuple[str, str, JobData]]:
    """(folded phrase, phrase, job) of every held job's avoid notes, by job id then line."""
    phrases = []
    for held in sorted((j for j in held_jobs if j.stage == HELD and j.avoid), key=lambda j: j.id):
        seen = set()
        for line in held.avoid.splitlines():
            phrase = line.strip()
            key = fold(phrase)
            if key and key not in seen:
                seen.add(key)
                phrases.append((key, phrase, held))
    return phrases


def _flags(offer: JobData, phrases: list[tuple[str, str, JobData]]) -> tuple[Flag, ...]:
    texts = [
        fold(t) for t in (offer.title, offer.employer, offer.description, offer.schedule_label)
    ]
    return tuple(
        Flag(phrase=phrase, job_id=held.id, job_title=held.title)
        for key, phrase, held in phrases
        if any(key in text for text in texts)
    )


# -- the whole picture ----------------------------------------------------------------------


def _result(
    job: JobData,
    direction: DirectionData | None,
    factors: dict[int, _Factors],
    days: int,
    flags: tuple[Flag, ...] = (),
) -> JobResult:
    if direction is None or not job.described:
        return JobResult(job, direction, None, days, flags)
    exact = _exact(factors[direction.id], job.matched.get(direction.id, NOTHING), job.identity_fit)
    rounded = None if exact is None else _rounded(*exact)
    return JobResult(job, direction, rounded, days, flags, exact)


def without_fit(result: JobResult) -> int | None:
    """A scored job's rounded score with its fit rating left out, by the same formula as
    for a job whose fit is not rated (to set it beside an offer whose fit is not rated);
    None when the job is not scored or fit is all it has."""
    if result.direction is None or result.score is None:
        return None
    got = result.job.matched.get(result.direction.id, NOTHING)
    exact = _exact(_factors(result.direction), got, None)
    return None if exact is None else _rounded(*exact)


def weighted_mean(pairs: Iterable[tuple[int, tuple[int, int]]]) -> Fraction | None:
    """Σ days × x ÷ Σ days over (days, (numerator, denominator)) pairs, exactly: summed per
    denominator in whole numbers, so a long history builds a handful of Fractions. None when
    there are no days."""
    total = 0
    by_denominator: dict[int, int] = {}
    for days, (numerator, denominator) in pairs:
        total += days
        by_denominator[denominator] = by_denominator.get(denominator, 0) + days * numerator
    if total == 0:
        return None
    return sum((Fraction(n, d) for d, n in by_denominator.items()), Fraction(0)) / total


def _newest_first(result: JobResult) -> tuple[bool, date, int]:
    job = result.job
    return (job.started_on is None, job.started_on or date.min, job.id)


def score_jobs(
    jobs: Iterable[JobData],
    directions: Iterable[DirectionData],
    today: date,
    direction_id: int | None = None,
) -> tuple[JobResult, ...]:
    """Every job set against its direction, newest start first (undated offers on top).

    With ``direction_id`` every job, held or offer, is set against that direction (any
    status; LookupError when it is not among ``directions``); otherwise each held job goes
    against the current or past direction its period overlaps by the most days (on a tie
    the later started, then the later created; the current one where none overlaps) and
    each offer against the current direction.
    """
    directions = tuple(directions)
    jobs = tuple(jobs)
    held = [j for j in jobs if j.stage == HELD]
    phrases = _avoid_phrases(held)
    if direction_id is not None:
        asked = next((d for d in directions if d.id == direction_id), None)
        if asked is None:
            raise LookupError(f"no direction with id {direction_id}")
    current = current_direction(directions)
    periods = _Periods(directions, today)
    factors = {direction.id: _factors(direction) for direction in directions}
    results = []
    for job in jobs:
        period = job_period(job, today)
        days = _days(period)
        if job.stage != HELD:
            flags = _flags(job, phrases)
            direction = current if direction_id is None else asked
        else:
            flags = ()
            if direction_id is not None:
                direction = asked
            else:
                best = None if period is None else periods.best(period)
                direction = best if best is not None else current
        results.append(_result(job, direction, factors, days, flags))
    results.sort(key=_newest_first, reverse=True)
    return tuple(results)


@dataclass(frozen=True)
class Summary:
    """What the held jobs add up to: overall, aligned share and drift."""

    overall: int | None
    overall_exact: Fraction | None
    aligned_share: int | None
    recent: int | None
    drift: bool


def summarise(results: Iterable[JobResult], today: date) -> Summary:
    """Overall, aligned share and drift over the described, scored held jobs, each weighed
    by the days in its period."""
    scored = [r for r in results if r.job.stage == HELD and r.exact is not None and r.days > 0]
    # Each of `scored` has its exact score, so its rounded one too.
    overall_exact = weighted_mean((r.days, cast("tuple[int, int]", r.exact)) for r in scored)
    overall = None if overall_exact is None else round_half_up(overall_exact)
    total_days = sum(r.days for r in scored)
    aligned_days = sum(r.days for r in scored if cast(int, r.score) >= ALIGNED_AT)
    aligned_share = _rounded(100 * aligned_days, total_days) if total_days else None

    window = (today - timedelta(days=DRIFT_WINDOW_DAYS - 1), today)
    recent_exact = weighted_mean(
        (overlap_days(job_period(r.job, today), window), cast("tuple[int, int]", r.exact))
        for r in scored
        # A job that ended before the window cannot overlap it (most of a long history).
        if r.job.ended_on is None or r.job.ended_on >= window[0]
    )
    recent = None if recent_exact is None else round_half_up(recent_exact)
    return Summary(overall, overall_exact, aligned_share, recent, drifting(recent, overall))


def drifting(recent: int | None, overall: int | None) -> bool:
    """Whether recent work has drifted from the direction: its rounded mean score is
    DRIFT_POINTS or more below the rounded overall one. Nothing recent, no drift."""
    return recent is not None and overall is not None and recent <= overall - DRIFT_POINTS
