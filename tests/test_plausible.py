"""What cannot be true is refused, in the forms and in the import, each beside its field or at
its place; what is merely unlikely is asked about ("Yes, this is right") and saves on the
second sending, with everything typed kept (core.plausible)."""

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerGoal, Contact, Learning
from jobs.models import Job
from portability.document import validate
from portability.problems import Rejected
from portability.reading import read_upload
from tests.accounts.helpers import document, job
from tests.factories import CareerGoalFactory, JobFactory
from tests.helpers import error_beside, fields_in_error, input_value, job_form, text_of

pytestmark = pytest.mark.django_db

JOB_ADD = reverse("jobs:job_add")
TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)


SAID_YES = {
    "started_on": "Yes, these dates are right",
    "ended_on": "Yes, these dates are right",
    "hours_per_week": "Yes, these hours are right",
    "pay_amount": "Yes, this pay is right",
}


def sure_box(response, field):
    """The "Yes, this is right" box under `field`: (shown, ticked)."""
    html = response.content.decode()
    tag = re.search(rf'<input\b[^>]*\bname="sure_{field}"[^>]*>', html)
    if not tag:
        return (False, False)
    label = re.search(rf'<label[^>]*for="id_sure_{field}"[^>]*>(.*?)</label>', html, re.S)
    assert label and " ".join(unescape(label.group(1)).split()) == SAID_YES[field]
    return (True, bool(re.search(r"\bchecked\b", tag.group(0))))


def refused(doc, today=TODAY):
    with pytest.raises(Rejected) as rejected:
        validate(doc, today=today)
    return [str(problem) for problem in rejected.value.problems]


# --- Goals: achieved means achieved ------------------------------------------------------------

GOAL = {"title": "First amateur match", "status": "planned", "priority": "2"}


def test_a_goal_not_achieved_has_no_achieved_date(owner_client):
    # It was saved as "Planned" with "Achieved on 1 Jan 2030".
    response = owner_client.post(reverse("careers:goal_add"), {**GOAL, "achieved_on": "2030-01-01"})
    assert response.status_code == 200
    assert error_beside(response, "achieved_on") == (
        "A goal that is planned has not been achieved: clear this date, or set the status to "
        "Achieved."
    )
    assert input_value(response, "title") == "First amateur match"
    assert input_value(response, "achieved_on") == "2030-01-01"
    assert not CareerGoal.objects.exists()


def test_a_goal_is_not_achieved_on_a_day_to_come(owner_client):
    data = {**GOAL, "status": "achieved", "achieved_on": TOMORROW.isoformat()}
    response = owner_client.post(reverse("careers:goal_add"), data)
    assert error_beside(response, "achieved_on") == (
        "It cannot be achieved on a day still to come: give the day you achieved it, or keep "
        "the goal active until then."
    )
    assert not CareerGoal.objects.exists()
    data["achieved_on"] = TODAY.isoformat()
    assert owner_client.post(reverse("careers:goal_add"), data).status_code == 302


def test_the_database_keeps_a_date_only_on_an_achieved_goal(owner):
    goal = CareerGoalFactory(owner=owner, status="active")
    with pytest.raises(IntegrityError), transaction.atomic():
        CareerGoal.objects.filter(pk=goal.pk).update(achieved_on=date(2024, 1, 1))


# --- Learning and contacts: done is done -------------------------------------------------------


def test_learning_is_not_completed_on_a_day_to_come(owner_client):
    # A course "completed" next year counted as completed in the coverage.
    data = {"title": "Wrestling school", "kind": "course", "completed_on": TOMORROW.isoformat()}
    response = owner_client.post(reverse("careers:learning_add"), data)
    assert error_beside(response, "completed_on") == (
        "It cannot be completed on a day still to come: leave this empty while you are still "
        "learning, and give the day you finish then."
    )
    assert not Learning.objects.exists()


def test_a_contact_was_not_last_contacted_on_a_day_to_come(owner_client):
    data = {"name": "Ana", "last_contacted_on": TOMORROW.isoformat()}
    response = owner_client.post(reverse("careers:contact_add"), data)
    assert error_beside(response, "last_contacted_on") == (
        "The last time you were in touch cannot be a day still to come."
    )
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        (JOB_ADD, job_form(started_on="1899-12-31"), "started_on"),
        (reverse("careers:learning_add"), {"title": "Latin", "started_on": "0201-05-01"}, None),
        (reverse("careers:direction_add"), {"title": "Clown", "status": "considering"}, None),
    ],
    ids=["job", "learning", "direction"],
)
def test_a_date_before_1900_is_refused_beside_its_field(owner_client, url, data, field):
    if field is None:
        field = "started_on"
        data = {**data, "started_on": "1899-12-31"}
    response = owner_client.post(url, data)
    assert response.status_code == 200
    assert error_beside(response, field) == (
        "Bearing takes dates from 1 January 1900 on: check the year."
    )


# --- Jobs: impossible, refused; unlikely, asked ------------------------------------------------


def test_a_job_of_more_than_100_years_is_refused(owner_client):
    data = job_form(started_on="1900-01-01", ended_on="2099-12-31")
    response = owner_client.post(JOB_ADD, data)
    assert error_beside(response, "ended_on") == (
        "From 1900 to 2099 is 199 years: nobody holds one job for more than 100 years. Check "
        "the years."
    )
    assert sure_box(response, "ended_on") == (False, False)  # no box: it cannot be right
    data["sure_ended_on"] = "on"
    assert owner_client.post(JOB_ADD, data).status_code == 200
    assert not Job.objects.exists()


UNLIKELY = [
    (
        "ended_on",
        {"started_on": "1960-03-01", "ended_on": "2020-06-30"},
        "From 1960 to 2020 is 60 years, longer than almost any job (50 years). Is that right?",
    ),
    (
        "hours_per_week",
        {"hours_per_week": "120"},
        "120 hours a week is more than almost anybody works (100; a week has 168). Is that right?",
    ),
    (
        "pay_amount",
        {"pay_amount": "9999999999.99", "pay_period": "hour"},
        "9,999,999,999.99 EUR per hour is more than almost anybody is paid (1,000 an hour). Is "
        "that right? (In a currency of small units, such as yen or won, it may well be.)",
    ),
    (
        "pay_amount",
        {"pay_amount": "2500000", "pay_period": "year"},
        "2,500,000 EUR per year is more than almost anybody is paid (2,000,000 a year). Is that "
        "right? (In a currency of small units, such as yen or won, it may well be.)",
    ),
]


@pytest.mark.parametrize(("field", "typed", "message"), UNLIKELY, ids=lambda v: str(v)[:20])
def test_an_unlikely_value_is_asked_about_and_saves_when_confirmed(
    owner_client, owner, field, typed, message
):
    data = job_form(skills_used="Public speaking", **typed)
    response = owner_client.post(JOB_ADD, data)
    assert response.status_code == 200
    assert error_beside(response, field) == message
    assert fields_in_error(response) == {field}
    assert sure_box(response, field) == (True, False)
    assert not Job.objects.exists()
    for name in ("title", "skills_used", *typed):
        if name != "pay_period":
            assert input_value(response, name) == data[name], name

    # The second sending, with the box ticked, saves it as typed.
    response = owner_client.post(JOB_ADD, {**data, f"sure_{field}": "on"})
    assert response.status_code == 302, error_beside(response, field)
    saved = Job.objects.get(owner=owner)
    assert saved.skills.get().name == "Public speaking"
    if field == "pay_amount":
        assert saved.pay_amount == Decimal(typed["pay_amount"])


def test_the_box_stays_ticked_when_another_field_is_still_wrong(owner_client):
    data = job_form(hours_per_week="120", sure_hours_per_week="on", title="")
    response = owner_client.post(JOB_ADD, data)
    assert fields_in_error(response) == {"title"}
    assert sure_box(response, "hours_per_week") == (True, True)


def test_a_value_confirmed_once_is_not_asked_about_again(owner_client, owner):
    waiter = JobFactory(
        owner=owner,
        started_on=date(2024, 1, 15),
        pay_amount=Decimal("5000"),
        pay_period="hour",
        currency="JPY",
    )
    url = reverse("jobs:job_edit", args=[waiter.pk])
    data = job_form(title="Head waiter", pay_amount="5000.00", pay_period="hour", currency="JPY")
    data["lock_version"] = waiter.lock_version
    response = owner_client.post(url, data)
    assert response.status_code == 302
    waiter.refresh_from_db()
    assert waiter.title == "Head waiter"
    # Changed, it is asked about again.
    data = {**data, "pay_amount": "6000", "lock_version": waiter.lock_version}
    response = owner_client.post(url, data)
    assert "6,000 JPY per hour is more than almost anybody is paid" in error_beside(
        response, "pay_amount"
    )


def test_plausible_values_are_asked_nothing(owner_client):
    data = job_form(
        started_on="1990-01-01",
        ended_on="2039-12-31",
        hours_per_week="100",
        pay_amount="1000",
        pay_period="hour",
    )
    assert owner_client.post(JOB_ADD, data).status_code == 302


def test_an_offer_is_asked_about_its_pay_too(owner_client, owner):
    data = job_form(stage="offer", pay_amount="300000", pay_period="month", started_on="")
    response = owner_client.post(reverse("jobs:offer_add"), data)
    assert "300,000 EUR per month is more than almost anybody is paid (200,000 a month)" in (
        error_beside(response, "pay_amount")
    )
    assert "Please check the 1 field marked below. Nothing has been saved yet." in text_of(response)


# --- The import: the same impossibilities, at their place ---------------------------------------


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        (
            document(
                goals=[
                    {"key": "g1", "title": "A", "status": "planned", "achieved_on": "2030-01-01"}
                ]
            ),
            "goals[0].achieved_on: set, but the goal is planned: only an achieved goal has the "
            "date it was achieved on (null)",
        ),
        (
            document(
                goals=[
                    {
                        "key": "g1",
                        "title": "A",
                        "status": "achieved",
                        "achieved_on": TOMORROW.isoformat(),
                    }
                ]
            ),
            "goals[0].achieved_on: after today: a goal is achieved on a day gone by",
        ),
        (
            document(learning=[{"key": "l1", "title": "A", "completed_on": TOMORROW.isoformat()}]),
            "learning[0].completed_on: after today: learning still going on has no completion "
            "date yet (null)",
        ),
        (
            document(
                contacts=[{"key": "c1", "name": "Ana", "last_contacted_on": TOMORROW.isoformat()}]
            ),
            "contacts[0].last_contacted_on: after today: the last time you were in touch is a "
            "day gone by",
        ),
        (
            document(jobs=[job(started_on="1899-12-31")]),
            "jobs[0].started_on: “1899-12-31” is before 1900: Bearing takes dates from 1 January "
            "1900 on; check the year",
        ),
        (
            document(directions=[{"key": "d1", "title": "A", "ended_on": "0001-01-01"}]),
            "directions[0].ended_on: “0001-01-01” is before 1900",
        ),
        (
            document(jobs=[job(started_on="1900-01-01", ended_on="2099-12-31")]),
            "jobs[0].ended_on: 199 years after started_on: nobody holds one job for more than "
            "100 years",
        ),
        (
            document(jobs=[job(started_on="1910-01-01")]),
            "jobs[0].started_on: 116 years ago, and the job goes on: nobody holds one job for "
            "more than 100 years",
        ),
    ],
    ids=range(8),
)
def test_the_import_refuses_the_same_impossibilities_at_their_place(doc, problem):
    problems = refused(doc, today=date(2026, 11, 22))
    assert any(found.startswith(problem) for found in problems), problems


def test_the_import_takes_what_is_merely_unlikely_as_written():
    doc = document(
        jobs=[
            job(
                started_on="1960-01-01",
                ended_on="2020-12-31",
                hours_per_week=120,
                pay_amount="9999999999.99",
                pay_period="hour",
                currency="EUR",
            )
        ]
    )
    imported = validate(doc, today=date(2026, 11, 22))["jobs"][0]
    assert (imported["pay_amount"], imported["hours_per_week"]) == ("9999999999.99", 120)


def test_a_spreadsheet_row_before_1900_is_refused_at_its_cell():
    data = b"Role,From,To\r\nWaiter,1899-05-01,1901-01-01\r\n"
    built = read_upload(data).build(currency="EUR", today=date(2026, 11, 22))
    assert [str(problem) for problem in built.problems] == [
        "Row 2, From: “1899-05-01” is before 1900: Bearing takes dates from 1 January 1900 on; "
        "check the year"
    ]


def test_a_resume_graduation_to_come_arrives_still_going():
    data = (
        b'{"education": [{"institution": "Circus school", "area": "Clowning", '
        b'"endDate": "2027-06"}]}'
    )
    upload = read_upload(data, today=date(2026, 11, 22))
    assert upload.document["learning"][0]["completed_on"] is None
    assert "education[0].endDate is 2027-06-01, after today, so it comes in as still going." in (
        upload.notes
    )


def test_linkedin_learning_ending_this_month_is_completed_today_not_after():
    # Its month's last day is still to come, and a completion is never after today.
    data = (
        b"School Name,Start Date,End Date,Notes,Degree Name,Activities\r\n"
        b"Circus school,Jan 2026,Nov 2026,,,\r\n"
    )
    upload = read_upload(data, name="Education.csv", today=date(2026, 11, 22))
    assert upload.document["learning"][0]["completed_on"] == "2026-11-22"
