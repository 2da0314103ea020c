"""\"Try the demo\" (a private copy of Elena's history for one visitor), and ending a demo to
sign up."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from accounts.deletion import delete_account
from core.limits import over_limit, too_many
from demo.elena import create_demo_account
from demo.models import DemoAccount

DEMOS_PER_HOUR = 10


# In a demo's session: the pages show the demo banner (templates/includes/_demo_banner.html)
# without asking the database.
DEMO_SESSION_KEY = "bearing_demo"


@login_not_required
@require_POST
def try_demo(request):
    """Try the demo: a private account holding the demo's history, signed in at once, with no
    password to remember; removed after a day (`manage.py housekeeping`)."""
    if request.user.is_authenticated:
        return redirect("alignment:dashboard")
    if over_limit(request, "demo", limit=DEMOS_PER_HOUR, seconds=3600):
        return too_many(
            request,
            "demo accounts",
            limit=f"Bearing makes at most {DEMOS_PER_HOUR} demo accounts an hour for a network.",
        )
    user = create_demo_account()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[DEMO_SESSION_KEY] = True
    # The session ends when the account is due to go, however busy it is (an int would
    # count from the last change); nobody can log into a demo again.
    request.session.set_expiry(user.demo_account.created_at + DemoAccount.LIFETIME)
    messages.success(
        request,
        "Welcome to your private demo. This is Elena's history: she waits tables to pay for "
        "wrestling school. Explore it and change anything you like; nobody else sees it, and "
        "it is removed after a day. To keep a history of your own, sign up.",
    )
    return redirect("alignment:dashboard")


@require_POST
def end_demo(request):
    """End a demo at once, everything in it deleted, and go on to sign up. Only a demo
    account can be ended here: anybody else gets a 404 and keeps everything."""
    if not DemoAccount.objects.filter(user=request.user).exists():
        raise Http404("This is not a demo account.")
    delete_account(request.user)
    logout(request)
    messages.info(request, "Your demo is deleted. Sign up to start a history of your own.")
    return redirect("signup")
