"""Completing imported jobs, one after another, so that the first dashboard means something.

An imported position says when and where, but not what it gave or which skills it used: it
is undescribed, and the alignment leaves it out of its numbers. These pages take the person
through their undescribed jobs, newest first, each with the job form and the target skills
of the direction it is set against to tick.
"""

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from careers import alignment
from careers.forms import split_skill_names
from careers.models import DirectionSkill, Skill, bump_data_version, fold_name
from jobs import history
from jobs.forms import JobChanged, JobForm
from jobs.models import Job, JobBenefit, JobSkill

LISTED = 20  # undescribed jobs named on the list; the rest are counted


def undescribed(user):
    """The person's jobs that tell nothing to score (no skills, values, goals or rating of
    their fit), newest first: the ones the dashboard lists as needing details."""
    return (
        Job.objects.owned_by(user)
        .filter(identity_fit__isnull=True)
        .filter(~Exists(JobSkill.objects.filter(job=OuterRef("pk"))))
        .filter(~Exists(JobBenefit.objects.filter(job=OuterRef("pk"))))
        .filter(~Exists(Job.goals.through.objects.filter(job=OuterRef("pk"))))
        .newest_first()
    )


def after(jobs, job):
    """Those of `jobs` that come after `job` in newest-first order."""
    if job.started_on is None:
        later = Q(started_on__isnull=True, pk__lt=job.pk) | Q(started_on__isnull=False)
    else:
        later = Q(started_on__lt=job.started_on) | Q(started_on=job.started_on, pk__lt=job.pk)
    return jobs.filter(later)


def job_list(request):
    """The jobs that still need details, the newest first, and the way through them."""
    jobs = undescribed(request.user)
    count = jobs.count()
    listed = list(
        jobs.values("id", "title", "employer", "stage", "started_on", "ended_on")[:LISTED]
    )
    return render(
        request,
        "account/complete_list.html",
        {"jobs": listed, "count": count, "more": max(count - len(listed), 0)},
    )


def direction_skills(user, job, today):
    """The direction a job is set against (as the dashboard chooses it) and its target skills
    as (name, importance), most important first: 2 queries."""
    directions = [
        alignment.DirectionData(
            id=row.id,
            title=row.title,
            status=row.status,
            started_on=row.started_on,
            ended_on=row.ended_on,
        )
        for row in history.directions(user).values()
    ]
    data = alignment.JobData(
        id=job.pk,
        title=job.title,
        employer=job.employer,
        stage=job.stage,
        started_on=job.started_on,
        ended_on=job.ended_on,
    )
    direction = alignment.choose_direction(data, directions, today)
    if direction is None:
        return None, []
    links = (
        DirectionSkill.objects.filter(direction_id=direction.id, direction__owner=user)
        .order_by("-importance", Lower("skill__name"))
        .values_list("skill__name", "importance")
    )
    return direction, list(links)


class CompleteJobForm(JobForm):
    """The job form, with the target skills of the job's direction to tick as skills it used.

    Ticked skills join the skills typed under "Skills you used" (a skill also typed under
    "Skills you gained" stays gained)."""

    def __init__(self, *args, direction=None, target_skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.direction = direction
        if not target_skills:
            return
        names = [name for name, _ in target_skills]
        self.fields["direction_skills"] = forms.MultipleChoiceField(
            label=f"Skills “{direction.title}” needs that this job used",
            choices=[(name, name) for name in names],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text="Tick those you used; type any others below.",
        )
        targets = {fold_name(name): name for name in names}
        typed = split_skill_names(self.initial.get("skills_used", ""))
        self.initial["direction_skills"] = [
            targets[fold_name(name)] for name in typed if fold_name(name) in targets
        ]
        self.initial["skills_used"] = ", ".join(
            name for name in typed if fold_name(name) not in targets
        )

    def get_layout(self):
        """The job form's layout, with "What it gave you" first and the ticks at its top."""
        layout = super().get_layout()
        gave = next(
            (
                part
                for part in layout.fields
                if hasattr(part, "get_field_names")
                and "skills_used" in [pointer.name for pointer in part.get_field_names()]
            ),
            None,
        )
        if "direction_skills" in self.fields:
            if gave is None:
                layout.fields.insert(0, "direction_skills")
            else:
                gave.fields.insert(0, "direction_skills")
        if gave is not None:
            layout.fields.remove(gave)
            layout.fields.insert(1, gave)
        return layout

    def clean(self):
        ticked = self.cleaned_data.get("direction_skills") or []
        if ticked and "skills_used" in self.cleaned_data:
            used = list(self.cleaned_data["skills_used"])
            known = {
                fold_name(name) for name in used + (self.cleaned_data.get("skills_gained") or [])
            }
            used += [name for name in ticked if fold_name(name) not in known]
            self.cleaned_data["skills_used"] = used
        return super().clean()


def complete_job(request, pk):
    """One job's details, then on to the next job that needs them (or back to the list)."""
    job = get_object_or_404(Job, pk=pk, owner=request.user)
    today = timezone.localdate()
    direction, target_skills = direction_skills(request.user, job, today)
    form = CompleteJobForm(
        request.POST or None,
        instance=job,
        owner=request.user,
        direction=direction,
        target_skills=target_skills,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                bump_data_version(request.user.pk)
        except JobChanged:
            current = Job.objects.owned_by(request.user).get(pk=job.pk)
            form.data = form.data.copy()
            form.data["lock_version"] = current.lock_version  # saving again keeps these values
            form.add_error(
                None,
                "This job was changed elsewhere (another tab or device) since you opened it. "
                "Your changes are below, not saved yet: save again to keep them.",
            )
        except IntegrityError:
            form.add_error(
                None,
                "Something saved at the same moment, in another tab or device, clashed with "
                "this. Nothing was saved: look at it again and save.",
            )
        else:
            messages.success(request, f"Saved “{job}”.")
            return redirect(next_step(request, job))
    remaining = undescribed(request.user)
    following = after(remaining, job).values_list("pk", flat=True).first()
    return render(
        request,
        "account/complete_job.html",
        {
            "job": job,
            "form": form,
            "direction": direction,
            "remaining": remaining.count(),
            "skip_url": following_url(following),
            "skill_suggestions": list(
                Skill.objects.owned_by(request.user).values_list("name", flat=True)
            ),
        },
    )


def following_url(pk):
    if pk is None:
        return reverse("account_import_complete")
    return reverse("account_import_complete_job", args=[pk])


def next_step(request, job):
    """Where a saved job leads: the next job after it that needs details; else the list of
    those skipped; else, when every job has its details, the dashboard."""
    remaining = undescribed(request.user)
    following = after(remaining, job).values_list("pk", flat=True).first()
    if following is not None:
        return following_url(following)
    if remaining.exists():
        messages.info(request, "That was the oldest one. The jobs you skipped are below.")
        return reverse("account_import_complete")
    messages.info(request, "Every job has its details now: here is how they add up.")
    return reverse("jobs:dashboard")
