"""The dashboard's answer, at the top: days by verdict and the jobs named, then what next.

Two histories besides the worked example, written as Bearing exports (tests/jobs/histories/):
a UX designer whose certificate covers every target skill while five years of customer
support paid the bills, and an unpaid volunteer job built the career; and a would-be
electrician whose unpaid help at a firm built some of it, with an offer on the table.
"""

import re
from html import unescape
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HISTORIES = Path(__file__).parent / "histories"


def text_of(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).replace(" .", ".")


def dashboard_of(client, history):
    user = UserFactory(username=history)
    call_command("import_data", history, str(HISTORIES / f"{history}.json"), verbosity=0)
    client.force_login(user)
    html = client.get(reverse("alignment:dashboard")).content.decode()
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    return html, answer


def test_unpaid_work_that_built_the_career_is_named_as_such(client):
    html, answer = dashboard_of(client, "ux_designer")
    assert (
        "Volunteer UX designer (unpaid) built your UX designer career. Customer support agent "
        "pays the bills."
    ) in answer
    assert "Built the career: 4 months" in answer
    assert re.search(r"Paid the bills: \d+ months", answer)
    # Unpaid, and it built the career: never "paid the bills".
    (card,) = [a for a in html.split("<article")[1:] if "Volunteer UX designer</a>" in a]
    assert '<span class="verdict verdict-built">Built the career</span>' in card


def test_high_coverage_over_low_scores_is_explained_with_where_it_came_from(client):
    html, _ = dashboard_of(client, "ux_designer")
    text = text_of(html)
    assert (
        "Your skills and your average score measure different things: a skill counts once you "
        "have it, wherever you got it; the average counts each job for as long as it ran, and 27 "
        "months of your job time since you chose your direction was in Customer support agent, "
        "which scores 8, against 4 months in your other job. Where your 5 "
        "skills came from: Prototyping and User research (learned in "
        "your job “Volunteer UX designer”) and Figma, Usability testing and Wireframing (from "
        "“Google UX Design Certificate”)."
    ) in text
    assert "most of the skills" not in text  # 100% is "all", never "most"


def test_unpaid_help_that_built_some_of_it_and_the_next_step(client):
    html, answer = dashboard_of(client, "electrician")
    assert (
        "Helping my uncle's electrical firm (unpaid) built some of your electrician career. "
        "Cashier pays the bills."
    ) in answer
    # The answer names the jobs the bar counts, since the direction was chosen; the note
    # names those before it (round 47).
    assert (
        "Left out of the lanes, because it came before you chose your direction: your job as"
        in answer
    )
    assert "your job as Warehouse night picker and the first 33 months of" in answer
    assert "Built some of it: 9 months" in answer
    assert re.search(r"Paid the bills: \d+ months", answer)
    # An offer that would build the career does not wait: it is the one thing to do next.
    assert (
        "Next: The offer to work as Electrician's mate at Brightline Installations scores 78 "
        "out of 100: it would build your electrician career"
    ) in answer
    # The offer is weighed in the future tense, with its pay.
    offers = text_of(html.split('id="offers-heading"')[1])
    assert "Would build the career" in offers
    assert "13.10 EUR per hour" in offers


def test_when_most_days_paid_the_bills_the_next_job_leads_to_the_bridges(client):
    html, answer = dashboard_of(client, "ux_designer")
    assert (
        "Next: Look for a job you could get now, close to the work you have done, that would "
        "also build your UX designer career. You already have every skill you listed for "
        "your UX designer career: what is missing is a job that uses them."
    ) in answer
    link = re.search(r'href="(/next/\?direction=\d+)"', html.split('id="answer-heading"')[1])
    page = client.get(link.group(1))
    assert page.status_code == 200 and "UX designer" in text_of(page.content.decode())
    # And the next job is in the menu of every signed-in page.
    nav = html.split('aria-label="Main"')[1].split("</nav>")[0]
    assert reverse("alignment:next") in nav and ">Next job<" in nav
