"""Every signed-in page at every Bootstrap breakpoint from 320 to 1920 px, for a person with
the longest username there can be: no page scrolls sideways, no link of the main navigation
wraps inside itself, and the account menu (the only way to Import, Sharing, Tokens and Log
out) opens inside the window."""

import itertools
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from demo.elena import load_demo_data
from jobs.models import Job
from tests.accounts.helpers import SAMPLES
from tests.factories import PASSWORD, JobFactory, UserFactory
from tests.helpers import pages_of

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [320, 375, 576, 768, 992, 1024, 1200, 1280, 1400, 1920]
LONG_NAME = "Wilhelmina-" + "x" * 139  # 150 characters: the most a username may have


@pytest.fixture
def long_named(live_server, page):
    """Signed in as somebody with the demo's history and a 150-character username."""
    user = UserFactory(username=LONG_NAME)
    load_demo_data(user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(LONG_NAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + reverse("alignment:dashboard"))
    return user


SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"
# The height of every link of the main navigation when it is laid out in one row.
LINK_HEIGHTS = """() => [...document.querySelectorAll('#nav-main .nav-link')]
    .map(link => [link.textContent.trim().slice(0, 20), link.getBoundingClientRect().height])"""


def test_no_signed_in_page_scrolls_sideways_at_any_width(live_server, page, long_named):
    wide = []
    for url in pages_of(long_named):
        page.goto(live_server.url + url)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            overflow = page.evaluate(SIDEWAYS)
            if overflow > 0:
                wide.append(f"{url} at {width} px: {overflow} px too wide")
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_account_menu_opens_inside_the_window(live_server, page, long_named, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("alignment:dashboard"))
    nav = page.get_by_role("navigation", name="Main")
    toggler = nav.get_by_role("button", name="Toggle navigation")
    if toggler.is_visible():
        toggler.click()
        # Opened once the folding has run its course (Bootstrap: "collapsing", then "show").
        expect(page.locator("#nav-main")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
    else:
        heights = page.evaluate(LINK_HEIGHTS)
        single = min(height for _, height in heights)
        assert all(height == single for _, height in heights), heights  # none wraps
    nav.get_by_role("button", name=LONG_NAME).click()
    expect(nav.get_by_role("button", name=LONG_NAME)).to_have_attribute("aria-expanded", "true")
    for item in (
        nav.get_by_role("link", name="Import a history"),
        nav.get_by_role("link", name="Share with a mentor"),
        nav.get_by_role("link", name="API tokens"),
        nav.get_by_role("button", name="Log out"),
    ):
        expect(item).to_be_visible()
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (item, box)
    assert page.evaluate(SIDEWAYS) <= 0
    nav.get_by_role("link", name="Import a history").click()
    expect(page).to_have_url(live_server.url + reverse("account_import"))


# The year labels of the dashboard's timeline, as drawn: [label, left, right] of each visible
# label's text, and the axis's [left, right].
TICKS = """() => {
    const axis = document.querySelector('.tl-axis').getBoundingClientRect();
    const labels = [...document.querySelectorAll('.tl-tick')]
        .filter(tick => getComputedStyle(tick).visibility === 'visible')
        .map(tick => { const text = document.createRange(); text.selectNodeContents(tick);
                       const box = text.getBoundingClientRect();
                       return [tick.textContent, box.left, box.right]; });
    return {axis: [axis.left, axis.right], labels};
}"""


def test_the_timelines_year_labels_stay_inside_it_and_apart(live_server, page, monkeypatch):
    # Nine years to 22 November: 2026 sits at 90% of the axis, where its label would run
    # past the end on a phone, and nine labels would run together there.
    today = date(2026, 11, 22)
    real = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, *a: real(value, *a) if value else today
    )
    user = UserFactory(username="nine-years")
    load_demo_data(user, today=today)
    JobFactory(
        owner=user, title="Paper round", started_on=date(2018, 3, 1), ended_on=date(2018, 12, 31)
    )
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("nine-years")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".tl-axis")).to_contain_text("2026")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        drawn = page.evaluate(TICKS)
        (start, end), labels = drawn["axis"], drawn["labels"]
        assert labels[-1][0] == "2026", width
        for label, left, right in labels:
            assert start <= left and right <= end + 0.5, (width, label, left, right, end)
        for (label, _, right), (after, left, _) in itertools.pairwise(labels):
            assert right <= left, (width, label, after)


# Each word of the table's column headings that the browser broke over two lines.
BROKEN_WORDS = """() => {
    const broken = [];
    const cells = 'main thead th, main .table-responsive th, main .table-responsive td';
    for (const th of document.querySelectorAll(cells)) {
        if (!th.offsetParent) continue;  // a table hidden at this width
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(word[0]);
            }
        }
    }
    return broken;
}"""


def test_table_headings_and_scrolling_tables_never_break_inside_a_word(
    live_server, page, long_named
):
    page.goto(live_server.url + reverse("account_import"))
    page.get_by_label("File to import").set_input_files(
        str(SAMPLES / "spreadsheet-other-names.csv")
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check what will be imported")
    broken = []
    pages = ("alignment:compare", "account_import_preview", "careers:skill_list")
    for url in map(reverse, pages):
        page.goto(live_server.url + url)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            broken += [f"{url} at {width} px: {word}" for word in page.evaluate(BROKEN_WORDS)]
    assert not broken, "\n".join(broken)


# The verdict labels that wrap inside their pill ("Built the / career"): taller than two
# lines of their own text would be.
WRAPPED_VERDICTS = """() => [...document.querySelectorAll('main .verdict')]
    .filter(v => v.offsetParent)
    .filter(v => v.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(v).fontSize))
    .map(v => v.textContent.trim())"""


def test_a_verdict_label_stays_on_one_line_at_every_width(live_server, page, long_named):
    wrapped = []
    for url in map(reverse, ("alignment:how_scores_work", "alignment:job_list")):
        page.goto(live_server.url + url)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            wrapped += [f"{url} at {width} px: {v}" for v in page.evaluate(WRAPPED_VERDICTS)]
    assert not wrapped, "\n".join(wrapped)


# The gap between each term of a list of terms and the next, in pixels.
TERM_GAPS = """() => [...document.querySelectorAll('main dl.row')].flatMap(list => {
    const terms = [...list.querySelectorAll(':scope > dt')];
    return terms.slice(1).map((term, n) => [terms[n].textContent.trim(),
        term.getBoundingClientRect().top - terms[n].getBoundingClientRect().bottom]);
})"""


def test_two_line_labels_on_a_job_and_an_offer_keep_apart_on_a_phone(live_server, page, long_named):
    page.set_viewport_size({"width": 320, "height": 900})
    for job in Job.objects.filter(owner=long_named, title__in=["Waiter", "Bar supervisor"]):
        page.goto(live_server.url + job.get_absolute_url())
        gaps = page.evaluate(TERM_GAPS)
        assert gaps and all(gap >= 6 for _, gap in gaps), (job.title, gaps)


def test_the_currency_error_reads_in_at_most_three_lines(live_server, page, long_named):
    waiter = Job.objects.get(owner=long_named, title="Waiter")
    page.goto(live_server.url + reverse("jobs:job_edit", args=[waiter.pk]))
    page.get_by_label("Currency").fill("12")
    page.get_by_role("button", name="Save", exact=True).click()
    error = page.locator("#error_1_id_currency")
    expect(error).to_have_text("Use a three-letter currency code, such as EUR or USD.")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        lines = error.evaluate(
            "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)"
        )
        assert lines <= 3.1, (width, lines)
