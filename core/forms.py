"""What every form stands on: Bearing's own words for every error a field can raise, the owned
model form (with the unlikely values it asks to confirm), dates in order and the limit on live
secrets."""

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Field, Layout, LayoutObject
from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.validators import MaxLengthValidator
from django.db.models import Model
from django.forms.utils import pretty_name
from django.utils.functional import cached_property

from core import plausible

TEXT_LIMIT = 5000


class DateInput(forms.DateInput):
    """The browser's date picker; the value is always ISO (YYYY-MM-DD)."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


# Bearing's words for every error a field of Django's can raise, by the error's code: the
# field's own checks (`default_error_messages`) and those of its validators, which Django words
# from the field's messages when the code is there. A code missing here would show Django's
# stock English, or (a file's "empty") fail with a KeyError: tests/test_plain_messages.py walks
# every field of every form against this.
SAID = {
    "max_length": "Use at most %(limit_value)d characters here (this has %(show_value)d).",
    "min_length": "Use at least %(limit_value)d characters here.",
    "max_value": "Use %(limit_value)s or less.",
    "min_value": "Use %(limit_value)s or more.",
    "step_size": "Use a multiple of %(limit_value)s.",
    "invalid_choice": "Choose one of the options given.",
    "invalid_list": "Choose from the options given.",
    "max_digits": "Use at most %(max)s digits in all.",
    "max_decimal_places": "Use at most %(max)s digits after the point.",
    "max_whole_digits": "Use at most %(max)s digits before the point.",
    "null_characters_not_allowed": (
        "This holds a character that is not text (a NUL, often pasted by accident): type it "
        "again without it."
    ),
}


SAID_OF_A_KIND = [
    (forms.DateField, {"invalid": "Use a date such as 2024-01-15."}),
    (forms.IntegerField, {"invalid": "Use a whole number, such as 25."}),
    (forms.DecimalField | forms.FloatField, {"invalid": "Use a number, such as 25 or 37.5."}),
    (forms.EmailField, {"invalid": "Use an email address, such as name@example.com."}),
    (
        forms.UUIDField,
        {"invalid": "This form's hidden token is damaged: open the page again and send it."},
    ),
    (
        forms.FileField,
        {
            "invalid": "This is not a file: choose one with the button.",
            "missing": "No file arrived: choose the file again and send it.",
            "empty": "This file is empty (0 bytes): there is nothing in it to read. Choose "
            "the file again, or another one.",
            "max_length": "The file's name is too long: at most %(max)d characters (this has "
            "%(length)d). Rename it and choose it again.",
            "contradiction": "Choose a new file or clear this one, not both.",
        },
    ),
    (
        forms.ModelMultipleChoiceField,
        {
            "invalid_choice": "One of these is not one of yours any more: look again.",
            "invalid_pk_value": "One of these is not one of yours any more: look again.",
        },
    ),
]


def plain_messages(form: forms.BaseForm) -> None:
    """Give every field of `form` Bearing's own error messages in place of Django's stock
    ones ("Ensure this value is less than or equal to 168."), each naming the field."""
    for name, field in form.fields.items():
        label = str(field.label or pretty_name(name))
        said = {**SAID, "required": f"{label} is needed."}
        for kind, messages in SAID_OF_A_KIND:
            if isinstance(field, kind):
                said.update(messages)
        # Messages a form set itself stay as they are.
        field.error_messages = {**said, **_own_messages(field)}


if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object


class PlainMessages(_Form):
    """A form whose every field speaks Bearing's words (plain_messages), the fields its
    `__init__` adds after Django's included: the words are given as the form is checked."""

    def full_clean(self) -> None:
        plain_messages(self)
        super().full_clean()


def _own_messages(field: forms.Field) -> dict[str, Any]:
    """The messages a form or model gave the field, other than Django's defaults."""
    stock: dict[str, Any] = {}
    for cls in reversed(type(field).__mro__):
        stock.update(getattr(cls, "default_error_messages", {}))
    return {
        code: text
        for code, text in field.error_messages.items()
        if code not in stock or str(stock[code]) != str(text)
    }


def columns(*fields: str | LayoutObject, width: str) -> list[Column]:
    """Fields side by side in a crispy Row, each in a column `width` wide (Bootstrap's
    classes, such as "col-sm-6 col-md-4")."""
    return [Column(field, css_class=width) for field in fields]


SURE = "sure_{}"  # the "Yes, this is right" box of a field whose value is unlikely


TOO_EARLY = f"Bearing takes dates from {plausible.EARLIEST_TEXT} on: check the year."


class OwnedModelForm(PlainMessages, forms.ModelForm):
    """A ModelForm for one person's row: choices limited to that person's rows.

    A date before 1900 is refused beside its field. A value that may be right but seldom is
    (core.plausible) is asked about: refused beside its field with a "Yes, this is right"
    box, which, ticked, lets it save (`ask`); the fields that may be asked about are named in
    `confirmable`, each with its box's label ("Yes, this pay is right")."""

    submit_label = "Save"
    confirmable: dict[str, str] = {}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.asking: list[
            str
        ] = []  # the fields whose value is asked about, as the form was checked
        self.on_top: list[
            LayoutObject
        ] = []  # layout shown above the form's own (the job's "replace" box)
        for name, label in self.confirmable.items():
            if name in self.fields:
                self.fields[SURE.format(name)] = forms.BooleanField(label=label, required=False)
        if self.instance._state.adding:
            # A one-time token: the same add form sent twice saves once (core.once).
            self.fields["once"] = forms.UUIDField(
                widget=forms.HiddenInput, required=False, initial=uuid.uuid4
            )
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_LIMIT  # type: ignore[attr-defined]
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
                field.widget.attrs.update({"rows": 3, "maxlength": TEXT_LIMIT})

    @cached_property
    def helper(self) -> FormHelper:
        """The crispy layout; the page's template supplies the <form> tag and the buttons."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.render_hidden_fields = True  # the one-time token, wherever the layout is
        helper.layout = self.get_layout()
        for position, shown in enumerate(self.on_top):
            helper.layout.insert(position, shown)
        for name in self.asking:
            # The box right under the field asked about, wherever the layout puts it.
            sure = Field(SURE.format(name), wrapper_class="sure mt-n2 mb-3")
            if helper[name].slice:
                helper[name].wrap(Div, sure)
            else:
                helper.layout.append(sure)
        return helper

    def get_layout(self) -> Layout:
        return Layout(*[name for name in self.fields if not name.startswith("sure_")])

    def clean(self) -> dict[str, Any]:
        cleaned = cast(dict[str, Any], super().clean())  # a model form's is its cleaned_data
        self.asking = []
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(field, forms.DateField) and value and value < plausible.EARLIEST:
                self.add_error(name, TOO_EARLY)
        return cleaned

    def summary(self) -> str:
        """The sentence above a form sent back: how many fields are marked, and that nothing
        was saved."""
        marked = [name for name in self.errors if name != NON_FIELD_ERRORS]
        if not marked:
            return "Nothing has been saved yet: see why below."
        fields = f"{len(marked)} field{'s' if len(marked) != 1 else ''}"
        verb = "check" if set(marked) <= set(self.asking) else "correct"
        return f"Please {verb} the {fields} marked below. Nothing has been saved yet."

    def ask(self, name: str, message: str, *, about: Iterable[str] | None = None) -> None:
        """Ask whether the unlikely value of field `name` is right: refused beside it with
        `message` and a "Yes, this is right" box, unless the box is ticked. Asked only when
        the value (or the fields it comes from, `about`) is new or changed: a value saved
        once it was confirmed is not asked about again."""
        if not set(about or [name]) & set(self.changed_data):
            return
        self.asking.append(name)
        if not self.cleaned_data.get(SURE.format(name)):
            self.add_error(name, message)

    def save(self, commit: bool = True) -> Model:
        self.instance.owner = self.owner
        return super().save(commit=commit)


def check_dates_in_order(form: forms.BaseForm, start: str, end: str, message: str) -> None:
    """Add `message` beside the end date when it comes before the start date."""
    started, ended = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if started and ended and ended < started:
        form.add_error(end, message)


LIVE_LIMIT = 20  # links that still open, or tokens not revoked, at once per person
