"""An import set against the account: what it adds, what is already there; then written.

Skills are matched by folded name and reused. Any entry that is an exact copy of one the
person already has (every field, its skills and values, and what it points at) is not added
again, so importing the same file twice adds nothing the second time. Entries repeated
inside one file are kept: a file imported into an empty account recreates it exactly.

A spreadsheet names goals by title and contacts by name only; those collections are matched
by name (`by_name`): a goal the person has with that title is the one meant.
"""

import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import DateField, DecimalField, Field, Model

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionStatus,
    DirectionValue,
    Learning,
    Skill,
)
from core import words
from core.models import bump_data_version
from core.words import fold_name, joined
from jobs.models import EmploymentType, Job, JobBenefit, JobSkill, Stage
from portability.document import COLLECTIONS
from portability.export import snapshot
from portability.problems import Problem, Rejected, quoted
from portability.records import (
    ContactRecord,
    DirectionRecord,
    GoalRecord,
    JobRecord,
    LearningRecord,
    Record,
    own_fields,
    own_values,
)

SHOWN = 100  # entries listed by name in a preview section; the rest are counted

counted = words.counted_records

# How an added entry's pointer (a goal's direction) is found from the entry.
Pointer = Callable[[dict[str, Any]], Any]

# Where a document entry points: ("existing", key) or ("new", key), or None when nowhere.
Refs = Callable[[str, str | None], tuple[str, str] | None]


@dataclass(frozen=True)
class Entry:
    """An entry a preview lists as added; `similar` names one the person has that looks the
    same (same title and employer) but differs in some detail."""

    name: str
    similar: str | None = None
    key: str | None = None  # the file's key of a look-alike job, for the box that leaves it out


@dataclass(frozen=True)
class Section:
    """One kind of entry in a preview: those added (Entry) and the names of those kept."""

    collection: str
    added: list
    kept: list

    @property
    def title(self) -> str:
        return words.COLLECTIONS[self.collection][1].capitalize()

    @property
    def added_shown(self) -> list[Entry]:
        return self.added[:SHOWN]

    @property
    def added_more(self) -> int:
        return max(len(self.added) - SHOWN, 0)

    @property
    def kept_shown(self) -> list[str]:
        return self.kept[:SHOWN]

    @property
    def kept_more(self) -> int:
        return max(len(self.kept) - SHOWN, 0)


@dataclass
class Plan:
    """What importing a (canonical) document into an account would do."""

    document: dict
    new_skills: list = field(default_factory=list)
    known_skills: list = field(default_factory=list)
    currency: tuple | None = None  # (from, to) when the file changes the person's currency
    add: dict = field(default_factory=dict)  # collection → indexes of the entries to add
    kept: dict = field(default_factory=dict)  # collection → indexes already in the account
    matched: dict = field(default_factory=dict)  # collection → file key → existing id
    skill_ids: dict = field(default_factory=dict)  # folded name → existing id
    similar: dict = field(default_factory=dict)  # index of a job added → a look-alike's label
    left_out: list = field(default_factory=list)  # look-alike jobs the person chose to leave out

    @property
    def adds_anything(self) -> bool:
        return bool(self.new_skills or self.currency or any(self.add.values()))

    @property
    def undescribed(self) -> int:
        """How many of the jobs added say nothing to score yet: no skills, no values, no goals
        and no rating of their fit (an imported LinkedIn position, say)."""
        jobs = self.document["jobs"]
        return sum(1 for index in self.add["jobs"] if not describes(jobs[index]))

    def kinds_of_work(self) -> str:
        """The kinds of work the jobs added come in as: "2 full time and 1 volunteer" (a file
        that does not say is read as full time), or "" when no job is added."""
        jobs = self.document["jobs"]
        kinds = Counter(jobs[index]["employment_type"] for index in self.add["jobs"])
        return joined(
            f"{count} {EmploymentType(kind).label.lower()}"
            for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        )

    def summary(self) -> str:
        """ "2 jobs, 1 goal and 3 new skills", or "nothing new"."""
        phrases = [counted(len(self.add[name]), name) for name in ORDER if self.add[name]]
        if self.new_skills:
            phrases.append(counted(len(self.new_skills), "skills").replace(" ", " new ", 1))
        return joined(phrases) or "nothing new"

    def kept_summary(self) -> str:
        phrases = [counted(len(self.kept[name]), name) for name in ORDER if self.kept[name]]
        return joined(phrases)

    def sections(self) -> list[Section]:
        """The preview's sections, in the order a person reads their history."""
        result = []
        for name in ORDER:
            entries = self.document[name]
            similar = self.similar if name == "jobs" else {}
            added = [
                Entry(label(name, entries[index]), similar.get(index), entries[index]["key"])
                for index in self.add[name]
            ]
            kept = [label(name, entries[index]) for index in self.kept[name]]
            if added or kept:
                result.append(Section(name, added, kept))
        if self.new_skills or self.known_skills:
            added = [Entry(skill) for skill in self.new_skills]
            result.append(Section("skills", added, self.known_skills))
        return result


ORDER = ("jobs", "directions", "goals", "learning", "contacts")


def label(collection: str, item: dict[str, Any]) -> str:
    """An entry as the preview names it."""
    if collection == "jobs":
        name = ", ".join(part for part in (item["title"], item["employer"]) if part)
        if item["stage"] == Stage.OFFER:
            return f"{name} (offer)"
        return f"{name} ({month(item['started_on'])} – {month(item['ended_on']) or 'ongoing'})"
    if collection == "directions":
        return f"{item['title']} ({item['status']})"
    if collection == "learning":
        if item["provider"] and item["provider"] != item["title"]:
            return f"{item['title']} — {item['provider']}"
        return item["title"]
    if collection == "contacts":
        return item["name"]
    return item["title"]


def month(day: str | None) -> str:
    return date.fromisoformat(day).strftime("%b %Y") if day else ""


def describes(job: dict[str, Any]) -> bool:
    """Whether a job of a document tells anything the alignment can score."""
    return bool(job["skills"] or job["benefits"] or job["goals"]) or job["identity_fit"] is not None


# --- What is the same ------------------------------------------------------------------------


def direction_signature(item: dict[str, Any], refs: Refs) -> tuple[Any, ...]:
    return (
        *own_values(DirectionRecord, item),
        frozenset((fold_name(link["skill"]), link["importance"]) for link in item["target_skills"]),
        frozenset((link["value"], link["weight"]) for link in item["values"]),
    )


def goal_signature(item: dict[str, Any], refs: Refs) -> tuple[Any, ...]:
    return (refs("directions", item["direction"]), *own_values(GoalRecord, item))


def learning_signature(item: dict[str, Any], refs: Refs) -> tuple[Any, ...]:
    return (*own_values(LearningRecord, item), frozenset(map(fold_name, item["skills"])))


def contact_signature(item: dict[str, Any], refs: Refs) -> tuple[Any, ...]:
    return own_values(ContactRecord, item)


def job_signature(item: dict[str, Any], refs: Refs) -> tuple[Any, ...]:
    return (
        *own_values(JobRecord, item),
        frozenset(item["benefits"]),
        frozenset((fold_name(link["skill"]), link["gained"]) for link in item["skills"]),
        frozenset(refs("goals", goal) for goal in item["goals"]),
        frozenset(refs("contacts", contact) for contact in item["contacts"]),
    )


SIGNATURES = {
    "directions": direction_signature,
    "goals": goal_signature,
    "learning": learning_signature,
    "contacts": contact_signature,
    "jobs": job_signature,
}
# Matched by name alone, for a file that names them and nothing else about them.
NAME_SIGNATURES = {
    "goals": lambda item, refs: fold_name(item["title"]),
    "contacts": lambda item, refs: fold_name(item["name"]),
}


def plan_import(
    *,
    user: User,
    document: dict[str, Any],
    by_name: Collection[str] = (),
    leave_out: Collection[str] = frozenset(),
) -> Plan:
    """Set a canonical document against the person's data. Rejected on a conflict.

    The collections in `by_name` (goals, contacts) are matched by title or name alone.
    `leave_out` holds the file keys of look-alike jobs (same title and employer as one the
    person has) that the person unticked in the preview: they are not added. Only a
    look-alike can be left out this way; any other key in it is ignored."""
    existing = snapshot(user)
    plan = Plan(document=document)

    known = {fold_name(name): name for name in existing.document["skills"]}
    plan.skill_ids = {fold_name(name): pk for name, pk in existing.ids["skills"].items()}
    for name in document["skills"]:
        if fold_name(name) in known:
            plan.known_skills.append(known[fold_name(name)])
        else:
            plan.new_skills.append(name)

    current_currency = existing.document["profile"]["currency"]
    wanted_currency = document.get("profile", {}).get("currency", current_currency)
    if wanted_currency != current_currency:
        plan.currency = (current_currency, wanted_currency)

    # A file key that matched an existing entry points where that entry points.
    matched_keys: dict[str, dict[str, str]] = {name: {} for name in COLLECTIONS}

    def file_ref(collection: str, item_key: str | None) -> tuple[str, str] | None:
        if item_key is None:
            return None
        if item_key in matched_keys[collection]:
            return ("existing", matched_keys[collection][item_key])
        return ("new", item_key)

    def existing_ref(collection: str, item_key: str | None) -> tuple[str, str] | None:
        return None if item_key is None else ("existing", item_key)

    for name in COLLECTIONS:
        signature = NAME_SIGNATURES[name] if name in by_name else SIGNATURES[name]
        pool: defaultdict[Any, list[str]] = defaultdict(list)
        for item in existing.document[name]:
            pool[signature(item, existing_ref)].append(item["key"])
        plan.add[name], plan.kept[name], plan.matched[name] = [], [], {}
        for index, item in enumerate(document[name]):
            same = pool.get(signature(item, file_ref))
            if same:
                existing_key = same.pop(0)
                matched_keys[name][item["key"]] = existing_key
                plan.matched[name][item["key"]] = existing.ids[name][existing_key]
                plan.kept[name].append(index)
            else:
                plan.add[name].append(index)

    look_alikes = {job_name(item): label("jobs", item) for item in existing.document["jobs"]}
    for index in plan.add["jobs"]:
        look_alike = look_alikes.get(job_name(document["jobs"][index]))
        if look_alike:
            plan.similar[index] = look_alike
    if leave_out:
        jobs = document["jobs"]
        plan.left_out = [i for i in plan.similar if jobs[i]["key"] in leave_out]
        plan.add["jobs"] = [i for i in plan.add["jobs"] if i not in plan.left_out]

    check_one_current(plan, existing.document["directions"])
    return plan


def job_name(item: dict[str, Any]) -> tuple[str, str]:
    return (fold_name(item["title"]), fold_name(item["employer"]))


def check_one_current(plan: Plan, existing_directions: list[dict[str, Any]]) -> None:
    current = next(
        (item for item in existing_directions if item["status"] == DirectionStatus.CURRENT), None
    )
    if current is None:
        return
    problems = [
        Problem(
            f"directions[{index}].status",
            f"you already have a current direction, {quoted(current['title'])}; only one can be "
            "current. Mark one of them past or considering first.",
        )
        for index in plan.add["directions"]
        if plan.document["directions"][index]["status"] == DirectionStatus.CURRENT
    ]
    if problems:
        raise Rejected(problems)


# --- Writing ---------------------------------------------------------------------------------


def apply_import(
    *,
    user: User,
    document: dict[str, Any],
    by_name: Collection[str] = (),
    leave_out: Collection[str] = frozenset(),
) -> Plan:
    """Write what the plan adds, all of it or nothing, and mark the person's data changed.

    Rows go in with bulk inserts (no signals), so the data version is bumped once at the end.
    """
    with transaction.atomic():
        # One import at a time per person: the second waits, then sees the first's rows.
        profile, _ = Profile.objects.select_for_update().get_or_create(owner=user)
        plan = plan_import(user=user, document=document, by_name=by_name, leave_out=leave_out)
        if plan.currency:
            profile.currency = plan.currency[1]
            Profile.objects.filter(pk=profile.pk).update(currency=profile.currency)
        write(user, plan)
        bump_data_version(user.id)
    return plan


def write(user: User, plan: Plan) -> None:
    document = plan.document
    skill_ids = dict(plan.skill_ids)
    created = Skill.objects.bulk_create(Skill(owner=user, name=name) for name in plan.new_skills)
    skill_ids.update({fold_name(skill.name): skill.pk for skill in created})

    def skill_id(name: str) -> int:
        return skill_ids[fold_name(name)]

    ids = {name: dict(plan.matched[name]) for name in COLLECTIONS}

    def insert(
        collection: str, record: type[Record], model: type[Model], **pointers: Pointer
    ) -> list[tuple[int, dict[str, Any]]]:
        """Add the plan's new entries of a collection; (row id, entry) for each."""
        entries = [document[collection][index] for index in plan.add[collection]]
        made = (
            model(
                owner=user,
                **stored(record, model, entry),
                **{name: point(entry) for name, point in pointers.items()},
            )
            for entry in entries
        )
        rows = cast(Any, model).objects.bulk_create(made)  # each has `objects`
        for entry, row in zip(entries, rows, strict=True):
            ids[collection][entry["key"]] = row.pk
        return [(row.pk, entry) for entry, row in zip(entries, rows, strict=True)]

    def each(inserted: list[tuple[int, dict[str, Any]]], name: str) -> Iterator[tuple[int, Any]]:
        """(row id, link) for every link of every inserted entry (a job's skills, say)."""
        return ((pk, link) for pk, entry in inserted for link in entry[name])

    directions = insert("directions", DirectionRecord, CareerDirection)
    insert_links(
        DirectionSkill,
        ("direction", "skill", "importance"),
        (
            (pk, skill_id(link["skill"]), link["importance"])
            for pk, link in each(directions, "target_skills")
        ),
    )
    insert_links(
        DirectionValue,
        ("direction", "value", "weight"),
        ((pk, link["value"], link["weight"]) for pk, link in each(directions, "values")),
    )
    insert(
        "goals",
        GoalRecord,
        CareerGoal,
        direction_id=lambda goal: ids["directions"].get(goal["direction"]),
    )
    learning = insert("learning", LearningRecord, Learning)
    insert_links(
        Learning.skills.through,
        ("learning", "skill"),
        ((pk, skill_id(name)) for pk, name in each(learning, "skills")),
    )
    insert("contacts", ContactRecord, Contact)
    jobs = insert("jobs", JobRecord, Job)
    insert_links(
        JobSkill,
        ("job", "skill", "gained"),
        ((pk, skill_id(link["skill"]), link["gained"]) for pk, link in each(jobs, "skills")),
    )
    insert_links(JobBenefit, ("job", "value"), each(jobs, "benefits"))
    insert_links(
        Job.goals.through,
        ("job", "careergoal"),
        ((pk, ids["goals"][goal]) for pk, goal in each(jobs, "goals")),
    )
    insert_links(
        Job.contacts.through,
        ("job", "contact"),
        ((pk, ids["contacts"][contact]) for pk, contact in each(jobs, "contacts")),
    )


LINK_BATCH = 10_000


def insert_links(
    model: type[Model], fields: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Insert link rows, given as tuples in the order of `fields`, in bulk.

    Links need no ids back and no model instances: PostgreSQL takes them by COPY, other
    databases by batched INSERTs. For a million links this is seconds, where bulk_create's
    one model instance a row took half a minute and most of a gigabyte.
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(cast(Field, model._meta.get_field(name)).column) for name in fields)
    table = quote(model._meta.db_table)
    rows = iter(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
        while batch := list(itertools.islice(rows, LINK_BATCH)):
            cursor.executemany(sql, batch)


def stored(record: type[Record], model: type[Model], item: dict[str, Any]) -> dict[str, Any]:
    """A checked entry's own values as the model's columns take them: dates as dates, numbers
    as decimals, a null in a text column as ""."""
    values = {}
    for name, column in columns(record, model):
        value = item[name]
        if value is None:
            value = None if column.null else ""
        elif isinstance(column, DateField):
            value = date.fromisoformat(value)
        elif isinstance(column, DecimalField):
            value = Decimal(str(value))
        values[name] = value
    return values


@functools.cache
def columns(record: type[Record], model: type[Model]) -> list[tuple[str, Field]]:
    return [(name, cast(Field, model._meta.get_field(name))) for name in own_fields(record)]
