"""What cannot be true in what a person enters, and what is merely unlikely: the bounds, named
once, for the forms (which refuse the first and ask about the second) and the import (which
refuses the first and takes the second as written: see docs/import.md).
"""

from datetime import date
from decimal import Decimal

# Cannot be true: nobody working today had a job, a course or a goal before 1900, and nobody
# holds one job for more than 100 years. (A held job starting after today, an achievement or a
# completion after today, and 168 hours in a week are refused where they are checked.)
EARLIEST = date(1900, 1, 1)
EARLIEST_TEXT = "1 January 1900"
LONGEST_JOB_YEARS = 100
WEEK_HOURS = 168

# Unlikely: asked about ("Yes, this is right"), never refused.
LONG_JOB_YEARS = 50
LONG_WEEK_HOURS = 100
# Pay above these, in the job's own currency, per period: about 1,000 an hour, the same
# over a week of 40 hours, a month and a year, and a one-off contract of 10 million. In a
# currency of small units (yen, won, rupiah…) ordinary pay may pass them: the person says so.
HIGH_PAY = {
    "hour": Decimal(1_000),
    "week": Decimal(40_000),
    "month": Decimal(200_000),
    "year": Decimal(2_000_000),
    "total": Decimal(10_000_000),
}
PERIOD_WORDS = {
    "hour": "an hour",
    "week": "a week",
    "month": "a month",
    "year": "a year",
    "total": "in total",
}


def years(started: date, ended: date) -> int:
    """Whole years from one date to another (a job's length, as a person counts it)."""
    whole = ended.year - started.year
    if (ended.month, ended.day) < (started.month, started.day):
        whole -= 1
    return whole


def high_pay(amount: Decimal | None, period: str) -> str | None:
    """The bound the pay passes ("1,000 an hour"), or None when it is within it."""
    bound = HIGH_PAY.get(period)
    if amount is None or bound is None or amount <= bound:
        return None
    return f"{bound:,.0f} {PERIOD_WORDS[period]}"
