"""Keep a person's versions honest when their jobs change.

Saving a job gives it a new revision (Job.save) and raises the person's data version, but
not their careers version: the other jobs' scores stay valid. A change of a job's skills,
values or goals on their own (the admin, a shell, the form after the job's save) gives the
job a new revision again. A change from the goal's or the skill's side counts as a careers
change. Bulk inserts send no signals: the import bumps the versions itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from careers.models import Skill, bump_data_version
from careers.signals import bump_on_m2m, deleting_accounts, first_for

from .models import Job, JobBenefit, JobSkill, new_revision


def touch_job(job_id):
    """A new revision for the job, and a new data version for its owner."""
    owner_id = Job.objects.filter(pk=job_id).values_list("owner_id", flat=True).first()
    if owner_id is not None:
        Job.objects.filter(pk=job_id).update(revision=new_revision())
        bump_data_version(owner_id, careers=False)


def job_changed(sender, instance, origin=None, **kwargs):
    """A job saved (Job.save gave it a new revision) or deleted."""
    if deleting_accounts(origin):
        return  # the whole account is being deleted: nothing is left to mark stale
    bump_data_version(instance.owner_id, careers=False)


def job_links_changed(sender, instance, action, **kwargs):
    """job.goals/job.skills .add(), .set()… (inserts send no post_save); from the goal's or
    the skill's side (goal.jobs.add(…)) it is a careers change."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, Job):
        touch_job(instance.pk)
    else:
        bump_on_m2m(sender, instance, action, **kwargs)


def job_contacts_changed(sender, instance, action, **kwargs):
    # Contacts show on the job's page, never in a score.
    if action.startswith("post_") and hasattr(instance, "owner_id"):
        bump_data_version(instance.owner_id, careers=False)


def job_link_changed(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Job | Skill) or deleting_accounts(origin):
        return  # the job, the skill or the account is going: its own signal says so
    if first_for(origin, instance.job_id):
        touch_job(instance.job_id)


post_save.connect(job_changed, sender=Job, dispatch_uid="bump-save-Job")
post_delete.connect(job_changed, sender=Job, dispatch_uid="bump-delete-Job")
for link in (JobSkill, JobBenefit):
    post_save.connect(job_link_changed, sender=link, dispatch_uid=f"bump-save-{link.__name__}")
    post_delete.connect(job_link_changed, sender=link, dispatch_uid=f"bump-del-{link.__name__}")
m2m_changed.connect(job_links_changed, sender=Job.goals.through, dispatch_uid="bump-job-goals")
m2m_changed.connect(job_links_changed, sender=Job.skills.through, dispatch_uid="bump-job-skills")
m2m_changed.connect(
    job_contacts_changed, sender=Job.contacts.through, dispatch_uid="bump-job-contacts"
)
