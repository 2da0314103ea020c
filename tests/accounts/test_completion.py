"""After an import, the next step: the jobs that say nothing yet, completed one after another,
each with the target skills of its direction to tick."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from careers.models import Skill
from core.models import DataVersion
from jobs.models import Job, JobBenefit, JobSkill
from portability.completion import undescribed
from tests.accounts.helpers import folder_archive, text_of, upload
from tests.factories import (
    CareerDirectionFactory,
    DirectionSkillFactory,
    JobBenefitFactory,
    JobFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db


def page(pk):
    return reverse("account_import_complete_job", args=[pk])


def ticks(owner, **named):
    """The job form's tick for each target skill named: {"target_<id>": "used"…}."""
    return {
        f"target_{Skill.objects.get(owner=owner, name=name).pk}": value
        for name, value in named.items()
    }


def form_data(response, **changes):
    """The job form as the page shows it, with some fields changed."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = value
    data.update(changes)
    return data


@pytest.fixture
def wrestling(owner):
    """A current direction since 2023 with three target skills."""
    direction = CareerDirectionFactory(
        owner=owner, title="Professional wrestler", status="current", started_on=date(2023, 6, 1)
    )
    for name, importance in (("Stage presence", 3), ("Strength training", 3), ("Choreography", 1)):
        DirectionSkillFactory(
            direction=direction, skill=SkillFactory(owner=owner, name=name), importance=importance
        )
    return direction


@pytest.fixture
def imported(owner):
    """Three imported jobs that say nothing yet, and one the person has described."""
    jobs = {
        title: JobFactory(owner=owner, title=title, started_on=start, ended_on=None)
        for title, start in (
            ("Ring crew", date(2023, 1, 1)),
            ("Gym assistant", date(2025, 1, 1)),
            ("Waiter", date(2024, 1, 1)),
        )
    }
    described = JobFactory(owner=owner, title="Bar supervisor", started_on=date(2025, 6, 1))
    JobBenefitFactory(job=described, value="money")
    return jobs


# --- The list -------------------------------------------------------------------------------------


def test_the_list_names_the_jobs_that_need_details_newest_first(owner_client, imported, stranger):
    JobFactory(owner=stranger, title="Another person's job")
    response = owner_client.get(reverse("account_import_complete"))
    text = text_of(response)
    assert "3 jobs need their details" in text
    assert [job["title"] for job in response.context["jobs"]] == [
        "Gym assistant",
        "Waiter",
        "Ring crew",
    ]
    assert "Bar supervisor" not in text and "Another person's job" not in text
    assert f'href="{page(imported["Gym assistant"].pk)}" id="start-completing"' in (
        response.content.decode()
    )


def test_the_list_says_when_every_job_has_its_details(owner_client, owner):
    JobBenefitFactory(job=JobFactory(owner=owner), value="skills")
    text = text_of(owner_client.get(reverse("account_import_complete")))
    assert "Every job has its details" in text


def test_a_long_list_shows_the_newest_and_counts_the_rest(owner_client, owner):
    JobFactory.create_batch(25, owner=owner)
    response = owner_client.get(reverse("account_import_complete"))
    assert len(response.context["jobs"]) == 20
    assert "…and 5 older jobs, reached one after another from the newest." in text_of(response)


# --- One job --------------------------------------------------------------------------------------


def test_a_job_shows_the_form_with_its_directions_skills_to_tick(owner_client, imported, wrestling):
    response = owner_client.get(page(imported["Gym assistant"].pk))
    text = text_of(response)
    assert "3 jobs still need details." in text
    assert "Gym assistant · Rosa's Diner" in text
    assert "The skills your directions ask for. Tick what this job used" in text
    # Most important first, then by name.
    fields = response.context["form"].fields
    assert [field.label for name, field in fields.items() if name.startswith("target_")] == [
        "Stage presence",
        "Strength training",
        "Choreography",
    ]
    html = response.content.decode()
    assert f'href="{page(imported["Waiter"].pk)}" id="skip"' in html


def test_ticking_skills_and_values_saves_them_and_goes_on_to_the_next(
    owner_client, owner, imported, wrestling
):
    gym = imported["Gym assistant"]
    response = owner_client.get(page(gym.pk))
    version = DataVersion.of(owner)
    response = owner_client.post(
        page(gym.pk),
        form_data(
            response,
            **ticks(owner, **{"Strength training": "used", "Choreography": "gained"}),
            skills_used="Customer service",
            benefits=["money", "fulfillment"],
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == page(imported["Waiter"].pk)
    links = {(link.skill.name, link.gained) for link in JobSkill.objects.filter(job=gym)}
    assert links == {
        ("Customer service", False),
        ("Strength training", False),
        ("Choreography", True),
    }
    assert set(JobBenefit.objects.filter(job=gym).values_list("value", flat=True)) == {
        "money",
        "fulfillment",
    }
    assert DataVersion.of(owner) > version
    assert gym not in undescribed(owner)
    response = owner_client.get(response["Location"])
    assert "2 jobs still need details." in text_of(response)
    assert "Saved “Gym assistant, Rosa's Diner”." in text_of(response)


def test_the_ticks_show_what_a_job_already_used(owner_client, owner, imported, wrestling):
    gym = imported["Gym assistant"]
    JobSkill.objects.create(job=gym, skill=Skill.objects.get(owner=owner, name="Stage presence"))
    JobSkill.objects.create(job=gym, skill=SkillFactory(owner=owner, name="Juggling"))
    form = owner_client.get(page(gym.pk)).context["form"]
    stage = ticks(owner, **{"Stage presence": ""})
    assert form[next(iter(stage))].value() == "used"
    assert form["skills_used"].value() == "Juggling"
    # Unticked, the skill goes; typed, the other stays.
    response = owner_client.post(page(gym.pk), form_data(owner_client.get(page(gym.pk)), **stage))
    assert response.status_code == 302
    assert [link.skill.name for link in JobSkill.objects.filter(job=gym)] == ["Juggling"]


def test_the_last_one_leads_to_those_skipped_then_to_the_dashboard(owner_client, imported):
    ring = imported["Ring crew"]
    response = owner_client.post(
        page(ring.pk), form_data(owner_client.get(page(ring.pk)), identity_fit="4")
    )
    assert response["Location"] == reverse("account_import_complete")
    assert "That was the oldest one. The jobs you skipped are below." in text_of(
        owner_client.get(response["Location"])
    )
    for title in ("Gym assistant", "Waiter"):
        job = imported[title]
        owner_client.post(page(job.pk), form_data(owner_client.get(page(job.pk)), identity_fit="3"))
    assert not undescribed(imported["Waiter"].owner).exists()
    gym = imported["Gym assistant"]
    response = owner_client.post(
        page(gym.pk), form_data(owner_client.get(page(gym.pk)), identity_fit="5")
    )
    assert response["Location"] == reverse("alignment:dashboard")


def test_skipping_the_last_one_goes_back_to_the_list(owner_client, imported):
    response = owner_client.get(page(imported["Ring crew"].pk))
    assert response.context["skip_url"] == reverse("account_import_complete")


def test_without_a_direction_the_page_says_how_to_tick_skills(owner_client, imported):
    response = owner_client.get(page(imported["Waiter"].pk))
    assert not any(name.startswith("target_") for name in response.context["form"].fields)
    assert "Describe your career direction to tick its skills here." in text_of(response)


def test_the_direction_is_the_one_the_job_is_set_against(owner_client, owner, imported, wrestling):
    cooking = CareerDirectionFactory(
        owner=owner,
        title="Chef",
        status="past",
        started_on=date(2015, 1, 1),
        ended_on=date(2023, 5, 31),
    )
    DirectionSkillFactory(direction=cooking, skill=SkillFactory(owner=owner, name="Knife work"))
    old = JobFactory(
        owner=owner, title="Line cook", started_on=date(2018, 1, 1), ended_on=date(2019, 1, 1)
    )
    text = text_of(owner_client.get(page(old.pk)))
    # Both directions' skills are there to tick, each under the direction that asks for it.
    assert "Chef (past) Knife work Not in this job" in text
    assert "Professional wrestler (current) Stage presence Not in this job" in text


def test_a_bad_submit_keeps_every_choice_and_saves_nothing(
    owner_client, owner, imported, wrestling
):
    gym = imported["Gym assistant"]
    data = form_data(
        owner_client.get(page(gym.pk)),
        **ticks(owner, **{"Stage presence": "used"}),
        benefits=["identity"],
        skills_used="Juggling",
        ended_on="2020-01-01",  # before it started
    )
    response = owner_client.post(page(gym.pk), data)
    assert response.status_code == 200
    assert "The job cannot end before it started." in text_of(response)
    form = response.context["form"]
    assert form[next(iter(ticks(owner, **{"Stage presence": ""})))].value() == "used"
    assert form["benefits"].value() == ["identity"]
    assert form["skills_used"].value() == "Juggling"
    assert not JobSkill.objects.filter(job=gym).exists()


def test_a_job_changed_in_another_tab_is_not_overwritten(owner_client, imported):
    gym = imported["Gym assistant"]
    data = form_data(owner_client.get(page(gym.pk)), benefits=["money"])
    Job.objects.filter(pk=gym.pk).update(lock_version=5, title="Head coach")
    response = owner_client.post(page(gym.pk), data)
    assert response.status_code == 200
    assert "This job was saved in another tab or device after you opened this page" in (
        text_of(response)
    )
    assert "Saved meanwhile: “Head coach”." in text_of(response)
    assert Job.objects.get(pk=gym.pk).title == "Head coach"
    assert not JobBenefit.objects.filter(job=gym).exists()


# --- Access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_stranger_gets_404_and_changes_nothing(client, owner, stranger, imported, method):
    gym = imported["Gym assistant"]
    client.force_login(stranger)
    response = getattr(client, method)(page(gym.pk), {"title": "Taken", "benefits": ["money"]})
    assert response.status_code == 404
    assert Job.objects.get(pk=gym.pk).title == "Gym assistant"
    assert not JobBenefit.objects.filter(job=gym).exists()


@pytest.mark.parametrize("name", ["account_import_complete", "account_import_complete_job"])
def test_anonymous_visitors_are_sent_to_log_in(client, imported, name):
    args = [imported["Waiter"].pk] if name.endswith("_job") else []
    response = client.get(reverse(name, args=args))
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_script_in_a_job_comes_back_escaped(owner_client, owner):
    job = JobFactory(owner=owner, title='<script>alert("x")</script>', employer="<b>x</b>")
    for url in (reverse("account_import_complete"), page(job.pk)):
        html = owner_client.get(url).content.decode()
        assert "<script>alert" not in html and "<b>x</b>" not in html
        assert "&lt;script&gt;" in html


# --- After an import ------------------------------------------------------------------------------


def test_an_import_leads_straight_to_completing_its_jobs(owner_client, owner, wrestling):
    response = upload(owner_client, folder_archive("linkedin-full"), "archive.zip")
    preview = owner_client.get(response["Location"])
    assert "Right after the import, Bearing takes you through them one after another" in (
        text_of(preview)
    )
    response = owner_client.post(
        reverse("account_import_confirm"), {"token": preview.context["token"]}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("account_import_complete")
    text = text_of(response)
    assert "Imported from the LinkedIn data archive: 3 jobs, 6 learning entries" in text
    assert "3 jobs need their details" in text
    gym = Job.objects.get(owner=owner, title="Gym assistant")
    response = owner_client.get(page(gym.pk))
    owner_client.post(
        page(gym.pk),
        form_data(
            response, **ticks(owner, **{"Stage presence": "used", "Strength training": "used"})
        ),
    )
    api = owner_client.get(reverse("api:alignment")).json()
    scored = {job["title"]: job for job in api["jobs"]}
    assert scored["Gym assistant"]["needs_details"] is False
    assert scored["Gym assistant"]["score"] is not None
    assert scored["Waiter"]["needs_details"] is True


# --- Queries --------------------------------------------------------------------------------------


def fill(owner, jobs):
    start = date(2000, 1, 1)
    Job.objects.bulk_create(
        Job(owner=owner, title=f"Job {n}", started_on=start + timedelta(days=n))
        for n in range(jobs)
    )


@pytest.mark.parametrize("jobs", [5, 500])
def test_list_queries(owner_client, owner, django_assert_num_queries, jobs):
    fill(owner, jobs)
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 how many jobs need details, 4 the newest of them
        response = owner_client.get(reverse("account_import_complete"))
    assert response.context["count"] == jobs


@pytest.mark.parametrize("jobs", [5, 500])
def test_job_page_queries(owner_client, owner, wrestling, django_assert_num_queries, jobs):
    fill(owner, jobs)
    job = Job.objects.filter(owner=owner).order_by("started_on")[2]
    with django_assert_num_queries(14):
        # 1 session, 2 signed-in user, 3 the job; the job form: 4 the job's goals, 5 its
        # contacts, 6 its skills, 7 the directions' target skills to tick, 8 its values,
        # 9 whether there are contacts; 10 the next job that needs details, 11 how many do,
        # 12 the person's skills (the suggestions); rendering the form: 13 the goals to
        # choose from, 14 whether there are any goals (the hint)
        response = owner_client.get(page(job.pk))
    assert response.context["remaining"] == jobs


def test_an_offer_without_dates_comes_first_and_leads_on_to_the_jobs_held(owner_client, owner):
    held = JobFactory(owner=owner, title="Waiter", started_on=date(2024, 1, 1))
    offer = JobFactory(owner=owner, title="Bar supervisor", stage="offer", started_on=None)
    response = owner_client.get(reverse("account_import_complete"))
    assert [job["title"] for job in response.context["jobs"]] == ["Bar supervisor", "Waiter"]
    assert "Offer" in text_of(response)
    assert owner_client.get(page(offer.pk)).context["skip_url"] == page(held.pk)
    assert "An offer you are weighing." in text_of(owner_client.get(page(offer.pk)))
