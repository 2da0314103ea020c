"""`make faults`: Bearing under faults, with gunicorn and PostgreSQL on loopback.

Builds a throwaway PostgreSQL 15 cluster of its own (initdb into a temporary folder, port
5439; the machine's clusters are never touched), serves Bearing from it with gunicorn
(3 sync workers, DEBUG off) and, while signed-in people keep adding jobs and reading their
dashboards, injects three faults:

1. PostgreSQL restarted (fast shutdown, 1 s down, start), with persistent connections and
   health checks (CONN_MAX_AGE=60, the default) and again without (CONN_MAX_AGE=0);
2. one gunicorn worker killed with SIGKILL;
3. migrations run while serving: Bearing's own migrations into a fresh database on the same
   cluster, then a throwaway app's migrations (scripts/faults/faultsapp) applied to the
   serving database and reversed: a new table, a nullable column, and a nullable column and
   an index added to jobs_job, the table the load writes to.

Afterwards every acknowledged write (a 302 to the new job's page) must be in the database
with both its skills, and no job the load sent may be half-made. Prints a table per
scenario, then one line:

faults: pg_restart_recovery_s=X lost_writes=N half_made=N worker_kill_errors=N
migration_errors=N

and exits 1 when a requirement fails: recovery (CONN_MAX_AGE=60) over 2 s, a lost or
half-made write, more than one failed request when a worker is killed (a sync worker serves
one request at a time, so only that request may fail), or any failed request while
migrating.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAULTS = ROOT / "scripts" / "faults"
sys.path.insert(0, str(ROOT))

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5439"))
DB_NAME = "bearing_faults"
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/{DB_NAME}"
WORKERS = 3
WRITERS, READERS = 3, 3
RECOVERY_LIMIT_S = 2.0
WORKER_KILL_ALLOWANCE = 1  # the killed sync worker's one in-flight request

os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DEBUG="0",
    ALLOWED_HOSTS="127.0.0.1",
    SECRET_KEY=secrets.token_urlsafe(50),
    DATABASE_URL=DATABASE_URL,
)
os.environ.pop("REDIS_URL", None)


def table(title, header, rows):
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  " + "  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


def run(args, **kwargs):
    return subprocess.run(args, check=True, **kwargs)  # noqa: S603 - fixed argument lists


# -- The throwaway cluster ------------------------------------------------------------------


class Cluster:
    """A PostgreSQL cluster in a temporary folder, owned by the postgres user."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="bearing-faults-"))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        shutil.chown(self.dir, "postgres", "postgres")
        self.started = False

    def pg(self, *args, quiet=True):
        run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / args[0]), *args[1:]],
            stdout=subprocess.DEVNULL if quiet else None,
        )

    def create(self):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", PG_PORT)) == 0:
                sys.exit(f"faults: port {PG_PORT} is taken (set FAULTS_PG_PORT)")
        self.pg("initdb", "-D", str(self.data), "--auth=trust", "-U", "postgres")
        self.start()

    def options(self):
        return f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=on"

    def start(self):
        self.pg(
            "pg_ctl", "-D", str(self.data), "-o", self.options(), "-l", str(self.log), "-w", "start"
        )
        self.started = True

    def stop(self):
        self.pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.started = False

    def remove(self):
        if self.started:
            try:
                self.pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


def admin(sql):
    import psycopg

    url = f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


# -- gunicorn ---------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, conn_max_age):
        self.port = free_port()
        env = {**os.environ, "CONN_MAX_AGE": str(conn_max_age)}
        self.process = subprocess.Popen(  # noqa: S603 - fixed argument list
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
                "--graceful-timeout",
                "5",
                "--log-level",
                "error",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                try:
                    status, _ = request(self.port, "GET", "/", {})
                    if status == 200 and len(self.workers()) == WORKERS:
                        return
                except OSError:
                    pass
                time.sleep(0.1)
            raise RuntimeError("gunicorn did not start")
        except BaseException:
            self.stop()
            raise

    def workers(self):
        """The master's child processes (its workers), read from /proc."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass


# -- Load -------------------------------------------------------------------------------------


def request(port, method, path, headers, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


class Load:
    """Writers add jobs, readers read their dashboards, each signed in as its own person."""

    def __init__(self, port, people, label):
        self.port, self.people, self.label = port, people, label
        self.results = []  # (start, end, kind, ok, detail)
        self.acked = []  # (job id, title)
        self.sent = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = []

    def start(self):
        for index, (cookie, csrf) in enumerate(self.people):
            kind = "write" if index < WRITERS else "read"
            thread = threading.Thread(target=self.loop, args=(kind, index, cookie, csrf))
            thread.start()
            self.threads.append(thread)

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def loop(self, kind, index, cookie, csrf):
        number = 0
        while not self.stopping.is_set():
            number += 1
            title = f"faults-{self.label}-{index}-{number}"
            start = time.monotonic()
            ok, detail = False, ""
            try:
                if kind == "write":
                    with self.lock:
                        self.sent += 1
                    status, location = request(
                        self.port,
                        "POST",
                        "/jobs/add/",
                        {
                            "Cookie": f"{cookie}; csrftoken={csrf}",
                            "X-CSRFToken": csrf,
                            "Content-Type": "application/x-www-form-urlencoded",
                        },
                        body=job_form(title),
                    )
                    match = re.fullmatch(r"/jobs/(\d+)/", location)
                    ok = status == 302 and match is not None
                    if ok:
                        with self.lock:
                            self.acked.append((int(match.group(1)), title))
                    detail = str(status)
                else:
                    status, _ = request(self.port, "GET", "/dashboard/", {"Cookie": cookie})
                    ok, detail = status == 200, str(status)
            except (OSError, http.client.HTTPException) as error:
                detail = type(error).__name__
            end = time.monotonic()
            with self.lock:
                self.results.append((start, end, kind, ok, detail))
            time.sleep(0.02)

    def failures(self, since=0.0, until=float("inf")):
        return [r for r in self.results if not r[3] and since <= r[1] <= until]

    def summary(self):
        rows = []
        for kind in ("write", "read"):
            mine = [r for r in self.results if r[2] == kind]
            bad = [r for r in mine if not r[3]]
            kinds = {}
            for r in bad:
                kinds[r[4]] = kinds.get(r[4], 0) + 1
            detail = ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())) or "-"
            rows.append([kind, len(mine), len(mine) - len(bad), len(bad), detail])
        return rows


def job_form(title):
    from urllib.parse import urlencode

    return urlencode(
        {
            "title": title,
            "employer": "Faults Ltd",
            "stage": "held",
            "employment_type": "part_time",
            "started_on": "2024-01-15",
            "currency": "EUR",
            "version": "1",
            "skills_used": "A, B",
        }
    )


def sign_in(count):
    """People with a session in the database, and a job each so their skills A, B exist."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from careers.models import Skill

    people = []
    for index in range(count):
        user, _ = get_user_model().objects.get_or_create(username=f"faults{index}")
        Skill.objects.named(user, ["A", "B"])
        client = Client()
        client.force_login(user)
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
        people.append((cookie, _get_new_csrf_string()))
    return people


# -- Scenarios --------------------------------------------------------------------------------


def pg_restart(cluster, people, conn_max_age):
    """Restart PostgreSQL under load; time from its return to the end of the failures."""
    server = Gunicorn(conn_max_age)
    load = Load(server.port, people, f"restart{conn_max_age}")
    try:
        load.start()
        time.sleep(2)
        down_at = time.monotonic()
        cluster.stop()
        time.sleep(1)
        cluster.start()
        back_at = time.monotonic()
        time.sleep(4)
        load.stop()
    finally:
        load.stop()
        server.stop()
    # pg_ctl notices the server is up a little after it is: a request that began before
    # back_at may still fail after it. Recovery counts from back_at to the first success after
    # which nothing fails; "failed after back" counts only requests begun after back_at.
    after = sorted((r for r in load.results if r[1] >= back_at), key=lambda r: r[1])
    last_failure = max((r[1] for r in after if not r[3]), default=None)
    first_success = next((r[1] for r in after if r[3]), None)
    if last_failure is None:
        recovery = 0.0
    else:
        steady = next((r[1] for r in after if r[3] and r[1] > last_failure), None)
        recovery = steady - back_at if steady is not None else float("inf")
    down = back_at - down_at
    failed_down = len([r for r in load.results if not r[3] and down_at <= r[0] < back_at])
    return {
        "load": load,
        "down_s": down,
        "failed_down": failed_down,
        "failed_per_s": failed_down / down,
        "first_success_s": (first_success - back_at) if first_success else float("inf"),
        "recovery_s": recovery,
        "failed_after_back": len([r for r in after if not r[3] and r[0] >= back_at]),
        "failed": len(load.failures()),
    }


def worker_kill(people):
    server = Gunicorn(60)
    load = Load(server.port, people, "kill")
    try:
        load.start()
        time.sleep(2)
        before = server.workers()
        victim = before[0]
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        replaced_at = None
        while time.monotonic() < killed_at + 10:
            now = server.workers()
            if victim not in now and len(now) == WORKERS:
                replaced_at = time.monotonic()
                break
            time.sleep(0.05)
        time.sleep(3)
        load.stop()
        after = server.workers()
    finally:
        load.stop()
        server.stop()
    return {
        "load": load,
        "before": before,
        "victim": victim,
        "after": after,
        "replaced_s": (replaced_at - killed_at) if replaced_at else None,
        "errors": len(load.failures()),
        "during": [r for r in load.failures(since=killed_at)],
    }


def migrating(people):
    """Migrations while serving: a fresh database forward, then the serving one and back."""
    admin(f"DROP DATABASE IF EXISTS {DB_NAME}_fresh")
    admin(f"CREATE DATABASE {DB_NAME}_fresh")
    server = Gunicorn(60)
    load = Load(server.port, people, "migrate")
    steps = []
    manage = [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"]
    fresh_env = {**os.environ, "DATABASE_URL": f"{DATABASE_URL}_fresh"}
    faults_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings_faults",
        "PYTHONPATH": f"{FAULTS}{os.pathsep}{ROOT}",
    }
    try:
        load.start()
        time.sleep(1.5)
        for name, args, env in (
            ("Bearing's migrations, fresh database", manage, fresh_env),
            ("faultsapp forward, serving database", [*manage, "faultsapp"], faults_env),
            (
                "faultsapp back to zero, serving database",
                [*manage, "faultsapp", "zero"],
                faults_env,
            ),
        ):
            began = time.monotonic()
            run(args, cwd=ROOT, env=env)
            ended = time.monotonic()
            steps.append([name, f"{ended - began:.2f}", len(load.failures(began, ended + 0.5))])
            time.sleep(1)
        load.stop()
    finally:
        load.stop()
        server.stop()
        admin(f"DROP DATABASE IF EXISTS {DB_NAME}_fresh WITH (FORCE)")
    return {"load": load, "steps": steps, "errors": len(load.failures())}


def check_writes(loads):
    """Acknowledged jobs missing, and jobs sent by the load without exactly skills A and B."""
    from django.db import connections
    from django.db.models import Count

    from jobs.models import Job

    connections.close_all()
    acked = {job_id: title for load in loads for job_id, title in load.acked}
    found = dict(Job.objects.filter(pk__in=acked).values_list("pk", "title"))
    lost = [job_id for job_id, title in acked.items() if found.get(job_id) != title]
    half = list(
        Job.objects.filter(title__startswith="faults-")
        .annotate(links=Count("skill_links"))
        .exclude(links=2)
        .values_list("pk", "links")
    )
    stored = Job.objects.filter(title__startswith="faults-").count()
    return acked, lost, half, stored


def terminated(signum, frame):
    raise SystemExit(f"faults: stopped by signal {signum}")


def main():
    began = time.monotonic()
    # `make` and timeouts send SIGTERM: unwind through the finally blocks that clean up.
    signal.signal(signal.SIGTERM, terminated)
    if os.geteuid() != 0:
        sys.exit("faults: run as root (the throwaway cluster runs as the postgres user)")
    cluster = Cluster()
    try:
        cluster.create()
        admin(f"CREATE DATABASE {DB_NAME}")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        people = sign_in(WRITERS + READERS)
        connections.close_all()
        print(
            f"cluster: PostgreSQL 15 in {cluster.dir}, port {PG_PORT}; gunicorn {WORKERS} workers"
        )

        restarts = {age: pg_restart(cluster, people, age) for age in (60, 0)}
        for age, result in restarts.items():
            table(
                f"1. PostgreSQL restarted under load (CONN_MAX_AGE={age}, down "
                f"{result['down_s']:.1f} s)",
                ["requests", "sent", "ok", "failed", "failures"],
                result["load"].summary(),
            )
        table(
            "1. Recovery after PostgreSQL is back (seconds from `pg_ctl start` returning)",
            [
                "CONN_MAX_AGE",
                "down s",
                "failed while down",
                "per s down",
                "first success",
                "all succeed from",
                "failed begun after back",
            ],
            [
                [
                    age,
                    f"{r['down_s']:.2f}",
                    r["failed_down"],
                    f"{r['failed_per_s']:.0f}",
                    f"{r['first_success_s']:.2f}",
                    f"{r['recovery_s']:.2f}",
                    r["failed_after_back"],
                ]
                for age, r in restarts.items()
            ],
        )
        # Better: recovers sooner; at a tie (within 0.1 s), fewer failures begun after back.
        key = {
            age: (round(r["recovery_s"], 1), r["failed_after_back"]) for age, r in restarts.items()
        }
        if key[60] == key[0]:
            verdict = "neither: both recover as soon as PostgreSQL is back"
        else:
            verdict = f"CONN_MAX_AGE={min(key, key=key.get)}"
        print(
            f"  recovers better: {verdict} (CONN_MAX_AGE=60: {restarts[60]['recovery_s']:.2f} s, "
            f"{restarts[60]['failed_after_back']} failed after back; CONN_MAX_AGE=0: "
            f"{restarts[0]['recovery_s']:.2f} s, {restarts[0]['failed_after_back']} failed "
            "after back). While PostgreSQL is down every request answers 500 in both."
        )

        kill = worker_kill(people)
        table(
            f"2. A gunicorn worker killed (SIGKILL pid {kill['victim']}) under load",
            ["requests", "sent", "ok", "failed", "failures"],
            kill["load"].summary(),
        )
        replaced = f"{kill['replaced_s']:.2f} s" if kill["replaced_s"] is not None else "never"
        print(f"  workers before {kill['before']}, after {kill['after']}; replaced in {replaced}")

        migration = migrating(people)
        table(
            "3. Migrations while serving",
            ["step", "seconds", "failed requests"],
            migration["steps"],
        )
        table(
            "3. Load while migrating",
            ["requests", "sent", "ok", "failed", "failures"],
            migration["load"].summary(),
        )

        loads = [r["load"] for r in restarts.values()] + [kill["load"], migration["load"]]
        acked, lost, half, stored = check_writes(loads)
        sent = sum(load.sent for load in loads)
        table(
            "Writes",
            ["sent", "acknowledged", "stored", "lost", "half-made"],
            [[sent, len(acked), stored, len(lost), len(half)]],
        )
        if lost:
            print(f"  lost: {lost[:10]}")
        if half:
            print(f"  half-made (id, skills): {half[:10]}")
    finally:
        from django.db import connections

        connections.close_all()
        cluster.remove()

    problems = []
    recovery = restarts[60]["recovery_s"]
    if recovery > RECOVERY_LIMIT_S:
        problems.append(f"recovery {recovery:.2f} s > {RECOVERY_LIMIT_S} s")
    if lost or half:
        problems.append("lost or half-made writes")
    if kill["errors"] > WORKER_KILL_ALLOWANCE or kill["replaced_s"] is None:
        problems.append("worker kill: errors beyond the killed request, or not replaced")
    if migration["errors"]:
        problems.append("errors while migrating")
    print(f"\nTook {time.monotonic() - began:.0f} s.")
    if problems:
        print("FAILED: " + "; ".join(problems))
    print(
        f"faults: pg_restart_recovery_s={recovery:.2f} lost_writes={len(lost)} "
        f"half_made={len(half)} worker_kill_errors={kill['errors']} "
        f"migration_errors={migration['errors']}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
