"""A visitor tries the demo in a real browser: the landing page at three widths, one click
into a private demo, and out again to sign up."""

import pytest
from playwright.sync_api import expect

from demo.models import DemoAccount

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("width", "picture"),
    [(1280, "dashboard.png"), (390, "dashboard-phone.png"), (320, "dashboard-phone.png")],
)
def test_the_landing_page_fits_the_screen_and_shows_the_dashboard(
    live_server, page, width, picture
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobs are not careers.")
    expect(page.get_by_role("button", name="Try the demo")).to_be_visible()
    image = page.get_by_role("img", name="Bearing's dashboard for Elena")
    expect(image).to_be_visible()
    # The picture is loaded, and the phone-sized one on a phone.
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert image.evaluate("img => img.currentSrc").endswith("/static/img/" + picture)
    # Nothing sticks out sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Try the demo is on the first screen.
    box = page.get_by_role("button", name="Try the demo").bounding_box()
    assert box["y"] + box["height"] <= 800


def test_try_the_demo_then_end_it_and_sign_up(live_server, page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Try the demo").click()

    expect(page).to_have_url(live_server.url + "/dashboard/")
    expect(page.get_by_role("status").filter(has_text="private demo")).to_be_visible()
    banner = page.get_by_role("complementary", name="Demo account")
    expect(banner).to_contain_text("removed after a day")
    expect(page.get_by_role("heading", level=1)).to_have_text("Professional wrestler")
    expect(page.locator("[data-figure=overall-alignment]")).not_to_have_text("—")
    assert DemoAccount.objects.count() == 1

    # The banner follows the visitor from page to page.
    page.goto(live_server.url + "/jobs/")
    expect(page.get_by_text("Rosa's Diner").first).to_be_visible()
    banner.get_by_role("button", name="End the demo and sign up").click()

    expect(page).to_have_url(live_server.url + "/accounts/signup/")
    expect(page.get_by_text("Your demo is deleted.")).to_be_visible()
    expect(page.get_by_role("complementary", name="Demo account")).to_have_count(0)
    assert DemoAccount.objects.count() == 0
