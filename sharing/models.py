"""Ways into a person's data from outside their signed-in tab: a read-only link for somebody
who helps them (a mentor, a counsellor), and personal access tokens for their own tools.

Neither keeps its secret: each stores the SHA-256 digest of a long random token and is found
by it, so a copy of the database opens nothing, and a wrong token costs what a right one does
(one lookup of an indexed digest, no comparison in Python).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.models import GrantQuerySet, digest, new_secret


class ShareLinkQuerySet(GrantQuerySet):
    def live(self):
        """Links that still open: neither revoked nor expired."""
        return super().live().filter(expires_at__gt=timezone.now())

    def ended(self):
        return self.filter(Q(revoked_at__isnull=False) | Q(expires_at__lte=timezone.now()))


class ShareLink(models.Model):
    """A read-only link to a person's dashboard and career story, for somebody who is not
    signed in: `/shared/<token>/`. It shows the data as it is when opened, hides every way to
    change it, and shows contacts' names only when the person chose to."""

    LIFETIMES = {1: "1 day", 7: "7 days", 30: "30 days", 90: "90 days", 365: "1 year"}
    DEFAULT_DAYS = 30

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    label = models.CharField(max_length=100, help_text="Who it is for, e.g. “for my mentor”.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    show_contacts = models.BooleanField(
        default=False,
        help_text="Show the names of the people you met (and where you met them). "
        "Your notes about them are never shown.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    last_opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    times_opened = models.PositiveIntegerField(default=0, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="share_link_expires_after_creation",
            ),
            models.CheckConstraint(condition=~Q(label=""), name="share_link_label_not_blank"),
        ]

    def __str__(self):
        return f"Link “{self.label}” of {self.owner}"

    @classmethod
    def create(cls, *, owner, label, days, show_contacts):
        """A new link, and its token: the only time the token exists in the clear."""
        token = new_secret()
        now = timezone.now()
        # Links that ended long ago, everybody's: nobody needs their dates any more.
        cls.objects.long_ended().delete()
        link = cls.objects.create(
            owner=owner,
            label=label,
            token_hash=digest(token),
            show_contacts=show_contacts,
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
        return link, token

    @property
    def is_live(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    def opened(self):
        """Note an opening: when, and how many so far (one UPDATE, no read)."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            last_opened_at=now, times_opened=F("times_opened") + 1
        )
        self.last_opened_at = now
