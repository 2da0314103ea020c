"""Bump a person's data version whenever one of their rows changes."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import CareerDirection, CareerGoal, Contact, Learning, Skill, bump_data_version


def bump_owner(sender, instance, origin=None, **kwargs):
    if isinstance(origin, get_user_model()):
        return  # the whole account is being deleted: nothing is left to mark stale
    bump_data_version(instance.owner_id)


def connect(*models):
    """Bump the owner's data version on every save and delete of these owned models."""
    for model in models:
        post_save.connect(bump_owner, sender=model, dispatch_uid=f"bump-save-{model.__name__}")
        post_delete.connect(bump_owner, sender=model, dispatch_uid=f"bump-delete-{model.__name__}")


def bump_on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_") and hasattr(instance, "owner_id"):
        bump_data_version(instance.owner_id)


connect(CareerDirection, CareerGoal, Contact, Learning, Skill)
m2m_changed.connect(bump_on_m2m, sender=Learning.skills.through, dispatch_uid="bump-learning")
