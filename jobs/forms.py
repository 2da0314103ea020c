"""The job form and the offer form: what a job was (or would be), what it paid and gave.

The skills a person's directions ask for are offered as choices to tick, so that a job and
a direction meet on the same names; any other skill is typed, with suggestions from the
person's own skills. Ratings are labelled choices. Only the title and, for a job held, the
start date are needed: the rest can be told later.
"""

from crispy_forms.bootstrap import (
    Accordion,
    AccordionGroup,
    FieldWithButtons,
    InlineCheckboxes,
    InlineRadios,
    StrictButton,
)
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row
from django import forms
from django.db.models import Case, IntegerField, When
from django.db.models.functions import Lower
from django.utils import timezone

from careers.alignment import day
from careers.forms import (
    DateInput,
    FindsOccupation,
    OwnedModelForm,
    SkillNamesField,
    check_dates_in_order,
    skill_names_text,
)
from careers.models import (
    CURRENCY_MESSAGE,
    DIRECTION_ORDER,
    CareerGoal,
    Contact,
    DirectionSkill,
    Profile,
    Skill,
    Value,
    currency_code,
)

from .models import (
    JOB_FIELDS,
    Fit,
    Job,
    JobBenefit,
    JobSkill,
    PayPeriod,
    Satisfaction,
    Schedule,
    Stage,
)


class JobChanged(Exception):
    """The job was saved elsewhere since this form was opened."""


NOT_SAID = ("", "Not said")
USED, GAINED = "used", "gained"


# The most target skills a job form offers to tick (the rest are typed under "Other skills"),
# so the form stays a form however many directions a person weighs.
TICKABLE = 100


def target_skills(owner):
    """The skills the person's directions ask for, to tick on a job: grouped by direction
    (the current one, then those considered, then past ones), most important first, each
    skill once, under the first direction that asks for it; at most TICKABLE in all.

    Returns ([(direction, [skill, ...]), ...], whether some were left out)."""
    rank = Case(
        *(When(direction__status=status, then=n) for status, n in DIRECTION_ORDER.items()),
        output_field=IntegerField(),
    )
    links = (
        DirectionSkill.objects.filter(direction__owner=owner)
        .select_related("skill", "direction")
        .annotate(rank=rank)
        .order_by("rank", Lower("direction__title"), "direction_id", "-importance", "skill__name")
    )
    # Read twice the limit: a skill several directions ask for comes once per direction.
    read = list(links[: 2 * TICKABLE])
    groups, seen = {}, set()
    for link in read:
        if link.skill_id not in seen and len(seen) < TICKABLE:
            seen.add(link.skill_id)
            groups.setdefault(link.direction_id, (link.direction, []))[1].append(link.skill)
    more = len(read) == 2 * TICKABLE or len({link.skill_id for link in read}) > TICKABLE
    return list(groups.values()), more


class JobForm(FindsOccupation, OwnedModelForm):
    """A job the person had or has, with its skills, values, goals and contacts."""

    stage = Stage.HELD
    no_occupation = "No occupation: this job is not one of them"
    skills_used = SkillNamesField(
        label="Other skills you used", help_text="Comma-separated: anything else you used."
    )
    skills_gained = SkillNamesField(
        label="Other skills you gained", help_text="Comma-separated: what the job taught you."
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    benefits = forms.MultipleChoiceField(
        label="Values it gave you",
        choices=Value.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Job
        fields = [*JOB_FIELDS, "goals", "contacts"]
        exclude = ["stage"]
        widgets = {
            "started_on": DateInput(),
            "ended_on": DateInput(),
            "goals": forms.CheckboxSelectMultiple,
            "contacts": forms.CheckboxSelectMultiple,
            "satisfaction": forms.RadioSelect,
            "identity_fit": forms.RadioSelect,
        }
        labels = {
            "title": "Job title",
            "started_on": "Started",
            "ended_on": "Ended",
            "pay_amount": "Pay",
            "goals": "Goals it advanced",
            "contacts": "People you met there",
            "satisfaction": "How did you like it?",
            "identity_fit": "How much was it you?",
            "description": "What the work was",
            "lessons": "What it taught you",
            "avoid": "Avoid next time",
        }
        help_texts = {
            "ended_on": "Leave empty while the job goes on.",
            "identity_fit": "How much the job fitted who you are: it counts in the score.",
            "avoid": "One phrase a line (e.g. night shifts): an offer that mentions one is "
            "flagged.",
            "lessons": "",
        }
        # "EURO" would otherwise only hear that it has more than 3 characters.
        error_messages = {"currency": {"max_length": CURRENCY_MESSAGE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.stage = self.stage
        self.add_occupation()
        choices = {
            "schedule": [NOT_SAID, *Schedule.choices],
            "pay_period": [("", "Choose…"), *PayPeriod.choices],
            "satisfaction": [NOT_SAID, *Satisfaction.choices],
            "identity_fit": [NOT_SAID, *Fit.choices],
        }
        for name, options in choices.items():
            if name in self.fields:
                self.fields[name].choices = options
        self.fields["employment_type"].label = "Kind of work"
        if self.stage == Stage.HELD:
            self.fields["started_on"].required = True
            self.fields["started_on"].error_messages["required"] = (
                "When did it start? A job you had needs a start date."
            )
        goals = CareerGoal.objects.owned_by(self.owner).select_related("direction")
        self.fields["goals"].queryset = goals
        contacts = Contact.objects.owned_by(self.owner)
        if "contacts" in self.fields:
            self.fields["contacts"].queryset = contacts
        self.fields["currency"].widget.attrs.update({"maxlength": 3, "placeholder": "EUR"})
        self.fields["hours_per_week"].widget.attrs.update({"min": 0, "max": 168, "step": "0.5"})
        self.fields["pay_amount"].widget.attrs.update({"min": 0, "step": "0.01"})
        self.initial["lock_version"] = self.instance.lock_version
        links = list(self.instance.skill_links.select_related("skill")) if self.instance.pk else []
        self.target_groups, self.more_targets = target_skills(self.owner)
        self.targets = [skill for _, skills in self.target_groups for skill in skills]
        targeted = {skill.pk for skill in self.targets}
        for skill in self.targets:
            self.fields[self.target_field(skill)] = self.target_choice(skill)
        for link in links:
            if link.skill_id in targeted:
                self.initial.setdefault(self.target_field(link.skill), self.link_value(link))
        others = [link for link in links if link.skill_id not in targeted]
        if self.instance.pk:
            self.initial.setdefault(
                "skills_used", skill_names_text(link.skill for link in others if not link.gained)
            )
            self.initial.setdefault(
                "skills_gained", skill_names_text(link.skill for link in others if link.gained)
            )
            self.initial.setdefault(
                "benefits", [link.value for link in self.instance.benefit_links.all()]
            )
        else:
            self.initial.setdefault("currency", Profile.for_user(self.owner).currency)
        if "contacts" in self.fields and not contacts.exists():
            del self.fields["contacts"]  # an empty list would only be a bare label

    # -- the direction's skills, to tick ---------------------------------------------------

    @staticmethod
    def target_field(skill):
        return f"target_{skill.pk}"

    @staticmethod
    def link_value(link):
        return GAINED if link.gained else USED

    def target_choice(self, skill):
        return forms.ChoiceField(
            label=skill.name,
            choices=[("", "Not in this job"), (USED, "Used"), (GAINED, "Gained")],
            required=False,
            widget=forms.RadioSelect,
        )

    def ticked(self):
        """(skill, gained?) for each target skill ticked."""
        return [
            (skill, self.cleaned_data.get(self.target_field(skill)) == GAINED)
            for skill in self.targets
            if self.cleaned_data.get(self.target_field(skill)) in (USED, GAINED)
        ]

    # -- layout ------------------------------------------------------------------------------

    def skills_layout(self):
        # Each direction's skills under its own title (a template variable: a title is
        # the person's text, escaped like any other).
        groups = [
            Fieldset(
                f"{{{{ form.target_groups.{n}.0.title }}}} "
                f'<span class="text-body-secondary fw-normal">'
                f"({{{{ form.target_groups.{n}.0.get_status_display|lower }}}})</span>",
                *(
                    InlineRadios(self.target_field(skill), wrapper_class="target-skill")
                    for skill in skills
                ),
                css_class="target-group",
            )
            for n, (_, skills) in enumerate(self.target_groups)
        ]
        return Fieldset(
            "Skills",
            HTML('{% include "jobs/_target_skills_hint.html" %}') if groups else HTML(""),
            *groups,
            "skills_used",
            "skills_gained",
        )

    def pay_layout(self):
        """Hours, schedule and pay: what the job asks and pays (not what the score counts)."""
        return [
            Row(
                Column("hours_per_week", css_class="col-sm-6 col-md-4"),
                Column("schedule", css_class="col-sm-6 col-md-4"),
            ),
            # The currency has a column as wide as the others: its error is a sentence.
            Row(
                Column("pay_amount", css_class="col-sm-6 col-md-4"),
                Column("pay_period", css_class="col-sm-6 col-md-4"),
                Column(Field("currency", css_class="input-currency"), css_class="col-md-4"),
            ),
        ]

    def get_layout(self):
        more = ["description", InlineRadios("satisfaction")]
        if "contacts" in self.fields:
            more.append(Field("contacts", wrapper_class="choice-list"))
        more += ["lessons", "avoid"]
        return Layout(
            "lock_version",
            Fieldset(
                "The job",
                Row(
                    Column("title", css_class="col-md-6"),
                    Column("employer", css_class="col-md-6"),
                ),
                Row(
                    Column("employment_type", css_class="col-md-4"),
                    Column("started_on", css_class="col-sm-6 col-md-4"),
                    Column("ended_on", css_class="col-sm-6 col-md-4"),
                ),
                *self.pay_layout(),
            ),
            Fieldset(
                "What it gave you",
                HTML(
                    '<p class="form-text mt-0">These are what the score counts. Save now and '
                    "tell them later if you like.</p>"
                ),
                InlineCheckboxes("benefits"),
                InlineRadios("identity_fit"),
                Field("goals", wrapper_class="choice-list"),
                HTML('{% include "jobs/_no_goals_hint.html" %}'),
            ),
            self.skills_layout(),
            self.occupation_layout(),
            Accordion(
                AccordionGroup(
                    "More about the job (the work, how you liked it, people, lessons…)",
                    *more,
                    active=False,
                )
            ),
        )

    # -- checks and saving -------------------------------------------------------------------

    def clean_currency(self):
        currency = self.cleaned_data.get("currency") or ""
        return currency_code(currency) if currency.strip() else ""

    def clean(self):
        cleaned = super().clean()
        check_dates_in_order(
            self, "started_on", "ended_on", "The job cannot end before it started."
        )
        self.check_start(cleaned.get("started_on"))
        if cleaned.get("pay_amount") is not None and not cleaned.get("pay_period"):
            self.add_error("pay_period", "Per hour, week, month, year, or in total?")
        used = {name.casefold(): name for name in cleaned.get("skills_used") or []}
        both = [name for name in cleaned.get("skills_gained") or [] if name.casefold() in used]
        if both and "skills_gained" not in self.errors:
            self.add_error(
                "skills_gained",
                f"{', '.join(both)} is also under skills you used: list each skill once.",
            )
        return cleaned

    def check_start(self, started):
        if started and started > timezone.localdate():
            self.add_error(
                "started_on",
                "A job you had cannot start in the future. Is it an offer? Weigh it as an "
                "offer instead.",
            )

    def save(self, commit=True):
        if self.instance.pk:
            # Compare-and-set before writing anything: a stale form changes nothing.
            opened = self.cleaned_data.get("lock_version") or 0
            moved = Job.objects.filter(pk=self.instance.pk, lock_version=opened).update(
                lock_version=opened + 1
            )
            if not moved:
                raise JobChanged
            self.instance.lock_version = opened + 1
        self.instance.stage = self.stage
        job = super().save(commit=True)
        JobSkill.objects.filter(job=job).delete()
        ticked = self.ticked()
        taken = {skill.pk for skill, _ in ticked}
        typed = [
            (skill, gained)
            for field, gained in (("skills_used", False), ("skills_gained", True))
            for skill in Skill.objects.named(self.owner, self.cleaned_data[field])
        ]
        JobSkill.objects.bulk_create(
            JobSkill(job=job, skill=skill, gained=gained)
            for skill, gained in [*ticked, *[(s, g) for s, g in typed if s.pk not in taken]]
        )
        JobBenefit.objects.filter(job=job).delete()
        JobBenefit.objects.bulk_create(
            JobBenefit(job=job, value=value) for value in self.cleaned_data["benefits"]
        )
        return job


class OfferForm(JobForm):
    """An offer the person is weighing: only what fits an offer."""

    stage = Stage.OFFER
    skills_used = SkillNamesField(label="Other skills it would use", help_text="Comma-separated.")
    skills_gained = SkillNamesField(label="Skills it would teach you", help_text="Comma-separated.")
    benefits = forms.MultipleChoiceField(
        label="What it would give you",
        choices=Value.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(JobForm.Meta):
        fields = [
            "title",
            "employer",
            "employment_type",
            "started_on",
            "hours_per_week",
            "schedule",
            "pay_amount",
            "pay_period",
            "currency",
            "identity_fit",
            "description",
            "goals",
            "occupation",
        ]
        exclude = []
        labels = {
            **JobForm.Meta.labels,
            "title": "The job offered",
            "started_on": "It would start",
            "identity_fit": "How much would it be you?",
            "description": "What the work would be (and its hours, shifts, travel…)",
            "goals": "Goals it would advance",
        }
        help_texts = {
            "started_on": "If you know.",
            "identity_fit": "Your best guess: it counts in the score.",
            "description": "An offer is flagged where this mentions something you noted to avoid.",
        }

    def target_choice(self, skill):
        return forms.ChoiceField(
            label=skill.name,
            choices=[("", "No"), (USED, "It would use it"), (GAINED, "It would teach it")],
            required=False,
            widget=forms.RadioSelect,
        )

    def get_layout(self):
        return Layout(
            "lock_version",
            Fieldset(
                "The offer",
                Row(
                    Column("title", css_class="col-md-6"),
                    Column("employer", css_class="col-md-6"),
                ),
                Row(
                    Column("employment_type", css_class="col-md-4"),
                    Column("started_on", css_class="col-sm-6 col-md-4"),
                ),
                *self.pay_layout(),
                "description",
            ),
            Fieldset(
                "What it would give you",
                InlineCheckboxes("benefits"),
                InlineRadios("identity_fit"),
                Field("goals", wrapper_class="choice-list"),
            ),
            self.skills_layout(),
            self.occupation_layout(),
        )

    def check_start(self, started):
        """An offer may start any day, or on a day not known yet."""


class TookItForm(forms.Form):
    """The day the person started a job they were offered and took."""

    started_on = forms.DateField(
        label="The day you started",
        widget=DateInput(),
        error_messages={
            "required": "When did you start? A job you have needs its first day.",
            "invalid": "Use a date such as 2024-01-15.",
        },
    )

    def __init__(self, *args, offer, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer, self.today = offer, today
        starts = offer.started_on
        # The offer's own start when it has come; today when it has none; nothing to
        # offer when it is still to come (the page says so).
        self.starts_later = starts is not None and starts > today
        self.initial["started_on"] = None if self.starts_later else (starts or today)
        self.fields["started_on"].widget.attrs["max"] = today.isoformat()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            FieldWithButtons(
                "started_on",
                StrictButton("Count it among my jobs", type="submit", css_class="btn-primary"),
                css_class="took-it-date",
            )
        )

    def clean_started_on(self):
        started = self.cleaned_data["started_on"]
        if started > self.today:
            raise forms.ValidationError(
                "%(day)s is still to come: a job counts among yours from the day you start. "
                "Mark it once you have started.",
                params={"day": day(started)},
            )
        ended = self.offer.ended_on
        if ended and started > ended:
            raise forms.ValidationError(
                "It ends on %(day)s: the day you started comes before that.",
                params={"day": day(ended)},
            )
        return started
