"""A direction's or a job's link to an O*NET occupation: the database keeps the code's shape,
the model checks that the occupation exists."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from careers.models import CareerDirection
from jobs.models import Job
from tests.factories import CareerDirectionFactory, JobFactory

pytestmark = pytest.mark.django_db

MODELS = {
    "direction": (CareerDirection, "direction_occupation_code"),
    "job": (Job, "job_occupation_code"),
}


def row(kind, owner, **fields):
    if kind == "direction":
        return CareerDirection(owner=owner, title="Professional wrestler", **fields)
    return Job(owner=owner, title="Waiter", started_on=date(2024, 1, 15), **fields)


@pytest.mark.parametrize("kind", MODELS)
@pytest.mark.parametrize(
    "code",
    [
        "27-2021",
        "27-2021.0",
        "272021.000",
        "27-2021,00",
        "abcdefghij",
        " 27-2021.0",
        "٢٧-٢٠٢١.٠٠",  # digits, but not 0-9
    ],
)
def test_the_database_refuses_a_code_of_the_wrong_shape(owner, kind, code):
    model, constraint = MODELS[kind]
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        row(kind, owner, occupation=code).save()


@pytest.mark.parametrize("kind", MODELS)
def test_the_database_refuses_a_code_with_a_line_break_after_it(owner, kind):
    # Over the 10 characters on PostgreSQL; on SQLite, which keeps no length, the check's \Z.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        row(kind, owner, occupation="27-2021.00\n").save()


@pytest.mark.parametrize("kind", MODELS)
@pytest.mark.parametrize("code", ["", "27-2021.00", "99-9999.99"])
def test_the_database_takes_no_link_or_any_well_formed_code(owner, kind, code):
    saved = row(kind, owner, occupation=code)
    saved.save()
    model, _ = MODELS[kind]
    assert model.objects.get(pk=saved.pk).occupation == code


@pytest.mark.parametrize("kind", MODELS)
def test_the_model_refuses_an_occupation_that_does_not_exist(owner, kind):
    unknown = row(kind, owner, occupation="99-9999.99")
    with pytest.raises(ValidationError) as caught:
        unknown.full_clean()
    assert caught.value.message_dict == {"occupation": ["No occupation has the code 99-9999.99."]}
    malformed = row(kind, owner, occupation="27-2021")
    with pytest.raises(ValidationError) as caught:
        malformed.full_clean()
    assert caught.value.message_dict == {
        "occupation": ["“27-2021” is not an O*NET-SOC code such as 27-2021.00."]
    }
    row(kind, owner, occupation="27-2021.00").full_clean()
    row(kind, owner).full_clean()


def test_a_linked_direction_and_job_name_their_occupation(owner):
    direction = CareerDirectionFactory(owner=owner, occupation="27-2021.00")
    job = JobFactory(owner=owner, occupation="35-3031.00")
    assert direction.linked_occupation().title == "Athletes and Sports Competitors"
    assert job.linked_occupation().title == "Waiters and Waitresses"
    assert CareerDirectionFactory(owner=owner, status="past").linked_occupation() is None
    assert JobFactory(owner=owner).linked_occupation() is None
