"""`manage.py remove_old_demos`: delete the "Try the demo" accounts older than a day."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from accounts.demo import remove_old_demos


class Command(BaseCommand):
    help = (
        "Delete the demo accounts made by 'Try the demo' more than a day ago (or --hours), "
        "with everything in them. Run it daily, from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Remove demo accounts made more than this many hours ago (default 24).",
        )

    def handle(self, *args, hours, **options):
        removed = remove_old_demos(older_than=timedelta(hours=hours))
        noun = "account" if removed == 1 else "accounts"
        self.stdout.write(f"Removed {removed} demo {noun} made more than {hours} hours ago.")
