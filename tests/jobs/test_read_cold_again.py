"""What readers who had never seen Bearing still quoted as confusing once the dashboard read
4 of 5 (issue 20, round 9): each text checked as a person sees it, on the worked example or
on a history of tests/jobs/histories/."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from alignment import headline
from alignment.scoring import TargetSkill
from careers.models import CareerDirection, CareerGoal, Learning, Skill
from core.models import bump_data_version
from jobs.models import Job, JobSkill
from tests.helpers import text_of
from tests.jobs.helpers import answer_of, imported, offer_page, ring_crew

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")
HISTORIES = Path(__file__).parent / "histories"


# -- 1. the parts that held a score down are said as shortfalls --------------------------------


def test_a_part_that_held_the_score_down_reads_as_a_shortfall(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert "Against it: it used only 1 of your 4 target skills and taught you 1 more." in text
    assert (
        "Waiter paid the bills but did little for your professional wrestler career: it taught "
        "you only 1 of your 4 target skills, advanced none of your 2 goals, gave only 1 of the "
        "3 things you value from work and fitted who you are only a little (2 of 5)."
    ) in text
    assert "which held it down" not in text


def test_an_offers_shortfall_is_said_in_the_future(client, elena):
    offer = Job.objects.get(owner=elena, title="Bar supervisor")
    Job.objects.filter(pk=offer.pk).update(identity_fit=5)
    JobSkill.objects.create(
        job=offer, skill=Skill.objects.get(owner=elena, name="Strength training")
    )
    offer.goals.set(CareerGoal.objects.filter(owner=elena, title="First amateur match"))
    bump_data_version(elena.pk)
    card = text_of(client.get(DASHBOARD)).split("Offers on the table")[1]
    assert (
        "Bar supervisor would build some of your professional wrestler career. In its favour: "
        "it would advance your goal “First amateur match” and would fit who you are (5 of 5). "
        "Against it: it "
        "would use only 1 of your 4 target skills and would pay 1.88 EUR less an hour than Gym "
        "assistant."
    ) in card


# -- 2. the fit is said in words that fit its rating ----------------------------------------


@pytest.mark.parametrize(
    "rating, said",
    [
        (1, "did not fit who you are (1 of 5)"),
        (3, "fitted who you are in part (3 of 5)"),
        (4, "fitted who you are (4 of 5)"),
    ],
)
def test_the_fit_of_a_job_is_said_as_its_rating(client, elena, rating, said):
    Job.objects.filter(owner=elena, title="Waiter").update(identity_fit=rating)
    text = text_of(client.get(DASHBOARD))
    assert said in text


def test_the_fit_of_an_offer_is_said_as_its_rating(client, elena):
    Job.objects.filter(owner=elena, title="Bar supervisor").update(identity_fit=2)
    card = text_of(client.get(DASHBOARD)).split("Offers on the table")[1]
    assert "would fit who you are only a little (2 of 5)" in card


# -- 3. the timeline says when the direction began, and its legend in plain words -------------


def test_the_timeline_says_since_when_the_direction_is_yours(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert "Your direction: Professional wrestler, since 1 Jun 2023" in text
    assert "Time since you chose the direction" in text
    assert "Paid the bills (paid work that scored under 25)" in text
    for old in ("current, 1 Jun 2023", "your direction's time", "from paid work"):
        assert old not in text


def test_the_timeline_says_when_a_past_direction_was_yours(client, elena):
    CareerDirection.objects.create(
        owner=elena,
        title="Stage actor",
        status="past",
        started_on=date(2021, 3, 1),
        ended_on=date(2023, 5, 31),
    )
    text = text_of(client.get(DASHBOARD))
    assert "Your past direction: Stage actor, 1 Mar 2021 – 31 May 2023" in text


# -- 4. the footer says what Bearing does ----------------------------------------------------


def test_the_footer_says_what_bearing_does(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert "Bearing — set your jobs against your career." in text
    assert "jobs are not careers" not in text


# -- 5. unpaid work is called unpaid beside its name -------------------------------------------


def test_unpaid_work_is_called_unpaid_in_the_headline_and_on_its_card(client):
    imported(client, "ux_designer")
    response = client.get(DASHBOARD)
    assert "Volunteer UX designer (unpaid) built your UX designer career" in answer_of(response)
    text = text_of(response)
    assert "Volunteer UX designer (unpaid) · Food Bank Rotterdam" in text
    assert "Customer support agent (unpaid)" not in text


# -- 6. the other steps do not contradict an offer that would build the career ----------------


def test_no_step_sends_the_person_looking_when_an_offer_would_build_it(client, elena):
    assert "Look for a job you could get now" in text_of(client.get(DASHBOARD))
    ring_crew(elena)
    text = text_of(client.get(DASHBOARD))
    assert "Look for a job you could get now" not in text
    assert "See the jobs that would build it" not in text


def test_a_skill_to_learn_names_the_offer_that_would_teach_it(client, elena):
    Learning.objects.filter(owner=elena).delete()
    ring_crew(elena)
    assert (
        "Find a way to learn Stage presence: you marked it essential for your professional "
        "wrestler career, and no job or learning of yours covers it yet — the offer at Iron "
        "Hall would teach it."
    ) in text_of(client.get(DASHBOARD))


# -- 7. a weak job's step says what its link opens ------------------------------------------


def test_the_step_on_a_weak_job_and_its_link_say_the_same(client, elena):
    Job.objects.filter(owner=elena, title="Waiter").update(ended_on=None)
    text = text_of(client.get(DASHBOARD))
    assert (
        "The job you have, Waiter at Rosa's Diner, scores only 15 out of 100: see what holds "
        "its score down before you plan your next job. See what holds its score down →"
    ) in text
    assert "See why it scores low" not in text


# -- 8. the offer page in plain words ----------------------------------------------------------


def test_the_offer_page_says_what_its_score_means(client, elena):
    text = offer_page(client, elena)
    assert "If it replaced Gym assistant, your latest job" in text
    assert (
        "It scores 4 out of 100: it would pay the bills but do little for the career. You have "
        "not said how well the offer would fit you, so the two are compared without fit: "
        "your job as Gym assistant scores 55 without fit (60 with fit), against the offer's 4."
    ) in text
    assert "Set beside" not in text and ", so it would" not in text


def test_the_offer_page_compares_with_the_job_you_have(client, elena):
    Job.objects.filter(owner=elena, title="Gym assistant").update(ended_on=None)
    assert "If it replaced Gym assistant, the job you have" in offer_page(client, elena)


def test_the_offer_pages_skills_are_said_in_whole_sentences(client, elena):
    Learning.objects.filter(owner=elena).update(completed_on=date(2025, 6, 1))
    offer = Job.objects.get(owner=elena, title="Bar supervisor")
    for name, gained in (("Stage presence", False), ("Public speaking", False)):
        skill = Skill.objects.get(owner=elena, name=name)
        JobSkill.objects.create(job=offer, skill=skill, gained=gained)
    offer.goals.set(CareerGoal.objects.filter(owner=elena, title="First amateur match"))
    bump_data_version(elena.pk)
    text = offer_page(client, elena)
    assert (
        "It would put Stage presence to work: you learned it in “Wrestling school: ring craft”, "
        "but no job of yours has used it yet. It would not use Strength training, which you "
        "marked essential. It would advance your goal “First amateur match”."
    ) in text
    assert "Public speaking — you have it; the offer would use it" in text
    assert "you have it already" not in text


def test_the_one_skill_the_offer_would_teach_is_said_as_one(client, elena):
    offer = Job.objects.get(owner=elena, title="Bar supervisor")
    skill = Skill.objects.get(owner=elena, name="Stage presence")
    JobSkill.objects.create(job=offer, skill=skill, gained=True)
    text = offer_page(client, elena)
    assert "The skill you are still missing This offer would give you the one skill" in text
    assert "Stage presence — this offer would teach it" in text
    assert "Stage presence — the offer would teach it" in text
    assert "The skills you are still missing" not in text


# -- 9. pay an hour is also told a month, at each job's hours ---------------------------------


def test_pay_an_hour_is_also_told_a_month_at_each_jobs_hours(client, elena):
    # 2,100 a month for 40 hours; Gym assistant: 14 an hour × 15 hours × 52 ÷ 12 = 910.
    page = offer_page(client, elena)
    assert "Hours a week 40 Pay a month 2,100 EUR" in page
    assert "Hours a week 15 Pay a month about 910 EUR" in page
    assert "It would pay about 1,190 EUR more a month" in page


def test_more_pay_an_hour_is_told_a_month_too(client, elena):
    Job.objects.filter(owner=elena, title="Bar supervisor").update(pay_amount=Decimal("3000"))
    page = offer_page(client, elena)
    assert "Pay a month 3,000 EUR" in page and "Pay a month about 910 EUR" in page
    # The hour's difference is said once, in the page's answer.
    assert (
        "It would pay about 2,090 EUR more a month, but most of that is pay for 25 more hours "
        "of work a week: each hour pays only 3.31 EUR more."
    ) in page
    assert page.count("3.31 EUR more") == 1


def test_no_month_is_told_without_both_jobs_hours(client, elena):
    Job.objects.filter(owner=elena, title="Gym assistant").update(hours_per_week=None)
    Job.objects.filter(owner=elena, title="Bar supervisor").update(
        pay_amount=Decimal("12"), pay_period="hour", hours_per_week=None
    )
    text = offer_page(client, elena)
    assert "It would pay 2 EUR less an hour." in text
    assert "a month" not in text.split("The offer's terms")[0]


# -- 10. the goals card counts every goal it lists -------------------------------------------


def test_the_goals_card_counts_every_goal_it_lists(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert "1 of your 2 goals achieved, 1 overdue. The 1 you dropped is not counted." in text
    assert "goals achieved, and" not in text


def test_one_goal_is_said_as_one(client, elena):
    CareerGoal.objects.filter(owner=elena).exclude(title="First amateur match").delete()
    assert "Your one goal is overdue." in text_of(client.get(DASHBOARD))


# -- 11. an avoid note is said the way a person wrote it --------------------------------------


def test_an_avoid_flag_says_who_wrote_it_and_when(client, elena):
    said = (
        "Careful: this offer mentions “night shifts”, which your notes on Waiter say you want "
        "to avoid."
    )
    assert said in text_of(client.get(DASHBOARD))
    assert said in offer_page(client, elena)


# -- 12. the day counted to, and a score out of 100 ------------------------------------------


def test_the_headline_says_up_to_when_it_counts_and_scores_out_of_100(client, elena):
    ring_crew(elena)
    answer = answer_of(client.get(DASHBOARD))
    assert f"Counted up to today, {date.today().strftime('%-d %b %Y')}." in answer
    assert "As of" not in answer
    assert (
        "Next: The offer to work as Ring crew at Iron Hall scores 50 out of 100: it would build "
        "your professional wrestler career"
    ) in answer


# -- 14. the weighted coverage: the percentage, then the points it comes from -----------------


def test_the_weighted_coverage_says_its_points_without_a_because(client):
    user = imported(client, "ux_designer")
    Learning.objects.filter(owner=user).update(completed_on=None)
    bump_data_version(user.pk)
    text = text_of(client.get(DASHBOARD))
    # Only the volunteer job's User research, Prototyping (3 each) and Figma (2) are had.
    assert (
        "You are missing Usability testing and Wireframing, both of which you marked important."
    ) in text
    assert (
        "Counted by importance, you have 67% (8 of 12 points: an essential skill is worth 3, an "
        "important one 2)."
    ) in text
    assert "because" not in text.split("Skills you have")[1].split("How scores work")[0]


def test_two_missing_skills_that_weigh_more_are_both():
    skills = [
        TargetSkill("User research", 3),
        TargetSkill("Prototyping", 3),
        TargetSkill("Figma", 2, covered=True),
        TargetSkill("Sketching", 1, covered=True),
    ]
    said = headline.coverage_figure(33, skills, "UX designer")  # 3 of 9 points
    assert (
        said["scale"] == "an essential skill is worth 3, an important one 2, a nice-to-have one 1"
    )
    assert said["missed"] == (
        "You are missing User research and Prototyping, both of which you marked essential."
    )
