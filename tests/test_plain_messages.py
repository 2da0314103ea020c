"""Every error a form can show is in Bearing's words: each field of each form of the project is
walked, every error code it can raise (its own checks, its validators', its model field's) must
have a message of Bearing's own, never Django's stock English, and never a missing one (an
empty upload was a KeyError: 'empty', a 500)."""

import importlib
from datetime import date

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from careers.models import CareerGoal
from portability import columns as spreadsheet_columns
from portability import spreadsheet
from portability.models import PendingImport
from tests.accounts.helpers import NOTHING, rows_of, text_of
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    DirectionSkillFactory,
    JobFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)

PROJECT = ("core", "accounts", "careers", "jobs", "alignment", "portability", "sharing", "demo")
MODULES = [
    "core.forms",
    "accounts.forms",
    "careers.forms",
    "jobs.forms",
    "portability.forms",
    "sharing.forms",
]


def project_forms():
    """Every concrete form class the project defines (imported from its forms modules)."""
    for name in MODULES:
        importlib.import_module(name)
    found, waiting = set(), [forms.BaseForm]
    while waiting:
        cls = waiting.pop()
        for sub in cls.__subclasses__():
            waiting.append(sub)
            abstract = getattr(getattr(sub, "_meta", None), "model", True) is None
            if sub.__module__.split(".")[0] in PROJECT and not abstract:
                found.add(sub)
    return found


def table():
    rows = [[2, ["Waiter", "03/04/2019"]], [3, ["Cook", ""]]]
    return spreadsheet.Table(header=["Role", "From"], rows=rows)


def matching_form(owner):
    sheet = table()
    matching = spreadsheet_columns.guess(sheet)
    built = spreadsheet.build(sheet, matching, currency="EUR")
    from portability.forms import MatchingForm

    return MatchingForm({}, table=sheet, matching=matching, token="t", built=built)


def made(cls, owner):
    """An instance of the form, sent empty, with whatever it needs: each form the project has
    must be here (a new one fails the test until it is added)."""
    request = RequestFactory().post("/")
    request.user = owner
    direction = CareerDirectionFactory(owner=owner)
    DirectionSkillFactory(direction=direction)
    CareerGoalFactory(owner=owner, direction=direction)
    ContactFactory(owner=owner)
    job = JobFactory(owner=owner)
    name = cls.__name__
    owned = {"owner": owner}
    ways = {
        "SignupForm": lambda: cls({}),
        "ImportForm": lambda: cls({}, {}, user=owner),
        "MatchingForm": lambda: matching_form(owner),
        "DeleteAccountForm": lambda: cls({}, user=owner, request=request),
        "EmailChangeForm": lambda: cls({}, user=owner, request=request),
        "CheckedPasswordChangeForm": lambda: cls(owner, {}, request=request),
        "LoginForm": lambda: cls(request, {}),
        "AdminLoginForm": lambda: cls(request, {}),
        "TookItForm": lambda: cls({}, offer=JobFactory(owner=owner, stage="offer"), today=TODAY),
        "ResetForm": lambda: cls({}),
        "NewPasswordForm": lambda: cls(owner, {}),
        "ProfileForm": lambda: cls({}),
        "JobForm": lambda: cls({}, instance=job, **owned),
        "OfferForm": lambda: cls({}, **owned),
    }
    make = ways.get(name, lambda: cls({}, **owned))
    return make()


def stock_messages(field, model_field):
    """Django's own texts for the field: its class's, its validators', its model field's."""
    texts = {}
    for cls in type(field).__mro__:
        for code, text in getattr(cls, "default_error_messages", {}).items():
            texts.setdefault(code, set()).add(str(text))
    validators = list(field.validators) + list(getattr(model_field, "validators", []))
    for validator in validators:
        for code, text in getattr(validator, "messages", {}).items():  # DecimalValidator
            texts.setdefault(code, set()).add(str(text))
        code = getattr(validator, "code", None)
        if code and getattr(type(validator), "message", None) is not None:
            texts.setdefault(code, set()).add(str(type(validator).message))
    if model_field is not None:
        for cls in type(model_field).__mro__:
            for code, text in getattr(cls, "default_error_messages", {}).items():
                if code == "unique" and model_field.unique:
                    texts.setdefault(code, set()).add(str(text))
    return texts


def model_field_of(form, name):
    meta = getattr(form, "_meta", None)
    model = getattr(meta, "model", None)
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a form field of its own, not the model's
        return None


def unworded(field, model_field=None):
    """The codes the field can raise whose message is missing or Django's stock text."""
    return sorted(
        code
        for code, texts in stock_messages(field, model_field).items()
        if field.error_messages.get(code) is None or str(field.error_messages[code]) in texts
    )


def form_words(form):
    """Every (form, field, code) whose message is missing or Django's stock text."""
    form.full_clean()  # the words are given as the form is checked (PlainMessages)
    wrong = [
        f"{type(form).__name__}.{name}: {code}"
        for name, field in form.fields.items()
        for code in unworded(field, model_field_of(form, name))
    ]
    django_said = {}
    for cls in type(form).__mro__:
        if cls.__module__.startswith("django."):
            for code, text in getattr(cls, "error_messages", {}).items():
                django_said.setdefault(code, set()).add(str(text))
    for code, texts in django_said.items():
        if str(form.error_messages.get(code)) in texts:
            wrong.append(f"{type(form).__name__}: {code} (Django's own words)")
    return wrong


def test_every_project_form_is_walked():
    names = {cls.__name__ for cls in project_forms()}
    assert {"ImportForm", "MatchingForm", "JobForm", "GoalForm", "LoginForm"} <= names


@pytest.mark.parametrize("cls", sorted(project_forms(), key=lambda cls: cls.__name__), ids=str)
def test_every_error_a_field_can_raise_is_in_bearings_words(owner, cls):
    form = made(cls, owner)
    assert form_words(form) == []


def test_the_walk_finds_a_code_left_in_djangos_words(owner):
    # The check itself can fail: a field given no words for `empty` is found.
    from portability.forms import ImportForm

    form = ImportForm({}, {}, user=owner)
    form.full_clean()
    field = form.fields["file"]
    assert unworded(field) == []
    del field.error_messages["empty"]
    field.error_messages["missing"] = forms.FileField.default_error_messages["missing"]
    assert unworded(field) == ["empty", "missing"]


@pytest.mark.parametrize("name", ["history.json", "jobs.csv"])
def test_an_empty_upload_is_refused_beside_the_field_and_saves_nothing(owner_client, owner, name):
    response = owner_client.post(reverse("account_import"), {"file": SimpleUploadedFile(name, b"")})
    assert response.status_code == 200
    assert "This file is empty (0 bytes): there is nothing in it to read." in text_of(response)
    assert rows_of(owner) == NOTHING
    assert not PendingImport.objects.filter(owner=owner).exists()


def test_a_nul_in_a_title_is_refused_in_bearings_words(owner_client):
    response = owner_client.post(
        reverse("careers:goal_add"), {"title": "First\x00match", "status": "active", "priority": 2}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "This holds a character that is not text (a NUL" in text
    assert "Null characters are not allowed." not in text
    assert not CareerGoal.objects.exists()
