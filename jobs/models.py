"""The job side's data: jobs held and offers weighed, and what each gave."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse

from careers import occupations
from careers.models import CareerGoal, Contact, Skill, Value, occupation_check, occupation_field
from core.models import CURRENCY_PATTERN, OwnedQuerySet, choices_check, dates_in_order, range_check


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    CONTRACT = "contract", "Contract"
    FREELANCE = "freelance", "Freelance"
    INTERNSHIP = "internship", "Internship"
    VOLUNTEER = "volunteer", "Volunteer"
    UNPAID = "unpaid", "Unpaid (e.g. caring for a household)"


class Schedule(models.TextChoices):
    REGULAR = "regular", "Regular hours"
    SHIFTS = "shifts", "Shifts"
    FLEXIBLE = "flexible", "Flexible"


class Stage(models.TextChoices):
    HELD = "held", "Held"
    OFFER = "offer", "Offer"


class Satisfaction(models.IntegerChoices):
    """How much the person liked the job, 1 to 5."""

    HATED = 1, "Hated it"
    DISLIKED = 2, "Disliked it"
    OK = 3, "It was all right"
    LIKED = 4, "Liked it"
    LOVED = 5, "Loved it"


class Fit(models.IntegerChoices):
    """How much the job fitted who the person is, 1 to 5 (the score's identity part)."""

    NOT_ME = 1, "Not me at all"
    A_LITTLE = 2, "A little like me"
    PARTLY = 3, "Partly me"
    MOSTLY = 4, "Mostly me"
    COMPLETELY = 5, "Completely me"


class PayPeriod(models.TextChoices):
    HOUR = "hour", "per hour"
    WEEK = "week", "per week"
    MONTH = "month", "per month"
    YEAR = "year", "per year"
    TOTAL = "total", "in total"


# A job's own columns, as a person enters them: the job form and the import read this list
# (the export and its spreadsheet name theirs in portability/export.py).
JOB_FIELDS = (
    "title",
    "occupation",
    "employer",
    "employment_type",
    "started_on",
    "ended_on",
    "hours_per_week",
    "schedule",
    "pay_amount",
    "pay_period",
    "currency",
    "stage",
    "satisfaction",
    "identity_fit",
    "description",
    "lessons",
    "avoid",
)


def avoid_phrases(text):
    """Avoid notes as phrases: one a line, trimmed, blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class JobQuerySet(OwnedQuerySet):
    def held(self):
        return self.filter(stage=Stage.HELD)

    def offers(self):
        return self.filter(stage=Stage.OFFER)

    def ongoing(self):
        return self.held().filter(ended_on__isnull=True)

    def newest_first(self):
        return self.order_by(F("started_on").desc(nulls_first=True), "-pk")


WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12


def money_text(amount, currency=""):
    """Money as Bearing writes it everywhere: "11.50 EUR", "32,000 EUR" (no cents on a
    whole amount), thousands grouped."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{cents:,.0f}" if cents == cents.to_integral_value() else f"{cents:,.2f}"
    return f"{text} {currency}".strip()


def pay_text(amount, period, currency):
    """Pay as a person reads it, e.g. "11.50 EUR per hour", or "" when not given."""
    if amount is None:
        return ""
    return f"{money_text(amount, currency)} {PayPeriod(period).label if period else ''}".strip()


def hours_text(hours):
    """Hours as Bearing writes them: "25", "37.5" (never "25.0")."""
    return f"{hours.normalize():f}"


def hourly_pay(amount, period, hours, days=None):
    """Pay for an hour's work, as a Decimal, or None when it cannot be told (pay by the
    week, month, year or in total needs the hours a week; in total, the days too)."""
    if amount is None or not period:
        return None
    if period == PayPeriod.HOUR:
        return amount
    if not hours:
        return None
    if period == PayPeriod.TOTAL:
        return None if not days else amount * 7 / (Decimal(days) * hours)
    yearly = annual_pay(amount, period, hours, days)
    return yearly / (hours * WEEKS_A_YEAR)


def annual_pay(amount, period, hours, days=None):
    """A job's pay over a year, as a Decimal in its own currency, or None when unknown.

    Hourly pay needs the hours a week; pay "in total" (a one-off contract) is spread over
    the job's `days`.
    """
    if amount is None or not period:
        return None
    if period == PayPeriod.HOUR:
        return None if not hours else amount * hours * WEEKS_A_YEAR
    if period == PayPeriod.WEEK:
        return amount * WEEKS_A_YEAR
    if period == PayPeriod.MONTH:
        return amount * MONTHS_A_YEAR
    if period == PayPeriod.YEAR:
        return amount
    if period == PayPeriod.TOTAL and days:
        return amount * Decimal(365) / Decimal(days)
    return None


class Job(models.Model):
    """A job a person had or has (held), or one they are weighing (offer)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    occupation = occupation_field()
    employer = models.CharField(max_length=200, blank=True)
    employment_type = models.CharField(
        max_length=10, choices=EmploymentType.choices, default=EmploymentType.FULL_TIME
    )
    stage = models.CharField(max_length=5, choices=Stage.choices, default=Stage.HELD)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(
        null=True, blank=True, help_text="Leave empty while the job goes on."
    )
    hours_per_week = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(168))],
    )
    schedule = models.CharField(max_length=8, choices=Schedule.choices, blank=True)
    pay_amount = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    pay_period = models.CharField(max_length=5, choices=PayPeriod.choices, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    skills = models.ManyToManyField(Skill, through="JobSkill", related_name="jobs", blank=True)
    goals = models.ManyToManyField(CareerGoal, related_name="jobs", blank=True)
    contacts = models.ManyToManyField(Contact, related_name="jobs", blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        choices=Satisfaction.choices, null=True, blank=True
    )
    identity_fit = models.PositiveSmallIntegerField(
        choices=Fit.choices,
        null=True,
        blank=True,
        help_text="How much this job fitted who you are.",
    )
    description = models.TextField(blank=True)
    lessons = models.TextField(blank=True, help_text="What this job taught you.")
    avoid = models.TextField(
        blank=True,
        help_text="What to avoid next time, one phrase a line (e.g. night shifts). "
        "Offers that mention one are flagged.",
    )
    # The job form's edit lock: raised by every save through the form, so that a form
    # opened on an older lock_version is told the job changed instead of silently
    # overwriting the other change.
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = [F("started_on").desc(nulls_first=True), "-pk"]
        indexes = [models.Index(fields=["owner", "stage", "started_on"])]
        constraints = [
            dates_in_order("started_on", "ended_on", "job_dates_in_order"),
            models.CheckConstraint(
                condition=~Q(stage=Stage.HELD) | Q(started_on__isnull=False),
                name="held_job_has_start_date",
            ),
            choices_check("stage", Stage, "job_stage_valid"),
            choices_check("employment_type", EmploymentType, "job_employment_type_valid"),
            models.CheckConstraint(
                condition=Q(schedule="") | Q(schedule__in=Schedule.values),
                name="job_schedule_valid",
            ),
            models.CheckConstraint(
                condition=Q(pay_period="") | Q(pay_period__in=PayPeriod.values),
                name="job_pay_period_valid",
            ),
            range_check("hours_per_week", 0, 168, "job_hours_range", nullable=True),
            models.CheckConstraint(
                condition=Q(pay_amount__isnull=True) | Q(pay_amount__gte=0),
                name="job_pay_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(currency="") | Q(currency__regex=CURRENCY_PATTERN),
                name="job_currency_iso",
            ),
            range_check("satisfaction", 1, 5, "job_satisfaction_range", nullable=True),
            range_check("identity_fit", 1, 5, "job_identity_fit_range", nullable=True),
            models.CheckConstraint(condition=~Q(title=""), name="job_title_not_blank"),
            occupation_check("job_occupation_code"),
        ]

    def __str__(self):
        return f"{self.title}, {self.employer}" if self.employer else self.title

    def get_absolute_url(self):
        return reverse("alignment:job_detail", args=[self.pk])

    def linked_occupation(self):
        """The O*NET occupation this job is linked to (careers.occupations), or None."""
        return occupations.get(self.occupation) if self.occupation else None

    @property
    def is_offer(self):
        return self.stage == Stage.OFFER

    @property
    def is_ongoing(self):
        return self.stage == Stage.HELD and self.ended_on is None

    def avoid_phrases(self):
        """The avoid notes as phrases: one a line, trimmed, blank lines dropped."""
        return avoid_phrases(self.avoid)

    def pay_display(self):
        """Pay as a person reads it, e.g. "11.50 EUR per hour", or "" when not given."""
        return pay_text(self.pay_amount, self.pay_period, self.currency)

    def hours_display(self):
        """ "25" hours a week, or "" when not given."""
        return "" if self.hours_per_week is None else hours_text(self.hours_per_week)


class JobSkill(models.Model):
    """A skill a job used, or gave (gained)."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="job_links")
    gained = models.BooleanField(default=False, help_text="Learned in this job, not brought to it.")

    class Meta:
        ordering = [Lower("skill__name")]
        constraints = [
            models.UniqueConstraint(fields=["job", "skill"], name="job_skill_once"),
        ]

    def __str__(self):
        verb = "gained" if self.gained else "used"
        return f"{self.skill} ({verb}) in {self.job}"


class JobBenefit(models.Model):
    """A value a job gave the person (from the shared values list)."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="benefit_links")
    value = models.CharField(max_length=20, choices=Value.choices)

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["job", "value"], name="job_benefit_once"),
            choices_check("value", Value, "job_benefit_valid"),
        ]

    def __str__(self):
        return f"{self.get_value_display()} from {self.job}"
