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
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from careers.alignment import joined
from careers.models import Value, clean_name, fold_name
from jobs.models import EmploymentType, PayPeriod, Schedule, Stage

from . import dates, tables
from .document import FORMAT, VERSION, validate_converted
from .export import CSV_COLUMNS, unescape_cell
from .limits import WEB
from .problems import Origin, Problem, Problems, Rejected, quoted, shortened
from .text import NOT_READABLE

SHOWN_ROWS = 5
SAMPLES = 2
SOURCE = "spreadsheet of jobs"
OWN_SOURCE = "Bearing jobs spreadsheet"
DATE_FORMS = "Mar 2019, 03/2019 or 2019-03-15"


@dataclass(frozen=True)
class Target:
    """A field of Bearing's a column can fill: its label, the column names that mean it, and
    the heading of the preview's rows (the label, when it has none)."""

    label: str
    names: tuple = ()
    heading: str = ""


def names(text):
    """Column names that mean a field, written "title | job title | role"."""
    return tuple(name.strip() for name in text.split("|"))


TARGETS = {
    "title": Target(
        "Job title",
        names(
            "title | job title | job | role | job role | position | position title | "
            "job name | designation | post | stelle | puesto | cargo | poste | "
            "funktion"
        ),
    ),
    "employer": Target(
        "Employer",
        names(
            "employer | employer name | company | company name | organisation | "
            "organization | organisation name | organization name | org | firm | "
            "business | client | workplace | firma | arbeitgeber | unternehmen | "
            "empresa | entreprise | société"
        ),
    ),
    "stage": Target("Held or offer", names("stage | held or offer")),
    "employment_type": Target(
        "Employment type",
        names(
            "employment type | type | job type | contract type | employment | "
            "type of employment | work type"
        ),
    ),
    "started_on": Target(
        "Start date",
        heading="Dates",
        names=names(
            "started on | start | start date | started | from | from date | "
            "date from | begin | began | beginning | date started | start month | "
            "since | joined | von | beginn | desde | inicio | début | date de début"
        ),
    ),
    "ended_on": Target(
        "End date",
        names(
            "ended on | end | end date | ended | to | to date | date to | until | "
            "till | finished | finished on | date ended | end month | left | "
            "date left | bis | ende | hasta | fin | date de fin"
        ),
    ),
    "hours_per_week": Target(
        "Hours a week",
        names(
            "hours per week | hours | hours a week | weekly hours | hours week | "
            "hrs | hrs per week | hours pw | stunden | horas | heures"
        ),
    ),
    "schedule": Target("Schedule", names("schedule | shift pattern | working pattern | shifts")),
    "pay_amount": Target(
        "Pay (its period in another column)",
        heading="Pay",
        names=names(
            "pay amount | pay | wage | wages | compensation | pay rate | rate | "
            "income | earnings | remuneration | amount | gehalt | lohn | salario | "
            "sueldo | salaire"
        ),
    ),
    "pay_hour": Target(
        "Pay per hour",
        names("hourly rate | hourly pay | hourly wage | pay per hour | wage per hour"),
    ),
    "pay_week": Target("Pay per week", names("weekly pay | pay per week | weekly wage")),
    "pay_month": Target(
        "Pay per month",
        names("monthly pay | monthly salary | pay per month | salary per month"),
    ),
    "pay_year": Target(
        "Pay per year",
        names(
            "salary | annual salary | yearly salary | salary per year | "
            "pay per year | annual pay | yearly pay | annual income"
        ),
    ),
    "pay_total": Target("Pay in total", names("total pay | pay in total | contract value")),
    "pay_period": Target(
        "Pay period (hour, week, month, year or total)",
        names("pay period | period | per | pay per | paid per | salary period | pay frequency"),
    ),
    "currency": Target(
        "Currency",
        names("currency | pay currency | salary currency | ccy | währung | moneda | devise"),
    ),
    "benefits": Target(
        "Values it gave (money, skills…)",
        names("benefits | values | values it gave | what it gave | what it gave me"),
        "Values it gave",
    ),
    "skills_used": Target(
        "Skills used",
        names("skills used | skills | used skills | tools | technologies"),
    ),
    "skills_gained": Target(
        "Skills gained",
        names("skills gained | skills learned | skills learnt | new skills | learned"),
    ),
    "goals": Target("Goals it advanced (by title)", names("goals | goals advanced"), "Goals"),
    "contacts": Target(
        "People met (by name)", names("contacts | people | people met"), "People met"
    ),
    "satisfaction": Target(
        "Satisfaction (1–5)", names("satisfaction | rating | how satisfied"), "Satisfaction"
    ),
    "identity_fit": Target(
        "Fit with who you are (1–5)", names("identity fit | fit | identity"), "Fit"
    ),
    "description": Target(
        "Description",
        names(
            "description | notes | summary | details | duties | responsibilities | "
            "comments | job description | what i did | about | beschreibung | "
            "descripción"
        ),
    ),
    "lessons": Target(
        "Lessons learned",
        names("lessons | lessons learned | lessons learnt | what i learned"),
    ),
    "avoid": Target("Avoid next time", names("avoid | avoid next time | to avoid")),
}
# A column names one pay amount; these targets say its period too.
PAY = {
    "pay_amount": None,
    "pay_hour": PayPeriod.HOUR.value,
    "pay_week": PayPeriod.WEEK.value,
    "pay_month": PayPeriod.MONTH.value,
    "pay_year": PayPeriod.YEAR.value,
    "pay_total": PayPeriod.TOTAL.value,
}
DATE_TARGETS = ("started_on", "ended_on")
TEXT_TARGETS = ("title", "employer", "description", "lessons", "avoid")
# What one column of the preview's rows shows: the dates together, the pay with its period
# and currency.
COVERS = {"started_on": DATE_TARGETS, "pay_amount": (*PAY, "pay_period", "currency")}


def normal(text):
    """A name or a word as it is matched: case folded, (notes in brackets), punctuation and
    spacing folded: "Start_Date (dd/mm/yyyy)" is "start date"."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text or "")
    text = re.sub(r"[_\-/.:#*'’]+", " ", text)
    return " ".join(text.split()).casefold()


GUESSES = {normal(name): key for key, target in TARGETS.items() for name in target.names}


def guess_field(header):
    """The field a column's name means, or "" when it names none of Bearing's."""
    return GUESSES.get(normal(header), "")


def is_skill_list(header):
    """Whether a table with a Name column is a list of skills: none of its other columns
    names a field of a job."""
    return not any(guess_field(cell) for cell in header if fold_name(cell) != "name")


# --- The table ---------------------------------------------------------------------------------


@dataclass
class Table:
    """A spreadsheet as read: the columns' names, the rows under them, where they were found."""

    header: list
    rows: list  # [row number, [cells]], cells as many as the header's
    header_row: int = 1
    own: bool = False  # Bearing's own export.csv, read cell for cell as written

    def as_data(self):
        return {
            "header": self.header,
            "rows": self.rows,
            "header_row": self.header_row,
            "own": self.own,
        }

    @classmethod
    def from_data(cls, data):
        return cls(**data)

    def label(self, index):
        """A column as a message names it: its name, or its letter when it has none (or
        shares it with another)."""
        name = self.header[index]
        if name and self.header.count(name) == 1:
            return shortened(name)
        return f"column {tables.column_letter(index)}"

    def samples(self, index):
        """The first values of a column, as the matching shows them."""
        found = []
        for _, cells in self.rows:
            value = unescape_cell(cells[index]).strip()
            if value:
                found.append(shortened(value))
            if len(found) == SAMPLES:
                break
        return found


def is_own_export(text):
    """Whether the text is Bearing's own export.csv (perhaps saved again by a spreadsheet
    program): its first row names exactly the export's columns."""
    first = text.split("\n", 1)[0].rstrip("\r")
    return next(csv.reader([first]), None) == CSV_COLUMNS


def read_table(text, rows=None):
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
    body = rows[position + 1 :]
    width = max([len(header), *(len(cells) for _, cells in body)])
    header = [cell.strip() for cell in header] + [""] * (width - len(header))
    body = [[number, cells + [""] * (width - len(cells))] for number, cells in body]
    return Table(header=header, rows=body, header_row=header_row, own=own)


def unknown_columns(cells):
    named = [shortened(cell.strip()) for cell in cells if cell.strip()]
    if len(named) < 2:
        return NOT_READABLE
    shown = ", ".join(named[:6]) + (", …" if len(named) > 6 else "")
    return (
        f"Bearing cannot tell what this file holds: none of its columns ({shown}) is named "
        "like a job's title, employer or dates. A spreadsheet of jobs needs a first row that "
        "names its columns, such as Title, Employer, From, To."
    )


# --- The matching ------------------------------------------------------------------------------


def guess(table):
    """The matching Bearing proposes: each column's field by its name (each field taken by
    the first column that names it), and the order of day and month if the file tells it."""
    if table.own:
        columns = list(table.header)
    else:
        columns, taken = [], set()
        for name in table.header:
            target = guess_field(name)
            group = "pay" if target in PAY else target
            if target and group not in taken:
                taken.add(group)
                columns.append(target)
            else:
                columns.append("")
        # A column that says the pay's period wins over a period read from a name.
        if "pay_period" in columns:
            columns = ["pay_amount" if target in PAY else target for target in columns]
    matching = {"columns": columns, "day_first": None}
    matching["day_first"] = told_order(table, matching)
    return matching


def told_order(table, matching):
    """True (day first) or False (month first) when the file's dates say so, else None."""
    said = set()
    for index, target in enumerate(matching["columns"]):
        if target not in DATE_TARGETS:
            continue
        header = table.header[index].casefold()
        if re.search(r"\bdd?[/.\-]mm?\b", header):
            said.add("day")
        elif re.search(r"\bmm?[/.\-]dd?\b", header):
            said.add("month")
        for _, cells in table.rows:
            evidence = dates.order_evidence(cells[index])
            if evidence in ("day", "month"):
                said.add(evidence)
    if said == {"day"}:
        return True
    if said == {"month"}:
        return False
    return None


def checked_matching(table, matching):
    """A stored matching kept to the table's shape (a hand-made one cannot break the page)."""
    columns = list(matching.get("columns") or [])[: len(table.header)]
    columns += [""] * (len(table.header) - len(columns))
    columns = [target if target in TARGETS else "" for target in columns]
    day_first = matching.get("day_first")
    return {"columns": columns, "day_first": day_first if isinstance(day_first, bool) else None}


def matching_problems(columns):
    """What is wrong with a matching as a whole, as {column index: message}: a field taken
    by two columns, a pay's period said twice."""
    found, seen = {}, {}
    for index, target in enumerate(columns):
        if not target:
            continue
        group = "pay" if target in PAY else target
        if group in seen:
            label = "a pay" if group == "pay" else TARGETS[target].label.lower()
            found[index] = (
                f"Another column is {label} already; each of Bearing's fields takes one "
                "column. Choose another field, or “Not imported”."
            )
        else:
            seen[group] = index
    period_said = [index for index, target in enumerate(columns) if PAY.get(target)]
    if "pay_period" in seen and period_said:
        found.setdefault(
            seen["pay_period"],
            f"The pay's period is already in the choice “{TARGETS[columns[period_said[0]]].label}”"
            "; choose “Pay (its period in another column)” for the pay to read it from here.",
        )
    return found


def parse_columns_option(text, table):
    """`--columns "From=started_on,Notes=ignore"`: columns by name or letter → fields.

    Returns {column index: target}; ValueError with the reason when it cannot be read."""
    chosen = {}
    for part in filter(None, (part.strip() for part in text.split(","))):
        if "=" not in part:
            raise ValueError(f"{quoted(part)} is not COLUMN=FIELD")
        column, target = (side.strip() for side in part.rsplit("=", 1))
        target = "" if target.casefold() in ("", "ignore") else target
        if target and target not in TARGETS:
            raise ValueError(
                f"{quoted(target)} is not a field; the fields are: {', '.join(TARGETS)}, ignore"
            )
        index = next(
            (
                index
                for index, name in enumerate(table.header)
                if fold_name(name) == fold_name(column)
            ),
            None,
        )
        if index is None and re.fullmatch(r"[A-Za-z]{1,2}", column):
            letters = [tables.column_letter(n) for n in range(len(table.header))]
            index = letters.index(column.upper()) if column.upper() in letters else None
        if index is None:
            raise ValueError(f"this file has no column {quoted(column)}")
        chosen[index] = target
    return chosen


def describe(table, matching):
    """The matching as lines a person reads: `From → Start date`."""
    return [
        f"{table.label(index)} → {TARGETS[target].label if target else 'not imported'}"
        for index, target in enumerate(matching["columns"])
    ]


# --- Cells -------------------------------------------------------------------------------------


class CellProblem(ValueError):
    """A cell that cannot be read; the message says why, and how to write it."""


class Pending(ValueError):  # noqa: N818
    """A cell that can be read once the order of day and month is chosen."""


def choice_words(choices, **extra):
    """{word: key} for a TextChoices: its keys and labels, and other words that mean them
    (`full_time="fulltime | ft"`)."""
    words = {}
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
SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₺": "TRY"}


def word(text, words, what, choices):
    key = words.get(normal(text))
    if key is None:
        allowed = "held or offer" if choices is Stage else readable(choices)
        raise CellProblem(f"{quoted(text)} is not {what} Bearing knows: write {allowed}")
    return key


def readable(choices):
    return joined([label.split(" (")[0].lower() for _, label in choices.choices], "or")


def amount(text):
    """Pay as written (`€45,000`, `1.200,50`, `11.50 EUR`, `45k`) → ("45000.00", "EUR" or
    None). A `$` is left without a currency: several countries write it."""
    currency = None
    for symbol, code in SYMBOLS.items():
        if symbol in text:
            currency, text = code, text.replace(symbol, " ")
    code = re.search(r"\b([A-Za-z]{3})\b", text)
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


def hours(text):
    match = re.fullmatch(
        r"(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)?\.?\s*(?:(?:/|per|a)\s*(?:w|wk|week))?",
        text.strip(),
        flags=re.I,
    )
    if not match:
        raise CellProblem(f"{quoted(text)} is not a number of hours a week: write it like 37.5")
    return Decimal(match.group(1).replace(",", "."))


def rating(text):
    match = re.fullmatch(r"([1-5])(?:\.0+)?(?:\s*(?:/|of|out of)\s*5)?", text.strip(), flags=re.I)
    if not match:
        raise CellProblem(f"{quoted(text)} is not a rating from 1 to 5")
    return int(match.group(1))


def currency_code(text):
    text = text.strip()
    if text in SYMBOLS:
        return SYMBOLS[text]
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    if "$" in text:
        raise CellProblem(
            f"{quoted(text)} is the sign of several currencies: write its code, such as USD, "
            "CAD or AUD"
        )
    raise CellProblem(f"{quoted(text)} is not a currency: write its code, such as EUR or USD")


def listed_names(text, *, own):
    """A cell listing names: Bearing's export joins them with "; "; people with commas too."""
    if own:
        return [name for name in text.split("; ") if name]
    names, seen = [], set()
    for part in re.split(r"[;,\n]", text):
        name = clean_name(part)
        if name and fold_name(name) not in seen:
            seen.add(fold_name(name))
            names.append(name)
    return names


def date_cell(text, *, end, day_first):
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
    return (written.last() if end else written.first()).isoformat()


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

    @property
    def unshown(self):
        return max(self.total - len(self.rows), 0)

    rows: list = field(default_factory=list)
    labels: list = field(default_factory=list)

    @property
    def ok(self):
        return self.document is not None

    def asked(self):
        """The question the preview asks about the order of day and month, or None."""
        if self.question is None:
            return None
        day, month = self.day_first_example(), self.month_first_example()
        return f"Is “{self.asked_text}” ({self.asked_at}) {day:%-d %B %Y} or {month:%-d %B %Y}?"

    def order_choices(self):
        return [
            ("day", f"{self.day_first_example():%-d %B %Y}: the day comes first"),
            ("month", f"{self.month_first_example():%-d %B %Y}: the month comes first"),
        ]

    def day_first_example(self):
        question = self.question
        return date(question.year, question.second, question.first)

    def month_first_example(self):
        question = self.question
        return date(question.year, question.first, question.second)


class Builder:
    """Reads a table's rows with a matching into a bearing-export document."""

    def __init__(self, table, matching, today):
        self.table = table
        self.columns = matching["columns"]
        self.day_first = matching["day_first"]
        self.today = today
        self.problems = Problems()
        self.origins = {}
        self.failed = {}  # row index → {target: the cell as written}
        self.question = None
        self.pending = False
        self.by_target = {target: index for index, target in enumerate(self.columns) if target}
        self.column_labels = [table.label(index) for index in range(len(table.header))]
        # Each field of a job as its column is named, for the problems the check finds.
        self.fields = {target: self.label(target) for target in TARGETS if target not in PAY}
        self.fields |= {"pay_amount": self.label("pay_amount"), "skills": self.label("skills_used")}

    def label(self, target):
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

    def build(self):
        jobs = [
            self.row(position, number, cells)
            for position, (number, cells) in enumerate(self.table.rows)
        ]
        goals, contacts = self.named(jobs, "goals", "title"), self.named(jobs, "contacts", "name")
        document = {
            "format": FORMAT,
            "version": VERSION,
            "goals": goals,
            "contacts": contacts,
            "jobs": jobs,
        }
        built = Built(document=None, labels=self.shown_labels(), total=len(jobs))
        whole = self.whole_problems(jobs)
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

    def whole_problems(self, jobs):
        """What is wrong with the matching as a whole, before any row."""
        found = [
            Problem("", f"{self.column_labels[index]}: {message}")
            for index, message in matching_problems(self.columns).items()
        ]
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

    def row(self, position, number, cells):
        """One row as a job of the document, every cell read, every problem at its place."""
        own = self.table.own
        job = {
            "key": f"j{position + 1}",
            "title": "",
            "employer": "",
            "stage": Stage.HELD.value,
            "started_on": None,
            "ended_on": None,
            "benefits": [],
            "skills": [],
        }
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
        if not own and job["title"] == "" and "title" in self.by_target:
            self.problems.add(
                f"{place}, {self.label('title')}", "empty: every job needs a title; add it"
            )
        return job

    def read(self, job, target, text, used, gained):
        own = self.table.own
        if target in TEXT_TARGETS:
            job[target] = text
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

    def named(self, jobs, collection, name_key):
        """The goals (or contacts) the rows name, each once; a row naming the same title
        twice names two of them, as Bearing's export writes two goals of one title."""
        entries, keys, origins = [], {}, {}
        prefix = collection[0]
        for position, job in enumerate(jobs):
            names = job.pop(f"_{collection}", [])
            job[collection] = []
            counts = {}
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

    def shown_labels(self):
        return [heading(target) for target in self.shown_targets()]

    def shown_targets(self):
        always = ["title", "employer", "started_on"]
        folded = (*COVERS["started_on"], *COVERS["pay_amount"])
        mapped = [target for target in TARGETS if target not in always + list(folded)]
        mapped = [target for target in mapped if target in self.by_target]
        if any(target in PAY for target in self.by_target):
            mapped.insert(0, "pay_amount")
        return always + mapped

    def shown_cells(self, position, job, named):
        failed = self.failed.get(position, {})
        cells = []
        for target in self.shown_targets():
            bad = [failed[t] for t in COVERS.get(target, (target,)) if t in failed]
            text = shown_value(target, job, named)
            if bad:
                text = "; ".join(bad)
            cells.append((heading(target), text, not bad))
        return cells


def heading(target):
    return TARGETS[target].heading or TARGETS[target].label


def shown_value(target, job, named):
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


def day_text(iso):
    return date.fromisoformat(iso).strftime("%-d %b %Y") if iso else ""


def build(table, matching, *, today=None):
    """The document the table makes with this matching, or what stands in its way."""
    today = today or timezone.localdate()
    return Builder(table, checked_matching(table, matching), today).build()


def problems_of(built):
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
