"""Importing a Bearing export: upload, preview, confirm; merging; all or nothing."""

import json
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import Profile
from careers.models import CareerDirection, Skill
from core.models import DataVersion
from jobs.models import Job, JobBenefit
from portability import merge
from portability.document import validate
from portability.export import export_document
from portability.merge import apply_import, plan_import
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
from tests.factories import CareerDirectionFactory, JobFactory, SkillFactory, UserFactory
from tests.helpers import ELENA
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db


@pytest.fixture
def elena():
    """The worked example of docs/alignment.md, with its fixed dates."""
    return worked_example()


def preview(client, data, name="history.json"):
    """Upload a file and follow to the preview page."""
    response = upload(client, data, name)
    assert response.status_code == 302, problems_shown(response)
    assert response["Location"] == reverse("account_import_preview")
    return client.get(response["Location"])


def confirm(client, response):
    token = response.context["token"]
    return client.post(reverse("account_import_confirm"), {"token": token}, follow=True)


# --- The round trip ---------------------------------------------------------------------------


def test_the_worked_example_moves_to_a_new_account_exactly(client, elena, owner):
    client.force_login(elena)
    exported = client.get(reverse("account_export_json")).content

    client.force_login(owner)
    response = preview(client, exported, "bearing-elena.json")
    assert "From a Bearing export, “bearing-elena.json”. Nothing has been saved yet." in text_of(
        response
    )
    assert response.context["plan"].summary() == (
        "3 jobs, 1 career direction, 3 goals, 1 learning entry, 1 contact and 5 new skills"
    )
    assert rows_of(owner) == NOTHING  # the preview saves nothing

    response = confirm(client, response)
    assert response.redirect_chain[-1][0] == reverse("alignment:dashboard")
    assert "Imported from the Bearing export: 3 jobs, 1 career direction" in text_of(response)
    assert export_document(owner) == ELENA
    assert not PendingImport.objects.live().filter(owner=owner).exists()


def test_importing_bumps_the_data_version_once(elena, owner):
    Profile.objects.get(owner=owner)
    apply_import(user=owner, document=validate(ELENA))
    assert DataVersion.of(owner) == 1


def test_the_profile_currency_comes_with_the_file_and_the_preview_says_so(owner_client, owner):
    response = preview(owner_client, as_json({**document(), "profile": {"currency": "USD"}}))
    assert "Your currency for new jobs changes from EUR to USD" in text_of(response)
    confirm(owner_client, response)
    assert Profile.objects.get(owner=owner).currency == "USD"


# --- Merging into an account that has data ------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing_the_second_time(owner_client, owner, elena):
    apply_import(user=owner, document=validate(ELENA))
    before = rows_of(owner)
    response = preview(owner_client, as_json(ELENA))
    text = text_of(response)
    assert "Nothing new in this file" in text
    assert "Already in your account, so not added again" not in text  # no summary card
    assert "Not added again: Waiter, Rosa's Diner (Jan 2024 – Dec 2024)" in text
    assert "Yes, import it" not in text
    assert rows_of(owner) == before


def test_merging_reuses_skills_by_folded_name_and_refuses_exact_duplicate_jobs(owner):
    SkillFactory(owner=owner, name="Public speaking")
    JobFactory(owner=owner, title="Waiter", employer="Rosa's", started_on=date(2024, 1, 15))
    incoming = document(
        skills=["public  SPEAKING", "Juggling"],
        jobs=[
            job("j1", employer="Rosa's", skills=[{"skill": "PUBLIC speaking", "gained": True}]),
            # An exact copy of the job already there:
            job("j2", employer="Rosa's", employment_type="part_time", currency="EUR"),
            job("j3", title="Juggler", employer="Circus"),
        ],
    )
    # The job already there has no skills; j1 has one, so j1 is not the same job.
    plan = plan_import(user=owner, document=validate(incoming))
    assert plan.new_skills == ["Juggling"]
    assert plan.known_skills == ["Public speaking"]
    assert plan.add["jobs"] == [0, 2]
    assert plan.kept["jobs"] == [1]

    apply_import(user=owner, document=validate(incoming))
    assert sorted(Skill.objects.filter(owner=owner).values_list("name", flat=True)) == [
        "Juggling",
        "Public speaking",
    ]
    assert Job.objects.filter(owner=owner).count() == 3
    waiter = Job.objects.get(owner=owner, skills__name="Public speaking")
    assert waiter.skill_links.get().gained is True


def test_a_new_job_can_point_at_a_goal_the_person_already_has(owner):
    apply_import(user=owner, document=validate(ELENA))
    incoming = json.loads(json.dumps(ELENA))
    incoming["jobs"] = [job("j9", title="Ring announcer", goals=["g1"], contacts=["c1"])]
    plan = apply_import(user=owner, document=validate(incoming))
    assert plan.summary() == "1 job"
    announcer = Job.objects.get(owner=owner, title="Ring announcer")
    assert [goal.title for goal in announcer.goals.all()] == ["First amateur match"]
    assert CareerDirection.objects.filter(owner=owner).count() == 1


def test_a_second_current_direction_is_refused_with_its_place(owner_client, owner):
    CareerDirectionFactory(owner=owner, title="Game developer", status="current")
    incoming = document(directions=[{"key": "d1", "title": "Wrestler", "status": "current"}])
    response = upload(owner_client, as_json(incoming))
    assert response.status_code == 200
    assert problems_shown(response) == [
        "directions[0].status: you already have a current direction, “Game developer”; only "
        "one can be current. Mark one of them past or considering first."
    ]
    assert CareerDirection.objects.filter(owner=owner).count() == 1


def test_the_preview_warns_of_a_job_that_looks_like_one_the_person_has(owner_client, owner):
    JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner", started_on=date(2024, 1, 15))
    incoming = document(jobs=[job(employer="rosa's diner", started_on="2024-01-01")])
    text = text_of(preview(owner_client, as_json(incoming)))
    assert (
        "1 job in the file looks like one you have already. Each is listed below with a box: "
        "untick any that is a job you have, and it is left out." in text
    )
    assert (
        "Waiter, rosa's diner (Jan 2024 – ongoing) Looks like “Waiter, Rosa's Diner "
        "(Jan 2024 – ongoing)”, which you have already. It differs in some detail. "
        "Import it as another job" in text
    )


def look_alike_file():
    """Two look-alikes of the person's waiter job and one new job."""
    return document(
        jobs=[
            job("j1", employer="rosa's diner", started_on="2024-01-01"),
            job("j2", employer="Rosa's Diner", started_on="2023-05-01", ended_on="2023-09-30"),
            job("j3", title="Ring crew", employer="Northside"),
        ]
    )


def test_an_unticked_look_alike_is_left_out_and_the_rest_imported(owner_client, owner):
    JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner", started_on=date(2024, 1, 15))
    response = preview(owner_client, as_json(look_alike_file()))
    html = response.content.decode()
    # Both look-alikes are offered, ticked; the new job has no box.
    assert html.count('name="look_alike"') == 2 and html.count(" checked>") == 2
    posted = {"token": response.context["token"], "offered": ["j1", "j2"], "look_alike": ["j2"]}
    page = owner_client.post(reverse("account_import_confirm"), posted, follow=True)
    text = text_of(page)
    assert "As you chose, 1 job that looked like one you have already was left out." in text
    assert "Imported from the Bearing export: 2 jobs." in text
    waiters = Job.objects.filter(owner=owner, title="Waiter").order_by("started_on")
    assert [job.started_on for job in waiters] == [date(2023, 5, 1), date(2024, 1, 15)]
    assert Job.objects.filter(owner=owner, title="Ring crew").exists()


def test_every_look_alike_kept_when_the_boxes_stay_ticked(owner_client, owner):
    JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner", started_on=date(2024, 1, 15))
    response = preview(owner_client, as_json(look_alike_file()))
    posted = {
        "token": response.context["token"],
        "offered": ["j1", "j2"],
        "look_alike": ["j1", "j2"],
    }
    text = text_of(owner_client.post(reverse("account_import_confirm"), posted, follow=True))
    assert "left out" not in text
    assert Job.objects.filter(owner=owner, title="Waiter").count() == 3


def test_only_a_look_alike_can_be_left_out(owner):
    """A key posted as unticked that is no look-alike (a forged form) changes nothing."""
    JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner", started_on=date(2024, 1, 15))
    plan = apply_import(
        user=owner, document=validate(look_alike_file()), leave_out=frozenset({"j2", "j3"})
    )
    assert plan.summary() == "2 jobs"
    assert Job.objects.filter(owner=owner, title="Ring crew").exists()
    assert Job.objects.filter(owner=owner, title="Waiter").count() == 2


def test_duplicates_inside_one_file_are_all_kept(owner):
    incoming = document(jobs=[job("j1"), job("j2")])
    apply_import(user=owner, document=validate(incoming))
    assert Job.objects.filter(owner=owner, title="Waiter").count() == 2


# --- All or nothing ---------------------------------------------------------------------------


def test_a_file_with_problems_saves_nothing_and_lists_every_problem(owner_client, owner):
    future = (date.today() + timedelta(days=3)).isoformat()
    incoming = document(
        skills=["Public speaking"],
        goals=[{"key": "g1", "title": "First match", "direction": "d9"}],
        jobs=[
            job("j1"),
            job("j2", ended_on="2020-01-01"),
            job("j3", started_on=future),
            job("j4", goals=["g9"], hours_per_week=200, satisfaction=6, colour="red"),
        ],
    )
    response = upload(owner_client, as_json(incoming))
    assert response.status_code == 200
    assert problems_shown(response) == [
        "goals[0].direction: no direction has the key “d9”",
        "jobs[1].ended_on: before started_on",
        "jobs[2].started_on: after today: a job you held starts on or before today "
        "(is it an offer?)",
        "jobs[3].hours_per_week: must be from 0 to 168",
        "jobs[3].satisfaction: must be from 1 to 5",
        "jobs[3].colour: unknown key",
        "jobs[3].goals[0]: no goal has the key “g9”",
    ]
    text = text_of(response)
    assert "“history.json” cannot be imported. Nothing was saved." in text
    assert "This file cannot be imported, and nothing was saved: see what is wrong above." in text
    assert rows_of(owner) == NOTHING
    assert not PendingImport.objects.live().filter(owner=owner).exists()


def test_a_failure_while_writing_leaves_nothing_behind(owner):
    real_insert = merge.insert_links

    def failing(model, fields, rows):
        if model is JobBenefit:  # the last but two of the writes
            raise IntegrityError("boom")
        return real_insert(model, fields, rows)

    with mock.patch.object(merge, "insert_links", failing), pytest.raises(IntegrityError):
        apply_import(user=owner, document=validate(ELENA))
    assert rows_of(owner) == NOTHING


def test_the_confirmation_checks_the_file_again_against_the_account_as_it_is(owner_client, owner):
    incoming = document(directions=[{"key": "d1", "title": "Wrestler", "status": "current"}])
    response = preview(owner_client, as_json(incoming))
    # Meanwhile, in another tab, the person makes another direction current.
    CareerDirectionFactory(owner=owner, title="Game developer", status="current")
    response = owner_client.post(
        reverse("account_import_confirm"), {"token": response.context["token"]}
    )
    assert response.status_code == 200
    assert "The file no longer passes its checks. Nothing was saved." in text_of(response)
    assert problems_shown(response)[0].startswith("directions[0].status: you already have")
    assert CareerDirection.objects.filter(owner=owner).count() == 1


def test_a_confirmation_with_another_token_imports_nothing(owner_client, owner):
    preview(owner_client, as_json(document(jobs=[job()])))
    response = owner_client.post(
        reverse("account_import_confirm"), {"token": "not-the-token"}, follow=True
    )
    assert "That preview is no longer the file waiting to be imported" in text_of(response)
    assert rows_of(owner) == NOTHING


def test_confirming_an_older_preview_imports_nothing(owner_client, owner):
    first = preview(owner_client, as_json(document(jobs=[job(title="First")])))
    preview(owner_client, as_json(document(jobs=[job(title="Second")])))
    response = owner_client.post(
        reverse("account_import_confirm"), {"token": first.context["token"]}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("account_import")
    assert "nothing was imported" in text_of(response)
    assert rows_of(owner) == NOTHING


def test_a_clash_with_a_change_made_meanwhile_saves_nothing_and_asks_again(owner_client, owner):
    response = preview(owner_client, as_json(document(jobs=[job()])))
    with mock.patch("portability.views.apply_import", side_effect=IntegrityError("clash")):
        response = owner_client.post(
            reverse("account_import_confirm"), {"token": response.context["token"]}, follow=True
        )
    assert response.redirect_chain[-1][0] == reverse("account_import_preview")
    assert "Your data changed while the file was being imported" in text_of(response)
    assert "This will add 1 job." in text_of(response)  # still waiting, to confirm again
    assert rows_of(owner) == NOTHING


def test_cancelling_forgets_the_file(owner_client, owner):
    preview(owner_client, as_json(document(jobs=[job()])))
    response = owner_client.post(reverse("account_import_cancel"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("account")
    assert "Import cancelled; nothing was saved." in text_of(response)
    response = owner_client.get(reverse("account_import_preview"), follow=True)
    assert "Nothing is waiting to be imported: choose a file first." in text_of(response)
    assert rows_of(owner) == NOTHING


def test_confirm_and_cancel_refuse_get(owner_client):
    assert owner_client.get(reverse("account_import_confirm")).status_code == 405
    assert owner_client.get(reverse("account_import_cancel")).status_code == 405


def test_a_preview_is_only_for_the_person_who_uploaded(client, owner, stranger):
    client.force_login(owner)
    preview(client, as_json(document(jobs=[job()])))
    client.force_login(stranger)  # a new session
    response = client.get(reverse("account_import_preview"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_import")
    assert rows_of(stranger) == NOTHING


# --- The pages ----------------------------------------------------------------------------------


def test_the_account_page_offers_export_import_and_deletion(owner_client):
    response = owner_client.get(reverse("account"))
    text = text_of(response)
    assert "Take your history with you" in text
    assert "Bring your history in" in text
    assert "Delete your account" in text
    html = response.content.decode()
    for name in ("account_export_json", "account_export_csv", "account_export_resume"):
        assert f'href="{reverse(name)}"' in html
    assert f'action="{reverse("account_import")}"' in html
    assert 'enctype="multipart/form-data"' in html


def test_the_import_page_explains_the_files_it_reads(owner_client):
    response = owner_client.get(reverse("account_import"))
    text = text_of(response)
    assert "Import your history" in text
    assert "Get a copy of your data" in text
    assert "“Present” or a blank “Finished On” means the job goes on" in text
    assert "A spreadsheet of jobs (.csv)" in text


def test_uploading_without_a_file_asks_for_one(owner_client):
    response = owner_client.post(reverse("account_import"), {})
    assert response.status_code == 200
    assert "Choose a file to import." in text_of(response)


@pytest.mark.parametrize("name", ["account_import", "account_import_preview", "account_delete"])
def test_account_pages_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_import_posts_from_anonymous_visitors_go_to_log_in(client):
    response = client.post(reverse("account_import"), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_import_page_queries(owner_client, django_assert_num_queries):
    with django_assert_num_queries(2):
        # 1 session, 2 signed-in user
        owner_client.get(reverse("account_import"))


@pytest.mark.parametrize("rows", [1, 50])
def test_import_preview_queries(owner_client, owner, django_assert_num_queries, rows):
    JobFactory.create_batch(rows, owner=owner)
    SkillFactory.create_batch(rows, owner=owner)
    incoming = document(jobs=[job(f"j{n}", title=f"Job {n}") for n in range(rows)])
    upload(owner_client, as_json(incoming))
    with django_assert_num_queries(17):
        # 1 session, 2 signed-in user, 3 the waiting import (its own row, not the session);
        # the account as the export reads it: 4 profile, 5 skills, 6 directions, 7 their
        # skills, 8 their values, 9 goals, 10 learning, 11 its skills, 12 contacts, 13 jobs,
        # 14 their benefits, 15 their skills, 16 their goals, 17 their contacts
        response = owner_client.get(reverse("account_import_preview"))
    assert f"This will add {rows} job" in text_of(response)


# --- The command --------------------------------------------------------------------------------


def test_import_data_command_imports_and_says_what_it_added(owner, tmp_path, capsys):
    path = tmp_path / "elena.json"
    path.write_text(json.dumps(ELENA), encoding="utf-8")
    call_command("import_data", "owner", str(path), "--dry-run")
    assert "Would add from the Bearing export: 3 jobs" in capsys.readouterr().out
    assert rows_of(owner) == NOTHING
    call_command("import_data", "owner", str(path))
    assert "Added from the Bearing export: 3 jobs" in capsys.readouterr().out
    assert export_document(owner) == ELENA
    call_command("import_data", "owner", str(path))
    out = capsys.readouterr().out
    assert "Added from the Bearing export: nothing new." in out
    assert "Already there, not added again: 3 jobs" in out


def test_import_data_command_lists_the_problems_and_saves_nothing(owner, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document(jobs=[job(ended_on="2000-01-01")])), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_data", "owner", str(path))
    assert str(raised.value) == (
        f"{path} cannot be imported; nothing was saved.\n  jobs[0].ended_on: before started_on"
    )
    assert rows_of(owner) == NOTHING


def test_import_data_command_names_a_missing_file_and_an_unknown_account(owner, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_data", "owner", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="No account is called “nobody”"):
        call_command("import_data", "nobody", str(tmp_path / "missing.json"))


def test_a_person_made_by_the_factory_can_import_too(db):
    person = UserFactory()
    apply_import(user=person, document=validate(document(jobs=[job()])))
    assert Job.objects.get(owner=person).title == "Waiter"
