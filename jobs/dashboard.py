"""Read one person's rows for the alignment module in a fixed number of queries.

Whatever the size of the history, `load` runs the same queries: the careers side
(directions, their target skills and values in one UNION, goals, learning with the skills
it teaches) once per careers version; then, the first time, every job's row and its skills,
values and goals (one UNION); after that, every job's id and revision, then the rows and
links of only the jobs this process has not seen at their current revision.
`assess_history` scores again only those jobs; the pure `careers.alignment` module does the
scoring and the summing up. What is kept between requests, and why it stays correct, is in
jobs.cache.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import BigIntegerField, BooleanField, CharField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from careers import alignment
from careers.models import CareerDirection, CareerGoal, DirectionSkill, DirectionValue, Learning

from .cache import people, versions
from .models import Job, JobBenefit, JobSkill, PayPeriod, Schedule

# A typed NULL: PostgreSQL resolves UNION column types left to right, and two untyped
# NULLs would become text before meeting the bigint ids of a later branch.
NO_ID = Cast(Value(None), BigIntegerField())
WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12
# Past this many jobs to read again, one query for all the person's jobs beats a long IN list.
READ_ALL_OVER = 200


@dataclass(frozen=True)
class CareersSide:
    """A person's directions, goals and learning as plain data."""

    directions: tuple[alignment.DirectionData, ...]
    learning: tuple[alignment.LearningData, ...]
    goals: tuple[alignment.GoalData, ...]
    statements: dict  # direction id -> statement


@dataclass(frozen=True)
class JobEntry:
    """One job as plain data, with what the pages show beside its score."""

    data: alignment.JobData
    row: dict  # the job's other fields (pay, hours, lessons…)
    gained: tuple[str, ...]  # names of the skills gained there


def _for_today(by_day, today):
    """`by_day[today]`, made empty when missing; other days are dropped, as they will not be
    asked for again. Safe with several threads: each day has its own dict."""
    for day in list(by_day):
        if day != today:
            by_day.pop(day, None)
    return by_day.setdefault(today, {})


class History:
    """A person's rows as plain data: the careers side and every job, newest read."""

    def __init__(self, careers, entries, revisions, person):
        self.directions = careers.directions
        self.learning = careers.learning
        self.goals = careers.goals
        self.statements = careers.statements
        self.entries = entries  # job id -> JobEntry
        self.jobs = tuple(entry.data for entry in entries.values())
        self._revisions = revisions
        self._person = person

    def revision(self, job_id):
        return self._revisions[job_id]

    def kept(self, name, today):
        """A dict this process keeps for the person until the date or their careers side
        changes, for values named by what they depend on (jobs.explain's cards)."""
        return _for_today(self._person.kept, today).setdefault(name, {})


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


def _job_links(jobs):
    """Skills, benefits and goals of these jobs (a queryset of them), in one UNION query."""
    skills = (
        JobSkill.objects.filter(job__in=jobs)
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
        JobBenefit.objects.filter(job__in=jobs)
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
        Job.goals.through.objects.filter(job__in=jobs)
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
    "revision",
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


def _careers_side(user):
    """Directions with their target skills, values and goals; goals; learning: 4 queries."""
    direction_rows = list(
        CareerDirection.objects.owned_by(user).values(
            "id", "title", "status", "started_on", "ended_on", "statement"
        )
    )
    target_skills = defaultdict(list)
    values = defaultdict(list)
    for direction_id, skill_id, name, weight, value in _direction_links(user):
        if skill_id is not None:
            target_skills[direction_id].append(alignment.TargetSkill(skill_id, name, weight))
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

    learning_skills = defaultdict(set)
    learning_rows = {}
    for learning_id, title, completed_on, skill_id in Learning.objects.owned_by(user).values_list(
        "id", "title", "completed_on", "skills__id"
    ):
        learning_rows[learning_id] = (title, completed_on)
        if skill_id is not None:
            learning_skills[learning_id].add(skill_id)
    learning = tuple(
        alignment.LearningData(
            id=learning_id,
            title=title,
            completed_on=completed_on,
            skill_ids=frozenset(learning_skills[learning_id]),
        )
        for learning_id, (title, completed_on) in learning_rows.items()
    )
    return CareersSide(
        directions=directions,
        learning=learning,
        goals=goals,
        statements={row["id"]: row["statement"] for row in direction_rows},
    )


def _read_jobs(user, ids=None):
    """Entries for these job ids, or for all the person's jobs when `ids` is None: 2 queries
    (none for no ids)."""
    if ids is not None and not ids:
        return {}
    jobs = Job.objects.owned_by(user).order_by()  # in no order: the summary sorts
    if ids is not None:
        jobs = jobs.filter(pk__in=ids)
    rows = {row["id"]: row for row in jobs.values(*JOB_FIELDS)}
    skills, gained, benefits, goals = (defaultdict(set) for _ in range(4))
    for job_id, skill_id, name, was_gained, value, goal_id in _job_links(jobs.values("pk")):
        if skill_id is not None:
            skills[job_id].add(skill_id)
            if was_gained:
                gained[job_id].add(name)
        elif goal_id is not None:
            goals[job_id].add(goal_id)
        else:
            benefits[job_id].add(value)
    schedule_labels = dict(Schedule.choices)
    return {
        job_id: (
            row["revision"],
            JobEntry(
                data=alignment.JobData(
                    id=job_id,
                    title=row["title"],
                    employer=row["employer"],
                    stage=row["stage"],
                    started_on=row["started_on"],
                    ended_on=row["ended_on"],
                    skill_ids=frozenset(skills[job_id]),
                    goal_ids=frozenset(goals[job_id]),
                    benefits=frozenset(benefits[job_id]),
                    identity_fit=row["identity_fit"],
                    description=row["description"],
                    schedule_label=schedule_labels.get(row["schedule"], ""),
                    avoid=row["avoid"],
                ),
                row=row,
                gained=tuple(sorted(gained[job_id], key=str.casefold)),
            ),
        )
        for job_id, row in rows.items()
    }


def load(user, known=None):
    """Everything alignment needs for one person, reading only what this process lacks.

    `known` is the person's `Versions`, when the caller has read them already (jobs.cache).
    """
    known = known or versions(user)
    person = people.get(user.pk, known)
    if person.careers is None:
        person.careers = _careers_side(user)
    if not person.jobs:
        # Nothing kept (a first visit, or since a careers change): read every job at once.
        kept = _read_jobs(user)
        revisions = {job_id: revision for job_id, (revision, _) in kept.items()}
    else:
        revisions = dict(Job.objects.owned_by(user).order_by().values_list("id", "revision"))
        kept = person.jobs
        stale = [
            job_id
            for job_id, revision in revisions.items()
            if kept.get(job_id, (None,))[0] != revision
        ]
        fresh = _read_jobs(user, None if len(stale) > READ_ALL_OVER else stale)
        # A new dict, never one changed in place: another thread may be reading the old one.
        kept = {job_id: kept[job_id] for job_id in revisions if job_id in kept}
        kept.update(fresh)
    person.jobs = kept
    people.kept(person)
    entries = {job_id: kept[job_id][1] for job_id in revisions if job_id in kept}
    return History(person.careers, entries, revisions, person)


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
    """Run the alignment over loaded rows (today defaults to the local date).

    A held job's score is reused while its revision, the careers version and the date stay
    the same; offers are always scored again, since their flags read every held job.
    """
    today = today or timezone.localdate()
    person = history._person
    the_plan = person.plans.get(direction_id)
    if the_plan is None:
        the_plan = alignment.plan(history.directions, direction_id)
        person.plans[direction_id] = the_plan
    kept = _for_today(person.results, today).get(direction_id, {})
    held = [job for job in history.jobs if job.stage == alignment.HELD]
    results, scored = [], {}
    for job in history.jobs:
        revision = history._revisions[job.id]
        if job.stage == alignment.HELD:
            old = kept.get(job.id)
            if old is not None and old[0] == revision:
                result = old[1]
            else:
                result = alignment.job_result(job, the_plan, held, today)
            scored[job.id] = (revision, result)
        else:
            result = alignment.job_result(job, the_plan, held, today)
        results.append(result)
    _for_today(person.results, today)[direction_id] = scored
    return alignment.summarise(the_plan, results, history.learning, today, history.goals)
