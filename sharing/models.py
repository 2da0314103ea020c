"""Ways into a person's data from outside their signed-in tab: a read-only link for somebody
who helps them (a mentor, a counsellor), and personal access tokens for their own tools.

Neither keeps its secret: each stores the SHA-256 digest of a long random token and is found
by it, so a copy of the database opens nothing, and a wrong token costs what a right one does
(one lookup of an indexed digest, no comparison in Python).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import DemoAccount

TOKEN_PREFIX = "brg_"  # noqa: S105 - a token announces itself, so a leaked one is recognised


def digest(token):
    """The SHA-256 of a token, as stored and looked up (hex)."""
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_LENGTH_LIMIT = 100  # no token Bearing made is longer


def by_token(rows, token):
    """The row of `rows` (live links or tokens) that `token` opens, or None. Found by its
    digest: a wrong token costs one indexed lookup, like a right one; one longer than any
    Bearing makes is not even looked up."""
    if len(token) > TOKEN_LENGTH_LIMIT:
        return None
    return rows.select_related("owner").filter(token_hash=digest(token)).first()


def new_secret():
    """32 random bytes, URL-safe: 43 characters."""
    return secrets.token_urlsafe(32)


# Ended links and tokens are listed for a while (when they ended, when they were last used),
# then deleted: when a link is made, and by `manage.py housekeeping`.
KEPT_AFTER_ENDING = timedelta(days=90)


class GrantQuerySet(models.QuerySet):
    """Share links and tokens of one person, and which still open something."""

    def owned_by(self, user):
        return self.filter(owner=user)

    def live(self):
        return self.filter(revoked_at__isnull=True)

    def long_ended(self, now=None):
        """Revoked or expired more than KEPT_AFTER_ENDING ago: of no more use to anybody."""
        ended = (now or timezone.now()) - KEPT_AFTER_ENDING
        return self.filter(Q(revoked_at__lt=ended) | Q(expires_at__lt=ended))

    def usable(self):
        """The live ones that open their owner's data now: the account is active (not
        closed by an administrator), and is not a "Try the demo" account past its day (its
        links and tokens end with it, not at the next clean-up)."""
        demo_ended = timezone.now() - DemoAccount.LIFETIME
        return (
            self.live()
            .filter(owner__is_active=True)
            .filter(
                Q(owner__demo_account__isnull=True)
                | Q(owner__demo_account__created_at__gt=demo_ended)
            )
        )

    def ended(self):
        return self.exclude(revoked_at__isnull=True)


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


class AccessTokenQuerySet(GrantQuerySet):
    def live(self):
        """Tokens that still work: neither revoked nor expired (one made to never expire has
        no expiry)."""
        return super().live().filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))

    def ended(self):
        return self.filter(Q(revoked_at__isnull=False) | Q(expires_at__lte=timezone.now()))


class AccessToken(models.Model):
    """A personal access token: the person's own scripts and tools read their data through
    the API with `Authorization: Bearer brg_…`. Shown once when made; it works until it
    expires (if it was given an expiry) or is revoked."""

    LIFETIMES = {30: "30 days", 90: "90 days", 365: "1 year", 0: "Never expires"}
    DEFAULT_DAYS = 90

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField(max_length=100, help_text="What uses it, e.g. “my spreadsheet”.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so that the person can tell their tokens apart (8 of 43 random
    # characters: nothing a guesser could use).
    hint = models.CharField(max_length=20, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # None: it never expires, as its owner chose.
    expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="access_token_name_not_blank"),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=F("created_at")),
                name="access_token_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"Token “{self.name}” of {self.owner}"

    @classmethod
    def create(cls, *, owner, name, days=None):
        """A new token, and its value: the only time the value exists in the clear. It
        expires after `days`, or never when `days` is None or 0."""
        token = TOKEN_PREFIX + new_secret()
        now = timezone.now()
        row = cls.objects.create(
            owner=owner,
            name=name,
            token_hash=digest(token),
            hint=token[: len(TOKEN_PREFIX) + 8],
            created_at=now,
            expires_at=now + timedelta(days=days) if days else None,
        )
        return row, token

    @property
    def has_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def used(self):
        """Note a use (one UPDATE, no read)."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now
