"""Read one person's history for the alignment module, in a fixed number of queries.

The database does the matching. One aggregate query (`weights`) gives, for each job and
each direction asked about, the importance of the target skills the job used or gained,
the priority of the direction's goals (not dropped) it advanced and the weight of the
direction's values it gave, summed; with each direction's totals, and which jobs name
anything at all. Python then only adds small integers (alignment.scoring). Names are read
only for the few jobs a page explains (`explained`). Nothing is kept between requests.

Every query is scoped to the person inside the query.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Case, Exists, F, OuterRef, TextField, Value, When

from alignment import scoring as alignment
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from core import vocabulary
from jobs.models import Job, JobBenefit, JobSkill, Schedule, Stage

TABLES = {
    "job": Job._meta.db_table,
    "jobskill": JobSkill._meta.db_table,
    "jobgoal": Job.goals.through._meta.db_table,
    "jobvalue": JobBenefit._meta.db_table,
    "direction": CareerDirection._meta.db_table,
    "dirskill": DirectionSkill._meta.db_table,
    "dirvalue": DirectionValue._meta.db_table,
    "goal": CareerGoal._meta.db_table,
    "skill": Skill._meta.db_table,
    "jobcontact": Job.contacts.through._meta.db_table,
    "contact": Contact._meta.db_table,
    "learning": Learning._meta.db_table,
    "learningskill": Learning.skills.through._meta.db_table,
}


def _fetch(sql: str, params: list[Any]) -> list[Any]:
    """Rows of one query written in SQL (the table names filled in from TABLES)."""
    with connection.cursor() as cursor:
        cursor.execute(sql.format(**TABLES), params)
        return cursor.fetchall()


def _date(value: str | date | None) -> date | None:
    """A date column read in SQL: SQLite answers text, PostgreSQL a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _marks(values: Collection[object]) -> str:
    return ", ".join(["%s"] * len(values))


# -- directions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    """A direction's row, as the pages show it."""

    id: int
    title: str
    status: str
    started_on: date | None
    ended_on: date | None
    statement: str
    occupation: str


def directions(user: User) -> dict[int, Direction]:
    """The person's directions by id: 1 query."""
    rows = CareerDirection.objects.owned_by(user).order_by("pk")
    columns = ("id", "title", "status", "started_on", "ended_on", "statement", "occupation")
    return {row["id"]: Direction(**row) for row in rows.values(*columns)}


# -- the matching, in the database ----------------------------------------------------------

# What a job gave of a direction: one branch a component, the person's jobs first, then
# their links, then the direction's parts the links meet. Each next table is reached by an
# index on the link's key. SQLite takes CROSS JOIN as that order (without statistics it
# would otherwise probe every part of a direction for every job); PostgreSQL plans it as
# any inner join.
_MATCHED = {
    "skills": (
        "{job} j CROSS JOIN {jobskill} js CROSS JOIN {dirskill} ds",
        "js.job_id = j.id AND ds.skill_id = js.skill_id",
        "ds.direction_id",
        "ds.importance",
        "(SELECT s.name FROM {skill} s WHERE s.id = ds.skill_id)",
    ),
    "goals": (
        "{job} j CROSS JOIN {jobgoal} jg CROSS JOIN {goal} g",
        f"jg.job_id = j.id AND g.id = jg.careergoal_id AND g.status <> '{vocabulary.DROPPED}'",
        "g.direction_id",
        "g.priority",
        "g.title",
    ),
    "values": (
        "{job} j CROSS JOIN {jobvalue} jb CROSS JOIN {dirvalue} dv",
        "jb.job_id = j.id AND dv.value = jb.value",
        "dv.direction_id",
        "dv.weight",
        "dv.value",
    ),
}
# What each direction weighs in all: its target skills, its goals not dropped, its values.
_TOTALS = {
    "skills": ("{dirskill}", "ds", "importance", ""),
    "goals": ("{goal}", "g", "priority", f"AND g.status <> '{vocabulary.DROPPED}'"),
    "values": ("{dirvalue}", "dv", "weight", ""),
}
# Null job ids and names carry a type, so that PostgreSQL can line up the UNION's columns.
_NO_ID = "CAST(NULL AS BIGINT)"


def _theirs(column: str, direction_ids: Collection[object]) -> str:
    """`column` among these direction ids, kept to the person's own."""
    return (
        f"{column} IN (SELECT d.id FROM {{direction}} d "
        f"WHERE d.owner_id = %s AND d.id IN ({_marks(direction_ids)}))"
    )


@dataclass(frozen=True)
class Weights:
    """What the person's jobs gave of some directions, and what those directions weigh."""

    totals: dict  # direction id -> {"skills": (Σ, count), "goals": (Σ, count), "values": …}
    matched: dict  # job id -> {direction id: alignment.Matched}
    linked: frozenset  # the jobs that name any skill, value gained or goal advanced

    def direction(self, row: Direction) -> alignment.DirectionData:
        """A Direction row as alignment.DirectionData."""
        totals = self.totals.get(row.id, {})
        return alignment.DirectionData(
            id=row.id,
            title=row.title,
            status=row.status,
            started_on=row.started_on,
            ended_on=row.ended_on,
            skills_total=totals.get("skills", (0, 0))[0],
            goals_total=totals.get("goals", (0, 0))[0],
            values_total=totals.get("values", (0, 0))[0],
        )

    def counts(self, direction_id: int | None) -> dict[str, int]:
        """How many target skills, goals (not dropped) and values a direction has, and how
        many of its goals are achieved."""
        totals = self.totals.get(direction_id, {})
        return {part: totals.get(part, (0, 0))[1] for part in (*_TOTALS, "achieved")}


def weights(
    user: User, direction_ids: Collection[int], job_ids: Collection[int] | None = None
) -> Weights:
    """What the person's jobs (or `job_ids` of them) gave of `direction_ids`: 1 query."""
    person, jobs_wanted = [user.pk], ""
    if job_ids is not None:
        jobs_wanted = f" AND j.id IN ({_marks(job_ids)})"
        person = [user.pk, *job_ids]
    branches, params = [], []
    if direction_ids:
        for part, (tables, joined, direction, weight, _) in _MATCHED.items():
            branches.append(
                f"SELECT '{part}', j.id, {direction}, SUM({weight}), {_NO_ID} FROM {tables} "
                f"WHERE j.owner_id = %s{jobs_wanted} AND {joined} "
                f"AND {_theirs(direction, direction_ids)} GROUP BY j.id, {direction}"
            )
            params += [*person, user.pk, *direction_ids]
        for part, (table, alias, weight, condition) in _TOTALS.items():
            column = f"{alias}.direction_id"
            branches.append(
                f"SELECT '{part} in all', {_NO_ID}, {column}, SUM({alias}.{weight}), COUNT(*) "
                f"FROM {table} {alias} WHERE {_theirs(column, direction_ids)} {condition} "
                f"GROUP BY {column}"
            )
            params += [user.pk, *direction_ids]
        # The goals already achieved: an offer cannot advance them ("the other is achieved").
        branches.append(
            f"SELECT 'achieved in all', {_NO_ID}, g.direction_id, 0, COUNT(*) FROM {{goal}} g "
            f"WHERE {_theirs('g.direction_id', direction_ids)} "
            f"AND g.status = '{vocabulary.ACHIEVED}' GROUP BY g.direction_id"
        )
        params += [user.pk, *direction_ids]
    named = " OR ".join(
        f"EXISTS (SELECT 1 FROM {{{table}}} x WHERE x.job_id = j.id)"
        for table in ("jobskill", "jobvalue", "jobgoal")
    )
    branches.append(
        f"SELECT 'linked', j.id, {_NO_ID}, 0, {_NO_ID} FROM {{job}} j "
        f"WHERE j.owner_id = %s{jobs_wanted} AND ({named})"
    )
    params += person
    totals: defaultdict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    matched: defaultdict[int, defaultdict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    linked = set()
    for part, job_id, direction_id, total, count in _fetch(" UNION ALL ".join(branches), params):
        if part == "linked":
            linked.add(job_id)
        elif job_id is None:
            totals[direction_id][part.removesuffix(" in all")] = (total, count)
        else:
            matched[job_id][direction_id][part] = total
    return Weights(
        totals=dict(totals),
        matched={
            job_id: {d: alignment.Matched(**parts) for d, parts in by_direction.items()}
            for job_id, by_direction in matched.items()
        },
        linked=frozenset(linked),
    )


@dataclass(frozen=True)
class Explained:
    """What the jobs a page explains matched, by name, and their lessons."""

    names: dict  # (job id, direction id) -> {"skills": [names], "goals": […], "values": […]}
    lessons: dict  # job id -> lessons
    # (job id, direction id) -> {("skills" | "goals" | "values", name): importance 1-3}
    weights: dict = field(default_factory=dict)

    def of(self, job_id: int, direction_id: int | None) -> dict[str, list[str]]:
        return self.names.get((job_id, direction_id), {"skills": [], "goals": [], "values": []})

    def weights_of(self, job_id: int, direction_id: int | None) -> dict[tuple[str, str], int]:
        """How much each thing the job matched matters to the person (1-3), by part and name."""
        return self.weights.get((job_id, direction_id), {})


def explained(
    user: User, pairs: Iterable[tuple[int, int | None]], lessons_of: Collection[int] = ()
) -> Explained:
    """Names of what each (job id, direction id) pair matched, most weighty first, and the
    lessons of the jobs `lessons_of`: 1 query (none when there is nothing to read)."""
    pairs = {pair for pair in pairs if pair[1] is not None}
    job_ids = sorted({job for job, _ in pairs})
    direction_ids = sorted({cast(int, direction) for _, direction in pairs})  # None left out
    branches, params = [], []
    if pairs:
        for part, (tables, joined, direction, weight, name) in _MATCHED.items():
            # A skill the job gained (learned there) is told apart from one it only used.
            said = (
                "CASE WHEN js.gained THEN 'gained' ELSE 'skills' END"
                if part == "skills"
                else (f"'{part}'")
            )
            branches.append(
                f"SELECT {said}, j.id, {direction}, {weight}, {name} FROM {tables} "
                f"WHERE j.owner_id = %s AND j.id IN ({_marks(job_ids)}) AND {joined} "
                f"AND {_theirs(direction, direction_ids)}"
            )
            params += [user.pk, *job_ids, user.pk, *direction_ids]
    if lessons_of:
        branches.append(
            f"SELECT 'lessons', j.id, {_NO_ID}, 0, j.lessons FROM {{job}} j "
            f"WHERE j.owner_id = %s AND j.id IN ({_marks(lessons_of)}) AND j.lessons <> ''"
        )
        params += [user.pk, *lessons_of]
    names: defaultdict[tuple[int, int], dict[str, list[str]]] = defaultdict(
        lambda: {"skills": [], "gained": [], "goals": [], "values": []}
    )
    lessons: dict[int, str] = {}
    weights: defaultdict[tuple[int, int], dict[tuple[str, str], int]] = defaultdict(dict)
    if branches:
        rows = _fetch(" UNION ALL ".join(branches), params)
        for part, job_id, direction_id, weight, text in sorted(
            rows, key=lambda row: (-row[3], row[4].casefold())
        ):
            if part == "lessons":
                lessons[job_id] = text
            elif (job_id, direction_id) in pairs:
                if part == "gained":
                    names[job_id, direction_id]["gained"].append(text)
                    part = "skills"
                names[job_id, direction_id][part].append(text)
                weights[job_id, direction_id][part, text] = weight
    return Explained(names=dict(names), lessons=lessons, weights=dict(weights))


# -- the person's jobs ----------------------------------------------------------------------

JOB_COLUMNS = (
    "id",
    "title",
    "employer",
    "stage",
    "employment_type",
    "started_on",
    "ended_on",
    "identity_fit",
    "schedule",
    "hours_per_week",
    "pay_amount",
    "pay_period",
    "currency",
    "avoid",
    "occupation",
)


def jobs(user: User, ids: Collection[int] | None = None) -> list[Any]:
    """The person's jobs (or these of them) as named rows: 1 query, whatever their number."""
    rows = Job.objects.owned_by(user).order_by()
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    # An offer's description is matched against avoid notes; a held job's is not read.
    offer_text = Case(
        When(stage=Stage.OFFER, then=F("description")),
        default=Value(""),
        output_field=TextField(),
    )
    # Whether it gave money: with the employment type and pay, what makes it paid.
    gave_money = Exists(
        JobBenefit.objects.filter(job=OuterRef("pk"), value=vocabulary.MONEY).order_by()
    )
    return list(
        rows.annotate(offer_text=offer_text, gave_money=gave_money).values_list(
            *JOB_COLUMNS, "offer_text", "gave_money", named=True
        )
    )


SCHEDULE_LABELS = dict(Schedule.choices)


def job_data(row: Any, weights: Weights) -> alignment.JobData:
    """A jobs() row as alignment.JobData, with what it gave (weights)."""
    return alignment.JobData(
        row.id,
        row.title,
        row.employer,
        row.stage,
        row.started_on,
        row.ended_on,
        row.identity_fit,
        row.id in weights.linked,
        weights.matched.get(row.id, alignment.NO_MATCHES),
        row.offer_text,
        SCHEDULE_LABELS.get(row.schedule, ""),
        row.avoid,
        alignment.is_paid(row.employment_type, row.pay_amount, row.gave_money),
    )


def target_skills(
    user: User, direction_ids: Collection[int | None]
) -> dict[int | None, tuple[alignment.TargetSkill, ...]]:
    """{direction id: (TargetSkill, …)}: where each came from (the first held job that gained
    it, or else the first that used it; the first learning completed that taught it), and
    whether any learning teaches it: 1 query (none for no directions). Written in SQL, as the
    ORM spent 1.3 ms building a query the database answers in 0.05."""
    if not direction_ids:
        return {}
    rows = _fetch(
        "SELECT ds.direction_id, s.name, ds.importance, "
        # "taught:Waiter" or "used:Waiter": whether the job gained it, then its title.
        "(SELECT CASE WHEN js.gained THEN 'taught:' ELSE 'used:' END || j.title "
        "FROM {jobskill} js JOIN {job} j ON j.id = js.job_id "
        "WHERE js.skill_id = ds.skill_id AND j.stage = %s "
        "ORDER BY js.gained DESC, j.started_on, j.id LIMIT 1), "
        "(SELECT l.title FROM {learningskill} ls JOIN {learning} l ON l.id = ls.learning_id "
        "WHERE ls.skill_id = ds.skill_id AND l.completed_on IS NOT NULL "
        "ORDER BY l.completed_on, l.id LIMIT 1), "
        "EXISTS (SELECT 1 FROM {learningskill} ls WHERE ls.skill_id = ds.skill_id) "
        "FROM {dirskill} ds JOIN {direction} d ON d.id = ds.direction_id "
        "JOIN {skill} s ON s.id = ds.skill_id "
        f"WHERE d.owner_id = %s AND ds.direction_id IN ({_marks(direction_ids)}) "
        "ORDER BY ds.importance DESC, LOWER(s.name)",
        [Stage.HELD, user.pk, *direction_ids],
    )
    found = defaultdict(list)
    for direction_id, name, importance, job, learning, taught in rows:
        how, _, title = (job or "").partition(":")
        found[direction_id].append(
            alignment.TargetSkill(
                name,
                importance,
                bool(job or learning),
                bool(taught),
                title,
                learning or "",
                how == "taught",
            )
        )
    return {direction_id: tuple(found[direction_id]) for direction_id in direction_ids}


@dataclass(frozen=True)
class Goal:
    """A goal for the next steps and the goals list, with how many held jobs advanced it."""

    data: alignment.GoalData
    advanced_by: int


def goals(user: User, focus_id: int | None) -> list[Goal]:
    """The open goals (for the next steps) and every goal of the focus direction (for the
    goals list), with how many held jobs advanced each: 1 query."""
    statuses = vocabulary.OPEN_GOALS
    wanted = f"g.status IN ({_marks(statuses)})"
    params = [Stage.HELD, user.pk, *statuses]
    if focus_id is not None:
        wanted += " OR g.direction_id = %s"
        params.append(focus_id)
    # id, title, description, status, priority, target date (text on SQLite), direction, count
    rows: list[tuple[int, str, str, str, int, str | date | None, int | None, int]] = _fetch(
        "SELECT g.id, g.title, g.description, g.status, g.priority, g.target_date, "
        "g.direction_id, (SELECT COUNT(*) FROM {jobgoal} jg JOIN {job} j ON j.id = jg.job_id "
        "WHERE jg.careergoal_id = g.id AND j.stage = %s) "
        f"FROM {{goal}} g WHERE g.owner_id = %s AND ({wanted}) "
        "ORDER BY g.priority DESC, g.target_date, g.title, g.id",
        params,
    )
    return [
        Goal(
            data=alignment.GoalData(*row[:5], _date(row[5]), row[6]),
            advanced_by=row[7],
        )
        for row in rows
    ]


def tallies(user: User, focus_id: int | None = None) -> dict[str, Any]:
    """What the held jobs gave: how many gave each value, and each skill gained (learned
    there) with the first held job that gave it; and the values the focus direction asks
    for: 1 query."""
    sql = (
        "SELECT 'value', jb.value, COUNT(*), '' FROM {jobvalue} jb "
        "JOIN {job} j ON j.id = jb.job_id "
        "WHERE j.owner_id = %s AND j.stage = %s GROUP BY jb.value "
        "UNION ALL "
        "SELECT 'skill', s.name, 0, (SELECT j.title FROM {jobskill} js "
        "JOIN {job} j ON j.id = js.job_id WHERE js.skill_id = s.id AND js.gained "
        "AND j.stage = %s ORDER BY j.started_on, j.id LIMIT 1) FROM {skill} s "
        "WHERE s.owner_id = %s AND EXISTS (SELECT 1 FROM {jobskill} js "
        "JOIN {job} j ON j.id = js.job_id WHERE js.skill_id = s.id AND js.gained "
        "AND j.stage = %s)"
    )
    params = [user.pk, Stage.HELD, Stage.HELD, user.pk, Stage.HELD]
    if focus_id is not None:
        sql += (
            " UNION ALL SELECT 'wanted', dv.value, 0, '' FROM {dirvalue} dv "
            "JOIN {direction} d ON d.id = dv.direction_id WHERE d.owner_id = %s AND d.id = %s"
        )
        params += [user.pk, focus_id]
    found: dict[str, Any] = {"value": [], "skill": [], "wanted": set()}
    for kind, name, count, first in _fetch(sql, params):
        if kind == "value":
            found["value"].append((name, count))
        elif kind == "skill":
            found["skill"].append((name, first))
        else:
            found["wanted"].add(name)
    return found


# -- the career story's events ----------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """Something the career story places in a year: a skill first gained, a person first met,
    a goal achieved, learning completed, a job's lessons."""

    kind: str  # "skill", "contact", "goal", "learning", "lesson"
    name: str  # the skill, the person (blank when names are not read), the goal, the title…
    detail: str  # where a person was met, the kind of learning, the lessons' text
    day: date | None  # the date it is placed at (None: a lesson of a job that goes on)
    employer: str = ""  # of the job whose lessons these are


def story_events(user: User, today: date, *, names: bool = True) -> list[Event]:
    """The career story's events, in 1 query: each skill gained in a held job, at the start
    of the first job that gave it; each person met through a held job, at the start of the
    first such job (their name and where they met only with `names`; notes never); goals
    achieved; learning completed; the lessons of the held jobs begun by `today`, at the job's
    end."""
    contact = "c.name, c.context" if names else "'', ''"
    held = Stage.HELD
    rows = _fetch(
        "SELECT 'skill', s.name, '', MIN(j.started_on), '' FROM {jobskill} js "
        "JOIN {job} j ON j.id = js.job_id JOIN {skill} s ON s.id = js.skill_id "
        "WHERE j.owner_id = %s AND j.stage = %s AND js.gained GROUP BY s.id, s.name "
        "UNION ALL "
        f"SELECT 'contact', {contact}, MIN(j.started_on), '' FROM {{jobcontact}} jc "
        "JOIN {job} j ON j.id = jc.job_id JOIN {contact} c ON c.id = jc.contact_id "
        "WHERE j.owner_id = %s AND j.stage = %s GROUP BY c.id, c.name, c.context "
        "UNION ALL "
        "SELECT 'goal', g.title, '', g.achieved_on, '' FROM {goal} g "
        "WHERE g.owner_id = %s AND g.status = %s AND g.achieved_on IS NOT NULL "
        "UNION ALL "
        "SELECT 'learning', l.title, l.kind, l.completed_on, '' FROM {learning} l "
        "WHERE l.owner_id = %s AND l.completed_on IS NOT NULL "
        "UNION ALL "
        "SELECT 'lesson', j.title, j.lessons, j.ended_on, j.employer FROM {job} j "
        "WHERE j.owner_id = %s AND j.stage = %s AND j.lessons <> '' AND j.started_on <= %s",
        [user.pk, held, user.pk, held, user.pk, vocabulary.ACHIEVED, user.pk, user.pk, held, today],
    )
    return [
        Event(kind, name, detail, _date(day), employer)
        for kind, name, detail, day, employer in rows
    ]
