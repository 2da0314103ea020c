"""The alignment dashboard, the compare page and the JSON API, through the test client."""

import random
import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerDirection, CareerGoal, DirectionSkill, Skill
from core.models import bump_data_version
from jobs.models import Job, JobSkill
from tests.factories import long_history
from tests.helpers import _random_history, figure, main_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")
API = reverse("api:alignment")
COMPARE = reverse("alignment:compare")


def text_of(html):
    """The words a person reads, tags dropped and white space folded."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", "."))


# -- The worked example (tests/worked_example.py) ------------------------------------------


def test_demo_dashboard_shows_the_worked_example(client, elena):
    html = client.get(DASHBOARD).content.decode()
    assert figure(html, "overall-alignment") == "30"
    assert figure(html, "aligned-share") == "33%"
    assert figure(html, "skill-coverage") == "67%"
    assert "Professional wrestler" in html
    assert "Performing in the ring is who I am" in html  # the direction's statement
    # The answer first, before any figure: the days by verdict, the jobs named, what next.
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    assert (
        "Gym assistant built your professional wrestler career. Waiter paid the bills."
    ) in answer
    assert "Built the career: 6 months" in answer
    assert "Paid the bills: 12 months" in answer
    assert "Next: “First amateur match” was due on 1 Jun 2025" in answer
    assert html.index('id="answer-heading"') < html.index('data-figure="overall-alignment"')
    # Each job leads with a verdict and a sentence, then each part in words...
    assert "Built the career</span> Gym assistant built your professional wrestler career" in html
    assert "Paid the bills</span> Waiter paid the bills but did little for" in html
    assert (
        "Used Strength training (essential) and taught you Choreography (nice to have): 2 of "
        "your 4 target skills" in html
    )
    assert "Taught you Public speaking (important): 1 of your 4 target skills" in html
    assert "Advanced 1 of your 2 goals: Join a wrestling school" in html
    assert "You rated how well it fitted who you are: 2 of 5, a little like me" in html
    # ...and the arithmetic one click away.
    assert "How the score of 60 is counted" in html
    assert "(4 × 4/9 + 3 × 2/5 + 2 × 6/6 + 1 × 4/4) ÷ 10 × 100 = 59.78" in html
    assert "(4 × 2/9 + 3 × 0/5 + 2 × 1/6 + 1 × 1/4) ÷ 10 × 100 = 14.72" in html
    # The headline says why coverage is high while the overall score is low, and where
    # the coverage came from.
    assert (
        "Your skills and your average score measure different things: a skill counts once you "
        "have it, wherever you got it; the average counts each job for as long as it ran, and 12 "
        "months of your job time was in Waiter, which scores 15, against 6 months in your "
        "other job. Where your 3 "
        "skills came from: Strength training (you had "
        "it already and used it in your job “Gym assistant”), Public speaking (learned in your "
        "job “Waiter”) and Choreography (learned in your job “Gym assistant”)."
    ) in text_of(html)
    # Missing skills, the offer's flag, lessons and the avoid list.
    missing = html.split('id="missing-heading"')[1].split("</section>")[0]
    assert "Stage presence" in missing
    assert (
        "Careful: this offer mentions “night shifts”, which your notes on Waiter say you want "
        "to avoid."
    ) in text_of(html)
    assert "“night shifts”, which your notes on <a" in html
    assert "I can hold a room&#x27;s attention" in html
    # No drift: no held job in the last 365 days.
    assert "score lower against" not in text_of(html)


def test_demo_dashboard_next_steps_link_to_the_page_that_acts(client, elena):
    html = client.get(DASHBOARD).content.decode()
    goal = CareerGoal.objects.get(owner=elena, title="First amateur match")
    # The first step leads the page, with its link; the card lists the steps after it.
    answer = html.split('id="answer-heading"')[1].split("</section>")[0]
    assert "“First amateur match” was due on 1 Jun 2025" in answer
    assert reverse("careers:goal_detail", args=[goal.pk]) in answer
    steps = html.split('id="next-heading"')[1].split("</section>")[0]
    assert ">Other things to do<" in steps and "First amateur match" not in steps
    assert (
        "The offer to work as Bar supervisor at The Night Owl mentions “night shifts”, which "
        "your notes on Waiter say you want to avoid — weigh it before you reply."
    ) in text_of(steps)


def test_demo_charts_have_tooltips_links_and_tables_with_the_same_numbers(client, elena):
    html = client.get(DASHBOARD).content.decode()
    waiter = Job.objects.get(owner=elena, title="Waiter")
    timeline = html.split('id="timeline-heading"')[1].split("</section>")[0]
    # Each bar is written in words too: the job, its score and verdict, its dates.
    waiter_url = reverse("alignment:job_detail", args=[waiter.pk])
    assert re.search(
        rf'<a href="{waiter_url}">Waiter</a> <span class="tl-score">15/100 · Paid the bills'
        r'</span> <span class="tl-note">15 Jan 2024 – 31 Dec 2024</span>',
        timeline,
    )
    # Newest first, as every list of jobs.
    assert timeline.index(">Gym assistant<") < timeline.index(">Waiter<")
    # The legend names every verdict the chart shows with its rule: colour is never the only
    # way to tell.
    assert (
        'Paid the bills <span class="text-body-secondary">(paid work that scored under 25)'
        in timeline
    )
    # A paid job's three bands always (readers of rounds 48-49 asked how 25 to 49 would look),
    # without "none of these jobs" (readers of rounds 35 to 41 took it for noise).
    assert (
        'Built some of it <span class="text-body-secondary">(a score of 25 to 49)</span>'
        in timeline
    )
    assert "none of these jobs" not in timeline
    assert "Did little for it" not in timeline and "Not scored" not in timeline


def test_dashboard_query_count_is_small_and_fixed(client, elena, django_assert_num_queries):
    # session, user, data version, then (nothing cached) the rows of alignment.dashboard.dashboard
    with django_assert_num_queries(10):
        cold = client.get(DASHBOARD)
    # Warm: session, user, data version; the rest comes from the cache.
    with django_assert_num_queries(3):
        warm = client.get(DASHBOARD)
    assert main_of(warm) == main_of(cold)
    assert figure(warm.content.decode(), "overall-alignment") == "30"


def test_a_change_shows_at_once_despite_the_cache(client, elena):
    assert figure(client.get(DASHBOARD).content.decode(), "overall-alignment") == "30"
    waiter = Job.objects.get(owner=elena, title="Waiter")
    client.post(reverse("jobs:job_delete", args=[waiter.pk]))
    html = client.get(DASHBOARD).content.decode()
    assert figure(html, "overall-alignment") == "60"  # only the gym job is left
    assert client.get(API).json()["overall"] == 60


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    ("url", "queries"),
    # 1 session, 2 user, then for the dashboard: 3 data version, 4 directions with their
    # totals, 5 the goals for next steps and the goals list, 6 every job, 7 what each job
    # gave of each direction, 8 the direction's target skills (covered? taught?), 9 what
    # the ten explained jobs matched, by name, 10 what the held jobs gave (values, skills
    # gained); the API needs 3, 4, 6, 7 and 8; the compare page 4 (to choose), 3, 6, 7, 8.
    [(DASHBOARD, 10), (API, 7), (COMPARE, 7)],
)
def test_pages_cost_the_same_queries_for_5_or_500_jobs(
    client, owner, count, url, queries, django_assert_num_queries
):
    long_history(owner, count)
    client.force_login(owner)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    # Warm: session, user, data version (and the compare page's directions, to choose).
    with django_assert_num_queries(4 if url == COMPARE else 3):
        assert client.get(url).content.split(b"<main")[-1] == response.content.split(b"<main")[-1]
    if url == DASHBOARD:
        assert f"Gig {count - 1}" in response.content.decode()


def test_job_detail_query_count_is_fixed(client, elena, django_assert_num_queries):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    # session, user, the job, its skills, benefits, goals, contacts, then its score: the
    # directions, the job as scored, what it gave of each direction, what it matched by name
    with django_assert_num_queries(11):
        response = client.get(reverse("alignment:job_detail", args=[waiter.pk]))
    html = response.content.decode()
    assert "Taught you Public speaking (important): 1 of your 4 target skills" in html
    assert 'class="score-badge tone-bills"' in html
    assert '<span class="verdict verdict-bills">Paid the bills</span>' in html


# -- Strangers ------------------------------------------------------------------------------


def test_a_stranger_sees_none_of_elenas_data(client, elena, stranger):
    direction = CareerDirection.objects.get(owner=elena)
    client.force_login(stranger)
    html = client.get(DASHBOARD).content.decode()
    assert "Professional wrestler" not in html
    assert "Waiter" not in html
    assert "Let's find your bearing" in html
    api = client.get(API).json()
    assert api["direction"] is None
    assert api["jobs"] == []
    assert client.get(f"{DASHBOARD}?direction={direction.pk}").status_code == 404
    assert client.get(f"{API}?direction={direction.pk}").status_code == 404
    assert "Professional wrestler" not in client.get(COMPARE).content.decode()


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1.5"])
def test_an_unknown_direction_id_is_404(client, elena, value):
    assert client.get(f"{DASHBOARD}?direction={value}").status_code == 404
    assert client.get(f"{API}?direction={value}").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (DASHBOARD, COMPARE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    # The API is not a page: it answers 401, in JSON (tests/test_security.py).
    assert client.get(API).status_code == 401


# -- States --------------------------------------------------------------------------------


def test_an_empty_account_gets_a_guided_start_not_zeros(owner_client):
    html = owner_client.get(DASHBOARD).content.decode()
    assert "Describe your direction" in html
    assert reverse("careers:direction_add") in html
    assert reverse("jobs:job_add") in html
    assert "data-figure" not in html


def test_the_guided_start_and_the_account_menu_lead_to_import(owner_client):
    html = owner_client.get(DASHBOARD).content.decode()
    start = html[html.index("Let's find your bearing") :]
    assert f'href="{reverse("account_import")}">Import a history</a>' in start
    menu = html[html.index('class="dropdown-menu') :]
    assert f'href="{reverse("account_import")}">Import a history</a>' in menu


def test_a_direction_without_jobs_says_what_to_add(client, owner):
    CareerDirection.objects.create(owner=owner, title="Game developer", status="current")
    client.force_login(owner)
    html = client.get(DASHBOARD).content.decode()
    assert figure(html, "overall-alignment") == "—"
    assert "No job you held can be scored yet." in html
    assert "Add the skills Game developer needs to see how many you have." in html
    assert "Game developer has no goals, values or target skills yet" in html


def test_what_if_sets_the_history_against_a_considering_direction(client, elena):
    chef = CareerDirection.objects.create(owner=elena, title="Chef", status="considering")
    skill = Skill.objects.get(owner=elena, name="Customer service")
    DirectionSkill.objects.create(direction=chef, skill=skill, importance=3)
    html = client.get(f"{DASHBOARD}?direction={chef.pk}").content.decode()
    assert "What if: your whole history set against <strong>Chef</strong>" in html
    # Waiter used Customer service, the only target skill: skills 1; fit 2 → identity 1/4;
    # no goals or values. Score = 100 × (4 × 1 + 1 × 1/4) ÷ 5 = 85.
    assert figure(html, "skill-coverage") == "100%"
    api = client.get(f"{API}?direction={chef.pk}").json()
    assert api["direction"] == {"id": chef.pk, "title": "Chef", "status": "considering"}
    assert {job["direction_id"] for job in api["jobs"]} == {chef.pk}
    waiter = next(job for job in api["jobs"] if job["title"] == "Waiter")
    assert waiter["score"] == 85


def test_compare_lists_every_direction_with_its_figures(client, elena):
    CareerDirection.objects.create(owner=elena, title="Chef", status="considering")
    html = client.get(COMPARE).content.decode()
    rows = html.split("<tbody>")[1]
    wrestler = rows.split("</tr>")[0]
    assert "Professional wrestler" in wrestler
    assert ">30</td>" in wrestler
    assert ">67%</td>" in wrestler
    assert "Stage presence" in wrestler
    assert "Chef" in rows.split("</tr>")[1]


def test_drift_is_warned_when_recent_work_scores_far_below_overall(client, owner):
    today = timezone.localdate()
    skill = Skill.objects.named(owner, ["Coding"])[0]
    direction = CareerDirection.objects.create(
        owner=owner, title="Game developer", status="current", started_on=date(2015, 1, 1)
    )
    DirectionSkill.objects.create(direction=direction, skill=skill, importance=3)
    good = Job.objects.create(
        owner=owner,
        title="Game studio",
        stage="held",
        started_on=date(2016, 1, 1),
        ended_on=today - timedelta(days=400),
    )
    JobSkill.objects.create(job=good, skill=skill)
    calls = Job.objects.create(
        owner=owner, title="Call centre", stage="held", started_on=today - timedelta(days=100)
    )
    client.force_login(owner)
    # Said nothing is unknown, not zero: the call centre job tells nothing yet, so it
    # neither drifts nor pulls the overall down.
    data = client.get(API).json()
    assert (data["overall"], data["drift"]) == (100, False)
    assert data["jobs"][0]["needs_details"] is True and data["jobs"][0]["score"] is None
    calls.identity_fit = 1  # now it says something: it did not fit at all
    calls.save()
    bump_data_version(owner.pk)
    html = client.get(DASHBOARD).content.decode()
    # What happened, in numbers, not a judgement of the person.
    assert (
        "Your jobs of the last 365 days score lower against Game developer than your history as "
        "a whole. They score 0 on average, against "
    ) in text_of(html)
    assert "drift" not in text_of(html).casefold()
    assert client.get(API).json()["drift"] is True
    # The ongoing job scoring under 50 is a next step too, linking to the job.
    steps = html.split('id="next-heading"')[1].split("</section>")[0]
    assert "Call centre" in steps and "scores only 0 out of 100" in steps


def test_text_is_escaped_on_the_dashboard_and_its_charts(client, owner):
    Job.objects.create(
        owner=owner,
        title="<script>alert(1)</script>",
        employer="<b>Evil</b>",
        stage="held",
        started_on=date(2024, 1, 1),
        pay_amount=Decimal(10),
        pay_period="hour",
        hours_per_week=Decimal(10),
        currency="EUR",
        identity_fit=3,
        avoid="<img src=x onerror=alert(1)>",
    )
    CareerDirection.objects.create(owner=owner, title="<i>Dir</i>", status="current")
    client.force_login(owner)
    html = client.get(DASHBOARD).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>Evil</b>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# -- The API ---------------------------------------------------------------------------------


def test_api_has_exactly_the_documented_shape(client, elena):
    data = client.get(API).json()
    assert list(data) == [
        "as_of",
        "direction",
        "overall",
        "aligned_share",
        "coverage",
        "missing",
        "drift",
        "jobs",
    ]
    assert data["as_of"] == timezone.localdate().isoformat()
    assert data["direction"]["title"] == "Professional wrestler"
    assert (data["overall"], data["aligned_share"], data["coverage"]) == (30, 33, 67)
    assert data["missing"] == ["Stage presence"]
    assert data["drift"] is False
    titles = [job["title"] for job in data["jobs"]]
    assert titles == ["Bar supervisor", "Gym assistant", "Waiter"]  # newest start first
    offer, gym, waiter = data["jobs"]
    assert list(waiter) == [
        "id",
        "title",
        "employer",
        "stage",
        "started_on",
        "ended_on",
        "direction_id",
        "score",
        "needs_details",
        "verdict",
        "components",
        "flags",
    ]
    assert waiter["needs_details"] is False
    # The verdicts the pages show, from each job's own score and pay.
    assert (offer["verdict"], gym["verdict"], waiter["verdict"]) == ("bills", "built", "bills")
    assert waiter["components"] == {
        "skills": 0.2222,
        "goals": 0.0,
        "values": 0.1667,
        "identity": 0.25,
    }
    assert waiter["score"] == 15 and gym["score"] == 60
    assert waiter["started_on"] == "2024-01-15" and waiter["ended_on"] == "2024-12-31"
    assert offer["stage"] == "offer" and offer["started_on"] is None
    assert offer["flags"] == [{"phrase": "night shifts", "job_id": waiter["id"]}]
    assert waiter["flags"] == []


def test_api_job_without_a_direction_has_null_score_and_components(client, owner):
    Job.objects.create(owner=owner, title="Courier", stage="held", started_on=date(2024, 1, 1))
    client.force_login(owner)
    data = client.get(API).json()
    assert data["direction"] is None
    assert data["overall"] is None and data["coverage"] is None
    assert data["jobs"][0]["score"] is None
    assert data["jobs"][0]["components"] is None
    assert data["jobs"][0]["direction_id"] is None


@pytest.mark.parametrize("seed", range(12))
def test_the_api_and_the_dashboard_always_agree(client, owner, seed):
    rng = random.Random(seed)
    directions = _random_history(owner, rng)
    client.force_login(owner)
    for query in ["", *(f"?direction={direction.pk}" for direction in directions)]:
        data = client.get(API + query).json()
        html = client.get(DASHBOARD + query).content.decode()

        def shown(value, unit=""):
            return "—" if value is None else f"{value}{unit}"

        assert figure(html, "overall-alignment") == shown(data["overall"])
        assert figure(html, "aligned-share") == shown(data["aligned_share"], "%")
        if data["direction"] is not None:
            assert figure(html, "skill-coverage") == shown(data["coverage"], "%")
        for job in data["jobs"]:
            card = html.split(f'id="job-{job["id"]}-title"')[1].split("</article>")[0]
            badge = re.search(r'class="score-badge[^"]*">(.*?)</div>', card).group(1)
            if job["score"] is None:
                assert "—" in badge
            else:
                assert f'<span class="score-value">{job["score"]}</span>' in badge
