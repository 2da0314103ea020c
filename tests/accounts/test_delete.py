"""Deleting an account: the password asked, every row of the person gone, everyone else intact."""

from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.urls import reverse

from accounts.deletion import delete_account
from accounts.models import Profile
from core.models import AccessToken, DataVersion
from portability.document import validate
from portability.export import export_document
from portability.merge import apply_import
from sharing.models import ShareLink
from tests.accounts.helpers import text_of
from tests.helpers import ELENA
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db


def rows_belonging_to(user):
    """Every row, in every table (link tables too), that belongs to the person: rows pointing
    at the user, and rows pointing at those, followed until nothing new is found."""
    models = apps.get_models(include_auto_created=True)
    found = defaultdict(set)
    found[User].add(user.pk)
    changed = True
    while changed:
        changed = False
        for model in models:
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target is None or not found.get(target):
                    continue
                pks = set(
                    model._default_manager.filter(
                        **{f"{field.name}__in": found[target]}
                    ).values_list("pk", flat=True)
                )
                if not pks <= found[model]:
                    found[model] |= pks
                    changed = True
    return {model: pks for model, pks in found.items() if pks}


def remaining(rows):
    return {
        model.__name__: model._default_manager.filter(pk__in=pks).count()
        for model, pks in rows.items()
        if model._default_manager.filter(pk__in=pks).exists()
    }


@pytest.fixture
def elena(client):
    """The worked example's Elena, with a settings row and a session, as a person who uses
    Bearing."""
    user = worked_example()
    user.set_password("elena-password")
    user.save()
    Profile.objects.filter(owner=user).update(currency="EUR")
    DataVersion.objects.update_or_create(owner=user, defaults={"version": 7})
    client.force_login(user)
    return user


@pytest.fixture
def neighbour(db):
    """Somebody else with the same history, who must keep every row."""
    user = User.objects.create_user("neighbour", password="x")
    apply_import(user=user, document=validate(ELENA))
    return user


def test_the_delete_page_says_what_is_deleted_and_asks_for_the_password(client, elena):
    response = client.get(reverse("account_delete"))
    assert response.status_code == 200
    text = text_of(response)
    assert "Delete your account?" in text
    assert (
        "This deletes, for good and at once: 3 jobs 1 career direction 3 goals "
        "1 learning entry 1 contact 5 skills your settings, and your sign-in: the username "
        "elena" in text
    )
    assert "your email, your password and the record of your log-ins" in text
    assert "download everything first" in text
    html = response.content.decode()
    assert 'name="password"' in html
    assert 'value="Delete my account for good"' in html
    assert f'href="{reverse("account_export_json")}"' in html


def test_the_delete_page_of_an_empty_account_says_so(owner_client):
    text = text_of(owner_client.get(reverse("account_delete")))
    assert (
        "This deletes, for good and at once: nothing you entered: your account holds no "
        "history yet your settings, and your sign-in" in text
    )
    assert "0 jobs" not in text


def test_a_wrong_password_deletes_nothing(client, elena):
    before = rows_belonging_to(elena)
    response = client.post(reverse("account_delete"), {"password": "guess"})
    assert response.status_code == 200
    assert "That is not your password. Nothing has been deleted." in text_of(response)
    assert rows_belonging_to(elena) == before
    assert client.get(reverse("account")).status_code == 200  # still signed in


def test_deleting_removes_every_row_of_the_person_and_no_row_of_anybody_else(
    client, elena, neighbour
):
    mine = rows_belonging_to(elena)
    theirs = rows_belonging_to(neighbour)
    assert {model.__name__ for model in mine} >= {
        "User",
        "Profile",
        "Skill",
        "CareerDirection",
        "DirectionSkill",
        "DirectionValue",
        "CareerGoal",
        "Learning",
        "Learning_skills",
        "Contact",
        "Job",
        "JobSkill",
        "JobBenefit",
        "Job_goals",
        "Job_contacts",
    }

    response = client.post(reverse("account_delete"), {"password": "elena-password"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Your account and everything in it have been deleted." in text_of(response)
    assert not response.context["user"].is_authenticated

    assert remaining(mine) == {}
    # Nor any row made anew for the person while deleting (as a data-version bump could).
    assert remaining(rows_belonging_to(elena)) == {}
    assert not Profile.objects.filter(owner_id=elena.pk).exists()
    assert rows_belonging_to(neighbour) == theirs
    assert export_document(neighbour)["jobs"][1]["title"] == "Gym assistant"


def test_deleting_removes_the_persons_log_in_records_too(client, elena):
    from axes.models import AccessAttempt, AccessLog

    for username in ("elena", "neighbour"):
        AccessLog.objects.create(username=username, ip_address="192.0.2.1", user_agent="x")
        AccessAttempt.objects.create(
            username=username, ip_address="192.0.2.1", user_agent="x", failures_since_start=2
        )
    client.post(reverse("account_delete"), {"password": "elena-password"})
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["neighbour"]
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["neighbour"]


def test_after_deletion_the_old_session_is_anonymous(client, elena):
    client.post(reverse("account_delete"), {"password": "elena-password"})
    response = client.get(reverse("alignment:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_deletion_is_all_or_nothing(elena, monkeypatch):
    before = rows_belonging_to(elena)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(User, "delete", fail)
    with pytest.raises(RuntimeError):
        delete_account(elena)
    assert rows_belonging_to(elena) == before


def test_the_delete_page_refuses_anonymous_visitors(client):
    response = client.post(reverse("account_delete"), {"password": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("rows", [1, 50])
def test_delete_page_queries(owner_client, owner, django_assert_num_queries, rows):
    from tests.factories import JobFactory, SkillFactory

    JobFactory.create_batch(rows, owner=owner)
    SkillFactory.create_batch(rows, owner=owner)
    for n in range(rows):
        ShareLink.create(owner=owner, label=f"mentor {n}", days=30, show_contacts=False)
        AccessToken.create(owner=owner, name=f"program {n}")
    with django_assert_num_queries(10):
        # 1 session, 2 signed-in user, 3-8 how many jobs, directions, goals, learning
        # entries, contacts and skills there are, 9 share links, 10 API tokens
        response = owner_client.get(reverse("account_delete"))
    assert f"{rows} job" in text_of(response)
    assert f"{rows} share link" in text_of(response)


def test_the_delete_page_names_the_share_links_and_tokens_it_ends(owner_client, owner):
    ShareLink.create(owner=owner, label="for my mentor", days=30, show_contacts=False)
    AccessToken.create(owner=owner, name="my spreadsheet")
    text = text_of(owner_client.get(reverse("account_delete")))
    assert "1 share link (read-only for a mentor: it stops opening at once)" in text
    ShareLink.create(owner=owner, label="for my aunt", days=30, show_contacts=True)
    text = text_of(owner_client.get(reverse("account_delete")))
    assert "2 share links (read-only for a mentor: they stop opening at once)" in text
    assert "1 API token (a program using one is refused from then on)" in text
