"""The demo's part of the daily housekeeping (core.housekeeping): demo accounts past their day."""

from datetime import timedelta

from demo.elena import remove_old_demos
from demo.models import DemoAccount


def old_demos(now, *, demo_age=DemoAccount.LIFETIME, **options):
    hours = demo_age // timedelta(hours=1)
    return (
        remove_old_demos(older_than=demo_age, now=now),
        "demo account",
        f"made more than {hours} hours ago (each with everything in it)",
    )
