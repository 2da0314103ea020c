"""How long the largest imports take: the web path at its limit, and the command beyond it.

Builds two files like the outside probe's (every job linked to every one of 500 goals): one at
the import page's limit (400 jobs, 200,000 links) and the probe's own (2,040 jobs, 1.02
million links, 4.9 MiB); the largest spreadsheet of jobs the page takes (5,000 rows, every
column of a job filled, other column names than Bearing's, 4.8 MB); and a LinkedIn archive
with 5,000 positions, 5,000 skills and 5,000 schools. In a database of its own
(DATABASE_URL's server with `_imports` appended to its name, made afresh; else a temporary
SQLite file) it times, each in a fresh Python process with its peak memory:

- the web path (upload, preview, the matching kept again for a spreadsheet, confirm through
  Django's test client) for each file; the probe's is refused at upload, by the limit on links;
- `manage.py import_data USER FILE` for the spreadsheet and the archive, and with `--large`
  for the probe's file, under /usr/bin/time -v.

    python scripts/import_timing.py
"""

import csv
import io
import json
import os
import re
import secrets
import string
import subprocess
import sys
import tempfile
import zipfile
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


def spreadsheet_file(path, *, rows):
    """The largest spreadsheet the page takes: `rows` jobs, every column filled, named as a
    person's own spreadsheet names them (matched in the preview, not Bearing's export)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["Company", "Role", "From", "To", "Salary", "Currency", "Hours", "Type", "Schedule"]
        + ["Values", "Skills", "Skills gained", "Goals", "People met", "Satisfaction"]
        + ["Fit", "Notes", "Lessons", "Avoid", "Location"]
    )
    for n in range(rows):
        writer.writerow(
            [f"Employer {n % 900}", f"Job title {n}", f"{1 + n % 28:02d}/{1 + n % 12:02d}/2015"]
            + [f"{1 + n % 28:02d}/{1 + n % 12:02d}/2016", f"{20000 + n},00", "EUR", "37,5"]
            + ["Full-time", "Shifts", "Money; Skills; Connections"]
            + ["; ".join(f"Skill {(n + k) % 400}" for k in range(5)), f"Skill {400 + n % 50}"]
            + [f"Goal {n % 40}; Goal {(n + 1) % 40}", f"Person {n % 300}", "4", "3"]
            + ["Served the floor, kept the books and opened the place at dawn. " * 8]
            + ["Keep calm when it is busy. " * 4, "night shifts", "Madrid"]
        )
    path.write_text(out.getvalue(), encoding="utf-8")
    return path.stat().st_size


def archive_file(path, *, rows):
    """A LinkedIn archive with `rows` positions, skills and schools, and files it skips."""
    positions = "Company Name,Title,Description,Location,Started On,Finished On\r\n" + "".join(
        f'Company {n},Title {n},"Did things, many things.", "Madrid, Spain",Jan {2000 + n % 20},'
        f"{'Present' if n % 7 == 0 else f'Dec {2000 + n % 20}'}\r\n"
        for n in range(rows)
    )
    skills = "Name\r\n" + "".join(f"Skill {n}\r\n" for n in range(rows))
    education = "School Name,Start Date,End Date,Notes,Degree Name,Activities\r\n" + "".join(
        f"School {n},Sep {1990 + n % 20},Jun {1994 + n % 20},,Degree {n},\r\n" for n in range(rows)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Positions.csv", positions)
        archive.writestr("Skills.csv", skills)
        archive.writestr("Education.csv", education)
        archive.writestr("Connections.csv", "First Name,Last Name,Connected On\r\n" * 100)
        return sum(member.file_size for member in archive.infolist())  # what is read


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
from portability.models import PendingImport
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
setup_test_environment()  # the preview's context, to fill its matching form as a browser would
user = User.objects.create_user(sys.argv[2], "", "x")
client = Client()
client.force_login(user)
data = open(sys.argv[1], "rb").read()
name = sys.argv[1].rsplit("/", 1)[-1]
times = {}
started = time.monotonic()
response = client.post(reverse("account_import"), {"file": SimpleUploadedFile(name, data)})
times["upload"] = time.monotonic() - started
if response.status_code == 302:
    started = time.monotonic()
    preview = client.get(reverse("account_import_preview"))
    assert preview.status_code == 200
    times["preview"] = time.monotonic() - started
    if preview.context.get("matching_form") is not None:
        form = preview.context["matching_form"]
        started = time.monotonic()
        kept = client.post(
            reverse("account_import_matching"),
            {field: form[field].value() or "" for field in form.fields},
        )
        assert kept.status_code == 302
        times["matching"] = time.monotonic() - started
    pending = PendingImport.objects.get(owner=user)
    started = time.monotonic()
    response = client.post(
        reverse("account_import_confirm"),
        {"token": pending.token, "matching": pending.matching_version},
    )
    times["confirm"] = time.monotonic() - started
    led = response["Location"]
    done = led in (reverse("alignment:dashboard"), reverse("account_import_complete"))
    outcome = "imported" if done else "not imported"
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
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "TESTING": "1",  # static files as they are: nothing is collected here
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        at_limit = folder / "at-the-limit.json"
        probe = folder / "probe.json"
        sheet = folder / "jobs.csv"
        archive = folder / "Complete_LinkedInDataExport.zip"
        files = {
            "web, 400 jobs x 500 goals (200,000 links)": (
                at_limit,
                probe_file(at_limit, goals=500, jobs=400),
            ),
            "web, 2,040 jobs x 500 goals (1,020,000 links)": (
                probe,
                probe_file(probe, goals=500, jobs=2040),
            ),
            "web, spreadsheet of 5,000 jobs": (sheet, spreadsheet_file(sheet, rows=5000)),
            "web, LinkedIn archive of 5,000 positions, skills and schools, unpacked": (
                archive,
                archive_file(archive, rows=5000),
            ),
        }
        for number, (label, (path, size)) in enumerate(files.items()):
            result = subprocess.run(  # noqa: S603 - our own code
                [PYTHON, "-c", WEB, str(path), f"web{number}"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"{label} ({size / 1e6:.1f} MB): {result.stdout.strip()}")
        for number, (path, options) in enumerate(
            ((sheet, []), (archive, []), (probe, ["--large"]))
        ):
            user = f"command{number}"
            subprocess.run(  # noqa: S603 - our own manage.py
                [
                    PYTHON,
                    "manage.py",
                    "shell",
                    "--no-imports",
                    "-c",
                    "from django.contrib.auth.models import User; "
                    f"User.objects.create_user('{user}', '', 'x')",
                ],
                cwd=ROOT,
                env=env,
                check=True,
            )
            result = subprocess.run(  # noqa: S603 - our own manage.py
                ["/usr/bin/time", "-v", PYTHON, "manage.py", "import_data", user, str(path)]
                + options,
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            elapsed = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", result.stderr).group(1)
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1])
            added = next(
                line for line in result.stdout.splitlines() if line.startswith("Added from")
            )
            size = path.stat().st_size / 1e6
            print(
                f"import_data {' '.join(options)} {path.name} ({size:.1f} MB): {elapsed} wall, "
                f"peak={peak // 1024}MB; {added}"
            )


if __name__ == "__main__":
    main()
