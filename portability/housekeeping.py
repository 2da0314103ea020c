"""Portability's part of the daily housekeeping (core.housekeeping): imports nobody confirmed."""

from datetime import datetime
from typing import Any

from core.housekeeping import deleted
from portability.models import PendingImport


def waiting_imports(now: datetime, **options: Any) -> tuple[int, str, str]:
    return (
        deleted(PendingImport.objects.filter(expires_at__lte=now)),
        "waiting import",
        "past the hour it waits",
    )
