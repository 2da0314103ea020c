"""A page cached under a person's data version is never shown after their data changed.

Every place that writes a person's data bumps their `DataVersion` by an explicit call
(careers.models.bump_data_version): the add, edit and delete pages, a goal achieved, the
import, the admin. Nothing else is kept between requests, so after any change the pages
must read exactly as they do with the cache emptied.
"""

import json
import random
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.models import Profile
from careers.models import CareerDirection, CareerGoal, Contact, Skill
from core.models import DataVersion, bump_data_version
from jobs.models import Job
from tests.helpers import _random_history, main_of

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = reverse("alignment:dashboard")
API = reverse("api:alignment")
COMPARE = reverse("alignment:compare")


def version(user):
    return DataVersion.of(user)


def pages(client, direction_id):
    return (
        client.get(API).json(),
        main_of(client.get(DASHBOARD)),
        main_of(client.get(f"{DASHBOARD}?direction={direction_id}")),
        main_of(client.get(COMPARE)),
    )


def job_form(job, **changes):
    return {
        "title": job.title,
        "stage": job.stage,
        "employment_type": job.employment_type,
        "started_on": job.started_on.isoformat() if job.started_on else "",
        "ended_on": job.ended_on.isoformat() if job.ended_on else "",
        "identity_fit": job.identity_fit or "",
        "currency": "EUR",
        "lock_version": job.lock_version,
        **changes,
    }


def changes(client, user, admin_client):
    """Every way Bearing writes a person's data, as a (name, make) pair each."""
    job = Job.objects.filter(owner=user).order_by("pk").first()
    goal = CareerGoal.objects.filter(owner=user).order_by("pk").first()
    direction = CareerDirection.objects.filter(owner=user).order_by("pk").first()
    skill = Skill.objects.filter(owner=user).order_by("pk").first()

    def post(name, *args, data=None):
        response = client.post(reverse(name, args=args), data or {})
        assert response.status_code == 302, response.content.decode()[:3000]

    yield (
        "a job edited",
        lambda: post(
            "jobs:job_edit",
            job.pk,
            data=job_form(job, skills_used=f"{skill.name}, Welding", benefits=["money"]),
        ),
    )
    yield (
        "a job added",
        lambda: post(
            "jobs:job_add",
            data={
                "title": "New gig",
                "stage": "held",
                "employment_type": "freelance",
                "started_on": "2021-03-01",
                "identity_fit": "5",
                "currency": "EUR",
            },
        ),
    )
    yield (
        "a skill renamed",
        lambda: post("careers:skill_edit", skill.pk, data={"name": "Renamed skill"}),
    )
    yield (
        "a direction edited",
        lambda: post(
            "careers:direction_edit",
            direction.pk,
            data={
                "title": direction.title,
                "status": direction.status,
                "started_on": "2005-06-01",
                "target_skills": "Renamed skill",
                "target_skill_importance": "3",
            },
        ),
    )
    if goal is not None:
        yield "a goal achieved", lambda: post("careers:goal_achieve", goal.pk)
    yield (
        "learning added",
        lambda: post(
            "careers:learning_add",
            data={
                "title": "Welding course",
                "kind": "course",
                "completed_on": "2019-01-01",
                "skill_names": "Welding",
            },
        ),
    )
    yield (
        "a contact added",
        lambda: post("careers:contact_add", data={"name": "Ana", "context": "The gym"}),
    )
    yield (
        "a job changed in the admin",
        lambda: admin_client.post(reverse("admin:jobs_job_delete", args=[job.pk]), {"post": "yes"}),
    )
    yield (
        "a job deleted",
        lambda: post("jobs:job_delete", Job.objects.filter(owner=user).order_by("pk").last().pk),
    )
    yield (
        "a skill deleted",
        lambda: post(
            "careers:skill_delete", Skill.objects.filter(owner=user).order_by("pk").last().pk
        ),
    )


@pytest.fixture
def admin_client(client, django_user_model):
    from django.test import Client

    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    other = Client()
    other.force_login(admin)
    return other


@pytest.mark.parametrize("seed", range(3))
def test_every_change_reads_as_it_does_with_nothing_cached(client, owner, admin_client, seed):
    rng = random.Random(seed)
    _random_history(owner, rng)
    client.force_login(owner)
    direction_id = CareerDirection.objects.filter(owner=owner).last().pk
    pages(client, direction_id)
    for name, make in changes(client, owner, admin_client):
        before = version(owner)
        make()
        assert version(owner) > before, name
        client.get(reverse("alignment:job_list"))  # shows (and so clears) the "Saved" message
        cached = pages(client, direction_id)
        cache.clear()
        assert pages(client, direction_id) == cached, name


def test_each_write_bumps_the_owners_version_and_nobody_elses(client, owner, stranger):
    client.force_login(owner)
    client.post(reverse("careers:contact_add"), {"name": "Ana"})
    contact = Contact.objects.get(owner=owner)
    client.post(reverse("careers:contact_delete", args=[contact.pk]))
    assert version(owner) == 2
    assert version(stranger) == 0


def test_an_import_bumps_the_version_once(client, owner):
    client.force_login(owner)
    document = {
        "format": "bearing-export",
        "version": 1,
        "profile": {"currency": "EUR"},
        "skills": [],
        "directions": [],
        "goals": [],
        "learning": [],
        "contacts": [{"key": "c1", "name": "Ana"}],
        "jobs": [],
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("export.json", json.dumps(document).encode())
    client.post(reverse("account_import"), {"file": upload})
    client.post(reverse("account_import_confirm"), {"token": _token(client)})
    assert Contact.objects.filter(owner=owner, name="Ana").exists()
    assert version(owner) == 1


def _token(client):
    page = client.get(reverse("account_import_preview")).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', page)
    return match.group(1) if match else ""


def test_a_profile_saved_from_an_old_copy_never_moves_the_version_back(owner):
    bump_data_version(owner.pk)
    old = Profile.objects.get(owner=owner)
    bump_data_version(owner.pk)
    old.currency = "USD"
    old.save()
    fresh = Profile.objects.get(owner=owner)
    assert (fresh.currency, DataVersion.of(owner)) == ("USD", 2)


def test_a_profile_made_again_never_meets_what_was_cached_under_the_old(client, owner):
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2020, 1, 1))
    client.force_login(owner)
    assert len(client.get(API).json()["jobs"]) == 1
    Profile.objects.filter(owner=owner).delete()  # its version starts again from 0
    Job.objects.create(owner=owner, title="Gig", started_on=date(2021, 1, 1))
    bump_data_version(owner.pk)
    assert len(client.get(API).json()["jobs"]) == 2


def test_an_owner_is_never_changed_in_the_admin(admin_client, owner):
    job = Job.objects.create(owner=owner, title="Roadie", started_on=date(2020, 1, 1))
    page = admin_client.get(reverse("admin:jobs_job_change", args=[job.pk])).content.decode()
    assert 'name="owner"' not in page
    assert 'name="owner"' in admin_client.get(reverse("admin:jobs_job_add")).content.decode()


def test_a_person_renamed_in_the_admin_is_greeted_by_the_new_name(client, owner, admin_client):
    Job.objects.create(owner=owner, title="Roadie", started_on=date(2020, 1, 1))
    client.force_login(owner)
    assert "Hello, owner" in client.get(DASHBOARD).content.decode()
    page = admin_client.get(reverse("admin:auth_user_change", args=[owner.pk]))
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("groups", "user_permissions", "password")
    }
    data.update({"username": "renamed", "date_joined_0": "2020-01-01", "date_joined_1": "00:00"})
    response = admin_client.post(reverse("admin:auth_user_change", args=[owner.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Hello, renamed" in client.get(DASHBOARD).content.decode()


def test_the_engine_is_plain_control_flow():
    """No signal receivers and no hand-made markup in the two apps."""
    for path in [*(ROOT / "careers").rglob("*.py"), *(ROOT / "jobs").rglob("*.py")]:
        text = path.read_text()
        assert "@receiver" not in text and ".connect(" not in text, path
        assert "mark_safe" not in text and "format_html" not in text, path
