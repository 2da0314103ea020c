"""What Bearing keeps between requests, and why each piece is always correct.

Two layers:

- Rendered pages in Django's cache (local memory, or Redis when REDIS_URL is set), keyed by
  the person's `Profile.data_version`, which every change of their data bumps in the same
  transaction as the change (careers.signals, jobs.signals). A new version makes a new key:
  nothing is ever invalidated by hand, stale entries just age out.
- In each server process, a person's rows and scores as plain Python objects (`Person`),
  so that after a change only what changed is read and scored again. Everything in it is
  named by versions read from the database in the same request (the careers version, each
  job's revision, the date), so a process never serves what another process has since
  changed: it finds a version it has not seen and reads again. The whole layer is named by
  a generation kept in the shared cache, so clearing the cache (after restoring a database,
  say) empties it in every process too.
"""

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from careers.models import Profile

TIMEOUT = 60 * 60 * 24
GENERATION_KEY = "bearing:generation"


@dataclass(frozen=True)
class Versions:
    """A person's versions. The profile's id is part of them: a profile made again (after a
    deletion) starts its versions again, and must not meet what was kept under the old."""

    profile: int | None
    data: int
    careers: int


def versions(user):
    """The person's profile id and data and careers versions: one query."""
    row = Profile.objects.filter(owner=user).values_list("id", "data_version", "careers_version")
    return Versions(*(row.first() or (None, 0, 0)))


def cached(user, name, *params, compute):
    """`compute(versions)` for this person, reused until their data changes.

    `params` must name everything else the value depends on (the date, a direction id).
    An exception in `compute` (a 404) caches nothing.
    """
    current = versions(user)
    if current.profile is None:
        return compute(current)  # nothing entered yet (any change makes the profile)
    version = f"{current.profile}.{current.data}"
    key = ":".join(["bearing", name, str(user.pk), version, *map(str, params)])
    value = cache.get(key) if settings.BEARING_PAGE_CACHE else None
    if value is None:
        value = compute(current)
        cache.set(key, value, TIMEOUT)
    return value


def generation():
    """The shared cache's generation: a new one whenever the cache was cleared."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        value = cache.get(GENERATION_KEY) or "uncached"
    return value


@dataclass
class Person:
    """One person's careers side and jobs as this process last read them.

    `careers` is read once per careers version; `jobs` maps a job id to (revision, entry);
    `plans` maps a direction asked to the prepared directions; `results` maps a date to
    {direction asked: {job id: (revision, score)}}; `kept` maps a date to rendered pieces.
    """

    key: tuple = ()  # (generation, user id, profile id, careers version)
    careers: object = None
    jobs: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    results: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)  # today's rendered pieces (History.kept)


class People:
    """The most recently seen people of this process, keeping at most `jobs` jobs in all
    (about 5 KB each): the least recently seen go first, the person asking always stays."""

    def __init__(self, jobs):
        self.jobs = jobs
        self._people = OrderedDict()
        self._sizes = {}
        self._total = 0
        self._lock = threading.Lock()

    def get(self, user_id, known):
        key = (generation(), user_id, known.profile, known.careers)
        with self._lock:
            person = self._people.pop(key, None) or Person(key=key)
            self._people[key] = person
        return person

    def kept(self, person):
        """Count the person's jobs now kept, and forget others past the limit."""
        key = person.key
        with self._lock:
            if self._people.get(key) is not person:
                return  # forgotten meanwhile (another thread): nothing of it is counted
            self._total += len(person.jobs) - self._sizes.get(key, 0)
            self._sizes[key] = len(person.jobs)
            while self._total > self.jobs and len(self._people) > 1:
                old, _ = self._people.popitem(last=False)
                if old == key:  # the person asking stays, as the most recent
                    self._people[key] = person
                    continue
                self._total -= self._sizes.pop(old, 0)

    def clear(self):
        with self._lock:
            self._people.clear()
            self._sizes.clear()
            self._total = 0


people = People(settings.BEARING_KEPT_JOBS)
