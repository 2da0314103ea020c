"""The database's matching (alignment.history) gives exactly the weights the formula defines.

tests.reference writes the matching out in plain Python; here both read the same random
histories, and every sum, flag and score must agree.
"""

import random
from datetime import date

import pytest
from django.urls import reverse

from alignment import history
from careers.models import CareerDirection, CareerGoal, DirectionSkill, DirectionValue, Learning
from jobs.models import Job, JobBenefit, JobSkill
from tests import reference
from tests.helpers import _random_history

pytestmark = pytest.mark.django_db


def raw_rows(user):
    """The person's rows as tests.reference reads them."""
    goals = {goal.pk: alignment_goal(goal) for goal in CareerGoal.objects.filter(owner=user)}
    directions = [
        reference.Direction(
            id=d.pk,
            title=d.title,
            status=d.status,
            started_on=d.started_on,
            ended_on=d.ended_on,
            target_skills=tuple(
                reference.TargetSkill(link.skill_id, link.skill.name, link.importance)
                for link in DirectionSkill.objects.filter(direction=d).select_related("skill")
            ),
            values=tuple(DirectionValue.objects.filter(direction=d).values_list("value", "weight")),
            goals=tuple(g for g in goals.values() if g.direction_id == d.pk),
        )
        for d in CareerDirection.objects.filter(owner=user)
    ]
    jobs = [
        reference.Job(
            id=job.pk,
            title=job.title,
            employer=job.employer,
            stage=job.stage,
            started_on=job.started_on,
            ended_on=job.ended_on,
            skill_ids=frozenset(
                JobSkill.objects.filter(job=job).values_list("skill_id", flat=True)
            ),
            goal_ids=frozenset(job.goals.values_list("pk", flat=True)),
            benefits=frozenset(JobBenefit.objects.filter(job=job).values_list("value", flat=True)),
            identity_fit=job.identity_fit,
            avoid=job.avoid,
            employment_type=job.employment_type,
            pay_amount=job.pay_amount,
            gained_ids=frozenset(
                JobSkill.objects.filter(job=job, gained=True).values_list("skill_id", flat=True)
            ),
        )
        for job in Job.objects.filter(owner=user)
    ]
    learning = [
        reference.Learning(
            item.pk,
            item.title,
            item.completed_on,
            frozenset(item.skills.values_list("pk", flat=True)),
        )
        for item in Learning.objects.filter(owner=user)
    ]
    return directions, jobs, learning, goals


def alignment_goal(goal):
    from alignment.scoring import GoalData

    return GoalData(
        id=goal.pk,
        title=goal.title,
        description=goal.description,
        status=goal.status,
        priority=goal.priority,
        target_date=goal.target_date,
        direction_id=goal.direction_id,
    )


def _add_learning(user, rng):
    skills = list(user.skill_set.all())
    for n in range(rng.randint(0, 3)):
        item = Learning.objects.create(
            owner=user,
            title=f"Course {n}",
            completed_on=rng.choice([None, date(2015, 1, 1)]),
        )
        item.skills.set(rng.sample(skills, rng.randint(0, 3)))


@pytest.mark.parametrize("seed", range(20))
def test_the_database_sums_what_the_formula_defines(owner, stranger, seed):
    rng = random.Random(seed)
    _random_history(owner, rng)
    _random_history(stranger, random.Random(seed + 100))  # never counted for the owner
    _add_learning(owner, rng)
    directions, jobs, learning, _ = raw_rows(owner)
    ids = [d.id for d in directions]

    weights = history.weights(owner, ids)
    read = history.directions(owner)
    assert {d: weights.direction(read[d]) for d in read} == {
        d.id: reference.direction_data(d) for d in directions
    }
    for d in directions:
        assert weights.counts(d.id) == {
            "skills": len(d.target_skills),
            "goals": sum(1 for g in d.goals if g.status != "dropped"),
            "values": len(d.values),
            "achieved": sum(1 for g in d.goals if g.status == "achieved"),
        }
    rows = {row.id: history.job_data(row, weights) for row in history.jobs(owner)}
    assert set(rows) == {job.id for job in jobs}
    for job in jobs:
        expected = reference.job_data(job, directions)
        got = rows[job.id]
        assert got.linked == expected.linked
        assert got.paid == expected.paid
        for d in directions:
            # A pair with nothing matched may be absent from the database's answer.
            assert got.matched.get(d.id, reference.alignment.NOTHING) == expected.matched[d.id]
    targets = history.target_skills(owner, ids)
    for d in directions:
        assert sorted(targets[d.id], key=repr) == sorted(
            reference.target_skills(d, jobs, learning), key=repr
        )


@pytest.mark.parametrize("seed", range(8))
def test_the_api_gives_the_formulas_scores(client, owner, seed):
    rng = random.Random(seed)
    _random_history(owner, rng)
    _add_learning(owner, rng)
    directions, jobs, learning, goals = raw_rows(owner)
    client.force_login(owner)
    from django.utils import timezone

    today = timezone.localdate()
    for asked in [None, *(d.id for d in directions)]:
        url = reverse("api:alignment") + ("" if asked is None else f"?direction={asked}")
        data = client.get(url).json()
        expected = reference.assess(
            jobs=jobs, directions=directions, learning=learning, today=today, direction_id=asked
        )
        assert data["overall"] == expected.overall
        assert data["aligned_share"] == expected.aligned_share
        assert data["coverage"] == expected.coverage
        assert data["missing"] == list(expected.missing)
        assert data["drift"] == expected.drift
        assert [(j["id"], j["score"], j["needs_details"]) for j in data["jobs"]] == [
            (r.job.id, r.score, r.needs_details) for r in expected.jobs
        ]
        for job, r in zip(data["jobs"], expected.jobs, strict=True):
            parts = r.components
            assert job["components"] == (
                None
                if parts is None
                else {
                    name: None if x is None else round(float(x), 4)
                    for name, x in [
                        ("skills", parts.skills),
                        ("goals", parts.goals),
                        ("values", parts.values),
                        ("identity", parts.identity),
                    ]
                }
            )


def test_names_are_read_only_for_the_jobs_explained(owner):
    rng = random.Random(7)
    _random_history(owner, rng)
    directions, jobs, _, goals = raw_rows(owner)
    direction = directions[0]
    pairs = [(job.id, direction.id) for job in jobs[:2]]
    found = history.explained(owner, pairs)
    for job in jobs[:2]:
        names = found.of(job.id, direction.id)
        assert sorted(names["skills"]) == sorted(
            s.name for s in direction.target_skills if s.skill_id in job.skill_ids
        )
        assert sorted(names["goals"]) == sorted(
            g.title for g in direction.goals if g.status != "dropped" and g.id in job.goal_ids
        )
        assert sorted(names["values"]) == sorted(
            k for k, _ in direction.values if k in job.benefits
        )
    assert not any(job_id not in dict(pairs) for job_id, _ in found.names)


@pytest.mark.parametrize("seed", range(10))
def test_goals_are_the_open_ones_and_the_focus_directions_counted_by_held_jobs(
    owner, stranger, seed
):
    from django.db import connection

    from core.vocabulary import OPEN_GOALS

    rng = random.Random(seed)
    directions = _random_history(owner, rng)
    _random_history(stranger, random.Random(seed + 100))  # never read for the owner
    for goal in CareerGoal.objects.filter(owner=owner):
        goal.status = rng.choice(["planned", "active", "dropped", "achieved"])
        goal.target_date = rng.choice([None, date(2020, 1, 1), date(2027, 6, 1)])
        goal.achieved_on = date(2021, 3, 1) if goal.status == "achieved" else None
        goal.save()
    CareerGoal.objects.create(owner=owner, title="Under no direction", status="active")
    nulls_last = connection.features.nulls_order_largest

    for focus in [None, *(d.pk for d in directions)]:
        expected = sorted(
            (
                goal
                for goal in CareerGoal.objects.filter(owner=owner)
                if goal.status in OPEN_GOALS or (focus is not None and goal.direction_id == focus)
            ),
            key=lambda g: (
                -g.priority,
                (g.target_date is None) == nulls_last,
                g.target_date or date.min,
                g.title,
                g.pk,
            ),
        )
        got = history.goals(owner, focus)
        assert [g.data for g in got] == [alignment_goal(g) for g in expected]
        assert [g.advanced_by for g in got] == [
            g.jobs.filter(stage="held").count() for g in expected
        ]
