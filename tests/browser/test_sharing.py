"""The story, a mentor's link and printing, in a real browser: Elena shares her career, her
mentor opens it without an account, and it prints as a report."""

import re

import pytest
from playwright.sync_api import expect

from careers.models import CareerDirection
from demo.elena import PASSWORD, USERNAME, load_demo
from jobs.models import Job

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, live_server):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/dashboard/")


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_the_story_reads_at_every_width(live_server, page, width):
    load_demo()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server)
    page.goto(live_server.url + "/story/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your career story")
    # The demo is dated back from today: the gym job's year is the one that built the career.
    built = str(Job.objects.get(title="Gym assistant").started_on.year)
    year = page.get_by_role("region", name=built)
    said = year.locator("p", has_text="You spent").first
    expect(said).to_contain_text(re.compile(r"You spent \d+ days in work that built the career"))
    # The chart says in words what the sentence under it says.
    expect(year.get_by_role("img")).to_have_attribute("aria-label", said.inner_text())
    # Nothing runs off the side of a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # A turning point leads to its year: the year the wrestling direction began.
    began = str(CareerDirection.objects.get(status="current").started_on.year)
    page.get_by_role("link", name=began, exact=True).first.click()
    expect(page).to_have_url(live_server.url + f"/story/#year-{began}")


def test_a_mentor_opens_the_link_and_it_prints_as_a_report(live_server, browser, page, tmp_path):
    load_demo()
    log_in(page, live_server)
    page.get_by_role("button", name=USERNAME).click()
    page.get_by_role("link", name="Share with a mentor").click()
    page.get_by_label("Who is it for?").fill("for my mentor")
    page.get_by_role("button", name="Create the link").click()
    address = page.locator("#new-link-url").inner_text()
    assert address.startswith(live_server.url + "/shared/")
    expect(page.get_by_text("not opened yet")).to_be_visible()

    mentor = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    mentor.goto(address)
    expect(mentor.get_by_text("Read-only, shared by Elena")).to_be_visible()
    expect(mentor.get_by_role("heading", name="Professional wrestler")).to_be_visible()
    expect(mentor.get_by_role("heading", name="Career story")).to_be_visible()
    expect(mentor.get_by_role("navigation")).to_have_count(0)
    expect(mentor.locator("form")).to_have_count(0)
    assert mentor.evaluate("document.documentElement.scrollWidth") <= 390
    # A bar of the timeline leads to the job's explanation on the same page.
    mentor.set_viewport_size({"width": 1280, "height": 900})
    mentor.locator(".tl a").nth(2).click()
    assert "/shared/" in mentor.url and "#job-" in mentor.url

    # On paper: no bar or buttons, the running head, black-and-white fills.
    mentor.emulate_media(media="print")
    expect(mentor.locator(".shared-bar")).to_be_hidden()
    expect(mentor.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    head = mentor.locator(".print-frame > thead")
    expect(head).to_be_visible()
    expect(head).to_contain_text("Shared career report · Elena")
    expect(head).to_contain_text("Direction: Professional wrestler")
    solid = mentor.locator(".tl-bar.tone-built").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert solid == "rgb(17, 17, 17)"
    assert mentor.locator("#story").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    for paper in ("A4", "Letter"):
        pdf = tmp_path / f"shared-{paper}.pdf"
        mentor.pdf(path=str(pdf), format=paper)
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000

    # Revoked: the mentor's next visit is a 404.
    page.goto(live_server.url + "/account/sharing/")
    expect(page.get_by_text("last opened")).to_be_visible()
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("is revoked: it no longer opens")).to_be_visible()
    mentor.emulate_media(media="screen")
    assert mentor.goto(address).status == 404


def test_an_offer_prints_as_a_report_beside_the_job_she_has(live_server, page, tmp_path):
    load_demo()
    log_in(page, live_server)
    offer = Job.objects.get(stage="offer")
    page.goto(live_server.url + f"/jobs/{offer.pk}/")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    page.emulate_media(media="print")
    head = page.locator(".print-frame > thead")
    expect(head).to_be_visible()
    expect(head).to_contain_text("Weighing an offer · Elena")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    expect(page.get_by_text("If it replaced Waiter, the job you have")).to_be_visible()
    expect(
        page.get_by_role("heading", name="More pay for more hours, but worse for your career")
    ).to_be_visible()
    expect(
        page.get_by_text("For your professional wrestler career it would do even less than")
    ).to_be_visible()
    pdf = tmp_path / "offer.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
