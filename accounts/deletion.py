"""Deleting an account: every row of the person, in one transaction."""

from django.apps import apps
from django.db import transaction

from core import words

# The person's data, deleted before the user row, each kind named by the model that keeps it
# (accounts stands below the apps that own them: it names them, it does not import them). No
# data version is bumped: the pages cached for the person are named by their user id and
# version row, which are never given to anybody again, and nobody can ask for them once the
# person is gone.
OWNED = {
    "jobs": "jobs.Job",
    "directions": "careers.CareerDirection",
    "goals": "careers.CareerGoal",
    "learning": "careers.Learning",
    "contacts": "careers.Contact",
    "skills": "careers.Skill",
}


def owned(user):
    """{collection: the person's rows of it}."""
    return {
        collection: apps.get_model(label).objects.owned_by(user)
        for collection, label in OWNED.items()
    }


def what_is_deleted(user):
    """["3 jobs", "1 career direction", …, "2 share links (…)"] (kinds with none left out),
    for the page that asks. Eight queries."""
    counts = {collection: rows.count() for collection, rows in owned(user).items()}
    lines = [words.counted_records(count, kind) for kind, count in counts.items() if count]
    # What the person made for others to reach their data, gone with the account (by the
    # user's own relations: accounts knows nothing of sharing).
    links, tokens = user.share_links.count(), user.access_tokens.count()
    if links:
        said = words.counted(links, "share link")
        stops = "it stops" if links == 1 else "they stop"
        lines.append(f"{said} (read-only for a mentor: {stops} opening at once)")
    if tokens:
        said = words.counted(tokens, "API token")
        lines.append(f"{said} (a program using one is refused from then on)")
    return lines


@transaction.atomic
def delete_account(user):
    """Delete the person and everything they entered; nothing of theirs is left behind."""
    for rows in owned(user).values():
        rows.delete()
    if apps.is_installed("axes"):
        # The log-in records name the person (and where they logged in from) by username, not
        # by a key that cascades; a stale lock-out would also greet whoever takes the name next.
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username=user.get_username()).delete()
    user.delete()
