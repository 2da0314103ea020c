"""The nurse history (tests/jobs/histories/nurse.json), the third history readers rate:
Tomás, who wants to be a registered nurse, volunteers on a hospital ward unpaid while a
barista's and a delivery driver's pay keep him, and weighs an offer as a healthcare assistant.
"""

import pytest
from django.urls import reverse

from jobs.models import Job
from tests.helpers import text_of
from tests.jobs.helpers import imported

pytestmark = pytest.mark.django_db


def test_the_nurse_history_imports_whole(client):
    user = imported(client, "nurse")
    jobs = Job.objects.filter(owner=user)
    assert sorted(jobs.values_list("title", flat=True)) == [
        "Barista",
        "Delivery driver",
        "Healthcare assistant",
        "Hospital ward volunteer",
    ]
    assert jobs.get(stage="offer").title == "Healthcare assistant"


def test_the_dashboard_says_the_volunteering_built_the_career_and_the_pay_came_elsewhere(client):
    imported(client, "nurse")
    text = text_of(client.get(reverse("alignment:dashboard")))
    assert (
        "Hospital ward volunteer (unpaid) is building your registered nurse career. Delivery "
        "driver pays the bills, like Barista before it."
    ) in text
    assert "Hospital ward volunteer 71/100 · Built the career" in text
    assert "Barista 6/100 · Paid the bills" in text
    assert "Delivery driver 3/100 · Paid the bills" in text
    assert "Healthcare assistant would build your registered nurse career" in text
