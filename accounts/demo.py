"""The demo: Elena waits tables to pay her fees while she trains as a professional wrestler.

Her history is counted back from the day it is loaded, so her waiter job is always ongoing
and every panel of the dashboard has something to show. It serves two ways:

- `load_demo()` keeps the shared `elena` log-in of `make run` (password `bearing-demo`),
  reset to exactly the demo's data each time it runs;
- `create_demo_account()` gives a visitor a private, throwaway copy ("Try the demo"): an
  account with no password, removed a day later by `manage.py housekeeping`.
"""

import secrets
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Profile,
    Skill,
    bump_data_version,
)
from jobs.models import Job, JobBenefit, JobSkill

from .deletion import delete_account
from .models import DemoAccount

USERNAME = "elena"
PASSWORD = "bearing-demo"  # noqa: S105 - the demo's published password
DEMO_PREFIX = "demo-"


# -- Elena's history, counted back from today ------------------------------------------------
# A date is (months back, day of that month): (24, 15) is the 15th of the month two years
# before this one. Days stay at 28 or under, so every month has them; a date of a held job
# is always before this month, so never after today.


def months_back(today, months, day):
    """The `day` of the month `months` before today's month."""
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, day)


DIRECTIONS = [
    {
        "key": "wrestler",
        "title": "Professional wrestler",
        "occupation": "27-2021.00",  # Athletes and Sports Competitors
        "status": "current",
        "started": (42, 1),
        "statement": (
            "Performing in the ring is who I am: the athleticism, the storytelling, the crowd. "
            "I want to make a living from it, one match at a time."
        ),
        "skills": [
            ("Stage presence", 3),
            ("Strength training", 3),
            ("Character work", 3),
            ("Public speaking", 2),
            ("Choreography", 1),
        ],
        "values": [("fulfillment", 3), ("identity", 2), ("money", 1)],
    },
    {
        "key": "coach",
        "title": "Fitness coach",
        "occupation": "39-9031.00",  # Exercise Trainers and Group Fitness Instructors
        "status": "considering",
        "started": None,
        "statement": (
            "If the ring does not pay the rent, coaching might: I love helping people get "
            "strong, and gyms need people who can teach a group."
        ),
        "skills": [
            ("Coaching", 3),
            ("Strength training", 3),
            ("Nutrition", 2),
            ("First aid", 2),
            ("Programme design", 2),
        ],
        "values": [("flexibility", 3), ("fulfillment", 2), ("money", 2)],
    },
]

GOALS = [
    {
        "key": "match",
        "direction": "wrestler",
        "title": "First amateur match",
        "description": "Step into the ring in front of a paying crowd.",
        "status": "active",
        "priority": 3,
        "target": (2, 1),  # overdue: the dashboard asks what to do about it
    },
    {
        "key": "school",
        "direction": "wrestler",
        "title": "Join a wrestling school",
        "description": "",
        "status": "achieved",
        "priority": 2,
        "target": (14, 1),
        "achieved": (15, 10),
    },
    {
        "key": "show",
        "direction": "wrestler",
        "title": "Work a show for a local promotion",
        "description": "Be backstage on a real card and meet the promoters.",
        "status": "achieved",
        "priority": 2,
        "target": (6, 1),
        "achieved": (7, 20),
    },
    {
        "key": "following",
        "direction": "wrestler",
        "title": "Build a following",
        "description": "Dropped for now: the ring comes first.",
        "status": "dropped",
        "priority": 1,
    },
    {
        "key": "certificate",
        "direction": "coach",
        "title": "Personal trainer qualification",
        "description": "The certificate gyms ask for before they let you coach on your own.",
        "status": "planned",
        "priority": 2,
    },
]

LEARNING = [
    {
        "title": "Wrestling school: ring craft",
        "provider": "Iron Hall Wrestling School",
        "kind": "course",
        "started": (15, 10),
        "completed": None,  # still learning: it teaches Stage presence, but not yet
        "skills": ["Stage presence"],
    },
    {
        "title": "Fitness instructor certificate",
        "provider": "Active Training Academy",
        "kind": "certificate",
        "started": (20, 1),
        "completed": (17, 28),
        "skills": ["Coaching", "First aid"],
    },
]

# (name, context, notes, days since last contacted)
CONTACTS = [
    (
        "Marco Ruiz",
        "Head coach at Iron Hall",
        "Runs the Saturday ring sessions; knows the local promoters.",
        12,
    ),
    (
        "Dana Cole",
        "Promoter, Northside Championship Wrestling",
        "Said to send her match footage as soon as I have some.",
        40,
    ),
    ("Rosa Delgado", "Owner of Rosa's Diner", "Lets me swap shifts around training.", 3),
    ("Sam Okafor", "Stage manager at the Grand Lyric Theatre", "", 300),
]

# Held jobs, oldest first, then the offer. "skills" are (name, gained); "contacts" are names.
JOBS = [
    {
        "title": "Order picker",
        "employer": "Parcelnet depot",
        "occupation": "53-7065.00",  # Stockers and Order Fillers
        "employment_type": "full_time",
        "started": (72, 1),
        "ended": (61, 28),
        "hours_per_week": 38,
        "schedule": "shifts",
        "pay": ("10.20", "hour"),
        "satisfaction": 2,
        "identity_fit": 1,
        "description": "Picking and packing orders through the night at a parcel depot.",
        "lessons": "Steady money is not enough reason to get up.",
        "avoid": "night shifts",
        "skills": [("Forklift driving", True)],
        "benefits": ["money", "security"],
    },
    {
        # As a LinkedIn import leaves it: title, employer, dates and nothing to score.
        "title": "Promo event staff",
        "employer": "BrightEvents Agency",
        "employment_type": "freelance",
        "started": (66, 1),
        "ended": (64, 28),
        "description": "Weekend sampling stands at trade fairs.",
    },
    {
        "title": "Camp counsellor",
        "employer": "Lakeside Summer Camp",
        "occupation": "39-9032.00",  # Recreation Workers
        "employment_type": "contract",
        "summer": 4,  # the summer four years ago: late June to late August
        "hours_per_week": 45,
        "schedule": "regular",
        "pay": ("3200.00", "total"),
        "satisfaction": 5,
        "identity_fit": 4,
        "description": "Ran the sports afternoons and the end-of-summer show for forty children.",
        "lessons": "I love teaching a group something physical.",
        "skills": [("Public speaking", True), ("Coaching", True)],
        "benefits": ["money", "fulfillment", "identity", "connections", "experience"],
    },
    {
        "title": "Stage-hand",
        "employer": "Grand Lyric Theatre",
        "employment_type": "part_time",
        "started": (46, 1),
        "ended": (33, 28),
        "hours_per_week": 20,
        "schedule": "shifts",
        "pay": ("12.00", "hour"),
        "satisfaction": 4,
        "identity_fit": 3,
        "description": "Set changes, rigging and follow spots for the touring shows.",
        "lessons": "Watching a show every night taught me how a crowd is paced.",
        "avoid": "unpaid overtime",
        "skills": [("Rigging", True), ("Choreography", True)],
        "benefits": ["money", "experience", "connections"],
        "contacts": ["Sam Okafor"],
    },
    {
        "title": "Gym assistant",
        "employer": "Iron Hall",
        "occupation": "39-9031.00",  # Exercise Trainers and Group Fitness Instructors
        "employment_type": "part_time",
        "started": (30, 6),
        "ended": (14, 28),
        "hours_per_week": 15,
        "schedule": "flexible",
        "pay": ("14.00", "hour"),
        "satisfaction": 5,
        "identity_fit": 5,
        "description": (
            "Coached strength sessions and helped choreograph the wrestling school's showcase."
        ),
        "lessons": "Working where wrestlers train opens doors.",
        "skills": [("Strength training", False), ("Coaching", False), ("Choreography", False)],
        "benefits": ["money", "fulfillment", "identity", "connections"],
        "goals": ["school"],
        "contacts": ["Marco Ruiz"],
    },
    {
        "title": "Waiter",
        "employer": "Rosa's Diner",
        "occupation": "35-3031.00",  # Waiters and Waitresses
        "employment_type": "part_time",
        "started": (24, 15),
        "ended": None,  # she still waits tables: it pays the wrestling school
        "hours_per_week": 25,
        "schedule": "shifts",
        "pay": ("11.50", "hour"),
        "satisfaction": 3,
        "identity_fit": 2,
        "description": "Evening and weekend shifts on a busy floor; they pay for the school.",
        "lessons": "I can hold a room's attention, even a tired one.",
        "avoid": "split shifts",
        "skills": [("Public speaking", False), ("Customer service", False)],
        "benefits": ["money", "connections", "flexibility"],
        "contacts": ["Rosa Delgado"],
    },
    {
        "title": "Ring crew",
        "employer": "Northside Championship Wrestling",
        "employment_type": "freelance",
        "started": (8, 6),
        "ended": (7, 20),
        "hours_per_week": 12,
        "schedule": "flexible",
        "pay": ("600.00", "total"),
        "satisfaction": 5,
        "identity_fit": 5,
        "description": "Built and struck the ring for four live shows, and ran the merch table.",
        "lessons": "Promoters notice who turns up early and stays late.",
        "skills": [("Ring building", True), ("Choreography", False)],
        "benefits": ["money", "connections", "fulfillment", "identity", "experience"],
        "goals": ["show"],
        "contacts": ["Dana Cole"],
    },
    {
        # An offer she is weighing: night shifts, which the depot taught her to avoid.
        "title": "Bar supervisor",
        "employer": "The Night Owl",
        "occupation": "35-1012.00",  # First-Line Supervisors of Food Preparation and Serving
        "employment_type": "full_time",
        "stage": "offer",
        "hours_per_week": 40,
        "schedule": "shifts",
        "pay": ("2100.00", "month"),
        "description": "Running the bar team on night shifts, Thursday to Sunday.",
        "skills": [("Customer service", False)],
        "benefits": ["money", "security"],
    },
]


def _skill_names():
    names = [name for d in DIRECTIONS for name, _ in d["skills"]]
    names += [name for entry in LEARNING for name in entry["skills"]]
    names += [name for job in JOBS for name, _ in job.get("skills", [])]
    return list(dict.fromkeys(names))


def _on(today, when):
    return None if when is None else months_back(today, *when)


def _job_dates(job, today):
    if "summer" in job:
        year = today.year - job["summer"]
        return date(year, 6, 24), date(year, 8, 22)
    return _on(today, job.get("started")), _on(today, job.get("ended"))


def _job(user, job, today):
    started_on, ended_on = _job_dates(job, today)
    amount, period = job.get("pay", (None, ""))
    hours = job.get("hours_per_week")
    return Job(
        owner=user,
        title=job["title"],
        occupation=job.get("occupation", ""),
        employer=job["employer"],
        employment_type=job["employment_type"],
        stage=job.get("stage", "held"),
        started_on=started_on,
        ended_on=ended_on,
        hours_per_week=None if hours is None else Decimal(hours),
        schedule=job.get("schedule", ""),
        pay_amount=None if amount is None else Decimal(amount),
        pay_period=period,
        currency="EUR" if amount is not None else "",
        satisfaction=job.get("satisfaction"),
        identity_fit=job.get("identity_fit"),
        description=job.get("description", ""),
        lessons=job.get("lessons", ""),
        avoid=job.get("avoid", ""),
    )


def clear(user):
    """Delete everything the person entered (not their account or settings)."""
    for model in (Job, CareerGoal, Learning, Contact, CareerDirection, Skill):
        model.objects.filter(owner=user).delete()


@transaction.atomic
def load_demo_data(user, today=None):
    """Fill the person's account with exactly the demo's history, dated back from `today`
    (by default the server's date), in place of anything they entered."""
    today = today or timezone.localdate()
    clear(user)
    Profile.objects.update_or_create(owner=user, defaults={"currency": "EUR"})

    skills = {
        skill.name: skill
        for skill in Skill.objects.bulk_create(
            Skill(owner=user, name=name) for name in _skill_names()
        )
    }
    directions = dict(
        zip(
            [d["key"] for d in DIRECTIONS],
            CareerDirection.objects.bulk_create(
                CareerDirection(
                    owner=user,
                    title=d["title"],
                    occupation=d["occupation"],
                    statement=d["statement"],
                    status=d["status"],
                    started_on=_on(today, d["started"]),
                )
                for d in DIRECTIONS
            ),
            strict=True,
        )
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(direction=directions[d["key"]], skill=skills[name], importance=importance)
        for d in DIRECTIONS
        for name, importance in d["skills"]
    )
    DirectionValue.objects.bulk_create(
        DirectionValue(direction=directions[d["key"]], value=value, weight=weight)
        for d in DIRECTIONS
        for value, weight in d["values"]
    )
    goals = dict(
        zip(
            [g["key"] for g in GOALS],
            CareerGoal.objects.bulk_create(
                CareerGoal(
                    owner=user,
                    direction=directions[g["direction"]],
                    title=g["title"],
                    description=g["description"],
                    status=g["status"],
                    priority=g["priority"],
                    target_date=_on(today, g.get("target")),
                    achieved_on=_on(today, g.get("achieved")),
                )
                for g in GOALS
            ),
            strict=True,
        )
    )
    learning = Learning.objects.bulk_create(
        Learning(
            owner=user,
            title=entry["title"],
            provider=entry["provider"],
            kind=entry["kind"],
            started_on=_on(today, entry["started"]),
            completed_on=_on(today, entry["completed"]),
        )
        for entry in LEARNING
    )
    Learning.skills.through.objects.bulk_create(
        Learning.skills.through(learning_id=row.pk, skill_id=skills[name].pk)
        for row, entry in zip(learning, LEARNING, strict=True)
        for name in entry["skills"]
    )
    contacts = {
        contact.name: contact
        for contact in Contact.objects.bulk_create(
            Contact(
                owner=user,
                name=name,
                context=context,
                notes=notes,
                last_contacted_on=today - timedelta(days=days),
            )
            for name, context, notes, days in CONTACTS
        )
    }
    jobs = Job.objects.bulk_create(_job(user, job, today) for job in JOBS)
    pairs = list(zip(jobs, JOBS, strict=True))
    JobSkill.objects.bulk_create(
        JobSkill(job=row, skill=skills[name], gained=gained)
        for row, job in pairs
        for name, gained in job.get("skills", [])
    )
    JobBenefit.objects.bulk_create(
        JobBenefit(job=row, value=value) for row, job in pairs for value in job.get("benefits", [])
    )
    Job.goals.through.objects.bulk_create(
        Job.goals.through(job_id=row.pk, careergoal_id=goals[key].pk)
        for row, job in pairs
        for key in job.get("goals", [])
    )
    Job.contacts.through.objects.bulk_create(
        Job.contacts.through(job_id=row.pk, contact_id=contacts[name].pk)
        for row, job in pairs
        for name in job.get("contacts", [])
    )
    bump_data_version(user.pk)
    return user


# -- The shared log-in, and the private copies ------------------------------------------------


@transaction.atomic
def load_demo():
    """Create Elena (elena / bearing-demo), or reset her to exactly the demo's data. Returns
    the user."""
    user, _ = User.objects.get_or_create(
        username=USERNAME, defaults={"email": "elena@example.com", "first_name": "Elena"}
    )
    user.set_password(PASSWORD)
    user.save()
    return load_demo_data(user)


@transaction.atomic
def create_demo_account():
    """A new account holding the demo, for one visitor: `demo-` and a random name, no
    password (nobody can log into it again once its session ends), marked as a demo so that
    `manage.py housekeeping` removes it after a day."""
    user = User(username=DEMO_PREFIX + secrets.token_hex(5), first_name="Elena")
    user.set_unusable_password()
    user.save()
    DemoAccount.objects.create(user=user)
    return load_demo_data(user)


def remove_old_demos(*, older_than=DemoAccount.LIFETIME, now=None):
    """Delete the demo accounts made more than `older_than` ago, with everything in them.
    Returns how many went. Each goes in a transaction of its own."""
    cutoff = (now or timezone.now()) - older_than
    removed = 0
    for demo in DemoAccount.objects.made_before(cutoff).select_related("user"):
        delete_account(demo.user)
        removed += 1
    return removed
