"""Sharing's part of the daily housekeeping (core.housekeeping): share links long ended."""

from core.housekeeping import deleted
from core.models import KEPT_AFTER_ENDING
from sharing.models import ShareLink


def ended_links(now, **options):
    return (
        deleted(ShareLink.objects.long_ended(now)),
        "share link",
        f"revoked or expired more than {KEPT_AFTER_ENDING.days} days ago",
    )
