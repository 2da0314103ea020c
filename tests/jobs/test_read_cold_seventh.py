"""What the readers of rounds 41 and 42 quoted (issue 20): the person's own lesson beside a
verdict that seemed to overrule it; the direction's row in the timeline, styled as a job."""

import pytest
from django.urls import reverse

from core.models import bump_data_version
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import text_of
from tests.jobs.helpers import imported

DASHBOARD = reverse("alignment:dashboard")

pytestmark = pytest.mark.django_db


def card(text, title):
    return text.split(f"{title} ·")[1].split("How the score of")[0]


def test_a_low_verdict_says_what_its_score_leaves_out_of_the_persons_own_lesson(client):
    imported(client, "ux_designer")
    text = text_of(client.get(DASHBOARD))
    support = card(text, "Customer support agent")
    assert (
        "Your lesson from it: “Listening to angry customers taught me what confuses people in "
        "software”. A score does not weigh lessons, only the target skills, goals and values a "
        "job gave and its fit."
    ) in support
    # No link to tick more: readers took it for a nudge to raise the score (round 44); not
    # "is yours to keep", read as patronising (round 45).
    assert "add it" not in support and "yours to keep" not in support
    # A job that built the career needs no such word.
    assert "Your lesson from it" not in card(text, "Volunteer UX designer (unpaid)")


def test_only_the_first_line_of_a_lesson_is_quoted(client):
    elena = load_demo()
    client.force_login(elena)
    waiter = Job.objects.get(owner=elena, title="Waiter")
    Job.objects.filter(pk=waiter.pk).update(
        lessons="I can hold a room's attention.\nTips are better on Fridays."
    )
    text = text_of(client.get(DASHBOARD))
    assert "Your lesson from it: “I can hold a room's attention”. A score" in card(text, "Waiter")
    assert "Tips are better on Fridays" not in card(text, "Waiter")
    # Once, on the latest such card: Stage-hand and Order picker have lessons too, but the
    # same words on every card read as noise (round 48).
    assert text.count("Your lesson from it") == 1


def test_the_directions_row_in_the_timeline_is_not_a_link_as_a_jobs_is(client):
    elena = load_demo()
    client.force_login(elena)
    html = client.get(DASHBOARD).content.decode()
    timeline = html.split('id="timeline-heading"')[1].split("</section>")[0]
    assert '<div class="tl-label">Your direction: Professional wrestler, since 1 Jun 2023' in (
        timeline
    )
    assert '<div class="tl-label"><a href="' in timeline  # the jobs' rows


def test_the_timeline_draws_the_days_the_bar_leaves_out_paler(client):
    # Readers of rounds 49-52 found the days before the direction in full colour in the
    # timeline and "not in the bar" above it.
    elena = load_demo()
    client.force_login(elena)
    html = client.get(DASHBOARD).content.decode()
    timeline = html.split('id="timeline-heading"')[1].split("</section>")[0]
    rows = {
        title: timeline.split(f">{title}</a>")[1].split('class="tl-row')[0]
        for title in ("Waiter", "Stage-hand", "Order picker", "Promo event staff")
    }
    assert 'class="tl-before' not in rows["Waiter"]  # began after the choice
    assert 'class="tl-before' in rows["Stage-hand"]  # its first 120 days
    assert 'class="tl-before' in rows["Order picker"]  # all of it
    assert 'class="tl-before' not in rows["Promo event staff"]  # needs details: in no bar
    assert (
        "Lighter, striped: time before you chose your direction, left out of the lanes at the "
        "top of the page and of the two figures beneath them" in text_of(timeline)
    )


def test_with_every_day_since_the_direction_nothing_is_paler(client):
    imported(client, "ux_designer")
    Job.objects.filter(title="Customer support agent").update(started_on="2024-10-01")
    bump_data_version(Job.objects.get(title="Customer support agent").owner_id)
    html = client.get(DASHBOARD).content.decode()
    assert "tl-before" not in html and "Lighter, striped:" not in html
