"""The dashboard's charts as geometry: where each bar, tick and dot goes. The templates
draw them (jobs/_timeline.html, jobs/_means_or_end.html).

The timeline is HTML: each row a label a person can read at any width, over a track in
which the bar sits at whole percentages (the `at-N` and `span-N` classes of
static/css/charts.css: the content security policy allows no inline style).
"""

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.urls import reverse

from careers.alignment import ALIGNED_AT, CONSIDERING, day

from .models import money_text

# The score bands, each a colour (and a word) on the charts and badges.
MID_AT = 25


def score_class(score):
    """The band of a score: built the career, in between, far from it, or unscored."""
    if score is None:
        return "score-none"
    if score >= ALIGNED_AT:
        return "score-high"
    if score >= MID_AT:
        return "score-mid"
    return "score-low"


def whole(amount):
    """An amount rounded to a whole number, halves up (14,949.50 → 14,950)."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


# -- the timeline ---------------------------------------------------------------------------

MIN_TICK_SHARE = 9  # year labels closer than this share of the width would run together


def _at(day, first, span):
    """The share of the time axis (0–100, whole) a day sits at."""
    return max(0, min(100, round(100 * (day - first).days / span)))


def timeline_chart(views, directions, today):
    """Rows for the directions' periods and the held jobs' periods on one time axis.

    `views` are the charted jobs (jobs.dashboard.JobView), oldest first; `directions` the
    person's directions (alignment.DirectionData).
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

    def placed(start, end):
        left = _at(start, first, span)
        return {"at": left, "span": max(_at(end, first, span) - left, 1)}

    rows = []
    for direction, start, end in direction_periods:
        rows.append(
            {
                "kind": "direction",
                "url": reverse("careers:direction_detail", args=[direction.id]),
                "label": direction.title,
                "note": f"{direction.status} direction, "
                f"{day(start) if start else 'always'} – "
                f"{'now' if direction.ended_on is None else day(end)}",
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
                "css": view.score_class,
                **placed(start, end),
            }
        )
    # A label every year; over a long history, every 2, 5 or 10 years only.
    year_share = 100 * 365 / span
    step = next((n for n in (1, 2, 5, 10, 20) if n * year_share >= MIN_TICK_SHARE), 50)
    ticks = [
        {"at": _at(date(year, 1, 1), first, span), "label": str(year)}
        for year in range(first.year, last.year + 1)
        if year % step == 0 and date(year, 1, 1) >= first
    ]
    # The last label would run off the right edge: it is drawn from its end instead.
    for tick in ticks:
        tick["edge"] = tick["at"] > 92
    return {"rows": rows, "ticks": ticks, "today": _at(today, first, span)}


# -- means or end ---------------------------------------------------------------------------

PLOT_WIDTH, PLOT_HEIGHT = 640, 400
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 56, 24, 24, 56
PLOT_LABELLED_POINTS = 12
LONG_LABEL = 22  # a longer label is written on two lines


def pay_line(views):
    """(currency, the middle of the jobs' pay over a year) over the views whose yearly pay
    is known, in their most common currency; None when no pay is known."""
    currencies = Counter(view.row.currency for view in views if view.annual_pay is not None)
    if not currencies:
        return None
    currency = currencies.most_common(1)[0][0]
    pays = [v.annual_pay for v in views if v.annual_pay is not None and v.row.currency == currency]
    return currency, Decimal(median(pays))


def well_paid(view, line):
    """Whether a job paid at least the middle of the person's jobs' pay (None: unknown)."""
    if line is None or view.annual_pay is None or view.row.currency != line[0]:
        return None
    return view.annual_pay >= line[1]


def _n(number):
    """A coordinate as SVG reads it, whatever the locale ("12.5", never "12,5")."""
    return f"{number:g}"


LINE = 14  # a label line's height


def _box(x, top, anchor, lines):
    """The box a label's lines take (7 px a character, at the chart's label size)."""
    width = 7 * max(len(text) for text in lines)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return (left, top - LINE + 3, left + width, top + LINE * (len(lines) - 1) + 3)


def _overlaps(box, others):
    return any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in others)


def _free_place(x, y, anchor, lines, taken):
    """The first line's baseline for a label near a dot at (x, y): just above it, else just
    below, else further away, a line at a time; the box it takes is added to `taken`."""
    above = y - 14 - LINE * (len(lines) - 1)
    below = y + 24
    tries = [above, below]
    for step in range(1, 8):
        tries += [above - step * LINE, below + step * LINE]
    for top in tries:
        if top - LINE < PAD_TOP or top + LINE * (len(lines) - 1) > PLOT_HEIGHT - PAD_BOTTOM:
            continue
        box = _box(x, top, anchor, lines)
        if not _overlaps(box, taken):
            taken.append(box)
            return top
    taken.append(_box(x, above, anchor, lines))
    return above


def _label_lines(text):
    """A dot's label, whole, on one line or two."""
    if len(text) <= LONG_LABEL or " " not in text:
        return [text]
    cut = text.rfind(" ", 0, len(text) // 2 + LONG_LABEL // 4)
    if cut <= 0:
        cut = text.find(" ")
    return [text[:cut], text[cut + 1 :]]


def _pay_ticks(top):
    """Three or four round pay values between 0 and `top`, for the x axis."""
    raw = float(top) / 3
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * n for n in range(int(float(top) // step) + 1)]


def _short_money(amount):
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:g}m"
    if amount >= 1000:
        return f"{amount / 1000:g}k"
    return f"{amount:g}"


def means_or_end_chart(views, line):
    """Each scored job placed by annual pay (x) and score (y), split into four quadrants at
    the pay line (jobs.charts.pay_line) and at ALIGNED_AT."""
    if line is None:
        return None
    currency, middle = line
    plotted = [
        view
        for view in views
        if view.annual_pay is not None and view.score is not None and view.row.currency == currency
    ]
    if not plotted:
        return None
    top = max(view.annual_pay for view in plotted) * Decimal("1.1") or Decimal(1)
    inner_w = PLOT_WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = PLOT_HEIGHT - PAD_TOP - PAD_BOTTOM

    def px(pay):
        return round(PAD_LEFT + float(Decimal(pay) / top) * inner_w, 1)

    def py(score):
        # Scores 0 and 100 sit a band inside the plot's edges: the corner words live there.
        band = 26
        return round(PAD_TOP + band + (100 - score) / 100 * (inner_h - 2 * band), 1)

    points = []
    labelled = len(plotted) <= PLOT_LABELLED_POINTS
    right, bottom = PLOT_WIDTH - PAD_RIGHT, PLOT_HEIGHT - PAD_BOTTOM
    # The corner words and every dot are in the way of a label; labels are then placed one
    # by one, each moved up or down past what is already there.
    taken = [
        (PAD_LEFT, PAD_TOP, PAD_LEFT + 130, PAD_TOP + 24),
        (right - 60, PAD_TOP, right, PAD_TOP + 24),
        (PAD_LEFT, bottom - 24, PAD_LEFT + 80, bottom),
        (right - 110, bottom - 24, right, bottom),
    ]
    for view in plotted:
        x, y = px(view.annual_pay), py(view.score)
        taken.append((x - 10, y - 10, x + 10, y + 10))
    for view in sorted(plotted, key=lambda v: (-v.score, v.annual_pay, v.job.id)):
        x, y = px(view.annual_pay), py(view.score)
        anchor = (
            "start"
            if x < PAD_LEFT + inner_w / 3
            else "end"
            if x > PAD_LEFT + 2 * inner_w / 3
            else "middle"
        )
        lines = _label_lines(view.job.title) if labelled else []
        first_y = _free_place(x, y, anchor, lines, taken) if lines else y
        points.append(
            {
                "view": view,
                "x": _n(x),
                "y": _n(y),
                "anchor": anchor,
                "lines": [
                    {"y": _n(first_y + 14 * n), "text": text} for n, text in enumerate(lines)
                ],
                "pay": money_text(whole(view.annual_pay), currency),
                # Judged against the same pay line: a plotted job's verdict is its quadrant.
                "quadrant": view.verdict_label.lower(),
            }
        )
    ticks = [
        {"x": _n(px(value)), "label": _short_money(value)}
        for value in _pay_ticks(top)
        if px(value) <= PLOT_WIDTH - PAD_RIGHT
    ]
    plotted_ids = {view.job.id for view in plotted}
    return {
        "width": PLOT_WIDTH,
        "height": PLOT_HEIGHT,
        "left": PAD_LEFT,
        "top": PAD_TOP,
        "right": right,
        "bottom": bottom,
        "inner_w": inner_w,
        "inner_h": inner_h,
        "mid_x": _n(px(middle)),
        "mid_y": _n(py(ALIGNED_AT)),
        "aligned_at": ALIGNED_AT,
        "pay_line": money_text(whole(middle), currency),
        "currency": currency,
        "points": points,
        "ticks": ticks,
        "score_ticks": [{"y": _n(py(score)), "label": str(score)} for score in (0, 50, 100)],
        "labelled": labelled,
        # Corner words, inside the plot.
        "corners": {
            "top_left": (_n(PAD_LEFT + 8), _n(PAD_TOP + 18)),
            "top_right": (_n(right - 8), _n(PAD_TOP + 18)),
            "bottom_left": (_n(PAD_LEFT + 8), _n(bottom - 8)),
            "bottom_right": (_n(right - 8), _n(bottom - 8)),
        },
        "axis_y": _n(bottom + 20),
        # Low enough to clear the numbers above it where a phone draws them larger.
        "axis_title_y": _n(bottom + 48),
        # "Score →" runs up the left side between the 100 and the 50: at its top it would sit
        # on the 100 where a phone draws the chart's words larger.
        "score_title_y": _n((py(100) + py(ALIGNED_AT)) / 2),
        "left_out": [view for view in views if view.job.id not in plotted_ids],
    }
