"""A mentor's read-only link: made and revoked from /account/sharing/, opened at
/shared/<token>/ by somebody who is not signed in."""

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerDirection, CareerGoal, Contact, DirectionSkill, Skill
from core.models import AccessToken, bump_data_version
from jobs.models import Job
from sharing import views
from sharing.models import ShareLink
from tests.factories import long_history
from tests.helpers import at_once, signed_in
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db

LINKS = reverse("sharing:links")


def shared(token):
    return reverse("sharing:shared", args=[token])


@pytest.fixture
def elena():
    return worked_example()


@pytest.fixture
def link(elena):
    """Elena's link for her mentor, without contacts' names, and its token."""
    return ShareLink.create(owner=elena, label="for my mentor", days=30, show_contacts=False)


# The public pages a shared page may lead to: what Bearing keeps, and how scores work.
PUBLIC = {reverse("careers:about_data"), reverse("alignment:how_scores_work")}


def hrefs(html):
    return set(re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html))


# -- Making, listing and revoking links -------------------------------------------------------


def test_a_link_is_made_and_its_address_shown_once(client, elena):
    client.force_login(elena)
    response = client.post(LINKS, {"label": "for my mentor", "days": "30"})
    assert response.status_code == 302 and response["Location"] == LINKS
    link = ShareLink.objects.get(owner=elena)
    assert (link.label, link.show_contacts) == ("for my mentor", False)
    assert link.expires_at - link.created_at == timedelta(days=30)
    page = client.get(LINKS).content.decode()
    url = re.search(r'id="new-link-url">(http://testserver/shared/[^<]+)<', page).group(1)
    token = url.rsplit("/", 2)[-2]
    assert len(token) >= 43
    # Only its digest is kept, and the address is never shown again.
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ShareLink.objects.filter(pk=link.pk).values().get())
    again = client.get(LINKS).content.decode()
    assert token not in again and "for my mentor" in again
    assert "not opened yet" in again
    # The address opens, for anybody.
    assert Client().get(url.removeprefix("http://testserver")).status_code == 200


def test_a_link_lasts_as_long_as_chosen(client, elena):
    client.force_login(elena)
    client.post(LINKS, {"label": "for my counsellor", "days": "7", "show_contacts": "on"})
    link = ShareLink.objects.get(owner=elena)
    assert link.expires_at - link.created_at == timedelta(days=7)
    assert link.show_contacts is True
    response = client.post(LINKS, {"label": "forever", "days": "9999"})
    assert response.status_code == 200
    assert "Choose one of the options given." in response.content.decode()
    assert ShareLink.objects.filter(owner=elena).count() == 1


def test_a_link_needs_a_label_and_at_most_twenty_open_at_once(client, elena):
    client.force_login(elena)
    assert client.post(LINKS, {"label": "  ", "days": "30"}).status_code == 200
    for n in range(20):
        ShareLink.create(owner=elena, label=f"link {n}", days=30, show_contacts=False)
    response = client.post(LINKS, {"label": "one more", "days": "30"})
    assert "You have 20 links that still open" in response.content.decode()
    assert ShareLink.objects.filter(owner=elena).count() == 20


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["links", "tokens"])
def test_twenty_at_once_holds_when_many_are_sent_at_the_same_moment(elena, kind):
    """On PostgreSQL, 10 tabs post at the same moment with 15 open already: 5 are made, 5
    refused (without the lock on the person's row, each counted 15 and all 10 were made)."""
    model, data = {
        "links": (ShareLink, {"label": "for my mentor", "days": "30"}),
        "tokens": (AccessToken, {"name": "my script", "days": "30"}),
    }[kind]
    for n in range(15):
        if kind == "links":
            ShareLink.create(owner=elena, label=f"mentor {n}", days=30, show_contacts=False)
        else:
            AccessToken.create(owner=elena, name=f"tool {n}")
    tabs = [signed_in(elena) for _ in range(10)]
    url = reverse("sharing:links" if kind == "links" else "tokens")
    responses = at_once(*(lambda tab=tab: tab.post(url, data) for tab in tabs))
    assert sorted(response.status_code for response in responses) == [200] * 5 + [302] * 5
    assert model.objects.owned_by(elena).live().count() == 20
    refused = next(response for response in responses if response.status_code == 200)
    assert f"You have 20 {kind}" in refused.content.decode()


def test_the_same_form_sent_twice_makes_one_link(client, elena):
    client.force_login(elena)
    page = client.get(LINKS).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', page).group(1)
    data = {"label": "for my mentor", "days": "30", "once": once}
    client.post(LINKS, data)
    client.post(LINKS, data)
    assert ShareLink.objects.filter(owner=elena).count() == 1


def test_revoking_is_immediate(client, elena, link):
    row, token = link
    assert Client().get(shared(token)).status_code == 200  # cached now
    client.force_login(elena)
    response = client.post(reverse("sharing:link_revoke", args=[row.pk]))
    assert response.status_code == 302
    assert Client().get(shared(token)).status_code == 404
    page = client.get(LINKS).content.decode()
    assert "Links that no longer open" in page and "revoked" in page


def test_a_stranger_cannot_revoke_or_list_anothers_links(client, stranger, link):
    row, token = link
    client.force_login(stranger)
    assert client.post(reverse("sharing:link_revoke", args=[row.pk])).status_code == 404
    assert reverse("sharing:link_revoke", args=[row.pk]) not in client.get(LINKS).content.decode()
    assert Client().get(shared(token)).status_code == 200


def test_the_sharing_page_costs_a_fixed_number_of_queries(client, elena, django_assert_num_queries):
    for n in range(3):
        ShareLink.create(owner=elena, label=f"link {n}", days=30, show_contacts=False)
    client.force_login(elena)
    # session, user, the live links, the ended links
    with django_assert_num_queries(4):
        assert client.get(LINKS).status_code == 200


# -- What a link shows ------------------------------------------------------------------------


def test_a_link_shows_the_dashboard_and_the_story_read_only(link):
    _, token = link
    response = Client().get(shared(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Professional wrestler" in html
    assert 'data-figure="overall-alignment">30<' in html  # the dashboard as it is
    assert "You spent 176 days in work that built the career." in html  # the story
    assert "Elena</strong> shared this view of their career with you" in html
    # Nothing leads into her account: links stay on the page (or reach the public pages).
    assert {href for href in hrefs(html) if not href.startswith("#")} <= PUBLIC
    assert "<form" not in html
    for private in ("/jobs/", "/careers/", "/account", "/dashboard/", "/api/", "export", "import"):
        assert f'href="{private}' not in html, private
    assert "Set against another direction" not in html
    assert "Log out" not in html and "Add its details" not in html


@pytest.mark.parametrize("direction", [True, False])
def test_a_shared_page_never_names_the_owner_by_their_log_in(direction):
    person = User.objects.create_user("zq-login-7", password="x")  # noqa: S106 - a test's
    long_history(person, 3)
    if not direction:
        CareerDirection.objects.filter(owner=person).delete()
    _, token = ShareLink.create(owner=person, label="mentor", days=30, show_contacts=False)
    html = Client().get(shared(token)).content.decode()
    assert "zq-login-7" not in html
    assert "Read-only, shared by the owner" in html
    assert "<strong>The owner</strong> shared this view of their career with you" in html
    assert "<title>The owner's career, shared read-only" in html
    person.first_name, person.last_name = "Ana", "Ruiz"
    person.save()
    bump_data_version(person.pk)  # as the admin's change does
    html = Client().get(shared(token)).content.decode()
    assert "zq-login-7" not in html and "Read-only, shared by Ana Ruiz" in html


def test_what_they_see_is_said_as_the_link_shows_it(client, elena, link):
    _, token = link
    client.force_login(elena)
    said = re.search(
        r'<section[^>]*aria-labelledby="sees-heading".*?</section>',
        client.get(LINKS).content.decode(),
        re.S,
    ).group(0)
    said = " ".join(re.sub(r"<[^>]+>", " ", said).split())
    assert "what each paid, the offers you are weighing with their pay" in said
    assert "your lessons and what to avoid" in said
    client.logout()
    page = " ".join(re.sub(r"<[^>]+>", " ", client.get(shared(token)).content.decode()).split())
    offer = Job.objects.get(owner=elena, stage="offer")
    assert (
        "Offers on the table Each judged by what it would do for your professional wrestler "
        f"career. {offer.title}"
    ) in page
    assert "EUR per month" in page  # the offer's pay, on its card
    assert "Lessons and what to avoid" in page


def test_no_link_leads_into_the_account_whatever_the_dashboard_shows(owner):
    """Every kind of "and N more", "add its details" and "set one" the dashboard has."""
    long_history(owner, 30)  # more jobs than it explains, skills gained, lessons, avoid notes
    direction = CareerDirection.objects.get(owner=owner)
    for n in range(12):
        skill = Skill.objects.create(owner=owner, name=f"Missing {n}")
        DirectionSkill.objects.create(direction=direction, skill=skill, importance=3)
        CareerGoal.objects.create(owner=owner, direction=direction, title=f"Goal {n}")
    Job.objects.create(owner=owner, title="Imported", stage="held", started_on=date(2026, 1, 1))
    Job.objects.create(
        owner=owner, title="Offer", stage="offer", avoid="", description="late invoices"
    )
    _, token = ShareLink.create(owner=owner, label="mentor", days=30, show_contacts=False)
    html = Client().get(shared(token)).content.decode()
    assert "and 4 more." in html and "You have not said yet which skills Imported used" in html
    assert {href for href in hrefs(html) if not href.startswith("#")} <= PUBLIC
    assert "<form" not in html


def test_the_headers_keep_a_link_private(link):
    _, token = link
    response = Client().get(shared(token))
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<meta name="referrer" content="no-referrer">' in html


def test_contacts_are_named_only_when_the_person_chose_so(elena, link):
    _, hidden = link
    html = Client().get(shared(hidden)).content.decode()
    assert "Marco Ruiz" not in html and "Head coach" not in html
    assert "1 person met through the year's jobs (names not shared)" in html
    _, named = ShareLink.create(owner=elena, label="coach", days=30, show_contacts=True)
    html = Client().get(shared(named)).content.decode()
    assert "Marco Ruiz (Head coach at Iron Hall)" in html
    # Her notes about people are shown to nobody.
    assert "Saturday ring sessions" not in html


def test_a_link_of_a_closed_account_does_not_open(elena, link):
    _, token = link
    assert Client().get(shared(token)).status_code == 200
    elena.is_active = False  # closed by an administrator
    elena.save()
    response = Client().get(shared(token))
    assert response.status_code == 404
    assert "Professional wrestler" not in response.content.decode()


def test_a_demos_links_and_tokens_end_with_the_demo_not_at_the_clean_up():
    from demo.elena import create_demo_account
    from demo.models import DemoAccount

    user = create_demo_account()
    _, link_token = ShareLink.create(owner=user, label="mentor", days=30, show_contacts=False)
    _, api_token = AccessToken.create(owner=user, name="script")
    api = {"HTTP_AUTHORIZATION": f"Bearer {api_token}"}
    assert Client().get(shared(link_token)).status_code == 200
    assert Client().get(reverse("api:jobs"), **api).status_code == 200
    # A day later the demo is over, though the daily clean-up has not run yet.
    DemoAccount.objects.filter(user=user).update(
        created_at=timezone.now() - DemoAccount.LIFETIME - timedelta(seconds=1)
    )
    assert Client().get(shared(link_token)).status_code == 404
    assert Client().get(reverse("api:jobs"), **api).status_code == 401


def test_opening_a_link_notes_when_and_how_often(link):
    row, token = link
    assert row.last_opened_at is None
    Client().get(shared(token))
    Client().get(shared(token))
    row.refresh_from_db()
    assert row.times_opened == 2
    assert timezone.now() - row.last_opened_at < timedelta(minutes=1)


def test_a_link_shows_the_data_as_it_is_now(elena, link):
    _, token = link
    assert "Marco" not in Client().get(shared(token)).content.decode()
    ShareLink.objects.update(show_contacts=True)
    Contact.objects.filter(owner=elena).update(name="Marco Ruiz Jr")
    bump_data_version(elena.pk)
    assert "Marco Ruiz Jr" in Client().get(shared(token)).content.decode()


@pytest.mark.parametrize("change", ["revoked", "expired", "unknown"])
def test_a_revoked_expired_or_unknown_link_is_a_404(link, change):
    row, token = link
    if change == "revoked":
        ShareLink.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
    elif change == "expired":
        ShareLink.objects.filter(pk=row.pk).update(
            created_at=timezone.now() - timedelta(days=31),
            expires_at=timezone.now() - timedelta(seconds=1),
        )
    else:
        token = token[::-1]
    response = Client().get(shared(token))
    assert response.status_code == 404
    assert "Professional wrestler" not in response.content.decode()


def test_a_signed_in_visitor_sees_the_link_not_their_own_account(stranger, link):
    _, token = link
    client = Client()
    client.force_login(stranger)
    html = client.get(shared(token)).content.decode()
    assert "Professional wrestler" in html
    assert "stranger" not in html and "Log out" not in html


def test_wrong_tokens_lock_the_address_out_like_a_log_in(link):
    _, token = link
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(views.MISSES_ALLOWED):
        assert guesser.get(shared(f"guess-{n}")).status_code == 404
    # Locked out: even the right token waits, and says so.
    response = guesser.get(shared(token))
    assert response.status_code == 429
    assert "Too many shared links were tried" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # Another address is not locked out.
    assert Client(REMOTE_ADDR="198.51.100.7").get(shared(token)).status_code == 200


def test_wrong_tokens_from_many_addresses_of_one_ipv6_64_lock_it_out(link):
    _, token = link
    for n in range(views.MISSES_ALLOWED):
        guesser = Client(REMOTE_ADDR=f"2001:db8:5:6::{n + 1:x}")
        assert guesser.get(shared(f"guess-{n}")).status_code == 404
    assert Client(REMOTE_ADDR="2001:db8:5:6::ff").get(shared(token)).status_code == 429
    assert Client(REMOTE_ADDR="2001:db8:5:7::1").get(shared(token)).status_code == 200


def test_openings_are_limited_per_address(link, monkeypatch):
    monkeypatch.setattr(views, "OPENS_PER_HOUR", 2)
    _, token = link
    reader = Client(REMOTE_ADDR="203.0.113.10")
    assert [reader.get(shared(token)).status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.parametrize("count", [5, 500])
def test_a_link_costs_the_same_queries_for_5_or_500_jobs(owner, count, django_assert_num_queries):
    long_history(owner, count)
    _, token = ShareLink.create(owner=owner, label="mentor", days=30, show_contacts=True)
    client = Client()
    # 1 the wrong tokens counted for this address; 2-8 this opening counted (a new window:
    # savepoint, update of no row, savepoint, its row made, release, old rows cleared,
    # release); 9 the link by its digest, 10 its opening noted, 11 the owner's data version;
    # then the dashboard computed (7: directions, goals, jobs, matching, target skills,
    # explained names, what the jobs gave) and the story told from the same scored history
    # (1: its events).
    with django_assert_num_queries(19):
        response = client.get(shared(token))
    assert response.status_code == 200
    assert f"Gig {count - 1}" in response.content.decode()
    # Warm: the wrong tokens, this opening counted (savepoint, update, read, release), the
    # link, its opening, the data version; the page from the cache.
    with django_assert_num_queries(8):
        assert client.get(shared(token)).status_code == 200
