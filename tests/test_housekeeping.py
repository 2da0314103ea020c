"""`manage.py housekeeping`: everything past its time deleted in one daily command, and
everything still of use kept."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from core.models import AccessToken, FormSubmission, Hit
from demo.elena import create_demo_account
from demo.models import DemoAccount
from portability.models import PendingImport
from sharing.models import ShareLink

pytestmark = pytest.mark.django_db

LOG = {"user_agent": "curl", "ip_address": "203.0.113.5", "http_accept": "*/*", "path_info": "/"}


def aged(model, moment, **fields):
    """A django-axes row, as if written at `moment` (its time is set when it is written)."""
    row = model.objects.create(**LOG, **fields)
    model.objects.filter(pk=row.pk).update(attempt_time=moment)
    return row


def test_housekeeping_deletes_what_is_past_its_time_and_keeps_the_rest(owner, stranger):
    now = timezone.now()
    kept = {}

    def pair(old, young):
        kept[type(young)] = young.pk
        return old

    demo, young_demo = create_demo_account(), create_demo_account()
    DemoAccount.objects.filter(user=demo).update(created_at=now - timedelta(hours=25))
    kept["demo"] = young_demo.pk
    pair(
        Session.objects.create(session_key="a" * 32, session_data="", expire_date=now),
        Session.objects.create(
            session_key="b" * 32, session_data="", expire_date=now + timedelta(days=1)
        ),
    )
    attempt = {"get_data": "", "post_data": "", "failures_since_start": 1}
    pair(
        aged(AccessAttempt, now - timedelta(minutes=16), username="x", **attempt),
        aged(AccessAttempt, now - timedelta(minutes=5), username="y", **attempt),
    )
    pair(
        aged(AccessLog, now - timedelta(days=91), username="owner"),
        aged(AccessLog, now - timedelta(days=89), username="owner"),
    )
    pair(
        aged(AccessFailureLog, now - timedelta(days=91), username="owner"),
        aged(AccessFailureLog, now - timedelta(days=89), username="owner"),
    )
    pair(
        Hit.objects.create(
            scope="demo", key="a", window=1, count=1, expires_at=now - timedelta(seconds=1)
        ),
        Hit.objects.create(
            scope="demo", key="a", window=2, count=1, expires_at=now + timedelta(hours=1)
        ),
    )
    waiting = {"source": "Bearing export", "document": b"", "created_at": now - timedelta(hours=2)}
    pair(
        PendingImport.objects.create(owner=owner, expires_at=now - timedelta(hours=1), **waiting),
        PendingImport.objects.create(
            owner=stranger, expires_at=now + timedelta(hours=1), **waiting
        ),
    )
    pair(
        FormSubmission.objects.create(
            owner=owner, token="0" * 32, expires_at=now - timedelta(seconds=1)
        ),
        FormSubmission.objects.create(
            owner=owner, token="1" * 32, expires_at=now + timedelta(hours=1)
        ),
    )
    old_link, _ = ShareLink.create(owner=owner, label="old", days=1, show_contacts=False)
    young_link, _ = ShareLink.create(owner=owner, label="young", days=1, show_contacts=False)
    ShareLink.objects.filter(pk=old_link.pk).update(revoked_at=now - timedelta(days=91))
    ShareLink.objects.filter(pk=young_link.pk).update(revoked_at=now - timedelta(days=89))
    kept[ShareLink] = young_link.pk
    old_token, _ = AccessToken.create(owner=owner, name="old", days=30)
    young_token, _ = AccessToken.create(owner=owner, name="young")
    AccessToken.objects.filter(pk=old_token.pk).update(
        created_at=now - timedelta(days=200), expires_at=now - timedelta(days=91)
    )
    AccessToken.objects.filter(pk=young_token.pk).update(revoked_at=now - timedelta(days=89))
    kept[AccessToken] = young_token.pk

    out = StringIO()
    call_command("housekeeping", stdout=out)

    assert out.getvalue() == (
        "Deleted:\n"
        "  1 demo account made more than 24 hours ago (each with everything in it)\n"
        "  1 expired session\n"
        "  1 lock-out count older than the 15-minute lock-out\n"
        "  1 log-in record older than 90 days\n"
        "  1 failed log-in record older than 90 days\n"
        "  1 rate-limit count of a window gone by\n"
        "  1 waiting import past the hour it waits\n"
        "  1 one-time form token older than a day\n"
        "  1 share link revoked or expired more than 90 days ago\n"
        "  1 API token revoked or expired more than 90 days ago\n"
    )
    assert list(DemoAccount.objects.values_list("user", flat=True)) == [kept.pop("demo")]
    for model, pk in kept.items():
        assert list(model.objects.values_list("pk", flat=True)) == [pk], model
