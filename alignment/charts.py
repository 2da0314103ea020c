"""The dashboard's timeline as geometry: where each bar and tick goes. The template draws
it (alignment/_timeline.html).

The timeline is HTML: each row a label a person can read at any width, over a track in
which the bar sits at whole percentages (the `at-N` and `span-N` classes of
static/css/charts.css: the content security policy allows no inline style).
"""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from alignment.scoring import DETAILS, UNSCORED, DirectionData
from core.vocabulary import CONSIDERING, CURRENT
from core.words import day, span

if TYPE_CHECKING:
    from alignment.dashboard import JobView

# -- the timeline ---------------------------------------------------------------------------

MIN_TICK_SHARE = 9  # year labels closer than this share of the width would run together


def _share(days: int, axis: int) -> int:
    """The share of a time axis of `axis` days (0–100, whole) that `days` from its start sits at."""
    return max(0, min(100, round(100 * days / axis)))


def _placed(start: int, end: int) -> dict[str, int]:
    """Where a stretch sits on an axis, from the shares of its first day and the day after its
    last: at least 1 wide, and never past the end (a stretch on the axis's last day rounded to
    100 and ran out of its track)."""
    width = max(end - start, 1)
    return {"at": min(start, 100 - width), "span": width}


def _at(day: date, first: date, span: int) -> int:
    """The share of the time axis (0–100, whole) a day sits at."""
    return _share((day - first).days, span)


def timeline_chart(
    views: list["JobView"],
    directions: Iterable[DirectionData],
    today: date,
    chosen: date | None = None,
) -> dict[str, Any] | None:
    """Rows for the directions' periods and the held jobs' periods on one time axis.

    `views` are the charted jobs (alignment.dashboard.JobView), newest first, as every list of
    jobs is; `directions` the person's directions (alignment.DirectionData). Each job's bar
    takes its verdict's colour, and its label says the verdict in words. Where the headline's
    lanes count only the days since the person chose the direction on `chosen`, a job's days
    before then are drawn lighter and striped (readers of rounds 49-52 found them in full
    colour here and left out above).
    """
    views = [view for view in views if view.job.started_on and view.job.started_on <= today]
    # The views kept have a start.
    periods = [
        (cast(date, view.job.started_on), min(view.job.ended_on or today, today)) for view in views
    ]
    if not periods:
        return None
    direction_periods = [
        (direction, direction.started_on, direction.ended_on or today)
        for direction in directions
        if direction.status != CONSIDERING
    ]
    starts = [start for start, _ in periods] + [s for _, s, _ in direction_periods if s]
    first = date(min(starts).year, 1, 1)
    last = max([today] + [end for _, end in periods])
    span = max((last - first).days, 1)

    def placed(start: date, end: date) -> dict[str, int]:
        return _placed(_at(start, first, span), _at(end, first, span))

    rows = []
    for direction, start, end in direction_periods:
        rows.append(
            {
                "kind": "direction",
                # "Your direction: UX designer, since 1 Sep 2024", one phrase.
                "label": f"Your {'' if direction.status == CURRENT else 'past '}direction: "
                f"{direction.title}{_direction_time(direction)}",
                "note": "",
                "css": f"direction-{direction.status}",
                **placed(max(start or first, first), min(end, last)),
            }
        )
    for view, (start, end) in zip(views, periods, strict=True):
        rows.append(
            {
                "kind": "job",
                "view": view,
                "url": view.url,
                "label": view.job.title,
                "note": f"{day(start)} – {'now' if view.ongoing else day(end)}",
                "score": view.score_text,
                "verdict": view.verdict_label,
                "css": view.tone,
                **placed(start, end),
                # A job that needs details is in no bar: nothing of it is left out.
                "before": placed(start, min(end, chosen))
                if chosen and start < chosen and view.verdict not in (DETAILS, UNSCORED)
                else None,
            }
        )
    # A label every year; over a long history, every 2, 5 or 10 years only.
    year_share = 100 * 365 / span
    step = next((n for n in (1, 2, 5, 10, 20) if n * year_share >= MIN_TICK_SHARE), 50)
    ticks: list[dict[str, Any]] = [
        {"at": _at(date(year, 1, 1), first, span), "label": str(year)}
        for year in range(first.year, last.year + 1)
        if year % step == 0 and date(year, 1, 1) >= first
    ]
    # The last label would run off the right edge: it is drawn from its end instead.
    for tick in ticks:
        tick["edge"] = tick["at"] > 92
    return {"rows": rows, "ticks": ticks, "chosen": chosen}


def _direction_time(direction: DirectionData) -> str:
    """When a direction was the person's, after its title: ", since 1 Sep 2024", ", 1 Jan
    2020 – 3 Mar 2023", ", until 3 Mar 2023", or "" when no date is known."""
    start, end = direction.started_on, direction.ended_on
    if start and end:
        return f", {day(start)} – {day(end)}"
    if start:
        return f", since {day(start)}"
    return f", until {day(end)}" if end else ""


# -- the headline's lanes -------------------------------------------------------------------


def merged(periods: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Periods (first day, day after the last, as ordinals) joined where they overlap or
    touch: the days on which any of them ran."""
    joined_up: list[tuple[int, int]] = []
    for start, end in sorted(periods):
        if joined_up and start <= joined_up[-1][1]:
            joined_up[-1] = (joined_up[-1][0], max(joined_up[-1][1], end))
        else:
            joined_up.append((start, end))
    return joined_up


def gaps(periods: Iterable[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """The stretches from the day `first` to the day before `last` (ordinals) on which none of
    the periods ran."""
    free, day_ = [], first
    for start, end in merged(periods):
        if start > day_:
            free.append((day_, min(start, last)))
        day_ = max(day_, end)
    if day_ < last:
        free.append((day_, last))
    return [(start, end) for start, end in free if end > start]


def lanes(groups: list[dict[str, Any]], first: int, last: int) -> list[dict[str, Any]]:
    """One lane a verdict for the headline, on one time axis from the day `first` to the day
    before `last` (ordinals): each group (a verdict's group of headline._groups, with its
    jobs' "periods" as first day and day after the last) with the days on which any of its
    jobs ran ("lane_days", "lane_text") and where they sit ("parts"). Lanes, not one bar
    split by verdict: a split bar of jobs that ran side by side added up to more time than
    had passed and read as a timeline (rounds 53-55)."""
    axis = max(last - first, 1)
    rows = []
    for group in groups:
        runs = merged((max(start, first), min(end, last)) for start, end in group["periods"])
        runs = [(start, end) for start, end in runs if end > start]
        days = sum(end - start for start, end in runs)
        rows.append(
            {
                **group,
                "lane_days": days,
                "lane_text": span(days),
                "parts": [
                    {
                        **_placed(_share(start - first, axis), _share(end - first, axis)),
                        "start": start,
                        "end": end,
                    }
                    for start, end in runs
                ],
            }
        )
    return rows
