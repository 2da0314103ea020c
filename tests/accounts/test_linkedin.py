"""LinkedIn's data archive, read as real archives are written, and each of its CSV files alone.

The corpus in samples/ is shaped like the archives people have published: `linkedin-present/`
(current positions written "Present"), `linkedin-spaces/` (a space before quoted fields),
`linkedin-untidy/` (a BOM, reordered and extra columns, full month names, names that differ
only in case, a blank line), `linkedin-unclear/` (what cannot be read, row by row), and
`linkedin-full/` (every kind of file an archive holds, zipped by the tests).
"""

import codecs
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.models import Learning, Skill
from jobs.models import Job
from portability.problems import Rejected
from portability.reading import read_upload
from tests.accounts.helpers import (
    NOTHING,
    folder_archive,
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


def positions(upload):
    return [
        (job["title"], job["employer"], job["started_on"], job["ended_on"])
        for job in upload.document["jobs"]
    ]


def refused(data, name="Positions.csv"):
    with pytest.raises(Rejected) as raised:
        read_upload(data, name=name)
    return [str(problem) for problem in raised.value.problems]


# --- The corpus -----------------------------------------------------------------------------------


def test_present_means_the_position_goes_on_and_months_are_read_whole():
    upload = read_upload(sample("linkedin-present/Positions.csv"), name="Positions.csv")
    assert positions(upload) == [
        ("Ring announcer", "Lucha Libre Club", "2024-03-01", None),
        ("Gym assistant", "Iron Hall", "2023-01-01", None),
        # Aug 2018 to Aug 2018 is the whole month; 2016 to 2017 the whole two years.
        ("Waiter", "Rosa's Diner", "2018-08-01", "2018-08-31"),
        ("Barista", "Café Central", "2016-01-01", "2017-12-31"),
    ]
    assert upload.notes == ["Not kept, as Bearing has no place for them: Positions.csv's Location."]


def test_a_space_before_a_quoted_field_is_not_part_of_it():
    upload = read_upload(sample("linkedin-spaces/Positions.csv"), name="Positions.csv")
    assert positions(upload) == [
        ("Software Engineer", "Northwind Labs", "2021-12-01", None),
        ("Junior Developer", "Contoso", "2019-06-01", "2021-11-30"),
        ("Intern", "Fabrikam", "2019-01-01", "2019-05-31"),
    ]
    jobs = upload.document["jobs"]
    assert jobs[0]["description"] == "Built the booking flow, the search and the front end"
    assert jobs[1]["description"] == 'Maintained the "legacy" billing app'


def test_a_description_full_of_semicolons_does_not_hide_the_commas_between_cells():
    text = (
        "Company Name,Title,Description,Location,Started On,Finished On\r\n"
        'Iron Hall,Gym assistant,"Coached; lifted; cleaned; opened; closed; taught; '
        'spotted;\r\nsold memberships",Madrid,Jan 2023,Present\r\n'
    )
    upload = read_upload(text.encode(), name="Positions.csv")
    assert positions(upload) == [("Gym assistant", "Iron Hall", "2023-01-01", None)]
    assert upload.document["jobs"][0]["description"].startswith("Coached; lifted;")


def test_an_untidy_export_is_read_bom_reordered_columns_full_months_and_all():
    positions_csv = read_upload(sample("linkedin-untidy/Positions.csv"), name="Positions.csv")
    assert positions(positions_csv) == [
        ("Stage hand", "Teatro Real", "2020-09-01", "2022-03-31"),
        ("Usher", "Teatro Real", "2019-09-01", "2020-08-31"),
        ("Volunteer driver", "Madrid Food Bank", "2015-01-01", None),
    ]
    assert positions_csv.notes == [
        "Not kept, as Bearing has no place for them: Positions.csv's Location and Employment Type."
    ]
    skills = read_upload(sample("linkedin-untidy/Skills.csv"), name="Skills.csv")
    # "public speaking" and "STAGE  PRESENCE" are the skills named before them.
    assert skills.document["skills"] == ["Public Speaking", "Rigging", "Stage presence"]


def test_learning_that_ends_after_today_comes_in_as_still_going():
    upload = read_upload(sample("linkedin-untidy/Education.csv"), name="Education.csv")
    degree, school = upload.document["learning"]
    assert (degree["started_on"], degree["completed_on"]) == ("2015-09-01", "2019-06-30")
    assert (school["title"], school["started_on"], school["completed_on"]) == (
        "Escuela de Lucha Madrid",
        "2024-01-01",
        None,
    )
    assert "Education.csv, row 3 ends in 2030, after today, so it comes in as still going." in (
        upload.notes
    )


def test_only_what_is_truly_unclear_is_refused_each_with_its_row_and_what_to_write():
    assert refused(sample("linkedin-unclear/Positions.csv")) == [
        "Positions.csv, row 2, Started On: “Spring 2020” is not a date Bearing can read: write "
        "it like Jan 2020 or 2020",
        "Positions.csv, row 3, Title: empty: every position needs a title; add it in the file",
        "Positions.csv, row 4, Started On: “Present” is not when it started: write the month it "
        "began, like Jan 2020 or 2020",
        "Positions.csv, row 5, Finished On: before Started On",
        "Positions.csv, row 6, Started On: “03/04/2019” could be read two ways; write the month "
        "in letters, like Jan 2020 or 2020",
        "Positions.csv, row 7, Started On: empty: a job you held needs the month it started, "
        "like Jan 2020 or 2020",
    ]


def test_the_whole_archive_is_read_and_what_bearing_has_no_place_for_is_named(owner_client, owner):
    response = upload(
        owner_client, folder_archive("linkedin-full"), "Complete_LinkedInDataExport.zip"
    )
    assert response.status_code == 302, problems_shown(response)
    text = text_of(owner_client.get(response["Location"]))
    assert (
        "Read from the archive: Positions.csv (3 rows), Skills.csv (4 rows), Education.csv (2 "
        "rows), Certifications.csv (2 rows), Courses.csv (2 rows). Not in it: Volunteering.csv."
        in text
    )
    assert (
        "Skipped, as Bearing has no place for them: Connections.csv, Email Addresses.csv, Job "
        "Applications.csv, Languages.csv, messages.csv, Profile.csv." in text
    )
    assert (
        "Not kept, as Bearing has no place for them: Positions.csv's Location; Education.csv's "
        "Activities; Certifications.csv's Url, Finished On and License Number; Courses.csv's "
        "Number." in text
    )
    assert "This will add 3 jobs, 6 learning entries and 3 new skills." in text
    assert "Ring crew, Lucha Libre Club (Jan 2023 – ongoing)" in text
    assert "3 jobs arrive without what they gave you or which skills they used" in text
    assert rows_of(owner) == NOTHING

    response = owner_client.post(
        reverse("account_import_confirm"),
        {"token": owner_client.get(reverse("account_import_preview")).context["token"]},
    )
    assert response["Location"] == reverse("account_import_complete")
    gym = Job.objects.get(owner=owner, title="Gym assistant")
    assert (gym.started_on, gym.ended_on) == (date(2025, 1, 1), date(2025, 6, 30))
    assert (
        gym.description == "Coached strength sessions.\r\nHelped choreograph the school's showcase."
    )
    assert Job.objects.get(owner=owner, title="Ring crew").ended_on is None
    learning = {entry.title: entry for entry in Learning.objects.filter(owner=owner)}
    certificate = learning["Food Handler Certificate"]
    assert (certificate.kind, certificate.provider, certificate.completed_on) == (
        "certificate",
        "Comunidad de Madrid",
        date(2024, 3, 31),  # issued in March 2024: done by its end
    )
    assert (learning["Stage combat basics"].kind, learning["Stage combat basics"].completed_on) == (
        "course",
        None,
    )
    assert learning["Bachelor of Arts - BA"].completed_on == date(2019, 12, 31)
    assert sorted(Skill.objects.filter(owner=owner).values_list("name", flat=True)) == [
        "Customer service",
        "Public speaking",
        "Stage presence",
    ]


def test_the_whole_archive_takes_the_same_path_on_the_command_line(owner, tmp_path, capsys):
    path = tmp_path / "Complete_LinkedInDataExport.zip"
    path.write_bytes(folder_archive("linkedin-full"))
    call_command("import_data", "owner", str(path))
    out = capsys.readouterr().out
    assert "Skipped, as Bearing has no place for them: Connections.csv" in out
    assert (
        "Added from the LinkedIn data archive: 3 jobs, 6 learning entries and 3 new skills." in out
    )
    assert "3 of the jobs say nothing yet of what they gave or which skills they used" in out
    assert Job.objects.filter(owner=owner).count() == 3


def test_volunteering_becomes_volunteer_jobs():
    data = (
        b"Company Name,Role,Cause,Started On,Finished On,Description\r\n"
        b"Madrid Food Bank,Driver,Poverty Alleviation,Mar 2022,Present,Weekend deliveries.\r\n"
    )
    job = read_upload(data, name="Volunteering.csv").document["jobs"][0]
    assert (job["title"], job["employment_type"], job["started_on"], job["ended_on"]) == (
        "Driver",
        "volunteer",
        "2022-03-01",
        None,
    )


def test_the_preview_says_the_kind_of_work_each_job_comes_in_as(owner_client, owner):
    archive = zipped(
        {
            "Positions.csv": sample("Positions.csv"),
            "Volunteering.csv": b"Company Name,Role,Cause,Started On,Finished On,Description\r\n"
            b"Madrid Food Bank,Driver,Poverty Alleviation,Mar 2022,Present,Weekends.\r\n",
        }
    )
    response = upload(owner_client, archive, "Basic_LinkedInDataExport.zip")
    text = text_of(owner_client.get(response["Location"]))
    assert (
        "Kind of work: 3 full time and 1 volunteer. Where the file does not say, a job comes in "
        "as full time: change any that is wrong on the job's page after the import." in text
    )
    owner_client.post(
        reverse("account_import_confirm"),
        {"token": owner_client.get(reverse("account_import_preview")).context["token"]},
    )
    assert Job.objects.get(owner=owner, title="Driver").employment_type == "volunteer"
    assert Job.objects.get(owner=owner, title="Waiter").employment_type == "full_time"


@pytest.mark.parametrize(
    "name",
    ["Connections.csv", "Profile.csv", "messages.csv", "Languages.csv", "Email Addresses.csv"],
)
def test_a_file_bearing_has_no_place_for_is_named_when_uploaded_alone(name):
    [problem] = refused(sample(f"linkedin-full/{name}"), name=name)
    assert problem.startswith(f"This is LinkedIn's {name}, which Bearing has no place for.")


# --- The archive as it comes ----------------------------------------------------------------------


def test_a_person_brings_their_linkedin_history_in_with_one_upload(owner_client, owner):
    response = upload(owner_client, linkedin_archive(), "Basic_LinkedInDataExport.zip")
    assert response.status_code == 302
    response = owner_client.get(response["Location"])
    text = text_of(response)
    assert "From a LinkedIn data archive, “Basic_LinkedInDataExport.zip”." in text
    assert (
        "Read from the archive: Positions.csv (3 rows), Skills.csv (3 rows), "
        "Education.csv (2 rows). Not in it: Volunteering.csv, Certifications.csv, Courses.csv."
        in text
    )
    assert "Skipped, as Bearing has no place for them: Connections.csv, Profile.csv." in text
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
    # A start is the first day of its month, an end the last.
    assert (gym.started_on, gym.ended_on) == (date(2025, 1, 1), date(2025, 6, 30))
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
    assert (degree.started_on, degree.completed_on) == (date(2015, 1, 1), date(2019, 12, 31))
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
        "Read from the archive: Positions.csv (3 rows). Not in it: Volunteering.csv, Skills.csv, "
        "Education.csv, Certifications.csv, Courses.csv."
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
    text = "Company Name,Title,Description,Started On,Finished On\r\n"
    text += "Café Müller,Señor waiter,,Mar 2021,Feb 2022\r\n"
    upload = read_upload(prefix + text.encode(encoding), name="Positions.csv")
    job = upload.document["jobs"][0]
    assert (job["employer"], job["title"]) == ("Café Müller", "Señor waiter")
    assert (job["started_on"], job["ended_on"]) == ("2021-03-01", "2022-02-28")
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


@pytest.mark.parametrize(
    ("start", "end", "read"),
    [
        ("Jan 2020", "Mar 2020", ("2020-01-01", "2020-03-31")),
        ("January 2020", "February 2020", ("2020-01-01", "2020-02-29")),
        ("jan 2020", "", ("2020-01-01", None)),
        ("Sept 2020", "Present", ("2020-09-01", None)),
        ("2020", "2021", ("2020-01-01", "2021-12-31")),
        ("2020-03", "2020-04-15", ("2020-03-01", "2020-04-15")),
    ],
)
def test_linkedin_dates_are_read_to_the_month(start, end, read):
    data = POSITIONS_HEADER + f"Acme,Clerk,,,{start},{end}\r\n".encode()
    job = read_upload(data, name="Positions.csv").document["jobs"][0]
    assert (job["started_on"], job["ended_on"]) == read


def test_a_position_ending_later_this_month_keeps_the_months_last_day():
    this_month = date.today().replace(day=1)
    written = this_month.strftime("%b %Y")
    data = POSITIONS_HEADER + f"Acme,Clerk,,,{written},{written}\r\n".encode()
    job = read_upload(data, name="Positions.csv").document["jobs"][0]
    next_month = (this_month + timedelta(days=32)).replace(day=1)
    assert job["ended_on"] == (next_month - timedelta(days=1)).isoformat()


def test_problems_point_at_the_row_and_column_of_the_csv(owner_client, owner):
    data = POSITIONS_HEADER + (
        b"Acme,Clerk,,,Spring 2020,\r\n"
        b"Acme,,,,Jan 2020,\r\n"
        b"Acme,Manager,,,Mar 2021,Jan 2021\r\n"
        b"Acme,Astronaut,,,Jan 2099,\r\n"
    )
    response = upload(owner_client, data, "Positions.csv")
    assert problems_shown(response) == [
        "Positions.csv, row 2, Started On: “Spring 2020” is not a date Bearing can read: write "
        "it like Jan 2020 or 2020",
        "Positions.csv, row 3, Title: empty: every position needs a title; add it in the file",
        "Positions.csv, row 4, Finished On: before Started On",
        "Positions.csv, row 5, Started On: after today: a job you held starts on or before "
        "today (is it an offer?)",
    ]
    assert rows_of(owner) == NOTHING


def test_a_csv_in_the_archive_without_its_columns_is_named():
    with pytest.raises(Rejected) as raised:
        read_upload(zipped({"Positions.csv": b"Company,Role\r\nAcme,Clerk\r\n"}))
    assert [str(problem) for problem in raised.value.problems] == [
        "Positions.csv: the first line should name the columns Company Name, Title, Started On"
    ]


def test_notes_above_the_header_are_skipped():
    data = b'Notes:\r\n"This file lists your positions."\r\n\r\n' + sample("Positions.csv")
    assert len(read_upload(data, name="Positions.csv").document["jobs"]) == 3


def test_columns_are_found_whatever_their_case_and_spacing():
    data = b"company name,TITLE , started  on,Finished on\r\nAcme,Clerk,Mar 2020,Present\r\n"
    assert positions(read_upload(data, name="Positions.csv")) == [
        ("Clerk", "Acme", "2020-03-01", None)
    ]
