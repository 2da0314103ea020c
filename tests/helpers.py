"""What the tests share: reading a page as a person does, the forms they send, histories made
at random, and the browser walk. (A test module never imports another.)"""

import re
import threading
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

from axe_playwright_python.sync_playwright import Axe
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from hypothesis import strategies as st

from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionStatus,
    DirectionValue,
    GoalStatus,
    Learning,
    LearningKind,
    Skill,
    Value,
)
from core import currencies
from jobs.models import EmploymentType, Job, JobBenefit, JobSkill, PayPeriod, Schedule, Stage
from sharing.models import ShareLink


def text_of(response_or_html):
    """The visible text: tags dropped, entities decoded, white space folded."""
    html = response_or_html
    if not isinstance(html, str):
        html = html.content.decode()
    html = re.sub(r"<(script|style|datalist)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def error_beside(response, field):
    """The first error crispy shows under the field, or fail when there is none."""
    html = response.content.decode()
    # A <span> under an input, a <p> under a group of checkboxes.
    match = re.search(rf'<(?:span|p) id="error_1_id_{field}"><strong>(.*?)</strong>', html, re.S)
    assert match, f"no error shown beside {field}"
    return unescape(match.group(1))


def fields_in_error(response):
    return set(re.findall(r'<(?:span|p) id="error_1_id_(\w+)">', response.content.decode()))


def input_value(response, field):
    """What the form shows in the text, date or number input (or textarea) named `field`."""
    html = response.content.decode()
    tag = re.search(
        rf'<input\b(?=[^>]*\btype="(?:text|date|number)")[^>]*\bname="{field}"[^>]*>', html
    )
    if tag:
        value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
        return unescape(value.group(1)) if value else ""
    area = re.search(rf'<textarea\b[^>]*\bname="{field}"[^>]*>(.*?)</textarea>', html, re.S)
    assert area, f"no input named {field}"
    return unescape(area.group(1)).removeprefix("\n")


def checked(response, field):
    """The values of the ticked checkboxes or the chosen radio button named `field`."""
    tags = re.findall(rf'<input\b[^>]*\bname="{field}"[^>]*>', response.content.decode())
    return {
        unescape(re.search(r'\bvalue="([^"]*)"', tag).group(1))
        for tag in tags
        if re.search(r"\bchecked\b", tag)
    }


def row_state(obj):
    fresh = type(obj).objects.get(pk=obj.pk)
    return {field.attname: getattr(fresh, field.attname) for field in fresh._meta.concrete_fields}


def job_form(**changes):
    """The job form as a person fills it in: a held part-time job, then `changes`."""
    data = {
        "title": "Waiter",
        "employer": "Rosa's Diner",
        "stage": "held",
        "employment_type": "part_time",
        "started_on": "2024-01-15",
        "ended_on": "",
        "hours_per_week": "",
        "schedule": "",
        "pay_amount": "",
        "pay_period": "",
        "currency": "EUR",
        "skills_used": "",
        "skills_gained": "",
        "satisfaction": "",
        "identity_fit": "",
        "description": "",
        "lessons": "",
        "avoid": "",
        "lock_version": "1",  # the hidden field: the version the form was opened on
    }
    data.update(changes)
    return data


def main_of(response):
    """The page's main content (the nav's CSRF token differs on every response)."""
    return response.content.decode().split("<main")[1].split("</main>")[0]


def figure(html, name):
    """The headline figure a person reads, e.g. "30" or "33%", or "—"."""
    match = re.search(rf'data-figure="{name}">([^<]*)<', html)
    assert match, f"no {name} figure on the page"
    return match.group(1).strip()


def _random_history(user, rng):
    names = [f"Skill {n}" for n in range(8)]
    skills = Skill.objects.named(user, names)
    directions = []
    for n, status in enumerate(["current", "past", "considering"][: rng.randint(1, 3)]):
        start = date(2010 + n * 4, 1, 1)
        direction = CareerDirection.objects.create(
            owner=user,
            title=f"Direction {n}",
            status=status,
            started_on=start if rng.random() < 0.8 else None,
            ended_on=start + timedelta(days=1500) if status == "past" else None,
        )
        for skill in rng.sample(skills, rng.randint(0, 5)):
            DirectionSkill.objects.create(
                direction=direction, skill=skill, importance=rng.randint(1, 3)
            )
        for value in rng.sample(["money", "skills", "identity", "security"], rng.randint(0, 3)):
            DirectionValue.objects.create(
                direction=direction, value=value, weight=rng.randint(1, 3)
            )
        directions.append(direction)
    goals = [
        CareerGoal.objects.create(
            owner=user,
            direction=rng.choice(directions),
            title=f"Goal {n}",
            status=rng.choice(["planned", "active", "dropped"]),
            priority=rng.randint(1, 3),
        )
        for n in range(rng.randint(0, 4))
    ]
    for n in range(rng.randint(1, 12)):
        start = date(2008, 1, 1) + timedelta(days=rng.randint(0, 6000))
        end = None if rng.random() < 0.2 else start + timedelta(days=rng.randint(0, 900))
        job = Job.objects.create(
            owner=user,
            title=f"Job {n}",
            stage="held" if rng.random() < 0.85 else "offer",
            started_on=start,
            ended_on=end,
            identity_fit=rng.choice([None, 1, 2, 3, 4, 5]),
            employment_type=rng.choice(["full_time", "volunteer", "unpaid"]),
            pay_amount=rng.choice([None, Decimal("0"), Decimal("12.50")]),
            pay_period="hour",
        )
        for skill in rng.sample(skills, rng.randint(0, 3)):
            JobSkill.objects.create(job=job, skill=skill, gained=rng.random() < 0.5)
        for value in rng.sample(["money", "skills", "identity"], rng.randint(0, 2)):
            JobBenefit.objects.create(job=job, value=value)
        job.goals.set(rng.sample(goals, min(len(goals), rng.randint(0, 2))))
    return directions


def at_once(*calls):
    """Run the calls at the same moment, each in a thread of its own with its own database
    connection, on PostgreSQL; one after the other on SQLite, whose test database cannot be
    shared between threads (and which runs one write at a time anyway). The results, in
    order; an exception in a call is raised here."""
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - handed back to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


ATTRIBUTION = (
    "This site includes information from the O*NET 28.2 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. Bearing has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)


ELENA = {
    "format": "bearing-export",
    "version": 1,
    "profile": {"currency": "EUR"},
    "skills": [
        "Choreography",
        "Customer service",
        "Public speaking",
        "Stage presence",
        "Strength training",
    ],
    "directions": [
        {
            "key": "d1",
            "title": "Professional wrestler",
            "occupation": None,
            "statement": (
                "Performing in the ring is who I am: the athleticism, the storytelling, the "
                "crowd. I want to make a living from it, one match at a time."
            ),
            "status": "current",
            "started_on": "2023-06-01",
            "ended_on": None,
            "target_skills": [
                {"skill": "Stage presence", "importance": 3},
                {"skill": "Strength training", "importance": 3},
                {"skill": "Public speaking", "importance": 2},
                {"skill": "Choreography", "importance": 1},
            ],
            "values": [
                {"value": "fulfillment", "weight": 3},
                {"value": "identity", "weight": 2},
                {"value": "money", "weight": 1},
            ],
        }
    ],
    "goals": [
        {
            "key": "g1",
            "direction": "d1",
            "title": "First amateur match",
            "description": "Step into the ring in front of a paying crowd.",
            "status": "active",
            "priority": 3,
            "target_date": "2025-06-01",
            "achieved_on": None,
        },
        {
            "key": "g2",
            "direction": "d1",
            "title": "Join a wrestling school",
            "description": "",
            "status": "achieved",
            "priority": 2,
            "target_date": "2025-03-01",
            "achieved_on": "2025-02-10",
        },
        {
            "key": "g3",
            "direction": "d1",
            "title": "Build a following",
            "description": "Dropped for now: the ring comes first.",
            "status": "dropped",
            "priority": 1,
            "target_date": None,
            "achieved_on": None,
        },
    ],
    "learning": [
        {
            "key": "l1",
            "title": "Wrestling school: ring craft",
            "provider": "Iron Hall Wrestling School",
            "kind": "course",
            "started_on": "2025-02-10",
            "completed_on": None,
            "skills": ["Stage presence"],
        }
    ],
    "contacts": [
        {
            "key": "c1",
            "name": "Marco Ruiz",
            "context": "Head coach at Iron Hall",
            "notes": "Runs the Saturday ring sessions; knows the local promoters.",
            "last_contacted_on": "2025-06-20",
        }
    ],
    "jobs": [
        {
            "key": "j1",
            "title": "Waiter",
            "occupation": None,
            "employer": "Rosa's Diner",
            "employment_type": "part_time",
            "started_on": "2024-01-15",
            "ended_on": "2024-12-31",
            "hours_per_week": 25,
            "schedule": "shifts",
            "pay_amount": "11.50",
            "pay_period": "hour",
            "currency": "EUR",
            "benefits": ["money", "connections"],
            "skills": [
                {"skill": "Customer service", "gained": False},
                {"skill": "Public speaking", "gained": True},
            ],
            "goals": [],
            "contacts": [],
            "stage": "held",
            "satisfaction": 3,
            "identity_fit": 2,
            "description": "Evening and weekend shifts on a busy floor.",
            "lessons": "I can hold a room's attention, even a tired one.",
            "avoid": "night shifts\nsplit shifts",
        },
        {
            "key": "j2",
            "title": "Gym assistant",
            "occupation": None,
            "employer": "Iron Hall",
            "employment_type": "part_time",
            "started_on": "2025-01-06",
            "ended_on": "2025-06-30",
            "hours_per_week": 15,
            "schedule": "flexible",
            "pay_amount": "14.00",
            "pay_period": "hour",
            "currency": "EUR",
            "benefits": ["money", "connections", "fulfillment", "identity"],
            "skills": [
                {"skill": "Choreography", "gained": True},
                {"skill": "Strength training", "gained": False},
            ],
            "goals": ["g2"],
            "contacts": ["c1"],
            "stage": "held",
            "satisfaction": 5,
            "identity_fit": 5,
            "description": (
                "Coached strength sessions and helped choreograph the school's showcase."
            ),
            "lessons": "Working where wrestlers train opens doors.",
            "avoid": "",
        },
        {
            "key": "j3",
            "title": "Bar supervisor",
            "occupation": None,
            "employer": "The Night Owl",
            "employment_type": "full_time",
            "started_on": None,
            "ended_on": None,
            "hours_per_week": 40,
            "schedule": "shifts",
            "pay_amount": "2100.00",
            "pay_period": "month",
            "currency": "EUR",
            "benefits": ["money", "security"],
            "skills": [{"skill": "Customer service", "gained": False}],
            "goals": [],
            "contacts": [],
            "stage": "offer",
            "satisfaction": None,
            "identity_fit": None,
            "description": "Running the bar team on night shifts, Thursday to Sunday.",
            "lessons": "",
            "avoid": "",
        },
    ],
}


@st.composite
def histories(draw):
    """A valid bearing-export document: every field, every link, edge values included."""
    skills = draw(
        st.lists(skill_names, max_size=6, unique_by=lambda name: " ".join(name.casefold().split()))
    )
    directions = []
    for number in range(1, draw(st.integers(0, 3)) + 1):
        started, ended = draw(period())
        directions.append(
            {
                "key": f"d{number}",
                "title": draw(titles),
                "occupation": draw(occupation_links),
                "statement": draw(text),
                "status": draw(st.sampled_from(DirectionStatus.values)),
                "started_on": started,
                "ended_on": ended,
                "target_skills": [
                    {"skill": name, "importance": draw(st.integers(1, 3))}
                    for name in draw(st.lists(st.sampled_from(skills), unique=True))
                    if skills
                ]
                if skills
                else [],
                "values": [
                    {"value": value, "weight": draw(st.integers(1, 3))}
                    for value in draw(st.lists(st.sampled_from(Value.values), unique=True))
                ],
            }
        )
    currents = [direction for direction in directions if direction["status"] == "current"]
    for direction in currents[1:]:
        direction["status"] = "past"
    goals = []
    for number in range(1, draw(st.integers(0, 4)) + 1):
        status = draw(st.sampled_from(GoalStatus.values))
        # Only an achieved goal has the day it was achieved, a day gone by.
        achieved = draw(past_days) if status == "achieved" else None
        goals.append(
            {
                "key": f"g{number}",
                "direction": draw(st.sampled_from([None] + [d["key"] for d in directions])),
                "title": draw(titles),
                "description": draw(text),
                "status": status,
                "priority": draw(st.integers(1, 3)),
                "target_date": iso(draw(st.none() | days)),
                "achieved_on": iso(achieved),
            }
        )
    learning = []
    for number in range(1, draw(st.integers(0, 3)) + 1):
        # Completed on a day gone by, or still going (started on any day, even to come).
        started, completed = draw(period(last=TODAY))
        if started and completed and completed < started:
            completed = None
        learning.append(
            {
                "key": f"l{number}",
                "title": draw(titles),
                "provider": draw(text),
                "kind": draw(st.sampled_from(LearningKind.values)),
                "started_on": started,
                "completed_on": completed,
                "skills": draw(st.lists(st.sampled_from(skills), unique=True)) if skills else [],
            }
        )
    contacts = [
        {
            "key": f"c{number}",
            "name": draw(titles),
            "context": draw(text),
            "notes": draw(text),
            "last_contacted_on": iso(draw(st.none() | past_days)),
        }
        for number in range(1, draw(st.integers(0, 3)) + 1)
    ]
    jobs = []
    for number in range(1, draw(st.integers(0, 5)) + 1):
        stage = draw(st.sampled_from(Stage.values))
        started, ended = draw(period(past_days, required=stage == "held"))
        pay = draw(st.none() | st.decimals(0, Decimal("9999999999.99"), places=2))
        jobs.append(
            {
                "key": f"j{number}",
                "title": draw(titles),
                "occupation": draw(occupation_links),
                "employer": draw(text),
                "employment_type": draw(st.sampled_from(EmploymentType.values)),
                "started_on": started,
                "ended_on": ended,
                "hours_per_week": draw(st.none() | st.integers(0, 1680).map(lambda n: n / 10)),
                "schedule": draw(st.none() | st.sampled_from(Schedule.values)),
                "pay_amount": None if pay is None else f"{pay:.2f}",
                "pay_period": draw(st.none() | st.sampled_from(PayPeriod.values)),
                "currency": draw(st.none() | st.sampled_from(sorted(currencies.CODES))),
                "benefits": draw(st.lists(st.sampled_from(Value.values), unique=True)),
                "skills": [
                    {"skill": name, "gained": draw(st.booleans())}
                    for name in (
                        draw(st.lists(st.sampled_from(skills), unique=True)) if skills else []
                    )
                ],
                "goals": draw(st.lists(st.sampled_from([g["key"] for g in goals]), unique=True))
                if goals
                else [],
                "contacts": draw(
                    st.lists(st.sampled_from([c["key"] for c in contacts]), unique=True)
                )
                if contacts
                else [],
                "stage": stage,
                "satisfaction": draw(st.none() | st.integers(1, 5)),
                "identity_fit": draw(st.none() | st.integers(1, 5)),
                "description": draw(text),
                "lessons": draw(text),
                "avoid": draw(text),
            }
        )
    return {
        "format": "bearing-export",
        "version": 1,
        "profile": {"currency": draw(st.sampled_from(sorted(currencies.CODES)))},
        "skills": skills,
        "directions": directions,
        "goals": goals,
        "learning": learning,
        "contacts": contacts,
        "jobs": jobs,
    }


def pages_of(user):
    """The pages a signed-in person uses, with their own ids."""
    job = Job.objects.filter(owner=user, stage="held").order_by("-started_on").first()
    offer = Job.objects.filter(owner=user, stage="offer").first()
    direction = CareerDirection.objects.filter(owner=user, status="current").get()
    goal = CareerGoal.objects.filter(owner=user).first()
    learning = Learning.objects.filter(owner=user).first()
    contact = Contact.objects.filter(owner=user).first()
    skill = Skill.objects.filter(owner=user).first()
    other = CareerDirection.objects.filter(owner=user).exclude(pk=direction.pk).first()
    return [
        reverse("alignment:dashboard"),
        reverse("alignment:dashboard") + f"?direction={other.pk}",
        reverse("alignment:compare"),
        reverse("alignment:job_list"),
        reverse("alignment:job_detail", args=[job.pk]),
        reverse("alignment:job_detail", args=[offer.pk]),
        reverse("jobs:job_add"),
        reverse("jobs:job_edit", args=[job.pk]),
        reverse("jobs:offer_add"),
        reverse("jobs:job_delete", args=[job.pk]),
        reverse("alignment:how_scores_work"),
        reverse("alignment:story"),
        reverse("alignment:next"),
        reverse("alignment:next") + f"?direction={other.pk}",
        reverse("alignment:next_how"),
        reverse("careers:direction_list"),
        reverse("careers:direction_detail", args=[direction.pk]),
        reverse("careers:direction_edit", args=[direction.pk]),
        reverse("careers:goal_list"),
        reverse("careers:goal_detail", args=[goal.pk]),
        reverse("careers:goal_add"),
        reverse("careers:learning_list"),
        reverse("careers:learning_detail", args=[learning.pk]),
        reverse("careers:contact_list"),
        reverse("careers:contact_detail", args=[contact.pk]),
        reverse("careers:skill_list"),
        reverse("careers:skill_detail", args=[skill.pk]),
        reverse("careers:about_data"),
        reverse("account"),
        reverse("account_import"),
        reverse("account_email"),
        reverse("password_change"),
        reverse("account_delete"),
        reverse("account_import_complete"),
        reverse("sharing:links"),
        reverse("tokens"),
        # What a mentor opens: the read-only dashboard and story.
        reverse("sharing:shared", args=[shared_token(user)]),
    ]


def problems(page):
    """axe-core's serious and critical findings on the page, as readable lines."""
    found = Axe().run(page).response["violations"]
    return [
        f"{v['impact']}: {v['id']} — {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
        for v in found
        if v["impact"] in FAILING
    ]


TODAY = date.today()


# Text as people type it: any character a database stores (no NUL, no lone surrogate).
text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12
)


titles = text.filter(str.strip)


days = st.dates(min_value=date(1990, 1, 1), max_value=TODAY + timedelta(days=400))


past_days = st.dates(min_value=date(1990, 1, 1), max_value=TODAY)


# Names that fold together ("Stage presence", "stage  PRESENCE") exercise the matching.
skill_names = st.sampled_from(
    ["Stage presence", "stage  PRESENCE", "Public speaking", "Ärger", "ärger", "Straße", "Čelo"]
) | titles.map(lambda name: name[:100])


# A link to an O*NET occupation, or none.
occupation_links = st.none() | st.sampled_from(["27-2021.00", "35-3031.00", "15-1252.00"])


@st.composite
def period(draw, start=days, required=False, last=date(2040, 1, 1)):
    started = draw(start if required else st.none() | start)
    ended = draw(
        st.none() | st.dates(min_value=min(started or date(1990, 1, 1), last), max_value=last)
    )
    return (started.isoformat() if started else None, ended.isoformat() if ended else None)


def iso(day):
    return day.isoformat() if day else None


# Impacts that fail the test; "minor" and "moderate" ones are reported, not failed on.
FAILING = {"serious", "critical"}


def shared_token(user):
    return ShareLink.create(owner=user, label="mentor", days=1, show_contacts=True)[1]
