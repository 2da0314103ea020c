"""Rate limits: how often one client may do one thing (sign up, ask for reset mail…) in a
window of time, counted in the database.

The database, because a count must be shared by every worker and every server, and survive
a restart and a full cache: a count kept in a process's memory, beside the page cache,
could be dodged by waiting for a new worker or by pushing it out of the cache. The limited
things are rare (a sign-up, a reset mail), so one small write each costs nothing.
"""

import time
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.clients import client_address
from core.models import Hit


def over_limit(
    request: HttpRequest, scope: str, *, limit: int, seconds: int, key: str | None = None
) -> bool:
    """Count this request against `scope` for its client (or for `key`); True once more than
    `limit` were counted in the current window of `seconds`."""
    return count_hit(scope, key if key is not None else client_address(request), seconds) > limit


def count_hit(scope: str, key: str, seconds: int) -> int:
    """Add one to the count of (scope, key) in the current window; the count after it."""
    window = int(time.time() // seconds)
    rows = Hit.objects.filter(scope=scope, key=key[:200], window=window)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    expires = datetime.fromtimestamp((window + 1) * seconds, tz=UTC)
                    Hit.objects.create(
                        scope=scope, key=key[:200], window=window, count=1, expires_at=expires
                    )
                # A new window: the counts of windows gone by are of no more use.
                Hit.objects.filter(expires_at__lt=datetime.now(tz=UTC)).delete()
                return 1
            except IntegrityError:  # another request made the row in between
                rows.update(count=F("count") + 1)
        return rows.values_list("count", flat=True).get()


def hits(scope: str, key: str, seconds: int) -> int:
    """How many were counted for (scope, key) in the current window of `seconds`, without
    counting this look (0 when none were)."""
    window = int(time.time() // seconds)
    rows = Hit.objects.filter(scope=scope, key=key[:200], window=window)
    return rows.values_list("count", flat=True).first() or 0


def too_many(request: HttpRequest, what: str, limit: str = "") -> HttpResponse:
    """The page a person sees when they hit a limit (HTTP 429); `limit` says what it is."""
    context = {"what": what, "limit": limit}
    return render(request, "registration/too_many.html", context, status=429)
