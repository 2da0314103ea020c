"""What the readers of round 28 quoted (issue 20): "days" meant two things (the headline's
days at work were job-days, more than the calendar had); the offer page gave no answer, only a
comparison; a side card said "Nothing more for now" beside the headline's "Next:"; a part
that "lifted" a score of 12; the offer's text compared 4 with 11 while its cards showed 13."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import headline
from alignment.scoring import BILLS, BUILT, LITTLE, PARTLY, DirectionData, JobData, JobResult
from core.models import bump_data_version
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import text_of
from tests.jobs.helpers import HISTORIES, imported, offer_page

DASHBOARD = reverse("alignment:dashboard")
START = date(2020, 1, 1)
# A score for each verdict, and whether the job is paid.
SCORES = {BUILT: (70, True), PARTLY: (30, True), BILLS: (10, True), LITTLE: (10, False)}


def result(number, verdict, start, days):
    score, paid = SCORES[verdict]
    job = JobData(
        id=number,
        title=f"Job {number}",
        employer="",
        stage="held",
        started_on=START + timedelta(days=start),
        ended_on=START + timedelta(days=start + days - 1),
        identity_fit=3,
        paid=paid,
    )
    direction = DirectionData(1, "Nurse", "current", None, None)
    return JobResult(job, direction, score, days)


JOBS = st.lists(
    st.tuples(st.sampled_from(list(SCORES)), st.integers(0, 60), st.integers(1, 40)),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(JOBS)
def test_the_headline_counts_each_day_once_for_the_best_job_of_that_day(jobs):
    results = [result(n, *job) for n, job in enumerate(jobs, start=1)]
    said = headline.headline(results, results[0].direction)
    # By hand: every day, the verdict of the job that did the most for the career that day.
    best = {}
    for verdict, start, days in jobs:
        for day in range(start, start + days):
            if day not in best or headline.DAY_VERDICTS.index(verdict) < best[day]:
                best[day] = headline.DAY_VERDICTS.index(verdict)
    expected = {
        v: sum(1 for rank in best.values() if rank == i)
        for i, v in enumerate(headline.DAY_VERDICTS)
    }
    assert {group["verdict"]: group["days"] for group in said["bar"]} == {
        v: d for v, d in expected.items() if d or any(job[0] == v for job in jobs)
    }
    assert sum(group["days"] for group in said["bar"]) == len(best)
    # Every job is named under its own verdict, whether or not a better job had its days.
    for verdict in {job[0] for job in jobs}:
        names = next(g["names"] for g in said["bar"] if g["verdict"] == verdict)
        first = next(n for n, job in enumerate(jobs, start=1) if job[0] == verdict)
        assert f"Job {first}" in names or "other job" in names
    overlapping = sum(days for _, _, days in jobs) > len(best)
    assert bool(said["overlap"]) == overlapping


def test_a_job_whose_every_day_a_better_job_had_is_named_without_days():
    built = result(1, BUILT, 0, 30)
    bills = result(2, BILLS, 5, 10)  # inside the built job's days
    said = headline.headline([built, bills], built.direction)
    assert said["answer"] == "All of your days at work built your nurse career."
    group = said["bar"][1]
    assert (group["label"], group["days"], group["names"]) == ("Paid the bills", 0, "Job 2")
    assert group["days_text"] == "only on days with a job that did more"


@pytest.mark.django_db
def test_volunteering_beside_paid_work_is_most_of_tomas_days(client):
    # Hospital ward volunteer (built, Jun 2023 – now) ran beside Barista and then Delivery
    # driver: those days count once, as days that built the career.
    imported(client, "nurse")
    html = client.get(DASHBOARD).content.decode()
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    assert "Most of your days at work built your registered nurse career." in answer
    assert "Built the career (1,286 days): Hospital ward volunteer (unpaid)" in answer
    assert "Paid the bills (485 days): Barista and Delivery driver" in answer
    assert (
        "A day when you had two jobs counts once, for the job that did more for the career."
    ) in answer
    assert "454 of these 1,771 days came before you set Registered nurse" in answer
    assert "job-days" not in text_of(html)
    # The figure beneath is DESIGN's aligned share, which counts a shared day for each job.
    assert (
        "Counting each job's days on its own, so that a day in two jobs counts twice, 42% were "
        "in jobs that built the career"
    ) in text_of(html)


@pytest.mark.django_db
def test_the_offer_page_answers_with_the_career_and_the_pay(client):
    user = imported(client, "ux_designer")
    offer = str(HISTORIES / "ux_designer_offer.json")
    call_command("import_data", user.username, offer, verbosity=0)
    page = offer_page(client, user, "Junior UX designer")
    assert (
        "as if the offer took its place Better for your career, and more pay For your UX "
        "designer career it would be a step forward from your job as Customer support agent. "
        "It would pay 300 EUR more a month (1.03 EUR more an hour), but with 2 more hours of "
        "work a week."
    ) in page
    # Where the skills it would put to work were learned, by name.
    assert (
        "It would put Usability testing and Wireframing to work: you learned them in “Google "
        "UX Design Certificate”, but no job of yours has used them yet."
    ) in page
    assert "Pay a month 2,600 EUR" in page and "Pay a month 2,300 EUR" in page


@pytest.mark.django_db
def test_the_job_beside_an_offer_without_fit_shows_the_score_it_is_compared_by(client):
    user = load_demo()
    client.force_login(user)
    page = offer_page(client, user)
    assert "your job as Waiter scores 11 without fit (13 with fit), against the offer's 4" in page
    assert "13 /100 Paid the bills Scores 11 without fit, as the offer's fit is not rated" in page
    assert page.count("without fit, as") == 1


@pytest.mark.django_db
def test_a_part_that_counted_for_a_low_score_is_said_to_count_in_its_favour(client):
    user = load_demo()
    client.force_login(user)
    text = text_of(client.get(DASHBOARD))
    assert "which counted in its favour" in text and "which counted against it" in text
    assert "lifted" not in text and "holds its score down" not in text.split("After that")[0]


@pytest.mark.django_db
def test_with_no_step_after_the_next_one_there_is_no_steps_card(client):
    user = load_demo()
    client.force_login(user)
    Job.objects.filter(owner=user).exclude(title="Gym assistant").delete()
    bump_data_version(user.pk)
    html = client.get(DASHBOARD).content.decode()
    assert "Next:" in text_of(html)
    assert ("After that" in html) == ('id="next-heading"' in html)
    assert "Nothing more" not in html
