"""One reading of a person's history, used by every page that judges their jobs (the
dashboard, the story, compare, a job's page, the offer page, the shared page and the API):
the directions, the jobs and the matching aggregate read in a fixed number of queries,
then scored against a direction in plain Python."""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from alignment import assessment, history
from alignment import scoring as alignment


@dataclass(frozen=True)
class Reading:
    """A person's history read, and scored against the direction asked for (or the current
    one): `result`. `assess` scores it against another of the directions read."""

    directions: dict  # id -> history.Direction
    rows: dict  # job id -> the job's row (history.jobs)
    weights: history.Weights
    jobs: list  # the rows as the formula reads them (history.job_data), made once
    scored_directions: list  # the directions as the formula reads them (Weights.direction)
    result: assessment.Alignment | None  # None when directions are compared
    today: date
    targets: tuple = ()  # the focus direction's target skills (alignment.TargetSkill)
    compared_targets: Any = None  # {direction id: target skills} of the directions compared

    @property
    def target_names(self) -> tuple[str, ...]:
        return tuple(skill.name for skill in self.targets)

    def assess(self, direction_id: int) -> assessment.Alignment:
        """The history set against one of the directions read with it (`compared`)."""
        return assessment.assess(
            jobs=self.jobs,
            directions=self.scored_directions,
            today=self.today,
            target_skills=self.compared_targets[direction_id],
            direction_id=direction_id,
        )


def focus_of(directions: dict, direction_id: int | None) -> int | None:
    """The id of the direction asked for, or else of the current one, or None."""
    if direction_id is not None:
        return direction_id
    current = alignment.current_direction(directions.values())
    return None if current is None else current.id


def read_history(
    user: User,
    today: date,
    direction_id: int | None = None,
    *,
    directions: dict | None = None,
    goals: Iterable[alignment.GoalData] = (),
    job_ids: Collection[int] | None = None,
    coverage: bool = True,
    compared: Collection[int] = (),
) -> Reading:
    """Read and score the person's history: 4 queries, one fewer when `directions`
    (history.directions) were read already, one fewer for `job_ids` (a job's own page, which
    reads only those jobs) or without `coverage` (the story, which measures none). With
    `compared` (ids of the person's directions), those directions are read instead, their
    target skills with them, for `Reading.assess`. LookupError for a direction that is not
    the person's."""
    if directions is None:
        directions = history.directions(user)
    if direction_id is not None and direction_id not in directions:
        raise LookupError(direction_id)
    if compared:
        scored = list(compared)
    elif direction_id is not None:
        scored = [direction_id]
    else:  # those a held job can be set against by default
        scored = [d for d, row in directions.items() if alignment.followed(row)]
    rows = history.jobs(user, job_ids)
    weights = history.weights(user, scored, job_ids)
    focus = focus_of(directions, direction_id)
    measured = coverage and job_ids is None and (bool(compared) or focus is not None)
    read_targets = list(compared) if compared else [focus]
    targets = history.target_skills(user, read_targets) if measured else {}
    jobs = [history.job_data(row, weights) for row in rows]
    scored_directions = [weights.direction(row) for row in directions.values()]
    result = None  # compared directions are each assessed on their own (Reading.assess)
    if not compared:
        result = assessment.assess(
            jobs=jobs,
            directions=scored_directions,
            today=today,
            target_skills=targets.get(focus, ()),
            goals=goals,
            direction_id=direction_id,
        )
    return Reading(
        directions,
        {row.id: row for row in rows},
        weights,
        jobs,
        scored_directions,
        result,
        today,
        targets.get(focus, ()) if not compared else (),
        targets if compared else None,
    )
