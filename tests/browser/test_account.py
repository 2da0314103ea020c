"""A person's history in and out, in a real browser: LinkedIn in, everything out, and goodbye."""

import json

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from jobs.models import Job
from tests.accounts.helpers import SAMPLES, linkedin_archive
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/dashboard/")


def test_bring_linkedin_in_and_take_everything_out(live_server, page, tmp_path):
    UserFactory(username="marta")
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    archive.write_bytes(linkedin_archive())
    log_in(page, live_server, "marta")

    page.goto(live_server.url + "/account/")
    page.get_by_label("File to import").set_input_files(str(archive))
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check what will be imported")
    expect(page.locator("#import-summary")).to_have_text(
        "This will add 3 jobs, 2 learning entries and 3 new skills."
    )
    expect(page.get_by_text("Ring crew, Lucha Libre Club (Jan 2023 – ongoing)")).to_be_visible()
    assert Job.objects.count() == 0
    page.get_by_role("button", name="Yes, import it").click()

    # The positions say nothing yet of what they gave: the next step is to say it.
    expect(page).to_have_url(live_server.url + "/account/import/complete/")
    expect(page.get_by_role("status")).to_contain_text(
        "Imported from the LinkedIn data archive: 3 jobs"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("3 jobs need their details")
    page.get_by_role("link", name="Start with the newest").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gym assistant")
    page.get_by_label("Money").check()
    page.get_by_label("Skills you used").fill("Coaching")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waiter")
    expect(page.get_by_text("2 jobs still need details.")).to_be_visible()
    gym = Job.objects.get(title="Gym assistant")
    assert [link.skill.name for link in gym.skill_links.all()] == ["Coaching"]
    page.goto(live_server.url + "/jobs/")
    expect(page.get_by_text("Gym assistant").first).to_be_visible()

    page.goto(live_server.url + "/account/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download .json").click()
    assert download.value.suggested_filename.startswith("bearing-marta-")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert [job["title"] for job in exported["jobs"]] == ["Ring crew", "Waiter", "Gym assistant"]


def test_a_spreadsheet_is_matched_and_its_dates_told_before_it_comes_in(live_server, page):
    UserFactory(username="marta")
    log_in(page, live_server, "marta")
    page.goto(live_server.url + "/account/import/")
    page.get_by_label("File to import").set_input_files(str(SAMPLES / "spreadsheet-ambiguous.csv"))
    page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("alert")).to_contain_text("Some dates can be read two ways.")
    expect(page.get_by_role("button", name="Yes, import it")).to_have_count(0)
    page.get_by_label("3 April 2019: the day comes first").check()
    page.get_by_label("Column D: End date").select_option(label="Not imported")
    page.get_by_role("button", name="Use this matching").click()

    rows = page.locator("table.first-rows")
    expect(rows).to_contain_text("3 Apr 2019 – ongoing")
    expect(rows).to_contain_text("1 Feb 2021 – ongoing")
    assert Job.objects.count() == 0
    page.get_by_role("button", name="Yes, import it").click()
    expect(page).to_have_url(live_server.url + "/account/import/complete/")
    assert Job.objects.get(title="Waiter").started_on.isoformat() == "2019-04-03"


def test_a_broken_file_is_refused_on_the_page(live_server, page, tmp_path):
    UserFactory(username="marta")
    broken = tmp_path / "history.json"
    broken.write_text('{"format": "bearing-export", "version": 1, "jobs": [{"key": "j1"}]}')
    log_in(page, live_server, "marta")
    page.goto(live_server.url + "/account/import/")
    page.get_by_label("File to import").set_input_files(str(broken))
    page.get_by_role("button", name="Upload and preview").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("“history.json” cannot be imported. Nothing was saved.")
    expect(alert).to_contain_text("jobs[0].title: missing")
    expect(alert).to_contain_text("jobs[0].started_on: missing: a job you held needs a start date")


def test_delete_the_account(live_server, page):
    UserFactory(username="marta")
    UserFactory(username="neighbour")
    log_in(page, live_server, "marta")
    page.goto(live_server.url + "/account/")
    page.get_by_role("link", name="Delete my account…").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account?")
    page.get_by_label("Your password").fill("not it")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_text("That is not your password. Nothing has been deleted.")).to_be_visible()

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("status")).to_contain_text(
        "Your account and everything in it have been deleted."
    )
    assert list(User.objects.values_list("username", flat=True)) == ["neighbour"]
