"""`make loadtest`: many signed-in people reading and writing at once, for a bounded time.

In a PostgreSQL database of its own (`bearing_loadtest`, dropped and created afresh on the
server of DATABASE_URL, or postgres://postgres:postgres@127.0.0.1:5432/), builds PEOPLE
people with a direction, goals, jobs and contacts, signs each one in (a session in the
database and a CSRF token), checks one of them can read and write, then serves Bearing as
in production (gunicorn, DEBUG off, collected static files) and drives it for SECONDS with
wrk and scripts/loadtest.lua: 80% page reads, 20% writes (new contacts, achieved goals),
each as a random person. Afterwards it checks in the database that every write landed.

Last line: loadtest: rps=R p50_ms=X p99_ms=Y requests=N errors=E
Exits non-zero when E > 0 (non-2xx/3xx responses, socket errors, log-in redirects or other
wrong answers) or when the database does not match the responses.
"""

import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEOPLE = 50
GOALS_EACH = 3
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "20"))
THREADS, CONNECTIONS, WORKERS = 2, 16, 3
DB_NAME = "bearing_loadtest"
READS = ["/dashboard/", "/jobs/", "/api/v1/alignment/", "/careers/goals/"]
START = date(2015, 1, 5)


def loadtest_database():
    """The load test's own, empty PostgreSQL database; never the developer's data."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres:postgres@127.0.0.1:5432/"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DB_NAME}"')
    return urlunsplit(parts._replace(path=f"/{DB_NAME}"))


os.environ["DATABASE_URL"] = loadtest_database()
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["DEBUG"] = "0"
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
for name in ("HTTPS", "TESTING", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
    os.environ.pop(name, None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402

from accounts.models import Profile  # noqa: E402
from bench import build  # noqa: E402
from bench.serve import prepare, session_cookie, start_gunicorn, stop  # noqa: E402
from careers.models import (  # noqa: E402
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Skill,
)
from jobs.models import Job, JobBenefit, JobSkill  # noqa: E402


def build_people(count):
    """`count` people, each with one current direction, goals, skills, jobs and contacts."""
    password = make_password("loadtest-password-1")
    users = User.objects.bulk_create(
        User(username=f"load{n:03d}", password=password) for n in range(count)
    )
    Profile.objects.bulk_create(Profile(owner=user, currency="EUR") for user in users)
    skills = Skill.objects.bulk_create(
        Skill(owner=user, name=f"Skill {k}") for user in users for k in range(4)
    )
    directions = CareerDirection.objects.bulk_create(
        CareerDirection(
            owner=user,
            title="Stage lighting",
            statement="A direction of the load test.",
            status="current",
            started_on=START,
        )
        for user in users
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(direction=direction, skill=skills[4 * n + k], importance=1 + k % 3)
        for n, direction in enumerate(directions)
        for k in range(3)
    )
    DirectionValue.objects.bulk_create(
        DirectionValue(direction=direction, value=value, weight=weight)
        for direction in directions
        for value, weight in [("fulfillment", 3), ("money", 2)]
    )
    CareerGoal.objects.bulk_create(
        CareerGoal(
            owner=user,
            direction=directions[n],
            title=f"Goal {k}",
            status="active" if k % 2 == 0 else "planned",
            priority=1 + k % 3,
            target_date=START + timedelta(days=400 * (k + 1)),
        )
        for n, user in enumerate(users)
        for k in range(GOALS_EACH)
    )
    Contact.objects.bulk_create(
        Contact(owner=user, name=f"Contact {k}", context="Met at work")
        for user in users
        for k in range(2)
    )
    jobs = Job.objects.bulk_create(
        build.gig(
            user,
            k,
            client=f"Client {k}",
            started_on=START + timedelta(days=200 * k),
            days=150,
            pay=Decimal(25 + k),
            satisfaction=1 + k % 5,
            identity_fit=1 + (k + 2) % 5,
        )
        for user in users
        for k in range(4)
    )
    JobSkill.objects.bulk_create(
        JobSkill(job=job, skill=skills[4 * (n // 4) + k], gained=k == 0)
        for n, job in enumerate(jobs)
        for k in range(2)
    )
    JobBenefit.objects.bulk_create(
        JobBenefit(job=job, value=("money", "fulfillment")[n % 2]) for n, job in enumerate(jobs)
    )
    return users


def sign_in(user):
    """(Cookie header, CSRF token): a real session in the database and a matching token."""
    token = _get_new_csrf_string()
    return f"{session_cookie(user)}; {settings.CSRF_COOKIE_NAME}={token}", token


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(base, path, cookie, token=None, body=None):
    """(status, Location) of one request, redirects not followed."""
    headers = {"Cookie": cookie}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if token:
            headers["X-CSRFToken"] = token
    request = urllib.request.Request(  # noqa: S310 - base is our loopback http:// URL
        base + path, data=None if body is None else body.encode(), headers=headers
    )
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def preflight(base, cookie, token, goal_id):
    """One person can read every page and write; a POST without its CSRF token is refused."""
    problems = []
    for path in READS:
        status, _ = fetch(base, path, cookie)
        if status != 200:
            problems.append(f"GET {path} -> {status}")
    body = "name=Preflight&context=before+the+load"
    status, location = fetch(base, "/careers/contacts/add/", cookie, token, body)
    if status != 302 or not re.fullmatch(r"/careers/contacts/\d+/", location):
        problems.append(f"POST contact -> {status} {location}")
    status, location = fetch(base, f"/careers/goals/{goal_id}/achieve/", cookie, token, "")
    if status != 302 or location != f"/careers/goals/{goal_id}/":
        problems.append(f"POST achieve -> {status} {location}")
    status, _ = fetch(base, "/careers/contacts/add/", cookie, None, "name=NoToken")
    if status != 403:
        problems.append(f"POST without CSRF token -> {status}, expected 403")
    if problems:
        raise SystemExit("loadtest: pre-flight failed: " + "; ".join(problems))
    print(
        "pre-flight: reads 200, contact and goal POSTs 302, POST without CSRF token 403 "
        "(gunicorn logs that one as 'Forbidden (CSRF token missing.)')"
    )


def run_wrk(base, people_file):
    """wrk's full output and the numbers of the script's LOADTEST line."""
    completed = subprocess.run(  # noqa: S603 - fixed arguments
        [  # noqa: S607 - wrk from PATH (Debian's /usr/bin/wrk)
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(ROOT / "scripts" / "loadtest.lua"),
            base,
            "--",
            str(people_file),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"loadtest: wrk failed:\n{completed.stdout}{completed.stderr}")
    match = re.search(r"^LOADTEST (.*)$", completed.stdout, re.M)
    if not match:
        raise SystemExit(f"loadtest: no LOADTEST line from wrk:\n{completed.stdout}")
    numbers = {k: int(v) for k, v in (pair.split("=") for pair in match.group(1).split())}
    return completed.stdout, numbers


def main():
    began = time.perf_counter()
    print(f"database: {settings.DATABASES['default']['NAME']} (PostgreSQL, made afresh)")
    prepare("loadtest")
    users = build_people(PEOPLE)
    goals = {}
    for goal in CareerGoal.objects.filter(owner__in=users).order_by("pk"):
        goals.setdefault(goal.owner_id, []).append(goal.pk)
    signed_in = {user.pk: sign_in(user) for user in users}
    print(f"people: {PEOPLE}, each with a session, a CSRF token and {GOALS_EACH} goals")

    with tempfile.TemporaryDirectory(prefix="bearing-loadtest-") as folder:
        people_file = Path(folder) / "people.tsv"
        people_file.write_text(
            "".join(
                f"{cookie}\t{token}\t{','.join(map(str, goals[pk]))}\n"
                for pk, (cookie, token) in signed_in.items()
            )
        )
        connection.close()  # gunicorn's workers and we share the server; keep ours idle
        process, base = start_gunicorn(WORKERS)
        try:
            first = users[0].pk
            preflight(base, *signed_in[first], goals[first][0])
            print(
                f"wrk: -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s against gunicorn "
                f"--workers {WORKERS} on {base}"
            )
            output, n = run_wrk(base, people_file)
        finally:
            stop(process)  # graceful: requests still in flight when wrk stopped are finished
    print(output.rstrip())

    # Every write landed: each contact POST answered 302 made exactly one whole row, and at
    # most the POSTs still in flight when wrk stopped (no answer seen) made one more each.
    made = Contact.objects.filter(name__startswith="Load ", owner__in=users)
    contacts_made = made.count()
    half_made = made.exclude(context="met under load").count()
    achieved = CareerGoal.objects.filter(owner__in=users, status="achieved")
    achieved_count = achieved.count()
    achieved_undated = achieved.filter(achieved_on__isnull=True).count()
    unanswered = n["contacts_sent"] - n["contacts_ok"]
    problems = []
    if not n["contacts_ok"] <= contacts_made <= n["contacts_sent"]:
        problems.append(
            f"{contacts_made} contacts in the database, but {n['contacts_ok']} answered 302 "
            f"of {n['contacts_sent']} sent"
        )
    if half_made or achieved_undated:
        problems.append(f"{half_made} half-made contacts, {achieved_undated} undated goals")
    if n["achieve_ok"] and not achieved_count:
        problems.append("goals answered 302 but none is achieved")
    print(
        f"\ndatabase: {contacts_made} contacts made by {n['contacts_ok']} POSTs answered 302 "
        f"(+{contacts_made - n['contacts_ok']} of {unanswered} in flight at the end), "
        f"{half_made} half-made; {achieved_count} of {PEOPLE * GOALS_EACH} goals achieved "
        f"by {n['achieve_ok']} POSTs answered 302, {achieved_undated} without a date"
    )

    socket_errors = n["connect"] + n["read"] + n["write"] + n["timeout"]
    # The script's "wrong" holds every unexpected answer, the non-2xx/3xx among them.
    other_wrong = max(n["wrong"] - n["status"], 0)
    errors = n["status"] + socket_errors + n["login_redirects"] + other_wrong
    seconds = n["duration_us"] / 1e6
    rps = n["requests"] / seconds
    print(
        f"responses: {n['reads_ok']} pages 200, {n['contacts_ok']} contacts 302, "
        f"{n['achieve_ok']} goals 302; non-2xx/3xx {n['status']}, socket errors "
        f"{socket_errors} (connect {n['connect']}, read {n['read']}, write {n['write']}, "
        f"timeout {n['timeout']}), log-in redirects {n['login_redirects']}, other unexpected "
        f"answers {other_wrong}"
    )
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(f"Took {time.perf_counter() - began:.0f} s.")
    print(
        f"loadtest: rps={rps:.1f} p50_ms={n['p50_us'] / 1000:.1f} "
        f"p99_ms={n['p99_us'] / 1000:.1f} requests={n['requests']} errors={errors}"
    )
    if errors or problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
