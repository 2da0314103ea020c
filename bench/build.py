"""Deterministic, bulk-inserted people for the benchmark."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
    Value,
)
from core.models import DataVersion
from jobs.models import Job, JobBenefit, JobSkill

PASSWORD = "bench-password-1"
START = date(2000, 1, 3)
VALUES = [value.value for value in Value]


def gig(owner, n, *, client, started_on, days, pay, satisfaction, identity_fit, **more):
    """Gig `n`, for `client`: held freelance work of 20 hours a week on flexible hours, for
    `days` days from `started_on`, paid `pay` euros an hour (`more`: other fields of the job)."""
    return Job(
        owner=owner,
        title=f"Gig {n}",
        employer=client,
        employment_type="freelance",
        stage="held",
        started_on=started_on,
        ended_on=started_on + timedelta(days=days),
        hours_per_week=Decimal(20),
        schedule="flexible",
        pay_amount=pay,
        pay_period="hour",
        currency="EUR",
        satisfaction=satisfaction,
        identity_fit=identity_fit,
        **more,
    )


def person(
    username,
    *,
    jobs,
    directions=1,
    target_skills=4,
    goals=3,
    learning=2,
    contacts=3,
    skills=10,
    seed=1,
    statuses=("current", "past", "considering"),
    spacing=15,
):
    """One person with a history of the given size; the same arguments give the same rows.

    Directions take `statuses` in turn (only the first may be "current": one a person);
    jobs start `spacing` days apart."""
    rng = random.Random(seed)
    user = User.objects.create(username=username, password=make_password(PASSWORD))
    Profile.objects.create(owner=user, currency="EUR")
    # As after any import or form: the person's data has a version, which names their pages
    # in the page cache (core.cache).
    DataVersion.objects.create(owner=user)
    skill_rows = Skill.objects.bulk_create(
        Skill(owner=user, name=f"Skill {n:03d}") for n in range(skills)
    )
    status = [statuses[min(n, len(statuses) - 1)] for n in range(directions)]
    direction_rows = CareerDirection.objects.bulk_create(
        CareerDirection(
            owner=user,
            title=f"Direction {n}",
            statement="A direction of the benchmark.",
            status=status[n],
            started_on=START + timedelta(days=2000 * n) if status[n] != "considering" else None,
            ended_on=START + timedelta(days=2000 * n + 1999) if status[n] == "past" else None,
        )
        for n in range(directions)
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(
            direction=direction_rows[n % directions],
            # n // skills shifts each round, so a direction never meets a skill twice.
            skill=skill_rows[(n + n // skills) % skills],
            importance=1 + n % 3,
        )
        for n in range(target_skills)
    )
    DirectionValue.objects.bulk_create(
        DirectionValue(direction=direction, value=value, weight=1 + n % 3)
        for direction in direction_rows
        for n, value in enumerate(VALUES[:4])
    )
    goal_statuses = ["planned", "active", "achieved", "dropped"]
    goal_rows = CareerGoal.objects.bulk_create(
        CareerGoal(
            owner=user,
            direction=direction_rows[n % directions],
            title=f"Goal {n}",
            status=goal_statuses[n % 4],
            priority=1 + n % 3,
            target_date=START + timedelta(days=300 * n),
            achieved_on=START + timedelta(days=300 * n) if n % 4 == 2 else None,
        )
        for n in range(goals)
    )
    learning_rows = Learning.objects.bulk_create(
        Learning(
            owner=user,
            title=f"Course {n}",
            kind="course",
            started_on=START + timedelta(days=100 * n),
            completed_on=START + timedelta(days=100 * n + 60) if n % 2 else None,
        )
        for n in range(learning)
    )
    Learning.skills.through.objects.bulk_create(
        Learning.skills.through(learning_id=row.pk, skill_id=skill_rows[n % skills].pk)
        for n, row in enumerate(learning_rows)
    )
    contact_rows = Contact.objects.bulk_create(
        Contact(owner=user, name=f"Contact {n}", context="Met at work") for n in range(contacts)
    )
    job_rows = Job.objects.bulk_create(
        gig(
            user,
            n,
            client=f"Client {n % 40}",
            started_on=START + timedelta(days=spacing * n),
            days=10,
            pay=Decimal(rng.randint(10, 60)),
            satisfaction=1 + n % 5,
            identity_fit=1 + rng.randint(0, 4),
            description="Freelance work.",
            lessons="Send the invoice on the day." if n % 7 == 0 else "",
            avoid="unpaid overtime" if n % 11 == 0 else "",
        )
        for n in range(jobs)
    )
    JobSkill.objects.bulk_create(
        JobSkill(job=job, skill=skill_rows[(n + k) % skills], gained=k == 0)
        for n, job in enumerate(job_rows)
        for k in range(min(3, skills))
    )
    JobBenefit.objects.bulk_create(
        JobBenefit(job=job, value=VALUES[(n + k) % len(VALUES)])
        for n, job in enumerate(job_rows)
        for k in range(2)
    )
    if goal_rows:
        Job.goals.through.objects.bulk_create(
            Job.goals.through(job_id=job.pk, careergoal_id=goal_rows[n % len(goal_rows)].pk)
            for n, job in enumerate(job_rows)
        )
    if contact_rows:
        Job.contacts.through.objects.bulk_create(
            Job.contacts.through(job_id=job.pk, contact_id=contact_rows[n % len(contact_rows)].pk)
            for n, job in enumerate(job_rows)
        )
    return user


def population(count, jobs_each, batch=2000):
    """`count` other people with `jobs_each` held jobs each, in bulk."""
    password = make_password(PASSWORD)
    for first in range(0, count, batch):
        users = User.objects.bulk_create(
            User(username=f"other{n:05d}", password=password)
            for n in range(first, min(first + batch, count))
        )
        Profile.objects.bulk_create(Profile(owner=user) for user in users)
        DataVersion.objects.bulk_create(DataVersion(owner=user) for user in users)
        Job.objects.bulk_create(
            (
                Job(
                    owner=user,
                    title=f"Job {k}",
                    employer="Somewhere",
                    stage="held",
                    started_on=START + timedelta(days=200 * k),
                    ended_on=START + timedelta(days=200 * k + 150),
                    currency="EUR",
                )
                for user in users
                for k in range(jobs_each)
            ),
            batch_size=5000,
        )
