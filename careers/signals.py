"""Bump a person's data version whenever one of their rows changes."""

from django.contrib.auth import get_user_model
from django.db.models import F, Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Profile,
    Skill,
    bump_data_version,
)


def deleting_accounts(origin):
    """Whether a delete comes from deleting people (one, or a QuerySet of them)."""
    User = get_user_model()
    return isinstance(origin, User) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, User)
    )


def bump_owner(sender, instance, origin=None, **kwargs):
    if deleting_accounts(origin):
        return  # whole accounts are being deleted: nothing is left to mark stale
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
    if isinstance(origin, CareerDirection | Skill) or deleting_accounts(origin):
        return  # the direction, the skill or the account is going: its own signal says so
    if not first_for(origin, instance.direction_id):
        return
    owner_id = (
        CareerDirection.objects.filter(pk=instance.direction_id)
        .values_list("owner_id", flat=True)
        .first()
    )
    bump_data_version(owner_id)


def bump_on_user_save(sender, instance, created, update_fields=None, **kwargs):
    # The dashboard greets a person without a direction by name (a rename in the admin).
    # Only an existing profile is bumped: without one, nothing is cached (jobs.cache).
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    Profile.objects.filter(owner_id=instance.pk).update(data_version=F("data_version") + 1)


connect(CareerDirection, CareerGoal, Contact, Learning, Skill)
post_save.connect(bump_on_user_save, sender=get_user_model(), dispatch_uid="bump-user")
for part in (DirectionSkill, DirectionValue):
    post_save.connect(bump_direction_owner, sender=part, dispatch_uid=f"bump-save-{part.__name__}")
    post_delete.connect(bump_direction_owner, sender=part, dispatch_uid=f"bump-del-{part.__name__}")
m2m_changed.connect(bump_on_m2m, sender=Learning.skills.through, dispatch_uid="bump-learning")
# direction.target_skills.add(...) and skill.directions.add(...) insert without post_save.
m2m_changed.connect(
    bump_on_m2m, sender=CareerDirection.target_skills.through, dispatch_uid="bump-target-skills"
)
