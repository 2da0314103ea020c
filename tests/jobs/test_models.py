"""The job side's rules, proven in the database itself: forms are bypassed on purpose.

Each refusal is tried three ways — `create`, `bulk_create` and `.update()` of a valid row —
and each inside its own `transaction.atomic()`.
"""

from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from jobs.models import Job, JobBenefit, JobSkill
from tests.factories import JobBenefitFactory, JobFactory, JobSkillFactory, SkillFactory

pytestmark = pytest.mark.django_db


@contextmanager
def refused(constraint):
    """The block must fail with an IntegrityError raised by the named constraint."""
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "sqlite" and "UNIQUE constraint failed" in message:
        return  # SQLite names a unique index's columns, PostgreSQL the constraint
    assert constraint in message, message


VALID = {
    "title": "Waiter",
    "employer": "Rosa's Diner",
    "employment_type": "part_time",
    "stage": "held",
    "started_on": date(2024, 1, 15),
    "ended_on": date(2024, 12, 31),
    "hours_per_week": Decimal(25),
    "schedule": "shifts",
    "pay_amount": Decimal("11.50"),
    "pay_period": "hour",
    "currency": "EUR",
    "satisfaction": 3,
    "identity_fit": 2,
}

REFUSED = [
    ("job_dates_in_order", {"ended_on": date(2024, 1, 14)}),
    ("held_job_has_start_date", {"started_on": None, "ended_on": None}),
    ("job_hours_range", {"hours_per_week": Decimal(169)}),
    ("job_hours_range", {"hours_per_week": Decimal("168.5")}),
    ("job_hours_range", {"hours_per_week": Decimal(-1)}),
    ("job_pay_not_negative", {"pay_amount": Decimal("-0.01")}),
    ("job_satisfaction_range", {"satisfaction": 0}),
    ("job_satisfaction_range", {"satisfaction": 6}),
    ("job_identity_fit_range", {"identity_fit": 0}),
    ("job_identity_fit_range", {"identity_fit": 6}),
    ("job_stage_valid", {"stage": "maybe"}),
    ("job_employment_type_valid", {"employment_type": "gig"}),
    ("job_schedule_valid", {"schedule": "nights"}),
    ("job_pay_period_valid", {"pay_period": "day"}),
    ("job_currency_iso", {"currency": "eur"}),
    ("job_currency_iso", {"currency": "E1R"}),
    ("job_currency_iso", {"currency": "EU"}),
    ("job_title_not_blank", {"title": ""}),
]


def case_id(case):
    constraint, change = case
    return f"{constraint}-{'-'.join(f'{key}={value}' for key, value in change.items())}"


@pytest.mark.parametrize(("constraint", "change"), REFUSED, ids=map(case_id, REFUSED))
def test_create_breaking_a_rule_is_refused(owner, constraint, change):
    with refused(constraint):
        Job.objects.create(owner=owner, **{**VALID, **change})
    assert not Job.objects.exists()


@pytest.mark.parametrize(("constraint", "change"), REFUSED, ids=map(case_id, REFUSED))
def test_bulk_create_breaking_a_rule_is_refused(owner, constraint, change):
    with refused(constraint):
        Job.objects.bulk_create(
            [Job(owner=owner, **VALID), Job(owner=owner, **{**VALID, **change})]
        )
    assert not Job.objects.exists()  # all or nothing


@pytest.mark.parametrize(("constraint", "change"), REFUSED, ids=map(case_id, REFUSED))
def test_update_breaking_a_rule_is_refused(owner, constraint, change):
    job = Job.objects.create(owner=owner, **VALID)
    with refused(constraint):
        Job.objects.filter(pk=job.pk).update(**change)
    job.refresh_from_db()
    assert {field: getattr(job, field) for field in VALID} == VALID


@pytest.mark.parametrize(
    "change",
    [
        {},  # the full, valid row
        {"ended_on": None},  # ongoing
        {"ended_on": date(2024, 1, 15)},  # a one-day job
        {"hours_per_week": Decimal(0)},
        {"hours_per_week": Decimal(168)},
        {"hours_per_week": None},
        {"pay_amount": Decimal(0)},
        {"pay_amount": None, "pay_period": "", "currency": ""},
        {"satisfaction": 1, "identity_fit": 5},
        {"satisfaction": None, "identity_fit": None},
        {"schedule": ""},
        {"stage": "offer", "started_on": None, "ended_on": None},  # an offer may have no date
        {"employment_type": "unpaid", "pay_amount": None, "pay_period": ""},
    ],
)
def test_rows_within_the_rules_are_kept(owner, change):
    job = Job.objects.create(owner=owner, **{**VALID, **change})
    job.refresh_from_db()
    for field, value in {**VALID, **change}.items():
        assert getattr(job, field) == value


@pytest.mark.parametrize("value", ["full_time", "part_time", "contract", "freelance"])
def test_every_employment_type_is_accepted(owner, value):
    Job.objects.create(owner=owner, **{**VALID, "employment_type": value})


@pytest.mark.parametrize("value", ["internship", "volunteer", "unpaid"])
def test_unpaid_kinds_of_work_are_accepted(owner, value):
    Job.objects.create(owner=owner, **{**VALID, "employment_type": value})


@pytest.mark.parametrize("value", ["hour", "week", "month", "year", "total"])
def test_every_pay_period_is_accepted(owner, value):
    Job.objects.create(owner=owner, **{**VALID, "pay_period": value})


def test_a_job_names_a_skill_once(owner):
    link = JobSkillFactory(job__owner=owner)
    with refused("job_skill_once"):
        JobSkill.objects.create(job=link.job, skill=link.skill, gained=True)


def test_a_job_names_a_benefit_once_and_only_from_the_values_list(owner):
    benefit = JobBenefitFactory(job__owner=owner, value="money")
    with refused("job_benefit_once"):
        JobBenefit.objects.create(job=benefit.job, value="money")
    with refused("job_benefit_valid"):
        JobBenefit.objects.create(job=benefit.job, value="fame")


# --- Queries in the domain's words, and what a person reads --------------------------------


def test_held_offers_ongoing_and_newest_first(owner, stranger):
    old = JobFactory(
        owner=owner, title="Old", started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1)
    )
    ongoing = JobFactory(owner=owner, title="Ongoing", started_on=date(2024, 1, 1))
    offer = JobFactory(owner=owner, title="Offer", stage="offer", started_on=None)
    JobFactory(owner=stranger, title="Theirs")

    mine = Job.objects.owned_by(owner)
    assert set(mine.held()) == {old, ongoing}
    assert list(mine.offers()) == [offer]
    assert list(mine.ongoing()) == [ongoing]
    assert list(mine.newest_first()) == [offer, ongoing, old]  # undated offers first


def test_a_job_knows_whether_it_is_ongoing_or_an_offer(owner):
    today = date.today()
    assert JobFactory(owner=owner, ended_on=None).is_ongoing
    assert not JobFactory(owner=owner, ended_on=today - timedelta(days=1)).is_ongoing
    offer = JobFactory(owner=owner, stage="offer", started_on=None)
    assert offer.is_offer
    assert not offer.is_ongoing


def test_pay_reads_as_a_person_says_it(owner):
    job = JobFactory(owner=owner, pay_amount=Decimal("2100"), pay_period="month", currency="EUR")
    assert job.pay_display() == "2,100 EUR per month"
    assert JobFactory(owner=owner, pay_amount=None).pay_display() == ""
    one_off = JobFactory(owner=owner, pay_amount=Decimal(500), pay_period="total", currency="")
    assert one_off.pay_display() == "500 in total"


def test_avoid_notes_are_one_phrase_a_line(owner):
    job = JobFactory(owner=owner, avoid="  night shifts \n\n split shifts\n")
    assert job.avoid_phrases() == ["night shifts", "split shifts"]


def test_a_job_and_its_links_read_as_a_person_would_name_them(owner):
    job = JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner")
    assert str(job) == "Waiter, Rosa's Diner"
    assert str(JobFactory(owner=owner, title="Homemaker", employer="")) == "Homemaker"
    skill = SkillFactory(owner=owner, name="Public speaking")
    assert str(JobSkillFactory(job=job, skill=skill, gained=True)) == (
        "Public speaking (gained) in Waiter, Rosa's Diner"
    )
    assert str(JobBenefitFactory(job=job, value="flexibility")) == (
        "Flexible hours from Waiter, Rosa's Diner"
    )
    assert job.get_absolute_url() == f"/jobs/{job.pk}/"
