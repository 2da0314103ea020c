"""Project-wide middleware."""

from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.urls import reverse
from django.utils.cache import patch_cache_control

from accounts import kept
from config.errors import NOT_SIGNED_IN, api_error, is_api


class NoStoreForSignedInMiddleware:
    """Pages served to a signed-in person show their data: no cache may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class NoNulInQueryMiddleware:
    """A NUL character in the query string (a search, a page number) is dropped.

    PostgreSQL cannot hold or compare text with NUL in it and raises an error, where SQLite
    quietly searches for it; nobody types a NUL, so the query is read without it, the same on
    both. Forms refuse a NUL beside the field instead (Django's CharField does), and the
    import refuses it with its place in the file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A NUL reaches the query string only escaped: no other request pays for the check.
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class LoginRequired(LoginRequiredMiddleware):
    """Django's log-in requirement; the API answers a visitor who is not signed in with a
    JSON 401 instead of sending them to the log-in page. (The API's own views authenticate
    each request themselves, session or token, and answer the same: config.api.)"""

    def handle_no_permission(self, request, view_func):
        if is_api(request):
            return api_error(NOT_SIGNED_IN, 401)
        if kept.keepable(request):
            # A form sent after the session ended (from Bearing's own page: it passed the
            # CSRF check) is kept, to be sent again once the person has logged in.
            kept.keep(request)
            messages.info(request, kept.SESSION_ENDED)
            return redirect_to_login(reverse("send_again"))
        return super().handle_no_permission(request, view_func)
