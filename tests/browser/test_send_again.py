"""Forms that lose nothing, in a real browser: a job typed while the session ended is sent again
after logging in; an unlikely pay is asked about and saved once confirmed; two tabs, one job.
Each page on the way passes axe."""

import re

import pytest
from playwright.sync_api import expect

from careers.models import CareerGoal
from jobs.models import Job
from tests.factories import PASSWORD, JobFactory, UserFactory
from tests.helpers import problems

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page):
    page.get_by_label("Username").fill("marta")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_job_typed_while_the_session_ended_is_sent_again_after_logging_in(live_server, page):
    UserFactory(username="marta")
    page.goto(live_server.url + "/accounts/login/")
    log_in(page)
    expect(page).to_have_url(live_server.url + "/dashboard/")

    page.goto(live_server.url + "/jobs/add/")
    page.get_by_label("Job title").fill("Ring announcer")
    page.get_by_label("Employer").fill("Iron Hall")
    page.get_by_label(re.compile(r"\bStarted\b")).fill("2025-03-01")
    page.get_by_label("Other skills you used").fill("Public speaking")
    page.context.clear_cookies(name="sessionid")  # the session ends meanwhile
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Your session had ended, so the form you sent was not saved."
    )
    log_in(page)
    expect(page).to_have_url(live_server.url + "/account/send-again/")
    expect(page.locator("#kept-fields")).to_contain_text("Ring announcer")
    assert problems(page) == []
    assert not Job.objects.exists()

    page.get_by_role("button", name="Send it").click()
    expect(page).to_have_url(re.compile(re.escape(live_server.url) + r"/jobs/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("Saved “Ring announcer, Iron Hall”.")
    job = Job.objects.get()
    assert (job.title, job.skills.get().name) == ("Ring announcer", "Public speaking")


def test_an_unlikely_pay_is_asked_about_and_saved_once_confirmed(live_server, page):
    UserFactory(username="marta")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    log_in(page)
    page.goto(live_server.url + "/jobs/add/")
    page.get_by_label("Job title").fill("Consultant")
    page.get_by_label(re.compile(r"\bStarted\b")).fill("2024-01-15")
    if not page.locator("#id_pay_amount").is_visible():  # behind "More about the job"
        page.get_by_text("More about the job").click()
    page.locator("#id_pay_amount").fill("9999999999.99")
    page.locator("#id_pay_period").select_option("hour")
    page.get_by_role("button", name="Save").click()

    expect(page.locator("#error_1_id_pay_amount")).to_contain_text(
        "is more than almost anybody is paid (1,000 an hour). Is that right?"
    )
    assert problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_label("Job title")).to_have_value("Consultant")
    page.get_by_role("checkbox", name="Yes, this pay is right").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved “Consultant”.")
    assert str(Job.objects.get().pay_amount) == "9999999999.99"


def test_two_tabs_one_job_the_second_save_asks_before_replacing(live_server, page):
    marta = UserFactory(username="marta")
    job = JobFactory(owner=marta, title="Waiter", employer="Rosa's Diner")
    page.goto(live_server.url + "/accounts/login/")
    log_in(page)
    edit = f"{live_server.url}/jobs/{job.pk}/edit/"
    page.goto(edit)
    other = page.context.new_page()
    other.goto(edit)
    other.get_by_label("Job title").fill("Head waiter")
    other.get_by_role("button", name="Save").click()
    expect(other.get_by_role("status")).to_contain_text("Saved")

    page.get_by_label("Job title").fill("Night waiter")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#error_1_id_title")).to_have_text("Saved meanwhile: “Head waiter”.")
    assert problems(page) == []
    page.get_by_role("button", name="Save").click()  # without the box: nothing replaced
    expect(page.locator("#error_1_id_title")).to_have_text("Saved meanwhile: “Head waiter”.")
    job.refresh_from_db()
    assert job.title == "Head waiter"
    page.get_by_role("checkbox", name="Replace the saved version with mine").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved “Night waiter, Rosa's Diner”.")


def test_a_form_with_an_old_token_after_the_session_ended_is_kept_behind_the_log_in(
    live_server, page
):
    UserFactory(username="marta")
    page.goto(live_server.url + "/accounts/login/")
    log_in(page)
    page.goto(live_server.url + "/careers/goals/add/")
    page.get_by_label("Title").fill("Headline a local show")
    page.context.clear_cookies(name="sessionid")
    page.context.add_cookies([{"name": "csrftoken", "value": "z" * 32, "url": live_server.url}])
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to send your form")
    assert problems(page) == []
    log_in(page)
    expect(page.locator("#kept-fields")).to_contain_text("Headline a local show")
    page.get_by_role("button", name="Send it").click()
    expect(page.get_by_role("status")).to_contain_text("Saved “Headline a local show”.")
    assert CareerGoal.objects.get().title == "Headline a local show"


def test_a_form_of_a_public_page_with_an_old_token_gets_bearings_own_page(live_server, page):
    UserFactory(username="marta")
    page.goto(live_server.url + "/accounts/login/")
    page.context.add_cookies([{"name": "csrftoken", "value": "z" * 32, "url": live_server.url}])
    log_in(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("This form could not be sent")
    assert problems(page) == []
