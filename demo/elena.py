"""The demo: Elena waits tables to pay her fees while she trains as a professional wrestler.

Her history is `elena.json`, a bearing-export file whose dates are counted back from the day
it is loaded (`{"months_ago": 24, "day": 15}` is the 15th of the month two years before this
one; `{"days_ago": 3}`; `{"years_ago": 4, "month": 6, "day": 24}`), so her waiter job is
always ongoing and every panel of the dashboard has something to show. It is loaded through
the importer, as a person's own file would be, so every demo runs the importer. It serves two
ways:

- `load_demo()` keeps the shared `elena` log-in of `make run` (password `bearing-demo`),
  reset to exactly the demo's data each time it runs;
- `create_demo_account()` gives a visitor a private, throwaway copy ("Try the demo"): an
  account with no password, removed a day later by `manage.py housekeeping`.
"""

import json
import secrets
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accounts.deletion import delete_account
from careers.models import CareerDirection, CareerGoal, Contact, Learning, Skill
from demo.models import DemoAccount
from jobs.models import Job
from portability.document import validate
from portability.merge import apply_import

USERNAME = "elena"
PASSWORD = "bearing-demo"  # noqa: S105 - the demo's published password
DEMO_PREFIX = "demo-"
HISTORY = Path(__file__).with_name("elena.json")


@cache
def _history():
    return json.loads(HISTORY.read_text(encoding="utf-8"))


def months_back(today, months, day):
    """The `day` of the month `months` before today's month (days stay at 28 or under, so
    every month has them)."""
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, day)


def _day(when, today):
    """A relative date of elena.json as the day it is when loaded `today`."""
    if "days_ago" in when:
        return today - timedelta(days=when["days_ago"])
    if "years_ago" in when:
        return date(today.year - when["years_ago"], when["month"], when["day"])
    return months_back(today, when["months_ago"], when["day"])


def _dated(value, today):
    """elena.json with every relative date written as an ISO date."""
    if isinstance(value, list):
        return [_dated(item, today) for item in value]
    if isinstance(value, dict):
        if value and value.keys() <= {"months_ago", "days_ago", "years_ago", "month", "day"}:
            return _day(value, today).isoformat()
        return {name: _dated(item, today) for name, item in value.items()}
    return value


def document(today):
    """Elena's history as a bearing-export document dated from `today`."""
    return _dated(_history(), today)


def clear(user):
    """Delete everything the person entered (not their account or settings)."""
    for model in (Job, CareerGoal, Learning, Contact, CareerDirection, Skill):
        model.objects.filter(owner=user).delete()


@transaction.atomic
def load_demo_data(user, today=None, *, new=False):
    """Fill the person's account with exactly the demo's history, dated back from `today`
    (by default the server's date), in place of anything they entered (a `new` account has
    nothing to clear): elena.json checked and written by the importer."""
    today = today or timezone.localdate()
    if not new:
        clear(user)
    apply_import(user=user, document=validate(document(today), today=today))
    return user


# -- The shared log-in, and the private copies ------------------------------------------------


@transaction.atomic
def load_demo():
    """Create Elena (elena / bearing-demo), or reset her to exactly the demo's data. Returns
    the user."""
    user, _ = User.objects.get_or_create(
        username=USERNAME, defaults={"email": "elena@example.com", "first_name": "Elena"}
    )
    user.set_password(PASSWORD)
    user.save()
    return load_demo_data(user)


@transaction.atomic
def create_demo_account():
    """A new account holding the demo, for one visitor: `demo-` and a random name, no
    password (nobody can log into it again once its session ends), marked as a demo so that
    `manage.py housekeeping` removes it after a day."""
    user = User(username=DEMO_PREFIX + secrets.token_hex(5), first_name="Elena")
    user.set_unusable_password()
    user.save()
    DemoAccount.objects.create(user=user)
    return load_demo_data(user, new=True)


def remove_old_demos(*, older_than=DemoAccount.LIFETIME, now=None):
    """Delete the demo accounts made more than `older_than` ago, with everything in them.
    Returns how many went. Each goes in a transaction of its own."""
    cutoff = (now or timezone.now()) - older_than
    removed = 0
    for demo in DemoAccount.objects.made_before(cutoff).select_related("user"):
        delete_account(demo.user)
        removed += 1
    return removed
