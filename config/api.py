"""Bearing's JSON API, /api/v1/, built with django-ninja: the endpoints of each app
(alignment, careers and portability), for the signed-in person or for their own tools with a
personal access token, described by the OpenAPI document at /api/v1/openapi.json.

The API authenticates every request itself (core.auth: a token, else the session), so
Django's log-in requirement steps aside for its views; anything it refuses is JSON with a
`detail`, like every error under /api/ (config.errors).
"""

import json
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from alignment.api import router as alignment_router
from alignment.asked import Canonical, redirect_canonical
from alignment.next_api import router as next_router
from careers.api import router as careers_router
from config.errors import NOT_SIGNED_IN, api_error, not_found
from core.auth import AccessTokenAuth, SessionAuth, TokenThrottle, TooMany
from portability.api import router as portability_router

DESCRIPTION = """\
A person's own data in Bearing, read-only: the alignment the dashboard shows, their jobs and
directions (with the fields of the export), the bridges of "Your next job" (occupations they
could move into now that would build toward a direction), and the O*NET occupation reference.

**Authentication**: a personal access token, made on the account's "API tokens" page and sent
as `Authorization: Bearer brg_…`, or the signed-in browser session. Without either: 401.
**Errors** are JSON: `{"detail": "…"}`. **Limits**: 120 requests a minute per token (429 with
`Retry-After`). **Pages**: the lists take `page` (from 1) and `page_size` (50, at most 100) and
answer `{"items": […], "count": N}`.
"""


class BearingAPI(NinjaAPI):
    """django-ninja's API with Bearing's conventions: JSON errors with a `detail`, plain
    `application/json`, and HEAD answered as GET (`urls` puts every view past the log-in
    requirement: the API's own authentication answers instead)."""

    def get_content_type(self):
        return "application/json"  # UTF-8 by definition (RFC 8259): no charset parameter

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            operations.pop("head", None)  # answered as GET; one operation id each
        return schema


def _root(request):
    raise Http404


def _json_405(view):
    """ninja answers a method it has no operation for with a bare 405; say it in JSON."""

    @wraps(view)
    def answered(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "Allow" in response:
            allowed = ", ".join(sorted(method.strip() for method in response["Allow"].split(",")))
            refused = api_error(f"This address answers {allowed} only.", 405)
            refused["Allow"] = allowed
            return refused
        return response

    return answered


api = BearingAPI(
    title="Bearing API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,  # the interactive docs would load their script from a CDN: docs/api.md
    auth=[AccessTokenAuth(), SessionAuth()],
    throttle=[TokenThrottle()],
)
api.add_router("", alignment_router)
api.add_router("", portability_router)
api.add_router("", next_router)
api.add_router("", careers_router)


@api.exception_handler(AuthenticationError)
def _unauthorised(request, exc):
    detail = NOT_SIGNED_IN if exc.message == AuthenticationError().message else exc.message
    response = api_error(detail, 401)
    response["WWW-Authenticate"] = 'Bearer realm="Bearing API"'
    return response


@api.exception_handler(TooMany)
@api.exception_handler(Throttled)
def _too_many(request, exc):
    response = api_error("Too many requests: wait a little and try again.", 429)
    response["Retry-After"] = str(int(exc.wait))
    return response


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api_error(exc.message, exc.status_code)


@api.exception_handler(Canonical)
def _canonical(request, exc):
    """A `?direction=` in another spelling (0152): a 301 to its one spelling."""
    return redirect_canonical(request, exc.query)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return not_found(request, exc)  # the site's own 404, which answers JSON under /api/


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    """422, with every problem in one sentence in `detail` and ninja's list in `errors`."""
    said = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'][1:]) or error['loc'][0]}: {error['msg']}"
        for error in exc.errors
    )
    detail = f"This request cannot be read: {said}."
    response = api_error(detail, 422)
    response.content = json.dumps({"detail": detail, "errors": exc.errors}, default=str)
    return response


def urls():
    """The API's URL patterns as ninja makes them (`api.urls`), each view past Django's
    log-in requirement and answering an unknown method in JSON; the root answers nothing, and
    the description, which only reads, answers any method but GET and HEAD with a 405 (ninja
    serves it to any method, and the CSRF check answered an unsafe one first with a 403)."""
    patterns, app_name, namespace = api.urls
    kept = []
    for pattern in patterns:
        if pattern.name == "api-root":
            # ninja reverses its root to place the paths; the root itself answers nothing.
            pattern = path(str(pattern.pattern), _root, name="api-root")
        if pattern.name == "openapi-json":
            pattern.callback = csrf_exempt(require_safe(pattern.callback))
        pattern.callback = login_not_required(_json_405(pattern.callback))
        kept.append(pattern)
    return kept, app_name, namespace
