"""Housekeeping: every row Bearing deletes because of its age, in one list, which
`manage.py housekeeping` runs daily.

Some of these rows are also deleted in passing (a new window of a rate limit clears the old
counts, a new upload the waiting files nobody came back for, a new share link the links long
ended); the command makes sure they go on a quiet server too, and deletes what nothing else
does: demo accounts past their day, expired sessions, and the log-in records of django-axes.
It reaches into sharing (which stands on accounts) only here, to keep the list in one place.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from sharing.models import KEPT_AFTER_ENDING, AccessToken, ShareLink

from .demo import remove_old_demos
from .models import DemoAccount, FormSubmission, Hit, PendingImport

# Who logged in, when and from where (django-axes's AccessLog, and its failure log when it is
# switched on): kept long enough to look into a break-in, then deleted.
LOGIN_HISTORY_KEPT = timedelta(days=90)


def deleted(rows):
    """Delete `rows`; how many of them went (not counting rows deleted with them)."""
    return rows.delete()[1].get(rows.model._meta.label, 0)


def housekeeping(*, demo_age=DemoAccount.LIFETIME, now=None):
    """Delete everything that has outlived its use: [(how many, what, which)], in the order
    done. Each deletion is a statement of its own (each demo account a transaction of its
    own), so a run stopped halfway leaves nothing half-deleted."""
    now = now or timezone.now()
    history = now - LOGIN_HISTORY_KEPT
    cool_off = settings.AXES_COOLOFF_TIME
    hours = demo_age // timedelta(hours=1)
    kept_days = KEPT_AFTER_ENDING.days
    return [
        (
            remove_old_demos(older_than=demo_age, now=now),
            "demo account",
            f"made more than {hours} hours ago (each with everything in it)",
        ),
        (deleted(Session.objects.filter(expire_date__lt=now)), "expired session", ""),
        (
            deleted(AccessAttempt.objects.filter(attempt_time__lt=now - cool_off)),
            "lock-out count",
            f"older than the {cool_off // timedelta(minutes=1)}-minute lock-out",
        ),
        (
            deleted(AccessLog.objects.filter(attempt_time__lt=history)),
            "log-in record",
            f"older than {LOGIN_HISTORY_KEPT.days} days",
        ),
        (
            deleted(AccessFailureLog.objects.filter(attempt_time__lt=history)),
            "failed log-in record",
            f"older than {LOGIN_HISTORY_KEPT.days} days",
        ),
        (
            deleted(Hit.objects.filter(expires_at__lt=now)),
            "rate-limit count",
            "of a window gone by",
        ),
        (
            deleted(PendingImport.objects.filter(expires_at__lte=now)),
            "waiting import",
            "past the hour it waits",
        ),
        (
            deleted(FormSubmission.objects.filter(expires_at__lt=now)),
            "one-time form token",
            "older than a day",
        ),
        (
            deleted(ShareLink.objects.long_ended(now)),
            "share link",
            f"revoked or expired more than {kept_days} days ago",
        ),
        (
            deleted(AccessToken.objects.long_ended(now)),
            "API token",
            f"revoked or expired more than {kept_days} days ago",
        ),
    ]
