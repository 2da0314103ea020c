"""Keep a person's versions honest when their jobs change.

Saving a job gives it a new revision (Job.save) and raises the person's data version, but
not their careers version: the other jobs' scores stay valid. Skills and values are written
with their job; goals are linked after it, so a change of a job's goals gives it a new
revision again. A change from the goal's side counts as a careers change.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from careers.models import bump_data_version
from careers.signals import bump_on_m2m

from .models import Job, new_revision


def job_saved(sender, instance, **kwargs):
    bump_data_version(instance.owner_id, careers=False)


def job_deleted(sender, instance, origin=None, **kwargs):
    if isinstance(origin, get_user_model()):
        return  # the whole account is being deleted: nothing is left to mark stale
    bump_data_version(instance.owner_id, careers=False)


def job_goals_changed(sender, instance, action, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Job):
        Job.objects.filter(pk=instance.pk).update(revision=new_revision())
        bump_data_version(instance.owner_id, careers=False)
    else:
        bump_on_m2m(sender, instance, action, **kwargs)


def job_contacts_changed(sender, instance, action, **kwargs):
    # Contacts show on the job's page, never in a score.
    if action.startswith("post_") and hasattr(instance, "owner_id"):
        bump_data_version(instance.owner_id, careers=False)


post_save.connect(job_saved, sender=Job, dispatch_uid="bump-save-Job")
post_delete.connect(job_deleted, sender=Job, dispatch_uid="bump-delete-Job")
m2m_changed.connect(job_goals_changed, sender=Job.goals.through, dispatch_uid="bump-job-goals")
m2m_changed.connect(
    job_contacts_changed, sender=Job.contacts.through, dispatch_uid="bump-job-contacts"
)
