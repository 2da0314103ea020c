"""The page "Your next job" (/next/): the bridges toward a direction, a job linked to an
occupation in one click, how bridges are found, and the offer form filled from a bridge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from careers import bridges, occupations
from careers.models import bump_data_version
from careers.prefill import occupation_prefill, skill_names
from careers.views import back_to

from . import next_job
from .asked import Canonical, asked_direction, redirect_canonical
from .forms import GAINED, USED, OfferForm, target_skills
from .models import Job


def next_job_page(request):
    """Which job to look for next: the bridges toward the direction asked for (any of the
    person's, considering ones included), or else the current one."""
    today = timezone.localdate()
    try:
        asked = asked_direction(request)
    except Canonical as canonical:
        return redirect_canonical(request, canonical.query)
    try:
        context = next_job.page(request.user, today, asked)
    except LookupError:
        raise Http404("No such direction.") from None
    return render(request, "jobs/next.html", context)


@require_POST
@transaction.atomic
def link_occupation(request, pk):
    """Link one of the person's jobs to the occupation its title found, in one click."""
    job = get_object_or_404(Job, pk=pk, owner=request.user)
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
        Job.objects.filter(pk=job.pk, owner=request.user).update(
            occupation=code, lock_version=F("lock_version") + 1
        )
        bump_data_version(request.user.pk)
        messages.success(request, f"Linked “{job.title}” to {occupation.title}.")
    return HttpResponseRedirect(back_to(request, reverse("jobs:next")))


@login_not_required
def how_bridges_work(request):
    """How the bridges are found, in Bearing's own words."""
    zones = occupations.zones()
    return render(
        request,
        "jobs/next_how.html",
        {
            "zones": list(zones.values()),
            "window_years": 5,
            "recent_limit": next_job.RECENT_JOBS,
            "zone_step": bridges.ZONE_STEP,
            "zone_without_history": zones[bridges.ZONE_WITHOUT_HISTORY],
            "important": bridges.IMPORTANT,
            "weights": (bridges.PROFILE_WEIGHT, bridges.SKILLS_WEIGHT),
            "limit": bridges.LIMIT,
        },
    )


def offer_prefill(request):
    """Initial values of the offer form from its address (a bridge's "Weigh it as an
    offer"): the title and occupation, the skills it would teach (`teach`) and use (`use`).
    A target skill of the person's directions is ticked as taught or used; the others are
    typed in. Nothing is saved until the person saves. 1 query when skills are asked."""
    initial = occupation_prefill(request)
    teach = skill_names(request, "teach")
    taught = {name.casefold() for name in teach}
    use = [name for name in skill_names(request, "use") if name.casefold() not in taught]
    if not (teach or use):
        return initial
    ticked = set()
    groups, _ = target_skills(request.user)  # the skills the form offers to tick
    for skill in (skill for _, skills in groups for skill in skills):
        folded = skill.name.casefold()
        if folded in taught or folded in {name.casefold() for name in use}:
            initial[OfferForm.target_field(skill)] = GAINED if folded in taught else USED
            ticked.add(folded)
    initial["skills_gained"] = ", ".join(n for n in teach if n.casefold() not in ticked)
    initial["skills_used"] = ", ".join(n for n in use if n.casefold() not in ticked)
    return initial
