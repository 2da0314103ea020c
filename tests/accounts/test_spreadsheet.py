"""A spreadsheet of jobs: columns matched by name, the matching changed in the preview, dates in
their common written forms, and the same path on the command line.

The corpus: `spreadsheet-other-names.csv` (Company, Role, From, To, Salary…: ISO dates,
`06/2019`, `January 2019`, "Present", "72,000"), `spreadsheet-semicolons.csv` (a European
spreadsheet: semicolons, Windows-1252, `01.03.2019`, `2.450,50`, German column names),
`spreadsheet-ambiguous.csv` (only dates like `03/04/2019`, which can be read two ways), and
`spreadsheet-untidy.csv` (a title row above the columns, blank rows, spaces around cells).
"""

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.models import Profile
from careers.models import CareerGoal, Contact, Skill
from jobs.models import Job
from portability import dates
from portability.models import PendingImport
from portability.reading import read_upload
from tests.accounts.helpers import NOTHING, problems_shown, rows_of, sample, text_of, upload
from tests.factories import CareerGoalFactory

pytestmark = pytest.mark.django_db


def preview(client, data, name="jobs.csv"):
    response = upload(client, data, name)
    assert response.status_code == 302, problems_shown(response)
    return client.get(reverse("account_import_preview"))


def choices(response):
    """The matching as the preview's form holds it: {field name: value}."""
    form = response.context["matching_form"]
    values = {name: form[name].value() or "" for name in form.fields}
    return values


def rematch(client, response, **changes):
    """Post the preview's matching form with some columns (by index) or the day order changed."""
    data = choices(response)
    for name, value in changes.items():
        data[name] = value
    return client.post(reverse("account_import_matching"), data)


def confirm(client, response):
    return client.post(
        reverse("account_import_confirm"),
        {"token": response.context["token"], "matching": response.context["matching_version"]},
    )


def first_rows(response):
    """The preview's first rows as text: one string a row."""
    html = response.content.decode()
    table = re.search(r'<table class="[^"]*first-rows">(.*?)</table>', html, re.S).group(1)
    return [
        " | ".join(
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        )
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


# --- Other column names, matched ------------------------------------------------------------------


def test_other_column_names_are_matched_and_the_first_rows_shown_as_they_will_be_saved(
    owner_client, owner
):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"), "my jobs.csv")
    text = text_of(response)
    assert "From a spreadsheet of jobs, “my jobs.csv”. Nothing has been saved yet." in text
    assert choices(response) == {
        "token": response.context["token"],
        "day_order": "",
        "column_0": "employer",
        "column_1": "title",
        "column_2": "started_on",
        "column_3": "ended_on",
        "column_4": "pay_year",
        "column_5": "currency",
        "column_6": "hours_per_week",
        "column_7": "employment_type",
        "column_8": "description",
        "column_9": "",  # Location: Bearing has no place for it
    }
    assert first_rows(response) == [
        "Row | Job title | Employer | Dates | Pay | Employment type | Hours a week | Description",
        "2 | Software Engineer | Northwind Labs | 6 Dec 2021 – ongoing | 72,000.00 USD per year "
        "| Full time | 40 h | Booking flow and search.",
        "3 | Junior Developer | Contoso | 1 Jun 2019 – 30 Nov 2021 | 48,500.00 USD per year | "
        "Full time | 40 h | Billing app; on call one week in six.",
        "4 | Intern | Fabrikam | 1 Jan 2019 – 31 May 2019 | 1,800.00 USD per year | Internship "
        "| 20 h | —",
        "5 | Weekend tutor | Tailspin Toys | 1 Sep 2016 – 31 Dec 2018 | — | Freelance | 6 h | "
        "Maths for two pupils.",
    ]
    assert "This will add 4 jobs." in text
    assert "4 jobs arrive without what they gave you or which skills they used" in text
    assert rows_of(owner) == NOTHING

    response = confirm(owner_client, response)
    assert response["Location"] == reverse("account_import_complete")
    engineer = Job.objects.get(owner=owner, title="Software Engineer")
    assert (engineer.employer, engineer.started_on, engineer.ended_on) == (
        "Northwind Labs",
        date(2021, 12, 6),
        None,
    )
    assert (engineer.pay_amount, engineer.pay_period, engineer.currency) == (
        Decimal("72000.00"),
        "year",
        "USD",
    )
    assert (engineer.hours_per_week, engineer.employment_type) == (Decimal(40), "full_time")
    assert Job.objects.get(owner=owner, title="Intern").employment_type == "internship"


def test_the_matching_is_changed_column_by_column_and_the_rows_follow(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    # "Salary" is a monthly pay in this file, and the location is wanted as the description.
    response = rematch(
        owner_client, response, column_4="pay_month", column_8="", column_9="description"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_import_preview") + "#rows"
    response = owner_client.get(reverse("account_import_preview"))
    assert choices(response)["column_4"] == "pay_month"
    assert first_rows(response)[1].startswith(
        "2 | Software Engineer | Northwind Labs | 6 Dec 2021 – ongoing | 72,000.00 USD per month"
    )
    assert first_rows(response)[1].endswith("| New York")
    confirm(owner_client, response)
    engineer = Job.objects.get(owner=owner, title="Software Engineer")
    assert (engineer.pay_period, engineer.description) == ("month", "New York")


def test_a_field_chosen_twice_is_refused_beside_the_column_and_every_choice_is_kept(
    owner_client, owner
):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    response = rematch(owner_client, response, column_9="title", column_7="")
    assert response.status_code == 200
    text = text_of(response)
    assert (
        "Another column is job title already; each of Bearing's fields takes one column. "
        "Choose another field, or “Not imported”." in text
    )
    # The person's choices are shown as they made them, the wrong one included.
    form = response.context["matching_form"]
    assert (form["column_9"].value(), form["column_7"].value()) == ("title", "")
    html = response.content.decode()
    assert re.search(r'name="column_9"[^>]*>.*?<option value="title" selected>', html, re.S)
    # Nothing was kept, and nothing can be confirmed until the matching is one.
    assert "This matching was not kept." in text
    assert "Yes, import it" not in text
    assert PendingImport.objects.get(owner=owner).matching["columns"][9] == ""
    assert rows_of(owner) == NOTHING


def test_a_matching_without_a_title_or_a_start_says_what_to_choose(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    rematch(owner_client, response, column_1="", column_2="")
    response = owner_client.get(reverse("account_import_preview"))
    assert problems_shown(response) == [
        "No column is the job title: choose the column that holds it below.",
        "No column is the start date: choose the column that holds it below (a job you held "
        "needs one).",
    ]
    assert "Yes, import it" not in text_of(response)


def test_a_matching_changed_in_another_tab_is_not_imported_unseen(owner_client, owner):
    seen = preview(owner_client, sample("spreadsheet-other-names.csv"))
    rematch(owner_client, seen, column_4="pay_month")  # the other tab
    response = confirm(owner_client, seen)
    assert response["Location"] == reverse("account_import_preview")
    assert "The matching of the columns changed since that page was shown" in text_of(
        owner_client.get(response["Location"])
    )
    assert rows_of(owner) == NOTHING


def test_a_matching_for_a_file_no_longer_waiting_is_not_kept(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    data = {**choices(response), "token": "another-token"}
    response = owner_client.post(reverse("account_import_matching"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_import")
    assert "its matching was not kept" in text_of(response)


def test_a_stored_matching_that_does_not_fit_the_table_is_read_safely(owner_client, owner):
    preview(owner_client, sample("spreadsheet-other-names.csv"))
    PendingImport.objects.filter(owner=owner).update(
        matching={"columns": ["title", "colour", 5], "day_first": "yes"}
    )
    response = owner_client.get(reverse("account_import_preview"))
    assert response.status_code == 200
    assert choices(response)["column_1"] == ""
    assert "No column is the start date" in text_of(response)


# --- Dates ----------------------------------------------------------------------------------------


def test_dates_that_can_be_read_two_ways_are_asked_about(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-ambiguous.csv"))
    text = text_of(response)
    assert "Some dates can be read two ways." in text
    assert "Is “03/04/2019” (row 2, Start date) 3 April 2019 or 4 March 2019?" in text
    assert "Yes, import it" not in text
    assert first_rows(response)[1] == (
        "2 | Waiter | Rosa's Diner | “03/04/2019” (day or month first?); “05/06/2020” (day or "
        "month first?)"
    )

    rematch(owner_client, response, day_order="day")
    response = owner_client.get(reverse("account_import_preview"))
    assert first_rows(response)[1:] == [
        "2 | Waiter | Rosa's Diner | 3 Apr 2019 – 5 Jun 2020",
        "3 | Gym assistant | Iron Hall | 1 Feb 2021 – ongoing",
    ]
    rematch(owner_client, response, day_order="month")
    response = owner_client.get(reverse("account_import_preview"))
    assert first_rows(response)[1] == "2 | Waiter | Rosa's Diner | 4 Mar 2019 – 6 May 2020"
    confirm(owner_client, response)
    assert Job.objects.get(owner=owner, title="Waiter").started_on == date(2019, 3, 4)


def test_a_european_spreadsheet_is_read_semicolons_commas_and_all(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-semicolons.csv"), "Stellen.csv")
    text = text_of(response)
    assert (
        "This file is not UTF-8 text; it was read as Windows-1252. Check that accented letters "
        "look right below before you import." in text
    )
    # 15.04.2020 tells that the day comes first; the question stays, answered.
    assert choices(response)["day_order"] == "day"
    assert first_rows(response)[1:] == [
        "2 | Verkäuferin | Bäckerei Müller | 1 Mar 2019 – 15 Apr 2020 | 2,450.50 EUR (period "
        "not said) | 38.5 h",
        "3 | Aushilfe | Café Zentral | 15 May 2020 – ongoing | 1,200.00 EUR (period not said) "
        "| 12 h",
    ]
    confirm(owner_client, response)
    job = Job.objects.get(owner=owner, employer="Bäckerei Müller")
    assert (job.pay_amount, job.hours_per_week) == (Decimal("2450.50"), Decimal("38.5"))


def test_an_untidy_spreadsheet_is_read_from_the_row_that_names_its_columns(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-untidy.csv"))
    assert "Row 3 names the columns; what is above it was skipped." in text_of(response)
    assert first_rows(response)[1:] == [
        "4 | Stage hand | Teatro Real | 1 Sep 2020 – ongoing | Lighting, Rigging",
        "6 | Usher | Teatro Real | 1 Sep 2019 – 31 Aug 2020 | customer service, Lighting",
        "7 | Volunteer driver | Madrid Food Bank | 1 Jan 2015 – 31 Dec 2016 | —",
    ]
    confirm(owner_client, response)
    names = Skill.objects.filter(owner=owner).values_list("name", flat=True)
    assert sorted(names, key=str.casefold) == ["customer service", "Lighting", "Rigging"]
    # A job that names skills it used is described: only the driver needs details.
    assert [job.title for job in Job.objects.filter(owner=owner, skills=None)] == [
        "Volunteer driver"
    ]


def test_every_problem_is_named_by_its_row_and_column_and_nothing_is_saved(owner_client, owner):
    data = (
        b"Role,Company,From,To,Pay,Per,Currency,Hours,Values\r\n"
        b"Waiter,Rosa's,Spring 2020,,11.50,hourly,EUR,25,money\r\n"
        b"Cook,Rosa's,2021-02-01,2020-01-01,lots,,$,200,fame\r\n"
        b",Rosa's,2021,,,fortnight,,,\r\n"
    )
    response = preview(owner_client, data)
    assert problems_shown(response) == [
        "Row 2, From: “Spring 2020” is not a date Bearing can read: write it like Mar 2019, "
        "03/2019 or 2019-03-15",
        "Row 3, Pay: “lots” is not an amount: write it like 11.50",
        "Row 3, Currency: “$” is the sign of several currencies: write its code, such as USD, "
        "CAD or AUD",
        "Row 3, Values: “fame” is not a value Bearing knows: write money, security, "
        "experience, skills, connections, fulfillment, identity, flexible hours or innovation",
        # Each cell is read first, then each value checked, then the row as a whole.
        "Row 3, Hours: must be from 0 to 168",
        "Row 3, To: before From",
        "Row 4, Per: “fortnight” is not a pay period Bearing knows: write per hour, per week, "
        "per month, per year or in total",
        "Row 4, Role: empty: every job needs a title; add it",
    ]
    assert "Yes, import it" not in text_of(response)
    assert rows_of(owner) == NOTHING


# --- Currency ------------------------------------------------------------------------------------

NO_CURRENCY = (
    "Role,Company,From,Salary\r\nWaiter,Rosa's,2020-01,2000\r\nCook,Iron Hall,2021-03,£30k\r\n"
)


def test_pay_without_a_currency_column_is_read_in_the_accounts_currency(owner_client, owner):
    # It was saved with no currency: "2,000 per year", and the pay chart left it out as
    # "another currency".
    Profile.objects.filter(owner=owner).update(currency="CHF")
    response = preview(owner_client, NO_CURRENCY.encode())
    assert (
        "No column is the currency: pay is read as CHF, your account's currency, unless its "
        "cell names another (“45,000 USD”, “€45,000”)." in text_of(response)
    )
    assert first_rows(response)[1:] == [
        "2 | Waiter | Rosa's | 1 Jan 2020 – ongoing | 2,000.00 CHF per year",
        "3 | Cook | Iron Hall | 1 Mar 2021 – ongoing | 30,000.00 GBP per year",
    ]
    confirm(owner_client, response)
    assert dict(Job.objects.filter(owner=owner).values_list("title", "currency")) == {
        "Waiter": "CHF",
        "Cook": "GBP",
    }


def test_a_currency_column_says_nothing_of_the_accounts_currency(owner_client, owner):
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    assert "No column is the currency" not in text_of(response)


def test_dollars_in_an_account_of_another_currency_are_asked_about(owner_client, owner):
    data = b'Role,From,Salary\r\nWaiter,2020-01,"$45,000"\r\n'
    response = preview(owner_client, data)
    assert problems_shown(response) == [
        "Row 2, Salary: “$” is the sign of several currencies, and your account's is EUR: write "
        "the currency's code after the amount (45,000 USD, CAD or AUD), or add a column that "
        "says it"
    ]
    assert (
        first_rows(response)[1]
        == "2 | Waiter | — | 1 Jan 2020 – ongoing | 45,000.00 $: which dollars?"
    )
    assert "Yes, import it" not in text_of(response)


def test_three_letters_that_are_no_currency_are_refused_at_their_cell(owner_client, owner):
    data = b"Role,From,Salary,Currency\r\nWaiter,2020-01,2000,XYZ\r\n"
    response = preview(owner_client, data)
    assert problems_shown(response) == [
        "Row 2, Currency: “XYZ” is not a currency code: use the three-letter ISO 4217 code of "
        "the currency, such as EUR, USD or GBP"
    ]
    assert rows_of(owner) == NOTHING


def test_an_account_whose_currency_is_no_currency_is_told_to_choose_one(owner_client, owner):
    # Set before the settings took ISO codes only.
    Profile.objects.filter(owner=owner).update(currency="XYZ")
    response = preview(owner_client, b"Role,From,Salary\r\nWaiter,2020-01,2000\r\n")
    assert problems_shown(response) == [
        "Some pay names no currency, and your account's, “XYZ”, is not a currency code: choose "
        "yours in your account's settings, or add a column that says the currency."
    ]


def test_the_command_says_in_which_currency_pay_is_read(owner, tmp_path, capsys):
    path = tmp_path / "jobs.csv"
    path.write_bytes(b"Role,From,Salary\r\nWaiter,2020-01,2000\r\n")
    call_command("import_data", "owner", str(path))
    assert "No column is the currency: pay is read as EUR" in capsys.readouterr().out
    assert Job.objects.get(owner=owner).currency == "EUR"


# --- Goals and contacts by name -------------------------------------------------------------------


def test_goals_and_contacts_are_named_and_those_the_person_has_are_meant(owner_client, owner):
    school = CareerGoalFactory(owner=owner, title="Join a wrestling school")
    data = (
        b"Title,Employer,Start,Goals,People met\r\n"
        b"Gym assistant,Iron Hall,2025-01,join a wrestling school; Save for the fees,Marco\r\n"
        b"Waiter,Rosa's,2024-01,Save for the fees,\r\n"
    )
    response = preview(owner_client, data)
    text = text_of(response)
    assert "This will add 2 jobs, 1 goal and 1 contact." in text
    assert "Not added again: join a wrestling school." in text
    confirm(owner_client, response)
    assert sorted(CareerGoal.objects.filter(owner=owner).values_list("title", flat=True)) == [
        "Join a wrestling school",
        "Save for the fees",
    ]
    gym = Job.objects.get(owner=owner, title="Gym assistant")
    assert set(gym.goals.all()) == {school, CareerGoal.objects.get(title="Save for the fees")}
    assert [contact.name for contact in gym.contacts.all()] == ["Marco"]
    assert Contact.objects.filter(owner=owner).count() == 1


def test_importing_the_same_spreadsheet_twice_adds_nothing_the_second_time(owner_client, owner):
    confirm(owner_client, preview(owner_client, sample("spreadsheet-other-names.csv")))
    response = preview(owner_client, sample("spreadsheet-other-names.csv"))
    assert "Nothing new in this file" in text_of(response)
    assert Job.objects.filter(owner=owner).count() == 4


# --- Reading cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("2019-03-04", "2019-03-04", "2019-03-04"),
        ("2019-03", "2019-03-01", "2019-03-31"),
        ("03/2019", "2019-03-01", "2019-03-31"),
        ("3-2019", "2019-03-01", "2019-03-31"),
        ("March 2019", "2019-03-01", "2019-03-31"),
        ("Mar 2019", "2019-03-01", "2019-03-31"),
        ("Mar-19", "2019-03-01", "2019-03-31"),
        ("2019", "2019-01-01", "2019-12-31"),
        ("4 March 2019", "2019-03-04", "2019-03-04"),
        ("March 4, 2019", "2019-03-04", "2019-03-04"),
        ("04-Mar-2019", "2019-03-04", "2019-03-04"),
        ("25/03/2019", "2019-03-25", "2019-03-25"),
        ("03/25/2019", "2019-03-25", "2019-03-25"),
        ("2019-03-04 00:00:00", "2019-03-04", "2019-03-04"),
        ("Feb 2020", "2020-02-01", "2020-02-29"),
    ],
)
def test_dates_are_read_in_their_common_written_forms(written, start, end):
    read = dates.read(written)
    assert (read.first().isoformat(), read.last().isoformat()) == (start, end)


@pytest.mark.parametrize("written", ["03/04/2019", "3/4/19", "03.04.2019"])
def test_day_and_month_as_small_numbers_need_their_order(written):
    with pytest.raises(dates.Ambiguous):
        dates.read(written)
    assert dates.read(written, day_first=True).first() == date(2019, 4, 3)
    assert dates.read(written, day_first=False).first() == date(2019, 3, 4)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("Spring 2020", "is not a date Bearing can read"),
        ("31/02/2019", "is not a real date"),
        ("13/2019", "is not a real date"),
        ("2019-13", "is not a real date"),
    ],
)
def test_what_is_no_date_says_why(written, reason):
    with pytest.raises(dates.Unreadable, match=reason):
        dates.read(written)


@pytest.mark.parametrize("written", ["Present", "present", "Current", "Now", "ongoing", ""])
def test_present_or_blank_ends_nothing(written):
    data = f"Title,From,To\r\nWaiter,2020,{written}\r\n".encode()
    assert read_upload(data).build(currency="EUR").document["jobs"][0]["ended_on"] is None


@pytest.mark.parametrize(
    ("pay", "amount", "currency"),
    [
        ("11.50", "11.50", "CAD"),
        ("11,50", "11.50", "CAD"),
        ("45,000", "45000.00", "CAD"),
        ("45.000", "45000.00", "CAD"),
        ("1.200,50", "1200.50", "CAD"),
        ("1,200.50", "1200.50", "CAD"),
        ("€ 2.450,50", "2450.50", "EUR"),
        ("£30k", "30000.00", "GBP"),
        ("52000 CHF", "52000.00", "CHF"),
        ("$45,000", "45000.00", "CAD"),
    ],
)
def test_pay_is_read_as_written(pay, amount, currency):
    # Pay that names no currency is in the account's (CAD here), a "$" too when the
    # account's currency is written with one.
    data = f'Title,From,Pay\r\nWaiter,2020,"{pay}"\r\n'.encode()
    job = read_upload(data).build(currency="CAD").document["jobs"][0]
    assert (job["pay_amount"], job["currency"]) == (amount, currency)


def test_employment_types_schedules_and_ratings_are_read_by_their_words():
    data = (
        b"Title,From,Type,Schedule,Stage,Satisfaction,Fit,Values\r\n"
        b"Waiter,2020,Part-time,Shift work,held,4/5,3,Money; Flexible hours\r\n"
        b"Coach,,self-employed,flexi,Offer,5 out of 5,2.0,skills\r\n"
    )
    jobs = read_upload(data).build(currency="EUR").document["jobs"]
    assert [
        (job["employment_type"], job["schedule"], job["stage"], job["satisfaction"]) for job in jobs
    ] == [("part_time", "shifts", "held", 4), ("freelance", "flexible", "offer", 5)]
    assert [job["identity_fit"] for job in jobs] == [3, 2]
    assert jobs[0]["benefits"] == ["money", "flexibility"]


def test_a_title_row_a_header_in_brackets_or_other_languages_is_matched():
    data = b"Puesto;Empresa;Desde;Hasta\r\nCamarero;Casa Pepe;05/2018;09/2019\r\n"
    upload = read_upload(data)
    assert upload.matching["columns"] == ["title", "employer", "started_on", "ended_on"]
    data = b"Start Date (dd/mm/yyyy),Job title\r\n03/04/2019,Waiter\r\n"
    assert read_upload(data).matching["day_first"] is True


# --- The command line -----------------------------------------------------------------------------


def test_the_command_reads_a_spreadsheet_with_the_matching_it_proposes(owner, tmp_path, capsys):
    path = tmp_path / "jobs.csv"
    path.write_bytes(sample("spreadsheet-other-names.csv"))
    call_command("import_data", "owner", str(path), "--columns", "Salary=pay_month,Location=ignore")
    out = capsys.readouterr().out
    assert "Columns:\n  Company → Employer\n  Role → Job title\n" in out
    assert "  Salary → Pay per month\n" in out
    assert "  Location → not imported\n" in out
    assert "Added from the spreadsheet of jobs: 4 jobs." in out
    assert Job.objects.get(owner=owner, title="Intern").pay_period == "month"


def test_the_command_needs_the_order_of_ambiguous_dates(owner, tmp_path, capsys):
    path = tmp_path / "jobs.csv"
    path.write_bytes(sample("spreadsheet-ambiguous.csv"))
    with pytest.raises(CommandError) as raised:
        call_command("import_data", "owner", str(path))
    assert str(raised.value).splitlines() == [
        f"{path} cannot be imported; nothing was saved.",
        "  “03/04/2019” (row 2, Start date) could be 3 April 2019 or 4 March 2019: say whether "
        "the day or the month comes first.",
        "  Change the matching with --columns, or say how dates are written with --day-first "
        "or --month-first.",
    ]
    assert rows_of(owner) == NOTHING
    call_command("import_data", "owner", str(path), "--day-first")
    assert Job.objects.get(owner=owner, title="Waiter").started_on == date(2019, 4, 3)


def test_the_command_names_a_column_it_does_not_have(owner, tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_bytes(sample("spreadsheet-other-names.csv"))
    with pytest.raises(CommandError, match="--columns: this file has no column “Wage”"):
        call_command("import_data", "owner", str(path), "--columns", "Wage=pay_hour")
    with pytest.raises(CommandError, match="--columns: “salary” is not a field"):
        call_command("import_data", "owner", str(path), "--columns", "E=salary")


# --- Queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [5, 500])
def test_spreadsheet_preview_queries(owner_client, owner, django_assert_num_queries, rows):
    data = "Title,Employer,From,To,Goals\r\n" + "".join(
        f"Job {n},Employer {n},2020-01,2020-06,Goal {n % 7}\r\n" for n in range(rows)
    )
    upload(owner_client, data.encode())
    with django_assert_num_queries(18):
        # 1 session, 2 signed-in user, 3 the waiting import (its table and matching), 4 the
        # account's currency (pay without one is read in it); the account as the export reads
        # it: 5 profile, 6 skills, 7 directions, 8 their skills, 9 their values, 10 goals,
        # 11 learning, 12 its skills, 13 contacts, 14 jobs, 15 their benefits, 16 their
        # skills, 17 their goals, 18 their contacts
        response = owner_client.get(reverse("account_import_preview"))
    assert f"This will add {rows} jobs and {min(rows, 7)} goals." in text_of(response)


@pytest.mark.parametrize("rows", [5, 500])
def test_matching_queries(owner_client, owner, django_assert_num_queries, rows):
    data = "Title,From\r\n" + "".join(f"Job {n},2020-01\r\n" for n in range(rows))
    response = preview(owner_client, data.encode())
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the waiting import, 4 its new matching saved
        rematch(owner_client, response, column_1="ended_on")


def test_a_title_line_with_a_comma_does_not_hide_a_semicolon_separated_table():
    data = b"My jobs, as of 2026\r\nRole;Company;From;To\r\nWaiter;Rosa's;2019;2020\r\n"
    job = read_upload(data).build(currency="EUR").document["jobs"][0]
    assert (job["title"], job["employer"], job["ended_on"]) == ("Waiter", "Rosa's", "2020-12-31")
