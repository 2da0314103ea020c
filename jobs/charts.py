"""The dashboard's charts as geometry: where each bar, tick and dot goes. The templates
draw them (jobs/_timeline.html, jobs/_means_or_end.html)."""

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.urls import reverse
from django.utils.text import Truncator

from careers.alignment import ALIGNED_AT, CONSIDERING

# The score bands, each a colour on the charts and badges.
MID_AT = 25


def score_class(score):
    """The colour band of a score: built the career, in between, far from it, or unscored."""
    if score is None:
        return "score-none"
    if score >= ALIGNED_AT:
        return "score-high"
    if score >= MID_AT:
        return "score-mid"
    return "score-low"


TIMELINE_WIDTH = 560
ROW_HEIGHT = 28
AXIS_HEIGHT = 24
LABEL_WIDTH = 160  # the row labels' column, left of the time axis
RIGHT_PAD = 16  # room for the last year's label, centred on its tick
MIN_TICK_GAP = 40  # year labels closer than this would run into each other
LABEL_CHARS = 22  # a row label longer than this is cut


def _x(day, start, span, width):
    return round((day - start).days / span * width, 1)


def _n(number):
    """A coordinate as SVG reads it, whatever the locale ("12.5", never "12,5")."""
    return f"{number:g}"


def _short(text, length):
    """Text cut to `length` characters with an ellipsis, as a label on a chart."""
    return Truncator(text).chars(length)


def _day(day):
    return day.isoformat()


def whole(amount):
    """An amount rounded to a whole number, halves up (14,949.50 → 14,950)."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def timeline_chart(views, directions, today):
    """Bars for the directions' periods and the held jobs' periods on one time axis.

    `views` are the charted jobs (jobs.dashboard.JobView), oldest first; `directions` the
    person's DirectionData.
    """
    views = [view for view in views if view.job.started_on and view.job.started_on <= today]
    periods = [(view.job.started_on, min(view.job.ended_on or today, today)) for view in views]
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
    width = TIMELINE_WIDTH
    rows = []
    y = AXIS_HEIGHT
    for direction, start, end in direction_periods:
        x1 = _x(max(start or first, first), first, span, width)
        x2 = _x(min(end, last), first, span, width)
        rows.append(
            {
                "direction": direction,
                "url": reverse("careers:direction_detail", args=[direction.id]),
                "css": f"direction-{direction.status}",
                "label": _short(direction.title, LABEL_CHARS),
                "tooltip": f"{direction.title} ({direction.status}): "
                f"{_day(start) if start else 'always'} – {_day(end)}",
                "x": _n(x1),
                "width": _n(max(x2 - x1, 2)),
                "y": _n(y),
                "label_y": _n(y + 15),
            }
        )
        y += ROW_HEIGHT
    for view, (start, end) in zip(views, periods, strict=True):
        x1 = _x(start, first, span, width)
        x2 = _x(end, first, span, width)
        score = "unscored" if view.score is None else f"score {view.score}"
        rows.append(
            {
                "view": view,
                "url": view.url,
                "css": view.score_class,
                "label": _short(view.job.title, LABEL_CHARS),
                "tooltip": f"{view.job.title}, {view.job.employer}: {_day(start)} – "
                f"{'now' if view.ongoing else _day(end)}, {score}",
                "x": _n(x1),
                "width": _n(max(x2 - x1, 3)),
                "y": _n(y),
                "label_y": _n(y + 15),
            }
        )
        y += ROW_HEIGHT
    # A line every year; over a long history, a label every 2, 5 or 10 years only.
    year_width = width * 365 / span
    step = next((n for n in (1, 2, 5, 10, 20) if n * year_width >= MIN_TICK_GAP), 50)
    ticks = []
    for year in range(first.year, last.year + 1):
        tick = date(year, 1, 1)
        if tick >= first:
            x = _x(tick, first, span, width)
            ticks.append(
                {
                    "x": _n(x),
                    "label": str(year) if year % step == 0 else "",
                    "anchor": "start" if x < 16 else "middle",
                }
            )
    total_width = LABEL_WIDTH + width + RIGHT_PAD
    return {
        "width": width,
        "height": _n(y + 6),
        "label_width": LABEL_WIDTH,
        "total_width": total_width,
        # The labels' share of the chart's width, so that a second drawing of the labels
        # can stay in view while the bars scroll sideways on a narrow screen.
        "label_share": f"{100 * LABEL_WIDTH / total_width:.4f}",
        "rows": rows,
        "ticks": ticks,
        "today_x": _n(_x(today, first, span, width)),
    }


PLOT_WIDTH, PLOT_HEIGHT, PLOT_PAD = 600, 360, 44
PLOT_LABELLED_POINTS = 12
DOT_LABEL_CHARS = 18


def quadrant_name(well_paid, aligned):
    if well_paid and aligned:
        return "both"
    if aligned:
        return "built the career"
    if well_paid:
        return "paid the bills"
    return "neither"


def means_or_end_chart(views):
    """Each scored job placed by annual pay (x) and score (y), split into four quadrants."""
    currencies = Counter(view.row.currency for view in views if view.annual_pay is not None)
    if not currencies:
        return None
    currency = currencies.most_common(1)[0][0]
    plotted = [
        view
        for view in views
        if view.annual_pay is not None and view.score is not None and view.row.currency == currency
    ]
    if not plotted:
        return None
    pays = [view.annual_pay for view in plotted]
    pay_line = Decimal(median(pays))
    top = max(pays) * Decimal("1.15") or Decimal(1)
    inner_w = PLOT_WIDTH - 2 * PLOT_PAD
    inner_h = PLOT_HEIGHT - 2 * PLOT_PAD

    def px(pay):
        return round(PLOT_PAD + float(pay / top) * inner_w, 1)

    def py(score):
        return round(PLOT_PAD + (100 - score) / 100 * inner_h, 1)

    points = []
    for view in plotted:
        quadrant = quadrant_name(view.annual_pay >= pay_line, view.score >= ALIGNED_AT)
        pay = f"{whole(view.annual_pay):,} {currency}"
        points.append(
            {
                "view": view,
                "x": _n(px(view.annual_pay)),
                "y": _n(py(view.score)),
                "label_y": _n(int(py(view.score)) - 14),
                "label": _short(view.job.title, DOT_LABEL_CHARS),
                "pay": pay,
                "quadrant": quadrant,
                "tooltip": f"{view.job.title}, {view.job.employer}: {pay} a year, "
                f"score {view.score} — {quadrant}",
            }
        )
    plotted_ids = {view.job.id for view in plotted}
    return {
        "width": PLOT_WIDTH,
        "height": PLOT_HEIGHT,
        "pad": PLOT_PAD,
        "inner_w": inner_w,
        "inner_h": inner_h,
        "right": PLOT_WIDTH - PLOT_PAD,
        "bottom": PLOT_HEIGHT - PLOT_PAD,
        "mid_x": px(pay_line),
        "mid_y": py(ALIGNED_AT),
        "pay_line": pay_line,
        "currency": currency,
        "points": points,
        # Past a dozen marks their names pile on each other: the tooltips and table name them.
        "labelled": len(points) <= PLOT_LABELLED_POINTS,
        "left_out": [view for view in views if view.job.id not in plotted_ids],
    }
