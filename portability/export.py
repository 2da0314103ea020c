"""Everything a person entered, as the bearing-export document and as a CSV of their jobs.

The rows are read with a fixed number of queries, whatever the size of the history, and put
together in Python. Keys (d1, g1, l1, c1, j1) are given in a stable order: directions,
learning and jobs by start date (undated last), goals and contacts in the order they were
entered; ties go by the order of entry, so a file imported and exported again keeps its keys.
"""

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth.models import User
from django.db.models import Model

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from jobs.models import Job, JobBenefit, JobSkill
from portability.document import FORMAT, VERSION, sorted_names
from portability.records import (
    CSV_COLUMNS,
    ContactRecord,
    DirectionRecord,
    DocumentRecord,
    GoalRecord,
    JobRecord,
    JobSkillRecord,
    LearningRecord,
    ProfileRecord,
    TargetSkillRecord,
    ValueRecord,
    in_order,
    in_value_order,
    value_link_order,
    written,
)

DEFAULT_CURRENCY = Profile._meta.get_field("currency").default


@dataclass(frozen=True)
class Snapshot:
    """The export document, and the database id behind each of its keys (by collection)."""

    document: dict
    ids: dict


def chronological_key(row: dict[str, Any], field: str) -> tuple[bool, int, int]:
    """Dated rows oldest first, then the undated; ties in the order they were entered."""
    day = row[field]
    return (day is None, day.toordinal() if day else 0, row["id"])


def snapshot(user: User) -> Snapshot:
    """The export document and the ids behind its keys (skills by name). Fourteen queries."""
    currency = (
        Profile.objects.filter(owner=user).values_list("currency", flat=True).first()
        or DEFAULT_CURRENCY
    )
    skills = list(Skill.objects.owned_by(user).values_list("id", "name"))
    ids = {"skills": {name: pk for pk, name in skills}}

    directions = dated(CareerDirection, user)
    ids["directions"] = keyed("d", directions)
    target_skills = linked(DirectionSkill, "direction", user, "skill__name", "importance")
    values = linked(DirectionValue, "direction", user, "value", "weight")
    direction_key = key_of(ids["directions"])

    goals = list(CareerGoal.objects.owned_by(user).order_by("pk").values())
    ids["goals"] = keyed("g", goals)
    goal_key = key_of(ids["goals"])

    learning = dated(Learning, user)
    ids["learning"] = keyed("l", learning)
    learning_skills = linked(Learning.skills.through, "learning", user, "skill__name")

    contacts = list(Contact.objects.owned_by(user).order_by("pk").values())
    ids["contacts"] = keyed("c", contacts)
    contact_key = key_of(ids["contacts"])

    jobs = dated(Job, user)
    ids["jobs"] = keyed("j", jobs)
    benefits = linked(JobBenefit, "job", user, "value")
    job_skills = linked(JobSkill, "job", user, "skill__name", "gained")
    job_goals = linked(Job.goals.through, "job", user, "careergoal_id")
    job_contacts = linked(Job.contacts.through, "job", user, "contact_id")

    document = {
        "format": FORMAT,
        "version": VERSION,
        "profile": in_order(ProfileRecord, {"currency": currency}),
        "skills": sorted_names(name for _, name in skills),
        "directions": [
            in_order(
                DirectionRecord,
                {
                    "key": row["key"],
                    **written(DirectionRecord, row),
                    "target_skills": [
                        in_order(TargetSkillRecord, {"skill": name, "importance": weight})
                        for name, weight in sorted(
                            target_skills[row["id"]],
                            key=lambda link: (-link[1], link[0].casefold()),
                        )
                    ],
                    "values": [
                        in_order(ValueRecord, {"value": value, "weight": weight})
                        for value, weight in sorted(
                            values[row["id"]], key=lambda link: value_link_order(*link)
                        )
                    ],
                },
            )
            for row in directions
        ],
        "goals": [
            in_order(
                GoalRecord,
                {
                    "key": row["key"],
                    "direction": direction_key.get(row["direction_id"]),
                    **written(GoalRecord, row),
                },
            )
            for row in goals
        ],
        "learning": [
            in_order(
                LearningRecord,
                {
                    "key": row["key"],
                    **written(LearningRecord, row),
                    "skills": sorted_names(name for (name,) in learning_skills[row["id"]]),
                },
            )
            for row in learning
        ],
        "contacts": [
            in_order(
                ContactRecord,
                {
                    "key": row["key"],
                    **written(ContactRecord, row),
                },
            )
            for row in contacts
        ],
        "jobs": [
            in_order(
                JobRecord,
                {
                    "key": row["key"],
                    **written(JobRecord, row),
                    "benefits": in_value_order(value for (value,) in benefits[row["id"]]),
                    "skills": [
                        in_order(JobSkillRecord, {"skill": name, "gained": gained})
                        for name, gained in sorted(
                            job_skills[row["id"]], key=lambda link: link[0].casefold()
                        )
                    ],
                    "goals": ordered_keys(job_goals[row["id"]], goal_key),
                    "contacts": ordered_keys(job_contacts[row["id"]], contact_key),
                },
            )
            for row in jobs
        ],
    }
    return Snapshot(document=in_order(DocumentRecord, document), ids=ids)


def dated(model: type[Model], user: User) -> list[dict[str, Any]]:
    """The person's rows of a model that starts on a day, oldest first (chronological_key)."""
    rows = cast(Any, model).objects.owned_by(user).values()  # each owned model has `objects`
    return sorted(rows, key=lambda row: chronological_key(row, "started_on"))


def linked(
    through: type[Model], parent: str, user: User, *fields: str
) -> defaultdict[int, list[tuple[Any, ...]]]:
    """The person's links of one kind (a job's skills, say) as {parent id: [fields, …]}."""
    rows = cast(Any, through).objects.filter(**{f"{parent}__owner": user})
    return grouped(rows.values_list(f"{parent}_id", *fields))


def keyed(prefix: str, rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Give each row its key (d1, d2…) in the rows' order; return key → database id."""
    ids: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        row["key"] = f"{prefix}{number}"
        ids[row["key"]] = row["id"]
    return ids


def key_of(ids: dict[str, int]) -> dict[int, str]:
    return {pk: item_key for item_key, pk in ids.items()}


def grouped(rows: Iterable[tuple[Any, ...]]) -> defaultdict[int, list[tuple[Any, ...]]]:
    """(parent id, *rest) rows → {parent id: [rest, …]}."""
    groups: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for parent, *rest in rows:
        groups[parent].append(tuple(rest))
    return groups


def ordered_keys(links: Iterable[tuple[Any, ...]], key_by_id: dict[int, str]) -> list[str]:
    """Linked rows' keys in the order of their keys' numbers (g1 before g2 before g10)."""
    found = [key_by_id[pk] for (pk,) in links]
    return sorted(found, key=lambda item_key: int(item_key[1:]))


def export_document(user: User) -> dict[str, Any]:
    """The bearing-export document: everything the person entered."""
    return snapshot(user).document


def export_json(user: User) -> str:
    """The export as the text of a JSON file."""
    return dumps(export_document(user))


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- The jobs, as a spreadsheet reads them -----------------------------------------------------


# A cell starting with one of these would run as a formula in a spreadsheet program.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What such a cell looks like once an apostrophe keeps it text: an apostrophe, or several,
# then one of those characters.
ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet shows as text: one starting with = + - @ would run as a formula,
    so it starts with an apostrophe. A value that already looks like that gets one more, so
    that reading the cell back (unescape_cell) gives the value exactly."""
    if isinstance(value, str) and (value[:1] in FORMULA_STARTS or ESCAPED.match(value)):
        return "'" + value
    return "" if value is None else value


def unescape_cell(cell: str) -> str:
    """A cell as spreadsheet_safe wrote it, back to its value: the apostrophe it added goes."""
    return cell[1:] if ESCAPED.match(cell) else cell


def jobs_csv(user: User) -> str:
    """The person's jobs, oldest first, one a row; lists are joined with "; ". Five queries."""
    jobs = dated(Job, user)
    benefits = linked(JobBenefit, "job", user, "value")
    skills = linked(JobSkill, "job", user, "skill__name", "gained")
    goals = linked(Job.goals.through, "job", user, "careergoal__title")
    contacts = linked(Job.contacts.through, "job", user, "contact__name")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in jobs:
        links = sorted(skills[row["id"]], key=lambda link: link[0].casefold())
        cells = {
            **written(JobRecord, row),
            "benefits": "; ".join(in_value_order(value for (value,) in benefits[row["id"]])),
            "skills_used": "; ".join(name for name, gained in links if not gained),
            "skills_gained": "; ".join(name for name, gained in links if gained),
            "goals": "; ".join(sorted(title for (title,) in goals[row["id"]])),
            "contacts": "; ".join(sorted(name for (name,) in contacts[row["id"]])),
        }
        writer.writerow([spreadsheet_safe(cells[column]) for column in CSV_COLUMNS])
    return out.getvalue()
