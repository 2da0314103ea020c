"""Sign-up, log-in, log-out and password reset, through the test client."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_landing_page_explains_jobs_versus_careers(client):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Jobs are not careers." in text
    assert reverse("signup") in text


def test_landing_page_sends_a_signed_in_person_to_the_dashboard(owner_client):
    response = owner_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("alignment:dashboard")


def test_private_pages_send_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("alignment:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_sign_up_creates_the_account_and_lands_on_the_dashboard(client):
    response = client.post(
        reverse("signup"),
        {
            "username": "ana",
            "email": "ana@example.com",
            "password1": "a-long-and-unusual-pass",
            "password2": "a-long-and-unusual-pass",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("alignment:dashboard")
    assert "Welcome, ana." in response.content.decode()
    user = User.objects.get(username="ana")
    assert user.email == "ana@example.com"
    assert user.check_password("a-long-and-unusual-pass")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"password1": "short", "password2": "short"}, "password2", "Use at least 8 characters"),
        ({"password1": "password", "password2": "password"}, "password2", "people use most"),
        ({"password2": "something-else-entirely"}, "password2", "are not the same"),
        ({"email": "not-an-email"}, "email", "Use an email address"),
        ({"username": ""}, "username", "Username is needed."),
    ],
)
def test_sign_up_refuses_bad_input_beside_the_field_and_keeps_what_was_typed(
    client, data, field, message
):
    form = {
        "username": "ana",
        "email": "ana@example.com",
        "password1": "a-long-and-unusual-pass",
        "password2": "a-long-and-unusual-pass",
        **data,
    }
    response = client.post(reverse("signup"), form)
    assert response.status_code == 200
    assert not User.objects.filter(username="ana").exists()
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    text = response.content.decode()
    assert f'id="error_1_id_{field}"' in text  # shown beside the field
    if data.get("email") != "not-an-email":
        assert 'value="ana@example.com"' in text


def test_sign_up_refuses_a_taken_username_in_other_case(client, owner):
    response = client.post(
        reverse("signup"),
        {
            "username": "OWNER",
            "email": "x@example.com",
            "password1": "a-long-and-unusual-pass",
            "password2": "a-long-and-unusual-pass",
        },
    )
    assert response.status_code == 200
    assert "That username is taken" in str(response.context["form"].errors["username"])
    assert User.objects.count() == 1


def test_log_in_and_log_out(client, owner, password):
    response = client.post(
        reverse("login"), {"username": "owner", "password": password}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("alignment:dashboard")
    assert response.context["user"] == owner

    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert not response.context["user"].is_authenticated
    assert client.get(reverse("alignment:dashboard")).status_code == 302


def test_log_out_is_refused_on_get(owner_client):
    assert owner_client.get(reverse("logout")).status_code == 405
    assert owner_client.get(reverse("alignment:dashboard")).status_code == 200


def test_log_in_with_a_wrong_password_says_so(client, owner):
    response = client.post(reverse("login"), {"username": "owner", "password": "wrong"})
    assert response.status_code == 200
    assert "That username and password do not match an account" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_password_change(owner_client, owner, password):
    response = owner_client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "another-long-passphrase",
            "new_password2": "another-long-passphrase",
        },
        follow=True,
    )
    assert "Password changed" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("another-long-passphrase")


def test_password_reset_by_email(client, owner):
    response = client.post(reverse("password_reset"), {"email": "owner@example.com"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    response = client.get(link.group(1), follow=True)
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
        follow=True,
    )
    assert "Your new password is saved" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("a-brand-new-passphrase")


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, owner):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_the_home_page_never_shows_another_persons_name(client, owner, stranger):
    client.force_login(stranger)
    text = client.get(reverse("alignment:dashboard")).content.decode()
    assert "stranger" in text
    assert "owner" not in text


def test_five_wrong_passwords_lock_that_username_out_for_a_while(client, owner, password):
    for _ in range(4):
        response = client.post(reverse("login"), {"username": "owner", "password": "wrong"})
        assert "That username and password do not match an account" in response.content.decode()
    response = client.post(reverse("login"), {"username": "owner", "password": "wrong"})
    assert response.status_code == 429  # the fifth failure locks
    # Now even the right password is refused, with the lock-out page.
    response = client.post(reverse("login"), {"username": "owner", "password": password})
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    assert not client.get(reverse("alignment:dashboard")).wsgi_request.user.is_authenticated


def test_a_lock_out_is_per_username(client, owner, stranger, password):
    for _ in range(5):
        client.post(reverse("login"), {"username": "owner", "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": "stranger", "password": password}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("alignment:dashboard")


def test_a_username_taken_between_the_check_and_the_save_is_a_clear_error(client, monkeypatch):
    # The race of two simultaneous sign-ups: the form's uniqueness check passes for both,
    # the database's unique constraint stops the second.
    from accounts.forms import SignupForm

    monkeypatch.setattr(SignupForm, "clean_username", lambda form: form.cleaned_data["username"])
    User.objects.create_user("ana", "first@example.com", "a-long-and-unusual-pass")
    response = client.post(
        reverse("signup"),
        {
            "username": "ana",
            "email": "second@example.com",
            "password1": "a-long-and-unusual-pass",
            "password2": "a-long-and-unusual-pass",
        },
    )
    assert response.status_code == 200
    assert "That username is taken" in str(response.context["form"].errors["username"])
    assert User.objects.filter(username="ana").count() == 1
    assert not response.context["user"].is_authenticated


def test_sign_ups_from_one_address_are_limited(client):
    for n in range(10):
        client.post(reverse("signup"), {"username": f"user{n}"})  # invalid: no password
    response = client.post(
        reverse("signup"),
        {
            "username": "late",
            "email": "late@example.com",
            "password1": "a-long-and-unusual-pass",
            "password2": "a-long-and-unusual-pass",
        },
    )
    assert response.status_code == 429
    assert "too many sign-ups from your network" in response.content.decode()
    assert not User.objects.filter(username="late").exists()


def test_password_reset_requests_are_limited_and_send_nothing_more(client, owner):
    for _ in range(5):
        client.post(reverse("password_reset"), {"email": "owner@example.com"})
    assert len(mail.outbox) == 5
    response = client.post(reverse("password_reset"), {"email": "owner@example.com"})
    assert response.status_code == 429
    assert "too many password reset requests" in response.content.decode()
    assert len(mail.outbox) == 5
    assert client.get(reverse("password_reset")).status_code == 200


def test_changing_the_email_asks_for_the_password_again(owner_client, owner, password):
    url = reverse("account_email")
    response = owner_client.post(url, {"email": "new@example.com", "password": "wrong"})
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert 'value="new@example.com"' in response.content.decode()  # kept, not lost
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"

    response = owner_client.post(
        url, {"email": "new@example.com", "password": password}, follow=True
    )
    assert "Your email address is changed." in response.content.decode()
    owner.refresh_from_db()
    assert owner.email == "new@example.com"


def test_changing_the_email_refuses_a_malformed_address(owner_client, owner, password):
    response = owner_client.post(
        reverse("account_email"), {"email": "not an address", "password": password}
    )
    assert "Use an email address, such as name@example.com." in response.content.decode()
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"
