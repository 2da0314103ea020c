"""`manage.py load_demo`: create (or reset) the demo persona, Elena, dated back from today."""

from django.core.management.base import BaseCommand

from demo.elena import PASSWORD, USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Create the demo persona Elena, or reset her to the demo's data, dated back from "
        "today (idempotent)."
    )

    def handle(self, *args, **options):
        load_demo()
        self.stdout.write(f"Demo persona ready: log in as {USERNAME} / {PASSWORD}")
