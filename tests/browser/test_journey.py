"""A stranger's whole first journey, in a real browser, on a phone: land, try the demo, sign
up, describe a direction, log three jobs (one by ticking its skills), weigh an offer, import a
LinkedIn file, and read the dashboard. Nothing overflows the screen on the way, even at
320 px and with a name too long for any line."""

import re

import pytest
from playwright.sync_api import expect

from careers.models import CareerDirection
from jobs.models import Job

pytestmark = pytest.mark.django_db(transaction=True)

LONG_NAME = "Internationalewrestlingverbandsgeschäftsstellenverwaltung"
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Hallo Telecom,Customer support agent,,Berlin,Mar 2019,Dec 2020\n"
)


def no_overflow(page):
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def log_a_job(page, base, title, employer, started, ended="", tick=None):
    page.goto(base + "/jobs/add/")
    page.get_by_label("Job title").fill(title)
    page.get_by_label("Employer").fill(employer)
    page.get_by_label(re.compile(r"\bStarted\b")).fill(started)
    if ended:
        page.get_by_label(re.compile(r"\bEnded\b")).fill(ended)
    for skill in tick or []:
        page.get_by_role("group", name=skill).get_by_label("Used").check()
    page.get_by_label("Money").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")


def test_a_strangers_first_journey_on_a_phone(live_server, page, tmp_path):
    base = live_server.url
    page.set_viewport_size({"width": 320, "height": 800})

    # Land, and try the demo: the product at once, no password.
    page.goto(base + "/")
    no_overflow(page)
    page.get_by_role("button", name="Try the demo").first.click()
    expect(page).to_have_url(base + "/dashboard/")
    no_overflow(page)
    expect(page.get_by_role("heading", name="Your jobs over time")).to_be_visible()
    page.get_by_role("button", name=re.compile("End the demo")).first.click()

    # Sign up.
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Username").fill("marta")
    page.get_by_label("Email").fill("marta@example.com")
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill("a-long-and-unusual-pass")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-pass")
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(base + "/dashboard/")
    expect(page.get_by_text("Welcome, marta.")).to_be_visible()

    # A direction, with the skills it needs.
    page.goto(base + "/careers/directions/add/")
    page.get_by_label("Career direction").fill("Professional wrestler")
    page.get_by_label("Essential skills").fill("Stage presence, Strength training")
    page.get_by_label("Important skills").fill("Public speaking")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")
    no_overflow(page)

    # Three jobs: the direction's skills are there to tick.
    log_a_job(page, base, "Waiter", "Rosa's Diner", "2023-01-15", "2023-12-31", ["Public speaking"])
    log_a_job(page, base, "Gym assistant", LONG_NAME, "2024-01-08", "", ["Strength training"])
    log_a_job(page, base, "Usher", "Grand Lyric Theatre", "2022-03-01", "2022-09-30")
    no_overflow(page)
    assert Job.objects.filter(stage="held").count() == 3

    # Weigh an offer, set beside the job Marta has.
    page.goto(base + "/dashboard/")
    page.get_by_role("link", name="Weigh an offer").first.click()
    page.get_by_label("The job offered").fill("Bar supervisor")
    page.get_by_label("What the work would be").fill("Night shifts, Thursday to Sunday.")
    page.get_by_role("button", name="Weigh it").click()
    expect(page.get_by_role("heading", name="Bearing cannot weigh it yet")).to_be_visible()
    expect(page.get_by_text("If it replaced Gym assistant, the job you have")).to_be_visible()
    no_overflow(page)

    # Import a LinkedIn positions file: it arrives needing details.
    positions = tmp_path / "Positions.csv"
    positions.write_text(POSITIONS)
    page.goto(base + "/account/import/")
    page.get_by_label("File to import").set_input_files(str(positions))
    page.get_by_role("button", name="Upload and preview").click()
    page.get_by_role("button", name="Yes, import it").click()
    expect(page.get_by_role("status")).to_be_visible()

    # The dashboard reads in words, and fits the phone.
    page.goto(base + "/dashboard/")
    no_overflow(page)
    expect(
        page.get_by_text("“Customer support agent” cannot be scored yet: it needs its details.")
    ).to_be_visible()
    expect(page.locator(".tl-row", has_text="Waiter")).to_contain_text("25/100 · Built some of it")
    expect(page.get_by_text("Built the career").first).to_be_visible()
    for path in ("/jobs/", f"/jobs/{Job.objects.get(title='Gym assistant').pk}/"):
        page.goto(base + path)
        no_overflow(page)
    assert CareerDirection.objects.get().title == "Professional wrestler"
