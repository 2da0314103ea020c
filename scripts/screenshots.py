"""Screenshot Bearing's pages at desktop and phone widths, signed in as the demo persona.

Usage: serve the demo (`make run`), then
    .venv/bin/python scripts/screenshots.py [BASE_URL] [PATH ...]
PNG files land in screenshots/ (ignored by git).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
PATHS = sys.argv[2:] or ["/", "/accounts/signup/", "/accounts/login/", "/dashboard/", "/jobs/"]
WIDTHS = {"desktop": 1280, "phone": 390}
OUT = Path(__file__).resolve().parent.parent / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def name_for(path):
    return path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"


def main():
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for label, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for path in PATHS:
                if path.startswith("/accounts/") or path == "/":
                    page.context.clear_cookies()
                else:
                    if "sessionid" not in {c["name"] for c in context.cookies()}:
                        page.goto(BASE + "/accounts/login/")
                        page.fill("#id_username", "elena")
                        page.fill("#id_password", "bearing-demo")
                        page.click("button[type=submit]")
                page.goto(BASE + path)
                target = OUT / f"{name_for(path)}-{label}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
