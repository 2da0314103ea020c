"""The account a command names, for the import and export commands."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management.base import CommandError


def account_called(username: str) -> User:
    """The account of that username, or the command stops and says there is none."""
    model = get_user_model()
    try:
        return model.objects.get_by_natural_key(username)
    except model.DoesNotExist:
        raise CommandError(f"No account is called “{username}”.") from None
