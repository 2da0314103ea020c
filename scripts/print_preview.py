"""Print preview of Bearing's reports: each page as Chromium prints it (A4 and Letter), turned
into PNGs with poppler's pdftoppm, and screenshots at 1280, 390 and 320 px wide.

Usage: serve the demo (`make run`), then
    .venv/bin/python scripts/print_preview.py [BASE_URL] [USERNAME] [PASSWORD]
It signs in, makes a share link for the shared page, and writes PDF and PNG files to
screenshots/print/ (ignored by git). pdftoppm: `apt-get install poppler-utils`.
"""

import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from screenshots import ARGS, CHROMIUM  # this script's folder is on the path

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
USERNAME = sys.argv[2] if len(sys.argv) > 2 else "elena"
PASSWORD = sys.argv[3] if len(sys.argv) > 3 else "bearing-demo"
OUT = Path(__file__).resolve().parent.parent / "screenshots" / "print"
WIDTHS = (1280, 390, 320)
PAGES = {"dashboard": "/dashboard/", "story": "/story/"}


def sign_in(page):
    page.goto(BASE + "/accounts/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


def share_link(page):
    """A new share link's address, made on the sharing page (names shown)."""
    page.goto(BASE + "/account/sharing/")
    page.fill("#id_label", "print preview")
    page.check("#id_show_contacts")
    page.click("input[type=submit], button[type=submit]:has-text('Create the link')")
    return page.inner_text("#new-link-url")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        owner = browser.new_context(viewport={"width": 1280, "height": 900})
        page = owner.new_page()
        sign_in(page)
        pages = dict(PAGES)
        pages["shared"] = re.sub(r"^https?://[^/]+", "", share_link(page))
        for extra in ("/account/sharing/", "/account/tokens/"):
            pages[extra.strip("/").replace("/", "-")] = extra
        visitor = browser.new_context(viewport={"width": 1280, "height": 900})
        for name, path in pages.items():
            context = visitor if name == "shared" else owner
            tab = context.new_page()
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 900})
                tab.goto(BASE + path)
                tab.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
            if name in ("dashboard", "story", "shared"):
                tab.set_viewport_size({"width": 1280, "height": 900})
                tab.goto(BASE + path)
                for paper in ("A4", "Letter"):
                    pdf = OUT / f"{name}-{paper}.pdf"
                    tab.pdf(path=str(pdf), format=paper)
                    subprocess.run(  # noqa: S603 - poppler on our own file
                        ["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / f"{name}-{paper}")],  # noqa: S607
                        check=True,
                    )
            tab.close()
        browser.close()
    for path in sorted(OUT.iterdir()):
        print(path)


if __name__ == "__main__":
    main()
