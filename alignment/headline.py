"""The dashboard's first words: the headline in days and job names by verdict, the coverage
figure and where it came from, and why coverage and the average score disagree when they do."""

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from itertools import accumulate
from typing import Any, cast

from alignment.assessment import Alignment
from alignment.scoring import (
    ALIGNED_AT,
    BILLS,
    BUILT,
    DETAILS,
    LITTLE,
    PARTLY,
    PARTLY_AT,
    UNSCORED,
    DirectionData,
    JobResult,
    TargetSkill,
    round_half_up,
)
from alignment.wording import IMPORTANCE_PHRASES, VERDICT_LABELS, career, days_count
from core.vocabulary import HELD
from core.words import counted, day, joined

# The verdicts the headline's days are told by, in the order it tells them.
DAY_VERDICTS = (BUILT, PARTLY, BILLS, LITTLE)


HEADLINE_NAMES = 3  # jobs named under each verdict, the longest first, then "and N more"


# What the days of each verdict did: "… paid the bills", "… built some of it".
DID = {
    BUILT: "built {career}",
    PARTLY: "built some of {career}",
    BILLS: "paid the bills but did little for {career}",
    LITTLE: "did little for {career}",
}


def share_of(part: int, whole: int) -> str:
    """How much of a whole, in words a person trusts: "all", "most" (more than half, not
    all), "half", or else the percentage ("30%")."""
    if part == whole:
        return "all"
    if 2 * part == whole:
        return "half"
    if 2 * part > whole:
        return "most"
    return f"{round_half_up(100 * part / whole)}%"


def _named(result: JobResult) -> str:
    """A held job's name in the headline's list, said to be unpaid where it is (DESIGN's
    paid/unpaid rule): "Ward volunteer (unpaid)"."""
    return result.job.title if result.job.paid else f"{result.job.title} (unpaid)"


def _names(titles: list[str]) -> str:
    """A group's job names, the longest first: "Waiter, Stage-hand and 3 more"."""
    shown = titles[:HEADLINE_NAMES]
    more = len(titles) - len(shown)
    if more:
        return f"{', '.join(shown)} and {counted(more, 'other job')}"
    return joined(shown)


def headline(
    results: Sequence[JobResult],
    direction: DirectionData | None,
    first_step: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The answer at the top of the dashboard, from the verdicts of the held jobs: the days
    of each verdict with the jobs named, what needs details first, and the one thing to do
    next. A day counts once: where jobs ran at the same time, it counts under the verdict of
    the job that did the most for the career that day (every reader of job-days, which count
    such a day once for each job, read "days at work" as days on a calendar)."""
    held = [r for r in results if r.job.stage == HELD and r.days > 0]
    counted_jobs = [r for r in held if r.verdict in DAY_VERDICTS]
    groups: list[dict[str, Any]] = []
    better: list[tuple[int, int]] = []  # the days of the verdicts told so far, as runs
    for verdict in DAY_VERDICTS:
        jobs = [r for r in counted_jobs if r.verdict == verdict]
        held_before = _counter(better)
        own = {r.job.id: _new_days(r, held_before) for r in jobs}  # days no better job had
        runs = _merged(sorted(better + [_period(r) for r in jobs]))
        days = _length(runs) - _length(better)
        better = runs
        if jobs:
            # Every job of the verdict is named, the one with the most days of its own first.
            jobs.sort(key=lambda r: (-own[r.job.id], -r.days, r.job.id))
            groups.append(
                {
                    "verdict": verdict,
                    "tone": f"tone-{verdict}",
                    "label": VERDICT_LABELS[verdict],
                    "days": days,
                    "names": _names(list(dict.fromkeys(_named(r) for r in jobs))),
                }
            )
    total = sum(group["days"] for group in groups)
    for group in groups:
        group["percent"] = round_half_up(100 * group["days"] / total)
        # Jobs whose every day a job that did more also had: named, with no days of their own.
        group["days_text"] = (
            days_count(group["days"]) if group["days"] else "only on days with a job that did more"
        )
    answer = ""
    if groups:
        largest = max(groups, key=lambda g: (g["days"], -DAY_VERDICTS.index(g["verdict"])))
        share = share_of(largest["days"], total)
        title = direction.title if direction else ""
        did = DID[largest["verdict"]].format(career=career(title) if title else "the career")
        if share in ("all", "most", "half"):
            answer = f"{share.capitalize()} of your days at work {did}."
        else:
            answer = f"The largest share of your days at work ({share}) {did}."
    waiting = []
    silent = list(dict.fromkeys(r.job.title for r in held if r.verdict == DETAILS))
    if silent:
        verb = "needs" if len(silent) == 1 else "need"
        quoted = [f"“{title}”" for title in silent]
        jobs = "Your job" if len(silent) == 1 else "Your jobs"  # type: ignore[assignment]
        waiting.append(f"{jobs} {_names(quoted)} {verb} details before {_it(silent)} can count")
    unscored = list(dict.fromkeys(r.job.title for r in held if r.verdict == UNSCORED))
    if unscored:
        quoted = [f"“{title}”" for title in unscored]
        waiting.append(f"{_names(quoted)} cannot be scored yet")
    return {
        "answer": answer,
        "bar": groups,
        "before": _before(better, total, direction),
        "overlap": _overlap(counted_jobs, total),
        "waiting": f"{joined(waiting)}." if waiting else "",
        "next": first_step,
    }


def _period(result: JobResult) -> tuple[int, int]:
    """A held job's counted days as [start, end) in day ordinals (a held job with days has a
    start)."""
    start = cast(date, result.job.started_on).toordinal()
    return start, start + result.days


def _new_days(result: JobResult, held_before: Callable[[int], int]) -> int:
    """A job's days that the runs counted so far do not hold."""
    start, end = _period(result)
    return end - start - held_before(end) + held_before(start)


def _merged(periods: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted periods as runs of days, a day that two periods share counted once."""
    runs: list[tuple[int, int]] = []
    for start, end in periods:
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return runs


def _length(runs: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in runs)


def _counter(runs: list[tuple[int, int]]) -> Callable[[int], int]:
    """For runs of days (sorted, apart): how many days they hold before a given day, found by
    bisection over their running lengths, so each job asks in a log, not a walk."""
    lengths = list(accumulate((end - start for start, end in runs), initial=0))

    def held_before(day_: int) -> int:
        i = bisect_right(runs, day_, key=lambda run: run[0]) - 1
        return lengths[i] + min(day_, runs[i][1]) - runs[i][0] if i >= 0 else 0

    return held_before


def _before(runs: list[tuple[int, int]], total: int, direction: DirectionData | None) -> str:
    """How many of the counted days came before the person chose the direction, said when
    any did: they count too, and a reader should know why before judging."""
    if direction is None or direction.started_on is None:
        return ""
    before = _counter(runs)(direction.started_on.toordinal())
    if not before:
        return ""
    return (
        f"{before:,} of these {days_count(total)} came before you set "
        f"{direction.title} as your direction ({day(direction.started_on)}). They count too, "
        "since a job can build a career before you choose it."
    )


def _overlap(results: list[JobResult], total: int) -> str:
    """When any two of these jobs ran at the same time, how the days were counted: each
    day once, under the job that did the most for the career that day."""
    if sum(r.days for r in results) == total:
        return ""
    return "A day when you had two jobs counts once, for the job that did more for the career."


def _it(titles: list[str]) -> str:
    return "it" if len(titles) == 1 else "they"


# When the overall score and the skill coverage differ by this much, the headline says why.
DISAGREE_BY = 20


SOURCES_NAMED = 4  # where coverage came from: this many sources named, then "and N more"


def figure_texts(
    result: Alignment,
    direction: DirectionData | None,
    target_skills: Sequence[TargetSkill] = (),
    job_days: bool = False,
) -> dict[str, Any]:
    """The sentences under the three figures beneath the headline (`job_days`: the jobs
    overlapped, as the headline's note says: the figure, DESIGN's aligned share, counts a day
    in two jobs for each, where the headline counts it once)."""
    title = direction.title if direction else ""
    held = [r for r in result.jobs if r.job.stage == HELD and r.verdict in DAY_VERDICTS]
    total = sum(r.days for r in held)
    partly = sum(r.days for r in held if r.verdict == PARTLY)
    built = sum(r.days for r in held if r.verdict == BUILT)
    return {
        "overall_text": (
            f"The average score of your jobs for {career(title)}, out of 100; a job you did "
            "for longer counts for more."
            if direction
            else "The average score of your jobs against their directions, out of 100; a job "
            "you did for longer counts for more."
        )
        + f" A job scoring {ALIGNED_AT} or more builds the career; one scoring {PARTLY_AT} to "
        f"{ALIGNED_AT - 1} builds some of it; one under {PARTLY_AT} "
        # The unpaid band's label only where a job has it (readers looked for it elsewhere).
        + (
            "does little for it, and is called “Paid the bills” if it was paid, “Did little "
            "for it” if not."
            if any(r.verdict == LITTLE for r in held)
            else "does little for it beyond paying the bills."
        ),
        "aligned_text": (
            (
                "Counting each job's days on its own, so that a day in two jobs counts twice, "
                f"{result.aligned_share}% were in jobs that "
                if job_days
                else f"{result.aligned_share}% of your days at work were in jobs that "
            )
            + f"built the career (a score of {ALIGNED_AT} or more)."
            + (
                f" Another {round_half_up(100 * partly / total)}% were in jobs that built some "
                f"of it ({PARTLY_AT} to {ALIGNED_AT - 1})."
                if partly
                else ""
            )
        ),
        "overall_sums": _overall_sums(result.jobs, result.overall_exact),
        "aligned_sums": (
            f"The days of the jobs that scored {ALIGNED_AT} or more, over all the days counted: "
            f"{built:,} ÷ {total:,} = {100 * built / total:.1f}%, rounded half up to "
            f"{round_half_up(100 * built / total)}%."
            if total
            else ""
        ),
        "coverage": coverage_figure(result.coverage, target_skills, title),
        "coverage_empty": (
            f"Add the skills {title} needs to see how many you have."
            if direction
            else "Describe your current direction and the skills it needs."
        ),
    }


SUMS_NAMED = 5  # the jobs the average's sum writes out, the longest first, then "N more"


def _overall_sums(results: Sequence[JobResult], mean: Fraction | None) -> str:
    """The average score's arithmetic, one click away: each scored job's exact score times
    its days, over all their days, equal to the figure's exact `mean` (alignment.scoring's
    summary): "(71.04 × 1,286 + 6.21 × 943) ÷ 2,229 = 43.61, rounded half up to 44", the
    SUMS_NAMED longest written out; "" with none. A reader who averaged the rounded scores
    got another whole number and asked why."""
    # The jobs alignment.scoring.summarise averages.
    scored = sorted(
        (r for r in results if r.job.stage == HELD and r.exact is not None and r.days > 0),
        key=lambda r: (-r.days, r.job.id),
    )
    if not scored or mean is None:
        return ""
    days = sum(r.days for r in scored)
    terms = [
        f"{float(Fraction(*cast('tuple[int, int]', r.exact))):.2f} × {r.days:,}" for r in scored
    ]
    shown = terms[:SUMS_NAMED] + (
        [f"{counted(len(terms) - SUMS_NAMED, 'more job')}"] if len(terms) > SUMS_NAMED else []
    )
    return (
        "Each job's score before rounding, times its days, over all their days: "
        f"({' + '.join(shown)}) ÷ {days:,} = {float(mean):.2f}, rounded half up to "
        f"{round_half_up(mean)}."
    )


# An importance as the coverage's points name it: "an essential skill is worth 3 points".
POINTS_OF = {3: "an essential", 2: "an important", 1: "a nice-to-have"}


def coverage_figure(
    coverage: int | None, target_skills: Sequence[TargetSkill], title: str
) -> dict[str, Any] | None:
    """The skill coverage as a person counts it — "3 of 5" skills — with the weighted
    percentage the figures use and the points a person can check it by ("50% (6 of 12
    points: an essential skill is worth 3, …"), and which skills are missing and how
    important they are, which is why the two differ: "The 2 you miss, …, are both
    essential"."""
    if coverage is None or not target_skills:
        return None
    have = [skill for skill in target_skills if skill.covered]
    miss = [skill for skill in target_skills if not skill.covered]
    total = len(target_skills)
    # Readers took "3 of 5 … that is 50%" for bad arithmetic: the points show the weighting.
    first, *rest = sorted({skill.importance for skill in target_skills}, reverse=True)
    scale = [f"{POINTS_OF[first]} skill is worth {first}"]
    scale += [f"{POINTS_OF[n]} one {n}" for n in rest]
    counted_ = f"all {total}" if len(have) == total else f"{len(have)} of the {total}"
    return {
        "have": len(have),
        "total": total,
        "percent": coverage,
        "said": (
            f"You have {counted_} skills {career(title)} needs, from jobs that used or taught "
            "them or from learning you finished."
        ),
        "scale": ", ".join(scale),
        "points": sum(skill.importance for skill in have),
        "points_total": sum(skill.importance for skill in target_skills),
        "missed": missed(miss) if have else "",
    }


NAMES_MISSED = 3  # past this many, the skills missed are counted by importance, not named


def missed(miss: Sequence[TargetSkill]) -> str:
    """The target skills missed and how important they are, in words, or "": "The one you
    miss, Stage presence, is essential.", "The 2 you miss, …, are both essential.", "You
    miss Stage presence (essential) and Choreography (nice to have).", "Of the 5 you miss, 2
    are essential and 3 nice to have." """
    if not miss:
        return ""
    levels = [n for n in (3, 2, 1) if any(skill.importance == n for skill in miss)]
    if len(miss) > NAMES_MISSED:
        if len(levels) == 1:
            return f"The {len(miss)} you are missing are all {IMPORTANCE_PHRASES[levels[0]]}."
        counts = {n: sum(1 for skill in miss if skill.importance == n) for n in levels}
        top = levels[0]
        first = f"{counts[top]} {'is' if counts[top] == 1 else 'are'} {IMPORTANCE_PHRASES[top]}"
        rest = [f"{counts[n]} {IMPORTANCE_PHRASES[n]}" for n in levels[1:]]
        return f"Of the {len(miss)} you are missing, {joined([first, *rest])}."
    names = joined([skill.name for skill in miss])
    if len(levels) == 1:
        level = IMPORTANCE_PHRASES[levels[0]]
        if len(miss) == 1:
            return f"You are missing {names}, which you marked {level}."
        every = "both" if len(miss) == 2 else "all"
        return f"You are missing {names}, {every} of which you marked {level}."
    return (
        "You are missing "
        + joined([f"{skill.name} ({IMPORTANCE_PHRASES[skill.importance]})" for skill in miss])
        + "."
    )


def _sources(target_skills: Sequence[TargetSkill]) -> str:
    """Where the covered target skills came from, as the cards say it, grouped by source:
    "Strength training (you had it already and used it in your job “Gym assistant”), Public
    speaking and Choreography (learned in your job “Camp counsellor”) and Stage presence (from
    “Wrestling school”)"."""
    # (how, where) -> the skills: how is "learned" in a job, "used" in a job (the person had
    # it already), or "from" learning; said once the names are counted ("it" or "them").
    by_source: dict[tuple[str, str], list[str]] = {}
    for skill in target_skills:
        if not skill.covered:
            continue
        if skill.job_taught:
            source = ("learned", skill.job)
        elif skill.job and not skill.learning:
            source = ("used", skill.job)
        else:
            source = ("from", skill.learning)
        by_source.setdefault(source, []).append(skill.name)
    said = [
        f"{joined(names)} ({_source(*source, len(names))})" for source, names in by_source.items()
    ]
    shown = said[:SOURCES_NAMED]
    more = len(said) - len(shown)
    return joined(shown + ([counted(more, "other source")] if more else []))


def _source(how: str, where: str, count: int) -> str:
    """Where `count` skills came from: "learned in your job “Camp counsellor”", "you had
    it already and used it in your job “Gym assistant”", "from “Wrestling school”"."""
    if how == "learned":
        return f"learned in your job “{where}”"
    if how == "used":
        it = "it" if count == 1 else "them"
        return f"you had {it} already and used {it} in your job “{where}”"
    return f"from “{where}”"


def disagree(
    result: Alignment, direction: DirectionData | None, target_skills: Sequence[TargetSkill]
) -> str:
    """Why skill coverage and the jobs' average score tell different stories, or ""."""
    overall, coverage = result.overall, result.coverage
    if direction is None or overall is None or coverage is None:
        return ""
    if coverage >= overall + DISAGREE_BY:
        have = sum(1 for skill in target_skills if skill.covered)
        total = len(target_skills)
        counted_ = f"all {total}" if have == total else f"{have} of the {total}"
        return (
            f"Why do you have {counted_} skills {career(direction.title)} needs, when your "
            f"jobs score only {overall} out of 100 on average? A skill counts once you have "
            "it, wherever you got it. The average counts every job by its days, so the days in "
            "jobs that did little for the career pull it down. Where each came from: "
            f"{_sources(target_skills)}."
        )
    if overall >= coverage + DISAGREE_BY:
        return (
            f"Why do your jobs score {overall} out of 100 on average, when you have only "
            f"{coverage}% of the skills {career(direction.title)} needs by weight? Your jobs "
            "gave you much of what it asks for — its goals, the things you value, a fit with "
            "who you are — but you still miss skills it needs: see Missing skills."
        )
    return ""
