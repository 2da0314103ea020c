"""Fixtures shared by every test: an owner and a stranger, and the browser set-up."""

import os
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache

from core import limits
from tests.factories import PASSWORD, UserFactory

# Tests never run collectstatic: serve the files as they are, without the production manifest.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


# Hashing passwords the production way takes ~0.3 s a person; tests create hundreds.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The live server's thread would otherwise keep its PostgreSQL connection open after the
# browser tests, and the test database could not be dropped cleanly.
settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture(autouse=True)
def _one_moment_for_rate_limits(monkeypatch):
    """Each test counts its rate-limited requests in one window of core.limits: a minute
    ending in the middle of a test opened a new one (seen in CI: 3 more queries than pinned,
    a request over the limit let through)."""
    now = time.time()
    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: now))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: ids repeat across tests on SQLite."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner(db):
    """The person whose data a test is about."""
    return UserFactory(username="owner")


@pytest.fixture
def stranger(db):
    """Somebody else, who must never see the owner's data."""
    return UserFactory(username="stranger")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(client, stranger):
    client.force_login(stranger)
    return client


@pytest.fixture
def password():
    return PASSWORD


# --- Browser tests: Debian's Chromium, never a downloaded browser -------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.browser)


_skipped_in_ci = []


def pytest_runtest_logreport(report):
    if os.environ.get("CI") and report.skipped:
        _skipped_in_ci.append(report.nodeid)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: the browser tests in particular must run."""
    if _skipped_in_ci:
        print(f"\nCI: {len(_skipped_in_ci)} test(s) skipped; every test must run in CI:")
        for nodeid in _skipped_in_ci:
            print(f"  {nodeid}")
        session.exitstatus = 1
