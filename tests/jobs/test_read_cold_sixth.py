"""What the readers of rounds 28 and 29 quoted (issue 20): "days" meant two things (the
headline's "most of your days at work" were job-days, more than the calendar had; counted once
there, they contradicted the figure beneath); the offer page gave no answer, only a
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
from careers.models import CareerGoal
from core.models import bump_data_version
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import figure, text_of
from tests.jobs.helpers import HISTORIES, imported, offer_page

DASHBOARD = reverse("alignment:dashboard")


@pytest.fixture
def demo(client):
    """Elena, the demo, signed in."""
    user = load_demo()
    client.force_login(user)
    return user


START = date(2020, 1, 1)
# A score for each verdict, and whether the job is paid.
SCORES = {BUILT: (70, True), PARTLY: (30, True), BILLS: (10, True), LITTLE: (10, False)}


def result(number, verdict, start, days, going=False):
    score, paid = SCORES[verdict]
    job = JobData(
        id=number,
        title=f"Job {number}",
        employer="",
        stage="held",
        started_on=START + timedelta(days=start),
        ended_on=None if going else START + timedelta(days=start + days - 1),
        identity_fit=3,
        paid=paid,
    )
    direction = DirectionData(1, "Nurse", "current", None, None)
    return JobResult(job, direction, score, days)


JOBS = st.lists(
    st.tuples(st.sampled_from(list(SCORES)), st.integers(0, 60), st.integers(1, 40), st.booleans()),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(JOBS)
def test_the_headline_names_each_verdicts_jobs_and_adds_up_their_own_days(jobs):
    results = [result(n, *job) for n, job in enumerate(jobs, start=1)]
    said = headline.headline(results, results[0].direction)
    # Each verdict's days: its jobs' own days, added up, as DESIGN's aligned share adds them.
    expected = {}
    for verdict, _, days, _going in jobs:
        expected[verdict] = expected.get(verdict, 0) + days
    groups = [group for group in said["bar"] if group["verdict"] != "none"]
    assert {group["verdict"]: group["days"] for group in groups} == expected
    # The answer names the groups in the verdicts' order, the first with the career; the lane
    # of the days with no job, if any, comes last.
    order = [v for v in headline.DAY_VERDICTS if v in expected]
    assert [group["verdict"] for group in said["bar"]][: len(order)] == order
    assert said["answer"].count(". ") == len(order) - 1 and ";" not in said["answer"]
    assert "most" not in said["answer"].casefold()
    clauses = said["answer"].removesuffix(".").split(". ")
    for place, (group, clause) in enumerate(zip(groups, clauses, strict=True)):
        # The jobs that go on come first, in the present; those that ended after, in the past.
        verdict = group["verdict"]
        verbs = (headline.DID_AFTER if place else headline.DID_FIRST)[verdict]
        mine = sorted(
            (-days, n, going) for n, (v, _, days, going) in enumerate(jobs, start=1) if v == verdict
        )
        going = [n for _, n, on in mine if on]
        ended = [n for _, n, on in mine if not on]
        first = going or ended
        assert clause.startswith(f"Job {first[0]}")
        verb = verbs[0 if not going else 1 if len(going) == 1 else 2]
        assert f" {verb.format(career='your nurse career')}" in clause
        assert clause.endswith((" before it", " before them")) == bool(going and ended)
    assert "your nurse career" in said["answer"].split(". ")[0]
    # A lane a verdict, of the days on which any of its jobs ran; where two lanes share a
    # day (jobs of two verdicts at the same time), it says so.
    lanes: dict[str, set[int]] = {}
    for verdict, start, length, _ in jobs:
        lanes.setdefault(verdict, set()).update(range(start, start + length))
    shown = {lane["verdict"]: lane["lane_days"] for lane in said["bar"]}
    idle = shown.pop("none", 0)  # the lane of the days with no job at all
    assert shown == {verdict: len(days) for verdict, days in lanes.items()}
    shared = sum(len(days) for days in lanes.values()) > len(set().union(*lanes.values()))
    assert bool(said["axis"]["twice"]) == shared
    # The lanes' axis runs from the first job's start to the last job's end (no direction
    # chosen, no today given), and each part sits inside it.
    first = min(start for _, start, _, _ in jobs)
    last = max(start + length for _, start, length, _ in jobs)
    assert said["axis"]["days"] == last - first
    assert idle == last - first - len(set().union(*lanes.values()))
    for lane in said["bar"]:
        for part in lane["parts"]:
            assert 0 <= part["at"] and part["at"] + part["span"] <= 100


@pytest.mark.django_db
def test_volunteering_beside_paid_work_is_named_for_what_it_did(client):
    # Hospital ward volunteer (built, Jun 2023 – now) ran beside Barista and then Delivery
    # driver. "Most of your days at work paid the bills" was read as unfair (rounds 21-28),
    # and its days counted once (round 29) contradicted the figure beneath.
    imported(client, "nurse")
    html = client.get(DASHBOARD).content.decode()
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    assert (
        "Hospital ward volunteer (unpaid) is building your registered nurse career. Delivery "
        "driver pays the bills, like Barista before it."
    ) in answer
    # A lane a verdict since the direction was chosen, in months of the calendar: the
    # volunteering ran beside the paid jobs, so a month shows in both lanes (rounds 53-56).
    assert (
        "Your 43 months since you chose your direction (1 May 2023), by what your jobs did for "
        "the career (where two jobs ran at the same time, a month shows in two lanes): Built "
        "the career: 42 months Paid the bills: 43 months May 2023 today"
    ) in answer
    assert (
        "Left out of the lanes, because it came before you chose your direction: the first 15 "
        "months of your job as Barista." in answer
    )
    # The figure beneath is the built lane's share of that time; DESIGN's aligned share, of
    # each job's own days, is under "How it's counted".
    text = text_of(html)
    assert (
        "Time you had a job that built the career 98% For 42 of your 43 months since you chose "
        "your direction (1 May 2023), you had a job that built the career (a score of 50 or "
        "more): 98% of that time."
    ) in text
    assert figure(html, "aligned-time") == "98%"
    assert figure(html, "aligned-share") == "42%"  # DESIGN's aligned share, as the API's
    assert "(1,286 of 3,056 days)" in text


CHOSEN = DirectionData(1, "Nurse", "current", START + timedelta(days=10), None)
BEFORE = "Left out of the lanes, because it came before you chose your direction: "
BILLS_ONLY = [("Paid the bills", 45, 30)]  # two bills jobs at once: 30 days of the calendar


@pytest.mark.parametrize(
    "jobs, before, bar",
    [
        # Job 1 ended before the choice; Job 2, after it, did not build the career.
        (
            [(1, BUILT, 0, 10), (2, BILLS, 10, 30)],
            BEFORE + "your job as Job 1.",
            [("Paid the bills", 30, 30)],
        ),
        # A job that ran on after the choice counts its first days, before it.
        (
            [(3, BILLS, 5, 20), (2, BILLS, 10, 30)],
            BEFORE + "the first 5 days of your job as Job 3.",
            BILLS_ONLY,
        ),
        (
            [(1, BUILT, 0, 10), (3, BILLS, 5, 20), (2, BILLS, 10, 30)],
            BEFORE + "your job as Job 1 and the first 5 days of your job as Job 3.",
            BILLS_ONLY,
        ),
        # A job that built the career since: only its days since count in the bar.
        (
            [(4, BUILT, 5, 20), (2, BILLS, 10, 30)],
            BEFORE + "the first 5 days of your job as Job 4.",
            [("Built the career", 15, 15), ("Paid the bills", 30, 30)],
        ),
        # Every job-day before the choice: the lanes count them, as there are no others.
        (
            [(1, BUILT, 0, 10)],
            "All of this work came before you chose Nurse as your direction (11 Jan 2020).",
            [("Built the career", 10, 10)],
        ),
    ],
)
def test_the_bar_counts_the_days_since_the_direction_and_says_those_before(jobs, before, bar):
    # Readers of every round from 34 to 46 asked which of two shares was theirs and took the
    # one since the direction was chosen for it: the lanes count those days (the job's own
    # days since, and the days of the calendar on which such a job ran).
    results = [result(*job) for job in jobs]
    said = headline.headline(results, CHOSEN)
    assert said["before"] == before
    assert [(part["label"], part["days"], part["lane_days"]) for part in said["bar"]] == bar


@pytest.mark.django_db
def test_the_offer_page_answers_with_the_career_and_the_pay(client):
    user = imported(client, "ux_designer")
    offer = str(HISTORIES / "ux_designer_offer.json")
    call_command("import_data", user.username, offer, verbosity=0)
    page = offer_page(client, user, "Junior UX designer")
    assert (
        "the job you have: Better for your career, and more pay For your UX "
        "designer career it would do more than your job as Customer support agent. "
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
def test_the_job_beside_an_offer_without_fit_shows_the_score_it_is_compared_by(client, demo):
    page = offer_page(client, demo)
    assert "your job as Waiter scores 11 without fit (13 with fit), against the offer's 4" in page
    assert "13 /100 Paid the bills Scores 11 without fit, as the offer's fit is not rated" in page
    assert page.count("without fit, as") == 1


@pytest.mark.django_db
def test_a_part_that_counted_for_a_low_score_is_said_to_count_in_its_favour(client, demo):
    text = text_of(client.get(DASHBOARD))
    # Which way the parts pulled is said before them: after them, "which counted against it"
    # read as said of the goal the job had advanced (round 35).
    assert (
        "Stage-hand paid the bills but did little for your professional wrestler career. In its "
        "favour: it fitted who you are in part (3 of 5). Against it: it taught you only 1 of "
        "your 5 target skills, advanced none of your 3 goals and gave only 1 of the 3 things "
        "you value from work."
    ) in text
    assert (
        "Ring crew built some of your professional wrestler career. In its favour: it advanced "
        "your goal “Work a show for a local promotion”, gave all 3 of the things you value from "
        "work and fitted who you are (5 of 5). Against it: it used only 1 of your 5 target "
        "skills."
    ) in text
    # A goal advanced is never said against the job (round 41).
    assert "advanced only" not in text
    assert "which counted" not in text
    assert (
        "lifted" not in text and "holds its score down" not in text.split("Other things to do")[0]
    )


@pytest.mark.django_db
def test_with_no_step_after_the_next_one_there_is_no_steps_card(client, demo):
    Job.objects.filter(owner=demo).exclude(title="Gym assistant").delete()
    bump_data_version(demo.pk)
    html = client.get(DASHBOARD).content.decode()
    assert "Next: Find a way to learn Character work" in text_of(html)
    steps = text_of(html.split('id="next-heading"')[1].split("</section>")[0])
    assert steps.startswith(">Other things to do “First amateur match” was due on")
    # With the overdue goal achieved, the next step is the only one: no card, and no
    # "Nothing more" beside "Next:" (round 28).
    CareerGoal.objects.filter(owner=demo, title="First amateur match").update(
        status="achieved", achieved_on=date(2026, 10, 2)
    )
    bump_data_version(demo.pk)
    html = client.get(DASHBOARD).content.decode()
    assert "Next: Find a way to learn Character work" in text_of(html)
    assert 'id="next-heading"' not in html
    assert "Other things to do" not in html and "Nothing more" not in html


@pytest.mark.django_db
def test_what_the_offer_gives_marks_what_she_values_and_skills_outside_her_targets(client, demo):
    # "Security" shown but not counted, and "Customer service" used by an offer that "would
    # use none of your 5 target skills", read as contradictions (round 29).
    page = offer_page(client, demo)
    assert (
        "If it replaced Waiter, the job you have: More pay for more hours, but worse for "
        "your career"
    ) in page
    gives = page.split("What it offers")[1]
    assert "Money ★ Security ★ one of the things you value from work" in gives
    assert (
        "Customer service — you have it; the offer would use it; not one of your target skills"
        in (gives)
    )


def test_a_group_whose_jobs_all_go_on_is_said_in_the_present():
    # "built your … career" beside a card saying the job "is building" it (round 32).
    def ongoing(number, verdict, start, days):
        made = result(number, verdict, start, days)
        return made._replace(job=made.job._replace(ended_on=None))

    said = headline.headline(
        [ongoing(1, BUILT, 0, 30), ongoing(2, BILLS, 0, 20), ongoing(3, BILLS, 5, 10)],
        DirectionData(1, "Nurse", "current", None, None),
    )
    assert said["answer"] == "Job 1 is building your nurse career. Job 2 and Job 3 pay the bills."
    ended = result(4, BILLS, 40, 5)
    said = headline.headline([ongoing(1, BUILT, 0, 30), ended], ended.direction)
    assert said["answer"] == "Job 1 is building your nurse career. Job 4 paid the bills."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pay, hours, said",
    [
        # Most of the month's more pay is the hour's pay for the hours added (round 35).
        (
            2100,
            40,
            "It would pay about 854 EUR more a month, but most of that is pay for 15 more hours "
            "of work a week: each hour pays only 0.62 EUR more.",
        ),
        # Most of it is the better pay an hour: the hours are only a "but".
        (
            5000,
            40,
            "It would pay about 3,754 EUR more a month (17.35 EUR more an hour), but with 15 more "
            "hours of work a week.",
        ),
        # More pay for fewer hours is "and".
        (
            2000,
            20,
            "It would pay about 754 EUR more a month (11.58 EUR more an hour), and with 5 fewer "
            "hours of work a week.",
        ),
    ],
)
def test_more_pay_for_more_hours_says_how_much_of_it_the_hours_earn(client, demo, pay, hours, said):
    Job.objects.filter(owner=demo, title="Bar supervisor").update(
        pay_amount=pay, hours_per_week=hours
    )
    bump_data_version(demo.pk)
    assert said in offer_page(client, demo)
