"""Error pages: the site's own templates, and JSON with a `detail` for the API."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

from accounts import kept
from accounts.forms import LoginForm

API_PREFIX = "/api/"
NOT_SIGNED_IN = (
    "Log in first, or send a personal access token (Authorization: Bearer …): "
    "the API answers the signed-in person only."
)


def is_api(request):
    return request.path.startswith(API_PREFIX)


def api_error(detail, status):
    response = JsonResponse({"detail": detail}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def not_found(request, exception):
    if is_api(request):
        # Http404's own words ("No such direction.") when a view gave some.
        message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
        return api_error(message or "Not found.", 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api(request):
        return api_error("Something went wrong on our side; it has been logged.", 500)
    return defaults.server_error(request)


def permission_denied(request, exception):
    if is_api(request):
        return api_error("You may not do this.", 403)
    return defaults.permission_denied(request, exception)


def bad_request(request, exception):
    if is_api(request):
        return api_error("This request cannot be read.", 400)
    return defaults.bad_request(request, exception)


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check. Sent from one of Bearing's own pages to a page for
    signed-in people, it is kept (accounts.kept): shown again with a fresh token to send, or,
    when the session had ended, kept behind the log-in form. Anything else: Bearing's own
    page, never Django's."""
    if is_api(request):
        return api_error("The CSRF token is missing or wrong.", 403)
    if kept.keepable(request) and kept.from_bearing(request):
        if request.user.is_authenticated:
            return kept.page(request, kept.form_of(request), session_ended=False, status=403)
        return kept.kept_until_signed_in(request, LoginForm)
    return render(request, "403_csrf.html", status=403)
