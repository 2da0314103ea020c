"""An import waiting for the person's confirmation (PendingImport): the file's document, or a
spreadsheet's table and its matching, kept under a token until it is confirmed or expires."""

import hashlib
import json
import secrets
from datetime import timedelta
from typing import Any, Self, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from core.models import packed, unpacked
from portability.reading import Upload
from portability.spreadsheet import Table, checked_matching


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PendingImportQuerySet(models.QuerySet):
    def live(self) -> Self:
        """Imports still waiting: neither imported nor expired."""
        return self.filter(imported_at__isnull=True, expires_at__gt=timezone.now())

    def expired(self) -> Self:
        return self.filter(expires_at__lte=timezone.now())


class PendingImport(models.Model):
    """A file checked and previewed, waiting for its owner to confirm it: one per person.

    The checked document is kept here, never in the session; a spreadsheet keeps its table
    and the matching of its columns instead, which the person can change in the preview.
    Once confirmed, the row stays (without the file) until it expires, so that the same
    confirmation posted again is told the file was imported already, and imports nothing.
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
    # A spreadsheet's rows as compressed JSON (empty for other files), and which field of
    # Bearing's each column fills, as the person last chose: {"columns": […], "day_first": …}.
    table = models.BinaryField(default=b"", blank=True)
    matching = models.JSONField(default=dict, blank=True)
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

    def __str__(self) -> str:
        return f"Import of {self.name or self.source} waiting for {self.owner}"

    @classmethod
    def keep(cls, *, owner: User, upload: Upload) -> Self:
        """Keep a checked upload for `owner`, in place of any earlier one; a fresh token."""
        now = timezone.now()
        cls.objects.expired().delete()  # everyone's: rows nobody came back for
        sheet = upload.table is not None
        pending, _ = cls.objects.update_or_create(
            owner=owner,
            defaults={
                "token": new_token(),
                "source": upload.source,
                "name": upload.name,
                "notes": upload.notes,
                "document": b"" if sheet else packed(upload.document),
                "table": packed(cast(Table, upload.table).as_data()) if sheet else b"",
                "matching": upload.matching if sheet else {},
                "created_at": now,
                "expires_at": now + cls.LIFETIME,
                "imported_at": None,
            },
        )
        return pending

    @property
    def upload(self) -> Upload:
        """The upload as it was checked; a spreadsheet with the matching last chosen."""
        notes, name = list(self.notes), self.name
        if self.table:
            table = Table.from_data(unpacked(self.table))
            matching = checked_matching(table, self.matching)
            return Upload(None, self.source, notes, name, table=table, matching=matching)
        return Upload(unpacked(self.document), self.source, notes, name)

    @property
    def matching_version(self) -> str:
        """A short digest of the matching, which a preview's confirmation carries: a
        matching changed since (in another tab) is not imported unseen."""
        text = json.dumps(self.matching, sort_keys=True).encode()
        return hashlib.sha256(text).hexdigest()[:16]

    def change_matching(self, matching: dict[str, Any]) -> None:
        self.matching = matching
        self.save(update_fields=["matching"])

    def mark_imported(self) -> None:
        """Confirmed: the file goes; the row answers a second confirmation until it expires."""
        self.imported_at = timezone.now()
        self.document = b""
        self.table = b""
        self.save(update_fields=["imported_at", "document", "table"])
