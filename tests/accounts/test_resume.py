"""JSON Resume in: work, volunteering, education, certificates and skills; and out again."""

import json
from datetime import date

import pytest
from django.urls import reverse

from careers.models import Learning, Skill
from demo.elena import load_demo
from jobs.models import Job
from portability.merge import apply_import
from portability.problems import Rejected
from portability.reading import read_upload
from portability.resume import resume_document
from tests.accounts.helpers import NOTHING, problems_shown, rows_of, sample, text_of, upload

pytestmark = pytest.mark.django_db


def resume(**sections):
    return json.dumps(sections).encode()


def refused(data):
    with pytest.raises(Rejected) as raised:
        read_upload(data)
    return [str(problem) for problem in raised.value.problems]


def test_a_resume_becomes_jobs_learning_and_skills(owner_client, owner):
    response = owner_client.get(upload(owner_client, sample("resume.json"))["Location"])
    text = text_of(response)
    assert "From a JSON Resume, “history.json”." in text
    assert "Not imported, as Bearing has no place for them: basics, languages." in text
    assert "This will add 3 jobs, 3 learning entries and 5 new skills." in text
    owner_client.post(reverse("account_import_confirm"), {"token": response.context["token"]})

    jobs = {job.title: job for job in Job.objects.filter(owner=owner)}
    gym = jobs["Gym assistant"]
    assert (gym.employer, gym.stage, gym.employment_type) == ("Iron Hall", "held", "full_time")
    assert (gym.started_on, gym.ended_on) == (date(2025, 1, 6), date(2025, 6, 30))
    assert gym.description == (
        "Coached strength sessions.\n"
        "- Choreographed the school's showcase\n"
        "- Ran the Saturday warm-ups"
    )
    # "2024-01" is padded to the first; no endDate means the job goes on.
    assert (jobs["Waiter"].started_on, jobs["Waiter"].ended_on) == (date(2024, 1, 1), None)
    driver = jobs["Driver"]
    assert (driver.employer, driver.employment_type) == ("Madrid Food Bank", "volunteer")
    assert (driver.started_on, driver.ended_on) == (date(2022, 1, 1), date(2023, 3, 1))

    learning = {entry.title: entry for entry in Learning.objects.filter(owner=owner)}
    degree = learning["Bachelor in Performing Arts"]
    assert (degree.provider, degree.kind) == ("Universidad Complutense de Madrid", "degree")
    assert degree.completed_on == date(2019, 6, 30)
    assert learning["Ring craft"].kind == "course"
    first_aid = learning["First aid"]
    assert (first_aid.kind, first_aid.provider) == ("certificate", "Red Cross")
    assert first_aid.completed_on == date(2024, 5, 4)

    assert sorted(Skill.objects.filter(owner=owner).values_list("name", flat=True)) == [
        "Fitness",
        "Performance",
        "Public speaking",
        "Stage presence",
        "Strength training",
    ]


def test_problems_point_at_the_place_in_the_resume(owner_client, owner):
    data = resume(
        work=[
            {"name": "Acme", "startDate": "2020-01-01"},
            {"name": "Acme", "position": "Clerk", "startDate": "Jan 2020", "colour": "red"},
            {"name": "Acme", "position": "Boss", "startDate": "2021-05", "endDate": "2021-01"},
            "not an object",
        ],
        education=[{"institution": "School", "startDate": 2015}],
        skills=[{"name": "Juggling", "keywords": ["Tap", 7]}],
        hobbies=["chess"],
    )
    response = upload(owner_client, data)
    assert problems_shown(response) == [
        "hobbies: unknown key: not a section of JSON Resume",
        "work[0].position: missing",
        "work[1].colour: unknown key",
        "work[1].startDate: “Jan 2020” is not a date like 2020, 2020-01 or 2020-01-15",
        "work[2].endDate: before startDate",
        "work[3]: expected an object, got text",
        "education[0].startDate: expected text, got a number",
        "skills[0].keywords[1]: expected text, got a number",
    ]
    assert rows_of(owner) == NOTHING


def test_a_resume_with_only_sections_bearing_does_not_keep_adds_nothing():
    upload = read_upload(resume(basics={"name": "Ana"}, languages=[{"language": "Basque"}]))
    assert upload.document["jobs"] == []
    assert upload.notes == ["Not imported, as Bearing has no place for them: basics, languages."]


def test_a_resume_from_before_schema_1_names_the_employer_company():
    upload = read_upload(
        resume(work=[{"company": "Acme", "position": "Clerk", "startDate": "2020"}])
    )
    assert upload.document["jobs"][0]["employer"] == "Acme"


def test_a_job_without_a_start_date_is_refused():
    assert refused(resume(work=[{"name": "Acme", "position": "Clerk"}])) == [
        "work[0].startDate: missing: a job you held needs a start date"
    ]


def test_the_resume_export_imports_back_to_the_same_resume(owner):
    elena = load_demo()
    exported = resume_document(elena)
    apply_import(user=owner, document=read_upload(json.dumps(exported).encode()).document)
    again = resume_document(owner)
    assert again["work"] == exported["work"]
    assert again["education"] == exported["education"]
    assert again["skills"] == exported["skills"]
    assert again["basics"] == {"name": "owner"}
