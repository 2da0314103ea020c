"""Who an API request is for: a personal access token (`Authorization: Bearer brg_…`), or
else the signed-in session. django-ninja runs these for every operation of the API
(config.api); the first that answers wins, and what it answers becomes `request.user`.

A request that sends a token is judged by the token alone: a wrong, revoked or malformed
one is a 401 even beside a valid session, so a script never works by accident in a signed-in
browser. Wrong tokens are limited per client address here; a good token's calls per minute
by `TokenThrottle`, django-ninja's throttle hook, which runs once the request is
authenticated. Both count in the database (core.limits), like every limit of Bearing.
"""

import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.throttling import BaseThrottle

from core.clients import client_address
from core.limits import count_hit, hits, over_limit
from core.models import AccessToken, by_token

CALLS_PER_MINUTE = 120  # per token
MISSES_ALLOWED = 20  # wrong tokens from one address in MISS_WINDOW, then 429 until it ends
MISS_WINDOW = 15 * 60

BAD_HEADER = "Send the token as `Authorization: Bearer <token>`."
BAD_TOKEN = "This token is not valid: it is unknown, revoked, expired or mistyped."  # noqa: S105


class TooMany(HttpError):
    """429, with how long to wait."""

    def __init__(self, wait: int) -> None:
        super().__init__(429, "Too many requests: wait a little and try again.")
        self.wait = wait


def _seconds_left(window: int) -> int:
    return window - int(time.time()) % window


class AccessTokenAuth(HttpBearer):
    """A personal access token in the Authorization header: its owner, or 401."""

    def __call__(self, request: HttpRequest) -> User | None:
        header = request.headers.get(self.header)
        if not header:
            return None  # no token: the session may answer
        scheme, _, token = header.partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise AuthenticationError(401, BAD_HEADER)
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User:
        address = client_address(request)
        if hits("api-token-miss", address, MISS_WINDOW) >= MISSES_ALLOWED:
            raise TooMany(_seconds_left(MISS_WINDOW))
        row = by_token(AccessToken.objects.usable(), token)
        if row is None:
            count_hit("api-token-miss", address, MISS_WINDOW)
            raise AuthenticationError(401, BAD_TOKEN)
        row.used()
        request.user = row.owner  # the views, and the no-store header, read the person here
        request.access_token = row  # type: ignore[attr-defined]  # for TokenThrottle
        return row.owner


class TokenThrottle(BaseThrottle):
    """CALLS_PER_MINUTE calls a minute per token (a browser session is not limited here):
    ninja answers a call past it with 429 and `wait()` as Retry-After (config.api)."""

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "access_token", None)
        if token is None:
            return True
        return not over_limit(
            request, "api-token", limit=CALLS_PER_MINUTE, seconds=60, key=str(token.pk)
        )

    def wait(self) -> int:
        return _seconds_left(60)


class SessionAuth(APIKeyCookie):
    """The signed-in person of a browser session (Django's own log-in). ninja checks the CSRF
    token for any unsafe method, as Django would for a page."""

    def __init__(self) -> None:
        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | AnonymousUser | None:
        user = request.user
        return user if user.is_authenticated else None
