"""Screenshots for a reader who has never seen Bearing (the naive-reader test).

    make reader-shots

serves Bearing as scripts/screenshots.py does (a throwaway SQLite database, the demo loaded,
`manage.py runserver` on a free port), adds two more people from tests/jobs/histories/ —
priya (ux_designer.json, then an offer from ux_designer_offer.json) and tomas (nurse.json) —
signs in as each of the three and writes to screenshots/readers/ (ignored by git):

- NAME-WIDTH.png: the whole dashboard at 1280, 390 and 320 px wide;
- NAME-WIDTH-1.png, -2.png …: the same page cut into parts about 1,100 px high, to hand
  a reader one screen at a time;
- NAME-offer-1280.png, NAME-offer-320.png: the page of the person's first offer (from the
  jobs page), if any, on a desk and on a small phone.
"""

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import ARGS, CHROMIUM, ROOT, bearing_with_the_demo  # noqa: E402

OUT = ROOT / "screenshots" / "readers"
HISTORIES = ROOT / "tests" / "jobs" / "histories"
PEOPLE = {  # name: (password, history files, imported in turn; none for the demo's Elena)
    "elena": ("bearing-demo", ()),
    # Priya's history, then an offer to weigh (as a person adds one to what they imported).
    "priya": ("bearing-reader", ("ux_designer.json", "ux_designer_offer.json")),
    "tomas": ("bearing-reader", ("nurse.json",)),
}
WIDTHS = [1280, 390, 320]
PART = 1100  # about the height of one part, in CSS pixels
PAGE_SIZE = "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
OFFER_LINK = "section[aria-labelledby=offers-heading] a"
CREATE_USER = (
    "import os; from django.contrib.auth import get_user_model; "
    "get_user_model().objects.create_user("
    "os.environ['READER'], password=os.environ['READER_PASSWORD'])"
)


def add_people(env):
    """Create every person with a history file and import it, in the served database."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for name, (password, histories) in PEOPLE.items():
        if not histories:
            continue
        run = {
            "env": {**env, "READER": name, "READER_PASSWORD": password},
            "cwd": ROOT,
            "check": True,
        }
        subprocess.run([*manage, "shell", "-c", CREATE_USER], **run)  # noqa: S603
        for history in histories:
            load = [*manage, "import_data", "-v0", name, str(HISTORIES / history)]
            subprocess.run(load, **run)  # noqa: S603


def log_in(page, base, name, password):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(base + "/dashboard/")


def whole_and_parts(page, stem):
    """The whole page, then the same page cut into parts of PART pixels; the files written."""
    whole = OUT / f"{stem}.png"
    page.screenshot(path=str(whole), full_page=True, animations="disabled")
    written = [whole]
    width, height = page.evaluate(PAGE_SIZE)
    count = max(1, round(height / PART))  # parts of equal height, none a sliver
    step = -(-height // count)
    for number, top in enumerate(range(0, height, step), start=1):
        part = OUT / f"{stem}-{number}.png"
        clip = {"x": 0, "y": top, "width": width, "height": min(step, height - top)}
        page.screenshot(path=str(part), full_page=True, clip=clip, animations="disabled")
        written.append(part)
    return written


def shots_of(browser, base, name, password):
    written = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        log_in(page, base, name, password)
        page.wait_for_load_state("networkidle")
        written += whole_and_parts(page, f"{name}-{width}")
        if width in (1280, 320):
            page.goto(base + "/jobs/")
            link = page.locator(OFFER_LINK).first
            if link.count():
                page.goto(base + link.get_attribute("href"))
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-offer-{width}.png"
                page.screenshot(path=str(target), full_page=True, animations="disabled")
                written.append(target)
            elif width == 1280:
                print(f"{name} has no offer on the jobs page", file=sys.stderr)
        context.close()
    return written


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):  # a shorter page leaves no stale parts behind
        old.unlink()
    written = []
    with bearing_with_the_demo(before_serving=add_people) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (password, _history) in PEOPLE.items():
            written += shots_of(browser, base, name, password)
        browser.close()
    for path in written:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
