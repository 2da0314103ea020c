"""Bearing's screenshots: the landing page's pictures of the dashboard, and pages to look at.

    make screenshots

runs Bearing on its own (a throwaway SQLite database in a temporary folder, the demo loaded,
`manage.py runserver` on a free port), signs in as the demo persona Elena, and writes

- static/img/dashboard.png: the top of her dashboard at 1280 × 800, for the landing page;
- static/img/dashboard-phone.png: the top of it on a 390 px wide phone, at twice the pixels
  (780 × 1400), which the landing page shows on narrow screens;
- screenshots/*.png (ignored by git), whole pages to look at after a change: the landing
  page, log-in, sign-up, the dashboard and the jobs, and the first screen of a new "Try the
  demo" account, at 1280, 390 and 320 px wide.

The demo is dated back from today, so the pictures show the dates of the day they are made.
Commit the two files in static/img/ when the dashboard's look changes.

    .venv/bin/python scripts/screenshots.py --base http://127.0.0.1:8000 [PATH ...]

takes only the pages to look at (these paths, or the usual ones) from a Bearing already
running there with the demo loaded (`make run`), and leaves static/img/ alone.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
IMAGES = ROOT / "static" / "img"
PATHS = ["/", "/accounts/login/", "/accounts/signup/", "/dashboard/", "/jobs/"]
WIDTHS = {"desktop": 1280, "phone": 390, "narrow": 320}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
USERNAME, PASSWORD = "elena", "bearing-demo"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def bearing_with_the_demo(before_serving=None):
    """Serve Bearing from a database of its own with the demo loaded; yields its URL.
    before_serving(env), if given, runs once the demo is loaded, with the server's environment."""
    with tempfile.TemporaryDirectory(prefix="bearing-screenshots-") as folder:
        env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603 - our own manage.py
        if before_serving:
            before_serving(env)
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_for(base, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):  # noqa: S310 - our own server
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def log_in(page, base):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(base + "/dashboard/")


def name_for(path):
    return path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"


def landing_pictures(browser, base):
    """The two pictures of the dashboard that the landing page shows."""
    IMAGES.mkdir(exist_ok=True)
    shots = [
        ("dashboard.png", {"width": 1280, "height": 800}, 1),
        ("dashboard-phone.png", {"width": 390, "height": 700}, 2),
    ]
    for filename, viewport, scale in shots:
        context = browser.new_context(viewport=viewport, device_scale_factor=scale)
        page = context.new_page()
        log_in(page, base)
        page.wait_for_load_state("networkidle")
        target = IMAGES / filename
        page.screenshot(path=str(target), animations="disabled")
        print(target.relative_to(ROOT))
        context.close()


def pages_to_look_at(browser, base, paths):
    """Whole pages at each width; then a new demo account, as a visitor first sees it."""
    OUT.mkdir(exist_ok=True)
    for label, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in paths:
            public = path == "/" or path.startswith("/accounts/")
            if public:
                context.clear_cookies()
            elif "sessionid" not in {cookie["name"] for cookie in context.cookies()}:
                log_in(page, base)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            shoot(page, f"{name_for(path)}-{label}")
        context.clear_cookies()
        page.goto(base + "/")
        page.get_by_role("button", name="Try the demo").first.click()
        page.wait_for_url(base + "/dashboard/")
        shoot(page, f"try-the-demo-{label}", full_page=False)  # the first screen a visitor sees
        context.close()


def shoot(page, name, full_page=True):
    target = OUT / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page, animations="disabled")
    print(target.relative_to(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a Bearing already running, e.g. http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="*", default=PATHS, help="pages to look at")
    options = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if options.base:
            pages_to_look_at(browser, options.base.rstrip("/"), options.paths)
        else:
            with bearing_with_the_demo() as base:
                landing_pictures(browser, base)
                pages_to_look_at(browser, base, options.paths)
        browser.close()


if __name__ == "__main__":
    main()
