"""Every URL pattern of the project, walked automatically: a row of the battery per URL.

A new page is covered the day it is added: the walk reads the URLconf, so a pattern that
is neither public nor scoped to its owner fails here.
"""

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from config.errors import NOT_SIGNED_IN
from core.models import AccessToken
from core.once import SavedOnceMixin
from demo.elena import load_demo
from demo.models import DemoAccount
from jobs.models import Job, JobBenefit, JobSkill
from sharing.models import ShareLink

pytestmark = pytest.mark.django_db

PUBLIC = {
    "home",
    "signup",
    "try_demo",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "careers:about_data",
    "alignment:how_scores_work",
    "alignment:next_how",  # how bridges are found: no data of anybody
    "sharing:shared",  # a share link: public, with a token (SHARED below)
    "api:openapi-json",  # the API's description: no data of anybody
    "api:api-root",  # answers nothing (404); ninja places the API's paths by it
}
POST_ONLY = {
    "careers:goal_achieve",
    "careers:direction_add_skills",
    "jobs:job_add_skills",
    "alignment:job_took_it",
    "alignment:next_link",
    "sharing:link_revoke",
    "token_revoke",
}
OBJECTS = {
    "jobs:job_": Job,
    "alignment:job_": Job,
    "alignment:next_link": Job,  # a job linked to an occupation from "Your next job"
    "account_import_complete_job": Job,  # a job's details, after an import
    "careers:direction_": CareerDirection,
    "careers:goal_": CareerGoal,
    "careers:skill_": Skill,
    "careers:learning_": Learning,
    "careers:contact_": Contact,
    "sharing:link_": ShareLink,
    "token_": AccessToken,
}


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin"):
                continue  # Django's own admin, staff only
            yield from walk(pattern.url_patterns, pattern.namespace or namespace)
        else:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


NAMES = sorted(walk(get_resolver().url_patterns))
PRIVATE = [name for name in NAMES if name not in PUBLIC]
OBJECT_NAMES = [name for name in NAMES if any(name.startswith(p) for p in OBJECTS)]
OBJECT_NAMES = [name for name in OBJECT_NAMES if not name.endswith(("_list", "_add"))]


# Pages that take an argument but show nobody's data: O*NET's reference, the same for every
# signed-in person (a stranger sees what the owner sees), so they are walked like the other
# pages that are not an object: anonymous visitors are sent to log in, GETs change nothing.
REFERENCE = {"api:occupation_search": [], "api:occupation_detail": ["27-2021.00"]}


def model_for(name):
    return next(model for prefix, model in OBJECTS.items() if name.startswith(prefix))


def url_for(name, owner=None):
    if name in OBJECT_NAMES:
        row = model_for(name).objects.filter(owner=owner).order_by("pk").first()
        return reverse(name, args=[row.pk])
    if name == "sharing:shared":
        # The owner's live link (a token only its maker ever saw); without one, a wrong token.
        token = SHARED.get(owner.pk, "no-such-token") if owner else "no-such-token"
        return reverse(name, args=[token])
    return reverse(name, args=REFERENCE.get(name, []))


SHARED = {}  # owner id -> the token of their share link, made by the `elena` fixture


def snapshot(owner):
    """Every row of the person, as plain data, to prove an attempt changed nothing."""
    rows = {}
    for model in (
        Job,
        CareerDirection,
        CareerGoal,
        Skill,
        Learning,
        Contact,
        Profile,
        ShareLink,
        AccessToken,
    ):
        rows[model.__name__] = [model_to_dict(obj) for obj in model.objects.filter(owner=owner)]
    rows["links"] = [
        sorted(JobSkill.objects.filter(job__owner=owner).values_list("job", "skill", "gained")),
        sorted(JobBenefit.objects.filter(job__owner=owner).values_list("job", "value")),
        sorted(DirectionSkill.objects.filter(direction__owner=owner).values_list("skill")),
        sorted(DirectionValue.objects.filter(direction__owner=owner).values_list("value")),
    ]
    return rows


@pytest.fixture
def elena():
    """The demo persona, with a share link (names shown) and an API token of her own."""
    user = load_demo()
    _, SHARED[user.pk] = ShareLink.create(
        owner=user, label="for my mentor", days=30, show_contacts=True
    )
    AccessToken.create(owner=user, name="my spreadsheet")
    yield user
    SHARED.pop(user.pk, None)


def test_the_walk_found_every_kind_of_page():
    assert {
        "alignment:dashboard",
        "jobs:job_edit",
        "careers:goal_achieve",
        "account_delete",
    } <= set(NAMES)
    assert {*REFERENCE, "careers:about_data"} <= set(NAMES)
    assert {
        "account_import_matching",
        "account_import_complete",
        "account_import_complete_job",
    } <= set(NAMES)
    assert {"alignment:story", "sharing:links", "tokens", "sharing:shared"} <= set(NAMES)
    assert "send_again" in NAMES  # a form kept when the session ended (accounts.kept)
    assert {"api:alignment", "api:jobs", "api:directions", "api:openapi-json"} <= set(NAMES)
    assert {"alignment:next", "alignment:next_link", "alignment:next_how", "api:next"} <= set(NAMES)
    assert len(OBJECT_NAMES) == 26


API = {n for n in PRIVATE if n not in OBJECT_NAMES and url_for(n).startswith("/api/")}


@pytest.mark.parametrize("name", [n for n in PRIVATE if n not in OBJECT_NAMES])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in(client, name, method):
    response = getattr(client, method)(url_for(name))
    if name in API:
        # An API answers in JSON, with the reason in `detail`, rather than sending to a page;
        # it only reads, so a POST is refused before anything else.
        assert response.status_code == (401 if method == "get" else 405), name
        if method == "get":
            assert response.json() == {"detail": NOT_SIGNED_IN}
            assert response["WWW-Authenticate"].startswith("Bearer")
        else:
            assert response.json()["detail"] == "This address answers GET, HEAD only."
        return
    assert response.status_code == 302, name
    assert response["Location"].startswith(reverse("login") + "?next="), name


@pytest.mark.parametrize("name", OBJECT_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_never_reach_an_object(client, elena, name, method):
    before = snapshot(elena)
    response = getattr(client, method)(url_for(name, elena), {"title": "x", "name": "x"})
    assert response.status_code == 302, name
    assert response["Location"].startswith(reverse("login"))
    assert snapshot(elena) == before


@pytest.mark.parametrize("name", OBJECT_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_stranger_gets_404_and_the_owners_row_is_unchanged(client, elena, stranger, name, method):
    url = url_for(name, elena)
    before = snapshot(elena)
    client.force_login(stranger)
    data = {"title": "Taken over", "name": "Taken over", "stage": "held", "lock_version": "1"}
    response = getattr(client, method)(url, data)
    # A POST-only page refuses a GET before it looks anything up, owner or not: no leak.
    expected = 405 if (name in POST_ONLY and method == "get") else 404
    assert response.status_code == expected, name
    assert snapshot(elena) == before


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_reference_pages_answer_a_stranger_as_they_answer_the_owner(client, elena, stranger, name):
    client.force_login(elena)
    owners = client.get(url_for(name, elena), {"q": "wrestler"})
    client.force_login(stranger)
    strangers = client.get(url_for(name, stranger), {"q": "wrestler"})
    assert owners.status_code == strangers.status_code == 200
    assert owners.json() == strangers.json()
    assert "Athletes and Sports Competitors" in owners.content.decode()


@pytest.mark.parametrize("name", [n for n in NAMES if n != "password_reset_confirm"])
def test_every_post_needs_the_csrf_token(elena, name):
    client = Client(enforce_csrf_checks=True)
    if name not in PUBLIC:
        client.force_login(elena)
    before = snapshot(elena)
    response = client.post(url_for(name, elena), {"title": "x", "name": "x"})
    # The API has no method that changes anything, nor has its description: a POST is
    # refused as such (ninja checks the CSRF token itself for any unsafe method a signed-in
    # session sends).
    read_only = name in API or name == "api:openapi-json"
    assert response.status_code == (405 if read_only else 403), name
    assert snapshot(elena) == before


@pytest.mark.parametrize("name", [n for n in PRIVATE if n != "password_reset_confirm"])
def test_a_get_never_changes_anything(client, elena, name):
    client.force_login(elena)
    before = snapshot(elena)
    response = client.get(url_for(name, elena))
    assert response.status_code in (200, 302, 405), name
    assert snapshot(elena) == before


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def poison(owner):
    """Put script and HTML in every text field of every row the person owns."""
    for model in (
        Job,
        CareerDirection,
        CareerGoal,
        Skill,
        Learning,
        Contact,
        ShareLink,
        AccessToken,
    ):
        text_fields = [
            field.name
            for field in model._meta.get_fields()
            if getattr(field, "get_internal_type", lambda: "")() in ("CharField", "TextField")
            and not field.choices
            and field.editable  # not a token's digest or hint
            and field.name not in ("currency", "occupation")  # codes of a fixed shape
        ]
        for n, obj in enumerate(model.objects.filter(owner=owner)):
            for field in text_fields:
                limit = model._meta.get_field(field).max_length or 5000
                setattr(obj, field, f"{PAYLOAD}{n}"[:limit])
            obj.save()


@pytest.mark.parametrize("name", [n for n in PRIVATE if n != "password_reset_confirm"])
def test_script_in_every_text_field_comes_back_escaped(client, elena, name):
    poison(elena)
    client.force_login(elena)
    response = client.get(url_for(name, elena))
    body = response.content.decode()
    if "text/html" not in response["Content-Type"]:
        # Exports and the API are data (JSON, CSV) sent with nosniff: the text is kept as
        # typed, and no browser renders it as a page.
        assert response["X-Content-Type-Options"] == "nosniff"
        return
    assert "<script>alert" not in body, name
    assert "<img src=x" not in body, name
    if response.status_code == 200:
        # The text is shown, escaped, wherever the page shows it.
        assert "&lt;script&gt;" in body or name in {
            "account",
            "account_delete",
            "account_email",
            "account_import",
            "account_import_preview",
            # Lists only the jobs that need details; all of Elena's have theirs (a job with
            # script in its title is shown escaped there: tests/accounts/test_completion.py).
            "account_import_complete",
            "password_change",
            "password_change_done",
            "jobs:job_add",
            "careers:direction_add",
            "careers:goal_add",
            "careers:skill_add",
            "careers:learning_add",
            "careers:contact_add",
        }, name


NUL = "x\x00y"
QUERY = {name: NUL for name in ("q", "direction", "page", "stage", "skill", "next")}


@pytest.mark.parametrize("name", [n for n in PRIVATE if n != "password_reset_confirm"])
def test_a_nul_in_the_query_string_is_never_a_server_error(client, elena, name):
    # PostgreSQL refuses text with NUL in it; the query is read without it everywhere.
    client.force_login(elena)
    response = client.get(url_for(name, elena), QUERY)
    # The API's lists refuse a page number that is no number with a 422 that says why.
    assert response.status_code in (200, 302, 404, 405) or (
        name in API and response.status_code == 422
    ), name
    if response.status_code == 404:
        # "xy" is no direction
        assert name in {
            "alignment:dashboard",
            "api:alignment",
            "alignment:compare",
            "alignment:next",
            "api:next",
        }, name


@pytest.mark.parametrize("name", [n for n in NAMES if n != "password_reset_confirm"])
def test_a_nul_in_every_posted_field_is_never_a_server_error(client, elena, name):
    # Forms refuse it beside the field; the few fields read directly (a token, a "next" page)
    # treat it as any other wrong value. (A delete page deletes: it reads no field.)
    if name not in PUBLIC:
        client.force_login(elena)
    fields = ("title", "name", "email", "username", "password", "token", "once", "q", "next")
    response = client.post(url_for(name, elena), {field: NUL for field in fields})
    assert response.status_code in (200, 302, 400, 404, 405, 429), name


# -- The demo: made by a public POST, ended only by a demo account ---------------------------


def test_a_demo_is_made_only_by_a_post(client):
    assert client.get(reverse("try_demo")).status_code == 405
    assert not DemoAccount.objects.exists()
    response = client.post(reverse("try_demo"))
    assert response.status_code == 302
    assert response["Location"] == reverse("alignment:dashboard")
    assert DemoAccount.objects.count() == 1


def test_a_signed_in_person_asking_for_a_demo_keeps_their_account(client, elena):
    client.force_login(elena)
    before = snapshot(elena)
    response = client.post(reverse("try_demo"))
    assert response["Location"] == reverse("alignment:dashboard")
    assert not DemoAccount.objects.exists()
    assert int(client.session["_auth_user_id"]) == elena.pk
    assert snapshot(elena) == before


def test_only_a_demo_account_can_be_ended(client, elena):
    client.force_login(elena)
    before = snapshot(elena)
    assert client.post(reverse("end_demo")).status_code == 404
    assert snapshot(elena) == before
    assert int(client.session["_auth_user_id"]) == elena.pk


# --- The public pages that show a person's data: a share link ------------------------------


def test_a_share_link_opens_for_anybody_and_a_wrong_one_is_404(client, elena):
    response = client.get(url_for("sharing:shared", elena))
    assert response.status_code == 200
    assert "Professional wrestler" in response.content.decode()
    for token in ("no-such-token", SHARED[elena.pk][:-1], "x" * 500):
        assert client.get(reverse("sharing:shared", args=[token])).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_share_link_changes_nothing_whatever_is_sent(client, elena, method):
    before = snapshot(elena)
    response = getattr(client, method)(url_for("sharing:shared", elena), {"title": "x"})
    assert response.status_code == 405
    assert snapshot(elena) == before


def test_script_in_every_text_field_comes_back_escaped_on_a_share_link(client, elena):
    poison(elena)
    body = client.get(url_for("sharing:shared", elena)).content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;" in body


def test_a_nul_in_a_share_link_is_a_404(client, elena):
    token = SHARED[elena.pk]
    assert client.get(f"/shared/{token[:5]}%00{token[5:]}/").status_code == 404


@pytest.mark.parametrize("name", [n for n in NAMES if n != "password_reset_confirm"])
def test_every_page_that_asks_for_a_password_keeps_it_out_of_error_reports(client, elena, name):
    """Where a page shows a password field, what is posted to it is hidden from Django's
    error reports (`sensitive_post_parameters`), so a password never reaches a log."""
    if name not in PUBLIC:
        client.force_login(elena)
    page = client.get(url_for(name, elena))
    if b'type="password"' not in page.content:
        return
    response = client.post(url_for(name, elena), {"password": "not-the-password"})
    assert getattr(response.wsgi_request, "sensitive_post_parameters", None) == "__ALL__", name


@pytest.mark.parametrize("name", [n for n in PRIVATE if n != "password_reset_confirm"])
def test_every_page_with_an_add_form_saves_it_once(client, elena, name):
    """An add form carries a one-time token (`once`); its view must claim it (core.once), or
    the same form sent twice would save twice."""
    client.force_login(elena)
    url = url_for(name, elena)
    if b'name="once"' not in client.get(url).content:
        return
    view = resolve(url.split("?")[0]).func
    view_class = getattr(view, "view_class", None)
    assert getattr(view, "saves_once", False) or (
        view_class is not None and issubclass(view_class, SavedOnceMixin)
    ), name
