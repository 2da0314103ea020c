"""Each record is described once (portability.records) and every reader and writer follows
that description: the export writes its fields in its order, the import refuses a key it
does not have, the API answers with its fields (an id for the key) and the jobs' CSV has a
column for each field of a job, the occupation included."""

import json

import pytest
from django.urls import reverse

from demo.elena import load_demo
from jobs.models import Job
from portability.document import validate
from portability.export import export_document, jobs_csv
from portability.problems import Rejected
from portability.records import (
    ContactRecord,
    DirectionRecord,
    GoalRecord,
    JobRecord,
    LearningRecord,
)
from tests.accounts.helpers import problems_shown, upload

pytestmark = pytest.mark.django_db

RECORDS = {
    "directions": DirectionRecord,
    "goals": GoalRecord,
    "learning": LearningRecord,
    "contacts": ContactRecord,
    "jobs": JobRecord,
}


def test_the_export_writes_each_records_fields_in_its_order():
    document = export_document(load_demo())
    for collection, record in RECORDS.items():
        assert document[collection], collection
        for entry in document[collection]:
            assert list(entry) == list(record.model_fields), collection


@pytest.mark.parametrize("collection", RECORDS)
def test_a_key_the_record_does_not_have_is_refused_at_its_place(collection):
    entry = {"key": "x1", "title": "Something", "name": "Someone", "stage": "offer"}
    record = RECORDS[collection]
    entry = {name: value for name, value in entry.items() if name in record.model_fields}
    with pytest.raises(Rejected) as refused:
        validate({"format": "bearing-export", "version": 1, collection: [{**entry, "mood": 1}]})
    assert [(problem.path, problem.message) for problem in refused.value.problems] == [
        (f"{collection}[0].mood", "unknown key")
    ]


def test_the_api_answers_with_the_records_fields_an_id_for_the_key(client):
    elena = load_demo()
    client.force_login(elena)
    job = client.get(reverse("api:jobs")).json()["items"][0]
    assert set(job) == {"id"} | set(JobRecord.model_fields) - {"key"}
    direction = client.get(reverse("api:directions")).json()["items"][0]
    assert set(direction) == {"id"} | set(DirectionRecord.model_fields) - {"key"}


def test_the_csv_has_a_column_for_each_field_of_a_job_skills_in_two():
    header = jobs_csv(load_demo()).splitlines()[0].split(",")
    fields = set(JobRecord.model_fields) - {"key", "skills"}
    assert set(header) == fields | {"skills_used", "skills_gained"}
    assert len(header) == len(set(header))


def test_a_jobs_occupation_travels_through_the_csv(client, owner):
    elena = load_demo()
    coded = Job.objects.filter(owner=elena).exclude(occupation="").first()
    assert coded is not None
    client.force_login(owner)
    upload(client, ("\ufeff" + jobs_csv(elena)).encode(), "jobs.csv")
    preview = client.get(reverse("account_import_preview"))
    client.post(
        reverse("account_import_confirm"),
        {"token": preview.context["token"], "matching": preview.context["matching_version"]},
    )
    assert Job.objects.get(owner=owner, title=coded.title).occupation == coded.occupation


def test_an_occupation_column_with_an_unknown_code_is_refused_in_its_row(owner_client):
    data = b"Title,Occupation,Start date\r\nWaiter,99-9999.99,2020-01-01\r\n"
    response = upload(owner_client, data, "jobs.csv")
    if response.status_code == 302:
        response = owner_client.get(reverse("account_import_preview"))
    assert "Row 2, Occupation: no occupation with code “99-9999.99”" in problems_shown(response)


def test_the_records_describe_what_the_import_reads_back():
    document = export_document(load_demo())
    assert validate(json.loads(json.dumps(document))) == document
