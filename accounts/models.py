"""What the account side keeps besides Django's user: the person's settings."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.models import CURRENCY_PATTERN


class Profile(models.Model):
    """A person's settings: the currency new jobs default to."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    currency = models.CharField(
        max_length=3,
        default="EUR",
        help_text="Three-letter code (EUR, USD, GBP…), used for new jobs.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(currency__regex=CURRENCY_PATTERN), name="profile_currency_iso"
            ),
        ]

    def __str__(self):
        return f"Profile of {self.owner}"

    @classmethod
    def for_user(cls, user):
        """The person's profile, created with the defaults on first use."""
        profile, _ = cls.objects.get_or_create(owner=user)
        return profile
