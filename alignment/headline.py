"""The dashboard's first words: the headline in job names and lanes of time by verdict, the
coverage figure and where it came from, and why coverage and the average score disagree when
they do."""

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from alignment import charts
from alignment.assessment import Alignment
from alignment.scoring import (
    BILLS,
    BUILT,
    DETAILS,
    LITTLE,
    PARTLY,
    UNSCORED,
    DirectionData,
    JobResult,
    TargetSkill,
)
from alignment.wording import IMPORTANCE_PHRASES, VERDICT_LABELS, career, marked
from core.vocabulary import HELD
from core.words import counted, day, joined, month, span

# The verdicts the headline's days are told by, in the order it tells them.
DAY_VERDICTS = (BUILT, PARTLY, BILLS, LITTLE)


HEADLINE_NAMES = 3  # jobs named under each verdict, the longest first, then "and N more"


# What each verdict's jobs did, said first (naming the career) and after: "Gym assistant built
# your professional wrestler career; Camp counsellor and Ring crew built some of it; …". In the
# present where every job of the group goes on, one job or more ("is building", "are
# building"): a reader found "built" wrong beside a card that says the job "is building" it.
DID_FIRST = {
    BUILT: ("built {career}", "is building {career}", "are building {career}"),
    PARTLY: (
        "built some of {career}",
        "is building some of {career}",
        "are building some of {career}",
    ),
    BILLS: (
        "paid the bills but did little for {career}",
        "pays the bills but does little for {career}",
        "pay the bills but do little for {career}",
    ),
    LITTLE: ("did little for {career}", "does little for {career}", "do little for {career}"),
}
DID_AFTER = {
    PARTLY: ("built some of it", "is building some of it", "are building some of it"),
    BILLS: ("paid the bills", "pays the bills", "pay the bills"),
    LITTLE: ("did little for it", "does little for it", "do little for it"),
}


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
    today: date | None = None,
) -> dict[str, Any]:
    """The answer at the top of the dashboard, from the verdicts of the held jobs: which jobs
    built the career and which paid the bills, by name, then a lane a verdict of the time on
    which such a job ran (since the person chose the direction where `since_days` says so, as
    the figures beneath count), what needs details, and the one thing to do next. It
    claims no majority: "most of your days", read against jobs that ran at the same time, was
    read as days on a calendar and found unfair (rounds 21-29)."""
    held = [r for r in results if r.job.stage == HELD and r.days > 0]
    counted_jobs = scored_held(held)
    total = sum(r.days for r in counted_jobs)
    # The answer names the jobs the lanes count: "Camp counsellor built some of it" beside a
    # bar that left its days out read as a mismatch (round 47); the note names those.
    days = since_days(counted_jobs, direction)
    groups = _groups([(r, days[r.job.id] if days else r.days) for r in counted_jobs])
    answer = ""
    if groups:
        title = direction.title if direction else ""
        toward = career(title) if title else "the career"
        said = [_did(groups[0], DID_FIRST[groups[0]["verdict"]], toward)]
        said += [_did(group, DID_AFTER[group["verdict"]], toward) for group in groups[1:]]
        # A sentence a verdict: joined by semicolons, the list was hard to scan (round 35).
        answer = ". ".join(said) + "."
    waiting = []
    silent = list(dict.fromkeys(r.job.title for r in held if r.verdict == DETAILS))
    if silent:
        # "Your job … needs details before it can count" read as the job the person has, and
        # left "count" toward what unsaid (round 35).
        one = len(silent) == 1
        quoted = [f"“{title}”" for title in silent]
        waiting.append(
            f"{_names(quoted)} cannot be scored yet: "
            f"{'it needs its' if one else 'they need their'} details."
        )
    unscored = list(dict.fromkeys(r.job.title for r in held if r.verdict == UNSCORED))
    if unscored:
        quoted = [f"“{title}”" for title in unscored]
        waiting.append(f"{_names(quoted)} cannot be scored yet.")
    first, last = _axis(counted_jobs, direction, days, today)
    lanes = charts.lanes(groups, first, last)
    axis = _axis_said(first, last, direction, lanes) if lanes else {}
    if lanes:
        # The time with no job at all, so that the lanes account for every month (readers of
        # rounds 56-60 added the lanes up and asked where the rest had gone).
        idle = charts.gaps([job_period(r) for r in held], first, last)
        if idle:
            lanes += charts.lanes([{**NO_JOB, "periods": idle}], first, last)
    return {
        "answer": answer,
        "bar": lanes,
        "axis": axis,
        # Each counted job's days since the choice ({} when all count), for the figures, the
        # skills note and the timeline, which count the same days.
        "since": days,
        "before": _before(counted_jobs, total, direction),
        "now": _now(counted_jobs, held, today),
        "waiting": " ".join(waiting),
        # The one job to add details to, linked beside the sentence (round 38: "an instruction
        # with no link"); with more, the steps card lists each.
        "details_id": next((r.job.id for r in held if r.verdict == DETAILS), None)
        if len(silent) == 1
        else None,
        "next": first_step,
    }


def _axis(
    results: list[JobResult],
    direction: DirectionData | None,
    since: dict[int, int],
    today: date | None,
) -> tuple[int, int]:
    """The lanes' time axis, as ordinals (the first day, the day after the last): from the
    day the person chose the direction when the lanes count the time since then (some of it
    came after, or all), else from the first job's start; to today (the day after the last
    job's end where today is not given)."""
    if not results:
        return 0, 1
    periods = [job_period(r) for r in results]
    starts = [start for start, _ in periods]
    last = today.toordinal() + 1 if today else max(end for _, end in periods)
    chosen = direction.started_on.toordinal() if direction and direction.started_on else None
    if chosen is not None and chosen < last and (since or min(starts) >= chosen):
        return chosen, last
    return min(starts), last


def _axis_said(
    first: int, last: int, direction: DirectionData | None, lanes: list[dict[str, Any]]
) -> dict[str, Any]:
    """What the lanes' axis spans, said above them ("Your 42 months since you chose your
    direction (1 Jun 2023), by what your jobs did for the career:"), its ends, its days, and
    whether a month shows in two lanes (round 56 added the lanes' months up and found more
    than the axis had)."""
    start = date.fromordinal(first)
    chosen = direction is not None and direction.started_on == start
    since = f"since you chose your direction ({day(start)})" if chosen else f"since {day(start)}"
    runs = [(part["start"], part["end"]) for lane in lanes for part in lane["parts"]]
    covered = sum(end - start for start, end in charts.merged(runs))
    # Said before the lanes, not after them (round 58 added them up first).
    twice = sum(lane["lane_days"] for lane in lanes) > covered
    return {
        "said": f"Your {span(last - first)} {since}, by what your jobs did for the career"
        + (" (where two jobs ran at the same time, a month shows in two lanes):" if twice else ":"),
        "from": month(start),
        "days": last - first,
        "since": since,
        "twice": twice,
    }


# The lane of the time in no job at all, beneath the verdicts' lanes.
NO_JOB = {"verdict": "none", "tone": "tone-nojob", "label": "No job", "days": 0}


def _now(results: list[JobResult], held: list[JobResult], today: date | None) -> str:
    """When the person has a job now and none they have now builds the career, though an
    earlier one did: "None of the work you do now builds it: the last job that built any of
    it, Ring crew, ended in May 2026." Readers of every round asked whether anything builds
    the career right now, which the past tense of the answer hid (rounds 45-54); DESIGN's
    drift warning, by a year's average, does not say it. Not while a job the person has now
    needs its details (it might build it), nor of a job that ends after today. And when only
    unpaid work has built it, beside paid work: "No paid job of yours has built it yet: only
    your unpaid work has." (readers of rounds 55-60 asked the page to say it plainly).
    `results` are the scored held jobs; `held`, all of them."""

    def now(result: JobResult) -> bool:
        ended = result.job.ended_on
        return ended is None or (today is not None and ended >= today)

    builders = [r for r in results if r.verdict in (BUILT, PARTLY)]
    said = []
    if (
        any(now(r) for r in results)
        and builders
        and not any(now(r) for r in builders)
        and all(r.verdict in DAY_VERDICTS for r in held if now(r))
    ):
        last = max(builders, key=lambda r: (cast(date, r.job.ended_on), r.job.id))
        which = "built it" if all(r.verdict == BUILT for r in builders) else "built any of it"
        ended = cast(date, last.job.ended_on)  # a builder that is not going on has ended
        said.append(
            f"None of the work you do now builds it: the last job that {which}, "
            f"{last.job.title}, ended in {month(ended)}."
        )
    if builders and any(r.job.paid for r in results) and not any(r.job.paid for r in builders):
        said.append("No paid job of yours has built it yet: only your unpaid work has.")
    return " ".join(said)


def _groups(pairs: list[tuple[JobResult, int]]) -> list[dict[str, Any]]:
    """The jobs by verdict, in DAY_VERDICTS' order, each group with its job-days (of `pairs`:
    a job and the days of it counted; a job with none is left out), its jobs' periods for its
    lane, and its jobs that go on and that ended, named, the longest first."""
    groups: list[dict[str, Any]] = []
    for verdict in DAY_VERDICTS:
        jobs = sorted(
            ((r, days) for r, days in pairs if r.verdict == verdict and days > 0),
            key=lambda pair: (-pair[1], pair[0].job.id),
        )
        if jobs:
            groups.append(
                {
                    "verdict": verdict,
                    "tone": f"tone-{verdict}",
                    "label": VERDICT_LABELS[verdict],
                    "days": sum(days for _, days in jobs),
                    # Each job's period (first day, day after the last), for its lane.
                    "periods": [job_period(r) for r, _ in jobs],
                    "going": list(dict.fromkeys(_named(r) for r, _ in jobs if _going(r))),
                    "ended": list(dict.fromkeys(_named(r) for r, _ in jobs if not _going(r))),
                }
            )
    return groups


def job_period(result: JobResult) -> tuple[int, int]:
    """A held job's period as ordinals: its first day and the day after its last."""
    start = cast(date, result.job.started_on).toordinal()
    return start, start + result.days


def scored_held(results: Sequence[JobResult]) -> list[JobResult]:
    """The held jobs whose days the lanes and the figures count: those with a verdict by their
    score (not those that need details or cannot be scored)."""
    return [r for r in results if r.job.stage == HELD and r.days > 0 and r.verdict in DAY_VERDICTS]


def since_days(results: list[JobResult], direction: DirectionData | None) -> dict[int, int]:
    """Each job's days since the person chose the direction, by job id, when some of the
    jobs' days came before the choice and some after; {} otherwise (all of them count). The
    headline's lanes and the figures beneath count these: readers of every round from 34 to 46,
    shown a share of all job-days and one since the choice, asked which was theirs and took
    the one since for it. DESIGN's figures of all job-days (the API's) are one click away."""
    before = {r.job.id: days for days, _, r in _early(results, direction)}
    if not 0 < sum(before.values()) < sum(r.days for r in results):
        return {}
    return {r.job.id: r.days - before.get(r.job.id, 0) for r in results}


def _going(result: JobResult) -> bool:
    return result.job.ended_on is None


def _did(group: dict[str, Any], verbs: tuple[str, str, str], toward: str) -> str:
    """What a group's jobs did, in the present for jobs that go on and the past for jobs that
    ended: "Waiter pays the bills, like Stage-hand and Order picker before it" (a reader found
    "Waiter, Stage-hand and Order picker paid the bills" wrong for the job they have, round
    34, and "as Stage-hand and Order picker did" terse and awkward, round 35-36)."""
    going, ended = group["going"], group["ended"]
    if not going:
        return f"{_names(ended)} {verbs[0].format(career=toward)}"
    said = f"{_names(going)} {verbs[1 if len(going) == 1 else 2].format(career=toward)}"
    before = "it" if len(going) == 1 else "them"
    return f"{said}, like {_names(ended)} before {before}" if ended else said


def _early(
    results: list[JobResult], direction: DirectionData | None
) -> list[tuple[int, bool, JobResult]]:
    """The jobs that began before the person chose the direction, each with its days before
    then and whether it ran on past it, the most days first; [] without a date chosen."""
    if direction is None or direction.started_on is None:
        return []
    chosen = direction.started_on.toordinal()
    return sorted(
        (
            (min(start + r.days, chosen) - start, start + r.days > chosen, r)
            for r in results
            if (start := cast(date, r.job.started_on).toordinal()) < chosen
        ),
        key=lambda row: (-row[0], row[2].job.id),
    )


def chose(direction: DirectionData) -> str:
    return (
        f"you chose {direction.title} as your direction ({day(cast(date, direction.started_on))})"
    )


def _before(results: list[JobResult], total: int, direction: DirectionData | None) -> str:
    """When some of the counted days came before the person chose the direction: which jobs
    the lanes, which start then, leave out ("Left out of the lanes, because it came before you
    chose your direction: your jobs as Order picker and Camp counsellor and the first 4 months
    of your job as Stage-hand."); when
    all came before, that they did (the lanes then count them, as there are no others). Not
    "Not in the bar: 1,336 job-days from before …: …", a number said twice with no reason
    (round 53)."""
    early = _early(results, direction)
    before = sum(days for days, _, _ in early)
    if not before or direction is None:
        return ""
    if before == total:
        return f"All of this work came before {chose(direction)}."
    whole = list(dict.fromkeys(r.job.title for _, on, r in early if not on))
    where = [f"your job{'s' if len(whole) > 1 else ''} as {_names(whole)}"] if whole else []
    where += [f"the first {span(d)} of your job as {r.job.title}" for d, on, r in early if on]
    return (
        f"Left out of the lanes, because it came before you chose your direction: {joined(where)}."
    )


# When the overall score and the skill coverage differ by this much, the headline says why.
DISAGREE_BY = 20


SOURCES_NAMED = 4  # where coverage came from: this many sources named, then "and N more"


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
            f"You have {counted_} skills you listed for {career(title)}, counted from the "
            "jobs that taught or used them and the learning you finished."
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
    return _missed(miss) + _learning(miss)


def _learning(miss: Sequence[TargetSkill]) -> str:
    """Which missing skills learning not finished yet teaches, as the missing-skills card
    marks them (" You are learning Stage presence.")."""
    learning = [skill.name for skill in miss if skill.taught][:NAMES_MISSED]
    if len(miss) == 1 and learning:
        return " You are learning it."
    return f" You are learning {joined(learning)}." if learning else ""


def _missed(miss: Sequence[TargetSkill]) -> str:
    levels = [n for n in (3, 2, 1) if any(skill.importance == n for skill in miss)]
    if len(miss) > NAMES_MISSED:
        if len(levels) == 1:
            return f"The {len(miss)} you are missing are all {IMPORTANCE_PHRASES[levels[0]]}."
        counts = {n: sum(1 for skill in miss if skill.importance == n) for n in levels}
        top = levels[0]
        first = f"{counts[top]} {'is' if counts[top] == 1 else 'are'} {IMPORTANCE_PHRASES[top]}"
        rest = [f"{counts[n]} {IMPORTANCE_PHRASES[n]}" for n in levels[1:]]
        return f"Of the {len(miss)} you are missing, {joined([first, *rest])}."
    if len(levels) == 1:
        return f"You are missing {marked([skill.name for skill in miss], levels[0])}."
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


def _most(result: Alignment, since: dict[int, int]) -> str:
    """The job with the most of the days the average counts (those since the direction was
    chosen, where the average counts those), when it has most of them: ", and 27 months of
    your job time since you chose your direction was in Customer support agent, which scores
    8, against 4 months in your other job" (not "since you chose it", read as the job, round
    51; not "27 of the 31 months in your jobs", more months than had passed, round 57, nor
    "most of your job time, 27 months", read as all of it, round 58). Readers asked for the plain
    reason, not the rule (round 50)."""
    held = scored_held(result.jobs)
    days = since or {r.job.id: r.days for r in held}
    if not held or not sum(days.values()):
        return ""
    top = max(held, key=lambda r: (days[r.job.id], -r.job.id))
    if 2 * days[top.job.id] <= sum(days.values()):
        return ""
    when = " since you chose your direction" if since else ""
    said = f", and {span(days[top.job.id])} of your job time{when} was in {top.job.title}, which "
    said += f"scores {top.score}"
    others = [n for job_id, n in days.items() if job_id != top.job.id and n > 0]
    if others:
        said += f", against {span(sum(others))} in your other job{'s' if len(others) > 1 else ''}"
    return said


def disagree(
    result: Alignment,
    direction: DirectionData | None,
    target_skills: Sequence[TargetSkill],
    overall: int | None,
    since: dict[int, int],
) -> str:
    """Why skill coverage and the jobs' average score (the `overall` the page shows, counting
    the days `since` the choice where the headline does) tell different stories, or ""."""
    coverage = result.coverage
    if direction is None or overall is None or coverage is None:
        return ""
    if coverage >= overall + DISAGREE_BY:
        # Said as two measures, not as a question answered: "Why do you have 3 of the 5
        # skills … when your jobs score only 21?" read as the page defending its numbers, and
        # said the 3 of 5 a third time (rounds 34-36).
        have = sum(1 for skill in target_skills if skill.covered)
        return (
            "Your skills and your average score measure different things: a skill counts once "
            "you have it, wherever you got it; the average counts each job for as long as it ran"
            f"{_most(result, since)}. Where your {counted(have, 'skill')} came from: "
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
