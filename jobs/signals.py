"""Bump a person's data version whenever one of their jobs changes."""

from django.db.models.signals import m2m_changed

from careers.signals import bump_on_m2m, connect

from .models import Job

connect(Job)
m2m_changed.connect(bump_on_m2m, sender=Job.goals.through, dispatch_uid="bump-job-goals")
m2m_changed.connect(bump_on_m2m, sender=Job.contacts.through, dispatch_uid="bump-job-contacts")
