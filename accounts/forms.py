"""Forms for signing up and keeping an account."""

from crispy_forms.bootstrap import FormActions
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout, Submit
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

from accounts.models import Profile
from core.clients import client_address
from core.forms import (
    LIVE_LIMIT,
    OwnedModelForm,
    PlainMessages,
)
from core.limits import count_hit, hits
from core.models import CURRENCY_MESSAGE, AccessToken, currency_code

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


class SignupForm(PlainMessages, UserCreationForm):
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


def password_is_right(request, user, password):
    """Whether `password` is the signed-in person's own.

    Asked through authenticate(), as the log-in page asks, so that django-axes counts a
    wrong password here too: 5 wrong ones lock these forms and the log-in page out for that
    username from that address, and a stolen session cannot guess its way to the account.
    """
    return authenticate(request, username=user.get_username(), password=password) == user


class DeleteAccountForm(PlainMessages, forms.Form):
    """The person's password, asked once more before the account goes."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
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
                HTML('{% include "account/_keep_account.html" %}'),
                css_class="d-flex flex-wrap gap-2 mb-0",
            ),
        )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError("That is not your password. Nothing has been deleted.")
        return password


class EmailChangeForm(PlainMessages, forms.Form):
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


class CheckedPasswordChangeForm(PlainMessages, PasswordChangeForm):
    """Django's password change, with the old password asked through authenticate() so that
    wrong guesses count towards the lock-out (password_is_right)."""

    error_messages = {
        "password_incorrect": "That is not your current password.",
        "password_mismatch": "The two new passwords are not the same.",
    }

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
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

    Failed log-ins are counted per client address in the rate-limit store (core.limits):
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


class LoginForm(CheckedLogin, PlainMessages, AuthenticationForm):
    """Django's log-in form, in Bearing's words."""

    error_messages = {
        "invalid_login": "That username and password do not match an account. Check both "
        "(capital letters count) and try again.",
        "inactive": "This account is closed.",
    }


class AdminLoginForm(CheckedLogin, PlainMessages, AdminAuthenticationForm):
    """The admin's log-in form, with the same checks as Bearing's (accounts.admin)."""

    error_messages = {
        "invalid_login": "That username and password do not match a staff account. Check "
        "both (capital letters count) and try again.",
        "inactive": "This account is closed.",
    }


class ResetForm(PlainMessages, PasswordResetForm):
    """Django's password reset request, in Bearing's words."""


class NewPasswordForm(PlainMessages, SetPasswordForm):
    """A new password, from a reset link, in Bearing's words."""

    error_messages = {"password_mismatch": "The two passwords are not the same."}


class ProfileForm(PlainMessages, forms.ModelForm):
    """The person's settings."""

    class Meta:
        model = Profile
        fields = ["currency"]
        # "EURO" would otherwise only hear that it has more than 3 characters.
        error_messages = {"currency": {"max_length": CURRENCY_MESSAGE}}
        help_texts = {
            "currency": "The ISO 4217 code of the currency you are paid in (EUR, USD, GBP…). "
            "New jobs start in it, and a spreadsheet's pay that names no currency is read in it."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Save settings"))

    def clean_currency(self):
        return currency_code(self.cleaned_data["currency"])


class AccessTokenForm(OwnedModelForm):
    """A new personal access token: a name for what will use it, and how long it works."""

    days = forms.TypedChoiceField(
        label="Expires",
        choices=[
            (days, f"After {label}" if days else label)
            for days, label in AccessToken.LIFETIMES.items()
        ],
        coerce=int,
        initial=AccessToken.DEFAULT_DAYS,
        help_text="It stops working after that; you can revoke it sooner at any time.",
    )

    class Meta:
        model = AccessToken
        fields = ["name"]
        labels = {"name": "Name"}
        help_texts = {
            "name": "A name to tell your tokens apart, such as the program you give it to. "
            "Only you see it."
        }
        widgets = {"name": forms.TextInput(attrs={"placeholder": "my spreadsheet"})}

    def get_layout(self):
        return Layout("name", "days", Submit("create", "Create a token"))

    def clean(self):
        cleaned = super().clean()
        if AccessToken.objects.owned_by(self.owner).live().count() >= LIVE_LIMIT:
            raise forms.ValidationError(
                f"You have {LIVE_LIMIT} tokens, the most Bearing keeps at once: revoke one you "
                "no longer use first."
            )
        return cleaned
