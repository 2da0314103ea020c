"""Turn an alignment result into what the pages show: words, tallies and chart geometry.

Nothing here queries the database: it reads the `History` that `jobs.dashboard.load`
loaded and the `Alignment` that `careers.alignment.assess` computed.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from statistics import median
from urllib.parse import urlencode

from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import mark_safe

from careers.alignment import HELD, round_half_up
from careers.models import Value

from . import marks
from .dashboard import annual_pay
from .models import avoid_phrases

VALUE_LABELS = dict(Value.choices)
ALIGNED_AT = 50


def score_class(score):
    """The colour band of a score: built the career, in between, far from it, or unscored."""
    if score is None:
        return "score-none"
    if score >= ALIGNED_AT:
        return "score-high"
    if score >= 25:
        return "score-mid"
    return "score-low"


def fraction_text(got, total):
    return f"{got}/{total}"


def component_lines(parts):
    """The four components of a score, each with the words that explain it."""
    if parts is None:
        return []
    skills_count = len(parts.skills_matched) + len(parts.skills_unmatched)
    goals_count = len(parts.goals_matched) + len(parts.goals_unmatched)
    values_count = len(parts.values_matched) + len(parts.values_unmatched)
    lines = [
        {
            "name": "Skills",
            "weight": 4,
            "ratio": parts.skills,
            "text": (
                f"{len(parts.skills_matched)} of {skills_count} target skills, weighted "
                f"{fraction_text(*parts.skills_weight)}"
                if parts.skills is not None
                else "Not counted: the direction has no target skills yet."
            ),
            "matched": parts.skills_matched,
        },
        {
            "name": "Goals",
            "weight": 3,
            "ratio": parts.goals,
            "text": (
                f"{len(parts.goals_matched)} of {goals_count} goals advanced, weighted "
                f"{fraction_text(*parts.goals_weight)}"
                if parts.goals is not None
                else "Not counted: the direction has no goals (other than dropped ones)."
            ),
            "matched": parts.goals_matched,
        },
        {
            "name": "Values",
            "weight": 2,
            "ratio": parts.values,
            "text": (
                f"{len(parts.values_matched)} of {values_count} values given, weighted "
                f"{fraction_text(*parts.values_weight)}"
                if parts.values is not None
                else "Not counted: the direction has no values yet."
            ),
            "matched": tuple(VALUE_LABELS.get(key, key) for key in parts.values_matched),
        },
        {
            "name": "Identity",
            "weight": 1,
            "ratio": parts.identity,
            "text": (
                f"Fit rated {round_half_up(parts.identity * 4) + 1} of 5, "
                f"counted as {round_half_up(parts.identity * 4)}/4"
                if parts.identity is not None
                else "Not counted: you have not rated how the job fits who you are."
            ),
            "matched": (),
        },
    ]
    for line in lines:
        ratio = line["ratio"]
        line["percent"] = None if ratio is None else round_half_up(100 * ratio)
    return lines


@dataclass
class JobView:
    """One job as the dashboard shows it."""

    result: object
    row: dict
    direction_title: str
    annual_pay: Decimal | None
    card: str = ""  # the job's card, rendered (explained jobs on the dashboard only)

    @cached_property
    def components(self):
        # Worded only for the jobs a page shows, not for every job of a long history.
        return component_lines(self.result.components)

    @property
    def job(self):
        return self.result.job

    @property
    def score(self):
        return self.result.score

    @property
    def score_class(self):
        return score_class(self.result.score)

    @property
    def ongoing(self):
        return self.job.stage == HELD and self.job.ended_on is None


def job_views(history, results):
    """The shown jobs' results as views (a long history's others are summed up, not shown)."""
    titles = {direction.id: direction.title for direction in history.directions}
    views = []
    for job_result in results:
        row = history.entries[job_result.job.id].row
        views.append(
            JobView(
                result=job_result,
                row=row,
                direction_title=titles.get(job_result.direction_id, ""),
                annual_pay=annual_pay(row, job_result.days),
            )
        )
    return views


# -- Charts: geometry only; the templates draw the SVG ---------------------------------------

TIMELINE_WIDTH = 560
ROW_HEIGHT = 28
AXIS_HEIGHT = 24
LABEL_WIDTH = 160  # the row labels' column, left of the time axis
RIGHT_PAD = 16  # room for the last year's label, centred on its tick
MIN_TICK_GAP = 40  # year labels closer than this would run into each other


def _x(day, start, span, width):
    return round((day - start).days / span * width, 1)


def timeline_chart(held, directions, today):
    """Bars for the directions' periods and the held jobs' periods on one time axis."""
    held = [view for view in held if view.job.started_on and view.job.started_on <= today]
    periods = [(view.job.started_on, min(view.job.ended_on or today, today)) for view in held]
    if not periods:
        return None
    direction_periods = [
        (direction, direction.started_on, direction.ended_on or today)
        for direction in directions
        if direction.status != "considering"
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
                "kind": "direction",
                "label": direction.title,
                "status": direction.status,
                "x": x1,
                "width": max(x2 - x1, 2),
                "y": y,
                "tooltip": f"{direction.title} ({direction.status}): "
                f"{start.isoformat() if start else 'always'} – {end.isoformat()}",
                "id": direction.id,
            }
        )
        y += ROW_HEIGHT
    for view, (start, end) in zip(held, periods, strict=True):
        x1 = _x(start, first, span, width)
        x2 = _x(end, first, span, width)
        score = "unscored" if view.score is None else f"score {view.score}"
        rows.append(
            {
                "kind": "job",
                "label": view.job.title,
                "x": x1,
                "width": max(x2 - x1, 3),
                "y": y,
                "class": view.score_class,
                "tooltip": f"{view.job.title}, {view.job.employer}: {start.isoformat()} – "
                f"{'now' if view.ongoing else end.isoformat()}, {score}",
                "id": view.job.id,
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
            label = str(year) if year % step == 0 else ""
            ticks.append({"x": _x(tick, first, span, width), "label": label})
    total_width = LABEL_WIDTH + width + RIGHT_PAD
    return {
        "width": width,
        "height": y + 6,
        "label_width": LABEL_WIDTH,
        "total_width": total_width,
        # The labels' share of the chart's width, so that a second drawing of the labels
        # can stay in view while the bars scroll sideways on a narrow screen.
        "label_share": f"{100 * LABEL_WIDTH / total_width:.4f}",
        "rows": rows,
        "ticks": ticks,
        "today_x": _x(today, first, span, width),
    }


PLOT_WIDTH, PLOT_HEIGHT, PLOT_PAD = 600, 360, 44
PLOT_LABELLED_POINTS = 12


def means_or_end_chart(views):
    """Each scored job placed by annual pay (x) and score (y), split into four quadrants."""
    currencies = Counter(view.row["currency"] for view in views if view.annual_pay is not None)
    if not currencies:
        return None
    currency = currencies.most_common(1)[0][0]
    plotted = [
        view
        for view in views
        if view.annual_pay is not None
        and view.score is not None
        and view.row["currency"] == currency
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
        points.append(
            {
                "view": view,
                "x": px(view.annual_pay),
                "y": py(view.score),
                "quadrant": quadrant,
                "tooltip": f"{view.job.title}, {view.job.employer}: "
                f"{view.annual_pay:,.0f} {currency} a year, score {view.score} — {quadrant}",
            }
        )
    plotted_ids = {view.job.id for view in plotted}
    others = [view for view in views if view.job.id not in plotted_ids]
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
        "left_out": others,
    }


def quadrant_name(well_paid, aligned):
    if well_paid and aligned:
        return "both"
    if aligned:
        return "built the career"
    if well_paid:
        return "paid the bills"
    return "neither"


# -- Tallies --------------------------------------------------------------------------------


def values_tally(held):
    """How many held jobs (results) gave each value, most first."""
    counts = Counter(key for result in held for key in result.job.benefits)
    return [
        {"label": VALUE_LABELS.get(key, key), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def skills_gained(held, history):
    """Each skill gained in a held job (results, newest first), with the jobs it was gained in."""
    gained = {}
    entries = history.entries
    for result in held:
        names = entries[result.job.id].gained
        if names:
            title = result.job.title
            for name in names:
                titles = gained.get(name)
                if titles is None:
                    gained[name] = [title]
                else:
                    titles.append(title)
    return sorted(gained.items(), key=lambda item: item[0].casefold())


def goal_progress(direction, held):
    """The focus direction's goals, the held jobs (results) that advanced each, and the
    weighted progress."""
    if direction is None:
        return None
    advanced_by = {}
    for result in held:
        for goal_id in result.job.goal_ids:
            advanced_by.setdefault(goal_id, []).append(result.job)
    goals = [goal for goal in direction.goals]
    open_weight = sum(goal.priority for goal in goals if goal.status != "dropped")
    done_weight = sum(goal.priority for goal in goals if goal.status == "achieved")
    return {
        "goals": [{"goal": goal, "jobs": advanced_by.get(goal.id, [])} for goal in goals],
        "percent": (
            round_half_up(100 * Fraction(done_weight, open_weight)) if open_weight else None
        ),
    }


def lessons_and_avoid(held):
    lessons = [(view, view.row["lessons"]) for view in held if view.row["lessons"].strip()]
    avoid = [(view, phrase) for view in held for phrase in avoid_phrases(view.row["avoid"])]
    return lessons, avoid


STEP_ACTIONS = {
    # kind: (the link's words, the page it opens, the step's field that names the object)
    "learn_skill": ("Add learning for it", "careers:learning_add", None),
    "overdue_goal": ("Review the goal", "careers:goal_detail", "goal_id"),
    "shape_direction": ("Complete the direction", "careers:direction_edit", "direction_id"),
    "weak_job": ("See why it scores low", "jobs:job_detail", "job_id"),
}


def next_steps(result):
    """The alignment's next steps, each with the link that acts on it."""
    makers = {}
    steps = []
    for step in result.next_steps:
        action, viewname, field = STEP_ACTIONS[step.kind]
        if field is None:  # learning for a skill: the form comes with the skill filled in
            url = f"{reverse(viewname)}?{urlencode({'skill': step.skill_name})}"
        else:
            if viewname not in makers:
                makers[viewname] = marks.url_maker(viewname)
            url = makers[viewname](getattr(step, field))
        steps.append({"kind": step.kind, "text": step.text, "action": action, "url": url})
    return steps


def headline_texts(result):
    direction = result.direction
    if direction is None:
        coverage_empty = "Describe your current direction and the skills it needs."
    else:
        coverage_empty = f"Add the skills {direction.title} needs to measure coverage."
    return {
        "overall_text": (
            "out of 100: your held jobs' scores against their directions, weighted by the "
            "days you worked in each."
        ),
        # What if: every job is set against the one direction asked for.
        "overall_what_if_text": (
            f"out of 100: your held jobs' scores against {direction.title}, weighted by the "
            "days you worked in each."
            if direction
            else ""
        ),
        "coverage_text": (
            f"of {direction.title}'s target skills (weighted by importance) that a job or "
            "completed learning gave you."
            if direction
            else ""
        ),
        "coverage_empty": coverage_empty,
    }


# A long history (a freelancer's hundreds of gigs) is summarised in full, but the page
# draws and explains only the most recent jobs: the jobs page and each job's own page
# hold the rest. This keeps the dashboard readable, and its cost flat.
EXPLAINED_JOBS = 10
CHARTED_JOBS = 40
LISTED_LESSONS = 10


CARD_TEMPLATE = "jobs/_job_score.html"
KEPT_CARDS = 500


def _render_cards(history, views, today):
    """Each held job's card, reused while the job, the careers side and the date stay the
    same: the card reads nothing else (held jobs carry no offer flags)."""
    kept = history.kept("cards", today)
    if len(kept) > KEPT_CARDS:
        kept.clear()
    template = get_template(CARD_TEMPLATE)
    for view in views:
        key = (view.job.id, history.revision(view.job.id), view.result.direction_id)
        card = kept.get(key)
        if card is None:
            card = template.render({"view": view})
            kept[key] = card
        view.card = mark_safe(card)  # noqa: S308 - rendered by the template above


GOALS_LISTED = 8  # then "N more goals", folded
SKILLS_LISTED = 10


def build(history, result, today):
    """Everything the dashboard template shows, from the loaded rows and the result."""
    held = [r for r in result.jobs if r.job.stage == HELD]  # newest start first
    charted = job_views(history, held[:CHARTED_JOBS])
    offers = job_views(history, [r for r in result.jobs if r.job.stage != HELD])
    lessons, avoid = lessons_and_avoid(charted[:LISTED_LESSONS])
    charted_by_start = sorted(charted, key=lambda view: (view.job.started_on, view.job.id))
    job_url = marks.url_maker("jobs:job_detail")
    timeline = timeline_chart(charted_by_start, history.directions, today)
    if timeline:
        direction_url = marks.url_maker("careers:direction_detail")
        timeline.update(marks.timeline_marks(timeline, job_url, direction_url))
        timeline["rows_html"] = marks.timeline_rows(charted, job_url)
    plot = means_or_end_chart(charted)
    if plot:
        plot.update(marks.plot_marks(plot, job_url))
    progress = goal_progress(result.direction, held)
    if progress:
        goal_url = marks.url_maker("careers:goal_detail")
        progress["first_html"] = marks.goal_items(progress["goals"][:GOALS_LISTED], goal_url)
        progress["rest_html"] = marks.goal_items(progress["goals"][GOALS_LISTED:], goal_url)
        progress["more"] = max(len(progress["goals"]) - GOALS_LISTED, 0)
    gained = skills_gained(held, history)
    explained = charted[:EXPLAINED_JOBS]
    _render_cards(history, explained, today)
    return {
        "result": result,
        "direction": result.direction,
        "held": bool(held),
        "held_count": len(held),
        "explained": explained,
        "charted": charted,
        "timeline": timeline,
        "plot": plot,
        "offers": offers,
        "values_tally": values_tally(held),
        "skills_gained": gained,
        "skills_gained_first_html": marks.skill_items(gained[:SKILLS_LISTED]),
        "skills_gained_rest_html": marks.skill_items(gained[SKILLS_LISTED:]),
        "skills_gained_more": max(len(gained) - SKILLS_LISTED, 0),
        "goal_progress": progress,
        "lessons": lessons,
        "avoid": avoid,
        "directions": history.directions,
        "statement": history.statements.get(getattr(result.direction, "id", None), ""),
        "next_steps": next_steps(result),
        "today": today,
        **headline_texts(result),
    }
