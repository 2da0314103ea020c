"""What readers who had never seen Bearing still quoted once every history read 4 of 5 (issue
20, round 13): each text checked as a person sees it."""

import re
from datetime import date

import pytest
from django.urls import reverse

from alignment import wording
from core.models import bump_data_version
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import text_of
from tests.jobs.helpers import imported, offer_page

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")


def test_an_offer_page_lists_no_job_like_it_that_names_nothing_it_would_build(client):
    # The demo's bar supervisor: supervisors of retail or gambling are a little nearer an
    # athlete's work by O*NET's profiles, but build none of what Elena misses. A reader
    # found them "unrelated" to wrestling: the page has no reason to show them.
    user = load_demo()
    client.force_login(user)
    page = offer_page(client, user)
    assert "Other jobs like this offer" not in page
    assert "First-Line Supervisors of Retail Sales Workers" not in page
    assert "this offer would use" not in page


def test_with_only_the_next_step_the_page_says_no_goal_is_past_its_date(client):
    user = imported(client, "ux_designer")
    # Her support job ends, so that only the next step is left; her goals are not due yet.
    Job.objects.filter(owner=user, ended_on=None).update(ended_on=date(2026, 11, 30))
    bump_data_version(user.pk)
    steps = text_of(client.get(DASHBOARD).content.decode().split('id="next-heading"')[1])
    assert steps.startswith(">Other steps Nothing else is due now: no goal is past its date.")
    assert "pressing" not in steps.split("</section>")[0]


def test_an_offers_goals_say_which_are_already_achieved(client):
    # Tomás's offer would advance his one open goal; the other he has achieved. A reader
    # asked why it would advance only "1 of your 2 goals".
    user = imported(client, "nurse")
    page = offer_page(client, user, "Healthcare assistant")
    assert (
        "Would advance 1 of your 2 goals: Start a nursing degree (the other is already achieved)"
    ) in page
    # A job held says only what it did: an achieved goal is one a job may have advanced.
    assert "Advanced none of your 2 goals Values" in page


def test_the_demo_offer_says_two_of_its_goals_are_already_achieved(client):
    user = load_demo()
    client.force_login(user)
    assert "Would advance none of your 3 goals (2 of them are already achieved)" in offer_page(
        client, user
    )


@pytest.mark.parametrize(
    ("achieved", "total", "advanced", "said"),
    [
        (1, 2, ["A"], " (the other is already achieved)"),
        (2, 3, ["A"], " (the other 2 are already achieved)"),
        (3, 3, [], " (all 3 are already achieved)"),
        (1, 1, [], " (it is already achieved)"),
        (1, 4, ["A"], " (1 of them is already achieved)"),
        (2, 5, [], " (2 of them are already achieved)"),
        (1, 2, ["A", "B"], ""),  # it would advance every goal
    ],
)
def test_the_achieved_goals_are_counted_in_words(achieved, total, advanced, said):
    assert wording._achieved(achieved, total, {"goals": advanced}) == said


def test_the_story_says_the_career_where_it_said_it(client):
    # "You spent 45 days in work that built some of it": a reader asked, some of what?
    client.force_login(load_demo())
    story = text_of(client.get(reverse("alignment:story")))
    assert re.search(r"You spent \d+ days in work that built some of the career", story)
    assert "built some of it and" not in story
