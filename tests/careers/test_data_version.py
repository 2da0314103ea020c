"""Every change of a person's data bumps their data version, and nobody else's."""

from datetime import date

import pytest

from careers.models import CareerDirection, CareerGoal, Contact, Learning, Profile, Skill
from jobs.models import Job

pytestmark = pytest.mark.django_db


def version(user):
    return Profile.objects.get(owner=user).data_version


def test_each_kind_of_change_bumps_the_owners_version_only(owner, stranger):
    Profile.for_user(stranger)
    steps = [
        lambda: Skill.objects.create(owner=owner, name="Rigging"),
        lambda: CareerDirection.objects.create(owner=owner, title="Roadie", status="current"),
        lambda: CareerGoal.objects.create(owner=owner, title="Tour"),
        lambda: Contact.objects.create(owner=owner, name="Ana"),
        lambda: Learning.objects.create(owner=owner, title="Course"),
        lambda: Job.objects.create(
            owner=owner, title="Stagehand", stage="held", started_on=date(2024, 1, 1)
        ),
        lambda: Job.objects.get(owner=owner).goals.set(CareerGoal.objects.filter(owner=owner)),
        lambda: Job.objects.get(owner=owner).contacts.set(Contact.objects.filter(owner=owner)),
        lambda: Learning.objects.get(owner=owner).skills.set(Skill.objects.filter(owner=owner)),
        lambda: Job.objects.filter(owner=owner).first().save(),
        lambda: Contact.objects.get(owner=owner).delete(),
        lambda: Skill.objects.get(owner=owner).delete(),
    ]
    before = 0
    for step in steps:
        step()
        now = version(owner)
        assert now > before
        before = now
    assert version(stranger) == 0


def test_saving_through_a_page_bumps_the_version(owner_client, owner):
    Profile.for_user(owner)
    owner_client.post(
        "/jobs/add/",
        {
            "title": "Barista",
            "stage": "held",
            "employment_type": "part_time",
            "started_on": "2024-01-01",
            "currency": "EUR",
        },
    )
    assert Job.objects.filter(owner=owner, title="Barista").exists()
    assert version(owner) > 0
