"""The public pages (landing, sign-up, the demo), and the signed-in person's account:
settings, export, import and deletion."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts.deletion import delete_account, what_is_deleted
from accounts.forms import (
    EMAIL_TAKEN,
    AccessTokenForm,
    CheckedPasswordChangeForm,
    DeleteAccountForm,
    EmailChangeForm,
    LoginForm,
    ProfileForm,
    ResetForm,
    SignupForm,
    email_is_taken,
)
from accounts.models import Profile
from core.auth import CALLS_PER_MINUTE
from core.limits import over_limit, too_many
from core.models import AccessToken
from core.once import saved_once
from core.views import make_secret, revoke, secrets_listed

SIGNUPS_PER_HOUR = 10  # per client address
RESETS_PER_HOUR = 5


@login_not_required
def home(request):
    """The public landing page; a signed-in person goes straight to their dashboard."""
    if request.user.is_authenticated:
        return redirect("alignment:dashboard")
    return render(request, "home.html")


@login_not_required
@sensitive_post_parameters()
def signup(request):
    """Create an account and sign the new person in."""
    if request.user.is_authenticated:
        return redirect("alignment:dashboard")
    if request.method == "POST" and over_limit(
        request, "signup", limit=SIGNUPS_PER_HOUR, seconds=3600
    ):
        return too_many(request, "sign-ups")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
                Profile.objects.create(owner=user)
        except IntegrityError:
            # Somebody took the username or the address between the form's check and the save.
            if email_is_taken(form.cleaned_data["email"]):
                form.add_error("email", EMAIL_TAKEN)
            else:
                form.add_error("username", "A user with that username already exists.")
            return render(request, "registration/signup.html", {"form": form})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("alignment:dashboard")
    return render(request, "registration/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address so it cannot be used to flood a mailbox."""

    form_class = ResetForm

    def post(self, request, *args, **kwargs):
        if over_limit(request, "password-reset", limit=RESETS_PER_HOUR, seconds=3600):
            return too_many(request, "password reset requests")
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; the old password counts towards the lock-out."""

    form_class = CheckedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class LoginView(auth_views.LoginView):
    """Django's log-in, with "Try the demo"; while DEBUG is on it also names the shared demo
    log-in that `make run` loads (elena / bearing-demo)."""

    authentication_form = LoginForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many"):
            response.status_code = 429
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_demo_login"] = settings.DEBUG
        return context


def account(request):
    """The person's settings, and the account's life: export, import, deletion."""
    profile = Profile.for_user(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("account")
    return render(request, "account/account.html", {"form": form})


# --- Export ------------------------------------------------------------------------------


# --- Import: upload → preview → confirm ------------------------------------------------------
# A checked file waits in a row of its own (PendingImport), one per person, never in the
# session; the preview's token names it, and confirming it a second time imports nothing.


# --- Deletion --------------------------------------------------------------------------------


@sensitive_post_parameters()
def delete(request):
    """Delete the account and everything in it, once the person gives their password."""
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        delete_account(request.user)
        logout(request)
        messages.success(
            request,
            "Your account and everything in it have been deleted. Thank you for using Bearing.",
        )
        return redirect("home")
    return render(
        request,
        "account/delete.html",
        {"form": form, "deleted": what_is_deleted(request.user)},
    )


@sensitive_post_parameters()
def change_email(request):
    """Change the sign-in email address, after the current password is given again."""
    form = EmailChangeForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            # Another account took the address between the form's check and the save.
            form.add_error("email", EMAIL_TAKEN)
            return render(request, "account/email.html", {"form": form})
        messages.success(request, "Your email address is changed.")
        return redirect("account")
    return render(request, "account/email.html", {"form": form})


NEW_TOKEN = "sharing:new-token"  # noqa: S105 - a session key


@saved_once
def tokens(request):
    """The person's API tokens: make one (shown once), see when each was last used, revoke."""
    form = AccessTokenForm(request.POST or None, owner=request.user)

    def make(data):
        return AccessToken.create(owner=request.user, name=data["name"], days=data["days"])

    if make_secret(request, form, make, NEW_TOKEN):
        return redirect("tokens")
    listed = secrets_listed(request, AccessToken.objects.owned_by(request.user), NEW_TOKEN)
    return render(
        request,
        "account/tokens.html",
        {
            "form": form,
            **listed,
            "new_token": listed["new"] and listed["new"]["token"],
            "api_url": request.build_absolute_uri(reverse("api:alignment")),
            "calls_per_minute": CALLS_PER_MINUTE,
        },
    )


@require_POST
def token_revoke(request, pk):
    """Revoke a token: the next request that sends it is refused."""
    revoke(request, AccessToken, pk, "The token “{row.name}” is revoked: it no longer works.")
    return redirect("tokens")
