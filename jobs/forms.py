"""The job form: what a job was (or would be), what it paid and gave.

The skills a person's directions ask for are offered as choices to tick, so that a job and
a direction meet on the same names; any other skill is typed, with suggestions from the
person's own skills. Ratings are labelled choices. Only the title and, for a job held, the
start date are needed: the rest can be told later. The offer form builds on it
(`offer_forms`).
"""

from datetime import date

from crispy_forms.bootstrap import (
    Accordion,
    AccordionGroup,
    InlineCheckboxes,
    InlineRadios,
)
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row
from django import forms
from django.db.models import Case, IntegerField, When
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import Profile
from careers.forms import FindsOccupation, SkillNamesField, skill_names_text
from careers.models import DIRECTION_ORDER, CareerGoal, Contact, DirectionSkill, Skill, Value
from core import plausible
from core.forms import DateInput, OwnedModelForm, check_dates_in_order, columns
from core.models import CURRENCY_MESSAGE, currency_code
from jobs.models import (
    JOB_FIELDS,
    Fit,
    Job,
    JobBenefit,
    JobSkill,
    PayPeriod,
    Satisfaction,
    Schedule,
    Stage,
    hours_text,
    money_text,
)


class JobChanged(Exception):  # noqa: N818 - reads as what happened
    """The job was saved elsewhere since this form was opened: `current` is the job as saved
    now, `differences` {field: the saved value as a person reads it} where the form holds
    something else."""

    def __init__(self, current, differences):
        super().__init__(current, differences)
        self.current = current
        self.differences = differences


CONFLICT = (
    "This job was saved in another tab or device after you opened this page, so nothing of "
    "yours is saved yet. Where yours differs from what was saved, the field is marked with the "
    "saved value. To save yours over it, tick “Replace the saved version with mine” and save; "
    "to keep the saved version, cancel and open the job again."
)
# Fields of the form that are no part of the job: not compared with the saved version.
NOT_COMPARED = {"lock_version", "seen_version", "replace_theirs", "occupation_query", "once"}


def saved_text(field, value):
    """A saved value as the conflict shows it beside its field: “Head waiter”, or empty."""
    if value is None or value == "" or value == []:
        return "empty"
    items = value if isinstance(value, list | tuple) else [value]
    labels = {}
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
    words = [
        f"{item:%-d %b %Y}" if isinstance(item, date) else str(labels.get(str(item), item))
        for item in items
    ]
    text = ", ".join(words)
    return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"


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
    # Asked about when unlikely (core.plausible): a job of more than 50 years, more than
    # 100 hours a week, pay above its period's bound.
    confirmable = {
        "started_on": "Yes, these dates are right",
        "ended_on": "Yes, these dates are right",
        "hours_per_week": "Yes, these hours are right",
        "pay_amount": "Yes, this pay is right",
    }
    skills_used = SkillNamesField(
        label="Other skills you used", help_text="Comma-separated: anything else you used."
    )
    skills_gained = SkillNamesField(
        label="Other skills you gained", help_text="Comma-separated: what the job taught you."
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # After a conflict: the saved version the person was shown, and whether they chose to
    # replace it with theirs (the box is shown above the form then).
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    replace_theirs = forms.BooleanField(label="Replace the saved version with mine", required=False)
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
            HTML('{% include "alignment/_target_skills_hint.html" %}') if groups else HTML(""),
            *groups,
            "skills_used",
            "skills_gained",
        )

    def pay_layout(self):
        """Hours, schedule and pay: what the job asks and pays (not what the score counts)."""
        return [
            Row(*columns("hours_per_week", "schedule", width="col-sm-6 col-md-4")),
            # The currency has a column as wide as the others: its error is a sentence.
            Row(
                *columns("pay_amount", "pay_period", width="col-sm-6 col-md-4"),
                Column(Field("currency", css_class="input-currency"), css_class="col-md-4"),
            ),
        ]

    def names_layout(self):
        """The title and the employer, side by side."""
        return Row(*columns("title", "employer", width="col-md-6"))

    def gave_layout(self):
        """What the score counts of what the job gives: the things valued, the fit, the goals."""
        return [
            InlineCheckboxes("benefits"),
            InlineRadios("identity_fit"),
            Field("goals", wrapper_class="choice-list"),
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
                self.names_layout(),
                Row(
                    Column("employment_type", css_class="col-md-4"),
                    *columns("started_on", "ended_on", width="col-sm-6 col-md-4"),
                ),
                *self.pay_layout(),
            ),
            Fieldset(
                "What it gave you",
                HTML('{% include "jobs/_what_it_gave_hint.html" %}'),
                *self.gave_layout(),
                HTML('{% include "alignment/_no_goals_hint.html" %}'),
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
        self.check_length(cleaned.get("started_on"), cleaned.get("ended_on"))
        if cleaned.get("pay_amount") is not None and not cleaned.get("pay_period"):
            self.add_error("pay_period", "Per hour, week, month, year, or in total?")
        self.check_unlikely(cleaned)
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

    def check_length(self, started, ended):
        """A held job of more than 100 years cannot be; one of more than 50 is asked about."""
        if self.stage != Stage.HELD or not started or {"started_on", "ended_on"} & set(self.errors):
            return
        name = "ended_on" if ended else "started_on"
        length = plausible.years(started, ended or timezone.localdate())
        if ended:
            said = f"From {started:%Y} to {ended:%Y} is {length} years"
        else:
            said = f"Since {started:%Y}, it has gone on {length} years"
        if length > plausible.LONGEST_JOB_YEARS:
            self.add_error(
                name,
                f"{said}: nobody holds one job for more than {plausible.LONGEST_JOB_YEARS} "
                "years. Check the years.",
            )
        elif length > plausible.LONG_JOB_YEARS:
            self.ask(
                name,
                f"{said}, longer than almost any job ({plausible.LONG_JOB_YEARS} years). "
                "Is that right?",
                about=("started_on", "ended_on"),
            )

    def check_unlikely(self, cleaned):
        """More than 100 hours a week, or pay above its period's bound, is asked about."""
        hours = cleaned.get("hours_per_week")
        # Above 168 is no week at all: the model's validator refuses it.
        if hours is not None and plausible.LONG_WEEK_HOURS < hours <= plausible.WEEK_HOURS:
            self.ask(
                "hours_per_week",
                f"{hours_text(hours)} hours a week is more than almost anybody works "
                f"({plausible.LONG_WEEK_HOURS}; a week has {plausible.WEEK_HOURS}). Is that right?",
            )
        amount, period = cleaned.get("pay_amount"), cleaned.get("pay_period")
        bound = plausible.high_pay(amount, period)
        if bound and "pay_amount" not in self.errors:
            pay = f"{money_text(amount, cleaned.get('currency') or '')} {PayPeriod(period).label}"
            self.ask(
                "pay_amount",
                f"{pay} is more than almost anybody is paid ({bound}). Is that right? (In a "
                "currency of small units, such as yen or won, it may well be.)",
                about=("pay_amount", "pay_period", "currency"),
            )

    # -- two tabs, one job ---------------------------------------------------------------------

    def claim_version(self):
        """Compare-and-set the job's lock before writing anything: a form opened on an older
        version changes nothing (JobChanged), unless the person chose to replace the version
        they were shown, or the job was saved meanwhile with just what this form holds."""
        base = self.cleaned_data.get("lock_version") or 0
        seen = self.cleaned_data.get("seen_version")
        if self.cleaned_data.get("replace_theirs") and seen:
            base = seen
        if self.claimed(base):
            return
        current = Job.objects.get(pk=self.instance.pk, owner=self.owner)
        differences = self.differences(current)
        if not differences and self.claimed(current.lock_version):
            return
        raise JobChanged(current, differences)

    def claimed(self, version):
        moved = Job.objects.filter(pk=self.instance.pk, lock_version=version).update(
            lock_version=version + 1
        )
        if moved:
            self.instance.lock_version = version + 1
        return bool(moved)

    def differences(self, current):
        """{field: the saved value, as a person reads it} where this form holds something
        else than the job as saved now."""
        theirs = type(self)(instance=current, owner=self.owner)
        found = {}
        for name, field in self.fields.items():
            if name in NOT_COMPARED or name.startswith("sure_") or name not in theirs.fields:
                continue
            saved = theirs[name].initial
            if field.has_changed(saved, self[name].data):
                found[name] = saved_text(theirs.fields[name], saved)
        return found

    def show_conflict(self, changed):
        """Send the form back after JobChanged: each field that differs from the saved job
        marked with the saved value, and a box to replace the saved version, unticked, which
        applies to the version shown now (a later save elsewhere asks again)."""
        self.data = self.data.copy()
        self.data["seen_version"] = changed.current.lock_version
        self.data.pop("replace_theirs", None)
        for name, saved in changed.differences.items():
            self.add_error(name, f"Saved meanwhile: {saved}.")
        self.add_error(None, CONFLICT)
        self.conflicted = len(changed.differences)
        self.on_top.append(Field("replace_theirs", wrapper_class="replace-theirs"))

    def summary(self):
        if getattr(self, "conflicted", 0):
            count = self.conflicted
            fields = f"{count} field{'s' if count != 1 else ''} where yours differs"
            return (
                f"This job was saved elsewhere after you opened it: the {fields} "
                f"{'are' if count != 1 else 'is'} marked below. Nothing has been saved yet."
            )
        return super().summary()

    def save(self, commit=True):
        if self.instance.pk:
            self.claim_version()
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
