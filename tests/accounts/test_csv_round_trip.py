"""Bearing's own export.csv comes back exactly: export, import into an empty account, export
again, and the file is the same, byte for byte.

`samples/spreadsheet-export.csv` is such an export, made by Bearing from an account with the
cells that are hardest to carry: a title that would run as a formula, one that already looks
escaped, a description over two lines with quotes and leading spaces, a skill with a comma in
its name, two goals of the same title linked to one job, an offer without dates.
"""

import itertools
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, assume, given, settings

from careers.models import CareerGoal
from core.words import clean_name
from demo.elena import load_demo
from portability.document import validate
from portability.export import jobs_csv, spreadsheet_safe, unescape_cell
from portability.merge import apply_import
from portability.reading import read_upload
from tests.accounts.helpers import problems_shown, sample, upload
from tests.helpers import histories

pytestmark = pytest.mark.django_db

people = itertools.count()


def exported(client):
    return client.get(reverse("account_export_csv")).content


def imported(client, data):
    """Upload a spreadsheet, confirm its preview as it comes."""
    response = upload(client, data, "jobs.csv")
    assert response.status_code == 302, problems_shown(response)
    preview = client.get(reverse("account_import_preview"))
    assert preview.context["plan"] is not None, problems_shown(preview)
    return client.post(
        reverse("account_import_confirm"),
        {"token": preview.context["token"], "matching": preview.context["matching_version"]},
    )


def test_the_sample_export_comes_back_byte_for_byte(owner_client, owner):
    data = sample("spreadsheet-export.csv")
    imported(owner_client, data)
    assert exported(owner_client) == data
    # Two goals of one title, both linked to the waiter's job, came back as two goals.
    assert CareerGoal.objects.filter(owner=owner, title="Save for the fees").count() == 2


def test_the_demo_persona_moves_through_the_spreadsheet_exactly(client, owner):
    elena = load_demo()
    client.force_login(elena)
    first = exported(client)
    client.force_login(owner)
    imported(client, first)
    assert exported(client) == first


def test_the_command_line_brings_the_spreadsheet_back_exactly(owner, tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_bytes(sample("spreadsheet-export.csv"))
    call_command("import_data", "owner", str(path))
    assert ("\ufeff" + jobs_csv(owner)).encode() == sample("spreadsheet-export.csv")


@pytest.mark.parametrize(
    "value", ["=SUM(A1)", "'=x", "''=x", "-3", "@boss", "\tx", "'Tis", "'", "plain", ""]
)
def test_a_cell_kept_from_running_as_a_formula_reads_back_as_it_was(value):
    assert unescape_cell(spreadsheet_safe(value)) == value


def test_a_job_whose_only_text_is_name_is_not_taken_for_linkedins_skills(owner):
    """A data row with one cell "Name" under Bearing's header once read as LinkedIn's
    Skills.csv, and the import lost the job."""
    job = {"key": "j1", "title": "0", "started_on": "2000-01-01", "avoid": "Name"}
    history = {"format": "bearing-export", "version": 1, "jobs": [job]}
    apply_import(user=owner, document=validate(history))
    data = ("\ufeff" + jobs_csv(owner)).encode()
    sheet = read_upload(data, name="jobs.csv")
    second = User.objects.create(username="csv-name")
    apply_import(user=second, document=sheet.checked(currency="EUR"), by_name=sheet.by_name)
    assert ("\ufeff" + jobs_csv(second)).encode() == data


def names_travel(history):
    """Whether the names a spreadsheet lists travel in it: each list cell joins them with
    "; ", so a name holding "; " once its white space is made plain cannot (";\x1f0" is
    saved as "; 0"; the JSON export carries it)."""
    goals = [goal["title"] for goal in history["goals"]]
    contacts = [contact["name"] for contact in history["contacts"]]
    names = [*history["skills"], *goals, *contacts]
    return not any("; " in clean_name(name) for name in names)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories())
def test_any_history_comes_back_from_its_export_csv_exactly(db, history):
    assume(names_travel(history))
    first = User.objects.create(username=f"csv-{next(people)}")
    apply_import(user=first, document=validate(json.loads(json.dumps(history))))
    data = ("\ufeff" + jobs_csv(first)).encode()

    sheet = read_upload(data, name="jobs.csv")
    second = User.objects.create(username=f"csv-{next(people)}")
    apply_import(user=second, document=sheet.checked(currency="EUR"), by_name=sheet.by_name)
    assert ("\ufeff" + jobs_csv(second)).encode() == data
