"""The worked example of the alignment docs (docs/alignment.md), as data in the database.

Elena's history with its fixed dates: a waiter job at Rosa's Diner (2024-01-15 to
2024-12-31, score 14.72 → 15), a gym job at Iron Hall (2025-01-06 to 2025-06-30, score
59.78 → 60) and a night-shift offer, set against "Professional wrestler" (current, from
2023-06-01): overall 30, aligned share 33, skill coverage 67, Stage presence missing.

The demo (demo/elena.py) tells the same story but is dated back from today, so its
numbers move with the calendar; the tests that check the arithmetic through the pages, the
API and the export use this instead. None of its numbers depends on today as long as today
is after 2025-06-30, when the last job ended. (Drift stays off whatever the day: the job
that ended last scores best.)
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

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
from core.models import bump_data_version
from jobs.models import Job, JobBenefit, JobSkill

USERNAME = "elena"
PASSWORD = "worked-example"


def elena():
    """A person called elena (password PASSWORD) holding exactly the worked example."""
    user = User.objects.create_user(
        USERNAME, email="elena@example.com", password=PASSWORD, first_name="Elena"
    )
    return build_worked_example(user)


@transaction.atomic
def build_worked_example(user):
    """Give `user` exactly the worked example's data (they should have none yet). Returns
    the user."""
    Profile.objects.update_or_create(owner=user, defaults={"currency": "EUR"})

    skills = {
        skill.name: skill
        for skill in Skill.objects.named(
            user,
            [
                "Stage presence",
                "Strength training",
                "Public speaking",
                "Choreography",
                "Customer service",
            ],
        )
    }
    wrestler = CareerDirection.objects.create(
        owner=user,
        title="Professional wrestler",
        statement=(
            "Performing in the ring is who I am: the athleticism, the storytelling, the crowd. "
            "I want to make a living from it, one match at a time."
        ),
        status="current",
        started_on=date(2023, 6, 1),
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(direction=wrestler, skill=skills[name], importance=importance)
        for name, importance in [
            ("Stage presence", 3),
            ("Strength training", 3),
            ("Public speaking", 2),
            ("Choreography", 1),
        ]
    )
    DirectionValue.objects.bulk_create(
        DirectionValue(direction=wrestler, value=value, weight=weight)
        for value, weight in [("fulfillment", 3), ("identity", 2), ("money", 1)]
    )
    CareerGoal.objects.create(
        owner=user,
        direction=wrestler,
        title="First amateur match",
        description="Step into the ring in front of a paying crowd.",
        status="active",
        priority=3,
        target_date=date(2025, 6, 1),
    )
    school = CareerGoal.objects.create(
        owner=user,
        direction=wrestler,
        title="Join a wrestling school",
        status="achieved",
        priority=2,
        target_date=date(2025, 3, 1),
        achieved_on=date(2025, 2, 10),
    )
    CareerGoal.objects.create(
        owner=user,
        direction=wrestler,
        title="Build a following",
        description="Dropped for now: the ring comes first.",
        status="dropped",
        priority=1,
    )
    course = Learning.objects.create(
        owner=user,
        title="Wrestling school: ring craft",
        provider="Iron Hall Wrestling School",
        kind="course",
        started_on=date(2025, 2, 10),
    )
    course.skills.set([skills["Stage presence"]])
    coach = Contact.objects.create(
        owner=user,
        name="Marco Ruiz",
        context="Head coach at Iron Hall",
        notes="Runs the Saturday ring sessions; knows the local promoters.",
        last_contacted_on=date(2025, 6, 20),
    )

    waiter = Job.objects.create(
        owner=user,
        title="Waiter",
        employer="Rosa's Diner",
        employment_type="part_time",
        stage="held",
        started_on=date(2024, 1, 15),
        ended_on=date(2024, 12, 31),
        hours_per_week=Decimal(25),
        schedule="shifts",
        pay_amount=Decimal("11.50"),
        pay_period="hour",
        currency="EUR",
        satisfaction=3,
        identity_fit=2,
        description="Evening and weekend shifts on a busy floor.",
        lessons="I can hold a room's attention, even a tired one.",
        avoid="night shifts\nsplit shifts",
    )
    gym = Job.objects.create(
        owner=user,
        title="Gym assistant",
        employer="Iron Hall",
        employment_type="part_time",
        stage="held",
        started_on=date(2025, 1, 6),
        ended_on=date(2025, 6, 30),
        hours_per_week=Decimal(15),
        schedule="flexible",
        pay_amount=Decimal("14.00"),
        pay_period="hour",
        currency="EUR",
        satisfaction=5,
        identity_fit=5,
        description="Coached strength sessions and helped choreograph the school's showcase.",
        lessons="Working where wrestlers train opens doors.",
    )
    offer = Job.objects.create(
        owner=user,
        title="Bar supervisor",
        employer="The Night Owl",
        employment_type="full_time",
        stage="offer",
        hours_per_week=Decimal(40),
        schedule="shifts",
        pay_amount=Decimal(2100),
        pay_period="month",
        currency="EUR",
        description="Running the bar team on night shifts, Thursday to Sunday.",
    )
    JobSkill.objects.bulk_create(
        [
            JobSkill(job=waiter, skill=skills["Public speaking"], gained=True),
            JobSkill(job=waiter, skill=skills["Customer service"]),
            JobSkill(job=gym, skill=skills["Strength training"]),
            JobSkill(job=gym, skill=skills["Choreography"], gained=True),
            JobSkill(job=offer, skill=skills["Customer service"]),
        ]
    )
    JobBenefit.objects.bulk_create(
        [
            JobBenefit(job=waiter, value="money"),
            JobBenefit(job=waiter, value="connections"),
            JobBenefit(job=gym, value="money"),
            JobBenefit(job=gym, value="fulfillment"),
            JobBenefit(job=gym, value="identity"),
            JobBenefit(job=gym, value="connections"),
            JobBenefit(job=offer, value="money"),
            JobBenefit(job=offer, value="security"),
        ]
    )
    gym.goals.set([school])
    gym.contacts.set([coach])
    bump_data_version(user.pk)
    return user
