"""A form sent after the session ended, or from a page older than the last log-in, loses nothing:
it is kept, the person logs in if need be, sees what they typed, and sends it again with a
button (accounts.kept). Nothing is sent on their behalf; the CSRF check stays whole."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.kept import KEY
from careers.models import CareerGoal
from jobs.models import Job
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

JOB_ADD = reverse("jobs:job_add")
GOAL_ADD = reverse("careers:goal_add")
SEND_AGAIN = reverse("send_again")
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
TYPED = {
    "title": "Ring announcer",
    "employer": "Iron Hall",
    "employment_type": "part_time",
    "started_on": "2025-03-01",
    "currency": "EUR",
    "description": "Three nights a week.\nSaturdays too.",
    "skills_used": "Public speaking",
    "lock_version": "1",
}


def post(browser, url, data, **headers):
    """Post a form as a browser sends one without files: urlencoded."""
    body = urlencode(data, doseq=True)
    return browser.post(url, body, content_type="application/x-www-form-urlencoded", **headers)


def text_of(response):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def token_of(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def send_again_form(response):
    """The page's "Send it" form: (where it goes, its fields with the fresh token)."""
    html = response.content.decode()
    form = re.search(
        r'<form method="post" action="([^"]+)"[^>]*id="send-again">(.*?)</form>', html, re.S
    )
    assert form, "no form to send again"
    fields = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form[2]):
        fields.setdefault(unescape(name), []).append(unescape(value))
    return unescape(form[1]), fields


@pytest.fixture
def person():
    return UserFactory(username="marta")


@pytest.fixture
def browser():
    """A browser that keeps its cookies and sends CSRF tokens as a real one does."""
    return Client(enforce_csrf_checks=True)


def opened(browser, url):
    """Open a form page as the browser does: its token, which the browser sends back."""
    return token_of(browser.get(url))


def log_in(browser, next_url):
    page = browser.get(reverse("login"), {"next": next_url})
    return post(
        browser,
        reverse("login"),
        {
            "username": "marta",
            "password": PASSWORD,
            "next": next_url,
            "csrfmiddlewaretoken": token_of(page),
        },
    )


def test_a_form_sent_after_the_session_ended_is_kept_and_sent_again_by_the_person(browser, person):
    log_in(browser, "/dashboard/")
    token = opened(browser, JOB_ADD)
    browser.cookies.pop("sessionid")  # the session ends while the person types

    response = post(browser, JOB_ADD, {**TYPED, "csrfmiddlewaretoken": token}, **ORIGIN)
    # It was sent to the log-in page, and everything typed was lost.
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={SEND_AGAIN}"
    login_page = browser.get(response["Location"])
    assert "Your session had ended, so the form you sent was not saved." in text_of(login_page)

    response = log_in(browser, SEND_AGAIN)
    assert response["Location"] == SEND_AGAIN
    page = browser.get(SEND_AGAIN)
    text = text_of(page)
    assert "Send your form again" in text
    assert "Title Ring announcer" in text and "Skills used Public speaking" in text
    assert not Job.objects.exists()  # nothing is sent until the person presses the button

    action, fields = send_again_form(page)
    assert action == JOB_ADD
    assert fields["description"] == ["Three nights a week.\nSaturdays too."]
    response = post(browser, action, fields)
    assert response.status_code == 302
    job = Job.objects.get(owner=person)
    assert (job.title, job.description) == ("Ring announcer", TYPED["description"])
    assert job.skills.get().name == "Public speaking"


def test_a_form_from_a_page_older_than_the_last_log_in_is_shown_to_send_again(browser, person):
    # Sent again after logging in elsewhere, it showed Django's stock CSRF page.
    log_in(browser, "/dashboard/")
    token = opened(browser, GOAL_ADD)
    log_in(browser, "/dashboard/")  # logging in again gives the browser a new token
    data = {"title": "First amateur match", "status": "active", "priority": "3"}

    response = post(browser, GOAL_ADD, {**data, "csrfmiddlewaretoken": token}, **ORIGIN)
    assert response.status_code == 403
    text = text_of(response)
    assert "This form was sent from a page opened before your last log-in" in text
    assert "Title First amateur match" in text
    assert "Forbidden" not in text and "CSRF verification failed" not in text
    assert not CareerGoal.objects.exists()

    action, fields = send_again_form(response)
    assert post(browser, action, fields).status_code == 302
    assert CareerGoal.objects.get(owner=person).priority == 3


def test_the_session_ended_and_the_token_is_old_too(browser, person):
    log_in(browser, "/dashboard/")
    token = opened(browser, GOAL_ADD)
    browser.cookies.pop("sessionid")
    browser.get(reverse("login"))  # a log-in page opened meanwhile: a new token
    browser.cookies["csrftoken"] = "x" * 32  # and the browser's token is another one
    data = {"title": "Join a wrestling school", "status": "active", "priority": "2"}

    response = post(browser, GOAL_ADD, {**data, "csrfmiddlewaretoken": token}, **ORIGIN)
    assert response.status_code == 403
    assert "Log in to send your form" in text_of(response)
    assert f'name="next" value="{SEND_AGAIN}"' in response.content.decode()
    response = post(
        browser,
        reverse("login"),
        {
            "username": "marta",
            "password": PASSWORD,
            "next": SEND_AGAIN,
            "csrfmiddlewaretoken": token_of(response),
        },
    )
    assert response["Location"] == SEND_AGAIN
    action, fields = send_again_form(browser.get(SEND_AGAIN))
    assert post(browser, action, fields).status_code == 302
    assert CareerGoal.objects.get(owner=person).title == "Join a wrestling school"


def test_a_form_another_site_sent_is_refused_and_kept_for_nobody(browser, person):
    log_in(browser, "/dashboard/")
    data = {"title": "Taken over", "status": "active", "priority": "2"}
    response = post(browser, GOAL_ADD, data, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    text = text_of(response)
    assert "This form could not be sent" in text
    assert "Taken over" not in text
    assert 'id="send-again"' not in response.content.decode()
    assert KEY not in browser.session
    assert not CareerGoal.objects.exists()


def test_passwords_are_never_kept(browser, person):
    log_in(browser, "/dashboard/")
    token = opened(browser, reverse("account_email"))
    browser.cookies.pop("sessionid")
    data = {"email": "new@example.com", "password": "my secret words", "csrfmiddlewaretoken": token}
    post(browser, reverse("account_email"), data, **ORIGIN)
    log_in(browser, SEND_AGAIN)
    page = browser.get(SEND_AGAIN)
    assert "my secret words" not in page.content.decode()
    assert "Passwords are never kept: the page will ask for yours again." in text_of(page)
    assert send_again_form(page)[1] == {
        "csrfmiddlewaretoken": [token_of(page)],
        "email": ["new@example.com"],
    }


def test_a_kept_form_can_be_discarded_and_is_kept_an_hour_at_most(client, person):
    client.force_login(person)
    session = client.session
    kept = {"path": GOAL_ADD, "fields": [["title", "x"]], "passwords": False, "too_large": False}
    session[KEY] = {**kept, "kept_at": timezone.now().isoformat()}
    session.save()
    assert client.get(SEND_AGAIN).status_code == 200
    response = client.post(SEND_AGAIN, follow=True)
    assert "The form you had sent is discarded." in text_of(response)
    assert KEY not in client.session

    session = client.session
    session[KEY] = {**kept, "kept_at": (timezone.now() - timedelta(hours=2)).isoformat()}
    session.save()
    response = client.get(SEND_AGAIN, follow=True)
    assert "No form is waiting to be sent again." in text_of(response)


def test_nothing_waiting_leads_to_the_dashboard(client, person):
    client.force_login(person)
    response = client.get(SEND_AGAIN)
    assert response["Location"] == reverse("alignment:dashboard")


def test_a_form_too_large_to_keep_says_so(browser, person):
    log_in(browser, "/dashboard/")
    token = opened(browser, GOAL_ADD)
    browser.cookies.pop("sessionid")
    data = {"title": "x", "description": "y" * 120_000, "csrfmiddlewaretoken": token}
    post(browser, GOAL_ADD, data, **ORIGIN)
    log_in(browser, SEND_AGAIN)
    page = browser.get(SEND_AGAIN)
    assert "The form was too large to keep (more than 100 KB)" in text_of(page)
    assert 'id="send-again"' not in page.content.decode()


def test_the_form_sent_again_needs_its_fresh_token_like_any_other(browser, person):
    log_in(browser, "/dashboard/")
    token = opened(browser, GOAL_ADD)
    log_in(browser, "/dashboard/")
    data = {"title": "First amateur match", "status": "active", "priority": "3"}
    response = post(browser, GOAL_ADD, {**data, "csrfmiddlewaretoken": token}, **ORIGIN)
    action, fields = send_again_form(response)
    del fields["csrfmiddlewaretoken"]
    assert post(browser, action, fields).status_code == 403
    assert not CareerGoal.objects.exists()


def test_the_send_again_page_queries(client, person, django_assert_num_queries):
    client.force_login(person)
    session = client.session
    fields = [["title", f"Goal {n}"] for n in range(200)]
    session[KEY] = {
        "path": GOAL_ADD,
        "fields": fields,
        "passwords": False,
        "too_large": False,
        "kept_at": timezone.now().isoformat(),
    }
    session.save()
    with django_assert_num_queries(2):
        # 1 session (the kept form is in it), 2 signed-in user
        response = client.get(SEND_AGAIN)
    assert "Goal 199" in text_of(response)
