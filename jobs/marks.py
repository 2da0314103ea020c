"""The dashboard's repeated marks (chart bars and dots, table rows, list items) as HTML.

A Django template loop costs some 20 µs a row in variable lookups, filters and `{% url %}`
calls, and format_html some 10 µs; a page with a few hundred such rows spent most of its
time there. These functions build the same markup in Python with `format_html` below, which
escapes every value exactly as Django's templates do (safe strings are left alone), and
reverse each URL name once a page (`url_maker`). The templates keep everything around the
rows.
"""

import html
from functools import lru_cache

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.text import Truncator

PLACEHOLDER = 987654321987


def truncated(text, length):
    """Django's truncatechars (an ellipsis past `length`), remembered: it costs ~20 µs.

    Plain text in and out, to be escaped by the caller: a safe string is made plain first,
    so that it can never be remembered as the answer for an equal plain one.
    """
    return _truncated(_plain(text), length)


def _plain(text):
    return "".join([text])  # a str, never a SafeString (str() and f-strings keep those)


@lru_cache(maxsize=8192)
def _truncated(text, length):
    return _plain(Truncator(text).chars(length))


@lru_cache(maxsize=8192)
def whole_number(value):
    """Django's floatformat:"0g" (rounded half up, thousands grouped), remembered."""
    return floatformat(value, "0g")


def _escape(value):
    if type(value) is int or type(value) is float:
        return str(value)  # nothing to escape in a number (str() is what templates print)
    return value if isinstance(value, SafeData) else html.escape(str(value))


def format_html(template, *args):
    """django.utils.html.format_html for plain values, without its per-call overhead."""
    return SafeString(template.format(*map(_escape, args)))


def format_html_join(separator, template, rows):
    return SafeString(separator.join(template.format(*map(_escape, row)) for row in rows))


def url_maker(viewname):
    """A function giving reverse(viewname, args=[pk]) for any pk, at the cost of one reverse."""
    head, tail = reverse(viewname, args=[PLACEHOLDER]).split(str(PLACEHOLDER))
    return lambda pk: f"{head}{int(pk)}{tail}"


def _join(parts, separator="\n"):
    return mark_safe(separator.join(parts))  # noqa: S308 - every part comes from format_html


def timeline_marks(timeline, job_url, direction_url):
    """The timeline's year lines, bars and row labels."""
    ticks = []
    for tick in timeline["ticks"]:
        ticks.append(
            format_html(
                '<line class="tick" x1="{}" x2="{}" y1="16" y2="{}"></line>',
                tick["x"],
                tick["x"],
                timeline["height"],
            )
        )
        if tick["label"]:
            ticks.append(
                format_html(
                    '<text class="tick-label" x="{}" y="12" text-anchor="{}">{}</text>',
                    tick["x"],
                    "start" if tick["x"] < 16 else "middle",
                    tick["label"],
                )
            )
    bars = [
        format_html(
            '<a href="{}">\n<title>{}</title>\n<rect class="bar {}" x="{}" y="{}" width="{}" '
            'height="20" rx="3"></rect>\n</a>',
            direction_url(row["id"]) if row["kind"] == "direction" else job_url(row["id"]),
            row["tooltip"],
            f"direction-{row['status']}" if row["kind"] == "direction" else row["class"],
            row["x"],
            row["y"],
            row["width"],
        )
        for row in timeline["rows"]
    ]
    labels = [
        format_html(
            '<text class="row-label{}" x="0" y="{}">{}</text>',
            " is-direction" if row["kind"] == "direction" else "",
            row["y"] + 15,
            truncated(row["label"], 22),
        )
        for row in timeline["rows"]
    ]
    return {"ticks_html": _join(ticks), "bars_html": _join(bars), "labels_html": _join(labels)}


def timeline_rows(views, job_url):
    """The timeline's table: one row a charted job."""
    return format_html_join(
        "\n",
        '<tr><th scope="row" class="fw-normal"><a href="{}">{}</a></th><td>{}</td><td>{}</td>'
        '<td class="text-end">{}</td><td>{}</td><td class="text-end">{}</td></tr>',
        (
            (
                job_url(view.job.id),
                view.job.title,
                view.job.started_on.isoformat(),
                view.job.ended_on.isoformat() if view.job.ended_on else "now",
                view.result.days,
                view.direction_title or "—",
                "—" if view.score is None else view.score,
            )
            for view in views
        ),
    )


def plot_marks(plot, job_url):
    """The means-or-end chart's dots and its table."""
    dots = []
    for point in plot["points"]:
        view = point["view"]
        label = (
            format_html(
                '<text class="dot-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                point["x"],
                int(point["y"]) - 14,
                truncated(view.job.title, 18),
            )
            if plot["labelled"]
            else ""
        )
        dots.append(
            format_html(
                '<a href="{}">\n<title>{}</title>\n<circle class="dot {}" cx="{}" cy="{}" r="9">'
                "</circle>\n{}\n</a>",
                job_url(view.job.id),
                point["tooltip"],
                view.score_class,
                point["x"],
                point["y"],
                label,
            )
        )
    rows = format_html_join(
        "\n",
        '<tr><th scope="row" class="fw-normal"><a href="{}">{}</a></th>'
        '<td class="text-end">{} {}</td><td class="text-end">{}</td><td>{}</td></tr>',
        (
            (
                job_url(point["view"].job.id),
                point["view"].job.title,
                whole_number(point["view"].annual_pay),
                plot["currency"],
                point["view"].score,
                point["quadrant"][:1].upper() + point["quadrant"][1:],
            )
            for point in plot["points"]
        ),
    )
    return {"dots_html": _join(dots), "rows_html": rows}


def _more(items, shown=3):
    return f" and {len(items) - shown} more" if len(items) > shown else ""


def goal_items(items, goal_url):
    """The goals list: each goal, its status and the first jobs that advanced it."""
    return format_html_join(
        "",
        '<li class="py-1"><a href="{}">{}</a> <span class="badge goal-{}">{}</span>\n  {}</li>\n',
        (
            (
                goal_url(item["goal"].id),
                item["goal"].title,
                item["goal"].status,
                item["goal"].status[:1].upper() + item["goal"].status[1:],
                format_html(
                    '<br><span class="text-body-secondary">advanced by {}{}</span>',
                    ", ".join(job.title for job in item["jobs"][:3]),
                    _more(item["jobs"]),
                )
                if item["jobs"]
                else "",
            )
            for item in items
        ),
    )


def skill_items(pairs):
    """The skills-gained list: each skill and the first jobs it was gained in."""
    return format_html_join(
        "",
        '<li>{} <span class="text-body-secondary">— {}{}</span></li>\n',
        ((name, ", ".join(titles[:3]), _more(titles)) for name, titles in pairs),
    )
