"""`manage.py housekeeping`: delete every row that has outlived its use (core.housekeeping)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from core.housekeeping import housekeeping
from core.words import counted


class Command(BaseCommand):
    help = (
        "Delete what has outlived its use: 'Try the demo' accounts older than a day, expired "
        "sessions, old log-in records, past rate-limit counts, waiting imports and one-time "
        "form tokens past their time, share links and API tokens long ended. Run it daily, "
        "from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-hours",
            type=int,
            default=24,
            dest="demo_hours",
            help="Remove demo accounts made more than this many hours ago (default 24).",
        )

    def handle(self, *args, demo_hours, **options):
        done = housekeeping(demo_age=timedelta(hours=demo_hours))
        self.stdout.write("Deleted:")
        for count, what, which in done:
            self.stdout.write(f"  {counted(count, what)} {which}".rstrip())
