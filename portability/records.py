"""Each record of a history (direction, goal, learning, contact, job) described once, as a
ninja `Schema`: its fields in the export's order, each with its type, its default and the
`Check` an imported value must pass.

That one description serves four readers and writers: the export writes each record's fields
in this order (`in_order`), the import checks a file against them (`parser`, used by
portability.document, with Bearing's own messages at their place, `jobs[3].ended_on`), the
API answers with them (portability.api's `JobOut` and `DirectionOut` are these records with an
id for the key), and the jobs' CSV has a column for each field of a job (`CSV_COLUMNS`).
"""

import functools
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from django.db.models import Choices
from ninja import Field, Schema
from pydantic import ConfigDict
from pydantic.fields import FieldInfo

from careers.models import (
    VALUE_ORDER,
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionStatus,
    GoalStatus,
    Learning,
    LearningKind,
    Value,
)
from jobs.models import EmploymentType, Job, PayPeriod, Schedule, Stage
from portability import fields as check
from portability.fields import INVALID, Parse, join, max_length
from portability.problems import Problems, describe


@dataclass(frozen=True)
class Check:
    """How an imported value of a field is checked (its canonical value, or the problem), and
    how the export writes the value a model keeps (as it is, unless `write` says otherwise)."""

    parse: Parse
    write: Callable[[Any], Any] | None = None


def one_of(choices: type[Choices], *, nullable: bool = False) -> Any:
    """A field holding one of the keys of `choices` (null too, when nullable)."""
    return Annotated[
        Literal[tuple(choices.values)],
        Check(check.choice(choices, nullable=nullable)),
    ]


def titled(model: Any) -> Any:
    """A record's name: text that is not empty, as long as the model's column allows."""
    return Annotated[str, Check(check.text(max_length(model, "title"), blank=False))]


def free_text(model: Any = None, field: str = "") -> Any:
    """Free text, empty when left out; as long as the model's column allows, or TEXT_LIMIT."""
    limit = max_length(model, field) if model else check.TEXT_LIMIT
    return Annotated[str, Check(check.text(limit))]


Key = Annotated[str, Check(check.key)]
Reference = Annotated[str, Check(check.reference)]  # another record's key
Day = Annotated[date, Check(check.iso_date, write=date.isoformat)]
SkillName = Annotated[str, Check(check.skill_name)]
Occupation = Annotated[str, Check(check.occupation)]
Importance = Annotated[int, Check(check.integer(1, 3))]
Rating = Annotated[int, Check(check.integer(1, 5, nullable=True))]
Hours = Annotated[int | float, Check(check.hours, write=check.canonical_hours)]
Money = Annotated[str, Check(check.money, write=lambda amount: f"{amount:.2f}")]
Currency = Annotated[str, Check(check.currency(nullable=True))]

OCCUPATION = "An O*NET-SOC code, or null."


class Record(Schema):
    """A record of the export. Every field is in what the API answers, so the API's
    description calls each one required, defaults and all."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


class TargetSkillRecord(Record):
    skill: SkillName
    importance: Importance = Field(2, ge=1, le=3, description="1 nice, 2 important, 3 essential.")


class ValueRecord(Record):
    value: one_of(Value)
    weight: Importance = Field(2, ge=1, le=3)


class DirectionRecord(Record):
    """A direction: `directions[]` of a bearing-export file."""

    key: Key
    title: titled(CareerDirection)
    occupation: Occupation | None = Field(None, description=OCCUPATION)
    statement: free_text() = ""
    status: one_of(DirectionStatus) = DirectionStatus.CURRENT.value
    started_on: Day | None = None
    ended_on: Day | None = None
    target_skills: list[TargetSkillRecord] = []
    values: list[ValueRecord] = []


class GoalRecord(Record):
    """A goal: `goals[]`; its direction is named by the direction's key."""

    key: Key
    direction: Reference | None = None
    title: titled(CareerGoal)
    description: free_text() = ""
    status: one_of(GoalStatus) = GoalStatus.ACTIVE.value
    priority: Importance = 2
    target_date: Day | None = None
    achieved_on: Day | None = None


class LearningRecord(Record):
    """A course, degree or other learning: `learning[]`."""

    key: Key
    title: titled(Learning)
    provider: free_text(Learning, "provider") = ""
    kind: one_of(LearningKind) = LearningKind.COURSE.value
    started_on: Day | None = None
    completed_on: Day | None = None
    skills: list[SkillName] = []


class ContactRecord(Record):
    """A person met: `contacts[]`."""

    key: Key
    name: Annotated[str, Check(check.text(max_length(Contact, "name"), blank=False))]
    context: free_text(Contact, "context") = ""
    notes: free_text() = ""
    last_contacted_on: Day | None = None


class JobSkillRecord(Record):
    skill: SkillName
    gained: Annotated[bool, Check(check.boolean)] = False


class JobRecord(Record):
    """A held job or an offer: `jobs[]`; its goals and contacts are named by their keys."""

    key: Key
    title: titled(Job)
    occupation: Occupation | None = Field(None, description=OCCUPATION)
    employer: free_text(Job, "employer") = ""
    employment_type: one_of(EmploymentType) = EmploymentType.FULL_TIME.value
    started_on: Day | None = None
    ended_on: Day | None = None
    hours_per_week: Hours | None = None
    schedule: one_of(Schedule, nullable=True) | None = None
    pay_amount: Money | None = Field(None, description='A decimal string, e.g. "11.50".')
    pay_period: one_of(PayPeriod, nullable=True) | None = None
    currency: Currency | None = None
    benefits: list[one_of(Value)] = Field([], description="Values the job gave, by their keys.")
    skills: list[JobSkillRecord] = []
    goals: list[Reference] = []
    contacts: list[Reference] = []
    stage: one_of(Stage) = Stage.HELD.value
    satisfaction: Rating | None = None
    identity_fit: Rating | None = None
    description: free_text() = ""
    lessons: free_text() = ""
    avoid: free_text() = ""


class ProfileRecord(Record):
    currency: Annotated[str, Check(check.currency(nullable=False))]


class DocumentRecord(Record):
    """A whole bearing-export file. Its format and version are checked first, on their own
    (portability.document.check_format)."""

    format: Annotated[str, Check(check.text())]
    version: Annotated[int, Check(lambda value, path, problems: value)]
    profile: ProfileRecord | None = None
    skills: list[SkillName] = []
    directions: list[DirectionRecord] = []
    goals: list[GoalRecord] = []
    learning: list[LearningRecord] = []
    contacts: list[ContactRecord] = []
    jobs: list[JobRecord] = []


COLLECTIONS = ("directions", "goals", "learning", "contacts", "jobs")


# --- The import's check of a record, from its description ------------------------------------


@functools.cache
def parser(schema: type[Schema]) -> Parse:
    """The check of an object against a record: exactly its fields (an unknown key is a
    problem, a missing one takes its default or is a problem when required), in its order."""
    fields = [
        (name, parse_of(info), info.is_required(), info.default)
        for name, info in schema.model_fields.items()
    ]
    known = frozenset(name for name, *_ in fields)

    def parse(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, dict):
            problems.add(path, f"expected an object, got {describe(value)}")
            return INVALID
        for name in getattr(value, "duplicates", ()):
            problems.add(join(path, name), "appears twice in the same object")
        result: dict[str, Any] = {}
        for name, parse_field, required, default in fields:
            if name in value:
                result[name] = parse_field(value[name], join(path, name), problems)
            elif required:
                problems.add(join(path, name), "missing")
                result[name] = INVALID
            else:
                result[name] = list(default) if isinstance(default, list) else default
        for name in value:
            if name not in known:
                problems.add(join(path, name), "unknown key")
        return result

    return parse


def parse_of(info: FieldInfo) -> Parse:
    """A field's check: its own `Check`, or one made of its type's (a list, a record, null)."""
    return _parse_of_type(info.annotation, tuple(info.metadata))


def _parse_of_type(annotation: Any, metadata: tuple[Any, ...] = ()) -> Parse:
    for item in metadata:
        if isinstance(item, Check):
            return item.parse
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _parse_of_type(arguments[0], arguments[1:])
    if origin in (Union, types.UnionType):
        (kept,) = (argument for argument in arguments if argument is not type(None))
        return check.optional(_parse_of_type(kept))
    if origin is list:
        return check.many(_parse_of_type(arguments[0]))
    if isinstance(annotation, type) and issubclass(annotation, Schema):
        return parser(annotation)
    raise TypeError(f"{annotation!r} has no Check")


@functools.cache
def own_fields(schema: type[Schema]) -> tuple[str, ...]:
    """A record's own values, which the model keeps in columns of the same names: not its key,
    its lists (links to skills, values, goals…) or what it points at (another's key)."""
    return tuple(
        name
        for name, info in schema.model_fields.items()
        if name != "key" and get_origin(info.annotation) is not list and not points(info)
    )


def own_values(schema: type[Schema], entry: Mapping[str, Any]) -> tuple[Any, ...]:
    """An entry's own values (`own_fields`), in the record's order."""
    return tuple(entry[name] for name in own_fields(schema))


def written(schema: type[Schema], row: Mapping[str, Any]) -> dict[str, Any]:
    """A model row's own values (`own_fields`) as the export writes them: dates in ISO form,
    hours and money as the record says, an empty text the record allows to be null as null."""
    return {name: write(row[name]) for name, write in _writers(schema)}


@functools.cache
def _writers(schema: type[Schema]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    writers = []
    for name in own_fields(schema):
        info = schema.model_fields[name]
        nullable = get_origin(info.annotation) in (Union, types.UnionType)
        found = [item.write for item in checks(info) if item.write]
        writers.append((name, _writer(found[0] if found else None, nullable=nullable)))
    return tuple(writers)


def _writer(write: Callable[[Any], Any] | None, *, nullable: bool) -> Callable[[Any], Any]:
    def written_value(value: Any) -> Any:
        if value is None or (nullable and value == ""):
            return None
        return write(value) if write else value

    return written_value


def checks(info: FieldInfo) -> list[Check]:
    """The Checks a field's annotation holds (inside null or not)."""
    found = [item for item in info.metadata if isinstance(item, Check)]
    for argument in get_args(info.annotation):
        if get_origin(argument) is Annotated:
            found += [item for item in get_args(argument)[1:] if isinstance(item, Check)]
    return found


def points(info: FieldInfo) -> bool:
    """Whether a field holds another record's key (perhaps null)."""
    return any(item.parse is check.reference for item in checks(info))


def in_value_order(values: Iterable[str]) -> list[str]:
    """Values (a job's benefits) in the order the export lists them, Value's own."""
    return sorted(values, key=VALUE_ORDER.__getitem__)


def value_link_order(value: str, weight: int) -> tuple[int, int]:
    """Where a direction's value stands in the export's list: the weightiest first, then in
    Value's own order."""
    return (-weight, VALUE_ORDER[value])


# --- The export's records, and the spreadsheet's columns -------------------------------------


def in_order(schema: type[Schema], values: Mapping[str, Any]) -> dict[str, Any]:
    """A record as the export writes it: the schema's fields, in its order (a field the
    values lack or one the schema lacks is a mistake in the export, and fails here)."""
    if values.keys() != schema.model_fields.keys():
        raise KeyError(f"{schema.__name__}: {sorted(values.keys() ^ schema.model_fields.keys())}")
    return {name: values[name] for name in schema.model_fields}


def csv_columns() -> list[str]:
    """The jobs' CSV: a column for each field of a job, but its key (a row is a job) and its
    skills, which are two columns, the skills used and the skills gained."""
    columns: list[str] = []
    for name in JobRecord.model_fields:
        if name == "skills":
            columns += ["skills_used", "skills_gained"]
        elif name != "key":
            columns.append(name)
    return columns


CSV_COLUMNS = csv_columns()
