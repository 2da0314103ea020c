"""Bearing served as in production for a measurement (`make bench`, `make loadtest`): the
database migrated and the static files collected, gunicorn on a free loopback port, stopped
gracefully, and a signed-in person's session."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


def prepare(command):
    """What serving as in production needs first: wrk at hand (without it, `command` stops
    and says so), the database migrated and the static files collected."""
    if not shutil.which("wrk"):
        sys.exit(f"{command}: wrk is missing (apt-get install wrk)")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(workers, **env):
    """gunicorn serving config.wsgi with `workers` workers (and `env` added to this process's
    environment), once it answers: (the process, its base URL)."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)  # loopback only
            return process, base
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    stop(process)
    raise RuntimeError("gunicorn did not start")


def stop(process):
    """Stop gunicorn gracefully (requests in flight are finished), or kill it."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def session_cookie(user):
    """A Cookie header's value that signs `user` in: a real session in the database."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
