"""Limits that hold, work that stays bounded, nothing half-done: the second round of hardening.

A row per promise: limits counted where a restart or a full cache cannot reset them, the
client's address behind a configured number of proxies, password re-checks that lock out,
forms saved once, races answered by the form, NUL in a query, errors of the API in JSON,
one account per email address, and a secret key required in production.
"""

import json
import os
import secrets
import string
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client, RequestFactory
from django.urls import reverse

from careers.forms import DirectionForm, SkillForm
from careers.models import CareerDirection, Contact, Skill
from core.clients import client_address
from core.limits import count_hit
from core.models import FormSubmission, Hit
from jobs.models import Job
from tests.helpers import at_once, signed_in

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


SIGNUP = {
    "password1": "a-long-and-unusual-pass",
    "password2": "a-long-and-unusual-pass",
}


def sign_up(client, n, **extra):
    data = {"username": f"person{n}", "email": f"person{n}@example.com", **SIGNUP}
    return client.post(reverse("signup"), data, **extra)


# --- 2. Limits counted in the database --------------------------------------------------------


def test_the_sign_up_limit_survives_a_full_cache_and_a_new_worker(client):
    for n in range(10):
        assert sign_up(client, n).status_code == 302
        client.logout()
        cache.clear()  # as 900 dashboards, or a restarted worker, would empty it
    response = sign_up(client, 10)
    assert response.status_code == 429
    assert "too many sign-ups from your network" in response.content.decode()
    assert User.objects.count() == 10
    assert Hit.objects.get(scope="signup").count == 11


def test_the_reset_mail_limit_survives_a_full_cache(client, owner):
    for _ in range(5):
        client.post(reverse("password_reset"), {"email": "owner@example.com"})
        cache.clear()
    response = client.post(reverse("password_reset"), {"email": "owner@example.com"})
    assert response.status_code == 429
    assert len(mail.outbox) == 5


def test_a_count_is_per_scope_key_and_window(db):
    assert [count_hit("demo", "198.51.100.7", 3600) for _ in range(3)] == [1, 2, 3]
    assert count_hit("demo", "198.51.100.8", 3600) == 1
    assert count_hit("signup", "198.51.100.7", 3600) == 1
    assert Hit.objects.count() == 3


def test_counts_of_windows_gone_by_are_cleared(db):
    count_hit("demo", "198.51.100.7", 1)
    Hit.objects.update(window=0, expires_at=datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC))
    count_hit("demo", "198.51.100.7", 1)  # a new window: the old count goes
    assert list(Hit.objects.values_list("window", flat=True)) != [0]
    assert Hit.objects.count() == 1


# --- 4. The client's address behind proxies ---------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "", "203.0.113.5"),
        (0, "203.0.113.5", "198.51.100.1", "203.0.113.5"),  # the header is ignored
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "1.2.3.4, 198.51.100.1", "198.51.100.1"),  # what the client wrote
        (2, "10.0.0.3", "1.2.3.4, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "10.0.0.3", "198.51.100.1", ""),  # did not come through both proxies
        (1, "10.0.0.2", "not-an-address", ""),
        (1, "10.0.0.2", " 2001:DB8::1 ", "2001:db8::"),
        # An IPv6 client is counted by its /64: it can pick any address in it.
        (0, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "", "2001:db8:1:2::"),
        (0, "2001:db8:1:3::1", "", "2001:db8:1:3::"),
        (0, "::ffff:203.0.113.5", "", "203.0.113.5"),  # IPv4 written as IPv6
        (0, "fe80::1%eth0", "", "fe80::"),
    ],
)
def test_the_client_address(settings, proxies, remote, forwarded, expected):
    settings.BEARING_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_behind_a_proxy_each_client_has_its_own_sign_up_limit(client, settings):
    settings.BEARING_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(10):
        sign_up(client, n, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.1", **proxy)
        client.logout()
    assert sign_up(client, 10, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == 429
    response = sign_up(client, 11, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert response.status_code == 302  # somebody else behind the same proxy


def test_behind_a_proxy_a_guesser_does_not_lock_the_owner_out(client, owner, password, settings):
    settings.BEARING_TRUSTED_PROXIES = 1
    guesser = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(5):
        client.post(reverse("login"), {"username": "owner", "password": "wrong"}, **guesser)
    locked = client.post(reverse("login"), {"username": "owner", "password": password}, **guesser)
    assert locked.status_code == 429
    owner_there = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    response = client.post(
        reverse("login"), {"username": "owner", "password": password}, **owner_there
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("alignment:dashboard")


def in_one_64(n):
    """The n-th address of one IPv6 /64 (2001:db8:5:6::/64), as a client may choose them."""
    return f"2001:db8:5:6:{n:x}:{n:x}:{n:x}:{n:x}"


def test_wrong_passwords_from_many_addresses_of_one_64_lock_the_account_there(
    client, owner, password
):
    for n in range(10):
        wrong = {"username": "owner", "password": "wrong"}
        client.post(reverse("login"), wrong, REMOTE_ADDR=in_one_64(n))
    right = {"username": "owner", "password": password}
    locked = client.post(reverse("login"), right, REMOTE_ADDR=in_one_64(99))
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    # The owner, on another network, logs in as ever.
    response = client.post(reverse("login"), right, REMOTE_ADDR="2001:db8:7:8::1")
    assert response.status_code == 302


def test_the_limits_count_an_ipv6_client_by_its_64(client):
    for n in range(10):
        sign_up(client, n, REMOTE_ADDR=in_one_64(n))
        client.logout()
    response = sign_up(client, 10, REMOTE_ADDR=in_one_64(10))
    assert response.status_code == 429
    assert "too many sign-ups from your network" in response.content.decode()
    assert sign_up(client, 11, REMOTE_ADDR="2001:db8:5:7::1").status_code == 302


def test_without_the_setting_a_forged_header_changes_nothing(client, owner, password):
    for n in range(5):
        forged = {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}
        client.post(reverse("login"), {"username": "owner", "password": "wrong"}, **forged)
    response = client.post(reverse("login"), {"username": "owner", "password": password})
    assert response.status_code == 429  # all five came from the one real address


# --- 3. Password re-checks lock out like the log-in -------------------------------------------

RECHECKS = {
    "account_email": lambda password: {"email": "taken-over@example.com", "password": password},
    "password_change": lambda password: {
        "old_password": password,
        "new_password1": "taken-over-passphrase",
        "new_password2": "taken-over-passphrase",
    },
    "account_delete": lambda password: {"password": password},
}


def unchanged(owner, password):
    owner.refresh_from_db()
    return owner.email == "owner@example.com" and owner.check_password(password)


@pytest.mark.parametrize("name", RECHECKS)
def test_five_wrong_passwords_lock_a_recheck_out(owner_client, owner, password, name):
    url, data = reverse(name), RECHECKS[name]
    for _ in range(4):
        response = owner_client.post(url, data("wrong"))
        assert response.status_code == 200
        assert response.context["form"].errors  # said beside the field
    assert owner_client.post(url, data("wrong")).status_code == 429  # the fifth locks
    response = owner_client.post(url, data(password))  # even the right password, now
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    assert unchanged(owner, password)
    # The log-in page is locked for that username from that address too.
    client = Client()
    assert client.post(reverse("login"), {"username": "owner", "password": password}).status_code
    assert not client.get(reverse("alignment:dashboard")).wsgi_request.user.is_authenticated


def test_a_right_recheck_still_works_before_the_limit(owner_client, owner, password):
    for _ in range(4):
        owner_client.post(reverse("account_email"), RECHECKS["account_email"]("wrong"))
    response = owner_client.post(reverse("account_email"), RECHECKS["account_email"](password))
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "taken-over@example.com"


# --- 8. A form posted twice saves once ---------------------------------------------------------

JOB = {
    "title": "Waiter",
    "employer": "Rosa's Diner",
    "stage": "held",
    "employment_type": "part_time",
    "started_on": "2024-01-15",
    "currency": "EUR",
}


def test_the_add_form_carries_a_one_time_token(owner_client):
    response = owner_client.get(reverse("jobs:job_add"))
    html, token = response.content.decode(), response.context["form"]["once"].value()
    assert f'name="once" value="{token}"' in html
    assert uuid.UUID(str(token))


def test_a_job_form_posted_twice_in_a_row_saves_one_job(owner_client, owner):
    data = {**JOB, "once": str(uuid.uuid4())}
    first = owner_client.post(reverse("jobs:job_add"), data)
    assert first.status_code == 302
    second = owner_client.post(reverse("jobs:job_add"), data, follow=True)
    job = Job.objects.get(owner=owner)
    assert second.redirect_chain[-1][0] == job.get_absolute_url()
    assert "This form was sent twice; it was saved once, and here it is." in (
        second.content.decode()
    )
    assert Job.objects.filter(owner=owner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_job_form_posted_twice_at_once_saves_one_job(owner):
    data = {**JOB, "once": str(uuid.uuid4())}
    tabs = [signed_in(owner), signed_in(owner)]
    responses = at_once(*(lambda tab=tab: tab.post(reverse("jobs:job_add"), data) for tab in tabs))
    job = Job.objects.get(owner=owner)
    assert [response.status_code for response in responses] == [302, 302]
    assert {response["Location"] for response in responses} == {job.get_absolute_url()}


def test_a_refused_form_can_be_sent_again_with_its_token(owner_client, owner):
    data = {**JOB, "started_on": "", "once": str(uuid.uuid4())}
    assert owner_client.post(reverse("jobs:job_add"), data).status_code == 200
    assert not FormSubmission.objects.exists()  # the token was given back
    response = owner_client.post(reverse("jobs:job_add"), {**data, "started_on": "2024-01-15"})
    assert response.status_code == 302
    assert Job.objects.filter(owner=owner).count() == 1


def test_two_add_forms_opened_apart_save_two_jobs(owner_client, owner):
    for _ in range(2):
        owner_client.post(reverse("jobs:job_add"), {**JOB, "once": str(uuid.uuid4())})
    assert Job.objects.filter(owner=owner).count() == 2


def test_a_token_is_the_owners_own(owner, stranger):
    token = str(uuid.uuid4())
    signed_in(owner).post(reverse("jobs:job_add"), {**JOB, "once": token})
    response = signed_in(stranger).post(reverse("jobs:job_add"), {**JOB, "once": token})
    assert response.status_code == 302
    assert Job.objects.get(owner=stranger).get_absolute_url() == response["Location"]


# --- 7. Races on unique rows answer with the form's own error ----------------------------------


def clash_during_checks(monkeypatch, form_class, method, make_clash):
    """The form's checks pass; then, before it saves, 'another tab' saves the clashing row.
    Checked again after the clash, the form has its say."""
    original = getattr(form_class, method)
    calls = []

    def first_passes(form):
        calls.append(form)
        if len(calls) == 1:
            result = form.cleaned_data.get("name") if method == "clean_name" else None
            make_clash()
            return result if method == "clean_name" else form.cleaned_data
        return original(form)

    monkeypatch.setattr(form_class, method, first_passes)


def test_two_tabs_adding_one_skill_get_the_forms_message(monkeypatch, owner_client, owner):
    clash_during_checks(
        monkeypatch, SkillForm, "clean_name", lambda: Skill.objects.create(owner=owner, name="Ju")
    )
    response = owner_client.post(reverse("careers:skill_add"), {"name": "ju"})
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["You already have this skill, as “Ju”."]
    assert 'value="ju"' in response.content.decode()  # what was typed is kept
    assert Skill.objects.filter(owner=owner).count() == 1


def test_two_directions_made_current_at_once_get_the_forms_message(
    monkeypatch, owner_client, owner
):
    clash_during_checks(
        monkeypatch,
        DirectionForm,
        "clean",
        lambda: CareerDirection.objects.create(owner=owner, title="Chef", status="current"),
    )
    response = owner_client.post(
        reverse("careers:direction_add"), {"title": "Wrestler", "status": "current"}
    )
    assert response.status_code == 200
    assert "“Chef” is your current direction." in response.context["form"].errors["status"][0]
    assert list(CareerDirection.objects.filter(owner=owner).values_list("title", flat=True)) == [
        "Chef"
    ]


@pytest.mark.django_db(transaction=True)
def test_two_tabs_adding_one_skill_at_once_never_fail(owner):
    tabs = [signed_in(owner), signed_in(owner)]
    responses = at_once(
        *(
            lambda tab=tab: tab.post(reverse("careers:skill_add"), {"name": "Juggling"})
            for tab in tabs
        )
    )
    assert sorted(response.status_code for response in responses) == [200, 302]
    refused = next(response for response in responses if response.status_code == 200)
    assert refused.context["form"].errors["name"] == ["You already have this skill, as “Juggling”."]
    assert Skill.objects.filter(owner=owner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_tabs_making_directions_current_at_once_never_fail(owner):
    tabs = [signed_in(owner), signed_in(owner)]
    responses = at_once(
        *(
            lambda tab=tab, title=title: tab.post(
                reverse("careers:direction_add"), {"title": title, "status": "current"}
            )
            for tab, title in zip(tabs, ("Wrestler", "Chef"), strict=True)
        )
    )
    assert sorted(response.status_code for response in responses) == [200, 302]
    assert CareerDirection.objects.filter(owner=owner, status="current").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_jobs_naming_one_new_skill_at_once_share_it(owner):
    tabs = [signed_in(owner), signed_in(owner)]
    responses = at_once(
        *(
            lambda tab=tab, title=title: tab.post(
                reverse("jobs:job_add"), {**JOB, "title": title, "skills_used": "Juggling"}
            )
            for tab, title in zip(tabs, ("Waiter", "Cook"), strict=True)
        )
    )
    assert [response.status_code for response in responses] == [302, 302]
    assert Skill.objects.filter(owner=owner).count() == 1
    assert Job.objects.filter(owner=owner, skills__name="Juggling").count() == 2


# --- 9. NUL in a search -------------------------------------------------------------------------


def test_a_nul_in_a_search_is_dropped_the_same_on_every_database(owner_client, owner):
    Contact.objects.create(owner=owner, name="Ana Ruiz")
    response = owner_client.get(reverse("careers:contact_list"), {"q": "An\x00a"})
    assert response.status_code == 200
    assert response.context["query"] == "Ana"
    assert "Ana Ruiz" in response.content.decode()


# --- 10. The secret key, the API's errors, one account per email -------------------------------


def settings_load(**env):
    """Load the settings in a fresh Python, as gunicorn would; (exit code, what it said)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "TESTING")}
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr


@pytest.mark.parametrize("key", [None, "", "   "])
def test_with_debug_off_bearing_refuses_to_start_without_a_key(key):
    env = {"DEBUG": "0"} if key is None else {"DEBUG": "0", "SECRET_KEY": key}
    code, said = settings_load(**env)
    assert code != 0
    assert "SECRET_KEY is not set" in said
    assert "secrets.token_urlsafe" in said  # how to make one


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("django-insecure-bearing-development-key-change-me", "SECRET_KEY is a published key"),
        ("django-insecure-" + "q7Zr2pX9vLm4kT8wBn3cYh6jDf1sGe5a" * 2, "a published key"),
        ("changeme", "SECRET_KEY has 8 characters; Bearing needs at least 50."),
        ("0c4f9b2e7d1a", "SECRET_KEY has 12 characters"),
        ("a-real-key-" + "x" * 40, "SECRET_KEY repeats itself"),
        ("my-secret-key-" + "k3y" * 20, "SECRET_KEY repeats itself"),
        ("0123456789" * 5, "SECRET_KEY repeats itself"),
    ],
)
def test_with_debug_off_bearing_refuses_to_start_with_a_weak_key(key, why):
    code, said = settings_load(DEBUG="0", SECRET_KEY=key)
    assert code != 0
    assert why in said
    assert "refuses to start with a weak key" in said
    assert "secrets.token_urlsafe" in said  # how to make one


@pytest.mark.parametrize(
    "key",
    [
        secrets.token_urlsafe(50),
        secrets.token_hex(25),  # 50 hex digits
        secrets.token_hex(32),
        "".join(secrets.choice(string.digits) for _ in range(50)),
    ],
    ids=["urlsafe-50", "hex-50", "hex-64", "digits-50"],  # the same names on every worker
)
def test_with_a_strong_key_or_debug_on_bearing_starts(key):
    assert settings_load(DEBUG="0", SECRET_KEY=key) == (0, "")
    assert settings_load(DEBUG="1", SECRET_KEY="changeme")[0] == 0
    assert settings_load(DEBUG="1")[0] == 0


def test_the_api_answers_404_in_json(owner_client):
    response = owner_client.get(reverse("api:alignment"), {"direction": "999999"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No such direction."}
    response = owner_client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_api_answers_500_and_403_in_json(rf, owner_client):
    from config.errors import csrf_failure, server_error

    response = server_error(rf.get("/api/v1/alignment/"))
    assert response.status_code == 500
    assert json.loads(response.content) == {
        "detail": "Something went wrong on our side; it has been logged."
    }
    assert "Traceback" not in response.content.decode()
    assert csrf_failure(rf.post("/api/v1/alignment/")).status_code == 403
    # Pages outside the API keep their friendly pages.
    assert "Something went wrong on our side" in server_error(rf.get("/jobs/")).content.decode()
    assert owner_client.get("/no/such/page/")["Content-Type"].startswith("text/html")


def test_an_email_address_belongs_to_one_account(client, owner):
    data = {"username": "ana", "email": "OWNER@Example.com", **SIGNUP}
    response = client.post(reverse("signup"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Another account already uses this email address; an address can belong to one "
        "account only. Use another address, or log in to that account (or reset its password)."
    ]
    assert 'value="OWNER@Example.com"' in response.content.decode()
    assert not User.objects.filter(username="ana").exists()


def test_the_database_refuses_a_second_account_with_an_address(owner):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("ana", "Owner@Example.COM", "a-long-and-unusual-pass")
    User.objects.create_user("bo", "", "a-long-and-unusual-pass")
    User.objects.create_user("cy", "", "a-long-and-unusual-pass")  # no address: no clash


def test_changing_the_email_to_another_accounts_address_is_refused(
    owner_client, owner, stranger, password
):
    response = owner_client.post(
        reverse("account_email"), {"email": "STRANGER@example.com", "password": password}
    )
    assert response.status_code == 200
    assert "Another account already uses this email address" in str(
        response.context["form"].errors["email"]
    )
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"
    # One's own address in another case is not a clash.
    response = owner_client.post(
        reverse("account_email"), {"email": "Owner@Example.com", "password": password}
    )
    assert response.status_code == 302


def test_a_signup_that_loses_the_race_for_an_address_is_told_beside_the_field(client, monkeypatch):
    from accounts.forms import SignupForm

    monkeypatch.setattr(SignupForm, "clean_email", lambda form: form.cleaned_data["email"])
    User.objects.create_user("first", "ana@example.com", "a-long-and-unusual-pass")
    response = client.post(
        reverse("signup"), {"username": "second", "email": "ana@example.com", **SIGNUP}
    )
    assert response.status_code == 200
    assert "Another account already uses this email address" in str(
        response.context["form"].errors["email"]
    )
    assert not User.objects.filter(username="second").exists()


def test_password_reset_mail_goes_to_one_account(client, owner):
    client.post(reverse("password_reset"), {"email": "OWNER@example.com"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]


# --- Log-in: a username longer than any, failed log-ins per address -----------------------------

LOGINS = {
    "login": "That username and password do not match an account",
    "admin:login": "That username and password do not match a staff account",
}


@pytest.mark.parametrize("name", LOGINS)
def test_a_username_longer_than_any_is_refused_like_a_wrong_password(client, name):
    from axes.models import AccessAttempt

    said = LOGINS[name]
    response = client.post(reverse(name), {"username": "x" * 300, "password": "whatever"})
    assert response.status_code == 200
    assert said in response.content.decode()
    # django-axes keeps usernames in a varchar(255): it is never asked to keep this one.
    assert not AccessAttempt.objects.exists()


def test_failed_log_ins_from_one_address_are_limited_across_usernames(
    client, owner, password, monkeypatch, django_assert_num_queries
):
    from django.contrib.auth.backends import ModelBackend

    from accounts.forms import FAILED_LOGINS_ALLOWED

    tried = []
    real = ModelBackend.authenticate

    def counted(self, request, **credentials):
        tried.append(credentials.get("username"))
        return real(self, request, **credentials)

    monkeypatch.setattr(ModelBackend, "authenticate", counted)
    guesser = {"REMOTE_ADDR": "203.0.113.66"}
    client.post(reverse("login"), {"username": "someone", "password": "wrong"}, **guesser)
    # A failure: 1 the address's failed log-ins, 2 django-axes's count so far, 3 the user,
    # 4-10 axes's record of the attempt (lookup, savepoints, insert), 11 its count now,
    # 12-15 the address's count added (savepoint, update, read, release).
    with django_assert_num_queries(15):
        client.post(reverse("login"), {"username": "another", "password": "wrong"}, **guesser)
    Hit.objects.all().delete()
    tried.clear()
    for n in range(FAILED_LOGINS_ALLOWED):
        wrong = {"username": f"person{n}", "password": "wrong"}  # 1 try each: no axes lock
        assert client.post(reverse("login"), wrong, **guesser).status_code == 200
    assert len(tried) == FAILED_LOGINS_ALLOWED
    right = {"username": "owner", "password": password}
    with django_assert_num_queries(1):  # the address's failed log-ins, and nothing more
        response = client.post(reverse("login"), right, **guesser)
    assert response.status_code == 429
    text = response.content.decode()
    assert f"Bearing allows {FAILED_LOGINS_ALLOWED} in a quarter of an hour" in text
    assert 'value="owner"' in text  # what was typed is kept
    # Refused before any password is tried (no hash), on the admin's log-in too.
    admin = client.post(reverse("admin:login"), right, **guesser)
    assert f"Bearing allows {FAILED_LOGINS_ALLOWED}" in admin.content.decode()
    assert len(tried) == FAILED_LOGINS_ALLOWED
    # Another network logs in as ever.
    response = client.post(reverse("login"), right, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302
