"""Rendered pages kept in Django's cache, named by the person's data version.

Every change of a person's data bumps their `DataVersion` in the same transaction
(core.models.bump_data_version), so a page cached under the old version is simply never
asked for again: nothing is invalidated by hand, stale entries age out, and a cache shared
by several servers (Redis) is as correct as one in each process.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache

from core.models import DataVersion

TIMEOUT = 60 * 60 * 24


def cached(user: User, name: str, *params: object, compute: Callable[[], Any]) -> Any:
    """`compute()` for this person, reused until their data changes: 1 query.

    `params` must name everything else the value depends on (the date, a direction id),
    each in one canonical spelling. An exception in `compute` (a 404) caches nothing.
    """
    row = DataVersion.objects.filter(owner=user).values_list("id", "version").first()
    if row is None:
        return compute()  # nothing entered yet (the first change makes the row)
    key = ":".join(["bearing", name, str(user.pk), f"{row[0]}.{row[1]}", *map(str, params)])
    value = cache.get(key) if settings.BEARING_PAGE_CACHE else None
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
