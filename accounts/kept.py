"""A form that could not be taken when it was sent — the session had ended, or the page was
older than the person's last log-in (its CSRF token no longer the browser's) — is kept, so that
nothing typed is lost: the person signs in if need be, sees what they typed, and sends it again
with a button. Nothing is ever sent again on their behalf, and the CSRF check stays whole: the
form sent again carries a fresh token, from a page of Bearing's.

What is kept: the fields of a form of fields (not files) sent from Bearing's own pages to a page
for signed-in people, less passwords and the CSRF token; at most 100 KB, one form at a time, for
an hour, in the person's session. A form refused by the CSRF check is kept only when the browser
says it came from Bearing's own pages (its Origin, or else its Referer): a form another site
made a browser send is refused as before, and offered to nobody.
"""

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.forms.utils import pretty_name
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

KEY = "kept_form"
LIMIT_BYTES = 100_000
LIMIT_LABEL = "100 KB"
LIFETIME = timedelta(hours=1)
# Sent again as they were, but not listed: they say nothing a person typed.
UNLISTED = {"once", "lock_version", "seen_version", "token", "matching", "next", "offered"}


def keepable(request):
    """Whether this POST is a form of fields sent to a page for signed-in people (the form
    that sends it again included, which keeps nothing of its own)."""
    if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
        return False
    if request.path_info.startswith("/api/") or request.path_info == reverse("send_again"):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "login_required", True)


def from_bearing(request):
    """Whether the browser says the form came from one of Bearing's own pages."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        referer = urlsplit(request.headers.get("Referer", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.netloc else ""
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    return bool(origin) and (origin == own or origin in settings.CSRF_TRUSTED_ORIGINS)


def form_of(request):
    """The form as it is kept: where it was sent, its fields (name, value) in order, and what
    was left out."""
    fields, passwords = [], False
    for name, values in request.POST.lists():
        if name == "csrfmiddlewaretoken":
            continue
        if "password" in name:
            passwords = passwords or any(values)
            continue
        fields += [(name, value) for value in values]
    too_large = sum(len(name) + len(value) for name, value in fields) > LIMIT_BYTES
    return {
        "path": request.get_full_path(),
        "fields": [] if too_large else fields,
        "passwords": passwords,
        "too_large": too_large,
        "kept_at": timezone.now().isoformat(),
    }


def keep(request):
    """Keep the form in the session, in place of any kept before."""
    request.session[KEY] = form_of(request)


def typed(value):
    """Whether a value reads as something typed (words, a date), to list it; a bare number is
    most often the key of a choice (a direction's id, a priority) and says little alone."""
    return bool(re.search(r"[^\W\d_]", value) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def page(request, kept, *, session_ended, status=200):
    """The page that shows a kept form and sends it again with a fresh CSRF token."""
    listed = [
        (pretty_name(name), value if len(value) <= 120 else f"{value[:120]}…")
        for name, value in kept["fields"]
        if name not in UNLISTED and not name.startswith("sure_") and typed(value)
    ]
    return render(
        request,
        "account/send_again.html",
        {
            "kept": kept,
            "listed": listed,
            "session_ended": session_ended,
            "limit": LIMIT_LABEL,
        },
        status=status,
    )


def send_again(request):
    """The form kept when the session had ended, to send again now that the person is signed
    in (GET), or to discard (POST)."""
    kept = request.session.get(KEY)
    if request.method == "POST":
        request.session.pop(KEY, None)
        messages.info(request, "The form you had sent is discarded.")
        return redirect("alignment:dashboard")
    if kept is None or datetime.fromisoformat(kept["kept_at"]) < timezone.now() - LIFETIME:
        request.session.pop(KEY, None)
        messages.info(request, "No form is waiting to be sent again.")
        return redirect("alignment:dashboard")
    return page(request, kept, session_ended=True)


SESSION_ENDED = (
    "Your session had ended, so the form you sent was not saved. What you typed is kept: log "
    "in, and you can send it again."
)


def kept_until_signed_in(request, login_form):
    """For a form sent when the session had ended: keep it, and show the log-in form, which
    leads to the kept form, ready to send again (the CSRF failure view's answer)."""
    keep(request)
    return render(
        request,
        "registration/signed_out.html",
        {"form": login_form(request), "next": reverse("send_again"), "kept": request.session[KEY]},
        status=403,
    )
