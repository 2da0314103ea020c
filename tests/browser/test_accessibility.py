"""Every page a person uses, checked by axe-core at a desktop and a phone width: no serious
or critical accessibility problem anywhere.

axe-core comes bundled in the axe-playwright-python package from PyPI, so nothing is
fetched at run time.
"""

import pytest
from django.urls import reverse

from demo.elena import PASSWORD, USERNAME, load_demo
from tests.helpers import pages_of, problems

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [1280, 390]


PUBLIC_PAGES = ["home", "login", "signup", "password_reset"]


PARTS = 4  # the pages are checked in four parts, which run side by side on the cores


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_a_person_uses_passes_axe(live_server, page, width, part):
    user = load_demo()
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name in PUBLIC_PAGES[part::PARTS]:
        page.goto(live_server.url + reverse(name))
        found[name] = problems(page)
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    for url in pages_of(user)[part::PARTS]:
        page.goto(live_server.url + url)
        found[url] = problems(page)
    failing = {url: lines for url, lines in found.items() if lines}
    said = [f"{url}: {line}" for url, lines in failing.items() for line in lines]
    assert not failing, "\n".join(said)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_log_in_pages_development_note_passes_axe(live_server, page, settings, width):
    # `make run` serves with DEBUG on: every newcomer sees the demo log-in named there.
    settings.DEBUG = True
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("login"))
    assert page.get_by_role("note").filter(has_text="make run").is_visible()
    assert problems(page) == []
