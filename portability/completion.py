"""Completing imported jobs, one after another, so that the first dashboard means something.

An imported position says when and where, but not what it gave or which skills it used: it
is undescribed, and the alignment leaves it out of its numbers. These pages take the person
through their undescribed jobs, newest first, each with the job form and the target skills
of the direction it is set against to tick.
"""

from typing import cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from careers.models import Skill
from core.models import bump_data_version
from jobs.forms import JobChanged, JobForm
from jobs.models import Job, JobBenefit, JobSkill
from jobs.offer_forms import OfferForm

LISTED = 20  # undescribed jobs named on the list; the rest are counted


def undescribed(user: User) -> QuerySet[Job]:
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


def after(jobs: QuerySet[Job], job: Job) -> QuerySet[Job]:
    """Those of `jobs` that come after `job` in newest-first order."""
    if job.started_on is None:
        later = Q(started_on__isnull=True, pk__lt=job.pk) | Q(started_on__isnull=False)
    else:
        later = Q(started_on__lt=job.started_on) | Q(started_on=job.started_on, pk__lt=job.pk)
    return jobs.filter(later)


def job_list(request: HttpRequest) -> HttpResponse:
    """The jobs that still need details, the newest first, and the way through them."""
    jobs = undescribed(cast(User, request.user))
    count = jobs.count()
    listed = list(
        jobs.values("id", "title", "employer", "stage", "started_on", "ended_on")[:LISTED]
    )
    return render(
        request,
        "portability/complete_list.html",
        {"jobs": listed, "count": count, "more": max(count - len(listed), 0)},
    )


def complete_job(request: HttpRequest, pk: int) -> HttpResponse:
    """One job's details, then on to the next job that needs them (or back to the list)."""
    job = get_object_or_404(Job, pk=pk, owner=request.user)
    # The job form (or the offer form) offers the directions' target skills to tick, as
    # everywhere.
    form_class = OfferForm if job.is_offer else JobForm
    form = form_class(request.POST or None, instance=job, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                bump_data_version(cast(User, request.user).pk)
        except JobChanged as changed:
            form.show_conflict(changed)  # the fields that differ, and a box to replace them
        except IntegrityError:
            form.add_error(
                None,
                "Something saved at the same moment, in another tab or device, clashed with "
                "this. Nothing was saved: look at it again and save.",
            )
        else:
            messages.success(request, f"Saved “{job}”.")
            return redirect(next_step(request, job))
    remaining = undescribed(cast(User, request.user))
    following = after(remaining, job).values_list("pk", flat=True).first()
    return render(
        request,
        "portability/complete_job.html",
        {
            "job": job,
            "form": form,
            "has_targets": bool(form.targets),
            "remaining": remaining.count(),
            "skip_url": following_url(following),
            "skill_suggestions": list(
                Skill.objects.owned_by(cast(User, request.user)).values_list("name", flat=True)
            ),
        },
    )


def following_url(pk: int | None) -> str:
    if pk is None:
        return reverse("account_import_complete")
    return reverse("account_import_complete_job", args=[pk])


def next_step(request: HttpRequest, job: Job) -> str:
    """Where a saved job leads: the next job after it that needs details; else the list of
    those skipped; else, when every job has its details, the dashboard."""
    remaining = undescribed(cast(User, request.user))
    following = after(remaining, job).values_list("pk", flat=True).first()
    if following is not None:
        return following_url(following)
    if remaining.exists():
        messages.info(request, "That was the oldest one. The jobs you skipped are below.")
        return reverse("account_import_complete")
    messages.info(request, "Every job has its details now: here is how they add up.")
    return reverse("alignment:dashboard")
