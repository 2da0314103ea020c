"""A person signs up in a real browser, lands on their home page and logs out."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_land_on_home_and_log_out(live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("main").get_by_role("link", name="Sign up").click()
    page.get_by_label("Username").fill("marta")
    page.get_by_label("Email").fill("marta@example.com")
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill("a-long-and-unusual-pass")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-pass")
    page.get_by_role("button", name="Create my account").click()

    expect(page).to_have_url(live_server.url + "/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("marta")

    page.get_by_role("button", name="marta").click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Log in")).to_be_visible()
    expect(nav).not_to_contain_text("marta")
