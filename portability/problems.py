"""What an import found wrong, each problem with the place in the file it points at."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Self, cast

# A hostile file could hold a million mistakes; the first ones are enough to act on.
MAX_PROBLEMS = 100


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (`jobs[3].ended_on`) and what (`before started_on`)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class Rejected(Exception):  # noqa: N818 - "the file is rejected" reads better than RejectedError
    """The file cannot be imported; nothing has been saved. Carries every problem found."""

    def __init__(self, problems: Iterable[Problem], *, more: int = 0) -> None:
        self.problems = list(problems)
        self.more = more
        super().__init__("; ".join(str(problem) for problem in self.problems[:3]))

    @classmethod
    def one(cls, message: str, path: str = "") -> Self:
        return cls([Problem(path, message)])


class Problems:
    """A collector of problems that stops keeping them after the first MAX_PROBLEMS."""

    def __init__(self) -> None:
        self.found: list[Problem] = []
        self.more = 0

    def __bool__(self) -> bool:
        return bool(self.found)

    def add(self, path: str, message: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(path, message))
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem.path, problem.message)

    def raise_if_any(self) -> None:
        if self.found:
            raise Rejected(self.found, more=self.more)


def describe(value: Any) -> str:
    """A JSON value's kind as a person reads it, for "expected text, got a list"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def shortened(text: str, limit: int = 40) -> str:
    """A name or a value as a page shows it: a hostile file cannot fill the page."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: object, limit: int = 40) -> str:
    """A value quoted in a message, cut short so a hostile file cannot fill the page."""
    return f"“{shortened(str(value), limit)}”"


@dataclass(frozen=True)
class Origin:
    """Where a converted entry came from: `work[2]`, or `Positions.csv, row 4`.

    `fields` names each document field as the source calls it (started_on → Started On).
    """

    place: str
    fields: dict[str, str]
    joiner: str = ", "


def relabel(problems: Iterable[Problem], origins: dict[str, Origin]) -> list[Problem]:
    """Problems found in a converted document, pointed back at the places in the source file."""
    result = []
    for problem in problems:
        match = re.fullmatch(r"(\w+\[\d+\])(?:\.(\w+))?(.*)", problem.path, flags=re.S)
        origin = origins.get(match.group(1)) if match else None
        if origin is None:
            result.append(problem)
            continue
        match = cast(re.Match[str], match)  # an origin was found, so the path matched
        path = origin.place
        if match.group(2):
            path += origin.joiner + origin.fields.get(match.group(2), match.group(2))
        message = problem.message
        for name, source_name in origin.fields.items():
            if "_" in name:  # a field's key (ended_on), not a word of the message (occupation)
                message = re.sub(rf"\b{name}\b", source_name, message)
        result.append(Problem(path + match.group(3), message))
    return result


def partial_date(text: str) -> str | None:
    """A date written `2020`, `2020-03` or `2020-03-15` (as JSON Resume writes them) as ISO
    `YYYY-MM-DD`, padded to the first; None when blank.

    Raises ValueError when it is not such a date.
    """
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if match:
        year, month_number, day_number = match.groups()
        return date(int(year), int(month_number or 1), int(day_number or 1)).isoformat()
    raise ValueError(text)
