"""`manage.py load_demo`: Elena of the product contract, exactly, however many times it runs."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Profile,
    Skill,
)
from jobs.models import Job, JobBenefit, JobSkill

pytestmark = pytest.mark.django_db

MODELS = [
    User,
    Profile,
    Skill,
    CareerDirection,
    DirectionSkill,
    DirectionValue,
    CareerGoal,
    Learning,
    Learning.skills.through,
    Contact,
    Job,
    JobSkill,
    JobBenefit,
    Job.goals.through,
    Job.contacts.through,
]


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """Hashing a real password takes a third of a second per person and proves nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def elena():
    load_demo()
    return User.objects.get(username="elena")


def test_the_command_says_how_to_log_in():
    assert "elena / bearing-demo" in load_demo()


def test_elena_logs_in_with_the_published_password(elena):
    assert (
        authenticate(
            RequestFactory().post("/accounts/login/"), username="elena", password="bearing-demo"
        )
        == elena
    )


def test_her_direction_is_professional_wrestling_since_june_2023(elena):
    direction = CareerDirection.objects.get(owner=elena)
    assert direction.title == "Professional wrestler"
    assert direction.status == "current"
    assert direction.started_on == date(2023, 6, 1)
    assert direction.ended_on is None
    assert {(link.skill.name, link.importance) for link in direction.skill_links.all()} == {
        ("Stage presence", 3),
        ("Strength training", 3),
        ("Public speaking", 2),
        ("Choreography", 1),
    }
    assert dict(direction.value_links.values_list("value", "weight")) == {
        "fulfillment": 3,
        "identity": 2,
        "money": 1,
    }


def test_her_three_goals_have_the_design_statuses_and_priorities(elena):
    goals = {
        goal.title: (goal.status, goal.priority) for goal in CareerGoal.objects.filter(owner=elena)
    }
    assert goals == {
        "First amateur match": ("active", 3),
        "Join a wrestling school": ("achieved", 2),
        "Build a following": ("dropped", 1),
    }
    school = CareerGoal.objects.get(owner=elena, title="Join a wrestling school")
    assert school.achieved_on is not None
    direction = CareerDirection.objects.get(owner=elena)
    assert set(CareerGoal.objects.filter(owner=elena).values_list("direction", flat=True)) == {
        direction.pk
    }


def test_her_course_teaches_stage_presence_and_is_not_completed(elena):
    course = Learning.objects.get(owner=elena)
    assert course.kind == "course"
    assert course.completed_on is None
    assert [skill.name for skill in course.skills.all()] == ["Stage presence"]


def test_she_has_a_contact_met_at_the_gym(elena):
    contact = Contact.objects.get(owner=elena)
    gym = Job.objects.get(owner=elena, title="Gym assistant")
    assert list(gym.contacts.all()) == [contact]


def test_her_jobs_have_the_design_dates_and_one_offer(elena):
    jobs = Job.objects.filter(owner=elena)
    waiter = jobs.get(title="Waiter")
    gym = jobs.get(title="Gym assistant")
    assert (waiter.employer, waiter.stage) == ("Rosa's Diner", "held")
    assert (waiter.started_on, waiter.ended_on) == (date(2024, 1, 15), date(2024, 12, 31))
    assert waiter.identity_fit == 2
    assert (waiter.pay_amount, waiter.pay_period, waiter.currency) == (
        Decimal("11.50"),
        "hour",
        "EUR",
    )
    assert (gym.employer, gym.stage) == ("Iron Hall", "held")
    assert (gym.started_on, gym.ended_on) == (date(2025, 1, 6), date(2025, 6, 30))
    assert gym.identity_fit == 5
    assert jobs.held().count() == 2
    assert jobs.offers().count() == 1


def test_her_jobs_used_and_gave_what_the_worked_example_counts(elena):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    gym = Job.objects.get(owner=elena, title="Gym assistant")
    targets = {"Stage presence", "Strength training", "Public speaking", "Choreography"}
    assert {link.skill.name for link in waiter.skill_links.all()} & targets == {"Public speaking"}
    assert {link.skill.name for link in gym.skill_links.all()} & targets == {
        "Strength training",
        "Choreography",
    }
    values = {"fulfillment", "identity", "money"}
    assert set(waiter.benefit_links.values_list("value", flat=True)) & values == {"money"}
    assert set(gym.benefit_links.values_list("value", flat=True)) & values == values
    assert [goal.title for goal in waiter.goals.all()] == []
    assert [goal.title for goal in gym.goals.all()] == ["Join a wrestling school"]


def test_her_skill_names_are_each_kept_once(elena):
    names = [skill.name.casefold() for skill in Skill.objects.filter(owner=elena)]
    assert len(names) == len(set(names))
    assert "stage presence" in names


def test_loading_twice_leaves_exactly_the_same_data(elena):
    first = counts()
    direction_before = CareerDirection.objects.get(owner=elena).title
    load_demo()
    assert counts() == first
    assert CareerDirection.objects.get(owner=elena).title == direction_before
    assert first["User"] == 1
    assert first["Job"] == 3
    assert first["CareerGoal"] == 3


def test_loading_again_resets_what_a_visitor_changed(elena):
    Job.objects.filter(owner=elena).delete()
    CareerGoal.objects.filter(owner=elena, title="First amateur match").update(title="Edited")
    Skill.objects.create(owner=elena, name="Juggling")
    elena.set_password("changed")
    elena.save()

    load_demo()

    assert Job.objects.filter(owner=elena).count() == 3
    assert CareerGoal.objects.filter(owner=elena, title="First amateur match").exists()
    assert not Skill.objects.filter(owner=elena, name="Juggling").exists()
    assert (
        authenticate(
            RequestFactory().post("/accounts/login/"), username="elena", password="bearing-demo"
        )
        == elena
    )


def test_loading_the_demo_leaves_other_people_alone(owner):
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2024, 1, 1))
    load_demo()
    assert Job.objects.filter(owner=owner).count() == 1


def test_the_login_page_names_the_demo_account_only_while_debug_is_on(client, settings):
    settings.DEBUG = True
    text = client.get(reverse("login")).content.decode()
    assert "elena" in text
    assert "bearing-demo" in text

    settings.DEBUG = False
    text = client.get(reverse("login")).content.decode()
    assert "elena" not in text
    assert "bearing-demo" not in text
