"""Housekeeping: every row Bearing deletes because of its age, which `manage.py housekeeping`
runs daily.

The list of deletions, in the order they run, is `settings.BEARING_HOUSEKEEPING`: core's own
below, and those of the apps above it (demo accounts, waiting imports, share links), each a
function of the app that owns the rows, named there by its dotted path, so that core imports
nothing of those apps and a reader finds every deletion in one list. Each takes the moment
of the run and the command's options and answers (how many, what, which).

Some of these rows are also deleted in passing (a new window of a rate limit clears the old
counts, a new upload the waiting files nobody came back for, a new share link the links long
ended); the command makes sure they go on a quiet server too, and deletes what nothing else
does: demo accounts past their day, expired sessions, and the log-in records of django-axes.
"""

from datetime import datetime, timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from core.models import KEPT_AFTER_ENDING, AccessToken, FormSubmission, Hit

# Who logged in, when and from where (django-axes's AccessLog, and its failure log when it is
# switched on): kept long enough to look into a break-in, then deleted.
LOGIN_HISTORY_KEPT = timedelta(days=90)


def deleted(rows: QuerySet) -> int:
    """Delete `rows`; how many of them went (not counting rows deleted with them)."""
    return rows.delete()[1].get(rows.model._meta.label, 0)


def housekeeping(*, now: datetime | None = None, **options: Any) -> list[tuple[int, str, str]]:
    """Delete everything that has outlived its use: [(how many, what, which)], in the order
    done. Each deletion is a statement of its own (each demo account a transaction of its
    own), so a run stopped halfway leaves nothing half-deleted."""
    now = now or timezone.now()
    return [import_string(path)(now, **options) for path in settings.BEARING_HOUSEKEEPING]


def expired_sessions(now: datetime, **options: Any) -> tuple[int, str, str]:
    return deleted(Session.objects.filter(expire_date__lt=now)), "expired session", ""


def lock_out_counts(now: datetime, **options: Any) -> tuple[int, str, str]:
    cool_off = settings.AXES_COOLOFF_TIME
    return (
        deleted(AccessAttempt.objects.filter(attempt_time__lt=now - cool_off)),
        "lock-out count",
        f"older than the {cool_off // timedelta(minutes=1)}-minute lock-out",
    )


def login_records(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(AccessLog.objects.filter(attempt_time__lt=now - LOGIN_HISTORY_KEPT)),
        "log-in record",
        f"older than {LOGIN_HISTORY_KEPT.days} days",
    )


def failed_login_records(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(AccessFailureLog.objects.filter(attempt_time__lt=now - LOGIN_HISTORY_KEPT)),
        "failed log-in record",
        f"older than {LOGIN_HISTORY_KEPT.days} days",
    )


def rate_limit_counts(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(Hit.objects.filter(expires_at__lt=now)),
        "rate-limit count",
        "of a window gone by",
    )


def form_tokens(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(FormSubmission.objects.filter(expires_at__lt=now)),
        "one-time form token",
        "older than a day",
    )


def ended_tokens(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(AccessToken.objects.long_ended(now)),
        "API token",
        f"revoked or expired more than {KEPT_AFTER_ENDING.days} days ago",
    )
