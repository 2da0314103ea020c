"""Hostile and broken files: each gets a clear message, never a 500, never a partial import."""

import codecs
import io
import json
import struct
import zipfile

import pytest
from django.urls import reverse

from portability.forms import ImportForm
from portability.models import PendingImport
from portability.problems import Rejected
from portability.reading import MAX_UPLOAD_BYTES, read_file, read_upload
from portability.uploads import SizeLimitedUpload
from tests.accounts.helpers import (
    NOTHING,
    as_json,
    document,
    job,
    problems_shown,
    rows_of,
    sample,
    text_of,
    upload,
    zipped,
)

pytestmark = pytest.mark.django_db


def refused(data, name="file.json"):
    """The problems read_upload finds, as the person reads them."""
    with pytest.raises(Rejected) as raised:
        read_upload(data, name=name)
    return [str(problem) for problem in raised.value.problems]


def patched(archive, offsets):
    """The archive with bytes overwritten in every local and central header of its members.

    `offsets` maps (header signature, offset) → the bytes to put there.
    """
    data = bytearray(archive)
    for (signature, offset), value in offsets.items():
        start = 0
        while (found := data.find(signature, start)) != -1:
            data[found + offset : found + offset + len(value)] = value
            start = found + 4
    return bytes(data)


LOCAL, CENTRAL = b"PK\x03\x04", b"PK\x01\x02"

# Each hostile file, and the first problem the person is told about.
HOSTILE = {
    "not JSON": (b'{"format": "bearing-export", "version": 1,', "This file is not valid JSON"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Bearing cannot read this file."),
    "empty": (b"   \n", "The file is empty."),
    "a list": (b"[1, 2]", "This JSON file holds a list, not a Bearing export"),
    "neither": (b'{"name": "x"}', "This JSON is neither a Bearing export"),
    "wrong format": (
        as_json({"format": "trello-export", "version": 1}),
        "format: expected “bearing-export”, got “trello-export”",
    ),
    "no format": (
        as_json({"version": 1, "jobs": []}),
        'format: missing: a Bearing export starts with "format": "bearing-export"',
    ),
    "wrong version": (
        as_json({"format": "bearing-export", "version": 2}),
        "version: this Bearing reads version 1 files; this file is version 2",
    ),
    "version as text": (
        as_json({"format": "bearing-export", "version": "1"}),
        "version: expected the whole number 1, got “1”",
    ),
    "NaN": (
        b'{"format": "bearing-export", "version": 1, "jobs": [{"hours_per_week": NaN}]}',
        "This file is not valid JSON: NaN is not a number JSON allows.",
    ),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "a huge number": (
        b'{"format": "bearing-export", "version": ' + b"1" * 5000 + b"}",
        "This file is not valid JSON",
    ),
    "JSON in Windows-1252": (
        '{"format": "bearing-export", "version": 1, "skills": ["Café"]}'.encode("cp1252"),
        "This JSON file is not UTF-8 text",
    ),
    "a broken ZIP": (b"PK\x03\x04" + b"\x00" * 40, "This ZIP archive cannot be read"),
    "a ZIP of something else": (
        zipped({"photos/ring.jpg": b"\xff\xd8\xff", "notes.txt": b"hello"}),
        "This ZIP archive holds none of the files Bearing reads (Positions.csv, "
        "Volunteering.csv, Skills.csv, Education.csv, Certifications.csv or Courses.csv).",
    ),
    "an Excel workbook": (
        zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        "This is a spreadsheet workbook (Excel or LibreOffice), which Bearing does not read "
        "directly: save it as CSV (“CSV UTF-8” in Excel) and upload that file.",
    ),
    "a LibreOffice spreadsheet": (
        zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b""}),
        "This is a spreadsheet workbook (Excel or LibreOffice)",
    ),
    "a ZIP with ../": (
        zipped({"../Positions.csv": sample("Positions.csv")}),
        "This archive holds a file with an unsafe path, “../Positions.csv”; it was not read.",
    ),
    "a ZIP with ../ elsewhere": (
        zipped({"Positions.csv": sample("Positions.csv"), "a/../../x": b"x"}),
        "This archive holds a file with an unsafe path, “a/../../x”",
    ),
    "a ZIP with an absolute path": (
        zipped({"/etc/Positions.csv": sample("Positions.csv")}),
        "unsafe path, “/etc/Positions.csv”",
    ),
    "a ZIP with a Windows drive": (
        zipped({"C:\\Users\\Positions.csv": sample("Positions.csv")}),
        "unsafe path, “C:\\Users\\Positions.csv”",
    ),
    "a ZIP bomb": (
        zipped(
            {"Positions.csv": b"Company Name,Title,Started On,Finished On\r\n" + b"0" * 4_000_000}
        ),
        "Positions.csv is compressed more than 100 to 1, as a ZIP bomb is; it was not read.",
    ),
    "a ZIP too large unpacked": (
        zipped({"Skills.csv": b"Name\r\n" + b"x" * (6 * 1024 * 1024)}),
        "Skills.csv is too large once unpacked; it was not read.",
    ),
    "a ZIP that lies about its sizes": (
        patched(
            zipped({"Skills.csv": b"Name\r\n" + b"Juggling\r\n" * 50_000}),
            {(LOCAL, 22): struct.pack("<I", 100), (CENTRAL, 24): struct.pack("<I", 100)},
        ),
        "Skills.csv cannot be unpacked: the archive is damaged.",
    ),
    "a ZIP with a password": (
        patched(
            zipped({"Skills.csv": b"Name\r\nJuggling\r\n"}),
            {(LOCAL, 6): b"\x01", (CENTRAL, 8): b"\x01"},
        ),
        "Skills.csv is protected by a password",
    ),
    "a ZIP holding Positions.csv twice": (
        zipped({"a/Positions.csv": sample("Positions.csv"), "b/positions.csv": b""}),
        "This archive holds Positions.csv twice",
    ),
    "a CSV of something else": (
        b"Guest,Table,Dish\r\nAna,4,Paella\r\n",
        "Bearing cannot tell what this file holds: none of its columns (Guest, Table, Dish) is "
        "named like a job's title, employer or dates. A spreadsheet of jobs needs a first row "
        "that names its columns, such as Title, Employer, From, To.",
    ),
    "LinkedIn's Connections.csv alone": (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        b"Ana,Ruiz,,,Iron Hall,Coach,12 Mar 2025\r\n",
        "This is LinkedIn's Connections.csv, which Bearing has no place for. Upload the whole "
        "archive (Bearing reads what it can use and names the rest), or Positions.csv,",
    ),
    "prose, not a table": (b"Dear Bearing,\nhere are my jobs.\n", "Bearing cannot read this file."),
    "a spreadsheet too wide": (
        b"Title," + b",".join(b"c%d" % n for n in range(150)) + b"\r\nWaiter\r\n",
        "This file has 151 columns in row 1; Bearing reads at most 100.",
    ),
    "a spreadsheet too long": (
        b"Title,From\r\n" + b"Waiter,2020\r\n" * 5002,
        "This file has more than 5000 rows; Bearing imports at most 5000 at once.",
    ),
    "a CSV with NUL bytes": (b"Name\r\nJug\x00gling\r\n", "Bearing cannot read this file."),
    "a CSV with a field beyond csv's limit": (
        b"Name\r\n" + b"x" * 200_000 + b"\r\n",
        "This file is not a readable CSV file (field larger than field limit (131072)).",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_is_refused_with_a_clear_message(case):
    data, message = HOSTILE[case]
    problems = refused(data)
    assert any(message in problem for problem in problems), problems


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_upload_shows_the_problem_and_saves_nothing(owner_client, owner, case):
    data, message = HOSTILE[case]
    response = upload(owner_client, data, "upload.bin")
    assert response.status_code == 200
    assert any(message in problem for problem in problems_shown(response))
    assert rows_of(owner) == NOTHING
    assert not PendingImport.objects.live().filter(owner=owner).exists()


# --- Every level refuses what it does not know ---------------------------------------------


def full_document(**extra_by_level):
    """A document with one entry at every level; `extra_by_level` adds a key at a level."""
    doc = document(
        profile={"currency": "EUR"},
        skills=["Juggling"],
        directions=[
            {
                "key": "d1",
                "title": "Clown",
                "target_skills": [{"skill": "Juggling", "importance": 3}],
                "values": [{"value": "fulfillment", "weight": 3}],
            }
        ],
        goals=[{"key": "g1", "direction": "d1", "title": "First show"}],
        learning=[{"key": "l1", "title": "Circus school", "skills": ["Juggling"]}],
        contacts=[{"key": "c1", "name": "Ana"}],
        jobs=[job(skills=[{"skill": "Juggling", "gained": True}], goals=["g1"], contacts=["c1"])],
    )
    places = {
        "top": doc,
        "profile": doc["profile"],
        "direction": doc["directions"][0],
        "target skill": doc["directions"][0]["target_skills"][0],
        "value": doc["directions"][0]["values"][0],
        "goal": doc["goals"][0],
        "learning": doc["learning"][0],
        "contact": doc["contacts"][0],
        "job": doc["jobs"][0],
        "job skill": doc["jobs"][0]["skills"][0],
    }
    for level, extra in extra_by_level.items():
        places[level.replace("_", " ")].update(extra)
    return doc


def test_the_full_document_is_itself_accepted():
    upload = read_upload(as_json(full_document()))
    assert upload.document["jobs"][0]["goals"] == ["g1"]


@pytest.mark.parametrize(
    ("level", "path"),
    [
        ("top", "colour"),
        ("profile", "profile.colour"),
        ("direction", "directions[0].colour"),
        ("target_skill", "directions[0].target_skills[0].colour"),
        ("value", "directions[0].values[0].colour"),
        ("goal", "goals[0].colour"),
        ("learning", "learning[0].colour"),
        ("contact", "contacts[0].colour"),
        ("job", "jobs[0].colour"),
        ("job_skill", "jobs[0].skills[0].colour"),
    ],
)
def test_unknown_keys_are_refused_at_every_level(level, path):
    assert refused(as_json(full_document(**{level: {"colour": "red"}}))) == [f"{path}: unknown key"]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"title": 5}, "jobs[0].title: expected text, got a number"),
        ({"title": None}, "jobs[0].title: missing"),
        ({"title": "   "}, "jobs[0].title: empty"),
        ({"title": "x" * 201}, "jobs[0].title: longer than 200 characters"),
        ({"title": "a\u0000b"}, "jobs[0].title: holds a character that is not text (such as NUL)"),
        ({"description": "\ud800"}, "jobs[0].description: holds a character that is not text"),
        ({"hours_per_week": "25"}, "jobs[0].hours_per_week: expected a number of hours, got text"),
        ({"hours_per_week": 168.5}, "jobs[0].hours_per_week: must be from 0 to 168"),
        ({"hours_per_week": 20.25}, "jobs[0].hours_per_week: at most one decimal place"),
        ({"hours_per_week": True}, "jobs[0].hours_per_week: expected a number of hours"),
        ({"pay_amount": 11.5}, "jobs[0].pay_amount: expected a decimal string such as “11.50”"),
        ({"pay_amount": "-3"}, "jobs[0].pay_amount: below zero"),
        ({"pay_amount": "11,50"}, "jobs[0].pay_amount: “11,50” is not an amount such as “11.50”"),
        ({"pay_amount": "1.505"}, "jobs[0].pay_amount: at most two decimal places"),
        ({"pay_amount": "1" * 11}, "jobs[0].pay_amount: too large (at most 10 digits"),
        ({"currency": "eur"}, "jobs[0].currency: “eur” is not a three-letter code in capitals"),
        (
            {"currency": "XYZ"},
            "jobs[0].currency: “XYZ” is not a currency code: use the ISO 4217 code of the "
            "currency, such as EUR, USD or GBP",
        ),
        ({"benefits": "money"}, "jobs[0].benefits: expected a list, got text"),
        ({"benefits": ["money", "fame"]}, "jobs[0].benefits[1]: “fame” is not one of: money"),
        ({"benefits": ["money", "money"]}, "jobs[0].benefits[1]: “money” is listed twice"),
        ({"skills": [{"skill": "x", "gained": "yes"}]}, "jobs[0].skills[0].gained: expected true"),
        (
            {"skills": [{"skill": "Tap dance"}, {"skill": "tap  DANCE"}]},
            "jobs[0].skills[1]: “tap DANCE” is listed twice",
        ),
        ({"skills": [{"skill": "x" * 101}]}, "jobs[0].skills[0].skill: longer than 100"),
        ({"satisfaction": True}, "jobs[0].satisfaction: expected a whole number from 1 to 5"),
        ({"satisfaction": 4.0}, "jobs[0].satisfaction: expected a whole number from 1 to 5"),
        ({"stage": "maybe"}, "jobs[0].stage: “maybe” is not one of: held, offer"),
        ({"started_on": "15/01/2024"}, "jobs[0].started_on: “15/01/2024” is not a date in the"),
        ({"started_on": "20240115"}, "jobs[0].started_on: “20240115” is not a date in the form"),
        ({"started_on": "2024-02-30"}, "jobs[0].started_on: “2024-02-30” is not a real date"),
        ({"started_on": None}, "jobs[0].started_on: missing: a job you held needs a start date"),
        ({"goals": ["g9"]}, "jobs[0].goals[0]: no goal has the key “g9”"),
        ({"contacts": ["c9"]}, "jobs[0].contacts[0]: no contact has the key “c9”"),
        ({"key": ""}, "jobs[0].key: a key has 1 to 50 characters"),
        ({"key": 1}, "jobs[0].key: expected a key such as “j1”, got a number"),
    ],
)
def test_wrong_values_are_refused_with_their_place(fields, problem):
    problems = refused(as_json(document(jobs=[job(**fields)])))
    assert len(problems) == 1
    assert problems[0].startswith(problem), problems


def test_a_number_too_large_for_a_float_is_refused_as_out_of_range():
    data = b'{"format": "bearing-export", "version": 1, "jobs": [{"key": "j1", "title": "W", '
    data += b'"started_on": "2024-01-15", "hours_per_week": 1e999999999}]}'
    assert refused(data) == ["jobs[0].hours_per_week: must be from 0 to 168"]


def test_an_offer_needs_no_start_date():
    upload = read_upload(as_json(document(jobs=[job(stage="offer", started_on=None)])))
    assert upload.document["jobs"][0]["started_on"] is None


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        (
            document(
                directions=[
                    {"key": "d1", "title": "A"},
                    {"key": "d1", "title": "B", "status": "past"},
                ]
            ),
            "directions[1].key: “d1” is also the key of directions[0]",
        ),
        (
            document(directions=[{"key": "d1", "title": "A"}, {"key": "d2", "title": "B"}]),
            "directions[1].status: directions[0] is current too; only one direction can be current",
        ),
        (
            document(
                directions=[
                    {
                        "key": "d1",
                        "title": "A",
                        "started_on": "2024-05-01",
                        "ended_on": "2024-01-01",
                    }
                ]
            ),
            "directions[0].ended_on: before started_on",
        ),
        (
            document(goals=[{"key": "g1", "title": "A", "direction": "d9"}]),
            "goals[0].direction: no direction has the key “d9”",
        ),
        (
            document(goals=[{"key": "g1", "title": "A", "status": "achieved"}]),
            "goals[0].achieved_on: missing: an achieved goal needs the date",
        ),
        (
            document(goals=[{"key": "g1", "title": "A", "priority": 4}]),
            "goals[0].priority: must be from 1 to 3",
        ),
        (
            document(
                learning=[
                    {
                        "key": "l1",
                        "title": "A",
                        "started_on": "2024-05-01",
                        "completed_on": "2024-01-01",
                    }
                ]
            ),
            "learning[0].completed_on: before started_on",
        ),
        (
            document(learning=[{"key": "l1", "title": "A", "kind": "bootcamp"}]),
            "learning[0].kind: “bootcamp” is not one of: degree, course, certificate, self_study",
        ),
        (
            document(contacts=[{"key": "c1"}]),
            "contacts[0].name: missing",
        ),
        (document(skills=["Juggling", "JUGGLING"]), "skills[1]: “JUGGLING” is listed twice"),
        (document(skills=[""]), "skills[0]: empty"),
        (document(jobs={}), "jobs: expected a list, got an object"),
        (document(jobs=[[]]), "jobs[0]: expected an object, got a list"),
        (document(jobs=[job()] * 5001), "jobs: more than 5000 entries"),
        ({**document(), "profile": {"currency": "euro"}}, "profile.currency: “euro” is not"),
        (
            {**document(), "profile": {"currency": "XYZ"}},
            "profile.currency: “XYZ” is not a currency",
        ),
        ({**document(), "profile": {}}, "profile.currency: missing"),
    ],
)
def test_cross_checks_are_refused_with_their_place(doc, problem):
    problems = refused(as_json(doc))
    assert any(found.startswith(problem) for found in problems), problems


def test_a_key_written_twice_in_one_object_is_refused():
    data = b'{"format": "bearing-export", "version": 1, "jobs": [{"key": "j1", '
    data += b'"title": "Waiter", "title": "Cook", "started_on": "2024-01-15"}]}'
    assert refused(data) == ["jobs[0].title: appears twice in the same object"]


def test_the_list_of_problems_is_capped_but_counts_the_rest():
    doc = document(jobs=[job(f"j{n}", ended_on="2000-01-01") for n in range(150)])
    with pytest.raises(Rejected) as raised:
        read_upload(as_json(doc))
    assert len(raised.value.problems) == 100
    assert raised.value.more == 50


def test_json_in_utf16_or_with_a_bom_is_read():
    text = json.dumps(document(skills=["Café"]), ensure_ascii=False)
    for data in (codecs.BOM_UTF8 + text.encode(), text.encode("utf-16")):
        assert read_upload(data).document["skills"] == ["Café"]


# --- Size: refused before it is read ----------------------------------------------------------


class Unreadable(io.BytesIO):
    def read(self, *args):
        raise AssertionError("the file was read")


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(Rejected, match="larger than 5 MB"):
        read_file(Unreadable(), size=MAX_UPLOAD_BYTES + 1)


def test_a_file_larger_than_it_said_is_refused_without_reading_past_the_limit():
    file = io.BytesIO(b"x" * (MAX_UPLOAD_BYTES + 10))
    with pytest.raises(Rejected, match="larger than 5 MB"):
        read_file(file, size=10)
    assert file.tell() == MAX_UPLOAD_BYTES + 1


@pytest.mark.parametrize("size", [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES + 200_000])
def test_a_huge_upload_is_refused_with_a_clear_message(owner_client, owner, size):
    response = upload(owner_client, b" " * size, "huge.json")
    assert response.status_code == 200
    assert "This file is larger than 5 MB, the most Bearing reads at once." in text_of(response)
    assert rows_of(owner) == NOTHING


def test_the_upload_handler_stops_reading_past_the_limit(rf):
    handler = SizeLimitedUpload()
    handler.new_file("file", "huge.json", "application/json", None)
    handler.receive_data_chunk(b"x" * MAX_UPLOAD_BYTES, 0)
    from django.core.files.uploadhandler import StopUpload

    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x", MAX_UPLOAD_BYTES)
    assert handler.too_large


def test_the_upload_handler_does_not_read_a_body_announced_too_large():
    handler = SizeLimitedUpload()
    post, files = handler.handle_raw_input(
        io.BytesIO(), {}, MAX_UPLOAD_BYTES + 100_000, b"boundary"
    )
    assert handler.too_large
    assert not post and not files


def test_the_form_refuses_a_file_that_says_it_is_too_large(owner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("x.json", b"{}")
    file.size = MAX_UPLOAD_BYTES + 1
    form = ImportForm(data={}, files={"file": file}, user=owner)
    assert not form.is_valid()
    [error] = form.errors["file"]
    assert error.startswith("This file is larger than 5 MB, the most Bearing reads at once.")
    assert "manage.py import_data USERNAME FILE --large" in error  # the way to import it


def test_an_import_checks_csrf(client, owner):
    client = type(client)(enforce_csrf_checks=True)
    client.force_login(owner)
    response = upload(client, as_json(document(jobs=[job()])))
    assert response.status_code == 403
    assert rows_of(owner) == NOTHING
    assert reverse("account_import")  # the URL exists; only the token was missing


def test_zip_bomb_check_reads_nothing_of_the_member(monkeypatch):
    data = HOSTILE["a ZIP bomb"][0]
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: opened.append(args))
    refused(data)
    assert opened == []


def test_a_spreadsheet_with_huge_column_names_is_shown_briefly(owner_client):
    name = "Title" + "x" * 100_000
    response = upload(owner_client, f"Title,From,{name}\r\nWaiter,2020,x\r\n".encode(), "j.csv")
    assert response.status_code == 302
    preview = owner_client.get(reverse("account_import_preview"))
    assert len(preview.content) < 100_000
    assert "Column C: Titlexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" in text_of(preview)
