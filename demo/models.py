"""The demo accounts of "Try the demo", each removed a day after it was made."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DemoAccountQuerySet(models.QuerySet):
    def made_before(self, moment):
        return self.filter(created_at__lt=moment)


class DemoAccount(models.Model):
    """An account made by "Try the demo": a visitor's private copy of the demo's history,
    with no password, removed a day after it was made (`manage.py housekeeping`)."""

    LIFETIME = settings.BEARING_DEMO_LIFETIME

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_account"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = DemoAccountQuerySet.as_manager()

    def __str__(self):
        return f"Demo account {self.user}, made {self.created_at:%Y-%m-%d %H:%M}"
