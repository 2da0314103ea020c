"""LinkedIn's data archive, and its Positions.csv, Skills.csv and Education.csv on their own."""

import codecs
from datetime import date

import pytest
from django.urls import reverse

from accounts.portability.problems import Rejected
from accounts.portability.reading import read_upload
from careers.models import Learning, Skill
from jobs.models import Job
from tests.accounts.helpers import (
    NOTHING,
    linkedin_archive,
    problems_shown,
    rows_of,
    sample,
    text_of,
    upload,
    zipped,
)
from tests.factories import SkillFactory

pytestmark = pytest.mark.django_db

POSITIONS_HEADER = b"Company Name,Title,Description,Location,Started On,Finished On\r\n"


def test_a_person_brings_their_linkedin_history_in_with_one_upload(owner_client, owner):
    response = upload(owner_client, linkedin_archive(), "Basic_LinkedInDataExport.zip")
    assert response.status_code == 302
    response = owner_client.get(response["Location"])
    text = text_of(response)
    assert "From a LinkedIn data archive, “Basic_LinkedInDataExport.zip”." in text
    assert (
        "Read from the archive: Positions.csv (3 rows), Skills.csv (3 rows), "
        "Education.csv (2 rows)." in text
    )
    assert "This will add 3 jobs, 2 learning entries and 3 new skills." in text
    assert "Gym assistant, Iron Hall (Jan 2025 – Jun 2025)" in text
    assert "Ring crew, Lucha Libre Club (Jan 2023 – ongoing)" in text
    assert rows_of(owner) == NOTHING

    response = owner_client.post(
        reverse("account_import_confirm"), {"token": response.context["token"]}, follow=True
    )
    assert "Imported from the LinkedIn data archive: 3 jobs" in text_of(response)
    jobs = {job.title: job for job in Job.objects.filter(owner=owner)}
    assert set(jobs) == {"Gym assistant", "Waiter", "Ring crew"}
    gym = jobs["Gym assistant"]
    assert (gym.employer, gym.stage) == ("Iron Hall", "held")
    assert (gym.started_on, gym.ended_on) == (date(2025, 1, 1), date(2025, 6, 1))
    assert (
        gym.description == "Coached strength sessions.\nHelped choreograph the school's showcase."
    )
    # "2023" is the first of January; a blank "Finished On" means it goes on.
    assert (jobs["Ring crew"].started_on, jobs["Ring crew"].ended_on) == (date(2023, 1, 1), None)
    assert sorted(Skill.objects.filter(owner=owner).values_list("name", flat=True)) == [
        "Customer service",
        "Public speaking",
        "Stage presence",
    ]
    degree, course = Learning.objects.filter(owner=owner).order_by("started_on")
    assert (degree.title, degree.provider, degree.kind) == (
        "Bachelor of Arts - BA",
        "Universidad Complutense de Madrid",
        "degree",
    )
    assert (degree.started_on, degree.completed_on) == (date(2015, 1, 1), date(2019, 1, 1))
    assert (course.title, course.kind, course.started_on) == (
        "Iron Hall Wrestling School",
        "course",
        date(2025, 2, 1),
    )


def test_the_archive_can_hold_its_files_in_a_folder_in_any_case():
    data = zipped(
        {
            "Basic_LinkedInDataExport_11-22-2026/POSITIONS.CSV": sample("Positions.csv"),
            "Basic_LinkedInDataExport_11-22-2026/": b"",
        }
    )
    upload = read_upload(data)
    assert [job["title"] for job in upload.document["jobs"]] == [
        "Gym assistant",
        "Waiter",
        "Ring crew",
    ]
    assert upload.notes[0] == (
        "Read from the archive: Positions.csv (3 rows). Not in it: Skills.csv, Education.csv."
    )


@pytest.mark.parametrize(
    ("name", "collection", "count"),
    [("Positions.csv", "jobs", 3), ("Skills.csv", "skills", 3), ("Education.csv", "learning", 2)],
)
def test_each_csv_can_be_uploaded_on_its_own(name, collection, count):
    upload = read_upload(sample(name), name=name.lower())
    assert upload.source == f"LinkedIn {name}"
    assert len(upload.document[collection]) == count


def test_skills_already_there_are_reused_and_a_second_upload_adds_nothing(owner_client, owner):
    SkillFactory(owner=owner, name="public speaking")
    response = owner_client.get(
        upload(owner_client, sample("Skills.csv"), "Skills.csv")["Location"]
    )
    assert "This will add 2 new skills." in text_of(response)
    assert "Reused, as you have them already: public speaking." in text_of(response)
    owner_client.post(reverse("account_import_confirm"), {"token": response.context["token"]})
    assert Skill.objects.filter(owner=owner).count() == 3

    response = owner_client.get(upload(owner_client, linkedin_archive(), "a.zip")["Location"])
    owner_client.post(reverse("account_import_confirm"), {"token": response.context["token"]})
    response = owner_client.get(upload(owner_client, linkedin_archive(), "a.zip")["Location"])
    assert "Nothing new in this file" in text_of(response)
    assert Job.objects.filter(owner=owner).count() == 3


@pytest.mark.parametrize(
    ("encoding", "prefix", "note"),
    [
        ("utf-8", codecs.BOM_UTF8, None),
        ("utf-8", b"", None),
        ("utf-16", b"", None),
        ("cp1252", b"", "Positions.csv is not UTF-8 text; it was read as Windows-1252."),
    ],
)
def test_csvs_in_other_encodings_or_with_a_bom_are_read(encoding, prefix, note):
    text = "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    text += "Café Müller,Señor waiter,,Köln,Mar 2021,Feb 2022\r\n"
    upload = read_upload(prefix + text.encode(encoding), name="Positions.csv")
    job = upload.document["jobs"][0]
    assert (job["employer"], job["title"]) == ("Café Müller", "Señor waiter")
    assert (job["started_on"], job["ended_on"]) == ("2021-03-01", "2022-02-01")
    if note:
        assert note in upload.notes[0]
    else:
        assert upload.notes == []


def test_bytes_no_windows_code_page_knows_are_read_as_latin_1():
    data = POSITIONS_HEADER + "Caf\u00e9,W\u0081,,,2021,\r\n".encode("latin-1")
    upload = read_upload(data, name="Positions.csv")
    assert upload.notes == [
        "Positions.csv is not UTF-8 text; it was read as Latin-1. Check that accented letters "
        "look right below before you import."
    ]
    assert upload.document["jobs"][0]["employer"] == "Café"


@pytest.mark.parametrize("written", ["Jan 2020", "January 2020", "jan 2020", "Sept 2020", "2020"])
def test_linkedin_dates_are_read_as_the_first_of_the_month(written):
    data = POSITIONS_HEADER + f"Acme,Clerk,,,{written},\r\n".encode()
    document = read_upload(data, name="Positions.csv").document
    assert document["jobs"][0]["started_on"][:4] == "2020"
    assert document["jobs"][0]["started_on"].endswith("-01")


def test_problems_point_at_the_row_and_column_of_the_csv(owner_client, owner):
    data = POSITIONS_HEADER + (
        b"Acme,Clerk,,,Spring 2020,\r\n"
        b"Acme,,,,Jan 2020,\r\n"
        b"Acme,Manager,,,Mar 2021,Jan 2021\r\n"
        b"Acme,Astronaut,,,Jan 2099,\r\n"
    )
    response = upload(owner_client, data, "Positions.csv")
    assert problems_shown(response) == [
        "Positions.csv, row 2, Started On: “Spring 2020” is not a date like Jan 2020 or 2020",
        "Positions.csv, row 3, Title: empty",
        "Positions.csv, row 4, Finished On: before Started On",
        "Positions.csv, row 5, Started On: after today: a job you held starts on or before "
        "today (is it an offer?)",
    ]
    assert rows_of(owner) == NOTHING


def test_a_csv_without_its_columns_is_named():
    with pytest.raises(Rejected) as raised:
        read_upload(zipped({"Positions.csv": b"Company,Role\r\nAcme,Clerk\r\n"}))
    assert [str(problem) for problem in raised.value.problems] == [
        "Positions.csv: the first line should name the columns Company Name, Title, "
        "Started On, Finished On"
    ]


def test_notes_above_the_header_are_skipped():
    data = b'Notes:\r\n"This file lists your positions."\r\n\r\n' + sample("Positions.csv")
    assert len(read_upload(data, name="Positions.csv").document["jobs"]) == 3
