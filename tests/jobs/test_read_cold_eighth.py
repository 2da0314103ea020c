"""What the readers of rounds 53 to 58 quoted (issue 20): "job-days", an invented unit, and a
bar split by verdict that added up to more time than had passed; a headline in the past tense
that hid that nothing builds the career now; points out of 44.4; an offer that leaves an
essential skill unused without naming it; "a step back" from a job that does little."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from alignment import headline, wording
from alignment.scoring import DirectionData, JobData, JobResult
from core.models import bump_data_version
from core.words import span
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import figure, text_of
from tests.jobs.helpers import HISTORIES, answer_of, imported, offer_page

DASHBOARD = reverse("alignment:dashboard")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "days, said",
    [
        (1, "1 day"),
        (22, "22 days"),
        (23, "1 month"),
        (45, "1½ months"),
        (80, "2½ months"),
        (91, "3 months"),
        (510, "17 months"),
        (2164, "71 months"),
    ],
)
def test_time_is_said_in_months(days, said):
    # One unit: "17 months", "45 days" and "2 years 10 months" side by side read as three
    # (round 54).
    assert span(days) == said


def test_the_headline_has_a_lane_a_verdict_on_the_calendar(client):
    client.force_login(load_demo())
    response = client.get(DASHBOARD)
    answer = answer_of(response)
    assert (
        "Your 42 months since you chose your direction (1 Jun 2023), by what your jobs did for "
        "the career (where two jobs ran at the same time, a month shows in two lanes): Built "
        "the career: 17 months Built some of it: 1½ months Paid the bills: 34 months No job: "
        "2½ months Jun 2023 today"
    ) in answer
    assert "job-day" not in answer
    html = response.content.decode()
    headline = html.split('id="answer-heading"')[1].split("</section>")[0]
    lanes = re.findall(r'<li class="lane">(.*?)</li>', headline)
    assert len(lanes) == 4  # the verdicts' three, and the time with no job (Mar-Jun 2024)
    # Each lane draws the stretches when such a job ran: Gym assistant (Jun 2024 - Oct
    # 2025) once; Stage-hand (to Mar 2024) and Waiter (from Dec 2024) as two stretches.
    built, partly, bills, idle = (
        re.findall(r"tl-bar (tone-\w+) at-(\d+) span-(\d+)", x) for x in lanes
    )
    assert [tone for tone, _, _ in idle] == ["tone-nojob"]
    assert [tone for tone, _, _ in built] == ["tone-built"] and len(built) == 1
    assert len(partly) == 1 and len(bills) == 2
    ((_, at, width),) = built
    assert 25 <= int(at) <= 35 and 35 <= int(width) <= 45  # 17 of 42 months, from month 12
    assert int(bills[-1][1]) + int(bills[-1][2]) == 100  # the Waiter goes on to today
    # The figure beneath is the built lane's share of that time.
    assert figure(html, "aligned-time") == "40%"


def test_the_headline_says_when_nothing_done_now_builds_the_career(client):
    client.force_login(load_demo())
    assert (
        "None of the work you do now builds it: the last job that built any of it, Ring crew, "
        "ended in May 2026."
    ) in answer_of(client.get(DASHBOARD))
    # The volunteering goes on: no such line.
    imported(client, "nurse")
    assert "None of the work you do now" not in answer_of(client.get(DASHBOARD))


def test_the_headline_says_nothing_of_now_without_a_job_now(client):
    elena = load_demo()
    client.force_login(elena)
    Job.objects.filter(owner=elena, ended_on__isnull=True, stage="held").delete()
    bump_data_version(elena.pk)
    assert "None of the work you do now" not in answer_of(client.get(DASHBOARD))


def test_the_offer_names_the_essential_skills_it_would_not_use(client):
    user = imported(client, "ux_designer")
    call_command(
        "import_data", user.username, str(HISTORIES / "ux_designer_offer.json"), verbosity=0
    )
    page = offer_page(client, user, "Junior UX designer")
    assert "It would not use User research, which you marked essential." in page
    # No paid job of hers has built the career: the offer would be the first (rounds 55-59).
    assert (
        "It would be the first paid job of yours that builds your UX designer career: so far "
        "only unpaid work has."
    ) in page
    # An offer that uses none says so in its row; no second sentence. One that would pay the
    # bills is no first of anything.
    elena = load_demo()
    client.force_login(elena)
    page = offer_page(client, elena)
    assert "It would not use" not in page
    assert "first paid job" not in page


def test_the_scale_names_every_band():
    # Without the unpaid band, readers of rounds 59-61 asked what an unpaid job under 25 is.
    assert wording.scale().endswith(
        "under 25 a paid job paid the bills and an unpaid one did little for it"
    )


def test_a_card_with_a_part_left_out_says_so_and_gives_no_points(client):
    client.force_login(load_demo())
    text = text_of(client.get(DASHBOARD))
    offer = text.split("Offers on the table")[1].split("How the score of 4 is counted")[0]
    assert not re.search(r"[\d.]+ of [\d.]+ points", offer)
    assert (
        "Not counted: you have not said how well you expect it to fit who you are, so it is "
        "scored out of the points the other parts can give, scaled up to 100"
    ) in offer
    # The cards' heading no longer explains sharing points.
    assert "share its points" not in text


def test_the_headline_says_when_only_unpaid_work_built_the_career(client):
    imported(client, "nurse")
    assert "No paid job of yours has built it yet: only your unpaid work has." in answer_of(
        client.get(DASHBOARD)
    )
    client.force_login(load_demo())
    assert "No paid job of yours" not in answer_of(client.get(DASHBOARD))


def held(number, score, start, end, paid=True):
    job = JobData(
        id=number,
        title=f"Job {number}",
        employer="",
        stage="held",
        started_on=start,
        ended_on=end,
        identity_fit=3,
        paid=paid,
    )
    days = ((end or TODAY) - start).days + 1
    return JobResult(job, DirectionData(1, "Nurse", "current", None, None), score, days)


TODAY = date(2026, 6, 30)


def test_a_job_that_ends_after_today_still_builds_the_career_now():
    # A held job may end after today: it is not "the last job that built it, … ended in".
    builder = held(1, 70, date(2026, 1, 1), date(2026, 12, 31))
    waiter = held(2, 10, date(2025, 1, 1), None)
    said = headline.headline([builder, waiter], builder.direction, today=TODAY)
    assert "None of the work you do now" not in said["now"]
    ended = held(1, 70, date(2026, 1, 1), date(2026, 3, 31))
    said = headline.headline([ended, waiter], ended.direction, today=TODAY)
    assert said["now"] == (
        "None of the work you do now builds it: the last job that built it, Job 1, ended in "
        "Mar 2026."
    )


def test_the_days_in_other_jobs_are_named_only_when_there_are_some(client):
    # One scored job since the choice: no "against 0 days in your other job" (a review).
    imported(client, "ux_designer")
    text = text_of(client.get(DASHBOARD))
    assert "against 4 months in your other job." in text
    assert "against 0 days" not in text
