"""Imports that stay bounded: limits named and checked first, the waiting file in a row of
its own, confirmed once, and any export of this server restored from the command line."""

import json
import string
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerDirection, CareerGoal, Contact, Skill
from jobs.models import Job, JobBenefit, JobSkill
from portability import columns as spreadsheet_columns
from portability import document as bearing_document
from portability import forms, linkedin
from portability.export import export_document
from portability.models import PendingImport
from tests.accounts.helpers import (
    NOTHING,
    as_json,
    document,
    job,
    problems_shown,
    rows_of,
    text_of,
    upload,
)
from tests.helpers import at_once, signed_in

pytestmark = pytest.mark.django_db

ALPHABET = string.ascii_letters + string.digits


def short_key(n):
    return (
        ALPHABET[n]
        if n < len(ALPHABET)
        else ALPHABET[n // len(ALPHABET) - 1] + ALPHABET[n % len(ALPHABET)]
    )


def every_job_on_every_goal(*, goals, jobs):
    """The outside probe's file: `jobs` jobs, each linked to every one of `goals` goals."""
    keys = [short_key(n) for n in range(goals)]
    return document(
        directions=[{"key": "d", "title": "D", "status": "current"}],
        goals=[{"key": key, "direction": "d", "title": f"Goal {key}"} for key in keys],
        jobs=[job(f"j{n}", title=f"Job {n}", goals=keys) for n in range(jobs)],
    )


def preview(client, data, name="history.json"):
    response = upload(client, data, name)
    assert response.status_code == 302, problems_shown(response)
    return client.get(reverse("account_import_preview"))


HOURS_AGO = timezone.now() - timedelta(hours=3)


def confirm(client, token):
    return client.post(reverse("account_import_confirm"), {"token": token}, follow=True)


# --- The limits, named -------------------------------------------------------------------------


def test_a_file_with_too_many_links_is_refused_at_once_with_the_limit_named(
    owner_client, owner, monkeypatch
):
    data = as_json(every_job_on_every_goal(goals=500, jobs=401))  # 200,500 links, 1.2 MB
    checked = []  # the entries' own checks, which come only after the counts
    monkeypatch.setattr(bearing_document, "parser", lambda schema: checked.append(schema))
    response = upload(owner_client, data)
    assert checked == []
    assert response.status_code == 200
    assert problems_shown(response) == [
        "This file links its entries 200,500 times (200,500 from jobs to their goals); "
        "Bearing imports at most 200,000 links at once.",
        "A larger Bearing export can be restored whole from the command line by the server's "
        "administrator: manage.py import_data USERNAME FILE --large.",
    ]
    assert rows_of(owner) == NOTHING
    assert not PendingImport.objects.exists()


def test_too_many_entries_or_links_on_one_entry_are_named_by_place(owner_client):
    incoming = document(
        skills=[f"Skill {n}" for n in range(5001)],
        jobs=[job(benefits=["money"] * 501)],
    )
    problems = problems_shown(upload(owner_client, as_json(incoming)))
    assert problems[:2] == [
        "skills: more than 5000 entries",
        "jobs[0].benefits: more than 500 entries",
    ]
    assert "manage.py import_data USERNAME FILE --large" in problems[-1]


def test_a_row_wider_than_the_limit_is_refused_before_any_cell_is_looked_at(
    owner_client, owner, monkeypatch
):
    """Every cell of a too-wide row used to be folded and matched, six times, before the
    width was checked: 2.4 million columns held a worker 12-14 s. Now the row is refused as
    soon as it is split; not one cell is looked at."""
    looked = []

    def counted(function):
        def wrapper(text, *args, **kwargs):
            looked.append(text)
            return function(text, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(
        spreadsheet_columns, "guess_field", counted(spreadsheet_columns.guess_field)
    )
    monkeypatch.setattr(linkedin, "fold_name", counted(linkedin.fold_name))
    wide = ("Title,Employer," + "x," * 20_000 + "\r\nWaiter,Café\r\n").encode()
    response = upload(owner_client, wide, "wide.csv")
    assert looked == []
    assert problems_shown(response) == [
        "This file has 20,003 columns in row 1; Bearing reads at most 100. Keep the columns "
        "about your jobs and upload it again."
    ]
    assert not PendingImport.objects.exists()


def test_uploads_are_limited_per_account_and_the_limit_named(
    owner_client, owner, stranger, monkeypatch, django_assert_num_queries
):
    read = []
    real = forms.read_upload
    monkeypatch.setattr(forms, "read_upload", lambda data, **kw: read.append(1) or real(data, **kw))
    history = as_json(document(jobs=[job()]))
    for _ in range(20):
        assert upload(owner_client, history).status_code == 302
    # 1 session, 2 user, 3-6 the account's uploads counted (savepoint, update, read, release)
    with django_assert_num_queries(6):
        response = upload(owner_client, history)
    assert response.status_code == 429
    assert (
        "You have uploaded 20 files in the last hour, the most Bearing reads for one account in "
        "an hour. This one was not read" in text_of(response)
    )
    assert len(read) == 20  # the last one was not read
    # Somebody else's uploads are their own.
    assert upload(signed_in(stranger), history).status_code == 302


def test_the_import_page_says_how_much_a_file_may_hold(owner_client):
    text = text_of(owner_client.get(reverse("account_import")))
    assert (
        "One file at a time, with at most 5 MB, 5000 entries of each kind (jobs, goals, "
        "skills…), 500 skills, values, goals or contacts on one entry, and 200,000 of those "
        "links in all. A larger Bearing export — the backup of a large account — is restored "
        "whole by the server's administrator, from the command line: manage.py import_data "
        "USERNAME FILE --large" in text
    )


def test_the_command_has_the_same_limits_and_large_lifts_them(owner, tmp_path):
    path = tmp_path / "probe.json"
    path.write_bytes(as_json(every_job_on_every_goal(goals=500, jobs=401)))
    with pytest.raises(CommandError) as raised:
        call_command("import_data", "owner", str(path))
    assert "Bearing imports at most 200,000 links at once." in str(raised.value)
    assert "To restore a larger Bearing export whole, run again with --large." in str(raised.value)
    assert rows_of(owner) == NOTHING
    call_command("import_data", "owner", str(path), "--large")
    assert Job.goals.through.objects.filter(job__owner=owner).count() == 200_500


# --- The waiting file: its own row, one a person, confirmed once -------------------------------


def test_the_waiting_file_is_kept_in_its_own_row_not_in_the_session(owner_client, owner):
    preview(owner_client, as_json(document(jobs=[job()])))
    assert set(owner_client.session.keys()) <= {
        "_auth_user_id",
        "_auth_user_backend",
        "_auth_user_hash",
        "_messages",
    }
    pending = PendingImport.objects.get(owner=owner)
    assert pending.upload.document["jobs"][0]["title"] == "Waiter"
    assert pending.expires_at - pending.created_at == timedelta(hours=1)


def test_one_waiting_file_a_person_the_newest(owner_client, owner):
    first = preview(owner_client, as_json(document(jobs=[job(title="First")])))
    second = preview(owner_client, as_json(document(jobs=[job(title="Second")])))
    assert PendingImport.objects.filter(owner=owner).count() == 1
    assert "That preview is no longer" in text_of(confirm(owner_client, first.context["token"]))
    confirm(owner_client, second.context["token"])
    assert list(Job.objects.filter(owner=owner).values_list("title", flat=True)) == ["Second"]


def test_confirming_twice_imports_once_and_says_so(owner_client, owner):
    token = preview(owner_client, as_json(document(jobs=[job()]))).context["token"]
    assert "Imported from the Bearing export: 1 job." in text_of(confirm(owner_client, token))
    again = confirm(owner_client, token)
    assert again.redirect_chain[-1][0] == reverse("account_import")
    assert (
        "This file was imported already, when you first confirmed it; nothing was imported "
        "again." in text_of(again)
    )
    assert Job.objects.filter(owner=owner).count() == 1
    assert bytes(PendingImport.objects.get(owner=owner).document) == b""  # the file is gone


@pytest.mark.django_db(transaction=True)
def test_confirming_twice_at_once_imports_once(owner):
    tabs = [signed_in(owner), signed_in(owner)]
    token = preview(tabs[0], as_json(document(jobs=[job()]))).context["token"]
    responses = at_once(
        *(
            lambda tab=tab: tab.post(reverse("account_import_confirm"), {"token": token})
            for tab in tabs
        )
    )
    # The imported job says nothing to score yet: the first confirmation leads to its details.
    assert sorted(response["Location"] for response in responses) == [
        reverse("account_import"),
        reverse("account_import_complete"),
    ]
    assert Job.objects.filter(owner=owner).count() == 1


def test_an_expired_file_is_not_imported(owner_client, owner):
    token = preview(owner_client, as_json(document(jobs=[job()]))).context["token"]
    PendingImport.objects.update(
        created_at=HOURS_AGO, expires_at=timezone.now() - timedelta(hours=1)
    )
    response = owner_client.get(reverse("account_import_preview"), follow=True)
    assert "Nothing is waiting to be imported" in text_of(response)
    assert "That preview is no longer" in text_of(confirm(owner_client, token))
    assert rows_of(owner) == NOTHING


def test_expired_files_of_anybody_go_when_a_file_is_uploaded(owner_client, stranger):
    preview(signed_in(stranger), as_json(document(jobs=[job()])))
    PendingImport.objects.update(
        created_at=HOURS_AGO, expires_at=timezone.now() - timedelta(hours=1)
    )
    preview(owner_client, as_json(document(jobs=[job()])))
    assert list(PendingImport.objects.values_list("owner__username", flat=True)) == ["owner"]


def test_a_waiting_file_is_only_its_owners(owner_client, owner, stranger):
    token = preview(owner_client, as_json(document(jobs=[job()]))).context["token"]
    response = confirm(signed_in(stranger), token)
    assert "That preview is no longer" in text_of(response)
    assert rows_of(stranger) == NOTHING
    assert PendingImport.objects.live().filter(owner=owner).exists()


# --- Any export of this server comes back -------------------------------------------------------


def large_account(user, *, jobs):
    """A large account, built in bulk: directions, goals, contacts, skills, and `jobs` jobs
    each with skills, values, goals and contacts."""
    skills = Skill.objects.bulk_create(Skill(owner=user, name=f"Skill {n}") for n in range(200))
    directions = CareerDirection.objects.bulk_create(
        CareerDirection(owner=user, title=f"Direction {n}", status="past") for n in range(5)
    )
    goals = CareerGoal.objects.bulk_create(
        CareerGoal(owner=user, direction=directions[n % 5], title=f"Goal {n}") for n in range(50)
    )
    contacts = Contact.objects.bulk_create(
        Contact(owner=user, name=f"Contact {n}") for n in range(100)
    )
    start = date(2000, 1, 1)
    rows = Job.objects.bulk_create(
        Job(
            owner=user,
            title=f"Job {n}",
            employer=f"Employer {n % 700}",
            employment_type="part_time",
            started_on=start + timedelta(days=n % 9000),
            description="Served tables, kept the books and opened the place at dawn. " * 16,
        )
        for n in range(jobs)
    )
    JobSkill.objects.bulk_create(
        JobSkill(job=row, skill=skills[(n + k) % 200], gained=k == 0)
        for n, row in enumerate(rows)
        for k in range(3)
    )
    JobBenefit.objects.bulk_create(
        JobBenefit(job=row, value=value) for row in rows for value in ("money", "skills")
    )
    Job.goals.through.objects.bulk_create(
        Job.goals.through(job_id=row.pk, careergoal_id=goals[n % 50].pk)
        for n, row in enumerate(rows)
    )
    Job.contacts.through.objects.bulk_create(
        Job.contacts.through(job_id=row.pk, contact_id=contacts[n % 100].pk)
        for n, row in enumerate(rows)
    )


def test_a_large_accounts_export_is_restored_whole_by_the_command(owner, tmp_path, capsys):
    large_account(owner, jobs=6_000)  # over the page's 5,000 entries and its 5 MB
    path = tmp_path / "bearing-owner.json"
    call_command("export_data", "owner", "-o", str(path))
    assert path.stat().st_size > 5 * 1024 * 1024  # more than the page takes
    restored = User.objects.create_user("restored", "restored@example.com", "x")
    with pytest.raises(CommandError, match="run again with --large"):
        call_command("import_data", "restored", str(path))
    with CaptureQueriesContext(connection) as written:
        call_command("import_data", "restored", str(path), "--large")
    # In bulk: about 130 queries on SQLite for 6,000 jobs and their links (in batches), not
    # one or more a job.
    assert len(written) < 6_000 / 30
    assert "Added from the Bearing export: 6000 jobs" in capsys.readouterr().out
    assert export_document(restored) == export_document(owner)


def test_the_probes_file_is_written_in_bulk_by_the_command(owner, tmp_path):
    # 801 jobs each linked to 500 goals: 400,500 links, twice what the page takes.
    path = tmp_path / "probe.json"
    path.write_bytes(json.dumps(every_job_on_every_goal(goals=500, jobs=801)).encode())
    with CaptureQueriesContext(connection) as written:
        call_command("import_data", "owner", str(path), "--large")
    # In bulk: a query for thousands of links, not one a link.
    assert len(written) < 400_500 / 2_000
    assert Job.goals.through.objects.filter(job__owner=owner).count() == 400_500
