"""factory_boy factories for Bearing's models.

Every factory that hangs off a person keeps its related rows with the same person: a
direction's skill belongs to the direction's owner, a job's skill to the job's owner.
"""

from datetime import date

import factory
from django.contrib.auth.models import User

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from core.models import DataVersion
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
            # A person's settings and data version, as sign-up makes them: so that pinned
            # query counts measure every later change, not the first one.
            Profile.objects.create(owner=obj)
            DataVersion.objects.create(owner=obj)


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


def long_history(owner, count):
    """A direction with target skills, values, a goal, learning and contacts, and `count`
    short freelance gigs from 2000 on that gain skills, give money, advance the goal and meet
    people: the same rows for 5 gigs or 5,000, for pinning query counts and timing pages."""
    from datetime import timedelta
    from decimal import Decimal

    skills = Skill.objects.named(owner, ["Rigging", "Lighting", "Sound"])
    direction = CareerDirection.objects.create(
        owner=owner, title="Stage technician", status="current", started_on=date(1999, 1, 1)
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(direction=direction, skill=skill, importance=2) for skill in skills
    )
    DirectionValue.objects.create(direction=direction, value="money", weight=3)
    goal = CareerGoal.objects.create(
        owner=owner,
        direction=direction,
        title="Tour",
        status="achieved",
        achieved_on=date(2001, 5, 1),
    )
    learning = Learning.objects.create(
        owner=owner, title="Rigging course", completed_on=date(2000, 6, 1)
    )
    learning.skills.set(skills[:1])
    contacts = Contact.objects.bulk_create(
        Contact(owner=owner, name=f"Crew {n}", context="On tour", notes="Private note")
        for n in range(3)
    )
    start = date(2000, 1, 1)
    jobs = Job.objects.bulk_create(
        Job(
            owner=owner,
            title=f"Gig {n}",
            employer=f"Client {n}",
            employment_type="freelance",
            stage="held",
            started_on=start + timedelta(days=10 * n),
            ended_on=start + timedelta(days=10 * n + 5),
            pay_amount=Decimal(500),
            pay_period="total",
            currency="EUR",
            identity_fit=1 + n % 5,
            lessons=f"Lesson {n}",
            avoid="late invoices",
        )
        for n in range(count)
    )
    JobSkill.objects.bulk_create(
        JobSkill(job=job, skill=skills[n % len(skills)], gained=n % 2 == 0)
        for n, job in enumerate(jobs)
    )
    JobBenefit.objects.bulk_create(JobBenefit(job=job, value="money") for job in jobs)
    Job.goals.through.objects.bulk_create(
        Job.goals.through(job_id=job.pk, careergoal_id=goal.pk) for job in jobs
    )
    Job.contacts.through.objects.bulk_create(
        Job.contacts.through(job_id=job.pk, contact_id=contacts[n % len(contacts)].pk)
        for n, job in enumerate(jobs)
    )
    return jobs
