"""The career story: a person's working life year by year, newest first, told in plain words
from the data already there.

For each year: the days spent in jobs by their verdict — built the career, built some of
it, paid the bills, did little for it (each job set against its own direction, with the
dashboard's verdicts, alignment.scoring.verdict) — and what the
year brought: skills first gained, goals achieved, learning completed, directions set out on
or left, lessons and "avoid" notes written, people met. Years with nothing in them are shown
as gaps, and the turning points are named: a new direction, the first job that built the
career, a year of drift.

Where a thing is placed: a skill in the year the first job that gave it started; a person in
the year the first job that linked them started; lessons and avoid notes in the year their
job ended (this year, for a job that goes on); a goal when it was achieved; learning when it
was completed. Nothing dated after today is told.

A drift year is one whose scored days average DRIFT_POINTS or more below the history up to
the end of that year (the dashboard's drift rule, a year at a time).

Bounded like every page: four queries whatever the history's length (history.directions,
history.jobs, history.weights, history.story_events), one pass over the jobs, at most
STORY_YEARS years told and NAMED items named in each list of a year ("and 12 more").
"""

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, cast

from django.contrib.auth.models import User
from django.utils.text import Truncator

from alignment import history, wording
from alignment import scoring as alignment
from alignment.assessment import Alignment
from alignment.reading import Reading, read_history
from alignment.scoring import BUILT, VERDICTS
from careers.models import LearningKind
from core import words
from core.vocabulary import HELD
from jobs.models import avoid_phrases

STORY_YEARS = 60  # the most recent years told; earlier ones are named in one line
NAMED = 5  # items named in each list of a year, then "and N more"
LESSONS_NAMED = 3
LESSON_WORDS = 40  # a lesson longer than this is cut on the story (its job's page has it all)

# What a job's days count as (its verdict), said after "You spent 176 days".
VERDICT_WORDS = {
    "built": "in work that built the career",
    "partly": "in work that built some of the career",
    "bills": "in work that paid the bills",
    "little": "in unpaid work that did little for the career",
    "details": "in jobs not described enough to score",
    "unscored": "in jobs that could not be scored",
}
CHART_WIDTH = 300
LEARNING_KINDS = dict(LearningKind.choices)


def split_by_year(period: tuple[date, date], first_year: int) -> tuple[list[tuple[int, int]], int]:
    """[(year, days)] of a period (both ends included) from `first_year` on, and the days
    of it before `first_year`."""
    start, end = period
    earlier = 0
    if start.year < first_year:
        cut = date(first_year, 1, 1)
        earlier = (min(end, cut - timedelta(days=1)) - start).days + 1
        if end < cut:
            return [], earlier
        start = cut
    years = []
    for year in range(start.year, end.year + 1):
        first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        years.append((year, (last - first).days + 1))
    return years, earlier


def listed(items: Sequence[Any], limit: int = NAMED) -> dict[str, Any]:
    """The first `limit` items, and how many more there are."""
    return {"items": items[:limit], "more": max(len(items) - limit, 0)}


@dataclass
class Year:
    """One year of the story, worked out as the template prints it."""

    year: int
    span: int  # the days of the year (up to today, for this year)
    so_far: bool = False  # this year, still going on
    days: dict = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    jobs: list = field(default_factory=list)  # (days, sort key, name, score) of its jobs
    pairs: list = field(default_factory=list)  # (days, exact score) of its scored jobs
    events: dict = field(default_factory=lambda: defaultdict(list))
    turning: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what goes on from an earlier turning point
    mean: int | None = None
    running: int | None = None
    drift: bool = False

    @property
    def job_days(self) -> int:
        return sum(self.days.values())

    @property
    def empty(self) -> bool:
        return not self.job_days and not any(self.events.values()) and not self.turning


def _ended(day: date | None, today: date) -> date:
    """Where a job's lessons and avoid notes are placed: when it ended; today for one that
    goes on (or ends later)."""
    return today if day is None else min(day, today)


def tell(
    results: Iterable[alignment.JobResult],
    directions: Collection[history.Direction],
    events: list[history.Event],
    today: date,
    *,
    names: bool = True,
) -> dict[str, Any]:
    """The story from scored results (alignment.score_jobs), the person's directions
    (history.Direction) and their events (history.story_events): a dict for the template."""
    held = [r for r in results if r.job.stage == HELD and r.days > 0]
    dated = [
        *(cast(date, r.job.started_on).year for r in held),  # a held job has a start
        *(e.day.year for e in events if e.day is not None and e.day <= today),
        *(
            day.year
            for d in directions
            if alignment.followed(d)
            for day in (d.started_on, d.ended_on)
            if day is not None and day <= today
        ),
    ]
    if not dated:
        return {"years": [], "turning_points": [], "earliest": None, "names": names}
    first_year = max(min(dated), today.year - STORY_YEARS + 1)
    years = {
        y: Year(y, _span(y, today), so_far=y == today.year)
        for y in range(first_year, today.year + 1)
    }
    earlier_pairs = []
    for result in held:
        period = alignment.job_period(result.job, today)
        by_year, earlier = split_by_year(cast("tuple[date, date]", period), first_year)  # days > 0
        kind = result.verdict
        if earlier and result.exact is not None:
            earlier_pairs.append((earlier, result.exact))
        for year, days in by_year:
            told: Any = years[year]  # a Year here; the years in words after the loop
            told.days[kind] += days
            told.jobs.append((days, result))
            if result.exact is not None:
                told.pairs.append((days, result.exact))
        job = result.job
        if job.avoid:
            year = _ended(job.ended_on, today).year
            if year in years:
                for phrase in avoid_phrases(job.avoid):
                    years[year].events["avoid"].append(
                        (phrase, words.job_name(job.title, job.employer))
                    )
    for event in events:
        day = _ended(event.day, today) if event.kind == "lesson" else event.day
        if day is None or day > today or day.year not in years:
            continue
        years[day.year].events[event.kind].append(event)
    _directions(years, directions, today)
    _first_built(years, held)
    _means(years, earlier_pairs)
    told = [_said(years[y], names) for y in sorted(years, reverse=True)]
    return {
        "years": _with_gaps(told),
        "turning_points": [
            {"year": y["year"], "text": text} for y in told if not y["gap"] for text in y["turning"]
        ],
        "earliest": min(dated) if min(dated) < first_year else None,
        "first_year": first_year,
        "names": names,
        "legend": wording.legend(),
        "drift_points": alignment.DRIFT_POINTS,
        "today": today,
    }


def _span(year: int, today: date) -> int:
    first = date(year, 1, 1)
    last = min(date(year, 12, 31), today)
    return (last - first).days + 1


def _directions(
    years: dict[int, Year], directions: Iterable[history.Direction], today: date
) -> None:
    """Directions set out on and left, as turning points (those only considered are not part
    of the story)."""
    for direction in sorted(directions, key=lambda d: (d.started_on or date.min, d.id)):
        if not alignment.followed(direction):
            continue
        if direction.started_on and direction.started_on <= today:
            year = years.get(direction.started_on.year)
            if year:
                year.turning.append(f"You set out towards {direction.title}.")
        if direction.ended_on and direction.ended_on <= today:
            year = years.get(direction.ended_on.year)
            if year:
                year.turning.append(f"You left {direction.title}.")


def _first_built(years: dict[int, Year], held: list[alignment.JobResult]) -> None:
    """The first job that built the career (by start date), as a turning point."""
    built = [r for r in held if r.verdict == BUILT]
    if not built:
        return
    first = min(built, key=lambda r: (r.job.started_on, r.job.id))
    year = years.get(cast(date, first.job.started_on).year)  # a held job has a start
    if year:
        year.turning.append(
            f"{words.job_name(first.job.title, first.job.employer)}: your first job that built "
            f"the career (score {first.score})."
        )


def _means(years: dict[int, Year], earlier_pairs: list[tuple[int, tuple[int, int]]]) -> None:
    """Each year's mean score, weighted by days, against the history up to its end; a year
    DRIFT_POINTS or more below that has drifted (the dashboard's rule, a year at a time).
    The first year of a run of drift years is a turning point; the next ones say it goes on."""
    so_far = list(earlier_pairs)
    drifting = False
    for year in sorted(years):
        told = years[year]
        so_far += told.pairs
        mean = alignment.weighted_mean(told.pairs)
        if mean is None:
            drifting = False  # a drift is a run of years: one without scored work ends it
            continue
        told.mean = alignment.round_half_up(mean)
        # so_far holds this year's pairs: its mean is there.
        told.running = alignment.round_half_up(cast(Fraction, alignment.weighted_mean(so_far)))
        told.drift = alignment.drifting(told.mean, told.running)
        below = f"{told.running - told.mean} points below your history up to then"
        if told.drift and not drifting:
            told.turning.append(
                f"Your work began to score lower: {told.mean} on average this year, "
                f"{below} ({told.running})."
            )
        elif told.drift:
            told.notes.append(f"Your work still scored lower: {told.mean} on average, {below}.")
        drifting = told.drift


def _said(year: Year, names: bool) -> dict[str, Any]:
    """A year in words, its chart and its lists, bounded."""
    if year.empty:
        return {"year": year.year, "gap": True}
    events = year.events
    jobs = heapq.nlargest(NAMED, year.jobs, key=lambda item: (item[0], -item[1].job.id))
    jobs_said = [
        f"{words.job_name(r.job.title, r.job.employer)} "
        f"({wording.VERDICT_LABELS[r.verdict].lower()}"
        f"{'' if r.score is None else f', score {r.score}'}, {wording.days_count(days)})"
        for days, r in jobs
    ]
    lessons = sorted(events["lesson"], key=lambda e: (e.day is None, e.day or date.min))
    people = sorted(events["contact"], key=lambda e: (e.day, e.name.casefold()))
    return {
        "year": year.year,
        "gap": False,
        "so_far": year.so_far,
        "summary": _days_sentence(year),
        "jobs": {"items": jobs_said, "more": max(len(year.jobs) - NAMED, 0)},
        "mean": year.mean,
        "running": year.running,
        "drift": year.drift,
        "turning": year.turning,
        "notes": year.notes,
        "chart": _chart(year),
        "skills": listed(sorted((e.name for e in events["skill"]), key=str.casefold)),
        "goals": listed([e.name for e in sorted(events["goal"], key=lambda e: (e.day, e.name))]),
        "learning": listed(
            [
                f"{e.name} ({LEARNING_KINDS.get(e.detail, e.detail).lower()})"
                for e in sorted(events["learning"], key=lambda e: (e.day, e.name))
            ]
        ),
        "lessons": listed(
            [
                {
                    "text": Truncator(e.detail).words(LESSON_WORDS),
                    "job": f"{e.name} at {e.employer}" if e.employer else e.name,
                }
                for e in lessons
            ],
            LESSONS_NAMED,
        ),
        "avoid": listed([{"text": phrase, "job": job} for phrase, job in events["avoid"]]),
        "people": listed(
            [f"{e.name} ({e.detail})" if e.detail else e.name for e in people] if names else []
        ),
        "people_count": len(people),
    }


def _days_sentence(year: Year) -> str:
    """ "You spent 176 days in work that built the career and 181 in work that paid the
    bills." """
    if not year.job_days:
        return "No job this year."
    parts = [
        f"{wording.days_count(days)} {VERDICT_WORDS[kind]}"
        if not i
        else f"{days} {VERDICT_WORDS[kind]}"
        for i, (kind, days) in enumerate((k, year.days[k]) for k in VERDICTS if year.days[k])
    ]
    said = f"You spent {words.joined(parts)}."
    if year.job_days > year.span:
        said += " (Some jobs ran at the same time: their days count for each.)"
    return said


def _chart(year: Year) -> dict[str, Any]:
    """A bar of the year's days by verdict, on a scale of the whole year (or of the job days,
    when jobs at the same time add up to more)."""
    scale = max(year.span, year.job_days)
    x = 0.0
    bars = []
    for kind in VERDICTS:
        days = year.days[kind]
        if not days:
            continue
        width = CHART_WIDTH * days / scale
        bars.append({"kind": kind, "x": f"{x:.1f}", "width": f"{max(width, 1):.1f}", "days": days})
        x += width
    return {"width": CHART_WIDTH, "bars": bars}


def _with_gaps(told: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Years newest first, with each run of empty years folded into one gap."""
    shown: list[dict[str, Any]] = []
    for year in told:
        if year["gap"] and shown and shown[-1]["gap"]:
            shown[-1]["from"] = year["year"]
        elif year["gap"]:
            shown.append({"gap": True, "from": year["year"], "to": year["year"]})
        else:
            shown.append(year)
    return shown


def story(
    user: User, today: date, *, names: bool = True, reading: Reading | None = None
) -> dict[str, Any]:
    """The career story of `user` as of `today`: 4 queries, whatever the history's length;
    1 when `reading` (read_history with no direction asked, as the dashboard has it already)
    gives the scored history. With `names` off (a shared link that does not show
    contacts), the people met are only counted: their names are not even read."""
    if reading is None:
        reading = read_history(user, today, coverage=False)
    # A reading of no compared directions has its result.
    directions, results = reading.directions, cast(Alignment, reading.result).jobs
    events = history.story_events(user, today, names=names)
    context = tell(results, directions.values(), events, today, names=names)
    focus = alignment.current_direction(directions.values())
    context["direction"] = focus
    return context
