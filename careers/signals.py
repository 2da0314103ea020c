"""Bump a person's data version whenever one of their rows changes."""

from django.contrib.auth import get_user_model
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
    bump_data_version,
)


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


def first_for(origin, key):
    """False when a QuerySet.delete() already signalled this key for an earlier row: its
    rows share one bump per direction or job, not one each."""
    if origin is None or isinstance(origin, Model):
        return True
    seen = origin.__dict__.setdefault("_bearing_bumped", set())
    if key in seen:
        return False
    seen.add(key)
    return True


def bump_direction_owner(sender, instance, origin=None, **kwargs):
    """A direction's target skill or value changed on its own (the admin, a shell)."""
    if isinstance(origin, CareerDirection | Skill | get_user_model()):
        return  # the direction, the skill or the account is going: its own signal says so
    if not first_for(origin, instance.direction_id):
        return
    owner_id = (
        CareerDirection.objects.filter(pk=instance.direction_id)
        .values_list("owner_id", flat=True)
        .first()
    )
    bump_data_version(owner_id)


connect(CareerDirection, CareerGoal, Contact, Learning, Skill)
for part in (DirectionSkill, DirectionValue):
    post_save.connect(bump_direction_owner, sender=part, dispatch_uid=f"bump-save-{part.__name__}")
    post_delete.connect(bump_direction_owner, sender=part, dispatch_uid=f"bump-del-{part.__name__}")
m2m_changed.connect(bump_on_m2m, sender=Learning.skills.through, dispatch_uid="bump-learning")
