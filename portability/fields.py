"""The checks of one value of a bearing-export document (text, key, choice, number, date,
hours, money, currency, a list of them): each returns the canonical value or records the
problem at its place (`jobs[3].ended_on`) and returns INVALID. portability.records says which
field takes which check."""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.db.models import CharField, Choices, Model

from careers import occupations
from careers.models import (
    Skill,
)
from core import plausible
from core.currencies import is_currency
from core.forms import TEXT_LIMIT
from core.models import CURRENCY_PATTERN
from core.words import clean_name
from portability.problems import Problems, describe, quoted

INVALID = object()  # a value that failed its check; the problem is already recorded

# A check of one value at its path: the canonical value, or INVALID with the problem recorded.
Parse = Callable[[Any, str, Problems], Any]


def max_length(model: type[Model], field: str) -> int:
    return cast(int, cast(CharField, model._meta.get_field(field)).max_length)


def join(path: str, name: str) -> str:
    """The path of a key inside an object: `jobs[3]` + `ended_on` is `jobs[3].ended_on`."""
    if not re.fullmatch(r"[A-Za-z_$][\w$]{0,39}", name):
        name = quoted(name)
    return f"{path}.{name}" if path else name


def is_text(value: str) -> bool:
    """True when a string can be stored: no NUL, no lone surrogate (PostgreSQL refuses both)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(limit: int = TEXT_LIMIT, *, blank: bool = True) -> Parse:
    def parse(value: Any, path: str, problems: Problems) -> Any:
        if value is None and blank:
            return ""
        if value is None:
            problems.add(path, "missing")
            return INVALID
        if not isinstance(value, str):
            problems.add(path, f"expected text, got {describe(value)}")
            return INVALID
        if not is_text(value):
            problems.add(path, "holds a character that is not text (such as NUL)")
            return INVALID
        if len(value) > limit:
            problems.add(path, f"longer than {limit} characters")
            return INVALID
        if not blank and not value.strip():
            problems.add(path, "empty")
            return INVALID
        return value

    return parse


def skill_name(value: Any, path: str, problems: Problems) -> Any:
    name = text(limit=10 * max_length(Skill, "name"), blank=False)(value, path, problems)
    if name is INVALID:
        return INVALID
    name = clean_name(name)
    if len(name) > max_length(Skill, "name"):
        problems.add(path, f"longer than {max_length(Skill, 'name')} characters")
        return INVALID
    return name


def occupation(value: Any, path: str, problems: Problems) -> Any:
    """An O*NET-SOC code of an occupation Bearing knows, or null ("" reads as null)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems.add(
            path, f"expected an occupation code such as “27-2021.00”, got {describe(value)}"
        )
        return INVALID
    if not occupations.is_code(value):
        problems.add(path, f"{quoted(value)} is not an occupation code such as “27-2021.00”")
        return INVALID
    if not occupations.exists(value):
        problems.add(path, f"no occupation with code {quoted(value)}")
        return INVALID
    return value


def key(value: Any, path: str, problems: Problems) -> Any:
    if not isinstance(value, str):
        problems.add(path, f"expected a key such as “j1”, got {describe(value)}")
        return INVALID
    if not value.strip() or len(value) > KEY_LIMIT or not is_text(value):
        problems.add(path, f"a key has 1 to {KEY_LIMIT} characters, such as “j1”")
        return INVALID
    return value


def reference(value: Any, path: str, problems: Problems) -> Any:
    return key(value, path, problems)


def choice(choices: type[Choices], *, nullable: bool = False) -> Parse:
    known = frozenset(choices.values)  # read once: Django makes the list anew at each read

    def parse(value: Any, path: str, problems: Problems) -> Any:
        if nullable and value in (None, ""):
            return None
        if isinstance(value, str) and value in known:
            return value
        allowed = ", ".join(choices.values)
        if isinstance(value, str):
            problems.add(path, f"{quoted(value)} is not one of: {allowed}")
        else:
            problems.add(path, f"expected one of: {allowed}; got {describe(value)}")
        return INVALID

    return parse


def integer(low: int, high: int, *, nullable: bool = False) -> Parse:
    def parse(value: Any, path: str, problems: Problems) -> Any:
        if nullable and value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            problems.add(
                path, f"expected a whole number from {low} to {high}, got {describe(value)}"
            )
            return INVALID
        if not low <= value <= high:
            problems.add(path, f"must be from {low} to {high}")
            return INVALID
        return value

    return parse


def boolean(value: Any, path: str, problems: Problems) -> Any:
    if not isinstance(value, bool):
        problems.add(path, f"expected true or false, got {describe(value)}")
        return INVALID
    return value


def iso_date(value: Any, path: str, problems: Problems) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(path, f"expected a date YYYY-MM-DD, got {describe(value)}")
        return INVALID
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        problems.add(path, f"{quoted(value)} is not a date in the form YYYY-MM-DD")
        return INVALID
    try:
        day = date.fromisoformat(value)
    except ValueError:
        problems.add(path, f"{quoted(value)} is not a real date")
        return INVALID
    if day < plausible.EARLIEST:
        problems.add(
            path,
            f"{quoted(value)} is before 1900: Bearing takes dates from "
            f"{plausible.EARLIEST_TEXT} on; check the year",
        )
        return INVALID
    return value


def canonical_hours(number: Decimal) -> int | float:
    """Hours as the export writes them: a whole number when whole, else one decimal place."""
    number = Decimal(number).quantize(Decimal("0.1"))
    return int(number) if number == number.to_integral_value() else float(number)


def hours(value: Any, path: str, problems: Problems) -> Any:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        problems.add(path, f"expected a number of hours, got {describe(value)}")
        return INVALID
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    # The range first: a huge exponent would be costly to round.
    if not number.is_finite() or not 0 <= number <= 168:
        problems.add(path, "must be from 0 to 168")
        return INVALID
    if number != number.quantize(Decimal("0.1")):
        problems.add(path, "at most one decimal place")
        return INVALID
    return canonical_hours(number)


def money(value: Any, path: str, problems: Problems) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(path, f"expected a decimal string such as “11.50”, got {describe(value)}")
        return INVALID
    match = re.fullmatch(r"(\d+)(?:\.(\d+))?", value)
    if value.startswith("-"):
        problems.add(path, "below zero")
    elif not match:
        problems.add(path, f"{quoted(value)} is not an amount such as “11.50”")
    elif len(match.group(1).lstrip("0")) > 10:
        problems.add(path, "too large (at most 10 digits before the point)")
    elif match.group(2) and len(match.group(2)) > 2:
        problems.add(path, "at most two decimal places")
    else:
        return f"{Decimal(value):.2f}"
    return INVALID


def currency(*, nullable: bool) -> Parse:
    def parse(value: Any, path: str, problems: Problems) -> Any:
        if nullable and value in (None, ""):
            return None
        if isinstance(value, str) and re.fullmatch(CURRENCY_PATTERN, value):
            if is_currency(value):
                return value
            problems.add(
                path,
                f"{quoted(value)} is not a currency code: use the ISO 4217 code of the "
                "currency, such as EUR, USD or GBP",
            )
            return INVALID
        shown = quoted(value) if isinstance(value, str) else describe(value)
        problems.add(path, f"{shown} is not a three-letter code in capitals, such as EUR")
        return INVALID

    return parse


def many(parse_item: Parse) -> Parse:
    """A list of values; how long it may be is checked before (limits.check_size)."""

    def parse(value: Any, path: str, problems: Problems) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            problems.add(path, f"expected a list, got {describe(value)}")
            return INVALID
        return [parse_item(item, f"{path}[{index}]", problems) for index, item in enumerate(value)]

    return parse


def optional(parse: Parse) -> Parse:
    def parse_optional(value: Any, path: str, problems: Problems) -> Any:
        return None if value is None else parse(value, path, problems)

    return parse_optional


KEY_LIMIT = 50
