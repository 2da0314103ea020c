"""factory_boy factories for Bearing's models.

Every factory that hangs off a person keeps its related rows with the same person: a
direction's skill belongs to the direction's owner, a job's skill to the job's owner.
"""

from datetime import date

import factory
from django.contrib.auth.models import User

from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Profile,
    Skill,
)
from jobs.models import Job, JobBenefit, JobSkill

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's signature
        if create:
            obj.save()
            # A person's settings, as the first change of their data makes them: so that
            # pinned query counts measure every later change, not the first one.
            Profile.objects.create(owner=obj)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")


class CareerDirectionFactory(factory.django.DjangoModelFactory):
    """A direction; "considering" by default, since a person may have only one current."""

    class Meta:
        model = CareerDirection

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Direction {n}")
    statement = "What this career means to me."
    status = "considering"
    started_on = date(2023, 6, 1)
    ended_on = None


class DirectionSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectionSkill

    direction = factory.SubFactory(CareerDirectionFactory)
    skill = factory.SubFactory(SkillFactory, owner=factory.SelfAttribute("..direction.owner"))
    importance = 2


class DirectionValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectionValue

    direction = factory.SubFactory(CareerDirectionFactory)
    value = "fulfillment"
    weight = 2


class CareerGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerGoal

    owner = factory.SubFactory(UserFactory)
    direction = factory.SubFactory(CareerDirectionFactory, owner=factory.SelfAttribute("..owner"))
    title = factory.Sequence(lambda n: f"Goal {n}")
    description = ""
    status = "active"
    priority = 2
    target_date = None
    achieved_on = None


class LearningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Learning
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Course {n}")
    provider = "Night school"
    kind = "course"
    started_on = date(2024, 2, 1)
    completed_on = None

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's signature
        if create and extracted:
            obj.skills.set(extracted)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    context = "Met at the gym"
    notes = ""
    last_contacted_on = None


class JobFactory(factory.django.DjangoModelFactory):
    """A held, ongoing part-time job."""

    class Meta:
        model = Job
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Job {n}")
    employer = "Rosa's Diner"
    employment_type = "part_time"
    stage = "held"
    started_on = date(2024, 1, 15)
    ended_on = None
    currency = "EUR"

    @factory.post_generation
    def goals(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's signature
        if create and extracted:
            obj.goals.set(extracted)

    @factory.post_generation
    def contacts(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's signature
        if create and extracted:
            obj.contacts.set(extracted)


class JobSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobSkill

    job = factory.SubFactory(JobFactory)
    skill = factory.SubFactory(SkillFactory, owner=factory.SelfAttribute("..job.owner"))
    gained = False


class JobBenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobBenefit

    job = factory.SubFactory(JobFactory)
    value = "money"
