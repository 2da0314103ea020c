"""The offer form (only what fits a job not yet taken) and "Mark as accepted", which turns an offer
into a held job from the date asked."""

from crispy_forms.bootstrap import (
    FieldWithButtons,
    StrictButton,
)
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms

from careers.forms import SkillNamesField
from careers.models import Value
from core.forms import DateInput, PlainMessages
from core.words import day
from jobs.forms import GAINED, USED, JobForm
from jobs.models import (
    Stage,
)


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
                self.names_layout(),
                Row(
                    Column("employment_type", css_class="col-md-4"),
                    Column("started_on", css_class="col-sm-6 col-md-4"),
                ),
                *self.pay_layout(),
                "description",
            ),
            Fieldset(
                "What it would give you",
                *self.gave_layout(),
            ),
            self.skills_layout(),
            self.occupation_layout(),
        )

    def check_start(self, started):
        """An offer may start any day, or on a day not known yet."""


class TookItForm(PlainMessages, forms.Form):
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
