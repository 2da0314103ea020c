"""What readers who had never seen Bearing still quoted once the dashboard and the offer page
read 4 of 5 (issue 20, round 10): each text checked as a person sees it, on the worked
example."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from alignment import headline
from alignment.scoring import TargetSkill
from careers.models import CareerDirection, CareerGoal, Learning
from core.models import bump_data_version
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import figure, text_of
from tests.jobs.helpers import answer_of, imported, offer_page, ring_crew

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")


# -- 1. where jobs ran at the same time, each counts all its own days, and the page says so --


def test_where_jobs_ran_at_the_same_time_each_counts_its_own_days(client, elena):
    Job.objects.filter(owner=elena, title="Waiter").update(ended_on=date(2025, 3, 1))
    bump_data_version(elena.pk)
    answer = answer_of(client.get(DASHBOARD))
    # A lane a verdict: Gym assistant's 176 days and Waiter's 412, on one time axis; where
    # they ran at the same time a month shows in both, said before the lanes (round 58).
    assert (
        "by what your jobs did for the career (where two jobs ran at the same time, a month "
        "shows in two lanes): Built the career: 6 months Paid the bills: 14 months"
    ) in answer
    assert "job-day" not in answer and "counts once" not in answer


# -- 2. a job from before the direction says why it is set against it --------------------------


def test_a_job_from_before_the_direction_says_why_it_is_set_against_it(client, elena):
    Job.objects.filter(owner=elena, title="Waiter").update(started_on="2023-01-09")
    text = text_of(client.get(DASHBOARD))
    assert (
        "You started this job before you set Professional wrestler as your direction (1 Jun "
        "2023). It ran on after that, so it is judged by this direction."
    ) in text
    assert "still measured against it" not in text
    assert "scored for" not in text


# -- 3. the skills card: the count, what is missing in words, the points behind a click -------


def test_the_skills_card_says_what_is_missing_and_keeps_its_points_behind_a_click(client, elena):
    html = client.get(DASHBOARD).content.decode()
    card = html.split("Skills you have")[1].split("</div></div>")[0]
    shown, hidden = card.split("<details", 1)
    assert text_of(shown).endswith(
        "You have 3 of the 4 skills you listed for your professional wrestler career, counted "
        "from the jobs that taught or used them and the learning you finished. You are missing "
        "Stage presence, "
        "which you marked essential. You are learning it."
    )
    assert "points" not in shown and "Counted by importance" not in shown
    assert text_of("<details" + hidden) == (
        "How it's counted Counted by importance, you have 67% (6 of 9 points: an essential "
        "skill is worth 3, an important one 2, a nice-to-have one 1)."
    )
    assert 'data-figure="skill-coverage">67%<' in hidden


def test_skills_missed_of_several_importances_are_each_said():
    skills = [
        TargetSkill("Stage presence", 3),
        TargetSkill("Public speaking", 2),
        TargetSkill("Choreography", 1, covered=True),
    ]
    said = headline.coverage_figure(17, skills, "Professional wrestler")
    assert said["missed"] == (
        "You are missing Stage presence (essential) and Public speaking (important)."
    )
    many = [TargetSkill(f"Skill {n}", 3 if n < 2 else 1) for n in range(5)]
    many.append(TargetSkill("Had", 2, covered=True))
    said = headline.coverage_figure(14, many, "Professional wrestler")
    assert said["missed"] == "Of the 5 you are missing, 2 are essential and 3 nice to have."


# -- 4. the goals card counts as its bar does, in the words of its badges ----------------------


def test_the_goals_card_counts_as_its_bar_and_says_active_as_its_badges_do(client, elena):
    CareerGoal.objects.filter(owner=elena, title="First amateur match").update(target_date=None)
    CareerGoal.objects.create(
        owner=elena,
        direction=CareerGoal.objects.get(owner=elena, title="Build a following").direction,
        title="Win a title",
        status="achieved",
        achieved_on=date(2025, 5, 1),
    )
    bump_data_version(elena.pk)
    html = client.get(DASHBOARD).content.decode()
    text = text_of(html)
    assert "2 of your 3 goals achieved, 1 active. The 1 you dropped is not counted." in text
    assert 'aria-label="67% of goals achieved"' in html
    assert " open" not in text.split("Goals")[1].split("What your jobs gave you")[0]


# -- 5. the offer page says its verdict once, and its terms under their own heading -----------


def test_the_offer_page_says_its_verdict_once(client, elena):
    offer = ring_crew(elena)
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert ("It scores 50 out of 100: it would build the career.") in (text)
    assert "(“Would build the career”)" not in text
    bills = offer_page(client, elena)
    assert ("It scores 4 out of 100: it would pay the bills but do little for the career.") in bills
    assert "Would pay the bills" in bills  # its badge


def test_the_offer_pages_terms_have_their_own_heading(client, elena):
    text = offer_page(client, elena)
    assert text.count("The offer's terms Kind of work") == 1
    assert "The offer Kind of work" not in text


# -- 6. offer pay leads with what changes each month, and names the hours ----------------------


def test_offer_pay_leads_with_the_month_and_names_the_hours(client, elena):
    Job.objects.filter(owner=elena, title="Gym assistant").update(hours_per_week=Decimal("25"))
    Job.objects.filter(owner=elena, title="Bar supervisor").update(pay_amount=Decimal("2000"))
    bump_data_version(elena.pk)
    # 2,000 a month for 40 hours is 11.54 an hour; the gym's 14 × 25 hours × 52 ÷ 12 = 1,517.
    text = offer_page(client, elena)
    assert (
        "It would pay about 483 EUR more a month, but all of that is pay for 15 more hours of "
        "work a week: each hour pays 2.46 EUR less."
    ) in text
    # Each column says its month (the offer's as stated, the gym's worked out).
    assert "Hours a week 40 Pay a month 2,000 EUR" in text
    assert "Hours a week 25 Pay a month about 1,517 EUR" in text
    assert "at each job's hours" not in text
    Job.objects.filter(owner=elena, title="Bar supervisor").update(pay_amount=Decimal("3000"))
    bump_data_version(elena.pk)
    assert (
        "It would pay about 1,483 EUR more a month, but most of that is pay for 15 more hours of "
        "work a week: each hour pays only 3.31 EUR more. It would give you none of the skills you "
        "lack"
    ) in offer_page(client, elena)


# -- 7. an avoid flag names what was to be avoided after who wrote it -------------------------


def test_an_avoid_flag_says_what_to_avoid_after_who_wrote_it(client, elena):
    said = (
        "Careful: this offer mentions “night shifts”, which your notes on Waiter say you want "
        "to avoid."
    )
    dashboard = text_of(client.get(DASHBOARD))
    assert said in dashboard
    assert said in offer_page(client, elena)
    assert "want to avoid it" not in dashboard
    assert (
        "The offer to work as Bar supervisor at The Night Owl mentions “night shifts”, which "
        "your notes on Waiter say you want to avoid — weigh it before you reply."
    ) in dashboard
    assert "noted to avoid" not in dashboard


# -- 8. a skill an offer would teach links to that offer ---------------------------------------


def test_a_skill_an_offer_would_teach_links_to_the_offer(client, elena):
    Learning.objects.filter(owner=elena).delete()
    offer = ring_crew(elena)
    html = client.get(DASHBOARD).content.decode()
    step = html.split("Find a way to learn Stage presence")[1].split("</li>")[0]
    assert "the offer at Iron Hall would teach it." in text_of(step)
    assert f'href="{reverse("alignment:job_detail", args=[offer.pk])}">Weigh the offer' in step
    assert "Plan a course or other learning for it" not in step


def test_a_skill_no_offer_would_teach_still_links_to_learning(client, elena):
    Learning.objects.filter(owner=elena).delete()
    bump_data_version(elena.pk)
    html = client.get(DASHBOARD).content.decode()
    step = html.split("Find a way to learn Stage presence")[1].split("</li>")[0]
    assert "Plan a course or other learning for it" in step


# -- 10. a job that goes on fits who you are, in the present ----------------------------------


def test_a_job_that_goes_on_says_how_well_it_fits_in_the_present(client, elena):
    text = text_of(client.get(DASHBOARD))
    assert "You rated how well it fitted who you are: 2 of 5" in text  # Waiter, ended
    Job.objects.filter(owner=elena, title="Waiter").update(ended_on=None)
    bump_data_version(elena.pk)
    text = text_of(client.get(DASHBOARD))
    assert "You rated how well it fits who you are: 2 of 5" in text
    assert "fits who you are only a little (2 of 5)" in text
    assert "You rated how well it fitted who you are: 2 of 5" not in text
    assert "fitted who you are only a little" not in text


def test_a_job_done_before_the_direction_says_why_it_is_set_against_it(client, elena):
    Job.objects.filter(owner=elena, title="Waiter").update(
        started_on=date(2022, 1, 9), ended_on=date(2023, 5, 1)
    )
    bump_data_version(elena.pk)
    assert (
        "You did this job before you set Professional wrestler as your direction (1 Jun 2023). "
        "You had no direction then, so it is judged by the one you have now."
    ) in text_of(client.get(DASHBOARD))
    # With a direction asked for, every job is set against it, whatever its time.
    direction = CareerDirection.objects.get(owner=elena, title="Professional wrestler")
    asked = text_of(client.get(f"{DASHBOARD}?direction={direction.pk}"))
    assert (
        "You did this job before you set Professional wrestler as your direction (1 Jun 2023). "
        "Like every job on this page, it is judged by this direction."
    ) in asked
    assert "You had no direction then" not in asked


# -- round 11: the readers' last small things -------------------------------------------------


def test_the_missing_skills_card_says_most_important_first_only_of_more_than_one(client, elena):
    html = client.get(DASHBOARD).content.decode()
    missing = text_of(html.split('id="missing-heading"')[1].split("</section>")[0])
    assert (
        "The skill your professional wrestler career needs that no job or finished learning"
        in missing
    )
    assert "most important first" not in missing


def test_two_missing_skills_are_listed_most_important_first(client):
    client.force_login(load_demo())
    html = client.get(DASHBOARD).content.decode()
    missing = text_of(html.split('id="missing-heading"')[1].split("</section>")[0])
    assert (
        "given you yet, most important first. Character work "
        "(essential) Stage presence (essential; you are learning it)" in missing
    )


def test_an_offer_page_with_nothing_missing_does_not_credit_jobs_that_gave_no_skill(client):
    user = imported(client, "ux_designer")
    offer = Job.objects.create(owner=user, title="Junior UX designer", stage="offer")
    page = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert "None: you already have every skill you listed for your UX designer career." in page
    assert "your jobs and learning already cover" not in page


def test_the_headline_says_which_time_came_before_the_direction(client, elena):
    assert "Left out" not in answer_of(client.get(DASHBOARD))  # none did
    client.force_login(load_demo())
    response = client.get(DASHBOARD)
    html, answer = response.content.decode(), answer_of(response)
    # The lanes start on the day the direction was chosen; the note says which jobs that
    # leaves out, and why (whole jobs first, then the first months of the one that ran on).
    assert (
        "Your 42 months since you chose your direction (1 Jun 2023), by what your jobs did"
    ) in answer
    assert (
        "Left out of the lanes, because it came before you chose your direction: your jobs as "
        "Order picker and Camp counsellor and the first 4 months of your job as Stage-hand."
    ) in answer
    # The figure: the built lane's days (Gym assistant's 510, all since) over the lanes' time;
    # DESIGN's aligned share, of each job's own days, all of them, one click away.
    assert figure(html, "aligned-time") == "40%"  # 510 of 1,286 days
    tile = text_of(html).split("Time you had a job that built the career")[1]
    assert (
        "How it's counted Counting each job's own days instead, two jobs at once as two, and "
        "all your jobs, before your direction too: 24% (510 of 2,123 days)."
    ) in tile
    assert figure(html, "aligned-share") == "24%"
    assert "those jobs" not in answer


def test_the_average_score_says_what_it_sits_between_and_that_verdicts_go_by_each_job(
    client, elena
):
    # An average of 32 read against the bands said the jobs "partly built" the career (30).
    text = text_of(client.get(DASHBOARD))
    assert (
        "Your jobs scored from 60 (Gym assistant) down to 15 (Waiter) for your professional "
        "wrestler career. Their average, in which a longer job counts for more, is 30."
    ) in text
    assert "builds some of it; one under 25" not in text
    Job.objects.filter(owner=elena, title="Waiter").delete()
    bump_data_version(elena.pk)
    assert (
        "The score of Gym assistant for your professional wrestler career, out of 100: your "
        "only job scored."
    ) in text_of(client.get(DASHBOARD))


def test_a_weak_job_is_no_step_while_an_offer_would_build_the_career(client, elena):
    Job.objects.filter(owner=elena, title="Waiter").update(ended_on=None)
    bump_data_version(elena.pk)
    assert "Waiter at Rosa's Diner, scores only 15 out of 100: see what holds its score down" in (
        text_of(client.get(DASHBOARD))
    )
    ring_crew(elena)
    text = text_of(client.get(DASHBOARD))
    assert "see what holds its score down" not in text
    assert "The offer to work as Ring crew at Iron Hall scores 50 out of 100" in text


def test_how_scores_work_says_its_example_is_not_the_demo_and_its_fit_in_the_forms_words(client):
    text = text_of(client.get(reverse("alignment:how_scores_work")))
    assert "A worked example, simpler than the demo's history." in text
    assert 'she rated its fit 5 of 5, "completely me": all of it (1)' in text
    assert "4 of 4" not in text and "priority 2 out of 5" not in text
