"""The job and offer forms as a person fills them in: the skills of every direction to tick,
grouped by direction; pay, hours and goals in view; words that fit a job and an offer."""

import re
from datetime import date

import pytest
from django.urls import reverse

from jobs.models import Job
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    DirectionSkillFactory,
    JobFactory,
    SkillFactory,
)
from tests.helpers import checked, job_form, text_of

pytestmark = pytest.mark.django_db

JOB_ADD = reverse("jobs:job_add")
OFFER_ADD = reverse("jobs:offer_add")


@pytest.fixture
def directions(owner):
    """A current direction, one considered and a past one; Public speaking asked by two."""
    speaking = SkillFactory(owner=owner, name="Public speaking")
    wrestling = CareerDirectionFactory(owner=owner, title="Professional wrestler", status="current")
    DirectionSkillFactory(direction=wrestling, skill__name="Stage presence", importance=3)
    DirectionSkillFactory(direction=wrestling, skill=speaking, importance=2)
    coaching = CareerDirectionFactory(owner=owner, title="Fitness coach", status="considering")
    DirectionSkillFactory(direction=coaching, skill__name="Coaching", importance=3)
    DirectionSkillFactory(direction=coaching, skill=speaking, importance=1)
    cooking = CareerDirectionFactory(owner=owner, title="Chef", status="past")
    DirectionSkillFactory(direction=cooking, skill__name="Knife work")
    return {"wrestling": wrestling, "coaching": coaching, "cooking": cooking}


def target(owner, name):
    return f"target_{owner.skill_set.get(name=name).pk}"


# --- Every direction's skills, to tick -----------------------------------------------------


@pytest.mark.parametrize("url", [JOB_ADD, OFFER_ADD])
def test_the_form_offers_every_directions_skills_each_once(owner_client, owner, directions, url):
    response = owner_client.get(url)
    text = text_of(response)
    # Grouped by direction: the current one, then those considered, then past ones.
    assert re.search(
        r"Professional wrestler \(current\) Stage presence .* Public speaking .*"
        r"Fitness coach \(considering\) Coaching .* Chef \(past\) Knife work",
        text,
    )
    # Public speaking, asked by two directions, is listed once, under the first.
    html = response.content.decode()
    assert html.count(f'name="{target(owner, "Public speaking")}" value=""') == 1
    assert text.count("Public speaking") == 1


def test_a_skill_of_a_direction_considered_is_saved_when_ticked(owner_client, owner, directions):
    response = owner_client.post(
        JOB_ADD, job_form(**{target(owner, "Coaching"): "gained", "lock_version": ""})
    )
    job = Job.objects.get(owner=owner)
    assert response["Location"] == job.get_absolute_url()
    assert list(job.skill_links.values_list("skill__name", "gained")) == [("Coaching", True)]
    edit = owner_client.get(reverse("jobs:job_edit", args=[job.pk]))
    assert checked(edit, target(owner, "Coaching")) == {"gained"}


def test_at_most_a_hundred_skills_are_offered_and_the_form_says_so(owner_client, owner):
    many = CareerDirectionFactory(owner=owner, title="Polymath", status="considering")
    for n in range(120):
        DirectionSkillFactory(direction=many, skill__name=f"Skill {n:03}")
    response = owner_client.get(JOB_ADD)
    ticks = [name for name in response.context["form"].fields if name.startswith("target_")]
    assert len(ticks) == 100
    assert (
        "Your directions ask for more than the 100 listed here: type any other under "
        "“Other skills”." in text_of(response)
    )


@pytest.mark.parametrize("rows", [1, 50])
def test_the_form_costs_the_same_queries_however_many_directions(
    owner_client, owner, rows, django_assert_num_queries
):
    for n in range(rows):
        direction = CareerDirectionFactory(owner=owner, title=f"Direction {n}")
        DirectionSkillFactory(direction=direction, skill__name=f"Skill {n}")
        DirectionSkillFactory(direction=direction, skill__name=f"Other {n}")
        CareerGoalFactory(owner=owner, direction=direction, title=f"Goal {n}")
        ContactFactory(owner=owner, name=f"Contact {n}")
    with django_assert_num_queries(9):
        # 1 session, 2 signed-in user, 3 every direction's target skills to tick, 4 the
        # profile's currency, 5 whether there is any contact, 6 the person's skill names
        # for suggestions, 7 goals to choose from, 8 whether there is any goal at all,
        # 9 contacts to choose from
        response = owner_client.get(JOB_ADD)
    assert f"Direction {rows - 1} (considering) Other {rows - 1}" in text_of(response)


# --- What counts, in view ------------------------------------------------------------------


def test_pay_hours_and_goals_are_in_view_and_the_rest_folded(owner_client, owner):
    CareerGoalFactory(owner=owner, title="First amateur match")
    response = owner_client.get(JOB_ADD)
    html = response.content.decode()
    folded = html[html.index('class="accordion-collapse collapse"') :]
    for name in ("pay_amount", "pay_period", "currency", "hours_per_week", "goals"):
        assert f'name="{name}"' in html and f'name="{name}"' not in folded, name
    for name in ("description", "satisfaction", "lessons", "avoid"):
        assert f'name="{name}"' in folded, name
    # Goals count in the score: they are with what it gave.
    assert re.search(r"What it gave you .* Goals it advanced First amateur match", text_of(html))
    # The button that opens the folded part says it is closed.
    button = re.search(r'<button class="accordion-button collapsed"[^>]*>', html).group(0)
    assert 'aria-expanded="false"' in button


# --- Words that fit a job and an offer -----------------------------------------------------


@pytest.mark.parametrize("url", [JOB_ADD, OFFER_ADD])
def test_the_occupation_choice_speaks_of_a_job_not_a_career(owner_client, url):
    text = text_of(owner_client.get(url))
    assert "No occupation: this job is not one of them" in text
    assert "my career" not in text
    direction_form = text_of(owner_client.get(reverse("careers:direction_add")))
    assert "No occupation: my career is not one of them" in direction_form


def test_the_offer_form_speaks_of_skills_in_the_future(owner_client, directions):
    offer = text_of(owner_client.get(OFFER_ADD))
    assert "Tick what this job would use or teach you: these count most in its score." in offer
    assert "used or taught" not in offer
    job = text_of(owner_client.get(JOB_ADD))
    assert "Tick what this job used or taught you: these count most in its score." in job


def test_an_offer_with_a_start_reads_from_that_month(owner_client, owner, directions):
    JobFactory(owner=owner, title="Ring announcer", stage="offer", started_on=date(2026, 11, 2))
    text = text_of(owner_client.get(reverse("alignment:dashboard")))
    assert "From Nov 2026" in text and "From Nov 2026 · measured against" not in text
    # The offers say once, over them, what they are measured against.
    assert (
        "Offers on the table Each judged by what it would do for your professional wrestler career."
    ) in text
    assert "open" not in text.split("Ring announcer", 1)[1][:80]
