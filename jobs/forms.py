"""The job form: what a job was, what it paid and what it gave."""

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row
from django import forms
from django.utils import timezone

from careers.forms import (
    DateInput,
    OwnedModelForm,
    SkillNamesField,
    check_dates_in_order,
    skill_names_text,
)
from careers.models import (
    CURRENCY_MESSAGE,
    CareerGoal,
    Contact,
    Profile,
    Skill,
    Value,
    currency_code,
)

from .models import JOB_FIELDS, Job, JobBenefit, JobSkill, PayPeriod, Schedule, Stage


class JobChanged(Exception):
    """The job was saved elsewhere since this form was opened."""


class JobForm(OwnedModelForm):
    """A held job or an offer, with its skills, benefits, goals and contacts."""

    skills_used = SkillNamesField(label="Skills you used", help_text="Comma-separated.")
    skills_gained = SkillNamesField(
        label="Skills you gained", help_text="Comma-separated: what the job taught you."
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
        exclude = ["occupation"]  # linked from the occupation finder, not typed
        widgets = {
            "started_on": DateInput(),
            "ended_on": DateInput(),
            "goals": forms.CheckboxSelectMultiple,
            "contacts": forms.CheckboxSelectMultiple,
            "satisfaction": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "identity_fit": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }
        labels = {
            "title": "Job title",
            "stage": "This is",
            "pay_amount": "Pay",
            "goals": "Goals it advanced",
            "contacts": "People you met",
            "satisfaction": "Satisfaction (1–5)",
            "identity_fit": "Fit with who you are (1–5)",
            "avoid": "Avoid next time",
        }
        # "EURO" would otherwise only hear that it has more than 3 characters.
        error_messages = {"currency": {"max_length": CURRENCY_MESSAGE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [
            (Stage.HELD, "A job I had or have"),
            (Stage.OFFER, "An offer I am weighing"),
        ]
        self.fields["stage"].widget = forms.RadioSelect(choices=self.fields["stage"].choices)
        self.fields["schedule"].choices = [("", "Not said"), *Schedule.choices]
        self.fields["pay_period"].choices = [("", "Choose…"), *PayPeriod.choices]
        self.fields["goals"].queryset = CareerGoal.objects.owned_by(self.owner).select_related(
            "direction"
        )
        self.fields["contacts"].queryset = Contact.objects.owned_by(self.owner)
        self.fields["currency"].widget.attrs.update({"maxlength": 3, "placeholder": "EUR"})
        self.fields["hours_per_week"].widget.attrs.update({"min": 0, "max": 168, "step": "0.5"})
        self.fields["pay_amount"].widget.attrs.update({"min": 0, "step": "0.01"})
        self.initial["lock_version"] = self.instance.lock_version
        if self.instance.pk:
            links = list(self.instance.skill_links.select_related("skill"))
            self.initial.setdefault(
                "skills_used", skill_names_text(link.skill for link in links if not link.gained)
            )
            self.initial.setdefault(
                "skills_gained", skill_names_text(link.skill for link in links if link.gained)
            )
            self.initial.setdefault(
                "benefits", [link.value for link in self.instance.benefit_links.all()]
            )
        else:
            self.initial.setdefault("currency", Profile.for_user(self.owner).currency)

    def get_layout(self):
        return Layout(
            "lock_version",
            Fieldset(
                "The job",
                "stage",
                Row(
                    Column("title", css_class="col-md-6"), Column("employer", css_class="col-md-6")
                ),
                Row(
                    Column("employment_type", css_class="col-md-4"),
                    Column("started_on", css_class="col-sm-6 col-md-4"),
                    Column("ended_on", css_class="col-sm-6 col-md-4"),
                ),
                Row(
                    Column("hours_per_week", css_class="col-sm-6 col-md-3"),
                    Column("schedule", css_class="col-sm-6 col-md-3"),
                ),
                Row(
                    Column("pay_amount", css_class="col-sm-5 col-md-4"),
                    Column("pay_period", css_class="col-sm-4 col-md-4"),
                    Column("currency", css_class="col-sm-3 col-md-2"),
                ),
                "description",
            ),
            Fieldset(
                "What it gave you",
                InlineCheckboxes("benefits"),
                "skills_used",
                "skills_gained",
                Row(
                    Column("satisfaction", css_class="col-sm-6"),
                    Column("identity_fit", css_class="col-sm-6"),
                ),
            ),
            Fieldset(
                "Goals and people",
                Field("goals", wrapper_class="choice-list"),
                Field("contacts", wrapper_class="choice-list"),
                HTML('{% include "jobs/_no_goals_hint.html" %}'),
            ),
            Fieldset("Looking back", "lessons", "avoid"),
        )

    def clean_currency(self):
        currency = self.cleaned_data.get("currency") or ""
        return currency_code(currency) if currency.strip() else ""

    def clean(self):
        cleaned = super().clean()
        started = cleaned.get("started_on")
        check_dates_in_order(
            self, "started_on", "ended_on", "The job cannot end before it started."
        )
        if cleaned.get("stage") == Stage.HELD and "started_on" not in self.errors:
            if not started:
                self.add_error("started_on", "When did it start? A job you had needs a start date.")
            elif started > timezone.localdate():
                self.add_error(
                    "started_on",
                    "A job you had cannot start in the future. Is it an offer you are weighing?",
                )
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
        job = super().save(commit=True)
        JobSkill.objects.filter(job=job).delete()
        links = [
            JobSkill(job=job, skill=skill, gained=gained)
            for field, gained in (("skills_used", False), ("skills_gained", True))
            for skill in Skill.objects.named(self.owner, self.cleaned_data[field])
        ]
        JobSkill.objects.bulk_create(links)
        JobBenefit.objects.filter(job=job).delete()
        JobBenefit.objects.bulk_create(
            JobBenefit(job=job, value=value) for value in self.cleaned_data["benefits"]
        )
        return job
