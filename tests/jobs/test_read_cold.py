"""What readers who had never seen Bearing quoted as confusing on the dashboard, the job
cards, the offer page and the API tokens page (issue 20, round 8), each checked on the text a
person sees."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import main_of
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("alignment:dashboard")
HISTORIES = Path(__file__).parent / "histories"


@pytest.fixture
def elena(client):
    user = worked_example()
    client.force_login(user)
    return user


def imported(client, history):
    """A person holding one of tests/jobs/histories/, signed in."""
    user = UserFactory(username=history)
    call_command("import_data", history, str(HISTORIES / f"{history}.json"), verbosity=0)
    client.force_login(user)
    return user


# -- 11. an arrow never wraps alone onto a line of its own -------------------------------------


def test_a_links_arrow_is_held_to_the_word_before_it(client, elena):
    html = main_of(client.get(DASHBOARD))
    assert "→" in html
    # A plain space (or a line break) before the arrow lets a narrow screen break there.
    assert not re.search(r"\s→", html)
    assert "&nbsp;→</a>" in html
