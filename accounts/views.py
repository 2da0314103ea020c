"""The public pages (landing, sign-up) and the signed-in person's account page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render

from careers.forms import ProfileForm
from careers.models import Profile

from .forms import SignupForm


@login_not_required
def home(request):
    """The public landing page; a signed-in person goes straight to their dashboard."""
    if request.user.is_authenticated:
        return redirect("jobs:dashboard")
    return render(request, "home.html")


@login_not_required
def signup(request):
    """Create an account and sign the new person in."""
    if request.user.is_authenticated:
        return redirect("jobs:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to Bearing, {user.username}.")
        return redirect("jobs:dashboard")
    return render(request, "registration/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Django's log-in, which also names the demo account while DEBUG is on."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_demo_login"] = settings.DEBUG
        return context


def account(request):
    """The person's settings: the currency new jobs start with, and the account's life."""
    profile = Profile.for_user(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("account")
    return render(request, "account/account.html", {"form": form})
