"""Two browsers, one job: the second save is told the job changed and which fields differ,
and replaces the saved version only when the person ticks the box that says so."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from jobs.models import Job
from tests.helpers import fields_in_error

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


def error_beside(response, field):
    html = response.content.decode()
    match = re.search(rf'<(?:span|p) id="error_1_id_{field}"><strong>(.*?)</strong>', html, re.S)
    return unescape(match.group(1)) if match else None


def text_of(response):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_the_second_of_two_edits_is_told_what_differs_and_the_first_is_kept(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    tab_one = owner_client.get(url).context["form"]
    tab_two = owner_client.get(url).context["form"]
    assert tab_one.initial["lock_version"] == tab_two.initial["lock_version"] == 1

    first = owner_client.post(url, form_data(job, title="Head waiter"))
    assert first.status_code == 302

    second = owner_client.post(
        url, form_data(job, title="Night waiter", hours_per_week="30", lock_version=1)
    )
    assert second.status_code == 200
    text = text_of(second)
    # It said "the 1 field marked below" and marked none.
    assert (
        "This job was saved elsewhere after you opened it: the 2 fields where yours differs "
        "are marked below. Nothing has been saved yet." in text
    )
    assert "This job was saved in another tab or device after you opened this page" in text
    assert fields_in_error(second) == {"title", "hours_per_week"}
    assert error_beside(second, "title") == "Saved meanwhile: “Head waiter”."
    assert error_beside(second, "hours_per_week") == "Saved meanwhile: empty."
    assert 'value="Night waiter"' in second.content.decode()  # what was typed is still there
    assert "Replace the saved version with mine" in text
    job.refresh_from_db()
    assert (job.title, job.lock_version) == ("Head waiter", 2)  # the first save is intact

    # Saving the same form again, without the box, still changes nothing.
    form = second.context["form"]
    again = {**form_data(job, title="Night waiter", hours_per_week="30", lock_version=1)}
    again["seen_version"] = form["seen_version"].value()
    assert again["seen_version"] == 2
    third = owner_client.post(url, again)
    assert third.status_code == 200
    assert fields_in_error(third) == {"title", "hours_per_week"}
    job.refresh_from_db()
    assert job.title == "Head waiter"

    # Ticked, it replaces the version it was shown.
    fourth = owner_client.post(url, {**again, "replace_theirs": "on"})
    assert fourth.status_code == 302
    job.refresh_from_db()
    assert (job.title, job.hours_per_week, job.lock_version) == ("Night waiter", 30, 3)


def test_the_box_replaces_only_the_version_it_was_shown(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    owner_client.post(url, form_data(job, title="Head waiter"))
    stale = form_data(job, title="Night waiter", lock_version=1)
    shown = owner_client.post(url, stale).context["form"]["seen_version"].value()
    # A third save, in yet another tab, after the person was shown the second.
    Job.objects.filter(pk=job.pk).update(title="Chef", lock_version=3)
    response = owner_client.post(url, {**stale, "seen_version": shown, "replace_theirs": "on"})
    assert response.status_code == 200
    assert error_beside(response, "title") == "Saved meanwhile: “Chef”."
    assert "replace_theirs" not in {
        name for name, value in response.context["form"].data.items() if value
    }  # the box is unticked again: it applies to what is shown now
    job.refresh_from_db()
    assert job.title == "Chef"


def test_a_save_elsewhere_of_what_the_form_holds_is_no_conflict(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    owner_client.post(url, form_data(job, title="Head waiter"))
    # The other tab typed the same: nothing of anybody's is lost by saving.
    response = owner_client.post(url, form_data(job, title="Head waiter", lock_version=1))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.title, job.lock_version) == ("Head waiter", 3)


def test_a_stale_save_changes_nothing_at_all(owner_client, job):
    url = reverse("jobs:job_edit", args=[job.pk])
    owner_client.post(url, form_data(job, title="Head waiter"))
    owner_client.post(url, form_data(job, title="Stale", skills_used="Juggling", lock_version=1))
    job.refresh_from_db()
    assert job.title == "Head waiter"
    assert list(job.skills.values_list("name", flat=True)) == ["Public speaking"]
