"""Gather one person's rows for the alignment module in a fixed number of queries.

Whatever the size of the history, `gather` runs the same six queries: directions, their
target skills and values (one UNION), goals, jobs, the jobs' skills, benefits and goals
(one UNION), and learning with the skills it teaches. The pure `careers.alignment`
module does the rest.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import BigIntegerField, BooleanField, CharField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from careers import alignment
from careers.models import CareerDirection, CareerGoal, DirectionSkill, DirectionValue, Learning

from .models import Job, JobBenefit, JobSkill, PayPeriod, Schedule

# A typed NULL: PostgreSQL resolves UNION column types left to right, and two untyped
# NULLs would become text before meeting the bigint ids of a later branch.
NO_ID = Cast(Value(None), BigIntegerField())
WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12


@dataclass(frozen=True)
class History:
    """A person's rows as plain data, plus what the pages show beside the scores."""

    directions: tuple[alignment.DirectionData, ...]
    jobs: tuple[alignment.JobData, ...]
    learning: tuple[alignment.LearningData, ...]
    goals: tuple[alignment.GoalData, ...]
    job_rows: dict  # job id -> dict of the job's other fields (pay, hours, lessons…)
    skill_names: dict  # skill id -> name
    gained: dict  # job id -> frozenset of skill ids gained there
    statements: dict  # direction id -> statement


def _direction_links(user):
    """Target skills and values of the person's directions, in one UNION query."""
    skills = (
        DirectionSkill.objects.filter(direction__owner=user)
        .values_list(
            "direction_id",
            "skill_id",
            "skill__name",
            "importance",
            Value("", output_field=CharField()),
        )
        .order_by()
    )
    values = (
        DirectionValue.objects.filter(direction__owner=user)
        .values_list(
            "direction_id",
            NO_ID,
            Value("", output_field=CharField()),
            "weight",
            "value",
        )
        .order_by()
    )
    return skills.union(values, all=True)


def _job_links(user):
    """Skills, benefits and goals of the person's jobs, in one UNION query."""
    skills = (
        JobSkill.objects.filter(job__owner=user)
        .values_list(
            "job_id",
            "skill_id",
            "skill__name",
            "gained",
            Value("", output_field=CharField()),
            NO_ID,
        )
        .order_by()
    )
    benefits = (
        JobBenefit.objects.filter(job__owner=user)
        .values_list(
            "job_id",
            NO_ID,
            Value("", output_field=CharField()),
            Value(False, output_field=BooleanField()),
            "value",
            NO_ID,
        )
        .order_by()
    )
    goals = (
        Job.goals.through.objects.filter(job__owner=user)
        .values_list(
            "job_id",
            NO_ID,
            Value("", output_field=CharField()),
            Value(False, output_field=BooleanField()),
            Value("", output_field=CharField()),
            "careergoal_id",
        )
        .order_by()
    )
    return skills.union(benefits, goals, all=True)


JOB_FIELDS = [
    "id",
    "title",
    "employer",
    "stage",
    "started_on",
    "ended_on",
    "identity_fit",
    "description",
    "schedule",
    "avoid",
    "lessons",
    "hours_per_week",
    "pay_amount",
    "pay_period",
    "currency",
    "employment_type",
]


def gather(user):
    """Load everything alignment needs for one person: six queries, whatever the size."""
    direction_rows = list(
        CareerDirection.objects.owned_by(user).values(
            "id", "title", "status", "started_on", "ended_on", "statement"
        )
    )
    target_skills = defaultdict(list)
    values = defaultdict(list)
    skill_names = {}
    for direction_id, skill_id, name, weight, value in _direction_links(user):
        if skill_id is not None:
            target_skills[direction_id].append(alignment.TargetSkill(skill_id, name, weight))
            skill_names[skill_id] = name
        else:
            values[direction_id].append((value, weight))

    goals = tuple(
        alignment.GoalData(**row)
        for row in CareerGoal.objects.owned_by(user).values(
            "id", "title", "description", "status", "priority", "target_date", "direction_id"
        )
    )
    goals_by_direction = defaultdict(list)
    for goal in goals:
        goals_by_direction[goal.direction_id].append(goal)

    directions = tuple(
        alignment.DirectionData(
            id=row["id"],
            title=row["title"],
            status=row["status"],
            started_on=row["started_on"],
            ended_on=row["ended_on"],
            target_skills=tuple(target_skills[row["id"]]),
            values=tuple(values[row["id"]]),
            goals=tuple(goals_by_direction[row["id"]]),
        )
        for row in direction_rows
    )

    job_rows = {row["id"]: row for row in Job.objects.owned_by(user).values(*JOB_FIELDS)}
    job_skills, gained, benefits, job_goals = (defaultdict(set) for _ in range(4))
    for job_id, skill_id, name, was_gained, value, goal_id in _job_links(user):
        if skill_id is not None:
            job_skills[job_id].add(skill_id)
            skill_names[skill_id] = name
            if was_gained:
                gained[job_id].add(skill_id)
        elif goal_id is not None:
            job_goals[job_id].add(goal_id)
        else:
            benefits[job_id].add(value)
    schedule_labels = dict(Schedule.choices)
    jobs = tuple(
        alignment.JobData(
            id=row["id"],
            title=row["title"],
            employer=row["employer"],
            stage=row["stage"],
            started_on=row["started_on"],
            ended_on=row["ended_on"],
            skill_ids=frozenset(job_skills[row["id"]]),
            goal_ids=frozenset(job_goals[row["id"]]),
            benefits=frozenset(benefits[row["id"]]),
            identity_fit=row["identity_fit"],
            description=row["description"],
            schedule_label=schedule_labels.get(row["schedule"], ""),
            avoid=row["avoid"],
        )
        for row in job_rows.values()
    )

    learning_skills = defaultdict(set)
    learning_rows = {}
    for learning_id, title, completed_on, skill_id, name in Learning.objects.owned_by(
        user
    ).values_list("id", "title", "completed_on", "skills__id", "skills__name"):
        learning_rows[learning_id] = (title, completed_on)
        if skill_id is not None:
            learning_skills[learning_id].add(skill_id)
            skill_names[skill_id] = name
    learning = tuple(
        alignment.LearningData(
            id=learning_id,
            title=title,
            completed_on=completed_on,
            skill_ids=frozenset(learning_skills[learning_id]),
        )
        for learning_id, (title, completed_on) in learning_rows.items()
    )
    return History(
        directions=directions,
        jobs=jobs,
        learning=learning,
        goals=goals,
        job_rows=job_rows,
        skill_names=skill_names,
        gained={job_id: frozenset(ids) for job_id, ids in gained.items()},
        statements={row["id"]: row["statement"] for row in direction_rows},
    )


def annual_pay(row, days=None):
    """A job's pay over a year, as a Decimal in its own currency, or None when unknown.

    Hourly pay needs the hours a week; pay "in total" (a one-off contract) is spread over the
    job's period when it has one.
    """
    amount, period = row["pay_amount"], row["pay_period"]
    if amount is None or not period:
        return None
    if period == PayPeriod.HOUR:
        hours = row["hours_per_week"]
        return None if not hours else amount * hours * WEEKS_A_YEAR
    if period == PayPeriod.WEEK:
        return amount * WEEKS_A_YEAR
    if period == PayPeriod.MONTH:
        return amount * MONTHS_A_YEAR
    if period == PayPeriod.YEAR:
        return amount
    if period == PayPeriod.TOTAL and days:
        return amount * Decimal(365) / Decimal(days)
    return None


def assess_history(history, *, direction_id=None, today=None):
    """Run the alignment over gathered rows (today defaults to the local date)."""
    return alignment.assess(
        jobs=history.jobs,
        directions=history.directions,
        learning=history.learning,
        today=today or timezone.localdate(),
        direction_id=direction_id,
        goals=history.goals,
    )
