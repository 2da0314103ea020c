"""What a process keeps between requests (jobs.cache, jobs.dashboard) never shows through.

After any change, the dashboard, the API and the compare page must read exactly as they
would in a process that had kept nothing: these tests make a change, read the pages, then
clear the cache (a new generation: nothing kept anywhere) and read them again.
"""

import random
from datetime import date, timedelta
from html import escape

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.defaultfilters import truncatechars
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careers.models import (
    CareerDirection,
    CareerGoal,
    DirectionSkill,
    Learning,
    Profile,
    Skill,
    bump_data_version,
)
from jobs import dashboard, marks
from jobs.models import Job, JobBenefit, JobSkill
from tests.jobs.test_dashboard import _add_jobs, _random_history, main_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("jobs:dashboard")
API = reverse("jobs:alignment_api")
COMPARE = reverse("jobs:compare")


def pages(client, direction_id):
    return (
        client.get(API).json(),
        main_of(client.get(DASHBOARD)),
        main_of(client.get(f"{DASHBOARD}?direction={direction_id}")),
        main_of(client.get(COMPARE)),
    )


def _edit_job_through_the_form(client, job, rng, skills):
    """The job form, as a person uses it: new skills, values and fit."""
    used = rng.sample(skills, rng.randint(0, 3))
    response = client.post(
        reverse("jobs:job_edit", args=[job.pk]),
        {
            "title": job.title,
            "stage": job.stage,
            "employment_type": job.employment_type,
            "started_on": job.started_on.isoformat() if job.started_on else "",
            "ended_on": job.ended_on.isoformat() if job.ended_on else "",
            "identity_fit": rng.choice(["", "1", "3", "5"]),
            "skills_used": ", ".join(skill.name for skill in used),
            "skills_gained": "",
            "benefits": rng.sample(["money", "skills", "identity"], rng.randint(0, 2)),
            "version": job.version,
            "currency": "EUR",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _changes(client, user, rng):
    """Every kind of change a person (or an admin, or a shell) makes, one at a time."""
    skills = list(Skill.objects.filter(owner=user))
    jobs = list(Job.objects.filter(owner=user))
    job = rng.choice(jobs)
    goals = list(CareerGoal.objects.filter(owner=user))
    direction = CareerDirection.objects.filter(owner=user).first()
    yield (
        "a job edited through the form",
        lambda: _edit_job_through_the_form(client, job, rng, skills),
    )
    yield (
        "a job's dates changed",
        lambda: (
            setattr(job, "ended_on", (job.started_on or date(2015, 1, 1)) + timedelta(days=40)),
            job.save(),
        ),
    )
    yield (
        "a skill added to a job on its own",
        lambda: JobSkill.objects.get_or_create(
            job=job, skill=skills[-1], defaults={"gained": True}
        ),
    )
    yield (
        "a job's value removed on its own",
        lambda: JobBenefit.objects.filter(job=rng.choice(jobs)).delete(),
    )
    if goals:
        yield "a goal linked to a job", lambda: job.goals.add(goals[0])
        yield "a job linked from the goal's side", lambda: goals[-1].jobs.add(jobs[0])
        yield (
            "a goal achieved",
            lambda: (
                setattr(goals[0], "status", "achieved"),
                setattr(goals[0], "achieved_on", date(2020, 1, 1)),
                goals[0].save(),
            ),
        )
    yield (
        "a new job",
        lambda: Job.objects.create(
            owner=user, title="New gig", started_on=date(2021, 3, 1), identity_fit=5
        ),
    )
    yield "a job deleted", lambda: jobs[-1].delete()
    yield "a skill renamed", lambda: (setattr(skills[0], "name", "Renamed"), skills[0].save())
    yield (
        "a target skill added",
        lambda: DirectionSkill.objects.get_or_create(
            direction=direction, skill=skills[1], defaults={"importance": 3}
        ),
    )
    yield (
        "a direction's dates changed",
        lambda: (
            setattr(direction, "started_on", date(2005, 6, 1)),
            direction.save(),
        ),
    )
    yield (
        "learning completed",
        lambda: Learning.objects.create(
            owner=user, title="Course", completed_on=date(2019, 1, 1)
        ).skills.set(skills[2:4]),
    )
    yield "a skill deleted", lambda: skills[3].delete()


@pytest.mark.parametrize("seed", range(4))
def test_every_change_reads_as_in_a_process_that_kept_nothing(client, owner, seed):
    rng = random.Random(seed)
    _random_history(owner, rng)
    CareerDirection.objects.filter(owner=owner, status="current").update(started_on=None)
    client.force_login(owner)
    direction_id = CareerDirection.objects.filter(owner=owner).last().pk
    pages(client, direction_id)  # this process now keeps the person's rows and scores
    for change, make in _changes(client, owner, rng):
        make()
        client.get(reverse("jobs:job_list"))  # shows (and so clears) the "Saved" message
        kept = pages(client, direction_id)
        cache.clear()  # a new generation: nothing kept, every row read again
        fresh = pages(client, direction_id)
        assert kept == fresh, change


def test_a_job_edit_rereads_that_job_only(client, owner, django_assert_num_queries):
    skills = Skill.objects.named(owner, ["Rigging", "Lighting"])
    goals = [CareerGoal.objects.create(owner=owner, title="Tour")]
    CareerDirection.objects.create(owner=owner, title="Stage", status="current")
    _add_jobs(owner, 50, skills, goals)
    client.force_login(owner)
    client.get(DASHBOARD)
    job = Job.objects.filter(owner=owner).first()
    job.title = "Renamed gig"
    job.save()
    # session, user, versions, every job's revision, then that job's row and its links
    with django_assert_num_queries(6):
        response = client.get(DASHBOARD)
    assert "Renamed gig" in response.content.decode()
    # A change on the careers side: everything is read again (4 + 2 queries).
    CareerDirection.objects.filter(owner=owner).get().save()
    with django_assert_num_queries(9):
        client.get(DASHBOARD)


def test_each_save_gives_a_job_a_new_revision_and_keeps_the_careers_version(owner):
    job = Job.objects.create(owner=owner, title="Waiter", started_on=date(2020, 1, 1))
    profile = Profile.objects.get(owner=owner)
    revision, careers = job.revision, profile.careers_version
    job.lessons = "Carry less"
    job.save()
    job.refresh_from_db()
    assert job.revision != revision
    profile.refresh_from_db()
    assert profile.careers_version == careers
    revision = job.revision
    job.goals.add(CareerGoal.objects.create(owner=owner, title="Tour"))
    job.refresh_from_db()
    assert job.revision != revision


def test_a_profile_saved_from_an_old_copy_never_moves_a_version_back(owner):
    bump_data_version(owner.pk)
    old = Profile.objects.get(owner=owner)
    bump_data_version(owner.pk)
    bump_data_version(owner.pk, careers=False)
    old.currency = "USD"
    old.save()
    fresh = Profile.objects.get(owner=owner)
    assert fresh.currency == "USD"
    assert (fresh.data_version, fresh.careers_version) == (
        old.data_version + 2,
        old.careers_version + 1,
    )


def test_clearing_the_cache_forgets_what_every_process_kept(owner):
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2020, 1, 1))
    first = dashboard.load(owner)
    assert dashboard.load(owner)._person is first._person
    cache.clear()
    assert dashboard.load(owner)._person is not first._person


def test_scores_kept_for_one_day_are_not_used_the_next(owner):
    CareerDirection.objects.create(owner=owner, title="Stage", status="current")
    Job.objects.create(owner=owner, title="Ongoing", started_on=date(2020, 1, 1), identity_fit=3)
    history = dashboard.load(owner)
    monday = dashboard.assess_history(history, today=date(2024, 1, 1))
    tuesday = dashboard.assess_history(history, today=date(2024, 1, 2))
    assert tuesday.jobs[0].days == monday.jobs[0].days + 1


@pytest.mark.parametrize(
    "text",
    ["Chef", "Stage & screen <b>lights</b>", "Café au lait ünïcode", "a" * 40, "x\u0301" * 30],
)
def test_marks_escape_and_truncate_as_the_templates_do(text):
    assert marks.format_html("<i>{}</i>{}", text, 7) == f"<i>{escape(text)}</i>7"
    assert marks.truncated(text, 18) == truncatechars(text, 18)
    assert marks.url_maker("jobs:job_detail")(42) == reverse("jobs:job_detail", args=[42])


@pytest.mark.parametrize("pay", ["0", "0.5", "1.5", "2.5", "999.49", "14950", "1234567.5"])
def test_pay_is_written_as_floatformat_writes_it(pay):
    from decimal import Decimal

    from django.template.defaultfilters import floatformat

    assert marks.whole_number(Decimal(pay)) == floatformat(Decimal(pay), "0g")


def test_a_process_keeps_a_bounded_number_of_jobs():
    from jobs.cache import People, Versions

    kept = People(jobs=5)
    one, two, three = (Versions(profile=n, data=0, careers=0) for n in (1, 2, 3))
    first, second = kept.get(1, one), kept.get(2, two)
    first.jobs, second.jobs = dict.fromkeys(range(3)), dict.fromkeys(range(2))
    kept.kept(first)
    kept.kept(second)
    assert kept.get(1, one) is first  # 5 jobs in all: both stay (and 1 is now the most recent)
    third = kept.get(3, three)
    third.jobs = dict.fromkeys(range(4))
    kept.kept(third)  # 9 > 5: the least recently seen go, never the person asking
    assert kept.get(3, three) is third
    assert kept.get(2, two) is not second
    assert kept.get(1, one) is not first
    # A person forgotten while their request ran (another thread) is not counted.
    gone = kept.get(4, Versions(profile=4, data=0, careers=0))
    kept.clear()
    gone.jobs = dict.fromkeys(range(50))
    kept.kept(gone)
    assert kept._total == 0


def _edit_a_job_with_links(client, owner, links):
    names = [f"Skill {n}" for n in range(links)]
    job = Job.objects.create(owner=owner, title=f"Rigger {links}", started_on=date(2020, 1, 1))
    JobSkill.objects.bulk_create(
        JobSkill(job=job, skill=skill) for skill in Skill.objects.named(owner, names)
    )
    data = {
        "title": "Rigger",
        "stage": "held",
        "employment_type": "full_time",
        "started_on": "2020-01-01",
        "skills_used": "Skill 1",
        "currency": "EUR",
        "version": job.version,
    }
    with CaptureQueriesContext(connection) as queries:
        assert client.post(reverse("jobs:job_edit", args=[job.pk]), data).status_code == 302
    assert list(job.skill_links.values_list("skill__name", flat=True)) == ["Skill 1"]
    return len(queries)


def test_the_job_form_bumps_once_however_many_skills_it_replaces(client, owner):
    client.force_login(owner)
    # Replacing 30 skills costs what replacing 2 does: one new revision and one bump.
    assert _edit_a_job_with_links(client, owner, 2) == _edit_a_job_with_links(client, owner, 30)


def test_skills_added_through_the_many_to_many_show_at_once(client, owner):
    """job.skills.add() and direction.target_skills.add() insert rows without post_save."""
    rigging, sound = Skill.objects.named(owner, ["Rigging", "Sound"])
    direction = CareerDirection.objects.create(owner=owner, title="Stage", status="current")
    direction.target_skills.add(rigging, through_defaults={"importance": 3})
    job = Job.objects.create(owner=owner, title="Roadie", started_on=date(2020, 1, 1))
    client.force_login(owner)
    assert client.get(API).json()["jobs"][0]["score"] == 0
    job.skills.add(rigging, through_defaults={"gained": False})
    assert client.get(API).json()["jobs"][0]["score"] == 100
    direction.target_skills.add(sound, through_defaults={"importance": 1})
    assert client.get(API).json()["jobs"][0]["score"] == 75
    sound.jobs.add(job, through_defaults={"gained": True})  # from the skill's side
    assert client.get(API).json()["jobs"][0]["score"] == 100


def test_a_profile_made_again_never_meets_what_was_kept_under_the_old(client, owner):
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2020, 1, 1))
    client.force_login(owner)
    assert len(client.get(API).json()["jobs"]) == 1
    Profile.objects.filter(owner=owner).delete()  # its versions start again from 0
    for n in range(3):
        Job.objects.create(owner=owner, title=f"Gig {n}", started_on=date(2021, 1, 1))
    assert len(client.get(API).json()["jobs"]) == 4


def test_people_deleted_together_leave_nothing_behind(owner, stranger):
    from django.contrib.auth.models import User

    for user in (owner, stranger):
        direction = CareerDirection.objects.create(owner=user, title="Stage", status="current")
        skill = Skill.objects.named(user, ["Rigging"])[0]
        DirectionSkill.objects.create(direction=direction, skill=skill, importance=2)
        job = Job.objects.create(owner=user, title="Roadie", started_on=date(2020, 1, 1))
        JobSkill.objects.create(job=job, skill=skill)
    User.objects.filter(pk__in=[owner.pk, stranger.pk]).delete()  # the admin's bulk delete
    assert not Profile.objects.exists()
    assert not Job.objects.exists()


def test_truncated_titles_are_plain_text_whatever_came_first():
    from django.utils.safestring import SafeData, mark_safe

    marks.truncated(mark_safe("<b>x</b>"), 22)
    assert not isinstance(marks.truncated("<b>x</b>", 22), SafeData)
    assert marks.format_html("{}", marks.truncated("<b>x</b>", 22)) == "&lt;b&gt;x&lt;/b&gt;"


def test_an_owner_is_never_changed_in_the_admin(admin_client, owner):
    job = Job.objects.create(owner=owner, title="Roadie", started_on=date(2020, 1, 1))
    page = admin_client.get(reverse("admin:jobs_job_change", args=[job.pk])).content.decode()
    assert 'name="owner"' not in page
    assert 'name="owner"' in admin_client.get(reverse("admin:jobs_job_add")).content.decode()


def test_a_renamed_person_is_greeted_by_the_new_name(client, owner):
    Job.objects.create(owner=owner, title="Roadie", started_on=date(2020, 1, 1))
    client.force_login(owner)
    assert "Hello, owner" in client.get(DASHBOARD).content.decode()
    owner.username = "renamed"
    owner.save()
    assert "Hello, renamed" in client.get(DASHBOARD).content.decode()
