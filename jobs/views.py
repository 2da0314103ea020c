"""The job side's pages: the job timeline, each job, the dashboard, and the alignment API."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe

from careers.views import OwnedCreateView, OwnedDeleteView, OwnedUpdateView

from . import explain
from .api import alignment_document
from .cache import cached
from .dashboard import assess_history, load
from .forms import JobChanged, JobForm
from .models import Job, JobSkill, Stage


def _asked_direction(raw, history):
    """The `?direction=ID` asked for: None when absent, 404 when not one of the person's."""
    if raw == "":
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
    today = timezone.localdate()
    asked = request.GET.get("direction", "")

    def render_body(versions):
        history = load(request.user, versions)
        direction_id = _asked_direction(asked, history)
        result = assess_history(history, direction_id=direction_id, today=today)
        context = explain.build(history, result, today)
        context["what_if"] = direction_id is not None and (
            result.direction is None or result.direction.status != "current"
        )
        return render_to_string("jobs/_dashboard_body.html", context, request=request)

    body = cached(request.user, "dashboard", today, asked, compute=render_body)
    return render(request, "jobs/dashboard.html", {"body": mark_safe(body)})  # noqa: S308


def compare(request):
    """Every direction of the person's, with the whole history set against each in turn."""
    today = timezone.localdate()

    def assess_each(versions):
        history = load(request.user, versions)
        order = {"current": 0, "considering": 1}
        directions = sorted(history.directions, key=lambda d: (order.get(d.status, 2), d.id))
        rows = [
            assess_history(history, direction_id=direction.id, today=today)
            for direction in directions
        ]
        return {"rows": rows, "has_jobs": bool(history.jobs)}

    return render(
        request, "jobs/compare.html", cached(request.user, "compare", today, compute=assess_each)
    )


def alignment_api(request):
    """GET /api/v1/alignment/: the dashboard's numbers as JSON (DESIGN.md's shape)."""
    today = timezone.localdate()
    asked = request.GET.get("direction", "")

    def document(versions):
        history = load(request.user, versions)
        direction_id = _asked_direction(asked, history)
        return alignment_document(assess_history(history, direction_id=direction_id, today=today))

    return JsonResponse(cached(request.user, "api", today, asked, compute=document))


JOBS_PER_PAGE = 50


def job_list(request):
    """The timeline of held jobs, newest first, a page at a time, with the offers above it."""
    jobs = (
        Job.objects.owned_by(request.user)
        .newest_first()
        .prefetch_related(
            Prefetch("skill_links", JobSkill.objects.select_related("skill")),
            "benefit_links",
        )
    )
    page = Paginator(jobs.held(), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    offers = list(jobs.offers()) if page.number == 1 else []
    return render(
        request,
        "jobs/job_list.html",
        {"offers": offers, "held": page.object_list, "page": page},
    )


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
    history = load(request.user)
    result = assess_history(history)
    [view] = explain.job_views(history, [r for r in result.jobs if r.job.id == job.pk])
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

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except JobChanged:
            current = Job.objects.owned_by(self.request.user).get(pk=self.object.pk)
            form.data = form.data.copy()
            form.data["version"] = current.version  # saving again keeps these values
            form.add_error(
                None,
                "This job was changed elsewhere (another tab or device) since you opened "
                "it. Your changes are below, not saved yet: check them against the job's "
                "page and save again to keep them.",
            )
            return self.form_invalid(form)


class JobDelete(OwnedDeleteView):
    model = Job
    success_url = reverse_lazy("jobs:job_list")
    consequence = "Its skills stay in your list; its goals and contacts are not touched."
