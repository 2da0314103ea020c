"""The bearing-export document, version 1: the check a file must pass (the records' fields
and the check of each are described in portability.records).

`validate` reads a parsed JSON value and returns the same history in canonical form: every key
present, in the export's order, nested lists sorted as the export sorts them, skill names
cleaned and spelled as first written, numbers as the export writes them. A canonical document
validates to itself, so it can be kept between the preview and the confirmation and checked
again. Any problem rejects the whole file, with the place it points at.
"""

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from careers.models import DirectionStatus, GoalStatus
from core import plausible
from core.words import fold_name
from jobs.models import Stage
from portability.fields import INVALID
from portability.limits import WEB, Limits, check_size
from portability.problems import Origin, Problem, Problems, Rejected, describe, quoted, relabel
from portability.records import (
    COLLECTIONS,
    DocumentRecord,
    in_value_order,
    parser,
    value_link_order,
)

FORMAT = "bearing-export"
VERSION = 1
SECTIONS = list(DocumentRecord.model_fields)  # the document's keys, in the export's order


def empty_document() -> dict[str, Any]:
    """A document with nothing in it: what an empty account exports, less the profile."""
    return {"format": FORMAT, "version": VERSION, **{name: [] for name in ("skills", *COLLECTIONS)}}


# --- The whole document -------------------------------------------------------------------


def validate(data: Any, *, today: date | None = None, limits: Limits = WEB) -> dict[str, Any]:
    """The document in canonical form, or Rejected with every problem and where it is.

    A document beyond `limits` is refused before it is checked any further."""
    today = today or timezone.localdate()
    check_format(data)
    check_size(data, limits)
    problems = Problems()
    document = parser(DocumentRecord)(data, "", problems)
    if document["profile"] is None:
        del document["profile"]
    keys = {name: unique_keys(document, name, problems) for name in COLLECTIONS}
    check_directions(document["directions"], problems)
    check_goals(document["goals"], keys["directions"], today, problems)
    check_learning(document["learning"], today, problems)
    check_contacts(document["contacts"], today, problems)
    check_jobs(document["jobs"], keys, today, problems)
    check_skill_list(document["skills"], problems)
    problems.found.sort(key=place)
    problems.raise_if_any()
    return canonical(document, keys)


def place(problem: Problem) -> tuple[int, int]:
    """Problems in the order of the file: by collection, then entry; as found within one."""
    match = re.match(r"(\w+)(?:\[(\d+)\])?", problem.path)
    if not match or match.group(1) not in SECTIONS:
        return (-1, -1)
    return (SECTIONS.index(match.group(1)), int(match.group(2) or -1))


def check_format(data: Any) -> None:
    """Refuse a file of another kind before reading further: its keys would only add noise."""
    if not isinstance(data, dict):
        raise Rejected.one(f"expected an object at the top of the file, got {describe(data)}")
    if "format" not in data:
        raise Rejected.one(
            'missing: a Bearing export starts with "format": "bearing-export"', "format"
        )
    if data["format"] != FORMAT:
        shown = quoted(data["format"]) if isinstance(data["format"], str) else "another value"
        raise Rejected.one(f"expected “{FORMAT}”, got {shown}", "format")
    version = data.get("version")
    if "version" not in data:
        raise Rejected.one(f"missing: this Bearing reads version {VERSION} files", "version")
    if type(version) is not int:
        shown = quoted(version) if isinstance(version, Decimal | str) else describe(version)
        raise Rejected.one(f"expected the whole number {VERSION}, got {shown}", "version")
    if version != VERSION:
        raise Rejected.one(
            f"this Bearing reads version {VERSION} files; this file is version {version}",
            "version",
        )


def entries(collection: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) for the entries of a collection that passed their own checks."""
    if collection is INVALID:
        return []
    return [(index, entry) for index, entry in enumerate(collection) if entry is not INVALID]


def valid(*values: Any) -> bool:
    return all(value is not INVALID for value in values)


def unique_keys(document: dict[str, Any], name: str, problems: Problems) -> dict[str, int]:
    """The collection's keys → index; a key used twice is a problem at the second use."""
    seen: dict[str, int] = {}
    for index, item in entries(document[name]):
        item_key = item["key"]
        if item_key is INVALID:
            continue
        if item_key in seen:
            problems.add(
                f"{name}[{index}].key",
                f"{quoted(item_key)} is also the key of {name}[{seen[item_key]}]",
            )
        else:
            seen[item_key] = index
    return seen


def check_order(item: dict[str, Any], start: str, end: str, path: str, problems: Problems) -> None:
    started, ended = item[start], item[end]
    if valid(started, ended) and started and ended and ended < started:
        problems.add(f"{path}.{end}", f"before {start}")


def check_once(
    values: Any,
    path: str,
    problems: Problems,
    *,
    fold: Callable[[Any], Any] = lambda value: value,
    label: Callable[[Any], str] = quoted,
) -> None:
    """Each value once in a list: a second mention is a problem at its place."""
    if values is INVALID:
        return
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value is INVALID:
            continue
        folded = fold(value)
        if folded in seen:
            problems.add(f"{path}[{index}]", f"{label(value)} is listed twice")
        seen.add(folded)


def check_links(
    entry: dict[str, Any],
    name: str,
    field: str,
    path: str,
    problems: Problems,
    *,
    fold: Callable[[Any], Any] = lambda value: value,
) -> None:
    """Each of an entry's links (a job's skills, say) names its `field` once."""
    links = entry[name]
    if valid(links):
        named = [link[field] if valid(link) else INVALID for link in links]
        check_once(named, f"{path}.{name}", problems, fold=fold)


def check_skill_list(names: Any, problems: Problems) -> None:
    check_once(names, "skills", problems, fold=fold_name)


def check_directions(directions: Any, problems: Problems) -> None:
    current: int | None = None
    for index, direction in entries(directions):
        path = f"directions[{index}]"
        check_order(direction, "started_on", "ended_on", path, problems)
        if direction["status"] == DirectionStatus.CURRENT:
            if current is None:
                current = index
            else:
                problems.add(
                    f"{path}.status",
                    f"directions[{current}] is current too; only one direction can be current",
                )
        check_links(direction, "target_skills", "skill", path, problems, fold=fold_name)
        check_links(direction, "values", "value", path, problems)


def after_today(value: Any, today: date) -> bool:
    """Whether a checked date (ISO text, or None) is after today."""
    return valid(value) and value is not None and value > today.isoformat()


def check_goals(
    goals: Any, direction_keys: dict[str, int], today: date, problems: Problems
) -> None:
    for index, goal in entries(goals):
        path = f"goals[{index}]"
        direction = goal["direction"]
        if valid(direction) and direction is not None and direction not in direction_keys:
            problems.add(f"{path}.direction", f"no direction has the key {quoted(direction)}")
        status, achieved_on = goal["status"], goal["achieved_on"]
        if status == GoalStatus.ACHIEVED and achieved_on is None:
            problems.add(f"{path}.achieved_on", "missing: an achieved goal needs the date")
        elif valid(status) and status != GoalStatus.ACHIEVED and valid(achieved_on) and achieved_on:
            problems.add(
                f"{path}.achieved_on",
                f"set, but the goal is {status}: only an achieved goal has the date it was "
                "achieved on (null)",
            )
        elif after_today(achieved_on, today):
            problems.add(f"{path}.achieved_on", "after today: a goal is achieved on a day gone by")


def check_learning(learning: Any, today: date, problems: Problems) -> None:
    for index, entry in entries(learning):
        path = f"learning[{index}]"
        check_order(entry, "started_on", "completed_on", path, problems)
        if after_today(entry["completed_on"], today):
            problems.add(
                f"{path}.completed_on",
                "after today: learning still going on has no completion date yet (null)",
            )
        check_once(entry["skills"], f"{path}.skills", problems, fold=fold_name)


def check_contacts(contacts: Any, today: date, problems: Problems) -> None:
    for index, contact in entries(contacts):
        if after_today(contact["last_contacted_on"], today):
            problems.add(
                f"contacts[{index}].last_contacted_on",
                "after today: the last time you were in touch is a day gone by",
            )


def check_jobs(jobs: Any, keys: dict[str, dict[str, int]], today: date, problems: Problems) -> None:
    for index, job in entries(jobs):
        path = f"jobs[{index}]"
        check_order(job, "started_on", "ended_on", path, problems)
        started = job["started_on"]
        if job["stage"] == Stage.HELD and valid(started):
            if started is None:
                problems.add(f"{path}.started_on", "missing: a job you held needs a start date")
            elif started > today.isoformat():
                problems.add(
                    f"{path}.started_on",
                    "after today: a job you held starts on or before today (is it an offer?)",
                )
            else:
                check_length(job, today, path, problems)
        check_once(job["benefits"], f"{path}.benefits", problems)
        check_links(job, "skills", "skill", path, problems, fold=fold_name)
        for name, singular in (("goals", "goal"), ("contacts", "contact")):
            references = job[name]
            if not valid(references):
                continue
            check_once(references, f"{path}.{name}", problems)
            for position, reference_key in enumerate(references):
                if valid(reference_key) and reference_key not in keys[name]:
                    problems.add(
                        f"{path}.{name}[{position}]",
                        f"no {singular} has the key {quoted(reference_key)}",
                    )


def check_length(job: dict[str, Any], today: date, path: str, problems: Problems) -> None:
    """A held job of more than 100 years cannot be (one of more than 50 is taken as written:
    the file is the person's record, and the form asks about it when the job is next edited)."""
    ended = job["ended_on"]
    if not valid(ended) or (ended and ended < job["started_on"]):
        return
    started = date.fromisoformat(job["started_on"])
    length = plausible.years(started, date.fromisoformat(ended) if ended else today)
    if length > plausible.LONGEST_JOB_YEARS:
        problems.add(
            f"{path}.ended_on" if ended else f"{path}.started_on",
            f"{length} years {'after started_on' if ended else 'ago, and the job goes on'}: "
            f"nobody holds one job for more than {plausible.LONGEST_JOB_YEARS} years",
        )


# --- Canonical form -----------------------------------------------------------------------


def canonical(document: dict[str, Any], keys: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Nested lists sorted as the export sorts them; each skill spelled as first written."""
    spelling: dict[str, str] = {}

    def spell(name: str) -> str:
        return spelling.setdefault(fold_name(name), name)

    for name in document["skills"]:
        spell(name)
    for direction in document["directions"]:
        for link in direction["target_skills"]:
            link["skill"] = spell(link["skill"])
        direction["target_skills"].sort(key=lambda link: (-link["importance"], fold(link)))
        direction["values"].sort(key=lambda link: value_link_order(link["value"], link["weight"]))
    for entry in document["learning"]:
        entry["skills"] = sorted((spell(name) for name in entry["skills"]), key=fold_name)
    for job in document["jobs"]:
        for link in job["skills"]:
            link["skill"] = spell(link["skill"])
        job["skills"].sort(key=fold)
        job["benefits"] = in_value_order(job["benefits"])
        job["goals"].sort(key=keys["goals"].__getitem__)
        job["contacts"].sort(key=keys["contacts"].__getitem__)
    document["skills"] = sorted_names(spelling.values())
    return document


def fold(link: dict[str, Any]) -> str:
    return fold_name(link["skill"])


def sorted_names(names: Iterable[str]) -> list[str]:
    """Skill names as the export lists them: case-insensitively, then as written."""
    return sorted(names, key=lambda name: (fold_name(name), name))


def validate_converted(
    document: dict[str, Any],
    problems: Problems,
    origins: dict[str, Origin],
    *,
    today: date | None = None,
) -> dict[str, Any]:
    """Validate a document converted from another format, with every problem pointed at its
    place in the source file. `problems` holds what the conversion itself found; a problem
    the check finds again at the same place is not repeated."""
    try:
        validated = validate(document, today=today)
    except Rejected as rejected:
        seen = {problem.path for problem in problems.found}
        for problem in relabel(rejected.problems, origins):
            if problem.path not in seen:
                problems.add(problem.path, problem.message)
        problems.more += rejected.more
        problems.found.sort(key=source_place(problems.found))
    problems.raise_if_any()
    return validated


def source_place(problems: Iterable[Problem]) -> Callable[[Problem], tuple[int, int]]:
    """A sort key putting problems in the order of the source file: by section (in the order
    first met), then entry (`work[2]`, or `Positions.csv, row 4`); as found within one."""
    sections: dict[str, int] = {}

    def key(problem: Problem) -> tuple[int, int]:
        match = re.match(r"([^\[,.]+)(?:\[(\d+)\]|\.csv, row (\d+))?", problem.path)
        if not match:
            return (-1, -1)
        section = sections.setdefault(match.group(1), len(sections))
        return (section, int(match.group(2) or match.group(3) or -1))

    for problem in problems:
        key(problem)
    return key
