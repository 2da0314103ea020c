"""The job side's pages: the job timeline, each job, the dashboard and the career story."""

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from careers.views import SuggestsSkills, add_suggested_skills
from core.views import OwnedCreateView, OwnedDeleteView, OwnedUpdateView
from jobs import prefill
from jobs.forms import JobChanged, JobForm
from jobs.models import Job, JobSkill, Stage
from jobs.offer_forms import OfferForm


@require_POST
@transaction.atomic
def job_add_skills(request, pk):
    """Add skills its occupation suggests to a job, as skills it used."""
    job = get_object_or_404(Job, pk=pk, owner=request.user)
    add_suggested_skills(
        request, job, job.skill_links, lambda skill, item: JobSkill(job=job, skill=skill)
    )
    return redirect(job.get_absolute_url())


class JobCreate(SuggestsSkills, OwnedCreateView):
    model = Job
    form_class = JobForm
    cancel_url = reverse_lazy("alignment:job_list")
    title = "Log a job"

    def get(self, request, *args, **kwargs):
        if request.GET.get("stage") == Stage.OFFER:  # an older link to the offer form
            return redirect("jobs:offer_add")
        return super().get(request, *args, **kwargs)


class OfferCreate(JobCreate):
    form_class = OfferForm
    title = "Weigh an offer"
    submit_label = "Weigh it"

    def get_initial(self):
        # A bridge of "Your next job" links here with the occupation and its skills.
        return {**super().get_initial(), **prefill.offer_prefill(self.request)}


class JobUpdate(SuggestsSkills, OwnedUpdateView):
    model = Job

    def get_form_class(self):
        return OfferForm if self.object.is_offer else JobForm

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except JobChanged as changed:
            form.show_conflict(changed)  # the fields that differ, and a box to replace them
            return self.form_invalid(form)


class JobDelete(OwnedDeleteView):
    model = Job
    success_url = reverse_lazy("alignment:job_list")
    consequence = "Its skills stay in your list; its goals and contacts are not touched."
