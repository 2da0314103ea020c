"""Bearing's one way to write a day, a count, a list and a job's name, and to fold a name for
comparing."""

import re
from collections.abc import Iterable
from datetime import date


def day(when: date) -> str:
    """A day as Bearing writes it everywhere: "1 Jun 2025"."""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def counted(number: int, noun: str) -> str:
    """ "1 job", "3 jobs": a count as Bearing writes it everywhere (nouns with a plain "s")."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def joined(items: Iterable[str], word: str = "and") -> str:
    """A list as Bearing writes it everywhere: "a", "a and b", "a, b and c" (or with "or")."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


# The days in a month on average (365.25 / 12), to turn a count of days into months.
MONTH_DAYS = 30.4375


def span(days: int) -> str:
    """A stretch of time in the one unit people compare jobs by, months: "12 days", "1½
    months", "17 months", "71 months" (readers asked for "4 months vs. 2 years 3 months", not
    a count of days, round 53, and found "17 months", "45 days" and "2 years 10 months" side
    by side three units, round 54). Under three months to a half, else whole, rounded half
    up; under three quarters of a month in days."""
    if days * 4 < 3 * MONTH_DAYS:
        return f"{days} day" if days == 1 else f"{days} days"
    if days < 3 * MONTH_DAYS:
        halves = int(days * 2 / MONTH_DAYS + 0.5)
        whole, half = divmod(halves, 2)
        said = f"{whole}½" if half else str(whole)
        return f"{said} month" if halves == 2 else f"{said} months"
    return f"{int(days / MONTH_DAYS + 0.5)} months"


def month(when: date) -> str:
    """A month as Bearing writes it: "May 2026"."""
    return f"{MONTHS[when.month - 1]} {when.year}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def job_name(title: str, employer: str) -> str:
    """ "Waiter at Rosa's Diner", or the title alone when there is no employer."""
    return f"{title} at {employer}" if employer else title


def fold(text: str) -> str:
    """Text as phrases are matched: inner white space folded, case folded."""
    return " ".join(text.split()).casefold()


def fold_name(name: str | None) -> str:
    """A name as it is matched (a skill's, an import's column): trimmed, inner white space
    folded, case folded — `Started  On` is `started on`."""
    return clean_name(name).casefold()


def clean_name(name: str | None) -> str:
    """A skill name as it is stored: trimmed, with runs of inner white space folded to one."""
    return re.sub(r"\s+", " ", name or "").strip()


# The kinds of a person's records, as a sentence counts them (the export's collections).
COLLECTIONS = {
    "jobs": ("job", "jobs"),
    "directions": ("career direction", "career directions"),
    "goals": ("goal", "goals"),
    "learning": ("learning entry", "learning entries"),
    "contacts": ("contact", "contacts"),
    "skills": ("skill", "skills"),
}


def counted_records(number: int, collection: str) -> str:
    """ "1 career direction", "3 learning entries": a count of one kind of record."""
    singular, plural = COLLECTIONS[collection]
    return f"{number} {singular if number == 1 else plural}"
