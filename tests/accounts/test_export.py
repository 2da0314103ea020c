"""The exports: the bearing-export document, the jobs' CSV and the JSON Resume."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from portability.export import export_document
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    JobBenefitFactory,
    JobFactory,
    JobSkillFactory,
    LearningFactory,
    SkillFactory,
)
from tests.helpers import ELENA
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db

ROWS = [1, 50]


# The key order of the product's export format, level by level.
TOP_KEYS = ["format", "version", "profile", "skills", "directions", "goals", "learning"]
TOP_KEYS += ["contacts", "jobs"]
DIRECTION_KEYS = ["key", "title", "occupation", "statement", "status", "started_on", "ended_on"]
DIRECTION_KEYS += ["target_skills", "values"]
GOAL_KEYS = ["key", "direction", "title", "description", "status", "priority", "target_date"]
GOAL_KEYS += ["achieved_on"]
LEARNING_KEYS = ["key", "title", "provider", "kind", "started_on", "completed_on", "skills"]
CONTACT_KEYS = ["key", "name", "context", "notes", "last_contacted_on"]
JOB_KEYS = ["key", "title", "occupation", "employer", "employment_type", "started_on"]
JOB_KEYS += ["ended_on", "hours_per_week", "schedule", "pay_amount", "pay_period"]
JOB_KEYS += ["currency", "benefits"]
JOB_KEYS += ["skills", "goals", "contacts", "stage", "satisfaction", "identity_fit"]
JOB_KEYS += ["description", "lessons", "avoid"]


@pytest.fixture
def elena():
    """The worked example of docs/alignment.md, with its fixed dates."""
    return worked_example()


def download(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response


def test_the_worked_example_exports_exactly_the_documented_document(client, elena):
    client.force_login(elena)
    response = download(client, "account_export_json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (f'attachment; filename="bearing-elena-{today}.json"')
    exported = json.loads(response.content)
    assert exported == ELENA
    assert list(exported) == TOP_KEYS
    assert list(exported["directions"][0]) == DIRECTION_KEYS
    assert list(exported["directions"][0]["target_skills"][0]) == ["skill", "importance"]
    assert list(exported["directions"][0]["values"][0]) == ["value", "weight"]
    assert list(exported["goals"][0]) == GOAL_KEYS
    assert list(exported["learning"][0]) == LEARNING_KEYS
    assert list(exported["contacts"][0]) == CONTACT_KEYS
    assert [list(job) for job in exported["jobs"]] == [JOB_KEYS] * 3
    assert list(exported["jobs"][0]["skills"][0]) == ["skill", "gained"]
    # Whole hours are JSON integers; money is a decimal string.
    assert '"hours_per_week": 25,' in response.content.decode()
    assert '"pay_amount": "11.50",' in response.content.decode()


def test_the_export_carries_no_database_ids(client, elena):
    client.force_login(elena)
    text = download(client, "account_export_json").content.decode()
    assert '"id"' not in text
    assert '"owner' not in text


def test_numbers_dates_and_empty_values_are_written_as_documented(owner_client, owner):
    Profile.objects.filter(owner=owner).update(currency="GBP")
    JobFactory(
        owner=owner,
        title="Rigger",
        hours_per_week=Decimal("37.5"),
        pay_amount=Decimal(900),
        pay_period="week",
        currency="",
        schedule="",
    )
    CareerGoalFactory(owner=owner, direction=None, title="Find my direction")
    exported = json.loads(download(owner_client, "account_export_json").content)
    assert exported["profile"] == {"currency": "GBP"}
    job = exported["jobs"][0]
    assert job["hours_per_week"] == 37.5
    assert job["pay_amount"] == "900.00"
    assert job["currency"] is None
    assert job["schedule"] is None
    assert job["ended_on"] is None
    assert exported["goals"] == [
        {
            "key": "g1",
            "direction": None,
            "title": "Find my direction",
            "description": "",
            "status": "active",
            "priority": 2,
            "target_date": None,
            "achieved_on": None,
        }
    ]


def test_keys_follow_a_stable_order_and_references_use_them(owner):
    late = JobFactory(owner=owner, title="Late", started_on=date(2025, 5, 1))
    offer = JobFactory(owner=owner, title="Offer", stage="offer", started_on=None)
    early = JobFactory(owner=owner, title="Early", started_on=date(2020, 5, 1))
    same_day = JobFactory(owner=owner, title="Same day", started_on=date(2020, 5, 1))
    goals = [CareerGoalFactory(owner=owner, title=f"Goal {n}") for n in range(12)]
    late.goals.set([goals[11], goals[1], goals[10]])
    contact = ContactFactory(owner=owner, name="Zoe")
    ContactFactory(owner=owner, name="Adam")
    offer.contacts.set([contact])
    exported = export_document(owner)
    assert [(job["key"], job["title"]) for job in exported["jobs"]] == [
        ("j1", "Early"),
        ("j2", "Same day"),
        ("j3", "Late"),
        ("j4", "Offer"),
    ]
    assert exported["jobs"][2]["goals"] == ["g2", "g11", "g12"]
    assert [goal["title"] for goal in exported["goals"][:2]] == ["Goal 0", "Goal 1"]
    assert exported["contacts"][0]["name"] == "Zoe"  # in the order they were entered
    assert exported["jobs"][3]["contacts"] == ["c1"]
    assert early.pk < same_day.pk


def test_every_skill_is_exported_even_unused_ones_sorted_case_insensitively(owner):
    for name in ["banjo", "Acrobatics", "Čelo", "climbing"]:
        SkillFactory(owner=owner, name=name)
    assert export_document(owner)["skills"] == ["Acrobatics", "banjo", "climbing", "Čelo"]


def test_the_export_holds_nothing_of_another_person(client, elena, stranger):
    client.force_login(stranger)
    before = list(Profile.objects.filter(owner=stranger).values())
    exported = json.loads(download(client, "account_export_json").content)
    assert exported == {
        "format": "bearing-export",
        "version": 1,
        "profile": {"currency": "EUR"},
        "skills": [],
        "directions": [],
        "goals": [],
        "learning": [],
        "contacts": [],
        "jobs": [],
    }
    assert list(Profile.objects.filter(owner=stranger).values()) == before  # nothing written


@pytest.mark.parametrize(
    "name", ["account_export_json", "account_export_csv", "account_export_resume"]
)
def test_exports_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize(
    "name", ["account_export_json", "account_export_csv", "account_export_resume"]
)
def test_exports_are_read_only(owner_client, name):
    assert owner_client.post(reverse(name)).status_code == 405


def test_export_data_command_writes_the_same_document(elena, tmp_path, capsys):
    call_command("export_data", "elena")
    assert json.loads(capsys.readouterr().out) == ELENA
    target = tmp_path / "elena.json"
    call_command("export_data", "elena", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == ELENA


def test_export_data_command_names_an_unknown_account(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No account is called “nobody”"):
        call_command("export_data", "nobody")


# --- The jobs as a spreadsheet ----------------------------------------------------------------


def test_the_jobs_csv_has_one_row_a_job_with_a_header(client, elena):
    client.force_login(elena)
    response = download(client, "account_export_csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith(f'-{timezone.localdate().isoformat()}.csv"')
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # spreadsheet programs read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == ["Waiter", "Gym assistant", "Bar supervisor"]
    gym = rows[1]
    assert gym["employer"] == "Iron Hall"
    assert gym["started_on"] == "2025-01-06"
    assert gym["hours_per_week"] == "15"
    assert gym["pay_amount"] == "14.00"
    assert gym["benefits"] == "money; connections; fulfillment; identity"
    assert gym["skills_used"] == "Strength training"
    assert gym["skills_gained"] == "Choreography"
    assert gym["goals"] == "Join a wrestling school"
    assert gym["contacts"] == "Marco Ruiz"
    assert rows[0]["avoid"] == "night shifts\nsplit shifts"
    assert rows[2]["stage"] == "offer"
    assert rows[2]["started_on"] == ""


def test_the_csv_keeps_a_spreadsheet_from_running_a_cell_as_a_formula(owner_client, owner):
    JobFactory(owner=owner, title='=HYPERLINK("http://evil")', employer="@boss")
    body = download(owner_client, "account_export_csv").content.decode("utf-8")
    row = next(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert row["title"] == '\'=HYPERLINK("http://evil")'
    assert row["employer"] == "'@boss"


def test_an_empty_account_gets_a_csv_with_only_the_header(owner_client):
    body = download(owner_client, "account_export_csv").content.decode("utf-8")
    assert body.lstrip("\ufeff").splitlines() == [
        "title,occupation,employer,employment_type,started_on,ended_on,hours_per_week,"
        "schedule,pay_amount,pay_period,currency,benefits,skills_used,skills_gained,goals,"
        "contacts,stage,satisfaction,identity_fit,description,lessons,avoid"
    ]


# --- JSON Resume ------------------------------------------------------------------------------


def test_the_resume_holds_the_held_jobs_learning_and_skills(client, elena):
    client.force_login(elena)
    response = download(client, "account_export_resume")
    assert response["Content-Disposition"] == 'attachment; filename="resume.json"'
    resume = json.loads(response.content)
    assert resume["basics"] == {"name": "elena"}
    assert resume["work"] == [
        {
            "name": "Iron Hall",
            "position": "Gym assistant",
            "startDate": "2025-01-06",
            "endDate": "2025-06-30",
            "summary": "Coached strength sessions and helped choreograph the school's showcase.",
        },
        {
            "name": "Rosa's Diner",
            "position": "Waiter",
            "startDate": "2024-01-15",
            "endDate": "2024-12-31",
            "summary": "Evening and weekend shifts on a busy floor.",
        },
    ]  # newest first; the offer is not history
    assert resume["education"] == [
        {
            "institution": "Iron Hall Wrestling School",
            "area": "Wrestling school: ring craft",
            "studyType": "Course",
            "startDate": "2025-02-10",
        }
    ]
    assert [skill["name"] for skill in resume["skills"]] == ELENA["skills"]


# --- Pinned query counts: the same for 1 row as for 50 -----------------------------------------


def fill(owner, rows):
    """An account with `rows` of everything, every link used."""
    Profile.objects.filter(owner=owner).update(currency="GBP")
    directions = CareerDirectionFactory.create_batch(rows, owner=owner)
    goals = [CareerGoalFactory(owner=owner, direction=direction) for direction in directions]
    contacts = ContactFactory.create_batch(rows, owner=owner)
    skills = SkillFactory.create_batch(rows, owner=owner)
    for direction, skill in zip(directions, skills, strict=True):
        direction.skill_links.create(skill=skill, importance=3)
        direction.value_links.create(value="money", weight=2)
    LearningFactory.create_batch(rows, owner=owner, skills=skills[:3])
    for index in range(rows):
        job = JobFactory(owner=owner, goals=goals[:2], contacts=contacts[:2])
        JobSkillFactory(job=job, skill=skills[index])
        JobBenefitFactory(job=job, value="money")


@pytest.mark.parametrize("rows", ROWS)
def test_export_json_queries(owner_client, owner, django_assert_num_queries, rows):
    fill(owner, rows)
    with django_assert_num_queries(16):
        # 1 session, 2 signed-in user, 3 profile currency, 4 skills, 5 directions,
        # 6 directions' target skills, 7 directions' values, 8 goals, 9 learning,
        # 10 learning's skills, 11 contacts, 12 jobs, 13 jobs' benefits, 14 jobs' skills,
        # 15 jobs' goals, 16 jobs' contacts
        response = owner_client.get(reverse("account_export_json"))
    exported = json.loads(response.content)
    assert len(exported["jobs"]) == rows
    assert exported["jobs"][0]["goals"] == ["g1", "g2"][:rows]


@pytest.mark.parametrize("rows", ROWS)
def test_export_csv_queries(owner_client, owner, django_assert_num_queries, rows):
    fill(owner, rows)
    with django_assert_num_queries(7):
        # 1 session, 2 signed-in user, 3 jobs, 4 their benefits, 5 their skills,
        # 6 their goals' titles, 7 their contacts' names
        response = owner_client.get(reverse("account_export_csv"))
    assert len(response.content.decode().splitlines()) == rows + 1


@pytest.mark.parametrize("rows", ROWS)
def test_export_resume_queries(owner_client, owner, django_assert_num_queries, rows):
    fill(owner, rows)
    with django_assert_num_queries(5):
        # 1 session, 2 signed-in user, 3 held jobs, 4 learning, 5 skills
        response = owner_client.get(reverse("account_export_resume"))
    assert len(json.loads(response.content)["work"]) == rows
