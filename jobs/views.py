"""The job side's pages: the job timeline, each job, and the dashboard."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy

from careers.views import OwnedCreateView, OwnedDeleteView, OwnedUpdateView

from .forms import JobForm
from .models import Job, JobSkill, Stage


def dashboard(request):
    """The signed-in person's home: their job history set against their direction."""
    return render(request, "jobs/dashboard.html")


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
    return render(request, "jobs/job_detail.html", {"job": job})


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
