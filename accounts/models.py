"""What the account side keeps: counts for the rate limits, an import waiting for its
owner's confirmation, forms saved once, and which accounts are throwaway demos."""

import json
import secrets
import zlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .portability.reading import Upload


class Hit(models.Model):
    """How often one client did one limited thing (sign up, ask for a reset mail…) in one
    window of time. Kept in the database, so that every worker and server counts together
    and a restart or a full cache forgets nothing (accounts.limits)."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=200)  # a client address, or whatever the scope counts
    window = models.BigIntegerField()  # which window of the scope's length, since 1970
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "window"], name="hit_once_per_window")
        ]

    def __str__(self):
        return f"{self.scope} by {self.key}: {self.count}"


def new_token():
    return secrets.token_urlsafe(24)


class PendingImportQuerySet(models.QuerySet):
    def live(self):
        """Imports still waiting: neither imported nor expired."""
        return self.filter(imported_at__isnull=True, expires_at__gt=timezone.now())

    def expired(self):
        return self.filter(expires_at__lte=timezone.now())


class PendingImport(models.Model):
    """A file checked and previewed, waiting for its owner to confirm it: one per person.

    The checked document is kept here, never in the session. Once confirmed, the row stays
    (without the document) until it expires, so that the same confirmation posted again is
    told the file was imported already, and imports nothing.
    """

    LIFETIME = timedelta(hours=1)

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_import"
    )
    token = models.CharField(max_length=64, default=new_token)
    source = models.CharField(max_length=100)
    name = models.CharField(max_length=200, blank=True)
    notes = models.JSONField(default=list)
    # The canonical document as compressed JSON; emptied once imported.
    document = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="pending_import_expires_after_creation",
            )
        ]

    def __str__(self):
        return f"Import of {self.name or self.source} waiting for {self.owner}"

    @classmethod
    def keep(cls, *, owner, upload):
        """Keep a checked upload for `owner`, in place of any earlier one; a fresh token."""
        now = timezone.now()
        cls.objects.expired().delete()  # everyone's: rows nobody came back for
        pending, _ = cls.objects.update_or_create(
            owner=owner,
            defaults={
                "token": new_token(),
                "source": upload.source,
                "name": upload.name,
                "notes": upload.notes,
                "document": zlib.compress(json.dumps(upload.document).encode(), 6),
                "created_at": now,
                "expires_at": now + cls.LIFETIME,
                "imported_at": None,
            },
        )
        return pending

    @property
    def upload(self):
        """The upload as it was checked."""
        document = json.loads(zlib.decompress(bytes(self.document)))
        return Upload(document, self.source, list(self.notes), self.name)

    def mark_imported(self):
        """Confirmed: the document goes; the row answers a second confirmation until it
        expires."""
        self.imported_at = timezone.now()
        self.document = b""
        self.save(update_fields=["imported_at", "document"])


class FormSubmission(models.Model):
    """A form sent with a one-time token (the hidden field `once`), and where its first sending
    led: the same form sent again, at once or later, is sent there and saves nothing
    (accounts.middleware.SavedOnce)."""

    LIFETIME = timedelta(days=1)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.UUIDField()
    location = models.CharField(max_length=500, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="form_submission_once")
        ]

    def __str__(self):
        return f"Form {self.token} of {self.owner}: {self.location or 'not saved yet'}"


class DemoAccountQuerySet(models.QuerySet):
    def made_before(self, moment):
        return self.filter(created_at__lt=moment)


class DemoAccount(models.Model):
    """An account made by "Try the demo": a visitor's private copy of the demo's history,
    with no password, removed a day after it was made (`manage.py remove_old_demos`)."""

    LIFETIME = timedelta(days=1)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_account"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = DemoAccountQuerySet.as_manager()

    def __str__(self):
        return f"Demo account {self.user}, made {self.created_at:%Y-%m-%d %H:%M}"
