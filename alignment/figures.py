"""The three figures beneath the dashboard's headline, in words: the time in jobs that built
the career, the average score and the skills, each with its arithmetic one click away."""

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Any, cast

from alignment.assessment import Alignment
from alignment.headline import coverage_figure, scored_held
from alignment.scoring import (
    ALIGNED_AT,
    BUILT,
    PARTLY,
    PARTLY_AT,
    DirectionData,
    JobResult,
    TargetSkill,
    round_half_up,
)
from alignment.wording import career
from core.words import counted, day, span

# Said under "How it's counted": readers asked whether a few hours a week weigh as much as a
# full-time job (rounds 41-55). They do: DESIGN weighs a job by its days.
BY_TIME = "A job counts for how long it ran, not for its hours a week."


def _sum(part: int, whole: int) -> str:
    """ "510 ÷ 1,580 = 32.3%, rounded half up to 32%"."""
    if not whole:
        return ""
    return (
        f"{part:,} ÷ {whole:,} = {100 * part / whole:.1f}%, rounded half up to "
        f"{round_half_up(100 * part / whole)}%"
    )


def _of(part: int, whole: int) -> str:
    """ "42 of your 43 months", "12 days of your 3 months": a part of a stretch of time."""
    said, of = span(part), span(whole)
    if said.endswith(" months") and of.endswith(" months"):
        said = said.removesuffix(" months")
    return f"{said} of your {of}"


def _time_texts(answer: dict[str, Any], held: list[JobResult], aligned: int | None) -> dict:
    """The first figure: of the time the headline's lanes span, the share on which a job that
    built the career ran, as its lane shows it ("For 17 of your 42 months since you chose your
    direction (1 Jun 2023), you had a job that built the career (…): 40% of that time.").
    Readers of round 56 set the lane's 17 of 42 months beside a share of job-days (32%) and
    found two answers; every round from 41 asked for calendar time. DESIGN's aligned share,
    by each job's own days (the API's), is the first line of "How it's counted"."""
    axis = answer.get("axis") or {}
    days_of = {lane["verdict"]: lane["lane_days"] for lane in answer.get("bar", [])}
    # "with a job", not "in jobs": 98% read as "98% of my working time" beside a paid job
    # that ran alongside (round 57).
    label = "Time you had a job that built the career"
    if not axis:
        return {"aligned_label": label, "aligned_value": None, "aligned_figure": "aligned-time"}
    days, built, partly = axis["days"], days_of.get(BUILT, 0), days_of.get(PARTLY, 0)
    share = round_half_up(100 * built / days)
    said = (
        f"For {_of(built, days)} {axis['since']}, you had a job that built the career (a "
        f"score of {ALIGNED_AT} or more): {share}% of that time."
        if built
        else f"In your {span(days)} {axis['since']}, no job of yours built the career (a "
        f"score of {ALIGNED_AT} or more)."
    )
    if partly:
        # Not its share too: "1½ months: 3%" read as a slip for 4% (round 57).
        said += (
            f" You had a job that built some of it ({PARTLY_AT} to {ALIGNED_AT - 1}) for "
            f"{span(partly)}."
        )
    own = sum(r.days for r in held)
    own_built = sum(r.days for r in held if r.verdict == BUILT)
    return {
        "aligned_label": label,
        "aligned_value": share,
        "aligned_figure": "aligned-time",
        "aligned_text": said,
        # DESIGN's aligned share, marked as the figure the API gives ("aligned-share").
        "aligned_note": {
            "lead": "Counting each job's own days instead, two jobs at once as two"
            + (", and all your jobs, before your direction too:" if answer.get("before") else ":"),
            "figure": "aligned-share",
            "value": f"{aligned}%",
            "rest": f"({own_built:,} of {own:,} days).",
        },
        "aligned_sums": (
            f"The days {axis['since']} on which a job that scored {ALIGNED_AT} or more ran, "
            f"over all {days:,} days since then: {_sum(built, days)}. Counting each job's own "
            f"days: {_sum(own_built, own)}. {BY_TIME}"
        ),
    }


def figure_texts(
    result: Alignment,
    direction: DirectionData | None,
    target_skills: Sequence[TargetSkill],
    answer: dict[str, Any],
) -> dict[str, Any]:
    """The sentences under the three figures beneath the headline (`answer`, the headline's:
    the first figure is a share of its lanes' time). The average counts the days since the
    person chose the direction when some came before and some after (the headline's
    "since"), with DESIGN's overall of all of them (the API's) beneath."""
    title = direction.title if direction else ""
    held = scored_held(result.jobs)
    return {
        **_time_texts(answer, held, result.aligned_share),
        **_average_texts(held, direction, result, answer["since"]),
        "coverage": coverage_figure(result.coverage, target_skills, title),
        "coverage_empty": (
            f"Add the skills {title} needs to see how many you have."
            if direction
            else "Describe your current direction and the skills it needs."
        ),
    }


def _average_texts(
    held: list[JobResult],
    direction: DirectionData | None,
    result: Alignment,
    since: dict[int, int],
) -> dict[str, Any]:
    """The average score's figure: of the job-days since the person chose the direction where
    the lanes count those (`since`, from headline.since_days), DESIGN's overall (the
    API's) under "How it's counted"; readers of round 47 found the two figures side by side
    counting different days."""
    title = direction.title if direction else ""
    if not since or direction is None:
        return {
            "overall_label": "Average score of your jobs, longer jobs counting more",
            "overall_value": result.overall,
            "overall_figure": "overall-alignment",
            "overall_note": {},
            "overall_text": _overall_text([(r, r.days) for r in held], title, result.overall),
            "overall_sums": _overall_sums([(r, r.days) for r in held], result.overall_exact),
        }
    pairs = [(r, since[r.job.id]) for r in held if since[r.job.id]]
    mean = sum((days * cast(Fraction, r.exact_score) for r, days in pairs), Fraction(0)) / sum(
        days for _, days in pairs
    )
    everything = _overall_sums(
        [(r, r.days) for r in held],
        result.overall_exact,
        lead="Counting your jobs from before then too, each",
    )
    return {
        "overall_label": "Average score of your jobs since you chose your direction",
        "overall_value": round_half_up(mean),
        "overall_figure": "overall-alignment-since",
        "overall_note": {
            "lead": "Counting your jobs from before you chose it too:",
            "figure": "overall-alignment",
            "value": result.overall,
            "rest": "out of 100.",
        },
        "overall_text": _overall_text(
            pairs, title, round_half_up(mean), since=day(cast(date, direction.started_on))
        ),
        "overall_sums": (
            f"{_overall_sums(pairs, mean, since=day(cast(date, direction.started_on)))} "
            f"{everything}"
        ),
    }


def _overall_text(
    pairs: list[tuple[JobResult, int]], title: str, average: int | None, since: str = ""
) -> str:
    """What the average score is: the scores it sits between ("from 71 (Hospital ward
    volunteer) down to 3 (Delivery driver)"), of the jobs of `pairs` (a job and its days
    counted), since the date the person chose the direction where `since` says it ("1 May
    2023"), how it weighs them and what raises it (round 53 read a bare 37 as a failing
    grade that described none of the jobs). Not the bands: an average of 32 read against
    them (25 to 49 builds some of it) said the jobs "partly built" a career that one job
    built and two did not (rounds 21-30)."""
    toward = f"for {career(title)}" if title else "against their directions"
    ranked = sorted(pairs, key=lambda pair: (-cast(int, pair[0].score), -pair[1], pair[0].job.id))
    if not ranked:
        return ""  # nothing scored: the figure says so itself
    if len(ranked) == 1:
        only = ranked[0][0]
        return f"The score of {only.job.title} {toward}, out of 100: your only job scored."
    top, bottom = ranked[0][0], ranked[-1][0]
    when = f" since {since}" if since else ""
    return (
        f"Your jobs{when} scored from {top.score} ({top.job.title}) down to {bottom.score} "
        f"({bottom.job.title}) {toward}. Their average, in which a longer job counts for more, "
        f"is {average}. That is not a verdict on any one job; it rises as more of your time "
        "goes to jobs that build the career."
    )


SUMS_NAMED = 5  # the jobs the average's sum writes out, the longest first, then "N more"


def _overall_sums(
    pairs: list[tuple[JobResult, int]], mean: Fraction | None, since: str = "", lead: str = "Each"
) -> str:
    """The average score's arithmetic, one click away: each scored job's exact score times
    its days (of `pairs`: a job and its days counted, since the date `since` when given), over
    all their days, equal to the figure's exact `mean`: "(71.04 × 1,286 + 6.21 × 943) ÷ 2,229
    = 43.61, rounded half up to 44", the SUMS_NAMED longest written out; "" with none. A
    reader who averaged the rounded scores got another whole number and asked why."""
    scored = sorted(
        ((r, days) for r, days in pairs if r.exact is not None and days > 0),
        key=lambda pair: (-pair[1], pair[0].job.id),
    )
    if not scored or mean is None:
        return ""
    days = sum(d for _, d in scored)
    terms = [f"{float(cast(Fraction, r.exact_score)):.2f} × {d:,}" for r, d in scored]
    shown = terms[:SUMS_NAMED] + (
        [f"{counted(len(terms) - SUMS_NAMED, 'more job')}"] if len(terms) > SUMS_NAMED else []
    )
    which = (
        f"its days since {since}, over all those days" if since else "its days, over all their days"
    )
    return (
        f"{lead} job's score before rounding, times {which}: "
        f"({' + '.join(shown)}) ÷ {days:,} = {float(mean):.2f}, rounded half up to "
        f"{round_half_up(mean)}."
    )
