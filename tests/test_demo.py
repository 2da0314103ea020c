"""The demo persona, Elena: a history dated back from today that gives every panel something
to show, loaded the same way for the shared `elena` log-in and for each "Try the demo"."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from alignment import dashboard
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from core.models import DataVersion
from demo.elena import load_demo, load_demo_data, months_back
from jobs.models import Job, JobBenefit, JobSkill
from portability.export import export_document

pytestmark = pytest.mark.django_db

MODELS = [
    User,
    Profile,
    Skill,
    CareerDirection,
    DirectionSkill,
    DirectionValue,
    CareerGoal,
    Learning,
    Learning.skills.through,
    Contact,
    Job,
    JobSkill,
    JobBenefit,
    Job.goals.through,
    Job.contacts.through,
]


def load_with_the_command():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def elena():
    load_with_the_command()
    return User.objects.get(username="elena")


@pytest.fixture
def api(client, elena):
    """The alignment API's document for Elena, as of today."""
    client.force_login(elena)
    return client.get(reverse("api:alignment")).json()


def job(user, title):
    return Job.objects.get(owner=user, title=title)


# -- The shared log-in of `make run` ---------------------------------------------------------


def test_the_command_says_how_to_log_in():
    assert "elena / bearing-demo" in load_with_the_command()


def test_elena_logs_in_with_the_published_password(elena):
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="elena", password="bearing-demo") == elena


# -- Her story -------------------------------------------------------------------------------


def test_she_waits_tables_now_while_her_direction_is_professional_wrestling(elena):
    waiter = job(elena, "Waiter")
    assert (waiter.employer, waiter.stage, waiter.ended_on) == ("Rosa's Diner", "held", None)
    assert waiter.is_ongoing
    assert waiter.occupation == "35-3031.00"  # Waiters and Waitresses
    wrestler = CareerDirection.objects.get(owner=elena, status="current")
    assert wrestler.title == "Professional wrestler"
    assert wrestler.occupation == "27-2021.00"  # Athletes and Sports Competitors
    assert wrestler.started_on < waiter.started_on


def test_she_has_held_six_to_eight_jobs_and_weighs_one_offer(elena):
    jobs = Job.objects.filter(owner=elena)
    assert 6 <= jobs.held().count() <= 8
    assert [offer.title for offer in jobs.offers()] == ["Bar supervisor"]


def test_she_is_considering_a_second_direction_with_skills_and_values(elena):
    (coach,) = CareerDirection.objects.filter(owner=elena, status="considering")
    assert coach.title == "Fitness coach"
    assert coach.skill_links.count() >= 3
    assert coach.value_links.count() >= 2
    assert CareerGoal.objects.filter(owner=elena, direction=coach).exists()


def test_every_occupation_link_is_a_real_occupation_and_every_row_is_valid(elena):
    for row in [*CareerDirection.objects.filter(owner=elena), *Job.objects.filter(owner=elena)]:
        row.full_clean()  # the occupation's validator looks the code up in the O*NET data
    linked = Job.objects.filter(owner=elena).exclude(occupation="")
    assert linked.count() >= 4


def test_one_imported_looking_job_tells_nothing_to_score(elena):
    promo = job(elena, "Promo event staff")
    assert promo.stage == "held"
    assert not promo.skill_links.exists()
    assert not promo.benefit_links.exists()
    assert not promo.goals.exists()
    assert promo.identity_fit is None


def test_her_goals_learning_and_contacts_fill_their_pages(elena):
    today = timezone.localdate()
    goals = CareerGoal.objects.filter(owner=elena)
    statuses = set(goals.values_list("status", flat=True))
    assert {"active", "achieved", "dropped"} <= statuses
    overdue = goals.get(title="First amateur match")
    assert overdue.status == "active" and overdue.target_date < today
    learning = Learning.objects.filter(owner=elena)
    assert learning.filter(completed_on__isnull=False).count() == 1
    assert learning.filter(completed_on__isnull=True).count() == 1
    assert Contact.objects.filter(owner=elena).count() >= 3
    assert Job.contacts.through.objects.filter(job__owner=elena).count() >= 3


def test_every_date_is_counted_back_from_the_day_it_is_loaded(owner):
    today = date(2031, 3, 5)
    load_demo_data(owner, today=today)
    held = Job.objects.filter(owner=owner).held()
    assert all(row.started_on <= today for row in held)
    assert all(row.ended_on is None or row.ended_on < today for row in held)
    waiter = job(owner, "Waiter")
    assert waiter.started_on == months_back(today, 24, 15) == date(2029, 3, 15)
    ring_crew = job(owner, "Ring crew")
    assert today - ring_crew.ended_on < timedelta(days=365)  # recent work, not only old
    camp = job(owner, "Camp counsellor")  # a summer job, in the summer
    assert (camp.started_on, camp.ended_on) == (date(2027, 6, 24), date(2027, 8, 22))
    contact = Contact.objects.get(owner=owner, name="Rosa Delgado")
    assert contact.last_contacted_on == today - timedelta(days=3)


def test_a_later_day_moves_every_date_with_it(owner, stranger):
    load_demo_data(owner, today=date(2030, 1, 20))
    load_demo_data(stranger, today=date(2031, 1, 20))

    def dates(user):
        return sorted(
            (row.title, row.started_on, row.ended_on) for row in Job.objects.filter(owner=user)
        )

    for (title, start, end), (_, later_start, later_end) in zip(
        dates(owner), dates(stranger), strict=True
    ):
        if start is not None:
            assert later_start == start.replace(year=start.year + 1), title
        if end is not None:
            assert later_end == end.replace(year=end.year + 1), title


def test_months_back_crosses_years():
    assert months_back(date(2026, 2, 10), 2, 28) == date(2025, 12, 28)
    assert months_back(date(2026, 1, 31), 12, 1) == date(2025, 1, 1)
    assert months_back(date(2026, 1, 31), 0, 5) == date(2026, 1, 5)


# -- What the dashboard and the API show -----------------------------------------------------


def test_the_api_has_a_figure_for_every_headline(api):
    assert api["direction"]["title"] == "Professional wrestler"
    assert api["overall"] is not None
    assert api["aligned_share"] is not None and 0 < api["aligned_share"] < 100
    assert api["coverage"] is not None and 0 < api["coverage"] < 100
    assert "Stage presence" in api["missing"]


def test_the_waiter_job_is_ongoing_and_the_history_has_jobs_that_built_the_career(api):
    held = [row for row in api["jobs"] if row["stage"] == "held"]
    waiter = next(row for row in held if row["title"] == "Waiter")
    assert waiter["ended_on"] is None
    scores = [row["score"] for row in held if row["score"] is not None]
    assert any(score >= 50 for score in scores)  # built the career
    assert any(score < 50 for score in scores)  # paid the bills


def test_the_offer_is_flagged_with_what_a_past_job_taught_her_to_avoid(api, elena):
    (offer,) = [row for row in api["jobs"] if row["stage"] == "offer"]
    assert offer["title"] == "Bar supervisor"
    assert offer["flags"] == [{"phrase": "night shifts", "job_id": job(elena, "Order picker").pk}]


def test_one_job_needs_details(api):
    needing = [row for row in api["jobs"] if row["needs_details"]]
    assert [row["title"] for row in needing] == ["Promo event staff"]
    assert needing[0]["score"] is None and needing[0]["components"] is None


def test_every_panel_of_the_dashboard_has_something_to_show(elena):
    shown = dashboard.dashboard(elena, timezone.localdate())
    assert shown["held_count"] >= 6
    assert shown["charted"] and shown["explained"]
    assert shown["offers"]
    assert shown["missing"]
    assert shown["goal_progress"]["any"] and shown["goal_progress"]["percent"]
    assert shown["values_tally"] and shown["skills_gained"]
    assert shown["lessons"] and shown["avoid"]
    kinds = {step.kind for step in shown["result"].next_steps}
    assert {"learn_skill", "overdue_goal", "weak_job"} <= kinds
    assert len(shown["directions"]) == 2  # the menu to set the history against another


def test_the_dashboard_page_shows_her_figures(client, elena, api):
    client.force_login(elena)
    html = client.get(reverse("alignment:dashboard")).content.decode()
    assert f'data-figure="overall-alignment">{api["overall"]}<' in html
    assert f'data-figure="skill-coverage">{api["coverage"]}%<' in html


# -- Loading again ---------------------------------------------------------------------------


def test_loading_twice_leaves_exactly_the_same_data(elena):
    first = counts()
    exported = export_document(elena)
    load_with_the_command()
    assert counts() == first
    assert export_document(elena) == exported
    assert first["User"] == 1


def test_loading_again_resets_what_a_visitor_changed(elena):
    exported = export_document(elena)
    Job.objects.filter(owner=elena).delete()
    CareerGoal.objects.filter(owner=elena, title="First amateur match").update(title="Edited")
    Skill.objects.create(owner=elena, name="Juggling")
    elena.set_password("changed")
    elena.save()

    load_with_the_command()

    assert export_document(elena) == exported
    assert not Skill.objects.filter(owner=elena, name="Juggling").exists()
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="elena", password="bearing-demo") == elena


def test_loading_again_marks_her_cached_pages_stale(elena):
    before = DataVersion.of(elena)
    load_demo()
    assert DataVersion.of(elena) > before


def test_loading_the_demo_leaves_other_people_alone(owner):
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2024, 1, 1))
    load_with_the_command()
    assert Job.objects.filter(owner=owner).count() == 1


def test_any_account_can_hold_the_demo_and_it_is_the_same_history(elena, owner):
    load_demo_data(owner)
    assert export_document(owner) == export_document(elena)
    assert DataVersion.of(owner) > 0
