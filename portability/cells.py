"""One cell of a jobs spreadsheet read as Bearing's value: a word among the choices, an amount
of pay and its currency, hours, a rating, a list of names, a date to the precision written."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.db.models import Choices

from careers.models import Value
from core.currencies import is_currency
from core.models import unknown_currency
from core.words import clean_name, fold_name, joined
from jobs.models import EmploymentType, PayPeriod, Schedule, Stage
from portability import dates
from portability.columns import names, normal
from portability.problems import quoted


class CellProblem(ValueError):
    """A cell that cannot be read; the message says why, and how to write it."""


class Pending(ValueError):  # noqa: N818
    """A cell that can be read once the order of day and month is chosen."""


def choice_words(choices: type[Choices], **extra: str) -> dict[str, str]:
    """{word: key} for a TextChoices: its keys and labels, and other words that mean them
    (`full_time="fulltime | ft"`)."""
    words: dict[str, str] = {}
    for key, label in choices.choices:
        words[normal(key)] = key
        words[normal(label)] = key
    for key, text in extra.items():
        words.update({normal(name): key for name in names(text)})
    return words


EMPLOYMENT_WORDS = choice_words(
    EmploymentType,
    full_time="fulltime | ft | permanent",
    part_time="parttime | pt",
    contract="contractor | fixed term | temporary | temp",
    freelance="freelancer | self employed | independent",
    internship="intern | traineeship",
    volunteer="volunteering | voluntary",
)


SCHEDULE_WORDS = choice_words(Schedule, shifts="shift | shift work", flexible="flexi")


STAGE_WORDS = choice_words(Stage, held="had", offer="weighing")


PERIOD_WORDS = choice_words(
    PayPeriod,
    hour="hourly | h | hr | an hour | ph",
    week="weekly | wk | a week | pw",
    month="monthly | mo | a month | pm",
    year="yearly | annual | annually | per annum | pa | yr | a year",
    total="one off | lump sum | fixed",
)


VALUE_WORDS = choice_words(Value, flexibility="flexible | flexible hours")


DOLLAR = "$"  # pay written with a "$" and no code: dollars (or pesos), whose is not said


SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₺": "TRY"}


def word(text: str, words: dict[str, str], what: str, choices: type[Choices]) -> str:
    key = words.get(normal(text))
    if key is None:
        allowed = "held or offer" if choices is Stage else readable(choices)
        raise CellProblem(f"{quoted(text)} is not {what} Bearing knows: write {allowed}")
    return key


def readable(choices: type[Choices]) -> str:
    return joined([label.split(" (")[0].lower() for _, label in choices.choices], "or")


def amount(text: str) -> tuple[str, str | None]:
    """Pay as written (`€45,000`, `1.200,50`, `11.50 EUR`, `45k`) → ("45000.00", "EUR" or
    None). A `$` alone gives DOLLAR: several countries write it, and which is not said."""
    currency = DOLLAR if "$" in text else None
    code: Any  # a symbol's code in the loop, then the match of a code (or None)
    for symbol, code in SYMBOLS.items():
        if symbol in text:
            currency, text = code, text.replace(symbol, " ")
    # Three letters that are a currency's code; any other word stays, and is no amount.
    code = next(
        (
            found
            for found in re.finditer(r"\b([A-Za-z]{3})\b", text)
            if is_currency(found[1].upper())
        ),
        None,
    )
    if code:
        currency, text = code.group(1).upper(), text.replace(code.group(0), " ")
    number = re.sub(r"[\s'’\u00a0$]", "", text)
    thousands = number[-1:].casefold() == "k"
    number = number[:-1] if thousands else number
    if number.startswith("-"):
        raise CellProblem("below zero: pay is what the job paid you")
    if not re.fullmatch(r"\d[\d.,]*", number):
        raise CellProblem(f"{quoted(text.strip())} is not an amount: write it like 11.50")
    *whole, last = re.split(r"[.,]", number)
    value: str | Decimal
    if not whole:
        value = number
    elif len(last) == 3 and all(len(part) <= 3 for part in whole[1:]):
        value = "".join(whole) + last  # 45,000 or 45.000: thousands
    elif len(last) <= 2:
        value = "".join(whole) + "." + last  # 11.50 or 11,50: the decimal point
    else:
        raise CellProblem(f"{quoted(text.strip())} is not an amount: write it like 11.50")
    try:
        value = Decimal(value) * (1000 if thousands else 1)
    except InvalidOperation:
        raise CellProblem(f"{quoted(text.strip())} is not an amount: write it like 11.50") from None
    return f"{value:.2f}", currency


def hours(text: str) -> Decimal:
    match = re.fullmatch(
        r"(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)?\.?\s*(?:(?:/|per|a)\s*(?:w|wk|week))?",
        text.strip(),
        flags=re.I,
    )
    if not match:
        raise CellProblem(f"{quoted(text)} is not a number of hours a week: write it like 37.5")
    return Decimal(match.group(1).replace(",", "."))


def rating(text: str) -> int:
    match = re.fullmatch(r"([1-5])(?:\.0+)?(?:\s*(?:/|of|out of)\s*5)?", text.strip(), flags=re.I)
    if not match:
        raise CellProblem(f"{quoted(text)} is not a rating from 1 to 5")
    return int(match.group(1))


def currency_code(text: str) -> str:
    text = text.strip()
    if text in SYMBOLS:
        return SYMBOLS[text]
    if re.fullmatch(r"[A-Za-z]{3}", text):
        if not is_currency(text.upper()):
            raise CellProblem(unknown_currency(text.upper()).removesuffix("."))
        return text.upper()
    if "$" in text:
        raise CellProblem(
            f"{quoted(text)} is the sign of several currencies: write its code, such as USD, "
            "CAD or AUD"
        )
    raise CellProblem(f"{quoted(text)} is not a currency: write its code, such as EUR or USD")


def listed_names(text: str, *, own: bool) -> list[str]:
    """A cell listing names: Bearing's export joins them with "; "; people with commas too."""
    if own:
        return [name for name in text.split("; ") if name]
    names: list[str]
    seen: set[str]
    names, seen = [], set()
    for part in re.split(r"[;,\n]", text):
        name = clean_name(part)
        if name and fold_name(name) not in seen:
            seen.add(fold_name(name))
            names.append(name)
    return names


def date_cell(text: str, *, end: bool, day_first: bool | None) -> str | None:
    try:
        written = dates.read(text, day_first=day_first)
    except dates.Ambiguous as ambiguous:
        raise Pending(ambiguous.args[0]) from None
    except dates.Unreadable as error:
        raise CellProblem(f"{quoted(text)} {error}: write it like {DATE_FORMS}") from None
    if written is dates.ONGOING_MARK:
        if end:
            return None
        raise CellProblem(f"{quoted(text)} is not when it started: write the date it began")
    if written is None:
        return None
    written = cast(dates.Written, written)  # neither ONGOING_MARK nor None
    return (written.last() if end else written.first()).isoformat()


DATE_FORMS = "Mar 2019, 03/2019 or 2019-03-15"
