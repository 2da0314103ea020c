"""The job pages as their owner sees them, and as a stranger does not.

The timeline, each job, and its add, edit and delete pages: the owner sees their jobs, a
stranger gets 404 on every job URL (and the job is untouched afterwards), the form shows its
errors beside the field and keeps what was typed, and each page's query count is pinned —
the same for 1 row as for 50.
"""

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from careers.models import Skill
from jobs.models import Job, JobSkill
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    DirectionValueFactory,
    JobBenefitFactory,
    JobFactory,
    JobSkillFactory,
    SkillFactory,
)
from tests.helpers import (
    checked,
    error_beside,
    fields_in_error,
    input_value,
    job_form,
    row_state,
    text_of,
)

pytestmark = pytest.mark.django_db

ROWS = [1, 50]
JOB_LIST = reverse("alignment:job_list")
JOB_ADD = reverse("jobs:job_add")
OFFER_ADD = reverse("jobs:offer_add")


# --- Reading a page as a person does -------------------------------------------------------


def selected(response, field):
    html = response.content.decode()
    select = re.search(rf'<select\b[^>]*\bname="{field}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {field}"
    option = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return unescape(option.group(1)) if option else ""


def section(response, heading_id):
    """The HTML of the <section> labelled by `heading_id`, or "" when the page has none."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{heading_id}"[^>]*>(.*?)</section>',
        response.content.decode(),
        re.S,
    )
    return match.group(1) if match else ""


def job_url(page, job):
    app = "alignment" if page == "detail" else "jobs"
    return reverse(f"{app}:job_{page}", args=[job.pk])


# --- The owner sees their jobs -------------------------------------------------------------


def test_owner_sees_their_job_in_the_timeline_and_on_its_page(owner_client, owner):
    job = JobFactory(
        owner=owner,
        title="Waiter",
        employer="Rosa's Diner",
        started_on=date(2024, 1, 15),
        ended_on=date(2024, 12, 31),
        hours_per_week=Decimal(25),
        schedule="shifts",
        pay_amount=Decimal("11.50"),
        pay_period="hour",
        currency="EUR",
        satisfaction=3,
        identity_fit=2,
        lessons="I can hold a room.",
        avoid="night shifts\nsplit shifts",
    )
    JobSkillFactory(job=job, skill__name="Public speaking", gained=True)
    JobBenefitFactory(job=job, value="connections")

    listed = text_of(owner_client.get(JOB_LIST))
    assert "Waiter · Rosa's Diner" in listed
    assert "Jan 2024 – Dec 2024 · Part time · 11.50 EUR per hour" in listed
    assert "Connections" in listed
    assert "Public speaking (gained)" in listed

    response = owner_client.get(job_url("detail", job))
    assert response.status_code == 200
    text = text_of(response)
    assert "Waiter" in text
    assert "Rosa's Diner · Part time · 15 Jan 2024 – 31 Dec 2024" in text
    assert "Hours a week 25" in text
    assert "Schedule Shifts" in text
    assert "Pay 11.50 EUR per hour" in text
    assert "How you liked it It was all right" in text
    assert "How well it fitted you A little like me" in text
    assert "Public speaking — gained" in text
    assert "Connections" in text
    assert "I can hold a room." in text
    assert "night shifts split shifts" in text
    assert "Ongoing" not in text


def test_owner_sees_an_empty_form_to_log_a_job(owner_client):
    response = owner_client.get(JOB_ADD)
    assert response.status_code == 200
    assert "Log a job" in text_of(response)
    assert input_value(response, "title") == ""


def test_owner_sees_the_edit_form_filled_in_with_skills_and_benefits(owner_client, owner):
    job = JobFactory(owner=owner, title="Waiter", pay_amount=Decimal("11.50"), pay_period="hour")
    JobSkillFactory(job=job, skill__name="Public speaking")
    JobSkillFactory(job=job, skill__name="Customer service")
    JobSkillFactory(job=job, skill__name="Carrying plates", gained=True)
    JobBenefitFactory(job=job, value="money")
    JobBenefitFactory(job=job, value="connections")

    response = owner_client.get(job_url("edit", job))

    assert response.status_code == 200
    assert "Edit “Waiter, Rosa's Diner”" in text_of(response)
    assert input_value(response, "title") == "Waiter"
    assert input_value(response, "pay_amount") == "11.50"
    assert selected(response, "pay_period") == "hour"
    assert set(input_value(response, "skills_used").split(", ")) == {
        "Public speaking",
        "Customer service",
    }
    assert input_value(response, "skills_gained") == "Carrying plates"
    assert checked(response, "benefits") == {"money", "connections"}


def test_editing_a_job_replaces_its_skills_and_benefits(owner_client, owner):
    job = JobFactory(owner=owner)
    JobSkillFactory(job=job, skill__name="Public speaking")
    JobBenefitFactory(job=job, value="money")

    response = owner_client.post(
        job_url("edit", job),
        job_form(skills_used="Stage presence", benefits=["fulfillment", "identity"]),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == job_url("detail", job)
    assert "Saved “Waiter, Rosa's Diner”." in text_of(response)
    assert [link.skill.name for link in job.skill_links.all()] == ["Stage presence"]
    assert sorted(job.benefit_links.values_list("value", flat=True)) == [
        "fulfillment",
        "identity",
    ]
    assert Skill.objects.filter(name="Public speaking").exists()  # skills outlive the job


def test_delete_asks_first_on_get_and_deletes_on_post(owner_client, owner):
    job = JobFactory(owner=owner, title="Waiter")
    JobSkillFactory(job=job, skill__name="Public speaking")

    asked = owner_client.get(job_url("delete", job))
    assert asked.status_code == 200
    text = text_of(asked)
    assert "Delete “Waiter, Rosa's Diner”?" in text
    assert "Its skills stay in your list" in text
    assert "Yes, delete it" in text
    assert Job.objects.filter(pk=job.pk).exists()

    response = owner_client.post(job_url("delete", job), follow=True)
    assert response.redirect_chain[-1][0] == JOB_LIST
    assert "Deleted “Waiter, Rosa's Diner”." in text_of(response)
    assert not Job.objects.exists()
    assert Skill.objects.get().name == "Public speaking"


def test_no_jobs_yet_says_what_to_do_next(owner_client):
    response = owner_client.get(JOB_LIST)
    text = text_of(response)
    assert "No jobs yet" in text
    assert "Log your first job" in text
    assert f'href="{JOB_ADD}"' in response.content.decode()


def test_offers_are_kept_apart_from_the_timeline(owner_client, owner):
    JobFactory(owner=owner, title="Waiter", started_on=date(2024, 1, 15))
    JobFactory(owner=owner, title="Bar supervisor", stage="offer", started_on=None)

    response = owner_client.get(JOB_LIST)

    offers = text_of(section(response, "offers-heading"))
    timeline = text_of(section(response, "timeline-heading"))
    assert "Offers you are weighing" in offers
    assert "Bar supervisor" in offers
    assert "Offer" in offers
    assert "Waiter" not in offers
    assert "Waiter" in timeline
    assert "Bar supervisor" not in timeline


def test_the_timeline_shows_held_jobs_newest_first_and_marks_the_ongoing_one(owner_client, owner):
    JobFactory(
        owner=owner, title="Dishwasher", started_on=date(2019, 3, 1), ended_on=date(2020, 2, 1)
    )
    JobFactory(owner=owner, title="Gym assistant", started_on=date(2025, 1, 6), ended_on=None)
    JobFactory(
        owner=owner, title="Waiter", started_on=date(2024, 1, 15), ended_on=date(2024, 12, 31)
    )

    timeline = section(owner_client.get(JOB_LIST), "timeline-heading")
    items = [text_of(item) for item in re.split(r'<li class="timeline-item[^"]*">', timeline)[1:]]

    assert [item.split(" · ")[0] for item in items] == ["Gym assistant", "Waiter", "Dishwasher"]
    assert "Ongoing" in items[0]
    assert "Jan 2025 – now" in items[0]
    assert "Ongoing" not in items[1]
    assert "Jan 2024 – Dec 2024" in items[1]
    assert "Ongoing" not in items[2]


def test_only_offers_says_there_is_no_job_held_yet(owner_client, owner):
    JobFactory(owner=owner, title="Bar supervisor", stage="offer", started_on=None)
    text = text_of(owner_client.get(JOB_LIST))
    assert "No jobs held yet — only offers." in text
    assert "No jobs yet" not in text


def test_an_older_offer_link_opens_the_offer_form(owner_client):
    response = owner_client.get(JOB_ADD, {"stage": "offer"})
    assert response["Location"] == OFFER_ADD
    assert "Weigh an offer" in text_of(owner_client.get(OFFER_ADD))


def test_an_offer_may_have_no_start_date(owner_client, owner):
    response = owner_client.post(OFFER_ADD, job_form(title="Bar supervisor", started_on=""))
    job = Job.objects.get()
    assert response["Location"] == job_url("detail", job)
    assert (job.stage, job.started_on) == ("offer", None)
    assert "An offer you are weighing" in text_of(owner_client.get(job_url("detail", job)))


# --- A stranger sees nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "method"),
    [("detail", "get"), ("edit", "get"), ("edit", "post"), ("delete", "get"), ("delete", "post")],
)
def test_a_stranger_gets_404_and_the_owners_job_is_untouched(stranger_client, owner, page, method):
    job = JobFactory(owner=owner, title="Waiter", employer="Rosa's Diner")
    JobSkillFactory(job=job, skill__name="Public speaking")
    before = row_state(job)

    if method == "get":
        response = stranger_client.get(job_url(page, job))
    else:
        response = stranger_client.post(
            job_url(page, job), job_form(title="Taken over", skills_used="Hacking")
        )

    assert response.status_code == 404
    assert "Rosa's Diner" not in response.content.decode()
    assert row_state(job) == before
    assert [link.skill.name for link in job.skill_links.all()] == ["Public speaking"]
    assert not Skill.objects.filter(name="Hacking").exists()


def test_the_edit_data_a_stranger_sent_is_valid_for_the_owner(owner_client, owner):
    job = JobFactory(owner=owner)
    response = owner_client.post(job_url("edit", job), job_form(title="Taken over"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title == "Taken over"


def test_the_timeline_never_shows_another_persons_jobs(stranger_client, owner, stranger):
    JobFactory(owner=owner, title="Owner's job")
    JobFactory(owner=owner, title="Owner's offer", stage="offer", started_on=None)
    JobFactory(owner=stranger, title="Stranger's job")

    text = text_of(stranger_client.get(JOB_LIST))

    assert "Stranger's job" in text
    assert "Owner's" not in text


def test_the_job_form_offers_only_the_persons_own_goals_and_contacts(owner_client, owner, stranger):
    CareerGoalFactory(owner=owner, title="First amateur match")
    ContactFactory(owner=owner, name="Marco Ruiz")
    CareerGoalFactory(owner=stranger, title="Stranger's goal")
    ContactFactory(owner=stranger, name="Stranger's contact")
    SkillFactory(owner=stranger, name="Stranger's skill")

    text = text_of(owner_client.get(JOB_ADD))

    assert "First amateur match" in text
    assert "Marco Ruiz" in text
    assert "Stranger" not in owner_client.get(JOB_ADD).content.decode()


@pytest.mark.parametrize("field", ["goals", "contacts"])
def test_a_strangers_goal_or_contact_cannot_be_linked(owner_client, owner, stranger, field):
    factory = CareerGoalFactory if field == "goals" else ContactFactory
    factory(owner=owner)  # something of their own to choose, so the list is shown
    theirs = factory(owner=stranger)
    response = owner_client.post(JOB_ADD, job_form(**{field: [theirs.pk]}))
    assert response.status_code == 200
    assert error_beside(response, field) == "One of these is not one of yours any more: look again."
    assert not Job.objects.exists()


# --- Form errors: beside the field, nothing saved, what was typed kept ----------------------

FORM_ERRORS = [
    (
        "ended_on",
        {"started_on": "2024-01-15", "ended_on": "2024-01-14"},
        "The job cannot end before it started.",
    ),
    (
        "pay_amount",
        {"pay_amount": "-5", "pay_period": "hour"},
        "Use 0 or more.",
    ),
    (
        "hours_per_week",
        {"hours_per_week": "169"},
        "Use 168 or less.",
    ),
    (
        "title",
        {"title": "W" * 201},
        "Use at most 200 characters here (this has 201).",
    ),
    (
        "description",
        {"description": "d" * 5001},
        "Use at most 5000 characters here (this has 5001).",
    ),
    (
        "started_on",
        {"started_on": ""},
        "When did it start? A job you had needs a start date.",
    ),
    (
        "started_on",
        {"started_on": "FUTURE"},
        "A job you had cannot start in the future. Is it an offer? Weigh it as an offer instead.",
    ),
    (
        "pay_period",
        {"pay_amount": "11.50", "pay_period": ""},
        "Per hour, week, month, year, or in total?",
    ),
    ("currency", {"currency": "EURO"}, "Use a three-letter currency code, such as EUR or USD."),
    ("currency", {"currency": "E1R"}, "Use a three-letter currency code, such as EUR or USD."),
    (
        "currency",
        {"currency": "XYZ"},
        "“XYZ” is not a currency code: use the three-letter ISO 4217 code of the currency, "
        "such as EUR, USD or GBP.",
    ),
    (
        "skills_gained",
        {"skills_used": "Public speaking", "skills_gained": "public SPEAKING"},
        "public SPEAKING is also under skills you used: list each skill once.",
    ),
]


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    FORM_ERRORS,
    ids=[f"{field}-{message[:30]}" for field, _, message in FORM_ERRORS],
)
def test_the_job_form_refuses_beside_the_field_and_keeps_what_was_typed(
    owner_client, field, typed, message
):
    if typed.get("started_on") == "FUTURE":
        typed = {"started_on": (timezone.localdate() + timedelta(days=1)).isoformat()}
    data = job_form(**{"skills_used": "Public speaking", **typed})

    response = owner_client.post(JOB_ADD, data)

    assert response.status_code == 200
    assert error_beside(response, field) == message
    assert fields_in_error(response) == {field}
    assert "Please correct the 1 field marked below. Nothing has been saved yet." in text_of(
        response
    )
    assert not Job.objects.exists()
    assert not Skill.objects.exists()
    # What the person typed is still there, the wrong value included.
    for name in ("title", "employer", "skills_used", *typed):
        if name == "pay_period":
            assert selected(response, name) == data[name]
        else:
            assert input_value(response, name) == data[name], name


def test_a_held_job_may_start_today(owner_client):
    response = owner_client.post(JOB_ADD, job_form(started_on=timezone.localdate().isoformat()))
    assert response.status_code == 302
    assert Job.objects.get().started_on == timezone.localdate()


# --- Behaviour -----------------------------------------------------------------------------


def test_skills_typed_on_a_job_are_created_then_reused_whatever_the_case(owner_client, owner):
    owner_client.post(
        JOB_ADD, job_form(title="Waiter", skills_used="Public speaking, stage presence")
    )
    first = Job.objects.get(title="Waiter")
    assert sorted(Skill.objects.owned_by(owner).values_list("name", flat=True)) == [
        "Public speaking",
        "stage presence",
    ]
    speaking = Skill.objects.get(name="Public speaking")

    owner_client.post(
        JOB_ADD,
        job_form(title="Host", started_on="2024-03-01", skills_gained="public   SPEAKING"),
    )

    second = Job.objects.get(title="Host")
    assert Skill.objects.owned_by(owner).count() == 2
    link = JobSkill.objects.get(job=second)
    assert (link.skill_id, link.gained) == (speaking.pk, True)
    assert set(first.skill_links.values_list("skill__name", flat=True)) == {
        "Public speaking",
        "stage presence",
    }
    assert "Public speaking — gained" in text_of(owner_client.get(job_url("detail", second)))


def test_skills_of_another_person_are_never_reused(owner_client, owner, stranger):
    theirs = SkillFactory(owner=stranger, name="Public speaking")
    owner_client.post(JOB_ADD, job_form(skills_used="public speaking"))
    link = JobSkill.objects.get()
    assert link.skill_id != theirs.pk
    assert link.skill.owner == owner


def test_a_job_links_the_persons_goals_and_contacts(owner_client, owner):
    goal = CareerGoalFactory(owner=owner, title="Join a wrestling school")
    contact = ContactFactory(owner=owner, name="Marco Ruiz")

    owner_client.post(
        JOB_ADD,
        job_form(
            title="Gym assistant",
            employer="Iron Hall",
            goals=[goal.pk],
            contacts=[contact.pk],
            benefits=["money", "fulfillment"],
        ),
    )

    job = Job.objects.get()
    text = text_of(owner_client.get(job_url("detail", job)))
    assert "Join a wrestling school" in text
    assert "Marco Ruiz" in text
    assert "Fulfillment Money" in text
    edit = owner_client.get(job_url("edit", job))
    assert checked(edit, "goals") == {str(goal.pk)}
    assert checked(edit, "contacts") == {str(contact.pk)}


def test_a_new_job_starts_in_the_persons_currency(owner_client, owner):
    assert input_value(owner_client.get(JOB_ADD), "currency") == "EUR"

    response = owner_client.post(reverse("account"), {"currency": "usd"}, follow=True)
    assert "Settings saved." in text_of(response)

    assert input_value(owner_client.get(JOB_ADD), "currency") == "USD"
    owner_client.post(JOB_ADD, job_form(currency="USD", pay_amount="20", pay_period="hour"))
    assert Job.objects.get().pay_display() == "20 USD per hour"


def test_an_existing_job_keeps_its_own_currency(owner_client, owner):
    Profile.objects.filter(owner=owner).update(currency="USD")
    job = JobFactory(owner=owner, currency="GBP")
    assert input_value(owner_client.get(job_url("edit", job)), "currency") == "GBP"


def test_a_lower_case_currency_is_saved_in_capitals(owner_client):
    owner_client.post(JOB_ADD, job_form(currency="gbp"))
    assert Job.objects.get().currency == "GBP"


# --- Pinned query counts: the same for 1 row as for 50 -------------------------------------


def add_jobs(owner, rows):
    """`rows` held jobs and `rows` offers, each with two skills and two benefits."""
    for n in range(rows):
        for stage in ("held", "offer"):
            job = JobFactory(owner=owner, title=f"{stage} {n}", stage=stage)
            JobSkillFactory(job=job, skill__name=f"{stage} skill {n}")
            JobSkillFactory(job=job, skill__name=f"{stage} gained {n}", gained=True)
            JobBenefitFactory(job=job, value="money")
            JobBenefitFactory(job=job, value="skills")


@pytest.mark.parametrize("rows", ROWS)
def test_job_list_queries(owner_client, owner, django_assert_num_queries, rows):
    add_jobs(owner, rows)
    with django_assert_num_queries(12):
        # 1 session, 2 signed-in user, 3 held jobs counted, 4 a page of them newest first,
        # 5 their skill links with their skills, 6 their benefits, 7 offers, 8 their skill
        # links, 9 their benefits; then the listed jobs' verdicts: 10 the directions,
        # 11 the listed jobs as scored, 12 what they gave of each direction
        response = owner_client.get(JOB_LIST)
    text = text_of(response)
    assert text.count("Not scored") == min(rows, 50) + rows  # no direction: each says so
    assert f"held {rows - 1}" in text
    assert f"held skill {rows - 1}" in text
    assert f"offer {rows - 1}" in text


def test_a_long_history_is_listed_a_page_at_a_time(owner_client, owner):
    JobFactory.create_batch(51, owner=owner, stage="held")
    first = text_of(owner_client.get(JOB_LIST))
    assert "Page 1 of 2 · 51 jobs" in first
    second = owner_client.get(JOB_LIST + "?page=2")
    assert "Page 2 of 2 · 51 jobs" in text_of(second)
    assert len(second.context["held"]) == 1
    assert owner_client.get(JOB_LIST + "?page=999").context["page"].number == 2


@pytest.mark.parametrize("rows", ROWS)
def test_job_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    add_jobs(owner, rows)
    job = JobFactory(owner=owner, title="Waiter")
    for n in range(rows):
        JobSkillFactory(job=job, skill__name=f"Skill {n}")
        CareerGoalFactory(owner=owner, title=f"Goal {n}")
        ContactFactory(owner=owner, name=f"Contact {n}")
    job.goals.set(owner.careergoal_set.all())
    job.contacts.set(owner.contact_set.all())
    JobBenefitFactory(job=job, value="money")
    direction = CareerDirectionFactory(owner=owner, title="Stage", status="current")
    DirectionValueFactory(direction=direction, value="money", weight=2)
    with django_assert_num_queries(11):
        # 1 session, 2 signed-in user, 3 the job, 4 its skill links with their skills,
        # 5 its benefits, 6 its goals, 7 its contacts; its score (alignment.dashboard.job_card):
        # 8 the directions with their totals, 9 the job as the alignment reads it, 10 what
        # it gave of each direction, 11 the names of what it matched
        response = owner_client.get(job_url("detail", job))
    text = text_of(response)
    assert f"Skill {rows - 1}" in text
    assert f"Goal {rows - 1}" in text
    assert f"Contact {rows - 1}" in text
    # A job that goes on is said in the present.
    assert "Gives the one thing you value from work: Money" in text


@pytest.mark.parametrize("rows", ROWS)
def test_job_add_queries(owner_client, owner, django_assert_num_queries, rows):
    Profile.objects.filter(owner=owner).update(currency="EUR")
    for n in range(rows):
        SkillFactory(owner=owner, name=f"Skill {n}")
        CareerGoalFactory(owner=owner, title=f"Goal {n}")
        ContactFactory(owner=owner, name=f"Contact {n}")
    with django_assert_num_queries(9):
        # 1 session, 2 signed-in user, 3 the directions' target skills to tick, 4 the
        # profile's currency, 5 whether there is any contact (else no "people you met"),
        # 6 the person's skill names for suggestions, 7 goals to choose from, 8 whether
        # there is any goal at all, 9 contacts to choose from
        response = owner_client.get(JOB_ADD)
    text = text_of(response)
    assert f"Goal {rows - 1}" in text
    assert f"Contact {rows - 1}" in text
    assert f'<option value="Skill {rows - 1}">' in response.content.decode()


@pytest.mark.parametrize("rows", ROWS)
def test_job_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    job = JobFactory(owner=owner, title="Waiter")
    for n in range(rows):
        JobSkillFactory(job=job, skill__name=f"Skill {n}")
        CareerGoalFactory(owner=owner, title=f"Goal {n}")
        ContactFactory(owner=owner, name=f"Contact {n}")
    job.goals.set(owner.careergoal_set.all())
    job.contacts.set(owner.contact_set.all())
    JobBenefitFactory(job=job, value="money")
    with django_assert_num_queries(13):
        # 1 session, 2 signed-in user, 3 the job, 4 its goals and 5 its contacts (the
        # form's initial ticks), 6 its skill links with their skills, 7 the directions'
        # target skills to tick, 8 its benefits, 9 whether there is any contact, 10 the
        # person's skill names for suggestions, 11 goals to choose from, 12 whether there
        # is any goal at all, 13 contacts to choose from
        response = owner_client.get(job_url("edit", job))
    assert len(checked(response, "goals")) == rows
    assert len(checked(response, "contacts")) == rows
    assert f"Skill {rows - 1}" in input_value(response, "skills_used")


@pytest.mark.parametrize("rows", ROWS)
def test_job_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    job = JobFactory(owner=owner, title="Waiter")
    JobSkillFactory.create_batch(rows, job=job)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the job
        response = owner_client.get(job_url("delete", job))
    assert "Delete “Waiter, Rosa's Diner”?" in text_of(response)
