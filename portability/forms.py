"""The forms of the import: the file to upload, and the matching of a spreadsheet's columns."""

from typing import Any, cast

from crispy_forms.bootstrap import FormActions
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Field, Layout, Row, Submit
from django import forms
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse

from core.forms import (
    PlainMessages,
)
from portability import spreadsheet
from portability.merge import plan_import
from portability.problems import Problem, Rejected
from portability.reading import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_LABEL,
    TOO_LARGE,
    Upload,
    read_file,
    read_upload,
)
from portability.tables import column_letter

# Files one account may upload to the import page in an hour: each is read, checked and set
# against the account, a few seconds of a worker at the page's limits.
UPLOADS_PER_HOUR = 20


TOO_MANY_UPLOADS = (
    f"You have uploaded {UPLOADS_PER_HOUR} files in the last hour, the most Bearing reads for "
    "one account in an hour. This one was not read and nothing was saved: upload it again "
    "later."
)


class ImportForm(PlainMessages, forms.Form):
    """A file to import: read, checked and set against the account before anything is saved.

    After `is_valid()`, `upload` holds the file read into a canonical document; when the file
    is refused, `problems` lists everything found wrong, each with its place in the file.
    """

    file = forms.FileField(
        label="File to import",
        required=False,
        help_text=f"A Bearing export or JSON Resume (.json), a LinkedIn data archive (.zip) or "
        f"one of its CSV files, or a spreadsheet of jobs saved as CSV. At most "
        f"{MAX_UPLOAD_LABEL}.",
    )

    def __init__(
        self,
        *args: Any,
        user: User,
        too_large: bool = False,
        too_many: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.too_large = too_large
        self.too_many = too_many  # past UPLOADS_PER_HOUR: refused unread
        self.upload: Upload | None = None
        self.problems: list[Problem] = []
        self.more_problems = 0
        self.refused_name: str | None = None
        self.fields["file"].widget.attrs["accept"] = ".json,.zip,.csv"
        self.helper = FormHelper()
        self.helper.form_action = reverse("account_import")
        self.helper.add_input(Submit("submit", "Upload and preview"))

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data.get("file")
        if self.too_many:
            raise forms.ValidationError(TOO_MANY_UPLOADS)
        if self.too_large or (upload and upload.size > MAX_UPLOAD_BYTES):
            raise forms.ValidationError(TOO_LARGE)
        if not upload:
            raise forms.ValidationError("Choose a file to import.")
        try:
            data = read_file(upload, size=upload.size)
            self.upload = read_upload(data, name=upload.name)
            if self.upload.table is None:
                # A spreadsheet is checked in the preview, where its matching can change.
                plan_import(user=self.user, document=cast(dict[str, Any], self.upload.document))
        except Rejected as rejected:
            self.problems, self.more_problems = rejected.problems, rejected.more
            self.refused_name = upload.name
            raise forms.ValidationError(
                "This file cannot be imported, and nothing was saved: see what is wrong above."
            ) from None
        return upload


NOT_IMPORTED = ("", "Not imported")


ORDER_CHOICES = [("day", "The day comes first"), ("month", "The month comes first")]


ORDER_VALUES = {"day": True, "month": False}


class MatchingForm(PlainMessages, forms.Form):
    """Which of Bearing's fields each column of a spreadsheet fills, and, when its dates could
    be read two ways, whether the day or the month comes first.

    `matching()` is the choice as PendingImport keeps it. A field chosen for two columns is
    refused beside the second, with every other choice kept as made."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self,
        *args: Any,
        table: spreadsheet.Table,
        matching: dict[str, Any],
        token: str,
        built: spreadsheet.Built | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.table = table
        self.initial["token"] = token
        choices = [NOT_IMPORTED] + [
            (key, target.label) for key, target in spreadsheet.TARGETS.items()
        ]
        names = []
        for index, target in enumerate(matching["columns"]):
            name = f"column_{index}"
            samples = table.samples(index)
            header = spreadsheet.shortened(table.header[index])
            letter = column_letter(index)
            self.fields[name] = forms.ChoiceField(
                label=f"Column {letter}: {header}" if header else f"Column {letter}",
                choices=choices,
                required=False,
                help_text="e.g. " + "; ".join(samples) if samples else "Empty in every row.",
            )
            self.initial[name] = target
            names.append(name)
        self.fields["day_order"] = forms.ChoiceField(
            label="How are dates such as these written?",
            choices=ORDER_CHOICES,
            required=False,
            widget=forms.RadioSelect,
        )
        if matching["day_first"] is not None:
            self.initial["day_order"] = "day" if matching["day_first"] else "month"
        if built is None or built.question is None:
            # Nothing to ask: the order chosen before (if any) is kept as it was.
            self.fields["day_order"].widget = forms.HiddenInput()
        else:
            self.fields["day_order"].label = built.asked()
            cast(forms.ChoiceField, self.fields["day_order"]).choices = built.order_choices()
        self.helper = FormHelper()
        self.helper.form_action = reverse("account_import_matching")
        self.helper.form_id = "matching-form"
        self.helper.layout = Layout(
            "token",
            Div(
                "day_order",
                css_class="day-order mb-3 p-3 rounded border"
                + (" border-warning bg-warning-subtle" if built and built.pending else ""),
            )
            if built is not None and built.question is not None
            else "day_order",
            Row(
                *[Column(Field(name), css_class="col-sm-6 col-xl-4") for name in names],
                css_class="g-2",
            ),
            FormActions(Submit("submit", "Use this matching"), css_class="mb-0"),
        )

    def clean(self) -> dict[str, Any]:
        cleaned = cast(dict[str, Any], super().clean())  # a form's clean gives cleaned_data
        columns = [cleaned.get(f"column_{index}", "") for index in range(len(self.table.header))]
        for index, message in spreadsheet.matching_problems(columns).items():
            self.add_error(f"column_{index}", message)
        return cleaned

    def matching(self) -> dict[str, Any]:
        columns = [self.cleaned_data[f"column_{index}"] for index in range(len(self.table.header))]
        order = cast(str, self.cleaned_data.get("day_order"))  # the form is valid: it has one
        return {"columns": columns, "day_first": ORDER_VALUES.get(order)}
