"""Try the demo: one click makes a private, throwaway account holding Elena's history and
signs the visitor in; a day later `manage.py housekeeping` removes it."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from careers.models import CareerDirection, Contact, Skill
from demo.elena import create_demo_account, load_demo, load_demo_data, remove_old_demos
from demo.models import DemoAccount
from demo.views import DEMOS_PER_HOUR
from jobs.models import Job, JobSkill
from portability.export import export_document

pytestmark = pytest.mark.django_db

TRY = reverse("try_demo")
END = reverse("end_demo")
DASHBOARD = reverse("alignment:dashboard")


def try_the_demo(client, address="203.0.113.5"):
    return client.post(TRY, REMOTE_ADDR=address)


def signed_in_user(client):
    return User.objects.get(pk=client.session["_auth_user_id"])


def rows_of(user):
    """How many rows of each kind the person owns (directly or through a job)."""
    return {
        "jobs": Job.objects.filter(owner=user).count(),
        "skills": Skill.objects.filter(owner=user).count(),
        "directions": CareerDirection.objects.filter(owner=user).count(),
        "contacts": Contact.objects.filter(owner=user).count(),
        "job skills": JobSkill.objects.filter(job__owner=user).count(),
    }


# -- Where it is offered ---------------------------------------------------------------------


def test_the_landing_page_offers_the_demo_with_a_picture_of_the_dashboard(client):
    html = client.get(reverse("home")).content.decode()
    assert f'<form method="post" action="{TRY}"' in html
    assert ">Try the demo</button>" in html
    assert f'href="{reverse("signup")}"' in html
    assert f'href="{reverse("login")}"' in html
    img = re.search(r"<img [^>]*dashboard\.png[^>]*>", html).group(0)
    assert 'width="1280"' in img and 'height="800"' in img
    assert re.search(r'alt="Bearing\'s dashboard for Elena[^"]{60,}"', img)
    assert 'srcset="/static/img/dashboard-phone.png"' in html


def test_the_landing_page_says_what_bearing_does_in_one_sentence(client):
    html = client.get(reverse("home")).content.decode()
    assert (
        "Bearing sets your jobs against the career you are building: which jobs built it, "
        "which paid the bills, and what to do next."
    ) in html


def test_the_pictures_the_landing_page_shows_are_committed(settings):
    from django.contrib.staticfiles import finders

    for name, width, height in [("dashboard.png", 1280, 800), ("dashboard-phone.png", 780, 1400)]:
        path = finders.find(f"img/{name}")
        assert path, name
        with open(path, "rb") as image:
            header = image.read(24)
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        size = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert size == (width, height), name


@pytest.mark.parametrize("debug", [True, False])
def test_the_login_page_offers_the_demo_whether_or_not_debug_is_on(client, settings, debug):
    settings.DEBUG = debug
    html = client.get(reverse("login")).content.decode()
    assert f'action="{TRY}"' in html
    # The shared log-in that `make run` loads is named only in development.
    assert ("bearing-demo" in html) is debug


# -- Making one ------------------------------------------------------------------------------


def test_one_click_makes_a_private_account_with_elenas_history_and_signs_in(client):
    response = try_the_demo(client)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    user = signed_in_user(client)
    assert user.username.startswith("demo-")
    assert not user.has_usable_password()
    assert DemoAccount.objects.get(user=user).created_at > timezone.now() - timedelta(minutes=1)
    elena = load_demo()
    assert export_document(user) == export_document(elena)


def test_the_visitor_is_welcomed_once_and_told_how_to_keep_a_history(client):
    response = try_the_demo(client)
    (message,) = get_messages(response.wsgi_request)
    text = str(message)
    assert "private demo" in text
    assert "removed after a day" in text
    assert "sign up" in text


def test_the_demos_session_ends_when_the_account_is_due_to_go(client):
    try_the_demo(client)
    made = DemoAccount.objects.get().created_at
    assert client.session.get_expiry_date() == made + timedelta(days=1)
    assert client.session.get_expire_at_browser_close() is False


def test_a_demo_account_has_no_password_to_log_in_with(client):
    try_the_demo(client)
    user = signed_in_user(client)
    request = RequestFactory().post("/accounts/login/")
    for password in ("", "!", "bearing-demo", user.password):
        assert authenticate(request, username=user.username, password=password) is None


def test_every_visitor_gets_an_account_of_their_own(client):
    try_the_demo(client)
    first = signed_in_user(client)
    client.logout()
    try_the_demo(client)
    second = signed_in_user(client)
    assert first != second
    Job.objects.filter(owner=second, title="Waiter").update(title="Changed by the second")
    assert Job.objects.filter(owner=first, title="Waiter").exists()
    assert DemoAccount.objects.count() == 2


def test_making_a_demo_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    # A demo is a fixed history (8 jobs, 2 directions, 5 goals, 2 learning entries, 4
    # contacts, 13 skills and their links), so the request's work is bounded by it, whatever
    # the visitor sends. 58 queries:
    # - 7 the rate limit's count (the first in its window: the row made, old windows cleared);
    # - 4 the account and its demo mark, in a savepoint;
    # - 36 the demo's history (demo/elena.json) through the importer, in a savepoint: the
    #   profile locked (made, in a savepoint of its own: 4), the 14 reads of what the new
    #   account already has (nothing), one bulk insert for each of the 13 kinds of row, the
    #   data version, and the savepoints around them;
    # - 11 signing in: the session made, django-axes' record of the log-in, the last-login
    #   time, the session saved.
    with django_assert_num_queries(58):
        response = try_the_demo(client)
    assert response.status_code == 302


def test_a_signed_in_person_is_not_given_a_demo(client, owner):
    client.force_login(owner)
    response = client.post(TRY)
    assert response["Location"] == DASHBOARD
    assert signed_in_user(client) == owner
    assert not DemoAccount.objects.exists()


# -- The limit -------------------------------------------------------------------------------


def test_demos_are_limited_per_address_and_hour_with_the_limit_named(client):
    for _ in range(DEMOS_PER_HOUR):
        assert try_the_demo(client).status_code == 302
        client.logout()
    response = try_the_demo(client)
    assert response.status_code == 429
    text = response.content.decode()
    assert "too many demo accounts from your network in the last hour" in text
    assert f"at most {DEMOS_PER_HOUR} demo accounts an hour" in text
    assert DemoAccount.objects.count() == DEMOS_PER_HOUR
    assert "_auth_user_id" not in client.session
    # Somebody at another address is not held back.
    assert try_the_demo(client, address="198.51.100.9").status_code == 302


# -- While it lasts --------------------------------------------------------------------------


def test_every_page_of_a_demo_says_it_is_one_with_a_way_to_sign_up(client):
    try_the_demo(client)
    for name in ("alignment:dashboard", "alignment:job_list", "account"):
        html = client.get(reverse(name)).content.decode()
        assert "Demo account" in html, name
        assert "removed after a day" in html, name
        assert f'action="{END}"' in html, name


def test_the_banner_costs_no_query(client, django_assert_num_queries):
    try_the_demo(client)
    client.get(DASHBOARD)  # rendered and cached
    with django_assert_num_queries(3):  # session, user, data version, as for anybody
        html = client.get(DASHBOARD).content.decode()
    assert "Demo account" in html


def test_a_real_account_has_no_demo_banner(owner_client):
    assert f'action="{END}"' not in owner_client.get(DASHBOARD).content.decode()


def test_elenas_shared_log_in_is_no_demo_account(client):
    elena = load_demo()
    client.force_login(elena)
    assert f'action="{END}"' not in client.get(DASHBOARD).content.decode()
    assert client.post(END).status_code == 404
    assert User.objects.filter(username="elena").exists()


def test_ending_the_demo_deletes_everything_in_it_and_goes_to_sign_up(client, owner):
    load_demo_data(owner)
    theirs = rows_of(owner)
    try_the_demo(client)
    user = signed_in_user(client)
    response = client.post(END, follow=True)
    assert response.redirect_chain[-1][0] == reverse("signup")
    assert "Your demo is deleted." in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert rows_of(user) == dict.fromkeys(theirs, 0)
    assert rows_of(owner) == theirs
    assert "_auth_user_id" not in client.session


# -- Removed after a day ---------------------------------------------------------------------


def made(hours_ago):
    user = create_demo_account()
    DemoAccount.objects.filter(user=user).update(
        created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return user


def test_housekeeping_removes_demos_older_than_a_day_with_all_their_data(owner):
    load_demo_data(owner)
    theirs = rows_of(owner)
    old, older = made(hours_ago=25), made(hours_ago=24 * 7)
    young = made(hours_ago=23)
    elena = load_demo()

    out = StringIO()
    call_command("housekeeping", stdout=out)

    assert "  2 demo accounts made more than 24 hours ago (each with everything in it)\n" in (
        out.getvalue()
    )
    assert set(User.objects.values_list("username", flat=True)) == {
        "owner",
        "elena",
        young.username,
    }
    for gone in (old, older):
        assert rows_of(gone) == dict.fromkeys(theirs, 0)
    assert rows_of(young) == rows_of(elena) == theirs
    assert DemoAccount.objects.get().user == young


@pytest.mark.parametrize(
    "command", [["housekeeping", "--demo-hours", "2"], ["remove_old_demos", "--hours", "2"]]
)
def test_housekeeping_takes_another_age_and_answers_to_its_older_name(db, command):
    made(hours_ago=3)
    out = StringIO()
    call_command(*command, stdout=out)
    assert "  1 demo account made more than 2 hours ago (each with everything in it)\n" in (
        out.getvalue()
    )
    assert "expired sessions" in out.getvalue()  # the older name does all the housekeeping
    assert not User.objects.exists()


def test_removing_with_nothing_to_remove_is_harmless(owner):
    assert remove_old_demos() == 0
    assert User.objects.get() == owner
