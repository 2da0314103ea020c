"""Every page a person uses, checked by axe-core at a desktop and a phone width: no serious
or critical accessibility problem anywhere.

axe-core comes bundled in the axe-playwright-python package from PyPI, so nothing is
fetched at run time.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from accounts.demo import PASSWORD, USERNAME, load_demo
from careers.models import CareerDirection, CareerGoal, Contact, Learning, Skill
from jobs.models import Job
from sharing.models import ShareLink

pytestmark = pytest.mark.django_db(transaction=True)

# Impacts that fail the test; "minor" and "moderate" ones are reported, not failed on.
FAILING = {"serious", "critical"}
WIDTHS = [1280, 390]


def pages_of(user):
    """The pages a signed-in person uses, with their own ids."""
    job = Job.objects.filter(owner=user, stage="held").order_by("-started_on").first()
    offer = Job.objects.filter(owner=user, stage="offer").first()
    direction = CareerDirection.objects.filter(owner=user, status="current").get()
    goal = CareerGoal.objects.filter(owner=user).first()
    learning = Learning.objects.filter(owner=user).first()
    contact = Contact.objects.filter(owner=user).first()
    skill = Skill.objects.filter(owner=user).first()
    other = CareerDirection.objects.filter(owner=user).exclude(pk=direction.pk).first()
    return [
        reverse("jobs:dashboard"),
        reverse("jobs:dashboard") + f"?direction={other.pk}",
        reverse("jobs:compare"),
        reverse("jobs:job_list"),
        reverse("jobs:job_detail", args=[job.pk]),
        reverse("jobs:job_detail", args=[offer.pk]),
        reverse("jobs:job_add"),
        reverse("jobs:job_edit", args=[job.pk]),
        reverse("jobs:offer_add"),
        reverse("jobs:job_delete", args=[job.pk]),
        reverse("jobs:how_scores_work"),
        reverse("jobs:story"),
        reverse("jobs:next"),
        reverse("jobs:next") + f"?direction={other.pk}",
        reverse("jobs:next_how"),
        reverse("careers:direction_list"),
        reverse("careers:direction_detail", args=[direction.pk]),
        reverse("careers:direction_edit", args=[direction.pk]),
        reverse("careers:goal_list"),
        reverse("careers:goal_detail", args=[goal.pk]),
        reverse("careers:goal_add"),
        reverse("careers:learning_list"),
        reverse("careers:learning_detail", args=[learning.pk]),
        reverse("careers:contact_list"),
        reverse("careers:contact_detail", args=[contact.pk]),
        reverse("careers:skill_list"),
        reverse("careers:skill_detail", args=[skill.pk]),
        reverse("careers:about_data"),
        reverse("account"),
        reverse("account_import"),
        reverse("account_email"),
        reverse("password_change"),
        reverse("account_delete"),
        reverse("account_import_complete"),
        reverse("sharing:links"),
        reverse("sharing:tokens"),
        # What a mentor opens: the read-only dashboard and story.
        reverse("sharing:shared", args=[shared_token(user)]),
    ]


def shared_token(user):
    return ShareLink.create(owner=user, label="mentor", days=1, show_contacts=True)[1]


PUBLIC_PAGES = ["home", "login", "signup", "password_reset"]


def problems(page):
    """axe-core's serious and critical findings on the page, as readable lines."""
    found = Axe().run(page).response["violations"]
    return [
        f"{v['impact']}: {v['id']} — {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
        for v in found
        if v["impact"] in FAILING
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_a_person_uses_passes_axe(live_server, page, width):
    user = load_demo()
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name in PUBLIC_PAGES:
        page.goto(live_server.url + reverse(name))
        found[name] = problems(page)
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    for url in pages_of(user):
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
