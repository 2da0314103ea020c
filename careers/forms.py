"""Forms for the direction side; each carries its crispy layout in its helper."""

import re

from crispy_forms.bootstrap import FieldWithButtons, StrictButton
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row
from django import forms
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils import timezone

from careers import occupations
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionStatus,
    DirectionValue,
    GoalStatus,
    Importance,
    Learning,
    Skill,
    Value,
)
from core.forms import DateInput, OwnedModelForm, check_dates_in_order, columns
from core.words import clean_name, fold_name


def split_skill_names(text):
    """Skill names typed comma-separated or one a line, cleaned, empties dropped, in order."""
    names = []
    seen = set()
    for part in re.split(r"[,\n;]", text or ""):
        name = clean_name(part)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class SkillNamesField(forms.CharField):
    """Skill names typed as text; suggestions come from the person's own skills."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2000)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {
                "list": "skill-suggestions",
                "autocomplete": "off",
                "data-skill-input": "",
                "placeholder": "e.g. Public speaking, Stage presence",
            }
        )

    def clean(self, value):
        names = split_skill_names(super().clean(value))
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(
                "A skill name can have at most 100 characters (%(name)s… is longer).",
                params={"name": too_long[0][:30]},
            )
        return names


def skill_names_text(skills):
    return ", ".join(skill.name for skill in skills)


class FindsOccupation:
    """A form with an `occupation` link, found by typing a title and pressing Find (the page
    reloads with the matches to choose from, nothing typed lost; a little script of ours
    offers them as one types). The form must have "occupation" among its model fields."""

    FIND = "find_occupation"
    # The choice of none, in the form's own words (a job form says "this job").
    no_occupation = "No occupation: my career is not one of them"

    def add_occupation(self):
        self.finding = self.is_bound and self.FIND in self.data
        query = (self.data.get("occupation_query", "") if self.is_bound else "").strip()[:200]
        self.occupation_matches = occupations.search(query) if query else []
        # Unbound, the occupation may come in as an initial value (careers.prefill).
        chosen = (
            self.data.get("occupation", "")
            if self.is_bound
            else (self.initial.get("occupation") or self.instance.occupation)
        )
        choices = [("", self.no_occupation)]
        for code in (self.instance.occupation, chosen):
            found = occupations.get(code) if occupations.is_code(code or "") else None
            if found and all(code != known for known, _ in choices):
                choices.append((code, f"{found.title} ({code})"))
        for match in self.occupation_matches:
            if all(match.code != known for known, _ in choices):
                label = (
                    match.title
                    if match.matched == match.title
                    else (f"{match.title} — as “{match.matched}”")
                )
                choices.append((match.code, label))
        self.fields["occupation"] = forms.ChoiceField(
            label="Occupation",
            choices=choices,
            required=False,
            widget=forms.RadioSelect(attrs={"data-occupation-choice": ""}),
            error_messages={
                "invalid_choice": "Bearing does not know that occupation: find it again."
            },
        )
        self.fields["occupation_query"] = forms.CharField(
            label="Find the occupation",
            required=False,
            max_length=200,
            help_text="Type a job title and press Find (for example wrestler, waiter, nurse). "
            "Linking one offers its skills; nothing is added unless you choose it.",
        )
        self.fields["occupation_query"].widget.attrs.update(
            {
                "data-occupation-search": reverse("api:occupation_search"),
                "autocomplete": "off",
            }
        )

    def occupation_layout(self):
        return Fieldset(
            "Occupation (optional)",
            FieldWithButtons(
                "occupation_query",
                StrictButton(
                    "Find",
                    type="submit",
                    name=self.FIND,
                    value="1",
                    css_class="btn-outline-primary",
                ),
            ),
            Field("occupation", wrapper_class="occupation-choices"),
            HTML("{% load occupations %}{% onet_attribution %}"),
        )

    def full_clean(self):
        if getattr(self, "finding", False):
            # Finding an occupation saves nothing and finds no fault: the page reloads with
            # the matches, and with everything typed so far.
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()


IMPORTANCE_FIELDS = {
    Importance.ESSENTIAL: "essential_skills",
    Importance.IMPORTANT: "important_skills",
    Importance.NICE: "nice_skills",
}
WEIGHT_CHOICES = [("", "Not important to me"), *Importance.choices]


class DirectionForm(FindsOccupation, OwnedModelForm):
    """A career direction, its target skills by importance and its values by weight, and
    the occupation it is (if any)."""

    essential_skills = SkillNamesField(label="Essential skills")
    important_skills = SkillNamesField(label="Important skills")
    nice_skills = SkillNamesField(label="Nice-to-have skills")

    class Meta:
        model = CareerDirection
        fields = ["title", "statement", "status", "started_on", "ended_on", "occupation"]
        widgets = {"started_on": DateInput(), "ended_on": DateInput()}
        labels = {"title": "Career direction", "statement": "What it means to you"}
        help_texts = {
            "title": "e.g. Professional wrestler, Game developer, Homemaker.",
            "status": "Current: the one you are building now (one at a time). "
            "Considering: a change you are weighing.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_occupation()
        for value in Value:
            self.fields[f"value_{value.value}"] = forms.TypedChoiceField(
                label=value.label,
                choices=WEIGHT_CHOICES,
                coerce=int,
                required=False,
                empty_value=None,
            )
        if self.instance.pk:
            by_importance = {importance: [] for importance in IMPORTANCE_FIELDS}
            for link in self.instance.skill_links.select_related("skill"):
                by_importance[link.importance].append(link.skill)
            for importance, name in IMPORTANCE_FIELDS.items():
                self.initial.setdefault(name, skill_names_text(by_importance[importance]))
            for link in self.instance.value_links.all():
                self.initial.setdefault(f"value_{link.value}", link.weight)

    def get_layout(self):
        value_fields = [f"value_{value.value}" for value in Value]
        return Layout(
            Fieldset(
                "The direction",
                "title",
                "statement",
                Row(
                    Column("status", css_class="col-md-4"),
                    *columns("started_on", "ended_on", width="col-sm-6 col-md-4"),
                ),
            ),
            self.occupation_layout(),
            Fieldset(
                "Skills it needs",
                HTML('{% include "careers/_skill_names_hint.html" %}'),
                "essential_skills",
                "important_skills",
                "nice_skills",
            ),
            Fieldset(
                "What you value from work in it",
                Row(*columns(*value_fields, width="col-sm-6 col-lg-4")),
            ),
        )

    def clean(self):
        cleaned = super().clean()
        check_dates_in_order(self, "started_on", "ended_on", "The end comes before the start.")
        status = cleaned.get("status")
        if status == DirectionStatus.CURRENT:
            others = CareerDirection.objects.owned_by(self.owner).current()
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            other = others.first()
            if other:
                self.add_error(
                    "status",
                    f"“{other.title}” is your current direction. Mark it past or "
                    "considering first, or choose another status here.",
                )
        seen = {}
        for name in IMPORTANCE_FIELDS.values():
            for skill_name in cleaned.get(name) or []:
                folded = skill_name.casefold()
                if folded in seen and name not in self.errors:
                    self.add_error(
                        name,
                        f"{skill_name} is already listed under "
                        f"{self.fields[seen[folded]].label.lower()}.",
                    )
                seen.setdefault(folded, name)
        return cleaned

    def save(self, commit=True):
        direction = super().save(commit=True)
        DirectionSkill.objects.filter(direction=direction).delete()
        links = []
        for importance, name in IMPORTANCE_FIELDS.items():
            skills = Skill.objects.named(self.owner, self.cleaned_data.get(name) or [])
            links += [
                DirectionSkill(direction=direction, skill=skill, importance=importance)
                for skill in skills
            ]
        DirectionSkill.objects.bulk_create(links)
        DirectionValue.objects.filter(direction=direction).delete()
        DirectionValue.objects.bulk_create(
            DirectionValue(direction=direction, value=value.value, weight=weight)
            for value in Value
            if (weight := self.cleaned_data.get(f"value_{value.value}"))
        )
        return direction


class GoalForm(OwnedModelForm):
    """A goal under one of the person's directions."""

    class Meta:
        model = CareerGoal
        fields = [
            "title",
            "direction",
            "description",
            "status",
            "priority",
            "target_date",
            "achieved_on",
        ]
        widgets = {"target_date": DateInput(), "achieved_on": DateInput()}
        help_texts = {"achieved_on": "Needed when the goal is achieved."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].queryset = CareerDirection.objects.owned_by(self.owner)
        self.fields["direction"].empty_label = "Not under a direction"

    def get_layout(self):
        return Layout(
            "title",
            "direction",
            "description",
            Row(
                *columns(
                    "status", "priority", "target_date", "achieved_on", width="col-sm-6 col-md-3"
                )
            ),
        )

    def clean(self):
        cleaned = super().clean()
        achieved = cleaned.get("status") == GoalStatus.ACHIEVED
        achieved_on = cleaned.get("achieved_on")
        if "achieved_on" in self.errors or "status" in self.errors:
            return cleaned
        if achieved and not achieved_on:
            self.add_error("achieved_on", "When did you achieve it? Give the date.")
        elif achieved_on and not achieved:
            status = dict(GoalStatus.choices).get(cleaned.get("status"), "not achieved")
            self.add_error(
                "achieved_on",
                f"A goal that is {status.lower()} has not been achieved: clear this date, or "
                "set the status to Achieved.",
            )
        elif achieved_on and achieved_on > timezone.localdate():
            self.add_error(
                "achieved_on",
                "It cannot be achieved on a day still to come: give the day you achieved it, "
                "or keep the goal active until then.",
            )
        return cleaned


class LearningForm(OwnedModelForm):
    """A degree, course, certificate or self-study, and the skills it teaches."""

    skill_names = SkillNamesField(label="Skills it teaches")

    class Meta:
        model = Learning
        fields = ["title", "provider", "kind", "started_on", "completed_on"]
        widgets = {"started_on": DateInput(), "completed_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("skill_names", skill_names_text(self.instance.skills.all()))

    def get_layout(self):
        return Layout(
            Row(Column("title", css_class="col-md-8"), Column("kind", css_class="col-md-4")),
            "provider",
            Row(*columns("started_on", "completed_on", width="col-sm-6")),
            "skill_names",
        )

    def clean(self):
        cleaned = super().clean()
        check_dates_in_order(
            self, "started_on", "completed_on", "It cannot be completed before it started."
        )
        completed = cleaned.get("completed_on")
        if completed and completed > timezone.localdate() and "completed_on" not in self.errors:
            self.add_error(
                "completed_on",
                "It cannot be completed on a day still to come: leave this empty while you are "
                "still learning, and give the day you finish then.",
            )
        return cleaned

    def save(self, commit=True):
        learning = super().save(commit=True)
        learning.skills.set(Skill.objects.named(self.owner, self.cleaned_data["skill_names"]))
        return learning


class ContactForm(OwnedModelForm):
    """Somebody in the person's network."""

    class Meta:
        model = Contact
        fields = ["name", "context", "last_contacted_on", "notes"]
        widgets = {"last_contacted_on": DateInput()}

    def get_layout(self):
        return Layout(
            Row(*columns("name", "context", width="col-md-6")),
            "last_contacted_on",
            "notes",
        )

    def clean(self):
        cleaned = super().clean()
        contacted = cleaned.get("last_contacted_on")
        if contacted and contacted > timezone.localdate():
            self.add_error(
                "last_contacted_on",
                "The last time you were in touch cannot be a day still to come.",
            )
        return cleaned


class SkillForm(OwnedModelForm):
    """One skill of the person's vocabulary; a folded duplicate is refused."""

    class Meta:
        model = Skill
        fields = ["name"]

    def clean_name(self):
        name = clean_name(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Give the skill a name.")
        # Folded in Python, as Skill.objects.named matches: SQLite's LOWER() folds only ASCII,
        # so a filter on Lower("name") let "ärger" in beside "Ärger".
        others = Skill.objects.owned_by(self.owner).exclude(pk=self.instance.pk)
        existing = next(
            (skill for skill in others if fold_name(skill.name) == fold_name(name)), None
        )
        if existing:
            raise forms.ValidationError(f"You already have this skill, as “{existing.name}”.")
        return name
