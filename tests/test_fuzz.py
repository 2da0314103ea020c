"""Hypothesis drives the forms and the import with generated input.

The only outcomes allowed: saved and shown back exactly, or a clear error and nothing saved.
Never a server error.
"""

import json
from datetime import date
from html import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from careers.models import CareerDirection, CareerGoal, Contact, Learning, Skill
from jobs.models import Job

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(max_size=220)
some_date = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.text(max_size=12),
    st.just(""),
)
past_date = st.dates(min_value=date(1950, 1, 1), max_value=date(2025, 12, 31)).map(date.isoformat)


def mostly(good, noise):
    """Three draws in four from what a person would type, one from anything at all."""
    return st.one_of(good, good, good, noise)


number = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=8),
    st.just(""),
)


def check_outcome(client, response, model, owner, shown_field, typed):
    assert response.status_code in (200, 302), response.status_code
    event("saved" if response.status_code == 302 else "refused")
    rows = list(model.objects.filter(owner=owner))
    if response.status_code == 302:
        assert len(rows) == 1
        stored = getattr(rows[0], shown_field)
        assert stored == typed.strip()  # Django forms trim surrounding white space
        page = client.get(rows[0].get_absolute_url()).content.decode()
        assert escape(stored, quote=False) in page or escape(stored) in page
    else:
        assert response.context["form"].errors  # a clear error…
        assert rows == []  # …and nothing saved


@settings(FUZZ, max_examples=120)  # many fields: more draws for enough saved examples
@given(
    title=mostly(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1), text),
    employer=text,
    stage=mostly(st.sampled_from(["held", "offer"]), st.sampled_from(["", "boss"])),
    started_on=mostly(past_date, some_date),
    ended_on=mostly(st.just(""), some_date),
    hours=mostly(st.sampled_from(["", "12", "37.5", "168"]), number),
    pay=mostly(st.just(""), number),
    period=mostly(st.just(""), st.sampled_from(["hour", "month", "weekly"])),
    currency=mostly(st.just("EUR"), st.text(max_size=5)),
    skills=st.text(max_size=120),
    fit=mostly(st.sampled_from(["", "1", "5"]), number),
    avoid=st.text(max_size=300),
)
def test_the_job_form(
    owner_client,
    owner,
    title,
    employer,
    stage,
    started_on,
    ended_on,
    hours,
    pay,
    period,
    currency,
    skills,
    fit,
    avoid,
):
    data = {
        "title": title,
        "employer": employer,
        "stage": stage,
        "employment_type": "part_time",
        "started_on": started_on,
        "ended_on": ended_on,
        "hours_per_week": hours,
        "pay_amount": pay,
        "pay_period": period,
        "currency": currency,
        "skills_used": skills,
        "identity_fit": fit,
        "avoid": avoid,
        "lock_version": "1",
    }
    with transaction.atomic():
        response = owner_client.post(reverse("jobs:job_add"), data)
        check_outcome(owner_client, response, Job, owner, "title", title)
        transaction.set_rollback(True)


@FUZZ
@given(
    title=text,
    statement=st.text(max_size=400),
    status=st.sampled_from(["current", "past", "considering", "dreaming"]),
    started_on=mostly(past_date, some_date),
    ended_on=mostly(st.just(""), some_date),
    essential=st.text(max_size=120),
    weight=st.sampled_from(["", "1", "2", "3", "4", "x"]),
)
def test_the_direction_form(
    owner_client, owner, title, statement, status, started_on, ended_on, essential, weight
):
    data = {
        "title": title,
        "statement": statement,
        "status": status,
        "started_on": started_on,
        "ended_on": ended_on,
        "essential_skills": essential,
        "value_money": weight,
    }
    with transaction.atomic():
        response = owner_client.post(reverse("careers:direction_add"), data)
        check_outcome(owner_client, response, CareerDirection, owner, "title", title)
        transaction.set_rollback(True)


@FUZZ
@given(
    title=text,
    status=st.sampled_from(["planned", "active", "achieved", "dropped", "won"]),
    priority=mostly(st.sampled_from(["1", "2", "3"]), number),
    target_date=mostly(past_date, some_date),
    achieved_on=mostly(past_date, some_date),
)
def test_the_goal_form(owner_client, owner, title, status, priority, target_date, achieved_on):
    data = {
        "title": title,
        "status": status,
        "priority": priority,
        "target_date": target_date,
        "achieved_on": achieved_on,
    }
    with transaction.atomic():
        response = owner_client.post(reverse("careers:goal_add"), data)
        check_outcome(owner_client, response, CareerGoal, owner, "title", title)
        transaction.set_rollback(True)


@FUZZ
@given(
    title=text,
    provider=text,
    kind=st.sampled_from(["degree", "course", "certificate", "self_study", "nap"]),
    started_on=some_date,
    completed_on=some_date,
    skills=st.text(max_size=150),
)
def test_the_learning_form(
    owner_client, owner, title, provider, kind, started_on, completed_on, skills
):
    data = {
        "title": title,
        "provider": provider,
        "kind": kind,
        "started_on": started_on,
        "completed_on": completed_on,
        "skill_names": skills,
    }
    with transaction.atomic():
        response = owner_client.post(reverse("careers:learning_add"), data)
        check_outcome(owner_client, response, Learning, owner, "title", title)
        transaction.set_rollback(True)


@FUZZ
@given(name=text, context=text, notes=st.text(max_size=400), last=some_date)
def test_the_contact_form(owner_client, owner, name, context, notes, last):
    data = {"name": name, "context": context, "notes": notes, "last_contacted_on": last}
    with transaction.atomic():
        response = owner_client.post(reverse("careers:contact_add"), data)
        check_outcome(owner_client, response, Contact, owner, "name", name)
        transaction.set_rollback(True)


@FUZZ
@given(name=st.text(max_size=120))
def test_the_skill_form(owner_client, owner, name):
    with transaction.atomic():
        response = owner_client.post(reverse("careers:skill_add"), {"name": name})
        if response.status_code == 302:
            # Skill names are stored with inner white space folded, as they are matched.
            assert Skill.objects.get(owner=owner).name == " ".join(name.split())
        else:
            assert response.status_code == 200
            assert response.context["form"].errors
            assert not Skill.objects.filter(owner=owner).exists()
        transaction.set_rollback(True)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(
    document=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"format": st.just("bearing-export"), "version": st.just(1)},
            optional={
                "profile": json_values,
                "skills": json_values,
                "directions": json_values,
                "goals": json_values,
                "learning": json_values,
                "contacts": json_values,
                "jobs": json_values,
                "extra": json_values,
            },
        ),
    )
)
def test_the_import_never_fails_and_never_saves_half(owner_client, owner, document):
    upload = SimpleUploadedFile("export.json", json.dumps(document).encode(), "application/json")
    with transaction.atomic():
        response = owner_client.post(reverse("account_import"), {"file": upload})
        assert response.status_code in (200, 302)
        # Uploading only checks and previews: nothing is written before the confirmation.
        assert not Job.objects.filter(owner=owner).exists()
        assert not Skill.objects.filter(owner=owner).exists()
        transaction.set_rollback(True)
