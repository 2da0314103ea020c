"""What the job pages' tests share: a history of tests/jobs/histories/ signed in, the
headline's text, and the offer page's."""

from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from careers.models import Skill
from core.models import bump_data_version
from jobs.models import Job, JobSkill
from tests.factories import UserFactory
from tests.helpers import text_of

HISTORIES = Path(__file__).parent / "histories"


def imported(client, history):
    """A person holding one of tests/jobs/histories/, signed in."""
    user = UserFactory(username=history)
    call_command("import_data", history, str(HISTORIES / f"{history}.json"), verbosity=0)
    client.force_login(user)
    return user


def answer_of(response):
    """The headline's text, from its hidden heading to the end of its card."""
    html = response.content.decode()
    return text_of(html.split('id="answer-heading"')[1].split("</section>")[0])


def offer_page(client, user, title="Bar supervisor"):
    offer = Job.objects.get(owner=user, title=title)
    return text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))


def ring_crew(user):
    """An offer with nothing to avoid that would build the worked example's career: it would
    use every target skill and fit completely (skills 4 × 1 + fit 1 × 1 over 10: 50)."""
    offer = Job.objects.create(
        owner=user, title="Ring crew", employer="Iron Hall", stage="offer", identity_fit=5
    )
    for skill in Skill.objects.filter(owner=user).exclude(name="Customer service"):
        JobSkill.objects.create(job=offer, skill=skill)
    bump_data_version(user.pk)
    return offer


def charity_shop_helper(user):
    """An unpaid job that did little for the career: volunteering in 2019 that fitted not at
    all and gave nothing (a score of 0, "Did little for it")."""
    job = Job.objects.create(
        owner=user,
        title="Charity shop helper",
        employment_type="volunteer",
        started_on=date(2019, 1, 1),
        ended_on=date(2019, 6, 30),
        identity_fit=1,
    )
    bump_data_version(user.pk)
    return job
