"""Dates as people write them in files: `Aug 2018`, `2018`, `03/2019`, `4 March 2019`, `Present`.

A date is read to the precision it was written with: a month or a year alone is a span of
days, and a start takes its first day while an end takes its last (`Aug 2018` starts on
2018-08-01 and ends on 2018-08-31). Only a day and a month written as two small numbers
(`03/04/2019`) can be read two ways; the reader then needs to be told which comes first.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import cast

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

# Words that say a period goes on: LinkedIn writes "Present"; spreadsheets say the rest.
ONGOING = {"present", "current", "currently", "now", "ongoing", "today", "to date", "till date"}


class Unreadable(ValueError):  # noqa: N818 - reads as what the text is
    """Not a date in any form Bearing reads; the message says why, in the person's words."""


class Ambiguous(ValueError):  # noqa: N818
    """Two small numbers (`03/04/2019`) and no word on which is the day."""


@dataclass(frozen=True)
class Written:
    """A date as written: a year, perhaps a month, perhaps a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first(self) -> date:
        """The first day it can mean: what a start date is."""
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        """The last day it can mean: what an end date is."""
        if self.day:
            return date(self.year, cast(int, self.month), self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])


@dataclass(frozen=True)
class Slashed:
    """`a/b/yyyy` with both a and b from 1 to 12 and different: the day's place unknown."""

    first: int
    second: int
    year: int


def month_number(word: str) -> int | None:
    return MONTHS.get(word.casefold().rstrip("."))


def real(year: int, month: int | None = None, day: int | None = None) -> Written:
    """A Written, or Unreadable when no such day exists (31/02/2019, month 13, year 0)."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise Unreadable("is not a real date") from None
    return Written(year, month, day)


def full_year(text: str) -> int:
    """A year written with two digits (`19` in `Mar-19`) is the nearest one not in the
    future: 19 is 2019, 85 is 1985."""
    year = int(text)
    if len(text) == 4:
        return year
    this = date.today().year
    century = this - this % 100
    return century + year if century + year <= this else century - 100 + year


NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
# A time of day a spreadsheet may add to a date: 2019-03-04 00:00:00, 2019-03-04T09:30Z.
TIME_OF_DAY = re.compile(r"[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$")


def read(text: str, *, day_first: bool | None = None) -> "Written | _Ongoing | None":
    """`text` as a Written date; None when blank; ONGOING_MARK when it says "Present".

    Raises Unreadable (with a reason) or Ambiguous (`03/04/2019` with day_first None).
    """
    text = " ".join(text.split())
    if not text:
        return None
    if text.casefold() in ONGOING:
        return ONGOING_MARK
    numbers = TIME_OF_DAY.sub("", text)
    # Year first: 2019, 2019-03, 2019-03-04, 2019/3/4.
    match = re.fullmatch(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?", numbers)
    if match:
        year, _, month, day = match.groups()
        return real(
            int(year), cast(int | None, month and int(month)), cast(int | None, day and int(day))
        )
    # Month and year: 03/2019, 3-2019.
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", numbers)
    if match:
        return real(int(match.group(2)), int(match.group(1)))
    # Day, month and year as numbers: 25/03/2019, 03/25/2019, 03.04.2019, 3/4/19.
    match = NUMERIC.fullmatch(numbers)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), full_year(match.group(3))
        return numeric(first, second, year, day_first)
    # Words: Aug 2018, August 2018, Aug. 2018, Mar-19, 4 March 2019, March 4, 2019, 04-Mar-2019.
    words = re.split(r"[\s,\-/]+", text.rstrip("."))
    if len(words) == 2 and month_number(words[0]):
        if re.fullmatch(r"\d{4}", words[1]):
            return real(int(words[1]), month_number(words[0]))
        if re.fullmatch(r"\d{2}", words[1]) and "-" in text:
            return real(full_year(words[1]), month_number(words[0]))  # Excel's mmm-yy
    if len(words) == 3 and re.fullmatch(r"\d{4}", words[2]):
        year = int(words[2])
        if re.fullmatch(r"\d{1,2}", words[0]) and month_number(words[1]):
            return real(year, month_number(words[1]), int(words[0]))
        day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", words[1], flags=re.I)
        if month_number(words[0]) and day:
            return real(year, month_number(words[0]), int(day.group(1)))
    raise Unreadable("is not a date Bearing can read")


def numeric(first: int, second: int, year: int, day_first: bool | None) -> Written:
    """Day and month written as two numbers: told apart by a number over 12, or by
    `day_first` when both could be either."""
    if first > 12 and second > 12:
        raise Unreadable("is not a real date")
    if first > 12:  # only a day can be 13 or more
        if day_first is False:
            raise Unreadable("is not a real date with the month first")
        return real(year, second, first)
    if second > 12:
        if day_first is True:
            raise Unreadable("is not a real date with the day first")
        return real(year, first, second)
    if first == second:
        return real(year, first, first)
    if day_first is None:
        raise Ambiguous(Slashed(first, second, year))
    return real(year, second, first) if day_first else real(year, first, second)


class _Ongoing:
    """What "Present" reads as: no end yet."""

    def __repr__(self) -> str:
        return "ONGOING_MARK"


ONGOING_MARK = _Ongoing()


def order_evidence(text: str) -> str | None:
    """What one cell says about the order of day and month: "day" (25/03/2019), "month"
    (03/25/2019), "either" (03/04/2019) or None (another form, or the same both ways)."""
    match = NUMERIC.fullmatch(TIME_OF_DAY.sub("", " ".join(text.split())))
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return "day"
    if second > 12 >= first:
        return "month"
    if first <= 12 and second <= 12 and first != second:
        return "either"
    return None


def two_ways(text: str) -> Slashed | None:
    """The Slashed date a cell holds when it can be read two ways, else None."""
    if order_evidence(text) != "either":
        return None
    match = cast(re.Match[str], NUMERIC.fullmatch(TIME_OF_DAY.sub("", " ".join(text.split()))))
    return Slashed(int(match.group(1)), int(match.group(2)), full_year(match.group(3)))
