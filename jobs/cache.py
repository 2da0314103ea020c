"""Pages cached per person and per data version, so any cache backend stays correct.

The key holds the person's `Profile.data_version`, which every change of their data bumps
(careers.signals) in the same transaction as the change. A new version makes a new key:
nothing is ever invalidated by hand, stale entries just age out. One query reads the version.
"""

from django.core.cache import cache

from careers.models import Profile

TIMEOUT = 60 * 60 * 24


def data_version(user):
    """The person's data version (0 before their first change): one query."""
    return Profile.objects.filter(owner=user).values_list("data_version", flat=True).first() or 0


def cached(user, name, *params, compute):
    """`compute()` for this person, reused until their data changes.

    `params` must name everything else the value depends on (the date, a direction id).
    An exception in `compute` (a 404) caches nothing.
    """
    key = ":".join(["bearing", name, str(user.pk), str(data_version(user)), *map(str, params)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
