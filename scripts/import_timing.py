"""How long the largest imports take: the web path at its limit, and the command beyond it.

Builds two files like the outside probe's (every job linked to every one of 500 goals): one at
the import page's limit (400 jobs, 200,000 links) and the probe's own (2,040 jobs, 1.02
million links, 4.9 MiB). In a database of its own (DATABASE_URL's server with `_imports`
appended to its name, made afresh; else a temporary SQLite file) it times, each in a fresh
Python process with its peak memory:

- the web path (upload, preview, confirm through Django's test client) for both files; the
  second is refused at upload, by the limit on links;
- `manage.py import_data USER FILE --large` for the probe's file, under /usr/bin/time -v.

    python scripts/import_timing.py
"""

import json
import os
import re
import string
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ALPHABET = string.ascii_letters + string.digits


def key(n):
    return ALPHABET[n] if n < len(ALPHABET) else ALPHABET[n // 62 - 1] + ALPHABET[n % 62]


def probe_file(path, *, goals, jobs):
    keys = [key(n) for n in range(goals)]
    document = {
        "format": "bearing-export",
        "version": 1,
        "directions": [{"key": "d", "title": "D", "status": "current"}],
        "goals": [{"key": k, "direction": "d", "title": f"Goal {k}"} for k in keys],
        "jobs": [
            {"key": f"j{n}", "title": f"Job {n}", "started_on": "2020-01-01", "goals": keys}
            for n in range(jobs)
        ],
    }
    path.write_bytes(json.dumps(document, separators=(",", ":")).encode())
    return path.stat().st_size


def database(folder):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{folder}/imports.sqlite3"
    import psycopg

    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "bearing") + "_imports"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


WEB = """
import resource, sys, time
import django
django.setup()
from django.contrib.auth.models import User
from accounts.models import PendingImport
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
user = User.objects.create_user(sys.argv[2], "", "x")
client = Client()
client.force_login(user)
data = open(sys.argv[1], "rb").read()
times = {}
started = time.monotonic()
response = client.post(reverse("account_import"), {"file": SimpleUploadedFile("f.json", data)})
times["upload"] = time.monotonic() - started
if response.status_code == 302:
    started = time.monotonic()
    assert client.get(reverse("account_import_preview")).status_code == 200
    token = PendingImport.objects.get(owner=user).token
    times["preview"] = time.monotonic() - started
    started = time.monotonic()
    response = client.post(reverse("account_import_confirm"), {"token": token})
    times["confirm"] = time.monotonic() - started
    outcome = "imported" if response["Location"] == reverse("jobs:dashboard") else "not imported"
else:
    outcome = f"refused ({response.status_code})"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(" ".join(f"{k}={v:.2f}s" for k, v in times.items()), f"peak={peak}MB", outcome)
"""


def main():
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {
            **os.environ,
            "DATABASE_URL": database(folder),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "import-timing-only-" + "k" * 40,
            "ALLOWED_HOSTS": "testserver",
            "TESTING": "1",  # static files as they are: nothing is collected here
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        at_limit = folder / "at-the-limit.json"
        probe = folder / "probe.json"
        files = {
            "web, 400 jobs x 500 goals": (at_limit, probe_file(at_limit, goals=500, jobs=400)),
            "web, 2,040 jobs x 500 goals": (probe, probe_file(probe, goals=500, jobs=2040)),
        }
        for number, (label, (path, size)) in enumerate(files.items()):
            links = 500 * (400 if path == at_limit else 2040)
            result = subprocess.run(  # noqa: S603 - our own code
                [PYTHON, "-c", WEB, str(path), f"web{number}"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"{label} ({size / 1e6:.1f} MB, {links:,} links): {result.stdout.strip()}")
        subprocess.run(  # noqa: S603 - our own manage.py
            [
                PYTHON,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                "from django.contrib.auth.models import User; "
                "User.objects.create_user('command', '', 'x')",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        result = subprocess.run(  # noqa: S603 - our own manage.py
            ["/usr/bin/time", "-v", PYTHON, "manage.py", "import_data", "command", str(probe)]
            + ["--large"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", result.stderr).group(1)
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1])
        size = files["web, 2,040 jobs x 500 goals"][1]
        print(
            f"import_data --large, 2,040 jobs x 500 goals ({size / 1e6:.1f} MB, 1,020,000 "
            f"links): {elapsed} wall, peak={peak // 1024}MB; {result.stdout.strip()}"
        )


if __name__ == "__main__":
    main()
