"""Headers and settings that protect every page."""

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_every_page_forbids_inline_code_and_framing(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_with_a_persons_data_are_never_stored(owner_client):
    for name in ("alignment:dashboard", "alignment:job_list", "api:alignment", "account"):
        response = owner_client.get(reverse(name))
        assert "no-store" in response["Cache-Control"], name


def test_the_public_landing_page_may_be_cached(client):
    assert "no-store" not in client.get(reverse("home")).get("Cache-Control", "")


def test_templates_hold_no_inline_script_or_style():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        if "style=" in text or "<style" in text or "<script>" in text or " on" + "click=" in text:
            offenders.append(str(path.relative_to(ROOT)))
        for line in text.splitlines():
            if "<script" in line and "src=" not in line:
                offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []


def test_every_static_file_a_template_names_exists():
    """With DEBUG off the manifest storage refuses to render a page that names a missing
    file: a stale `{% static %}` would be a 500 in production only."""
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "templates").rglob("*.html")
        for name in re.findall(r"{%\s*static\s+['\"]([^'\"]+)['\"]", path.read_text())
        if not (ROOT / "static" / name).is_file()
    ]
    assert missing == []


def test_production_settings_pass_the_deployment_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": "test-" + string.ascii_letters + string.digits,
        "ALLOWED_HOSTS": "bearing.example.com",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_pages_get_the_friendly_404(owner_client):
    response = owner_client.get("/no/such/page/")
    assert response.status_code == 404
    assert "This page is not here" in response.content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example.com/", "//evil.example.com/", "http:/\\evil.example.com"]
)
def test_next_cannot_send_a_person_off_site(client, owner, password, target):
    response = client.post(
        reverse("login") + f"?next={target}", {"username": "owner", "password": password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("alignment:dashboard")


def test_log_in_gives_a_new_session_key(client, owner, password):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("login"), {"username": "owner", "password": password})
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_log_out_ends_the_session_for_good(client, owner, password):
    client.post(reverse("login"), {"username": "owner", "password": password})
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    assert replay.get(reverse("alignment:dashboard")).status_code == 302


def test_a_wrong_host_header_is_refused(client):
    assert client.get(reverse("home"), HTTP_HOST="evil.example.com").status_code == 400


def test_the_error_page_is_generic(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "Traceback" not in body
