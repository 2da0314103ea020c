"""What every app's models stand on: owned rows, the constraints they keep, currencies, the
person's data version, and the small stores of rate limits and forms sent once."""

import hashlib
import json
import re
import secrets
import zlib
from datetime import datetime, timedelta
from typing import Any, Self, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Q
from django.utils import timezone

from core.currencies import is_currency

# A currency is its three-letter ISO 4217 code, in capitals (EUR, USD, GBP), one of those
# Bearing knows (core.currencies). The database keeps the shape; the list, which ISO
# changes now and then, is checked by the forms and the import.
CURRENCY_PATTERN = r"^[A-Z]{3}$"


CURRENCY_MESSAGE = "Use a three-letter currency code, such as EUR or USD."


def unknown_currency(code: str) -> str:
    """What is said of three letters that are no currency (`XYZ`)."""
    return (
        f"“{code}” is not a currency code: use the three-letter ISO 4217 code of the "
        "currency, such as EUR, USD or GBP."
    )


def currency_code(text: str | None) -> str:
    """The currency code a person typed, trimmed and in capitals; ValidationError when it
    is not three letters, or not the code of a currency (core.currencies)."""
    code = (text or "").strip().upper()
    if not re.fullmatch(CURRENCY_PATTERN, code):
        raise ValidationError(CURRENCY_MESSAGE, code="currency")
    if not is_currency(code):
        raise ValidationError(unknown_currency(code), code="currency")
    return code


def choices_check(field: str, choices: type[models.Choices], name: str) -> models.CheckConstraint:
    """A check constraint that keeps a column inside its choices."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


def range_check(
    field: str, low: int, high: int, name: str, nullable: bool = False
) -> models.CheckConstraint:
    """A check constraint that keeps a number between two bounds (null allowed if nullable)."""
    condition = Q(**{f"{field}__gte": low, f"{field}__lte": high})
    if nullable:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=condition, name=name)


def dates_in_order(start: str, end: str, name: str) -> models.CheckConstraint:
    """A check constraint that an end date, when set, is not before the start date."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=name,
    )


class OwnedQuerySet(models.QuerySet):
    """Rows of one person. Every page reaches data through `owned_by`."""

    def owned_by(self, user: User) -> Self:
        return self.filter(owner=user)


class Hit(models.Model):
    """How often one client did one limited thing (sign up, ask for a reset mail…) in one
    window of time. Kept in the database, so that every worker and server counts together
    and a restart or a full cache forgets nothing (core.limits)."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=200)  # a client address, or whatever the scope counts
    window = models.BigIntegerField()  # which window of the scope's length, since 1970
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "window"], name="hit_once_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.scope} by {self.key}: {self.count}"


def packed(data: Any) -> bytes:
    return zlib.compress(json.dumps(data).encode(), 6)


def unpacked(data: bytes | memoryview) -> Any:
    return json.loads(zlib.decompress(bytes(data)))


class FormSubmission(models.Model):
    """A form sent with a one-time token (the hidden field `once`), and where its first sending
    led: the same form sent again, at once or later, is sent there and saves nothing
    (core.once.saved_once)."""

    LIFETIME = timedelta(days=1)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.UUIDField()
    location = models.CharField(max_length=500, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="form_submission_once")
        ]

    def __str__(self) -> str:
        return f"Form {self.token} of {self.owner}: {self.location or 'not saved yet'}"


class DataVersion(models.Model):
    """How many times a person's data has changed.

    Bumped by every change of the person's data (bump_data_version), in the same transaction;
    rendered pages are cached under it (core.cache), so a cache shared by several servers
    never serves a stale page."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_version"
    )
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Data version {self.version} of {self.owner}"

    @classmethod
    def of(cls, user: User) -> int:
        """The person's version now (0 before their first change)."""
        return cls.objects.filter(owner=user).values_list("version", flat=True).first() or 0


def bump_data_version(owner_id: int) -> None:
    """Mark that a person's data changed: every page cached for them is now stale.

    Every place that writes a person's data calls this in the same transaction as the
    write (the add, edit and delete views, the goal's "achieved", the import, the admin),
    so the new version becomes visible to other requests together with the change.
    """
    # One statement, whether the row is there yet or not: SQLite and PostgreSQL both upsert.
    table = DataVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (owner_id, version) VALUES (%s, 1) "  # noqa: S608 - our table
            f"ON CONFLICT (owner_id) DO UPDATE SET version = {table}.version + 1",
            [owner_id],
        )


TOKEN_PREFIX = "brg_"  # noqa: S105 - a token announces itself, so a leaked one is recognised


def digest(token: str) -> str:
    """The SHA-256 of a token, as stored and looked up (hex)."""
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_LENGTH_LIMIT = 100  # no token Bearing made is longer

_Row = TypeVar("_Row", bound=models.Model)


def by_token(rows: models.QuerySet[_Row], token: str) -> _Row | None:
    """The row of `rows` (live links or tokens) that `token` opens, or None. Found by its
    digest: a wrong token costs one indexed lookup, like a right one; one longer than any
    Bearing makes is not even looked up."""
    if len(token) > TOKEN_LENGTH_LIMIT:
        return None
    return rows.select_related("owner").filter(token_hash=digest(token)).first()


def new_secret() -> str:
    """32 random bytes, URL-safe: 43 characters."""
    return secrets.token_urlsafe(32)


# Ended links and tokens are listed for a while (when they ended, when they were last used),
# then deleted: when a link is made, and by `manage.py housekeeping`.
KEPT_AFTER_ENDING = timedelta(days=90)


class GrantQuerySet(models.QuerySet):
    """Share links and tokens of one person, and which still open something."""

    def owned_by(self, user: User) -> Self:
        return self.filter(owner=user)

    def live(self) -> Self:
        return self.filter(revoked_at__isnull=True)

    def long_ended(self, now: datetime | None = None) -> Self:
        """Revoked or expired more than KEPT_AFTER_ENDING ago: of no more use to anybody."""
        ended = (now or timezone.now()) - KEPT_AFTER_ENDING
        return self.filter(Q(revoked_at__lt=ended) | Q(expires_at__lt=ended))

    def usable(self) -> Self:
        """The live ones that open their owner's data now: the account is active (not
        closed by an administrator), and is not a "Try the demo" account past its day (its
        links and tokens end with it, not at the next clean-up)."""
        # A demo account is the demo app's (demo.models.DemoAccount, reached here by its
        # relation's name): core imports nothing of the apps above it.
        demo_ended = timezone.now() - settings.BEARING_DEMO_LIFETIME
        return (
            self.live()
            .filter(owner__is_active=True)
            .filter(
                Q(owner__demo_account__isnull=True)
                | Q(owner__demo_account__created_at__gt=demo_ended)
            )
        )

    def ended(self) -> Self:
        return self.exclude(revoked_at__isnull=True)


class AccessTokenQuerySet(GrantQuerySet):
    def live(self) -> Self:
        """Tokens that still work: neither revoked nor expired (one made to never expire has
        no expiry)."""
        return super().live().filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))

    def ended(self) -> Self:
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

    def __str__(self) -> str:
        return f"Token “{self.name}” of {self.owner}"

    @classmethod
    def create(
        cls, *, owner: User, name: str, days: int | None = None
    ) -> tuple["AccessToken", str]:
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
    def has_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def used(self) -> None:
        """Note a use (one UPDATE, no read)."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now


ENDED_SHOWN = 10


def one_at_a_time(user: User) -> None:
    """Lock the person's row until the transaction ends, so that the count of their live
    links or tokens (LIVE_LIMIT) and the one made after it are one step: 21 sent at once
    are made one after the other, and the 21st is refused."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
