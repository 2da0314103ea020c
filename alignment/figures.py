"""The three figures beneath the dashboard's headline, in words: the job-days that built the
career, the average score and the skills, each with its arithmetic one click away."""

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Any, cast

from alignment.assessment import Alignment
from alignment.headline import chose, coverage_figure, scored_held, since_days
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
from core.words import counted, day


def _share_since(results: list[JobResult], since: dict[int, int]) -> dict[str, Any]:
    """The job-days since the person chose the direction (`since`, headline.since_days), when
    some came before it and some after: all of them, those in jobs that built the career and
    those that built some of it; {} otherwise."""
    if not since:
        return {}
    return {
        "total": sum(since.values()),
        **{
            verdict: sum(since[r.job.id] for r in results if r.verdict == verdict)
            for verdict in (BUILT, PARTLY)
        },
    }


def _sum(part: int, whole: int) -> str:
    """ "510 ÷ 1,580 = 32.3%, rounded half up to 32%"."""
    if not whole:
        return ""
    return (
        f"{part:,} ÷ {whole:,} = {100 * part / whole:.1f}%, rounded half up to "
        f"{round_half_up(100 * part / whole)}%"
    )


def _another(partly: int, total: int) -> str:
    if not partly:
        return ""
    return (
        f" Another {round_half_up(100 * partly / total)}% were in jobs that built some of it "
        f"({PARTLY_AT} to {ALIGNED_AT - 1})."
    )


def _since_texts(
    since: dict[str, Any], direction: DirectionData, aligned: int | None, days: tuple[int, int]
) -> dict[str, Any]:
    """The days figure counted since the person chose the direction, as the bar is (readers
    of rounds 34 to 46 asked which of two shares was theirs, and took this one), with the
    share of all job-days (DESIGN's aligned share, the API's) under "How it's counted"."""
    share = round_half_up(100 * since[BUILT] / since["total"])
    built, total = days  # of all the job-days counted: `aligned` is their share
    return {
        "aligned_label": "Job-days that built the career since you chose your direction",
        "aligned_value": share,
        "aligned_text": (
            f"Since {chose(direction)}, {share}% of your job-days were in jobs that built the "
            f"career (a score of {ALIGNED_AT} or more)." + _another(since[PARTLY], since["total"])
        ),
        "aligned_figure": "aligned-share-since",
        # DESIGN's aligned share, marked as the figure the API gives ("aligned-share").
        "aligned_note": {
            "lead": "Counting your job-days from before you chose it too:",
            "figure": "aligned-share",
            "value": f"{aligned}%",
            "rest": f"({built:,} of {total:,}).",
        },
        "aligned_sums": (
            f"The job-days since {day(cast(date, direction.started_on))} of the jobs that scored "
            f"{ALIGNED_AT} or more, over all your job-days since then: "
            f"{_sum(since[BUILT], since['total'])}. Counting all your job-days: "
            f"{_sum(built, total)}."
        ),
    }


def figure_texts(
    result: Alignment,
    direction: DirectionData | None,
    target_skills: Sequence[TargetSkill] = (),
) -> dict[str, Any]:
    """The sentences under the three figures beneath the headline. The days figure counts
    each job's own days, as the headline's bar does; it and the average count those since
    the person chose the direction when some came before and some after, with DESIGN's
    figures of all of them (the API's) beneath."""
    title = direction.title if direction else ""
    held = scored_held(result.jobs)
    total = sum(r.days for r in held)
    partly = sum(r.days for r in held if r.verdict == PARTLY)
    built = sum(r.days for r in held if r.verdict == BUILT)
    days_since = since_days(held, direction)  # {} when all of the days count
    since = _share_since(held, days_since)
    return {
        **(
            _since_texts(
                since, cast(DirectionData, direction), result.aligned_share, (built, total)
            )
            if since
            else {
                "aligned_label": "Job-days that built the career",
                "aligned_value": result.aligned_share,
                "aligned_figure": "aligned-share",
                "aligned_note": {},
                "aligned_text": (
                    f"Of all your job-days so far, {result.aligned_share}% were in jobs that "
                    f"built the career (a score of {ALIGNED_AT} or more)." + _another(partly, total)
                ),
                "aligned_sums": (
                    f"The job-days of the jobs that scored {ALIGNED_AT} or more, over all the "
                    f"job-days counted: {_sum(built, total)}."
                    if total
                    else ""
                ),
            }
        ),
        **_average_texts(held, direction, result, days_since),
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
    the days figure counts those (`since`, from headline.since_days), DESIGN's overall (the
    API's) under "How it's counted"; readers of round 47 found the two figures side by side
    counting different days."""
    title = direction.title if direction else ""
    if not since or direction is None:
        return {
            "overall_label": "Average score of your jobs, longer jobs counting more",
            "overall_value": result.overall,
            "overall_figure": "overall-alignment",
            "overall_note": {},
            "overall_text": _overall_text([(r, r.days) for r in held], title),
            "overall_sums": _overall_sums([(r, r.days) for r in held], result.overall_exact),
        }
    pairs = [(r, since[r.job.id]) for r in held if since[r.job.id]]
    mean = sum((days * cast(Fraction, r.exact_score) for r, days in pairs), Fraction(0)) / sum(
        days for _, days in pairs
    )
    everything = _overall_sums(
        [(r, r.days) for r in held], result.overall_exact, lead="Counting all your job-days, each"
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
        "overall_text": _overall_text(pairs, title, since=day(cast(date, direction.started_on))),
        "overall_sums": (
            f"{_overall_sums(pairs, mean, since=day(cast(date, direction.started_on)))} "
            f"{everything}"
        ),
    }


def _overall_text(pairs: list[tuple[JobResult, int]], title: str, since: str = "") -> str:
    """What the average score is, with the scores it sits between ("from Hospital ward
    volunteer's 71 down to Delivery driver's 3"), of the jobs of `pairs` (a job and its days
    counted), since the date the person chose the direction where `since` says it ("1 May
    2023"). Not the bands: an average of 32 read against them (25 to 49 builds some of
    it) said the jobs "partly built" a career that one job built and two did not (rounds
    21-30)."""
    toward = f"for {career(title)}" if title else "against their directions"
    ranked = sorted(pairs, key=lambda pair: (-cast(int, pair[0].score), -pair[1], pair[0].job.id))
    if not ranked:
        return ""  # nothing scored: the figure says so itself
    if len(ranked) == 1:
        only = ranked[0][0]
        return f"The score of {only.job.title} {toward}, out of 100: your only job scored."
    top, bottom = ranked[0][0], ranked[-1][0]
    when = f" since {since}" if since else ""
    days = "its days since then" if since else "its days"
    return (
        f"The average of your jobs' scores {toward}{when}, out of 100, each job counting by "
        f"{days}: from {top.job.title}'s {top.score} down to {bottom.job.title}'s "
        f"{bottom.score}."
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
