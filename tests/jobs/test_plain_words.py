"""The pages speak to a person: verdicts and plain sentences, skills ticked rather than typed,
an offer weighed against the job the person has, jobs that need details shown as such."""

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerDirection, Skill
from core.models import bump_data_version
from jobs.models import Job, JobSkill
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    DirectionSkillFactory,
    DirectionValueFactory,
    JobBenefitFactory,
    JobFactory,
    JobSkillFactory,
    long_history,
)
from tests.helpers import figure

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")


def text_of(response):
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


# -- the offer, weighed ---------------------------------------------------------------------


def test_the_offer_is_set_beside_the_latest_job_in_words(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert "If it replaced Gym assistant, your latest job" in text
    # What it would change for the person first, then the comparison, in its verdict's words.
    assert (
        "If it replaced Gym assistant, your latest job: More pay for more hours, "
        "but worse for your career For your professional wrestler career it would do less "
        "than your job as Gym assistant. It would pay about 1,190 EUR more a month, but all of "
        "that is pay for 25 more hours of work a week: each hour pays 1.88 EUR less. It would "
        "give you none of the skills you lack and advance no goal of yours that is still open."
    ) in text
    # 2,100 a month × 12 ÷ 52 weeks ÷ 40 hours = 12.12 an hour, against 14 at the gym.
    assert "Pay an hour 12.12 EUR Hours a week 40 Pay a month 2,100 EUR" in text
    assert "Pay an hour 14 EUR Hours a week 15 Pay a month about 910 EUR" in text
    assert (
        "It scores 4 out of 100: it would pay the bills but do little for the career. You have "
        "not said how well the offer would fit you, so the two are compared without fit: "
        "your job as Gym assistant scores 55 without fit (60 with fit), against the offer's 4."
    ) in text
    assert (
        "Careful: this offer mentions “night shifts”, which your notes on Waiter say you want "
        "to avoid."
    ) in text
    assert "Pay an hour 12.12 EUR" in text and "Pay an hour 14 EUR" in text
    assert (
        "It would not give you Stage presence, the one skill your professional wrestler career "
        "needs that you do not have yet."
    ) in text
    assert "Would use none of your 4 target skills" in text
    assert "Would pay the bills" in text and "Built the career" in text


def test_an_offer_that_would_close_a_missing_skill_says_so(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    JobSkill.objects.create(job=offer, skill=Skill.objects.get(owner=elena, name="Stage presence"))
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert (
        "It would give you Stage presence, which your professional wrestler career needs and you "
        "do not have yet."
    ) in text
    assert "Stage presence — this offer" in text


@pytest.mark.parametrize("count", [5, 500])
def test_the_offer_page_costs_the_same_queries_for_5_or_500_jobs(
    client, owner, count, django_assert_num_queries
):
    long_history(owner, count)
    offer = Job.objects.create(owner=owner, title="Roadie", stage="offer", identity_fit=4)
    client.force_login(owner)
    with django_assert_num_queries(12):
        # 1 session, 2 user, 3 the offer, 4 its skills with their names, 5 its values,
        # 6 its goals, 7 its contacts; then the history it is weighed in
        # (alignment.dashboard.weigh_offer): 8 the directions, 9 every job, 10 what each gave,
        # 11 the target skills and what covers them, 12 what the offer and the latest job
        # matched, by name
        response = client.get(reverse("alignment:job_detail", args=[offer.pk]))
    assert "If it replaced Gig" in text_of(response)


def test_a_stranger_cannot_weigh_anothers_offer(client, elena, stranger):
    offer = Job.objects.get(owner=elena, stage="offer")
    client.force_login(stranger)
    assert client.get(reverse("alignment:job_detail", args=[offer.pk])).status_code == 404


def test_weigh_an_offer_saves_an_offer_with_its_ticked_skills(client, elena):
    form = client.get(reverse("jobs:offer_add"))
    assert "Weigh an offer" in text_of(form)
    assert "Satisfaction" not in text_of(form) and "People you met" not in text_of(form)
    stage = Skill.objects.get(owner=elena, name="Stage presence")
    response = client.post(
        reverse("jobs:offer_add"),
        {
            "title": "Ring announcer",
            "employment_type": "part_time",
            "currency": "EUR",
            f"target_{stage.pk}": "used",
            "identity_fit": "5",
        },
    )
    offer = Job.objects.get(owner=elena, title="Ring announcer")
    assert response["Location"] == reverse("alignment:job_detail", args=[offer.pk])
    assert offer.stage == "offer"
    assert list(offer.skill_links.values_list("skill__name", "gained")) == [
        ("Stage presence", False)
    ]


# -- skills ticked, ratings chosen ----------------------------------------------------------


def test_the_job_form_offers_the_directions_skills_to_tick(client, elena):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    page = client.get(reverse("jobs:job_edit", args=[waiter.pk])).content.decode()
    speaking = Skill.objects.get(owner=elena, name="Public speaking")
    # Public speaking, a target skill the waiter job taught, is ticked as gained.
    assert re.search(rf'name="target_{speaking.pk}" value="gained"[^>]*checked', page)
    # Customer service is no target skill: it stays in the typed field.
    assert 'value="Customer service"' in page
    # Ratings are labelled choices.
    assert "A little like me" in page and "It was all right" in page


def test_ticking_a_target_skill_changes_the_score(client, elena):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    stage = Skill.objects.get(owner=elena, name="Stage presence")
    speaking = Skill.objects.get(owner=elena, name="Public speaking")
    response = client.post(
        reverse("jobs:job_edit", args=[waiter.pk]),
        {
            "title": "Waiter",
            "employer": "Rosa's Diner",
            "employment_type": "part_time",
            "started_on": "2024-01-15",
            "ended_on": "2024-12-31",
            "currency": "EUR",
            "identity_fit": "2",
            "benefits": ["money"],
            f"target_{stage.pk}": "used",
            f"target_{speaking.pk}": "gained",
            "skills_used": "Customer service",
            "lock_version": waiter.lock_version,
        },
    )
    assert response.status_code == 302
    links = set(waiter.skill_links.values_list("skill__name", "gained"))
    assert links == {
        ("Stage presence", False),
        ("Public speaking", True),
        ("Customer service", False),
    }
    card = text_of(client.get(reverse("alignment:job_detail", args=[waiter.pk])))
    # Used and gained are told apart, and both count.
    assert (
        "Used Stage presence (essential) and taught you Public speaking (important): 2 of your "
        "4 target skills" in card
    )


def test_a_job_can_be_saved_with_its_essentials_only(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse("jobs:job_add"),
        {
            "title": "Courier",
            "employer": "Fast Parcels",
            "employment_type": "full_time",
            "started_on": "2023-03-01",
            "currency": "EUR",
        },
    )
    assert response.status_code == 302
    assert Job.objects.get(owner=owner).title == "Courier"


# -- words on the dashboard -----------------------------------------------------------------


def test_a_job_that_needs_details_is_grey_and_a_next_step(client, elena):
    silent = Job.objects.create(
        owner=elena,
        title="Customer support agent",
        employer="Hallo Telecom",
        started_on=timezone.localdate() - timedelta(days=200),
    )
    html = client.get(DASHBOARD).content.decode()
    assert figure(html, "overall-alignment") == "30"  # left out of the figures
    answer = html.split('id="answer-heading"')[1].split("</section>")[0]
    said = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer)))
    assert (
        "“Customer support agent” cannot be scored yet: it needs its details. Add them\xa0→" in said
    )
    # The sentence links to the job's form (round 38: "an instruction with no link").
    assert f'href="{reverse("jobs:job_edit", args=[silent.pk])}">Add them' in answer
    card = html.split(f'id="job-{silent.pk}-title"')[1].split("</article>")[0]
    assert "tone-details" in card and "Needs details" in card
    assert "tone-bills" not in card  # grey, never orange
    assert "You have not said yet which skills Customer support agent used" in card
    steps = html.split('id="next-heading"')[1].split("</section>")[0]
    assert "Customer support agent at Hallo Telecom needs details" in steps
    assert reverse("jobs:job_edit", args=[silent.pk]) in steps


def test_verdicts_follow_score_and_pay(client, elena):
    html = client.get(DASHBOARD).content.decode()
    # The waiter job scored 15 and was paid; the gym job scored 60.
    assert '<span class="verdict verdict-bills">Paid the bills</span> Waiter paid' in html
    assert '<span class="verdict verdict-built">Built the career</span> Gym assistant' in html
    # The same job unpaid did little for the career; paying nothing is not paying the bills.
    waiter = Job.objects.get(owner=elena, title="Waiter")
    waiter.benefit_links.filter(value="money").delete()
    Job.objects.filter(pk=waiter.pk).update(employment_type="volunteer", pay_amount=None)
    bump_data_version(elena.pk)
    html = client.get(DASHBOARD).content.decode()
    assert '<span class="verdict verdict-little">Did little for it</span> Waiter did little' in html
    # Its verdict is its own: the gym job's is unchanged.
    assert '<span class="verdict verdict-built">Built the career</span> Gym assistant' in html


def test_every_page_that_shows_a_job_names_its_verdict_one_way(client, elena):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    offer = Job.objects.get(owner=elena, stage="offer")
    label = '<span class="verdict verdict-bills">Paid the bills</span>'
    pages = {
        "dashboard": client.get(DASHBOARD),
        "jobs": client.get(reverse("alignment:job_list")),
        "job": client.get(reverse("alignment:job_detail", args=[waiter.pk])),
        "story": client.get(reverse("alignment:story")),
    }
    for name, page in pages.items():
        text = text_of(page)
        assert "paid the bills" in text.lower(), name
        assert "Neither" not in text, name
        assert "verdict-both" not in page.content.decode(), name
    for name in ("dashboard", "jobs", "job"):
        assert label in pages[name].content.decode(), name
    offered = client.get(reverse("alignment:job_detail", args=[offer.pk])).content.decode()
    assert '<span class="verdict verdict-bills">Would pay the bills</span>' in offered


def test_the_headline_says_why_coverage_and_alignment_differ(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert (
        "Your skills and your average score measure different things: a skill counts once you "
        "have it, wherever you got it; the average counts each job for as long as it ran, and 12 "
        "months of your job time was in Waiter, which scores 15, against 6 months in your "
        "other job. Where your 3 "
        "skills came from: Strength training (you had "
        "it already and used it in your job “Gym assistant”), Public speaking (learned in your "
        "job “Waiter”) and Choreography (learned in your job “Gym assistant”)"
    ) in text
    # Never "most" of half, never a score told as a share of days.
    assert "most of your working days" not in text


def test_every_score_links_to_how_scores_work(client, elena):
    html = client.get(DASHBOARD).content.decode()
    assert html.count(reverse("alignment:how_scores_work")) >= 3  # the headline and each card
    page = client.get(reverse("alignment:how_scores_work"))
    assert "59.78, which rounds to 60" in text_of(page)


def test_how_scores_work_is_public(client):
    assert client.get(reverse("alignment:how_scores_work")).status_code == 200


def test_money_and_hours_are_written_one_way(client, elena):
    waiter = Job.objects.get(owner=elena, title="Waiter")
    assert waiter.pay_display() == "11.50 EUR per hour"
    assert waiter.hours_display() == "25"
    Job.objects.filter(pk=waiter.pk).update(pay_amount=Decimal("32000"), pay_period="year")
    waiter.refresh_from_db()
    assert waiter.pay_display() == "32,000 EUR per year"


# -- compare ----------------------------------------------------------------------------------


def test_compare_sets_the_history_against_the_directions_chosen(client, elena):
    chef = CareerDirection.objects.create(owner=elena, title="Chef", status="considering")
    wrestler = CareerDirection.objects.get(owner=elena, title="Professional wrestler")
    url = reverse("alignment:compare")
    page = text_of(client.get(url))
    assert (
        "See my history against Chef" in page
        and "See my history against Professional wrestler" in page
    )
    only = client.get(url, {"direction": [chef.pk]})
    assert "See my history against Chef" in text_of(only)
    assert "See my history against Professional wrestler" not in text_of(only)
    # One spelling only: anything else is sent there.
    assert client.get(f"{url}?direction=0{chef.pk}")["Location"] == f"{url}?direction={chef.pk}"
    both = client.get(f"{url}?direction={chef.pk}&direction={wrestler.pk}")
    assert both.status_code == 301  # put in order
    assert client.get(f"{url}?direction=x").status_code == 404


def test_compare_refuses_more_than_it_can_weigh_at_once(client, elena):
    ids = [
        CareerDirection.objects.create(owner=elena, title=f"Option {n}", status="considering").pk
        for n in range(7)
    ]
    page = text_of(client.get(reverse("alignment:compare"), {"direction": sorted(ids)}))
    assert "Bearing compares at most 6 directions at once: untick some and compare again." in page


def test_the_menu_finds_compare_and_the_offer_form(client, elena):
    nav = client.get(DASHBOARD).content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert reverse("alignment:compare") in nav and reverse("jobs:offer_add") in nav


def test_a_direction_asked_for_is_spelled_one_way(client, elena):
    wrestler = CareerDirection.objects.get(owner=elena)
    response = client.get(f"{DASHBOARD}?direction=+{wrestler.pk}")
    assert response["Location"] == f"{DASHBOARD}?direction={wrestler.pk}"
    assert client.get(f"{DASHBOARD}?direction=").status_code == 301


def test_held_jobs_start_today_or_before(client, owner):
    client.force_login(owner)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("jobs:job_add"),
        {
            "title": "Courier",
            "employment_type": "full_time",
            "started_on": tomorrow.isoformat(),
            "currency": "EUR",
        },
    )
    assert "Weigh it as an offer instead" in text_of(response)
    assert not Job.objects.filter(owner=owner).exists()


def test_a_direction_with_one_goal_and_one_value_says_what_a_job_did_not_do(client, owner):
    """ "advanced not your one goal" was a sentence no person writes."""
    direction = CareerDirectionFactory(owner=owner, status="current", title="Carpenter")
    skill = DirectionSkillFactory(direction=direction, importance=3).skill
    DirectionValueFactory(direction=direction, value="fulfillment")
    CareerGoalFactory(owner=owner, direction=direction, title="Get an apprenticeship")
    job = JobFactory(owner=owner, title="Warehouse operative", started_on=date(2024, 1, 15))
    JobSkillFactory(job=job, skill=skill)
    JobBenefitFactory(job=job, value="money")
    client.force_login(owner)
    said = text_of(client.get(DASHBOARD))
    # The job goes on: what it does, in the present.
    assert "does not advance your one goal" in said
    assert "Does not give the one thing you value from work" in said
    assert "not your one goal" not in said.replace("does not advance your one goal", "")
