"""The direction side's data: directions, goals, skills, learning, contacts and the values list."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse

from careers import occupations
from core.models import OwnedQuerySet, choices_check, dates_in_order, range_check
from core.vocabulary import OPEN_GOALS
from core.words import clean_name


class Value(models.TextChoices):
    """What a person seeks from work, and what a job gave them: one list for both sides."""

    MONEY = "money", "Money"
    SECURITY = "security", "Security"
    EXPERIENCE = "experience", "Experience"
    SKILLS = "skills", "Skills"
    CONNECTIONS = "connections", "Connections"
    FULFILLMENT = "fulfillment", "Fulfillment"
    IDENTITY = "identity", "Identity"
    FLEXIBILITY = "flexibility", "Flexible hours"
    INNOVATION = "innovation", "Innovation"


# Values listed in this order wherever order is not weight (the export, the API).
VALUE_ORDER = {value: index for index, value in enumerate(Value.values)}


class Importance(models.IntegerChoices):
    """Goal priority, target-skill importance and value weight."""

    NICE = 1, "Nice to have"
    IMPORTANT = 2, "Important"
    ESSENTIAL = 3, "Essential"


# The shape of an O*NET-SOC code, for the database (PostgreSQL and Python's re both read \A
# and \Z as the very start and end: "$" would let a trailing newline through on SQLite).
OCCUPATION_CODE_REGEX = r"\A[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z"


def occupation_field():
    """The optional link of a direction or a job to an O*NET occupation, by its code."""
    return models.CharField(
        max_length=10,
        blank=True,
        validators=[occupations.validate_code],
        help_text="The O*NET-SOC code of the occupation (e.g. 27-2021.00), if any.",
    )


def occupation_check(name):
    """A check constraint that an occupation link is blank or has the shape of a code."""
    return models.CheckConstraint(
        condition=Q(occupation="") | Q(occupation__regex=OCCUPATION_CODE_REGEX), name=name
    )


class SkillQuerySet(OwnedQuerySet):
    def named(self, user, names):
        """The person's skills with these names (matched folded), creating the missing ones.

        Returns them in the order of `names`, without duplicates.
        """
        wanted = {}
        for name in names:
            cleaned = clean_name(name)
            if cleaned:
                wanted.setdefault(cleaned.casefold(), cleaned)
        if not wanted:
            return []
        existing = {skill.name.casefold(): skill for skill in self.owned_by(user)}
        result = []
        for folded, cleaned in wanted.items():
            skill = existing.get(folded)
            if skill is None:
                skill = self.create_or_get(user, cleaned)
                existing[folded] = skill
            result.append(skill)
        return result

    def create_or_get(self, user, name):
        """A new skill, or the one of that name another request made a moment ago."""
        try:
            with transaction.atomic():
                return self.create(owner=user, name=name)
        except IntegrityError:
            return next(s for s in self.owned_by(user) if s.name.lower() == name.lower())


class Skill(models.Model):
    """A skill in one person's own vocabulary; names are unique per person, case-insensitively."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), "owner", name="skill_name_unique_per_owner"),
            models.CheckConstraint(condition=~Q(name=""), name="skill_name_not_blank"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("careers:skill_detail", args=[self.pk])


class DirectionStatus(models.TextChoices):
    CURRENT = "current", "Current"
    PAST = "past", "Past"
    CONSIDERING = "considering", "Considering"


# Directions are listed the current one first, then those considered, then past ones.
DIRECTION_ORDER = {
    DirectionStatus.CURRENT: 0,
    DirectionStatus.CONSIDERING: 1,
    DirectionStatus.PAST: 2,
}


class DirectionQuerySet(OwnedQuerySet):
    def current(self):
        return self.filter(status=DirectionStatus.CURRENT)


class CareerDirection(models.Model):
    """A career a person builds (or built, or is considering): what it means, needs and gives."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    occupation = occupation_field()
    statement = models.TextField(
        blank=True, help_text="What this career means to you, in your own words."
    )
    status = models.CharField(
        max_length=11, choices=DirectionStatus.choices, default=DirectionStatus.CURRENT
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    target_skills = models.ManyToManyField(
        Skill, through="DirectionSkill", related_name="directions", blank=True
    )

    objects = DirectionQuerySet.as_manager()

    class Meta:
        verbose_name = "career direction"
        ordering = ["status", "-started_on", "title"]
        indexes = [models.Index(fields=["owner", "status"])]
        constraints = [
            dates_in_order("started_on", "ended_on", "direction_dates_in_order"),
            choices_check("status", DirectionStatus, "direction_status_valid"),
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(status=DirectionStatus.CURRENT),
                name="one_current_direction_per_owner",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="direction_title_not_blank"),
            occupation_check("direction_occupation_code"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:direction_detail", args=[self.pk])

    def linked_occupation(self):
        """The O*NET occupation this direction is linked to (careers.occupations), or None."""
        return occupations.get(self.occupation) if self.occupation else None


class DirectionSkill(models.Model):
    """A skill a direction needs, and how much: 1 nice, 2 important, 3 essential."""

    direction = models.ForeignKey(
        CareerDirection, on_delete=models.CASCADE, related_name="skill_links"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="direction_links")
    importance = models.PositiveSmallIntegerField(
        choices=Importance.choices, default=Importance.IMPORTANT
    )

    class Meta:
        ordering = ["-importance", Lower("skill__name")]
        constraints = [
            models.UniqueConstraint(fields=["direction", "skill"], name="direction_skill_once"),
            range_check("importance", 1, 3, "direction_skill_importance_range"),
        ]

    def __str__(self):
        return f"{self.skill} ({self.get_importance_display().lower()}) for {self.direction}"


class DirectionValue(models.Model):
    """A value a person seeks from a direction, with its weight 1–3."""

    direction = models.ForeignKey(
        CareerDirection, on_delete=models.CASCADE, related_name="value_links"
    )
    value = models.CharField(max_length=20, choices=Value.choices)
    weight = models.PositiveSmallIntegerField(
        choices=Importance.choices, default=Importance.IMPORTANT
    )

    class Meta:
        ordering = ["-weight", "value"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "value"], name="direction_value_once"),
            choices_check("value", Value, "direction_value_valid"),
            range_check("weight", 1, 3, "direction_value_weight_range"),
        ]

    def __str__(self):
        weight = self.get_weight_display().lower()
        return f"{self.get_value_display()} ({weight}) for {self.direction}"


class GoalStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ACTIVE = "active", "Active"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Dropped"


class GoalQuerySet(OwnedQuerySet):
    def open(self):
        """Goals still to reach: neither achieved nor dropped."""
        return self.filter(status__in=OPEN_GOALS)


class CareerGoal(models.Model):
    """A goal under a direction (or under none yet), with its status and priority."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    direction = models.ForeignKey(
        CareerDirection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    priority = models.PositiveSmallIntegerField(
        choices=Importance.choices, default=Importance.IMPORTANT
    )
    target_date = models.DateField(null=True, blank=True)
    achieved_on = models.DateField(null=True, blank=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = "goal"
        ordering = ["-priority", "target_date", "title"]
        indexes = [models.Index(fields=["owner", "status"])]
        constraints = [
            choices_check("status", GoalStatus, "goal_status_valid"),
            range_check("priority", 1, 3, "goal_priority_range"),
            models.CheckConstraint(
                condition=~Q(status=GoalStatus.ACHIEVED) | Q(achieved_on__isnull=False),
                name="achieved_goal_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status=GoalStatus.ACHIEVED) | Q(achieved_on__isnull=True),
                name="only_achieved_goal_has_date",
                violation_error_message="Only an achieved goal has a date it was achieved on.",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="goal_title_not_blank"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:goal_detail", args=[self.pk])

    @property
    def is_open(self):
        """Still to reach: neither achieved nor dropped."""
        return self.status in OPEN_GOALS


class LearningKind(models.TextChoices):
    DEGREE = "degree", "Degree"
    COURSE = "course", "Course"
    CERTIFICATE = "certificate", "Certificate"
    SELF_STUDY = "self_study", "Self-study"


class Learning(models.Model):
    """A degree, course, certificate or self-study, and the skills it teaches."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200, blank=True)
    kind = models.CharField(
        max_length=11, choices=LearningKind.choices, default=LearningKind.COURSE
    )
    started_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(
        null=True, blank=True, help_text="Leave empty while you are still learning."
    )
    skills = models.ManyToManyField(Skill, related_name="learning", blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = [models.F("started_on").desc(nulls_first=True), "title"]
        verbose_name = "learning entry"
        verbose_name_plural = "learning"
        constraints = [
            dates_in_order("started_on", "completed_on", "learning_dates_in_order"),
            choices_check("kind", LearningKind, "learning_kind_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="learning_title_not_blank"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:learning_detail", args=[self.pk])


class Contact(models.Model):
    """Somebody in the person's network, and where they met."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    context = models.CharField(
        max_length=200, blank=True, help_text="Where you met, or what connects you."
    )
    notes = models.TextField(blank=True)
    last_contacted_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="contact_name_not_blank"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("careers:contact_detail", args=[self.pk])
