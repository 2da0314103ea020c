"""The page "Your next job" (/next/): the bridges toward a direction, a job linked to an
occupation in one click, how bridges are found, and the offer form filled from a bridge."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from alignment import bridges, next_job
from alignment.asked import (
    asks_direction,
    of_direction,
)
from careers import occupations
from careers.models import Importance
from careers.views import back_to
from core.models import bump_data_version
from jobs.models import Job


@asks_direction
def next_job_page(request: HttpRequest, asked: int | None) -> HttpResponse:
    """Which job to look for next: the bridges toward the direction asked for (any of the
    person's, considering ones included), or else the current one."""
    context = of_direction(next_job.page, request.user, timezone.localdate(), asked)
    return render(request, "alignment/next.html", context)


@require_POST
@transaction.atomic
def link_occupation(request: HttpRequest, pk: int) -> HttpResponse:
    """Link one of the person's jobs to the occupation its title found, in one click."""
    job = get_object_or_404(Job, pk=pk, owner=cast(User, request.user))
    code = request.POST.get("occupation", "")
    occupation = occupations.get(code) if occupations.is_code(code) else None
    if occupation is None:
        messages.error(
            request,
            f"Bearing does not know that occupation: nothing was linked. Choose one on "
            f"the page of “{job.title}”.",
        )
    else:
        # An edit form of this job opened before the link would now save over it: moving
        # its lock version makes that form say the job changed instead.
        Job.objects.filter(pk=job.pk, owner=cast(User, request.user)).update(
            occupation=code, lock_version=F("lock_version") + 1
        )
        bump_data_version(cast(User, request.user).pk)
        messages.success(request, f"Linked “{job.title}” to {occupation.title}.")
    return HttpResponseRedirect(back_to(request, reverse("alignment:next")))


@login_not_required
def how_bridges_work(request: HttpRequest) -> HttpResponse:
    """How the bridges are found, in Bearing's own words."""
    zones = occupations.zones()
    return render(
        request,
        "alignment/next_how.html",
        {
            "zones": list(zones.values()),
            "window_years": 5,
            "recent_limit": next_job.RECENT_JOBS,
            "zone_step": bridges.ZONE_STEP,
            "zone_without_history": zones[bridges.ZONE_WITHOUT_HISTORY],
            "important": bridges.IMPORTANT,
            "importance": Importance,
            "weights": (bridges.PROFILE_WEIGHT, bridges.SKILLS_WEIGHT),
            "limit": bridges.LIMIT,
        },
    )
