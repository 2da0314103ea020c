"""Pure alignment scoring: a person's jobs set against a career direction, exactly.

Plain data in, frozen results out, no ORM. The database does the matching (which target
skills a job used, which goals it advanced, which values it gave, summed as weights per
job and direction: jobs.history); this module adds those small integers up by the
formula. Every rule of the formula lives here once, and the rest of Bearing imports it.
"""

import math
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from types import MappingProxyType
from typing import NamedTuple

HELD = "held"
OFFER = "offer"
CURRENT = "current"
PAST = "past"
CONSIDERING = "considering"
PLANNED = "planned"
ACTIVE = "active"
ACHIEVED = "achieved"
DROPPED = "dropped"

# An open goal: one still to reach (neither achieved nor dropped).
OPEN_GOALS = (PLANNED, ACTIVE)

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

IMPORTANCE_PHRASES = {3: "essential", 2: "important", 1: "nice to have"}

# The employment types that pay nothing by themselves, and the value a paid job gives.
UNPAID_TYPES = ("volunteer", "unpaid")
MONEY = "money"

# The verdicts, the one answer to "did this job build my career, or just pay the bills?",
# in the order the pages list them.
BUILT = "built"
PARTLY = "partly"
BILLS = "bills"
LITTLE = "little"
DETAILS = "details"
UNSCORED = "unscored"
VERDICTS = (BUILT, PARTLY, BILLS, LITTLE, DETAILS, UNSCORED)


def is_paid(employment_type: str, pay_amount, gave_money: bool) -> bool:
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


def round_half_up(x) -> int:
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


def day(when: date) -> str:
    """A day as Bearing writes it everywhere: "1 Jun 2025"."""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def counted(number: int, noun: str) -> str:
    """ "1 job", "3 jobs": a count as Bearing writes it everywhere (nouns with a plain "s")."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def career(title: str) -> str:
    """ "your professional wrestler career", "your UX designer career": a direction's title
    inside a sentence (a capital that only starts it is dropped), as a career (a title that
    already says career is kept)."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        title = title[0].lower() + title[1:]
    if title.split()[-1].casefold() in ("career", "careers"):
        return f"your {title}"
    return f"your {title} career"


def joined(items, word="and") -> str:
    """A list as Bearing writes it everywhere: "a", "a and b", "a, b and c" (or with "or")."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fold(text: str) -> str:
    """Text as phrases are matched: inner white space folded, case folded."""
    return " ".join(text.split()).casefold()


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


def _exact(factors: _Factors, got: Matched, identity_fit) -> tuple[int, int] | None:
    ks, kg, kv, common, weight = factors
    weighted = got.skills * ks + got.goals * kg + got.values * kv
    if identity_fit is None:
        return None if weight == 0 else (100 * weighted, common * weight)
    numerator = 4 * weighted + (identity_fit - 1) * common * IDENTITY_WEIGHT
    return 100 * numerator, 4 * common * (weight + IDENTITY_WEIGHT)


def exact_score(job: JobData, direction: DirectionData) -> tuple[int, int] | None:
    """The exact score, 100 × Σ W·x ÷ Σ W over the defined components, as (numerator,
    denominator) in whole numbers; None when no component is defined."""
    return _exact(_factors(direction), job.matched.get(direction.id, NOTHING), job.identity_fit)


def score(job: JobData, direction: DirectionData) -> Fraction | None:
    """The exact score as a Fraction (None when no component is defined)."""
    exact = exact_score(job, direction)
    return None if exact is None else Fraction(*exact)


def current_direction(directions) -> DirectionData | None:
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


def choose_direction(job: JobData, directions, today: date) -> DirectionData | None:
    """The direction a job is set against by default.

    An offer goes against the current direction. A held job goes against the current or
    past direction whose period overlaps its own by the most days; on a tie the one that
    started later (no start = earliest), then the one created later (the higher id); where
    none overlaps, the current direction; where there is none, None.
    """
    current = current_direction(directions)
    period = job_period(job, today)
    if job.stage != HELD or period is None:
        return current
    best, best_key = None, None
    for direction in directions:
        if direction.status not in (CURRENT, PAST):
            continue
        days = overlap_days(period, direction_period(direction, today))
        if days and (best_key is None or _preference(days, direction) > best_key):
            best, best_key = direction, _preference(days, direction)
    return best if best is not None else current


class _Periods:
    """The current and past directions by start date, to find those a period meets without
    looking at every direction for every job."""

    def __init__(self, directions, today):
        chosen = sorted(
            (d for d in directions if d.status in (CURRENT, PAST)),
            key=lambda d: (d.started_on or date.min, d.id),
        )
        self.directions = chosen
        self.periods = [direction_period(d, today) for d in chosen]
        self.starts = [d.started_on or date.min for d in chosen]
        # The latest end among the directions up to each position: walking back from the
        # last one starting by a job's end, the walk stops once none earlier reaches it.
        self.reach = []
        for _, end in self.periods:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def best(self, period) -> DirectionData | None:
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


def offer_flags(offer: JobData, held_jobs) -> tuple[Flag, ...]:
    """Avoid-note phrases of held jobs that appear in an offer's title, employer,
    description or schedule label (case and inner white space folded).

    One flag per (phrase, job), ordered by job id, then the phrase's line; () for a job
    that is not an offer.
    """
    if offer.stage == HELD:
        return ()
    return _flags(offer, _avoid_phrases(held_jobs))


def _avoid_phrases(held_jobs) -> list[tuple[str, str, JobData]]:
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


def _flags(offer: JobData, phrases) -> tuple[Flag, ...]:
    texts = [
        fold(t) for t in (offer.title, offer.employer, offer.description, offer.schedule_label)
    ]
    return tuple(
        Flag(phrase=phrase, job_id=held.id, job_title=held.title)
        for key, phrase, held in phrases
        if any(key in text for text in texts)
    )


# -- the whole picture ----------------------------------------------------------------------


def _result(job, direction, factors, days, flags=()) -> JobResult:
    if direction is None or not job.described:
        return JobResult(job, direction, None, days, flags)
    exact = _exact(factors[direction.id], job.matched.get(direction.id, NOTHING), job.identity_fit)
    rounded = None if exact is None else _rounded(*exact)
    return JobResult(job, direction, rounded, days, flags, exact)


def weighted_mean(pairs) -> Fraction | None:
    """Σ days × x ÷ Σ days over (days, (numerator, denominator)) pairs, exactly: summed per
    denominator in whole numbers, so a long history builds a handful of Fractions. None when
    there are no days."""
    total = 0
    by_denominator = {}
    for days, (numerator, denominator) in pairs:
        total += days
        by_denominator[denominator] = by_denominator.get(denominator, 0) + days * numerator
    if total == 0:
        return None
    return sum((Fraction(n, d) for d, n in by_denominator.items()), Fraction(0)) / total


def _coverage(direction, target_skills) -> tuple[int | None, tuple[TargetSkill, ...]]:
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
    return _rounded(100 * got, total), missing


def _mentions(text: str, name: str) -> bool:
    # Whole words only, so a skill "Art" is not found in "Start a band".
    needle = fold(name)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", fold(text)) is not None


def _learn_steps(direction, missing, goals) -> list[NextStep]:
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
        phrase = IMPORTANCE_PHRASES.get(skill.importance, "needed")
        steps.append(
            NextStep(
                kind="learn_skill",
                text=(
                    f"Find a way to learn {skill.name}: you marked it {phrase} for "
                    f"{career(direction.title)}, and no job or learning of yours covers it yet."
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
            if g.target_date is not None and g.target_date < today and g.status in OPEN_GOALS
        ),
        key=lambda g: (g.target_date, g.id),
    )
    return [
        NextStep(
            kind="overdue_goal",
            text=(
                f"“{g.title}” was due on {day(g.target_date)} — "
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
        NextStep(
            kind="shape_direction",
            text=(
                f"{direction.title} has no {joined(lacking, 'or')} yet — add them so your jobs "
                "can be set against it."
            ),
            direction_id=direction.id,
        )
    ]


def job_name(job: JobData) -> str:
    """ "Waiter at Rosa's Diner", or the title alone when there is no employer."""
    return f"{job.title} at {job.employer}" if job.employer else job.title


def _weak_steps(results) -> list[NextStep]:
    """Ongoing held jobs scoring under ALIGNED_AT."""
    return [
        NextStep(
            kind="weak_job",
            text=(
                f"The job you have, {job_name(r.job)}, scores {r.score}: plan a next job that "
                "uses your target skills."
            ),
            direction_id=r.direction_id,
            job_id=r.job.id,
        )
        for r in results
        if r.job.stage == HELD
        and r.job.ended_on is None
        and r.score is not None
        and r.score < ALIGNED_AT
    ]


def _next_job_steps(results, focus, coverage) -> list[NextStep]:
    """When most of the days in scored held jobs paid the bills: look for a job that would
    pay now and also build the career (the dashboard links it to "Your next job")."""
    scored = [r for r in results if r.job.stage == HELD and r.exact is not None and r.days > 0]
    total = sum(r.days for r in scored)
    bills = sum(r.days for r in scored if r.verdict == BILLS)
    if focus is None or not total or 2 * bills <= total:
        return []
    have = f" You already have every skill {career(focus.title)} needs." if coverage == 100 else ""
    return [
        NextStep(
            kind="next_job",
            text=(
                "Most of your days in work paid the bills: look for a job you could get now "
                f"that would also build {career(focus.title)}.{have}"
            ),
            direction_id=focus.id,
        )
    ]


def _offer_steps(results, focus) -> tuple[list[NextStep], list[NextStep]]:
    """Offers worth a look: (those that would build the direction, scoring ALIGNED_AT or more
    with nothing to avoid: the dashboard leads with them, as an offer does not wait; those
    that trip an avoid note)."""
    building, flagged = [], []
    for r in results:
        if r.job.stage == HELD:
            continue
        if r.flags:
            phrases = ", ".join(f"“{flag.phrase}”" for flag in r.flags)
            text = (
                f"The offer to work as {job_name(r.job)} mentions {phrases}, which you noted "
                "to avoid — weigh it before you answer."
            )
            flagged.append(NextStep(kind="weigh_offer", text=text, job_id=r.job.id))
        elif r.score is not None and r.score >= ALIGNED_AT and focus is not None:
            text = (
                f"The offer to work as {job_name(r.job)} scores {r.score}: it would build "
                f"{career(focus.title)} — weigh it against the job you have."
            )
            building.append(NextStep(kind="weigh_offer", text=text, job_id=r.job.id))
    return building, flagged


def _describe_steps(results) -> list[NextStep]:
    """Held jobs that say nothing yet, left out of every figure until they do: one step,
    for the newest of them."""
    silent = [r.job for r in results if r.job.stage == HELD and not r.job.described]
    if not silent:
        return []
    others = len(silent) - 1
    more = "" if not others else f" (and {others} more job{'s' if others > 1 else ''})"
    return [
        NextStep(
            kind="describe_job",
            text=(
                f"{job_name(silent[0])}{more} needs details: say which skills it used and "
                "what it gave you, and it will count in your figures."
            ),
            job_id=silent[0].id,
        )
    ]


def _newest_first(result: JobResult):
    job = result.job
    return (job.started_on is None, job.started_on or date.min, job.id)


def score_jobs(jobs, directions, today: date, direction_id: int | None = None):
    """Every job set against its direction, newest start first (undated offers on top).

    With ``direction_id`` every job, held or offer, is set against that direction (any
    status; LookupError when it is not among ``directions``); otherwise each held job goes
    against ``choose_direction`` and each offer against the current direction.
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


def summarise(results, today: date) -> Summary:
    """Overall, aligned share and drift over the described, scored held jobs, each weighed
    by the days in its period."""
    scored = [r for r in results if r.job.stage == HELD and r.exact is not None and r.days > 0]
    overall_exact = weighted_mean((r.days, r.exact) for r in scored)
    overall = None if overall_exact is None else round_half_up(overall_exact)
    total_days = sum(r.days for r in scored)
    aligned_days = sum(r.days for r in scored if r.score >= ALIGNED_AT)
    aligned_share = _rounded(100 * aligned_days, total_days) if total_days else None

    window = (today - timedelta(days=DRIFT_WINDOW_DAYS - 1), today)
    recent_exact = weighted_mean(
        (overlap_days(job_period(r.job, today), window), r.exact)
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


def assess(
    *,
    jobs,
    directions,
    today: date,
    target_skills=(),
    goals=(),
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
        + _learn_steps(focus, missing, goals)
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
