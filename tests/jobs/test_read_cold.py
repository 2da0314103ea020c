"""What readers who had never seen Bearing quoted as confusing on the dashboard, the job
cards, the offer page and the API tokens page (issue 20, round 8), each checked on the text a
person sees."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from careers.models import CareerDirection, CareerGoal, DirectionSkill, Learning, Skill
from core.models import bump_data_version
from jobs.models import Job, JobBenefit, JobSkill
from tests.factories import long_history
from tests.helpers import figure, main_of, text_of
from tests.jobs.helpers import imported

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")
HISTORIES = Path(__file__).parent / "histories"


# -- 11. an arrow never wraps alone onto a line of its own -------------------------------------


def test_a_links_arrow_is_held_to_the_word_before_it(client, elena):
    html = main_of(client.get(DASHBOARD))
    assert "→" in html
    # A plain space (or a line break) before the arrow lets a narrow screen break there.
    assert not re.search(r"\s→", html)
    assert "&nbsp;→</a>" in html


# -- 10. the API tokens page says what a token is for, and what its name is ---------------------


def test_the_tokens_page_says_in_plain_words_what_a_token_is_and_what_its_name_is(client, elena):
    text = text_of(client.get(reverse("tokens")))
    assert "A token is a password for a program, not for you" in text
    assert (
        "It can only read: it cannot change or delete anything, and it cannot be used to log in "
        "to this website."
    ) in text
    assert (
        "A name to tell your tokens apart, such as the program you give it to. Only you see it."
    ) in text
    for quoted in ("page by page", "does not open your pages", "What will use it"):
        assert quoted not in text


# -- 3. "scored for" is said as a person says it ---------------------------------------------


def test_a_card_says_which_direction_a_job_is_measured_against(client, elena):
    text = text_of(client.get(DASHBOARD))
    # Said once over the cards (readers found it on every card clutter), not on each.
    assert (
        "Each job, explained Latest start first, each judged by what it did for your "
        "professional wrestler career. "
    ) in text
    assert "Jan 2024 – Dec 2024 · 12 months · 11.50 EUR per hour" in text
    assert "measured against Professional wrestler ·" not in text
    assert "scored for" not in text
    # A job set against another direction says which, on its card.
    past = CareerDirection.objects.create(
        owner=elena,
        title="Stage actor",
        status="past",
        started_on=date(2024, 1, 1),  # later than her wrestling: it takes the job (a tie)
        ended_on=date(2024, 12, 31),
    )
    bump_data_version(elena.pk)
    text = text_of(client.get(DASHBOARD))
    assert "12 months · measured against Stage actor" in text, past
    assert (
        "each judged by what it did for your professional wrestler career unless its card says "
        "otherwise."
    ) in text


# -- 4. lists say the order they are in: by start date ----------------------------------------


def test_the_lists_say_they_are_in_order_of_start(client, elena):
    dashboard = text_of(client.get(DASHBOARD))
    assert "Each job you held, latest start first, with its score out of 100" in dashboard
    jobs = text_of(client.get(reverse("alignment:job_list")))
    assert "What you did, what it paid and what it gave — latest start first." in jobs
    for text in (dashboard, jobs):
        assert "newest first" not in text


def test_a_long_history_says_which_jobs_it_shows(client, owner):
    long_history(owner, 25)
    client.force_login(owner)
    text = text_of(client.get(DASHBOARD))
    assert "The 20 jobs you started last (of 25), latest start first" in text
    assert "The 10 jobs you started last are explained here; the figures above count all 25." in (
        text
    )
    assert "most recent" not in text and "newest first" not in text


# -- 8. recent jobs that score lower are told as what happened, not as a judgement -------------


def test_the_story_and_how_scores_work_tell_lower_scores_without_blame(client, elena):
    story = text_of(client.get(reverse("alignment:story")))
    assert (
        "A year is marked as scoring lower when its work scores 15 or more points below the "
        "history up to then."
    ) in story
    how = text_of(client.get(reverse("alignment:how_scores_work")))
    assert "Recent jobs that score lower" in how
    assert (
        "when the jobs of the last 365 days score 15 points or more below your overall score, "
        "the dashboard says so, with both numbers."
    ) in how
    for text in (story, how):
        assert "drift" not in text.casefold()


# -- 5. the one thing to do next adds to the headline, never repeats it -------------------------


def test_the_next_step_does_not_repeat_the_headline(client):
    imported(client, "ux_designer")
    html = client.get(DASHBOARD).content.decode()
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    said = answer.split("Next:")[0]
    assert (
        "Volunteer UX designer (unpaid) built your UX designer career. Customer support agent "
        "pays the bills."
    ) in said
    following = answer.split("Next:")[1]
    assert "Look for a job you could get now, close to the work you have done" in following
    # No sentence of the answer comes back in the next step.
    for sentence in re.split(r"(?<=\.) ", said):
        if len(sentence) > 20:
            assert sentence.rstrip(".") not in following, sentence


# -- 2. the skill coverage: the count and the weighted share cannot seem to contradict ----------


def test_the_weighted_coverage_is_shown_as_points_beside_the_count(client, elena):
    tile = text_of(
        client.get(DASHBOARD).content.decode().split("Skills you have")[1].split("</div></div>")[0]
    )
    # 3 of the 4 skills, but 6 of 9 points: Stage presence, the one missing, is worth 3.
    assert tile.startswith(
        "3 of 4 You have 3 of the 4 skills you listed for your professional wrestler career"
    )
    assert "You are missing Stage presence, which you marked essential." in tile
    assert (
        "How it's counted Counted by importance, you have 67% (6 of 9 points: an essential skill "
        "is worth 3, an important one 2, a nice-to-have one 1)."
    ) in tile
    assert "because" not in tile
    assert "By weight" not in tile and "that is 67%" not in tile


# -- 1. a card's sentence names every part of the score, and which way each counted ----------


def test_a_score_that_values_and_fit_made_says_so(client, elena):
    text = text_of(client.get(DASHBOARD))
    # Gym assistant, 60: skills 4/9 under half, values 6/6 and fit 4/4 full; a goal it
    # advanced counts in its favour however few of the goals it is (goals 2/5).
    assert (
        "Gym assistant built your professional wrestler career. In its favour: it advanced your "
        "goal “Join a wrestling school”, gave all 3 of the things you value from work and "
        "fitted who you are (5 of 5). Against it: it used only 1 of your 4 target skills and "
        "taught you 1 more."
    ) in text


def test_a_low_score_names_every_part_that_held_it_down(client, elena):
    text = text_of(client.get(DASHBOARD))
    # Waiter, 15: every part under half of what the direction asks.
    assert (
        "Waiter paid the bills but did little for your professional wrestler career: it taught "
        "you only 1 of your 4 target skills, advanced none of your 2 goals, gave only 1 of the "
        "3 things you value from work and fitted who you are only a little (2 of 5)."
    ) in text


def test_two_of_two_is_both(client, elena):
    gym = Job.objects.get(owner=elena, title="Gym assistant")
    gym.goals.set(CareerGoal.objects.filter(owner=elena).exclude(status="dropped"))
    text = text_of(client.get(reverse("alignment:job_detail", args=[gym.pk])))
    assert "Advanced both of your goals: " in text
    # The sentence names the goals it advanced, in its favour.
    assert "In its favour: it advanced your goals “" in text
    assert "all 2" not in text


# -- 7. an offer would teach only what the person does not have yet -----------------------------


def test_an_offer_never_claims_to_teach_a_skill_the_person_has(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    for name in ("Public speaking", "Stage presence"):  # had from Waiter; a course not finished
        JobSkill.objects.create(
            job=offer, skill=Skill.objects.get(owner=elena, name=name), gained=True
        )
    bump_data_version(elena.pk)
    page = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    said = (
        "Would use Public speaking (important) and teach you Stage presence (essential): 2 of "
        "your 4 target skills"
    )
    assert said in page
    assert "Public speaking — you have it; the offer would use it" in page
    assert "Stage presence — the offer would teach it" in page
    assert "teach you Public speaking" not in page
    # The offer's card on the dashboard says the same.
    assert said in text_of(client.get(DASHBOARD))


# -- 6. an offer that pays less an hour does not count its pay as a plus ------------------------


def test_an_offer_that_pays_less_an_hour_says_so_instead_of_giving_money(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    # 2,100 a month for 40 hours is 12.12 an hour; Gym assistant, her latest job, paid 14.
    page = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert "Values It would pay, but 1.88 EUR less an hour than Gym assistant" in page
    assert "Would give 1 of the 3 things you value from work: Money" not in page
    card = text_of(client.get(DASHBOARD)).split("Offers on the table")[1]
    assert (
        "it would use none of your 4 target skills, would advance none of your 2 goals and "
        "would pay 1.88 EUR less an hour than Gym assistant."
    ) in card
    assert ": Money" not in card


def test_an_offer_that_pays_less_names_the_other_things_it_gives(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    JobBenefit.objects.create(job=offer, value="fulfillment")
    bump_data_version(elena.pk)
    page = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert (
        "Would give Fulfillment (essential); it would pay, but 1.88 EUR less an hour than Gym "
        "assistant"
    ) in page
    card = text_of(client.get(DASHBOARD)).split("Offers on the table")[1]
    assert "would give Fulfillment" in card
    assert "It would pay 1.88 EUR less an hour than Gym assistant." in card


def test_an_offer_that_pays_more_still_gives_money(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    Job.objects.filter(pk=offer.pk).update(pay_amount=3000)  # 17.31 an hour
    page = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert "Would give 1 of the 3 things you value from work: Money" in page
    assert "less an hour" not in page


def test_an_offer_closing_the_one_missing_skill_says_so_in_words(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    JobSkill.objects.create(job=offer, skill=Skill.objects.get(owner=elena, name="Stage presence"))
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert (
        "This offer would give you the one skill your professional wrestler career needs and "
        "you do not have yet: Stage presence — this offer would teach it"
    ) in text
    assert "1 of the 1 skill" not in text


def test_what_an_offer_would_give_leaves_out_money_when_it_pays_less(client, elena):
    offer = Job.objects.get(owner=elena, stage="offer")
    html = client.get(reverse("alignment:job_detail", args=[offer.pk])).content.decode()
    gives = html.split("What it offers")[1].split("<h3")[0]
    assert ">Security</span>" in gives and ">Money</span>" not in gives
    assert "It would pay, but 1.88 EUR less an hour than Gym assistant." in text_of(gives)


def test_an_offer_that_uses_skills_only_learned_says_it_puts_them_to_work(client, elena):
    Learning.objects.filter(owner=elena).update(completed_on=date(2025, 6, 1))
    offer = Job.objects.get(owner=elena, stage="offer")
    JobSkill.objects.create(job=offer, skill=Skill.objects.get(owner=elena, name="Stage presence"))
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert (
        "It would put Stage presence to work: you learned it in “Wrestling school: ring craft”, "
        "but no job of yours has used it yet."
    ) in text


# -- 9. overlapping jobs: each counts all its own days, in the headline and the figure alike,
# and the headline says so ------------------------------------------------------------------


def test_two_jobs_at_once_each_count_their_days_and_the_page_says_so(client, owner):
    skill = Skill.objects.named(owner, ["Coding"])[0]
    direction = CareerDirection.objects.create(
        owner=owner, title="Game developer", status="current", started_on=date(2020, 1, 1)
    )
    DirectionSkill.objects.create(direction=direction, skill=skill, importance=3)
    jam = Job.objects.create(  # 10 days, scores 100: built the career
        owner=owner, title="Game jam", started_on=date(2024, 1, 1), ended_on=date(2024, 1, 10)
    )
    JobSkill.objects.create(job=jam, skill=skill)
    Job.objects.create(  # 15 days, 5 of them beside the jam; scores 0, paid: paid the bills
        owner=owner,
        title="Call centre",
        started_on=date(2024, 1, 6),
        ended_on=date(2024, 1, 20),
        identity_fit=1,
    )
    client.force_login(owner)
    assert client.get(reverse("api:alignment")).json()["aligned_share"] == 40  # 10 of 25
    html = client.get(DASHBOARD).content.decode()
    assert figure(html, "aligned-share") == "40%"  # DESIGN's, under "How it's counted"
    assert "(10 of 25 days)" in text_of(html)
    answer = text_of(html.split('id="answer-heading"')[1].split("</section>")[0])
    # A lane a verdict on the calendar: the jam's 10 days, the call centre's 15, 5 of them
    # the same days, so a day shows in two lanes and the page says so before the lanes.
    assert "Game jam built your game developer career. Call centre paid the bills." in answer
    assert "Built the career: 10 days" in answer and "Paid the bills: 15 days" in answer
    assert "(where two jobs ran at the same time, a month shows in two lanes):" in answer
    # Days that add up to more than the calendar had are named for what they are: every
    # reader of rounds 30-38 called them "job-days" in their own words.
    assert "counts once" not in answer
    assert "here and" not in answer
