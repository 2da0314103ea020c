"""The career story (/story/): the working life year by year, through the client and in pure
functions."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alignment import dashboard, story
from alignment import scoring as alignment
from alignment.history import Direction, Event
from careers.models import CareerDirection, CareerGoal, Contact
from core.models import bump_data_version
from jobs.models import Job
from tests.factories import long_history
from tests.worked_example import elena as worked_example

STORY = reverse("alignment:story")


def text_of(html):
    """The page's main content as a person reads it: tags gone, spaces folded."""
    main = html.split("<main")[1].split("</main>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace("&#x27;", "'")


def year_of(html, year):
    """A year's section as a person reads it."""
    section = html.split(f'id="year-{year}"')[1].split("</section>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&#x27;", "'")


# -- Through the client -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("history", ["worked example", "long"])
def test_the_story_told_from_the_dashboards_reading_is_the_same_story(owner, history):
    """The shared page tells the story from the history the dashboard scored already."""
    person = worked_example() if history == "worked example" else owner
    if history == "long":
        long_history(owner, 40)
    today = timezone.localdate()
    reading = dashboard.dashboard(person, today)["reading"]
    assert story.story(person, today, reading=reading) == story.story(person, today)


@pytest.mark.django_db
def test_elena_reads_her_story_newest_first(client):
    elena = worked_example()
    client.force_login(elena)
    response = client.get(STORY)
    assert response.status_code == 200
    html = response.content.decode()
    said = text_of(html)
    # Newest first: this year (nothing yet) as a gap, then 2025, 2024, 2023.
    today = timezone.localdate()
    assert f"{today.year}: nothing recorded this year." in said
    assert said.index("2025 Average score 60") < said.index("2024 Average score 15")
    assert said.index("2024 Average score 15") < said.rindex("You set out towards Professional")
    # The turning points, named at the top with links to their years.
    assert '<a class="fw-semibold" href="#year-2025">2025</a>' in html
    assert "Gym assistant at Iron Hall: your first job that built the career (score 60)." in said
    assert "2023 — You set out towards Professional wrestler." in said
    # Each year in plain words.
    gym = year_of(html, 2025)
    assert "You spent 176 days in work that built the career." in gym
    assert "Jobs: Gym assistant at Iron Hall (built the career, score 60, 176 days)." in gym
    assert "Skills gained Choreography" in gym and "Goals achieved Join a wrestling school" in gym
    assert "People met Marco Ruiz (Head coach at Iron Hall)" in gym
    assert "Working where wrestlers train opens doors." in gym
    waiter = year_of(html, 2024)
    assert "You spent 352 days in work that paid the bills." in waiter
    assert "To avoid next time night shifts — Waiter at Rosa's Diner" in waiter
    # Her notes about people are never part of the story.
    assert "Saturday ring sessions" not in html
    # A chart a year, with its words as its text.
    assert 'aria-label="You spent 176 days in work that built the career."' in html
    assert 'class="story-bar tone-built"' in html


@pytest.mark.django_db
def test_a_stranger_sees_only_their_own_empty_story(client, stranger):
    worked_example()
    client.force_login(stranger)
    html = client.get(STORY).content.decode()
    assert "Nothing to tell yet" in html
    assert "Professional wrestler" not in html and "Waiter" not in html
    assert reverse("jobs:job_add") in html


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(STORY)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_a_change_shows_at_once_despite_the_cache(client):
    elena = worked_example()
    client.force_login(elena)
    assert "Marco Ruiz" in client.get(STORY).content.decode()
    Contact.objects.filter(owner=elena).update(name="Marco R.")
    bump_data_version(elena.pk)
    html = client.get(STORY).content.decode()
    assert "Marco R." in html and "Marco Ruiz" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 500])
def test_the_story_costs_the_same_queries_for_5_or_500_jobs(
    client, owner, count, django_assert_num_queries
):
    long_history(owner, count)
    client.force_login(owner)
    # 1 session, 2 user, 3 data version, then the story: 4 directions, 5 every job, 6 what
    # each job gave of each direction, 7 the events (skills gained, people met, goals
    # achieved, learning completed, lessons) in one UNION.
    with django_assert_num_queries(7):
        response = client.get(STORY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gig 0" in html or "Gig 1" in html
    with django_assert_num_queries(3):  # warm: session, user, data version
        assert text_of(client.get(STORY).content.decode()) == text_of(html)


@pytest.mark.django_db
def test_a_5000_job_history_is_told_in_four_queries_and_bounded_lists(
    owner, django_assert_num_queries
):
    long_history(owner, 5000)
    today = timezone.localdate()
    # directions, jobs, what they gave, the story's events: whatever the history's length
    with django_assert_num_queries(4):
        context = story.story(owner, today)
    years = [y for y in context["years"] if not y["gap"]]
    # The direction set out in 1999; 5000 gigs every 10 days from 2000 run past today.
    assert years[-1]["year"] == 1999 and years[0]["year"] == today.year
    first = next(y for y in years if y["year"] == 2001)
    assert len(first["jobs"]["items"]) == story.NAMED
    assert first["jobs"]["more"] == 37 - story.NAMED
    assert len(first["lessons"]["items"]) == story.LESSONS_NAMED


# -- The rules, without a database ------------------------------------------------------------


TODAY = date(2026, 11, 22)
WRESTLER = alignment.DirectionData(
    1, "Professional wrestler", "current", date(2023, 6, 1), None, skills_total=9
)


def held(job_id, start, end, skills=0, fit=None, title=None):
    return alignment.JobData(
        job_id,
        title or f"Job {job_id}",
        "",
        "held",
        start,
        end,
        identity_fit=fit,
        linked=bool(skills),
        # What it gave, of every direction the tests use (a direction's id 1 to 3).
        matched={d: alignment.Matched(skills=skills) for d in (1, 2, 3)}
        if skills
        else alignment.NO_MATCHES,
    )


def told(jobs, events=(), directions=(WRESTLER,), today=TODAY, names=True):
    rows = [
        Direction(d.id, d.title, d.status, d.started_on, d.ended_on, "", "") for d in directions
    ]
    results = alignment.score_jobs(jobs, directions, today)
    return story.tell(results, rows, list(events), today, names=names)


def shown(context):
    return {y["year"]: y for y in context["years"] if not y["gap"]}


def test_a_period_is_split_by_calendar_year_both_ends_included():
    assert story.split_by_year((date(2023, 12, 30), date(2024, 1, 2)), 2000) == (
        [(2023, 2), (2024, 2)],
        0,
    )
    assert story.split_by_year((date(2024, 1, 1), date(2024, 12, 31)), 2000) == ([(2024, 366)], 0)
    # Before the first year told: summed up, not split.
    assert story.split_by_year((date(1990, 1, 1), date(2000, 1, 31)), 2000) == (
        [(2000, 31)],
        3652,
    )
    assert story.split_by_year((date(1990, 1, 1), date(1990, 1, 10)), 2000) == ([], 10)


def test_days_are_split_by_the_dashboards_verdicts():
    jobs = [
        held(1, date(2024, 1, 1), date(2024, 1, 10), skills=9),  # 100: built the career
        held(2, date(2024, 2, 1), date(2024, 2, 5), skills=1),  # 11: paid the bills
        held(3, date(2024, 3, 1), date(2024, 3, 2)),  # said nothing: needs details
    ]
    year = shown(told(jobs))[2024]
    assert year["chart"]["bars"][0]["kind"] == "built"
    assert [(bar["kind"], bar["days"]) for bar in year["chart"]["bars"]] == [
        ("built", 10),
        ("bills", 5),
        ("details", 2),
    ]
    assert year["summary"] == (
        "You spent 10 days in work that built the career, 5 in work that paid the bills "
        "and 2 in jobs not described enough to score."
    )
    assert year["mean"] == 70  # (10 × 100 + 5 × 11.1) ÷ 15, the undescribed job left out


def test_a_job_with_no_direction_counts_as_unscored():
    context = told([held(1, date(2024, 1, 1), date(2024, 1, 3), fit=5)], directions=())
    year = shown(context)[2024]
    assert year["summary"] == "You spent 3 days in jobs that could not be scored."
    assert year["mean"] is None


def test_jobs_at_the_same_time_are_said_to_count_twice():
    jobs = [
        held(1, date(2023, 1, 1), date(2023, 12, 31), skills=9),
        held(2, date(2023, 1, 1), date(2023, 12, 31), skills=1),
    ]
    year = shown(told(jobs))[2023]
    assert "Some jobs ran at the same time" in year["summary"]
    widths = sum(float(bar["width"]) for bar in year["chart"]["bars"])
    assert widths == pytest.approx(story.CHART_WIDTH)


def test_empty_years_are_gaps_folded_together():
    jobs = [
        held(1, date(2018, 1, 1), date(2018, 3, 1), skills=9),
        held(2, date(2023, 1, 1), date(2023, 3, 1), skills=9),
    ]
    years = told(jobs)["years"]
    assert [(y.get("year"), y.get("from"), y.get("to")) for y in years] == [
        (None, 2024, 2026),
        (2023, None, None),
        (None, 2019, 2022),
        (2018, None, None),
    ]


def test_turning_points_a_new_direction_the_first_aligned_job_and_a_drift():
    past = alignment.DirectionData(2, "Chef", "past", date(2015, 1, 1), date(2022, 12, 31), 9)
    considered = alignment.DirectionData(3, "Pilot", "considering", date(2020, 1, 1), None, 9)
    jobs = [
        held(1, date(2016, 1, 1), date(2016, 12, 31), skills=2),  # 22 against Chef
        held(2, date(2017, 1, 1), date(2021, 12, 31), skills=9),  # 100
        held(3, date(2024, 1, 1), date(2024, 12, 31), skills=1),  # 11 against wrestling
    ]
    context = told(jobs, directions=(WRESTLER, past, considered))
    points = [(p["year"], p["text"]) for p in context["turning_points"]]
    assert (2023, "You set out towards Professional wrestler.") in points
    assert (2022, "You left Chef.") in points
    assert (2015, "You set out towards Chef.") in points
    assert (2017, "Job 2: your first job that built the career (score 100).") in points
    assert not any("Pilot" in text for _, text in points)  # only considered: not a path taken
    drift = shown(context)[2024]
    assert drift["drift"] is True
    assert drift["turning"][-1].startswith("Your work began to score lower: 11 on average")
    # 2016 is the first scored year: a year cannot drift from itself.
    assert shown(context)[2016]["drift"] is False


def test_a_drift_is_a_turning_point_where_it_begins_and_a_note_while_it_goes_on():
    jobs = [
        held(1, date(2020, 1, 1), date(2022, 12, 31), skills=9),  # 100
        held(2, date(2023, 1, 1), date(2025, 12, 31), skills=1),  # 11
    ]
    games = alignment.DirectionData(1, "Games", "current", date(2019, 1, 1), None, 9)
    years = shown(told(jobs, directions=(games,)))
    assert sorted(y for y in years if years[y]["drift"]) == [2023, 2024, 2025]
    # Through 2023: (1096 days × 100 + 365 × 11.1) ÷ 1461 = 77.8 → 78.
    assert years[2023]["turning"] == [
        "Your work began to score lower: 11 on average this year, 67 points below your "
        "history up to then (78)."
    ]
    assert years[2024]["turning"] == []
    assert years[2024]["notes"][0].startswith("Your work still scored lower: 11 on average, ")


def test_lists_are_bounded_and_say_how_many_more():
    events = [Event("skill", f"Skill {n:02}", "", date(2024, 3, 1)) for n in range(12)]
    events += [Event("contact", f"Person {n}", "Gym", date(2024, 3, 1)) for n in range(7)]
    year = shown(told([held(1, date(2024, 1, 1), date(2024, 1, 2))], events))[2024]
    assert year["skills"] == {"items": [f"Skill {n:02}" for n in range(5)], "more": 7}
    assert year["people"]["more"] == 2 and year["people_count"] == 7
    hidden = shown(told([held(1, date(2024, 1, 1), date(2024, 1, 2))], events, names=False))
    assert hidden[2024]["people"] == {"items": [], "more": 0}
    assert hidden[2024]["people_count"] == 7


def test_lessons_go_to_the_year_their_job_ended_and_nothing_after_today_is_told():
    events = [
        Event("lesson", "Waiter", "Hold the room.", date(2024, 12, 31), "Rosa's"),
        Event("lesson", "Coach", "Patience.", None, ""),  # a job that goes on: this year
        Event("goal", "Future goal", "", date(2027, 1, 1)),  # after today: not told
        Event("learning", "Course", "course", date(2025, 5, 1)),
    ]
    context = told([held(1, date(2024, 1, 1), None)], events)
    years = shown(context)
    assert years[2024]["lessons"]["items"] == [
        {"text": "Hold the room.", "job": "Waiter at Rosa's"}
    ]
    assert years[2026]["lessons"]["items"][0]["text"] == "Patience."
    assert years[2025]["learning"]["items"] == ["Course (course)"]
    assert all(not y["goals"]["items"] for y in years.values())
    assert max(years) == 2026 and years[2026]["so_far"] is True


def test_a_very_long_history_tells_the_last_sixty_years():
    context = told(
        [held(1, date(1900, 1, 1), date(1901, 1, 1), skills=9)]
        + [held(2, date(2020, 1, 1), date(2020, 2, 1), skills=1)]
    )
    assert context["earliest"] == 1900
    assert context["first_year"] == TODAY.year - story.STORY_YEARS + 1
    # The early job is not told, but it counts in the history up to each year told.
    assert shown(context)[2020]["running"] > shown(context)[2020]["mean"]


def test_an_empty_history_tells_nothing():
    assert told([], directions=())["years"] == []


@pytest.mark.django_db
def test_jobs_starting_after_today_are_not_told(client, owner):
    CareerDirection.objects.create(owner=owner, title="Chef", status="current")
    Job.objects.create(
        owner=owner,
        title="A job to come",
        stage="held",
        started_on=timezone.localdate() + timedelta(days=30),
        lessons="Not yet.",
    )
    CareerGoal.objects.create(owner=owner, title="Soon", status="active")
    client.force_login(owner)
    html = client.get(STORY).content.decode()
    assert "A job to come" not in html and "Not yet." not in html
    assert "Nothing to tell yet" in html
