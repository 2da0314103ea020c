"""“Mark as accepted”: an offer the person took becomes a job they hold, from the day they started,
with everything they said of it, and the dashboard counts it."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import DataVersion
from core.words import day
from jobs.models import Job
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    DirectionSkillFactory,
    JobBenefitFactory,
    JobFactory,
    JobSkillFactory,
)
from tests.helpers import input_value, job_form, row_state, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def offer(owner):
    """A trainee nurse's offer that started a fortnight ago, with all a person tells of one."""
    direction = CareerDirectionFactory(owner=owner, title="Nursing", status="current")
    goal = CareerGoalFactory(owner=owner, direction=direction, title="Register as a nurse")
    job = JobFactory(
        owner=owner,
        title="Trainee nurse",
        employer="St Mary's",
        stage="offer",
        started_on=TODAY - timedelta(days=14),
        pay_amount=Decimal("1900"),
        pay_period="month",
        hours_per_week=Decimal("37.5"),
        description="Ward rounds, some nights.",
        identity_fit=4,
        goals=[goal],
    )
    care = JobSkillFactory(job=job, skill__name="Patient care", gained=True)
    DirectionSkillFactory(direction=direction, skill=care.skill, importance=3)
    JobBenefitFactory(job=job, value="fulfillment")
    return job


def took_it(job):
    return reverse("alignment:job_took_it", args=[job.pk])


def error_beside(response, field):
    """The error shown under the date and its button, or fail when there is none."""
    html = response.content.decode()
    match = re.search(rf'<p id="error_1_id_{field}"[^>]*>(.*?)</p>', html, re.S)
    assert match, f"no error shown beside {field}"
    return text_of(match.group(1))


def test_the_offer_page_offers_to_take_it_from_its_start(owner_client, offer):
    response = owner_client.get(offer.get_absolute_url())
    text = text_of(response)
    assert "Mark as accepted" in text
    assert "It then counts among your jobs, from the day you started" in text
    assert input_value(response, "started_on") == offer.started_on.isoformat()


def test_taking_it_makes_it_a_held_job_with_everything_kept(owner_client, owner, offer):
    before = row_state(offer)
    version = DataVersion.of(owner)
    started = TODAY - timedelta(days=10)
    response = owner_client.post(took_it(offer), {"started_on": started.isoformat()}, follow=True)
    assert response.redirect_chain == [(reverse("alignment:dashboard"), 302)]
    assert "You took Trainee nurse: it now counts among your jobs." in text_of(response)
    after = row_state(offer)
    assert (after["stage"], after["started_on"], after["ended_on"]) == ("held", started, None)
    assert after["lock_version"] == before["lock_version"] + 1
    unchanged = {"stage", "started_on", "lock_version"}
    assert {k: v for k, v in after.items() if k not in unchanged} == {
        k: v for k, v in before.items() if k not in unchanged
    }
    assert list(offer.skill_links.values_list("skill__name", "gained")) == [("Patient care", True)]
    assert list(offer.benefit_links.values_list("value", flat=True)) == ["fulfillment"]
    assert list(offer.goals.values_list("title", flat=True)) == ["Register as a nurse"]
    assert DataVersion.of(owner) == version + 1
    # Counted among the jobs: in the dashboard's timeline (not a page served from before)
    # and in the timeline of jobs.
    assert (
        f'<div class="tl-label"><a href="{offer.get_absolute_url()}">Trainee nurse</a>'
        in (response.context["body"])
    )
    assert [job for job, _ in owner_client.get(reverse("alignment:job_list")).context["held"]] == [
        offer
    ]
    assert "An offer you are weighing" not in text_of(owner_client.get(offer.get_absolute_url()))


def test_an_offer_that_starts_later_says_so_and_asks_the_day(owner_client, offer):
    later = TODAY + timedelta(days=30)
    Job.objects.filter(pk=offer.pk).update(started_on=later)
    page = owner_client.get(offer.get_absolute_url())
    assert (
        f"It would start on {later.day} {later:%b %Y}, which is still to come: mark it once "
        "you have started, or give the day you started if it was earlier." in text_of(page)
    )
    assert input_value(page, "started_on") == ""
    before = row_state(offer)
    response = owner_client.post(took_it(offer), {"started_on": later.isoformat()})
    assert response.status_code == 200
    assert error_beside(response, "started_on") == (
        f"{day(later)} is still to come: a job counts among yours from the day you start. "
        "Mark it once you have started."
    )
    assert input_value(response, "started_on") == later.isoformat()  # what was typed stays
    assert "Mark as accepted" in text_of(response)
    assert row_state(offer) == before


def test_an_offer_with_no_start_is_taken_from_today_unless_told(owner_client, offer):
    Job.objects.filter(pk=offer.pk).update(started_on=None)
    assert input_value(owner_client.get(offer.get_absolute_url()), "started_on") == str(TODAY)
    response = owner_client.post(took_it(offer), {"started_on": ""})
    assert error_beside(response, "started_on") == (
        "When did you start? A job you have needs its first day."
    )
    assert Job.objects.get(pk=offer.pk).stage == "offer"


def test_a_job_form_opened_on_the_offer_is_told_it_changed(owner_client, owner, offer):
    opened = row_state(offer)["lock_version"]
    owner_client.post(took_it(offer), {"started_on": str(TODAY)})
    response = owner_client.post(
        reverse("jobs:job_edit", args=[offer.pk]),
        job_form(title="Trainee nurse", lock_version=str(opened)),
    )
    assert "This job was saved elsewhere after you opened it" in text_of(response)
    assert Job.objects.get(pk=offer.pk).stage == "held"


def test_a_job_held_already_is_left_as_it_is(owner_client, owner):
    job = JobFactory(owner=owner, title="Waiter")
    before = row_state(job)
    response = owner_client.post(took_it(job), {"started_on": "2020-01-01"}, follow=True)
    assert response.redirect_chain == [(job.get_absolute_url(), 302)]
    assert "Waiter is among your jobs already." in text_of(response)
    assert row_state(job) == before


def test_it_is_taken_only_by_a_post(owner_client, offer):
    before = row_state(offer)
    assert owner_client.get(took_it(offer)).status_code == 405
    assert row_state(offer) == before


@pytest.mark.parametrize("started", ["", "2020-01-01"])
def test_a_stranger_gets_404_and_the_offer_is_untouched(stranger_client, offer, started):
    before = row_state(offer)
    assert stranger_client.post(took_it(offer), {"started_on": started}).status_code == 404
    assert row_state(offer) == before


@pytest.mark.parametrize("rows", [1, 50])
def test_taking_it_costs_the_same_queries_however_much_it_holds(
    owner_client, owner, offer, rows, django_assert_num_queries
):
    for n in range(rows):
        JobSkillFactory(job=offer, skill__name=f"Skill {n}")
        offer.contacts.add(ContactFactory(owner=owner))
    with django_assert_num_queries(7):
        # 1 session, 2 signed-in user, 3 the offer; in one transaction (4 savepoint), 5 it
        # becomes held if it is still an offer, 6 the data version raised, 7 savepoint released
        owner_client.post(took_it(offer), {"started_on": str(TODAY)})
    assert Job.objects.get(pk=offer.pk).stage == "held"


@pytest.mark.parametrize("rows", [1, 50])
def test_a_refusal_costs_what_the_offer_page_costs(
    owner_client, owner, offer, rows, django_assert_num_queries
):
    for n in range(rows):
        JobSkillFactory(job=offer, skill__name=f"Skill {n}")
    with django_assert_num_queries(15):
        # 1 session, 2 signed-in user, 3 the offer, 4 savepoint; the offer page again
        # (jobs.views._offer_page): 5 the offer, 6 its skills with their names, 7 its
        # values, 8 its goals, 9 its contacts, 10 the directions, 11 every job, 12 what each
        # gave, 13 the target skills and what covers them, 14 what the offer and the latest
        # job matched, by name; 15 savepoint released
        response = owner_client.post(took_it(offer), {"started_on": "2999-01-01"})
    assert "is still to come" in error_beside(response, "started_on")
