"""`manage.py housekeeping`: delete every row that has outlived its use (core.housekeeping)."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.housekeeping import housekeeping
from core.words import counted


class Command(BaseCommand):
    help = (
        "Delete what has outlived its use: 'Try the demo' accounts older than a day, expired "
        "sessions, old log-in records, past rate-limit counts, waiting imports and one-time "
        "form tokens past their time, share links and API tokens long ended. Run it daily, "
        "from cron or a systemd timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo-hours",
            type=int,
            default=24,
            dest="demo_hours",
            help="Remove demo accounts made more than this many hours ago (default 24).",
        )

    def handle(self, *args: Any, demo_hours: int, **options: Any) -> None:
        done = housekeeping(demo_age=timedelta(hours=demo_hours))
        self.stdout.write("Deleted:")
        for count, what, which in done:
            self.stdout.write(f"  {counted(count, what)} {which}".rstrip())
