"""Forms for signing up and keeping an account."""

from crispy_forms.bootstrap import FormActions
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Field, Layout, Row, Submit
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.contrib.auth.models import User
from django.urls import reverse

from careers.forms import plain_messages

from .clients import client_address
from .limits import count_hit, hits
from .portability import spreadsheet
from .portability.merge import plan_import
from .portability.problems import Rejected
from .portability.reading import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_LABEL,
    TOO_LARGE,
    read_file,
    read_upload,
)
from .portability.tables import column_letter

# Files one account may upload to the import page in an hour: each is read, checked and set
# against the account, a few seconds of a worker at the page's limits.
UPLOADS_PER_HOUR = 20
TOO_MANY_UPLOADS = (
    f"You have uploaded {UPLOADS_PER_HOUR} files in the last hour, the most Bearing reads for "
    "one account in an hour. This one was not read and nothing was saved: upload it again "
    "later."
)

EMAIL_TAKEN = (
    "Another account already uses this email address; an address can belong to one account "
    "only. Use another address, or log in to that account (or reset its password)."
)


def email_is_taken(email, *, by_other_than=None):
    """Whether an account other than `by_other_than` has this address, in any case (the
    database's unique index on LOWER(email) is the backstop)."""
    others = User.objects.filter(email__iexact=email)
    if by_other_than is not None:
        others = others.exclude(pk=by_other_than.pk)
    return others.exists()


class SignupForm(UserCreationForm):
    """A new account: username, email and a password checked by Django's validators."""

    email = forms.EmailField(
        max_length=254,
        help_text="Used only to reset your password.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    error_messages = {"password_mismatch": "The two passwords are not the same."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)
        username = self.fields["username"]
        username.help_text = "The name you log in with: letters, digits and @ . + - _ (no spaces)."
        username.error_messages["invalid"] = (
            "Use only letters, digits and @ . + - _ in a username (no spaces)."
        )
        username.error_messages["unique"] = "That username is taken: choose another."
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Create my account", css_class="w-100"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email_is_taken(email):
            raise forms.ValidationError(EMAIL_TAKEN)
        return email


class ImportForm(forms.Form):
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

    def __init__(self, *args, user, too_large=False, too_many=False, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)
        self.user = user
        self.too_large = too_large
        self.too_many = too_many  # past UPLOADS_PER_HOUR: refused unread
        self.upload = None
        self.problems = []
        self.more_problems = 0
        self.refused_name = None
        self.fields["file"].widget.attrs["accept"] = ".json,.zip,.csv"
        self.helper = FormHelper()
        self.helper.form_action = reverse("account_import")
        self.helper.add_input(Submit("submit", "Upload and preview"))

    def clean_file(self):
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
                plan_import(user=self.user, document=self.upload.document)
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


class MatchingForm(forms.Form):
    """Which of Bearing's fields each column of a spreadsheet fills, and, when its dates could
    be read two ways, whether the day or the month comes first.

    `matching()` is the choice as PendingImport keeps it. A field chosen for two columns is
    refused beside the second, with every other choice kept as made."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, table, matching, token, built=None, **kwargs):
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
            self.fields["day_order"].choices = built.order_choices()
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

    def clean(self):
        cleaned = super().clean()
        columns = [cleaned.get(f"column_{index}", "") for index in range(len(self.table.header))]
        for index, message in spreadsheet.matching_problems(columns).items():
            self.add_error(f"column_{index}", message)
        return cleaned

    def matching(self):
        columns = [self.cleaned_data[f"column_{index}"] for index in range(len(self.table.header))]
        order = self.cleaned_data.get("day_order")
        return {"columns": columns, "day_first": ORDER_VALUES.get(order)}


def password_is_right(request, user, password):
    """Whether `password` is the signed-in person's own.

    Asked through authenticate(), as the log-in page asks, so that django-axes counts a
    wrong password here too: 5 wrong ones lock these forms and the log-in page out for that
    username from that address, and a stolen session cannot guess its way to the account.
    """
    return authenticate(request, username=user.get_username(), password=password) == user


class DeleteAccountForm(forms.Form):
    """The person's password, asked once more before the account goes."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)
        self.user = user
        self.request = request
        delete = Submit("submit", "Delete my account for good")
        delete.field_classes = "btn btn-danger"
        self.helper = FormHelper()
        self.helper.form_action = reverse("account_delete")
        self.helper.layout = Layout(
            "password",
            FormActions(
                delete,
                HTML(
                    f'<a class="btn btn-outline-secondary" href="{reverse("account")}">'
                    "No, keep my account</a>"
                ),
                css_class="d-flex flex-wrap gap-2 mb-0",
            ),
        )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError("That is not your password. Nothing has been deleted.")
        return password


class EmailChangeForm(forms.Form):
    """A new email address, confirmed with the current password."""

    email = forms.EmailField(label="New email address", max_length=254)
    password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Asked again because the address is where password resets are sent.",
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)
        self.user = user
        self.request = request
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Change my email"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email_is_taken(email, by_other_than=self.user):
            raise forms.ValidationError(EMAIL_TAKEN)
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError("That is not your current password.")
        return password

    def save(self):
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])
        return self.user


class CheckedPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the old password asked through authenticate() so that
    wrong guesses count towards the lock-out (password_is_right)."""

    error_messages = {
        "password_incorrect": "That is not your current password.",
        "password_mismatch": "The two new passwords are not the same.",
    }

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        plain_messages(self)
        self.request = request

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not password_is_right(self.request, self.user, old_password):
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


USERNAME_LENGTH = User._meta.get_field("username").max_length
# Failed log-ins from one address, whatever the usernames, in a quarter of an hour; then
# every log-in from it waits until the quarter ends. django-axes locks one username at one
# address after 5 (settings.AXES_FAILURE_LIMIT); this stops one address trying a few
# passwords against every username, each try a password hash.
FAILED_LOGINS_ALLOWED = 20
FAILED_LOGIN_WINDOW = 15 * 60
TOO_MANY_FAILED_LOGINS = (
    f"Too many failed log-ins came from your network: Bearing allows {FAILED_LOGINS_ALLOWED} "
    "in a quarter of an hour, for any usernames. Wait a quarter of an hour and try again. "
    "If you have forgotten your password, you can choose a new one."
)


class CheckedLogin:
    """What both log-in pages (Bearing's and the admin's) check before a password is tried.

    A username longer than any account's is refused as a wrong password is, without asking
    for it: Django's form sets the field's length after the fact and checks nothing, so the
    name reached django-axes, which keeps it in a varchar(255) and failed (a 500).

    Failed log-ins are counted per client address in the rate-limit store (accounts.limits):
    past FAILED_LOGINS_ALLOWED, no password is tried from that address (no hash computed)
    until the window ends."""

    def clean(self):
        if len(self.cleaned_data.get("username") or "") > USERNAME_LENGTH:
            raise self.get_invalid_login_error()
        address = client_address(self.request)
        if hits("login-failure", address, FAILED_LOGIN_WINDOW) >= FAILED_LOGINS_ALLOWED:
            raise forms.ValidationError(TOO_MANY_FAILED_LOGINS, code="too_many")
        try:
            return super().clean()
        except forms.ValidationError:
            if self.user_cache is None:  # the password was tried and failed
                count_hit("login-failure", address, FAILED_LOGIN_WINDOW)
            raise


class LoginForm(CheckedLogin, AuthenticationForm):
    """Django's log-in form, in Bearing's words."""

    error_messages = {
        "invalid_login": "That username and password do not match an account. Check both "
        "(capital letters count) and try again.",
        "inactive": "This account is closed.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)


class AdminLoginForm(CheckedLogin, AdminAuthenticationForm):
    """The admin's log-in form, with the same checks as Bearing's (accounts.admin)."""


class ResetForm(PasswordResetForm):
    """Django's password reset request, in Bearing's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)


class NewPasswordForm(SetPasswordForm):
    """A new password, from a reset link, in Bearing's words."""

    error_messages = {"password_mismatch": "The two passwords are not the same."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_messages(self)
