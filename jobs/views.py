"""The job side's pages: the job timeline, each job, the dashboard, and the alignment API."""

from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils import timezone

from careers.views import OwnedCreateView, OwnedDeleteView, OwnedUpdateView

from . import explain
from .api import alignment_document
from .dashboard import assess_history, gather
from .forms import JobForm
from .models import Job, JobSkill, Stage


def _asked_direction(request, history):
    """The `?direction=ID` asked for: None when absent, 404 when not one of the person's."""
    raw = request.GET.get("direction")
    if raw in (None, ""):
        return None
    try:
        direction_id = int(raw)
    except ValueError:
        raise Http404("No such direction.") from None
    if direction_id not in {direction.id for direction in history.directions}:
        raise Http404("No such direction.")
    return direction_id


def dashboard(request):
    """The signed-in person's home: their job history set against their direction."""
    history = gather(request.user)
    direction_id = _asked_direction(request, history)
    today = timezone.localdate()
    result = assess_history(history, direction_id=direction_id, today=today)
    context = explain.build(history, result, today)
    context["what_if"] = direction_id is not None and (
        result.direction is None or result.direction.status != "current"
    )
    return render(request, "jobs/dashboard.html", context)


def compare(request):
    """Every direction of the person's, with the whole history set against each in turn."""
    history = gather(request.user)
    today = timezone.localdate()
    rows = [
        assess_history(history, direction_id=direction.id, today=today)
        for direction in sorted(
            history.directions, key=lambda d: {"current": 0, "considering": 1}.get(d.status, 2)
        )
    ]
    return render(request, "jobs/compare.html", {"rows": rows, "has_jobs": bool(history.jobs)})


def alignment_api(request):
    """GET /api/v1/alignment/: the dashboard's numbers as JSON (DESIGN.md's shape)."""
    history = gather(request.user)
    direction_id = _asked_direction(request, history)
    result = assess_history(history, direction_id=direction_id)
    return JsonResponse(alignment_document(result))


def job_list(request):
    """The timeline of held jobs, newest first, with the offers being weighed above it."""
    jobs = (
        Job.objects.owned_by(request.user)
        .newest_first()
        .prefetch_related(
            Prefetch("skill_links", JobSkill.objects.select_related("skill")),
            "benefit_links",
        )
    )
    offers = [job for job in jobs if job.stage == Stage.OFFER]
    held = [job for job in jobs if job.stage == Stage.HELD]
    return render(request, "jobs/job_list.html", {"offers": offers, "held": held})


def job_detail(request, pk):
    """One job, with its score against the direction it is set against, explained."""
    job = get_object_or_404(
        Job.objects.prefetch_related(
            Prefetch("skill_links", JobSkill.objects.select_related("skill")),
            "benefit_links",
            "goals",
            "contacts",
        ),
        pk=pk,
        owner=request.user,
    )
    history = gather(request.user)
    result = assess_history(history)
    view = next(view for view in explain.job_views(history, result) if view.job.id == job.pk)
    return render(request, "jobs/job_detail.html", {"job": job, "view": view})


class JobCreate(OwnedCreateView):
    model = Job
    form_class = JobForm
    cancel_url = reverse_lazy("jobs:job_list")

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("stage") == Stage.OFFER:
            initial["stage"] = Stage.OFFER
        return initial


class JobUpdate(OwnedUpdateView):
    model = Job
    form_class = JobForm


class JobDelete(OwnedDeleteView):
    model = Job
    success_url = reverse_lazy("jobs:job_list")
    consequence = "Its skills stay in your list; its goals and contacts are not touched."
