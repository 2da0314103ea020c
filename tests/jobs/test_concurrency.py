"""Two browsers, one job: the second save is told the job changed, and nothing is lost."""

from datetime import date

import pytest
from django.urls import reverse

from jobs.models import Job

pytestmark = pytest.mark.django_db


def form_data(job, **changes):
    data = {
        "title": job.title,
        "employer": job.employer,
        "stage": "held",
        "employment_type": "part_time",
        "started_on": job.started_on.isoformat(),
        "currency": "EUR",
        "skills_used": "Public speaking",
        "lock_version": job.lock_version,
    }
    return {**data, **changes}


@pytest.fixture
def job(owner):
    return Job.objects.create(
        owner=owner,
        title="Waiter",
        employer="Rosa's Diner",
        employment_type="part_time",
        stage="held",
        started_on=date(2024, 1, 15),
        currency="EUR",
    )


def test_the_second_of_two_edits_is_told_and_the_first_is_kept(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    tab_one = owner_client.get(url).context["form"]
    tab_two = owner_client.get(url).context["form"]
    assert tab_one.initial["lock_version"] == tab_two.initial["lock_version"] == 1

    first = owner_client.post(url, form_data(job, title="Head waiter"))
    assert first.status_code == 302

    second = owner_client.post(url, form_data(job, title="Night waiter", lock_version=1))
    assert second.status_code == 200
    text = second.content.decode()
    assert "This job was changed elsewhere" in text
    assert 'value="Night waiter"' in text  # what the second person typed is still there
    job.refresh_from_db()
    assert job.title == "Head waiter"  # the first save is intact
    assert job.lock_version == 2

    # Saving the shown form again is a deliberate choice: it goes through.
    assert second.context["form"]["lock_version"].value() == 2
    third = owner_client.post(url, form_data(job, title="Night waiter", lock_version=2))
    assert third.status_code == 302
    job.refresh_from_db()
    assert (job.title, job.lock_version) == ("Night waiter", 3)


def test_a_stale_save_changes_nothing_at_all(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    owner_client.post(url, form_data(job, title="Head waiter"))
    owner_client.post(url, form_data(job, title="Stale", skills_used="Juggling", lock_version=1))
    job.refresh_from_db()
    assert job.title == "Head waiter"
    assert list(job.skills.values_list("name", flat=True)) == ["Public speaking"]
