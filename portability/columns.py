"""A jobs spreadsheet's columns matched to Bearing's fields: the names each field is known by,
the guess from a header, the order the person told, and the problems of a matching."""

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.words import fold_name
from jobs.models import PayPeriod
from portability import dates, tables
from portability.problems import quoted, shortened
from portability.text import NOT_READABLE

if TYPE_CHECKING:
    from portability.spreadsheet import Table


@dataclass(frozen=True)
class Target:
    """A field of Bearing's a column can fill: its label, the column names that mean it, and
    the heading of the preview's rows (the label, when it has none)."""

    label: str
    names: tuple = ()
    heading: str = ""


def names(text: str) -> tuple[str, ...]:
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
    "occupation": Target(
        "Occupation (its O*NET code)",
        names("occupation | occupation code | onet code | o*net code | soc code"),
        "Occupation",
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


def normal(text: str | None) -> str:
    """A name or a word as it is matched: case folded, (notes in brackets), punctuation and
    spacing folded: "Start_Date (dd/mm/yyyy)" is "start date"."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text or "")
    text = re.sub(r"[_\-/.:#*'’]+", " ", text)
    return " ".join(text.split()).casefold()


GUESSES = {normal(name): key for key, target in TARGETS.items() for name in target.names}


def guess_field(header: str) -> str:
    """The field a column's name means, or "" when it names none of Bearing's."""
    return GUESSES.get(normal(header), "")


def job_columns(header: list[str]) -> int:
    """How many of a row's cells, Name aside, name a field of a job (none in a list of
    skills)."""
    return sum(1 for cell in header if fold_name(cell) != "name" and guess_field(cell))


def unknown_columns(cells: list[str]) -> str:
    named = [shortened(cell.strip()) for cell in cells if cell.strip()]
    if len(named) < 2:
        return NOT_READABLE
    shown = ", ".join(named[:6]) + (", …" if len(named) > 6 else "")
    return (
        f"Bearing cannot tell what this file holds: none of its columns ({shown}) is named "
        "like a job's title, employer or dates. A spreadsheet of jobs needs a first row that "
        "names its columns, such as Title, Employer, From, To."
    )


def guess(table: "Table") -> dict[str, Any]:
    """The matching Bearing proposes: each column's field by its name (each field taken by
    the first column that names it), and the order of day and month if the file tells it."""
    if table.own:
        columns = list(table.header)
    else:
        taken: set[str]
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
    matching: dict[str, Any] = {"columns": columns, "day_first": None}
    matching["day_first"] = told_order(table, matching)
    return matching


def told_order(table: "Table", matching: dict[str, Any]) -> bool | None:
    """True (day first) or False (month first) when the file's dates say so, else None."""
    said: set[str] = set()
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


def checked_matching(table: "Table", matching: dict[str, Any]) -> dict[str, Any]:
    """A stored matching kept to the table's shape (a hand-made one cannot break the page)."""
    columns = list(matching.get("columns") or [])[: len(table.header)]
    columns += [""] * (len(table.header) - len(columns))
    columns = [target if target in TARGETS else "" for target in columns]
    day_first = matching.get("day_first")
    return {"columns": columns, "day_first": day_first if isinstance(day_first, bool) else None}


def matching_problems(columns: list[str]) -> dict[int, str]:
    """What is wrong with a matching as a whole, as {column index: message}: a field taken
    by two columns, a pay's period said twice."""
    found: dict[int, str]
    seen: dict[str, int]
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


def parse_columns_option(text: str, table: "Table") -> dict[int, str]:
    """`--columns "From=started_on,Notes=ignore"`: columns by name or letter → fields.

    Returns {column index: target}; ValueError with the reason when it cannot be read."""
    chosen: dict[int, str] = {}
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


def describe(table: "Table", matching: dict[str, Any]) -> list[str]:
    """The matching as lines a person reads: `From → Start date`."""
    return [
        f"{table.label(index)} → {TARGETS[target].label if target else 'not imported'}"
        for index, target in enumerate(matching["columns"])
    ]
