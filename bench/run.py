"""`make bench`: Bearing's performance, measured in one run so that the ratios hold.

Builds a light person (5 jobs), a heavy one (500 jobs, 3 directions, 60 target skills,
40 goals, 30 learning entries, 100 contacts, 150 skills), later 10,000 other people with
20 jobs each, and a huge person (5,000 jobs, 300 directions), in a database of its own
(SQLite in a temporary file, or `<name>_bench` beside the DATABASE_URL database). "Cold"
is a page computed afresh (no rendered page reused: nothing else is kept between requests);
"warm" a page served from the page cache. Prints a table per measurement, then one summary
line:

bench: queries_light=Q queries_heavy=Q warm_ratio=R cold_ratio=R growth=G population_effect=P
non2xx=N
"""

import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 21  # in-process timings: the median of this many
HTTP_SECONDS = 1  # a wrk run; each path gets HTTP_ROUNDS of them, in turns with the others
HTTP_ROUNDS = 4
OTHERS, OTHER_JOBS = 10_000, 20
HUGE_JOBS, HUGE_DIRECTIONS, HUGE_RUNS = 5_000, 300, 5


def bench_databases():
    """URLs of the benchmark's own database (created empty) and of its crowded copy (made
    later, by `copy_database`): never the developer's data."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        folder = tempfile.mkdtemp(prefix="bearing-bench-")
        return f"sqlite:///{folder}/bench.sqlite3", f"sqlite:///{folder}/crowded.sqlite3"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench"
    with admin_connection(url) as connection:
        for database in (name, f"{name}_crowded"):
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return (
        urlunsplit(parts._replace(path=f"/{name}")),
        urlunsplit(parts._replace(path=f"/{name}_crowded")),
    )


def admin_connection(url):
    import psycopg

    return psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True)


def copy_database(source, target):
    """Copy the benchmark's database (no connection may be open to it)."""
    if source.startswith("sqlite:"):
        shutil.copyfile(urlsplit(source).path, urlsplit(target).path)
        return
    with admin_connection(source) as connection:
        source_name, target_name = urlsplit(source).path[1:], urlsplit(target).path[1:]
        connection.execute(f'CREATE DATABASE "{target_name}" TEMPLATE "{source_name}"')


os.environ["DATABASE_URL"], os.environ["BENCH_CROWDED_URL"] = bench_databases()
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, connections, reset_queries  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import build  # noqa: E402
from bench.router import CURRENT  # noqa: E402
from bench.serve import prepare, session_cookie, start_gunicorn, stop  # noqa: E402
from careers.models import CareerDirection, CareerGoal, Contact, Learning, Skill  # noqa: E402
from core.models import DataVersion  # noqa: E402
from jobs.models import Job  # noqa: E402


def table(title, header, rows):
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  " + "  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


def pages(user):
    """Every page a signed-in person reaches, with this person's own ids."""
    job = Job.objects.filter(owner=user).order_by("pk").first()
    direction = CareerDirection.objects.filter(owner=user).order_by("pk").first()
    goal = CareerGoal.objects.filter(owner=user).order_by("pk").first()
    skill = Skill.objects.filter(owner=user).order_by("pk").first()
    learning = Learning.objects.filter(owner=user).order_by("pk").first()
    contact = Contact.objects.filter(owner=user).order_by("pk").first()
    urls = {
        "baseline": "/bench/baseline/",
        "dashboard": reverse("alignment:dashboard"),
        "dashboard what-if": reverse("alignment:dashboard") + f"?direction={direction.pk}",
        "compare": reverse("alignment:compare"),
        "api": reverse("api:alignment"),
        "api jobs": reverse("api:jobs"),
        "api directions": reverse("api:directions"),
        "story": reverse("alignment:story"),
        "sharing": reverse("sharing:links"),
        "tokens": reverse("tokens"),
        "job list": reverse("alignment:job_list"),
        "job add": reverse("jobs:job_add"),
        "account": reverse("account"),
    }
    for name, obj in [
        ("job", job),
        ("direction", direction),
        ("goal", goal),
        ("skill", skill),
        ("learning", learning),
        ("contact", contact),
    ]:
        app = "jobs" if name == "job" else "careers"
        if name != "job":
            urls[f"{name} list"] = reverse(f"{app}:{name}_list")
            urls[f"{name} add"] = reverse(f"{app}:{name}_add")
        # A job's own page judges it, so it lives with the alignment pages.
        shown_by = "alignment" if name == "job" else app
        urls[f"{name} detail"] = reverse(f"{shown_by}:{name}_detail", args=[obj.pk])
        urls[f"{name} edit"] = reverse(f"{app}:{name}_edit", args=[obj.pk])
        urls[f"{name} delete"] = reverse(f"{app}:{name}_delete", args=[obj.pk])
    return urls


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured.captured_queries)


def timed(client, url, *, cold, runs=RUNS):
    """Median seconds of GET url: cold (computed afresh) or warm (from the page cache)."""
    settings.BEARING_PAGE_CACHE = not cold
    samples = []
    client.get(url)
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200
        reset_queries()
    settings.BEARING_PAGE_CACHE = True
    return statistics.median(samples)


def analyze(alias):
    """Fresh planner statistics, as autovacuum would keep them on a live server."""
    with connections[alias].cursor() as cursor:
        cursor.execute("ANALYZE")


def wrk(base, path, cookie):
    """Requests per second, p50 and p99 (ms) and non-2xx count of GET path under load."""
    request = urllib.request.Request(base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        assert response.status == 200 and response.url.endswith(path), response.url
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            "-c4",
            f"-d{HTTP_SECONDS}s",
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            base + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label):
        value, unit = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    # wrk counts 3xx as success; the pre-flight above made sure this path answers 200, and a
    # redirect to log-in mid-run would show as a drop in throughput, not as an error.
    return rps, ms(50), ms(99), int(non2xx.group(1)) if non2xx else 0


def main():
    began = time.perf_counter()
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    prepare("bench")
    light = build.person("light", jobs=5, seed=1)
    heavy = build.person(
        "heavy",
        jobs=500,
        directions=3,
        target_skills=60,
        goals=40,
        learning=30,
        contacts=100,
        skills=150,
        seed=2,
    )
    # Before anything is timed: a live server's autovacuum would have analyzed tables that
    # grew by this much. Without statistics PostgreSQL plans the heavy dashboard for empty
    # tables and takes three times as long.
    analyze("default")

    # 1. Query counts: every page, light against heavy (cold: the cache is cleared first).
    clients = {}
    for user in (light, heavy):
        clients[user.username] = Client()
        clients[user.username].force_login(user)
    light_pages, heavy_pages = pages(light), pages(heavy)
    rows, unequal = [], []
    for name in light_pages:
        q_light = count_queries(clients["light"], light_pages[name])
        q_heavy = count_queries(clients["heavy"], heavy_pages[name])
        rows.append([name, q_light, q_heavy, "" if q_light == q_heavy else "DIFFERENT"])
        if q_light != q_heavy:
            unequal.append(name)
    table("SQL queries per page (cold)", ["page", "light", "heavy", ""], rows)
    queries_light = next(r[1] for r in rows if r[0] == "dashboard")
    queries_heavy = next(r[2] for r in rows if r[0] == "dashboard")

    # 2. In-process dashboard time, cold and warm, the light and the heavy person in turns
    # so that both see the machine in the same state.
    dashboard = reverse("alignment:dashboard")
    times = {}
    for mode in ("cold", "warm"):
        samples = {"light": [], "heavy": []}
        for _ in range(RUNS):
            for user in (light, heavy):
                samples[user.username].append(
                    timed(clients[user.username], dashboard, cold=mode == "cold", runs=1)
                )
        for name, values in samples.items():
            times[name, mode] = statistics.median(values)
    growth = times["heavy", "cold"] / times["light", "cold"]
    table(
        f"Dashboard, in process (median of {RUNS}, ms; cold = computed afresh)",
        ["person", "cold", "warm"],
        [
            [name, f"{times[name, 'cold'] * 1000:.1f}", f"{times[name, 'warm'] * 1000:.1f}"]
            for name in ("light", "heavy")
        ],
    )

    # 3. Over HTTP: gunicorn (2 workers) and wrk on loopback, warm and cold.
    cookie = session_cookie(heavy)
    http_rows, rates, non2xx = [], {}, 0
    paths = [
        ("baseline", "/bench/baseline/"),
        ("dashboard", dashboard),
        ("api", reverse("api:alignment")),
    ]
    # cold: no rendered page is reused (bench.settings): each request computes the page
    # afresh, as the first request after a change does.
    for mode, cache_mode in (("warm", "on"), ("cold", "off")):
        process, base = start_gunicorn(2, BENCH_CACHE=cache_mode)
        try:
            # The three paths in turns, a second each, so that their ratios hold even when
            # the machine's speed drifts; figures are over all the rounds.
            runs = {name: [] for name, _ in paths}
            for _ in range(HTTP_ROUNDS):
                for name, path in paths:
                    runs[name].append(wrk(base, path, cookie))
            for name, measured in runs.items():
                rps = statistics.mean(run[0] for run in measured)
                p50 = statistics.median(run[1] for run in measured)
                p99 = statistics.median(run[2] for run in measured)
                bad = sum(run[3] for run in measured)
                rates[mode, name] = rps
                non2xx += bad
                http_rows.append([mode, name, f"{rps:.1f}", f"{p50:.1f}", f"{p99:.1f}", bad])
        finally:
            stop(process)
    table(
        f"Heavy person over HTTP (gunicorn, wrk -c4; {HTTP_ROUNDS} × {HTTP_SECONDS} s each, "
        "in turns; p50 and p99: the median of the runs')",
        ["cache", "page", "req/s", "p50 ms", "p99 ms", "non-2xx"],
        http_rows,
    )
    warm_ratio = rates["warm", "dashboard"] / rates["warm", "baseline"]
    cold_ratio = rates["cold", "dashboard"] / rates["cold", "baseline"]
    table(
        "Throughput against the baseline page",
        ["cache", "dashboard/baseline", "api/baseline"],
        [
            [
                mode,
                f"{rates[mode, 'dashboard'] / rates[mode, 'baseline']:.2f}",
                f"{rates[mode, 'api'] / rates[mode, 'baseline']:.2f}",
            ]
            for mode in ("warm", "cold")
        ],
    )

    # 4. The same heavy dashboard with 10,000 other people in the database: a copy of the
    # benchmark's database gets them, then the two are timed in turns, so that both see
    # the machine in the same state (bench/router.py sends each request's queries).
    connections.close_all()
    copy_database(os.environ["DATABASE_URL"], os.environ["BENCH_CROWDED_URL"])
    CURRENT["alias"] = "crowded"
    started = time.perf_counter()
    build.population(OTHERS, OTHER_JOBS)
    # The copy's data versions move on from the original's: a page cached for one must
    # never be served for the other.
    DataVersion.objects.filter(owner__in=[light, heavy]).update(version=F("version") + 10**9)
    built_in = time.perf_counter() - started
    samples = {"default": [], "crowded": []}
    for alias in ("default", "crowded"):
        CURRENT["alias"] = alias
        analyze(alias)
        timed(clients["heavy"], dashboard, cold=True)  # warm-up
    for _ in range(2 * RUNS):
        for alias in samples:
            CURRENT["alias"] = alias
            samples[alias].append(timed(clients["heavy"], dashboard, cold=True, runs=1))
    CURRENT["alias"] = "default"
    alone, crowded = (statistics.median(samples[alias]) for alias in ("default", "crowded"))
    population_effect = crowded / alone
    table(
        f"Heavy dashboard, cold (median of {2 * RUNS}, in turns), with {OTHERS:,} other people "
        f"({OTHERS * OTHER_JOBS:,} jobs, built in {built_in:.0f} s)",
        ["database", "ms"],
        [["alone", f"{alone * 1000:.1f}"], ["crowded", f"{crowded * 1000:.1f}"]],
    )

    # 5. A huge person: 300 directions they are considering, 5,000 jobs. Each page must
    # stay under a second, computed afresh.
    huge = build.person(
        "huge",
        jobs=HUGE_JOBS,
        directions=HUGE_DIRECTIONS,
        target_skills=20 * HUGE_DIRECTIONS,
        goals=600,
        learning=50,
        contacts=200,
        skills=300,
        seed=3,
        statuses=("current", "considering"),
        spacing=1,
    )
    huge_client = Client()
    huge_client.force_login(huge)
    analyze("default")
    huge_times = {
        name: timed(huge_client, reverse(url), cold=True, runs=HUGE_RUNS)
        for name, url in (
            ("dashboard", "alignment:dashboard"),
            ("compare", "alignment:compare"),
            ("api", "api:alignment"),
            ("story", "alignment:story"),
        )
    }
    table(
        f"A huge person ({HUGE_JOBS:,} jobs, {HUGE_DIRECTIONS} directions), in process, "
        f"computed afresh (median of {HUGE_RUNS}, ms)",
        ["page", "ms"],
        [[name, f"{seconds * 1000:.0f}"] for name, seconds in huge_times.items()],
    )
    print(
        "huge: "
        + " ".join(f"{name}_ms={seconds * 1000:.0f}" for name, seconds in huge_times.items())
    )

    if unequal:
        print(f"\nPages whose query count grows with the data: {', '.join(unequal)}")
    print(f"\nTook {time.perf_counter() - began:.0f} s.")
    print(
        f"bench: queries_light={queries_light} queries_heavy={queries_heavy} "
        f"warm_ratio={warm_ratio:.2f} cold_ratio={cold_ratio:.2f} growth={growth:.2f} "
        f"population_effect={population_effect:.2f} non2xx={non2xx}"
    )


if __name__ == "__main__":
    main()
