"""The worked example's dashboard in a real browser, on two screens."""

import pytest
from playwright.sync_api import expect

from tests.worked_example import PASSWORD, USERNAME, elena

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("screen", "width"), [("desktop", 1280), ("phone", 390)])
def test_demo_dashboard_shows_the_worked_example(live_server, page, tmp_path, screen, width):
    elena()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(live_server.url + "/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Professional wrestler")
    expect(page.locator("[data-figure=overall-alignment]")).to_have_text("30")
    expect(page.locator("[data-figure=aligned-share]")).to_have_text("33%")
    expect(page.locator("[data-figure=skill-coverage]")).to_have_text("67%")
    missing = page.get_by_role("region", name="Missing skill")
    expect(missing).to_contain_text("Stage presence")
    expect(
        page.get_by_text(
            "Careful: this offer mentions “night shifts”, which your notes on Waiter say you "
            "want to avoid."
        )
    ).to_be_visible()

    shot = tmp_path / f"dashboard-{screen}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000

    # The answer comes first, in words and days, before any figure.
    answer = page.get_by_role("region", name="Did your jobs build your career?")
    expect(answer).to_contain_text(
        "Gym assistant built your professional wrestler career. Waiter paid the bills."
    )
    expect(answer).to_contain_text("Built the career: 6 months")
    assert answer.bounding_box()["y"] < page.locator(".figure-card").first.bounding_box()["y"]

    # A bar of the timeline links to its job.
    page.locator(".tl-job a").filter(has_text="Waiter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waiter")
    expect(
        page.get_by_text(
            "Taught you Public speaking (important): 1 of your 4 target skills", exact=True
        )
    ).to_be_visible()
