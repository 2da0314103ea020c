"""A small fixed-window rate limit per client address, kept in the cache.

With several app servers, point them at one Redis (REDIS_URL) so the count is shared.
"""

import time

from django.core.cache import cache
from django.shortcuts import render


def over_limit(request, scope, *, limit, seconds):
    """Count this request against `scope` for its address; True once `limit` is passed."""
    window = int(time.time() // seconds)
    key = f"bearing:limit:{scope}:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count > limit


def too_many(request, what):
    """The page a person sees when they hit a limit (HTTP 429)."""
    return render(request, "registration/too_many.html", {"what": what}, status=429)
