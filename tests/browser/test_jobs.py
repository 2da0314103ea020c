"""A person logs in, logs a job with two new skills, and finds it in their timeline."""

import re

import pytest
from playwright.sync_api import expect

from careers.models import Skill
from jobs.models import Job
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_log_a_job_with_new_skills_and_see_it_ongoing_in_the_timeline(live_server, page):
    UserFactory(username="marta")

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("marta")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/dashboard/")

    page.get_by_role("link", name="Log a job").click()
    expect(page).to_have_url(live_server.url + "/jobs/add/")
    page.get_by_label("Job title").fill("Gym assistant")
    page.get_by_label("Employer").fill("Iron Hall")
    page.get_by_label(re.compile(r"\bStarted\b")).fill("2025-01-06")
    page.get_by_label("Other skills you used").fill("Strength training, Choreography")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(re.escape(live_server.url) + r"/jobs/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("Saved “Gym assistant, Iron Hall”.")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Gym assistant")
    expect(heading).to_contain_text("Ongoing")
    expect(page.get_by_role("link", name="Strength training")).to_be_visible()
    expect(page.get_by_role("link", name="Choreography")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    expect(page).to_have_url(live_server.url + "/jobs/")
    timeline = page.get_by_role("region", name="Timeline")
    entry = timeline.get_by_role("listitem").filter(has_text="Gym assistant")
    expect(entry).to_contain_text("Iron Hall")
    expect(entry).to_contain_text("Ongoing")
    expect(entry).to_contain_text("Jan 2025 – now")
    expect(entry).to_contain_text("Strength training")

    job = Job.objects.get()
    assert (job.owner.username, job.title, job.stage, job.ended_on) == (
        "marta",
        "Gym assistant",
        "held",
        None,
    )
    assert sorted(Skill.objects.values_list("name", flat=True)) == [
        "Choreography",
        "Strength training",
    ]
