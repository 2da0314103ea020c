"""A spreadsheet of jobs: a CSV whose first row names its columns, matched to Bearing's fields.

Bearing's own `export.csv` comes back exactly: its columns are Bearing's fields by name, and
its cells are read as written. Any other spreadsheet has its columns matched by their names
("Company", "Role", "From", "To", "Salary"…); the preview shows the matching, lets the person
change it column by column, and shows the first rows as they will be saved. The table and
the matching wait together (PendingImport), and the document is built from them whenever it
is needed, so that nothing is saved but what the person last saw.

Dates are read to the precision they were written with (`dates`); when day and month could
be swapped (`03/04/2019`), the order is taken from the other dates of the file when they
tell it (`25/03/2019`), or else asked for in the preview.

Goals and contacts are named in a spreadsheet by their title or name only: each one named
becomes a goal (with no direction) or a contact, or is the one the person has by that name.
The columns are matched in `columns`, and each cell is read in `cells`.
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Self, cast

from django.utils import timezone

from careers.models import Value
from core.currencies import DOLLAR_SIGN, is_currency
from core.words import clean_name, fold_name
from jobs.models import EmploymentType, PayPeriod, Schedule, Stage
from portability import dates, tables
from portability.cells import (
    DOLLAR,
    EMPLOYMENT_WORDS,
    PERIOD_WORDS,
    SCHEDULE_WORDS,
    STAGE_WORDS,
    VALUE_WORDS,
    CellProblem,
    Pending,
    amount,
    currency_code,
    date_cell,
    hours,
    listed_names,
    rating,
    word,
)
from portability.columns import (
    COVERS,
    DATE_TARGETS,
    PAY,
    TARGETS,
    TEXT_TARGETS,
    checked_matching,
    guess_field,
    matching_problems,
    unknown_columns,
)
from portability.document import FORMAT, VERSION, validate_converted
from portability.export import unescape_cell
from portability.limits import WEB
from portability.problems import Origin, Problem, Problems, Rejected, quoted, shortened
from portability.records import CSV_COLUMNS

SHOWN_ROWS = 5
SAMPLES = 2
SOURCE = "spreadsheet of jobs"
OWN_SOURCE = "Bearing jobs spreadsheet"


# --- The table ---------------------------------------------------------------------------------


@dataclass
class Table:
    """A spreadsheet as read: the columns' names, the rows under them, where they were found."""

    header: list
    rows: list  # [row number, [cells]], cells as many as the header's
    header_row: int = 1
    own: bool = False  # Bearing's own export.csv, read cell for cell as written

    def as_data(self) -> dict[str, Any]:
        return {
            "header": self.header,
            "rows": self.rows,
            "header_row": self.header_row,
            "own": self.own,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Self:
        return cls(**data)

    def label(self, index: int) -> str:
        """A column as a message names it: its name, or its letter when it has none (or
        shares it with another)."""
        name = self.header[index]
        if name and self.header.count(name) == 1:
            return shortened(name)
        return f"column {tables.column_letter(index)}"

    def samples(self, index: int) -> list[str]:
        """The first values of a column, as the matching shows them."""
        found = []
        for _, cells in self.rows:
            value = unescape_cell(cells[index]).strip()
            if value:
                found.append(shortened(value))
            if len(found) == SAMPLES:
                break
        return found


def is_own_export(text: str) -> bool:
    """Whether the text is Bearing's own export.csv (perhaps saved again by a spreadsheet
    program): its first row names exactly the export's columns."""
    first = text.split("\n", 1)[0].rstrip("\r")
    return next(csv.reader([first]), None) == CSV_COLUMNS


def read_table(text: str, rows: list[tuple[int, list[str]]] | None = None) -> Table:
    """The text as a Table; Rejected when it is no table of jobs Bearing can make out.

    `rows` are the text's rows when they were read already (to tell LinkedIn's files)."""
    own = is_own_export(text)
    if own:
        rows = tables.rows(text, delimiter=",", verbatim=True, limit=WEB.entries)
    elif rows is None:
        rows = tables.rows(text, limit=WEB.entries)
    if not rows:
        raise Rejected.one("The file is empty.")
    position = next(
        (
            index
            for index, (_, cells) in enumerate(rows[: tables.HEADER_SEARCH])
            if any(guess_field(cell) for cell in cells)
        ),
        None,
    )
    if position is None:
        raise Rejected.one(unknown_columns(rows[0][1]))
    header_row, header = rows[position]
    body: list[Any] = rows[position + 1 :]
    width = max([len(header), *(len(cells) for _, cells in body)])
    header = [cell.strip() for cell in header] + [""] * (width - len(header))
    body = [[number, cells + [""] * (width - len(cells))] for number, cells in body]
    return Table(header=header, rows=body, header_row=header_row, own=own)


# --- The matching ------------------------------------------------------------------------------


# --- Cells -------------------------------------------------------------------------------------


# --- The document ------------------------------------------------------------------------------


@dataclass
class Shown:
    """One row as the preview shows it: its number and (label, text, readable) cells."""

    number: int
    cells: list


@dataclass
class Built:
    """A spreadsheet read with a matching: the document when it can be imported, else what
    stands in the way."""

    document: dict | None
    problems: list = field(default_factory=list)
    more: int = 0
    # The first date that could be read two ways (`03/04/2019`), as written, and where it is
    # (`row 2, From`): the preview asks about it. `pending` when no order is chosen yet.
    question: dates.Slashed | None = None
    asked_text: str = ""
    asked_at: str = ""
    pending: bool = False
    total: int = 0  # rows in the table
    # Said when pay is read in the account's currency for want of a currency column.
    currency_note: str = ""

    @property
    def unshown(self) -> int:
        return max(self.total - len(self.rows), 0)

    rows: list = field(default_factory=list)
    labels: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None

    def asked(self) -> str | None:
        """The question the preview asks about the order of day and month, or None."""
        if self.question is None:
            return None
        day, month = self.day_first_example(), self.month_first_example()
        return f"Is “{self.asked_text}” ({self.asked_at}) {day:%-d %B %Y} or {month:%-d %B %Y}?"

    def order_choices(self) -> list[tuple[str, str]]:
        return [
            ("day", f"{self.day_first_example():%-d %B %Y}: the day comes first"),
            ("month", f"{self.month_first_example():%-d %B %Y}: the month comes first"),
        ]

    def day_first_example(self) -> date:
        question = cast(dates.Slashed, self.question)  # asked about: there is a question
        return date(question.year, question.second, question.first)

    def month_first_example(self) -> date:
        question = cast(dates.Slashed, self.question)  # asked about: there is a question
        return date(question.year, question.first, question.second)


class Builder:
    """Reads a table's rows with a matching into a bearing-export document."""

    def __init__(self, table: Table, matching: dict[str, Any], today: date, currency: str) -> None:
        self.table = table
        self.currency = currency  # the account's: pay that names none is read in it
        self.no_currency = False  # some pay names none, and the account's is no currency
        self.columns = matching["columns"]
        self.day_first = matching["day_first"]
        self.today = today
        self.problems = Problems()
        self.origins: dict[str, Origin] = {}
        self.failed: dict[int, dict[str, str]] = {}  # row index → {target: the cell as written}
        self.question: tuple[dates.Slashed | None, str, str] | None = None
        self.pending = False
        self.by_target = {target: index for index, target in enumerate(self.columns) if target}
        self.column_labels = [table.label(index) for index in range(len(table.header))]
        # Each field of a job as its column is named, for the problems the check finds.
        self.fields = {target: self.label(target) for target in TARGETS if target not in PAY}
        self.fields |= {"pay_amount": self.label("pay_amount"), "skills": self.label("skills_used")}

    def label(self, target: str) -> str:
        """The column a field comes from, as messages name it; the field's own label when
        no column fills it."""
        pay = next((index for t, index in self.by_target.items() if t in PAY), None)
        if target in PAY:
            index = pay
        elif target == "pay_period":
            index = self.by_target.get(target, pay)
        else:
            index = self.by_target.get(target)
        return self.column_labels[index] if index is not None else TARGETS[target].label

    def build(self) -> Built:
        jobs = [
            self.row(position, number, cells)
            for position, (number, cells) in enumerate(self.table.rows)
        ]
        goals, contacts = self.named(jobs, "goals", "title"), self.named(jobs, "contacts", "name")
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "goals": goals,
            "contacts": contacts,
            "jobs": jobs,
        }
        built = Built(document=None, labels=self.shown_labels(), total=len(jobs))
        whole = self.whole_problems(jobs)
        paid = any(target in PAY for target in self.by_target)
        if paid and "currency" not in self.by_target and not self.table.own:
            built.currency_note = (
                f"No column is the currency: pay is read as {self.currency}, your account's "
                "currency, unless its cell names another (“45,000 USD”, “€45,000”)."
            )
        if self.question is not None:
            built.question, built.asked_text, built.asked_at = self.question
            built.pending = self.pending
        if whole or self.pending:
            # Row by row checks would only repeat what is missing in every row.
            built.problems, built.more = whole + self.problems.found, self.problems.more
        else:
            try:
                built.document = validate_converted(
                    document, self.problems, self.origins, today=self.today
                )
            except Rejected as rejected:
                built.problems, built.more = rejected.problems, rejected.more
        shown = built.document or document
        named = {
            collection: {item["key"]: item[key] for item in shown[collection]}
            for collection, key in (("goals", "title"), ("contacts", "name"))
        }
        built.rows = [
            Shown(number, self.shown_cells(position, job, named))
            for position, ((number, _), job) in enumerate(
                zip(self.table.rows[:SHOWN_ROWS], shown["jobs"], strict=False)
            )
        ]
        return built

    def whole_problems(self, jobs: list[dict[str, Any]]) -> list[Problem]:
        """What is wrong with the matching as a whole, before any row."""
        found = [
            Problem("", f"{self.column_labels[index]}: {message}")
            for index, message in matching_problems(self.columns).items()
        ]
        if self.no_currency:
            found.append(
                Problem(
                    "",
                    f"Some pay names no currency, and your account's, {quoted(self.currency)}, "
                    "is not a currency code: choose yours in your account's settings, or add "
                    "a column that says the currency.",
                )
            )
        if "title" not in self.by_target:
            found.append(
                Problem("", "No column is the job title: choose the column that holds it below.")
            )
        if "started_on" not in self.by_target and any(job["stage"] == Stage.HELD for job in jobs):
            found.append(
                Problem(
                    "",
                    "No column is the start date: choose the column that holds it below (a "
                    "job you held needs one).",
                )
            )
        return found

    def row(self, position: int, number: int, cells: list[str]) -> dict[str, Any]:
        """One row as a job of the document, every cell read, every problem at its place."""
        own = self.table.own
        job: dict[str, Any] = {
            "key": f"j{position + 1}",
            "title": "",
            "employer": "",
            "stage": Stage.HELD.value,
            "started_on": None,
            "ended_on": None,
            "benefits": [],
            "skills": [],
        }
        used: list[str]
        gained: list[str]
        used, gained = [], []
        place = f"Row {number}"
        self.origins[f"jobs[{position}]"] = Origin(place, self.fields)
        for index, target in enumerate(self.columns):
            if not target:
                continue
            written = cells[index]
            text = unescape_cell(written)
            if not text.strip() and not (own and target in TEXT_TARGETS):
                continue
            if target in DATE_TARGETS and self.question is None and dates.two_ways(text):
                where = f"row {number}, {self.column_labels[index]}"
                self.question = (dates.two_ways(text), text.strip(), where)
            try:
                self.read(job, target, text if own else text.strip(), used, gained)
            except Pending:
                self.pending = True
                self.failed.setdefault(position, {})[target] = f"“{text}” (day or month first?)"
            except CellProblem as problem:
                self.problems.add(f"{place}, {self.column_labels[index]}", str(problem))
                self.failed.setdefault(position, {})[target] = f"cannot be read: “{text}”"
        gained_folded = {fold_name(name) for name in gained}
        job["skills"] = [
            {"skill": name, "gained": False}
            for name in used
            if fold_name(name) not in gained_folded
        ] + [{"skill": name, "gained": True} for name in gained]
        if not own and job.get("pay_amount") is not None:
            self.pay_currency(job, position, f"{place}, {self.label('pay_amount')}")
        if not own and job["title"] == "" and "title" in self.by_target:
            self.problems.add(
                f"{place}, {self.label('title')}", "empty: every job needs a title; add it"
            )
        return job

    def pay_currency(self, job: dict[str, Any], position: int, place: str) -> None:
        """Pay with no currency of its own is in the account's; "$" too, when the account's
        is written with one. (Bearing's own export says each job's currency, and comes back
        as written.)"""
        said = job.get("currency")
        if said and said != DOLLAR:
            return
        job["currency"] = None
        if said == DOLLAR and self.currency not in DOLLAR_SIGN:
            self.problems.add(
                place,
                f"“$” is the sign of several currencies, and your account's is {self.currency}: "
                "write the currency's code after the amount (45,000 USD, CAD or AUD), or add a "
                "column that says it",
            )
            amount = f"{Decimal(job['pay_amount']):,.2f}"
            self.failed.setdefault(position, {})["pay_amount"] = f"{amount} $: which dollars?"
        elif is_currency(self.currency):
            job["currency"] = self.currency
        else:
            self.no_currency = True

    def read(
        self, job: dict[str, Any], target: str, text: str, used: list[str], gained: list[str]
    ) -> None:
        own = self.table.own
        if target in TEXT_TARGETS:
            job[target] = text
        elif target == "occupation":
            job[target] = text.strip() or None
        elif target == "stage":
            job["stage"] = word(text, STAGE_WORDS, "a stage", Stage)
        elif target == "employment_type":
            job[target] = word(text, EMPLOYMENT_WORDS, "an employment type", EmploymentType)
        elif target == "schedule":
            job[target] = word(text, SCHEDULE_WORDS, "a schedule", Schedule)
        elif target in DATE_TARGETS:
            job[target] = date_cell(text, end=target == "ended_on", day_first=self.day_first)
        elif target == "hours_per_week":
            job[target] = hours(text)
        elif target in PAY:
            job["pay_amount"], currency = amount(text)
            if PAY[target]:
                job["pay_period"] = PAY[target]
            if currency and "currency" not in self.by_target:
                job["currency"] = currency
        elif target == "pay_period":
            job[target] = word(text, PERIOD_WORDS, "a pay period", PayPeriod)
        elif target == "currency":
            job[target] = currency_code(text)
        elif target == "benefits":
            job[target] = list(
                dict.fromkeys(
                    word(name, VALUE_WORDS, "a value", Value)
                    for name in listed_names(text, own=own)
                )
            )
        elif target in ("skills_used", "skills_gained"):
            names = listed_names(text, own=own)
            too_long = [name for name in names if len(clean_name(name)) > 100]
            if too_long:
                raise CellProblem(
                    f"{quoted(too_long[0])} is longer than 100 characters, the most a skill "
                    "name has"
                )
            (used if target == "skills_used" else gained).extend(names)
        elif target in ("goals", "contacts"):
            job[f"_{target}"] = listed_names(text, own=own)
        elif target in ("satisfaction", "identity_fit"):
            job[target] = rating(text)

    def named(
        self, jobs: list[dict[str, Any]], collection: str, name_key: str
    ) -> list[dict[str, str]]:
        """The goals (or contacts) the rows name, each once; a row naming the same title
        twice names two of them, as Bearing's export writes two goals of one title."""
        entries: list[dict[str, str]]
        keys: dict[str, list[str]]
        origins: dict[str, Origin]
        entries, keys, origins = [], {}, {}
        prefix = collection[0]
        for position, job in enumerate(jobs):
            names = job.pop(f"_{collection}", [])
            job[collection] = []
            counts: dict[str, int] = {}
            for name in names:
                group = name if self.table.own else fold_name(name)
                counts[group] = counts.get(group, 0) + 1
                found = keys.setdefault(group, [])
                if len(found) < counts[group]:
                    key = f"{prefix}{len(entries) + 1}"
                    found.append(key)
                    origins[f"{collection}[{len(entries)}]"] = Origin(
                        f"{self.origins[f'jobs[{position}]'].place}, {self.label(collection)}",
                        {name_key: ""},
                        joiner="",
                    )
                    entries.append({"key": key, name_key: name})
                job[collection].append(found[counts[group] - 1])
        self.origins.update(origins)
        return entries

    def shown_labels(self) -> list[str]:
        return [heading(target) for target in self.shown_targets()]

    def shown_targets(self) -> list[str]:
        always = ["title", "employer", "started_on"]
        folded = (*COVERS["started_on"], *COVERS["pay_amount"])
        mapped = [target for target in TARGETS if target not in always + list(folded)]
        mapped = [target for target in mapped if target in self.by_target]
        if any(target in PAY for target in self.by_target):
            mapped.insert(0, "pay_amount")
        return always + mapped

    def shown_cells(
        self, position: int, job: dict[str, Any], named: dict[str, dict[str, str]]
    ) -> list[tuple[str, str, bool]]:
        failed = self.failed.get(position, {})
        cells = []
        for target in self.shown_targets():
            bad = [failed[t] for t in COVERS.get(target, (target,)) if t in failed]
            text = shown_value(target, job, named)
            if bad:
                text = "; ".join(bad)
            cells.append((heading(target), text, not bad))
        return cells


def heading(target: str) -> str:
    return TARGETS[target].heading or TARGETS[target].label


def shown_value(target: str, job: dict[str, Any], named: dict[str, dict[str, str]]) -> str:
    """A job's field as the preview shows it."""
    if target == "started_on":
        start, end = job.get("started_on"), job.get("ended_on")
        if not start and not end:
            return "no dates"
        return f"{day_text(start) or '?'} – {day_text(end) or 'ongoing'}"
    if target == "pay_amount":
        if job.get("pay_amount") is None:
            return ""
        period = job.get("pay_period")
        parts = [
            f"{Decimal(job['pay_amount']):,.2f}",
            job.get("currency") or "",
            PayPeriod(period).label if period else "(period not said)",
        ]
        return " ".join(part for part in parts if part)
    if target in ("goals", "contacts"):
        return "; ".join(named[target][key] for key in job.get(target, []))
    if target == "skills_used":
        return ", ".join(link["skill"] for link in job.get("skills", []) if not link["gained"])
    if target == "skills_gained":
        return ", ".join(link["skill"] for link in job.get("skills", []) if link["gained"])
    if target == "benefits":
        return ", ".join(Value(value).label for value in job.get("benefits", []))
    value = job.get(target)
    if value is None or value == []:
        return ""
    if target == "employment_type":
        return EmploymentType(value).label
    if target == "schedule":
        return Schedule(value).label
    if target == "stage":
        return Stage(value).label
    if target == "hours_per_week":
        return f"{value} h"
    if target in ("satisfaction", "identity_fit"):
        return f"{value} of 5"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return shortened(str(value), 60)


def day_text(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%-d %b %Y") if iso else ""


def build(
    table: Table, matching: dict[str, Any], *, currency: str | None, today: date | None = None
) -> Built:
    """The document the table makes with this matching, or what stands in its way. Pay
    that names no currency is read in `currency`, the account's."""
    if currency is None:
        raise TypeError("A spreadsheet is read with the account's currency.")
    today = today or timezone.localdate()
    return Builder(table, checked_matching(table, matching), today, currency).build()


def problems_of(built: Built) -> list[Problem]:
    """The problems as Rejected raises them, for the command line and the confirmation."""
    problems = list(built.problems)
    if built.pending:
        problems.insert(
            0,
            Problem(
                "",
                f"{quoted(built.asked_text)} ({built.asked_at}) could be "
                f"{built.day_first_example():%-d %B %Y} or "
                f"{built.month_first_example():%-d %B %Y}: say whether the day or the month "
                "comes first.",
            ),
        )
    return problems
