"""The occupation link in the bearing-export document: written, read, refused when unknown."""

import json

import pytest

from careers.models import CareerDirection
from jobs.models import Job
from portability.document import validate
from portability.export import export_document
from portability.merge import apply_import, plan_import
from portability.problems import Rejected
from tests.accounts.helpers import as_json, document, job, problems_shown, upload
from tests.factories import CareerDirectionFactory, JobFactory

pytestmark = pytest.mark.django_db


def direction(key="d1", **fields):
    return {"key": key, "title": "Professional wrestler", **fields}


def problems(data):
    with pytest.raises(Rejected) as caught:
        validate(data)
    return [str(problem) for problem in caught.value.problems]


def test_the_export_writes_the_code_or_null(owner):
    CareerDirectionFactory(owner=owner, title="Wrestler", occupation="27-2021.00")
    JobFactory(owner=owner, title="Waiter", occupation="35-3031.00")
    JobFactory(owner=owner, title="Dishwasher")
    exported = export_document(owner)
    assert exported["directions"][0]["occupation"] == "27-2021.00"
    assert [item["occupation"] for item in exported["jobs"]] == ["35-3031.00", None]
    assert list(exported["jobs"][0])[:3] == ["key", "title", "occupation"]


def test_a_file_without_the_key_reads_as_no_occupation(owner):
    canonical = validate(document(directions=[direction()], jobs=[job()]))
    assert canonical["directions"][0]["occupation"] is None
    assert canonical["jobs"][0]["occupation"] is None
    assert validate(document(jobs=[job(occupation="")]))["jobs"][0]["occupation"] is None


def test_the_link_comes_in_with_the_import_and_goes_out_again(owner):
    incoming = document(
        directions=[direction(occupation="27-2021.00", status="current")],
        jobs=[job(occupation="35-3031.00"), job("j2", title="Dishwasher")],
    )
    apply_import(user=owner, document=validate(incoming))
    assert CareerDirection.objects.get(owner=owner).occupation == "27-2021.00"
    assert sorted(Job.objects.filter(owner=owner).values_list("occupation", flat=True)) == [
        "",
        "35-3031.00",
    ]
    exported = export_document(owner)
    assert validate(json.loads(json.dumps(exported))) == exported


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99-9999.99", "no occupation with code “99-9999.99”"),
        ("27-2021", "“27-2021” is not an occupation code such as “27-2021.00”"),
        ("27-2021.00 ", "“27-2021.00 ” is not an occupation code such as “27-2021.00”"),
        (272021, "expected an occupation code such as “27-2021.00”, got a number"),
        (["27-2021.00"], "expected an occupation code such as “27-2021.00”, got a list"),
    ],
)
def test_an_unknown_or_malformed_code_is_refused_with_its_place(value, message):
    assert problems(document(directions=[direction(occupation=value)])) == [
        f"directions[0].occupation: {message}"
    ]
    assert problems(document(jobs=[job(), job("j2", occupation=value)])) == [
        f"jobs[1].occupation: {message}"
    ]


def test_the_import_page_names_the_place_and_saves_nothing(owner_client, owner):
    data = as_json(document(jobs=[job(occupation="99-9999.99")]))
    response = upload(owner_client, data)
    assert problems_shown(response) == ["jobs[0].occupation: no occupation with code “99-9999.99”"]
    assert not Job.objects.filter(owner=owner).exists()


def test_an_entry_that_differs_only_by_its_occupation_is_not_the_same_entry(owner):
    CareerDirectionFactory(owner=owner, title="Wrestler")
    JobFactory(owner=owner, title="Waiter")
    exported = export_document(owner)
    plan = plan_import(user=owner, document=validate(exported))
    assert (plan.add["directions"], plan.add["jobs"]) == ([], [])  # exact copies
    exported["directions"][0]["occupation"] = "27-2021.00"
    exported["jobs"][0]["occupation"] = "35-3031.00"
    plan = plan_import(user=owner, document=validate(exported))
    assert (plan.add["directions"], plan.add["jobs"]) == ([0], [0])
