"""The pages that judge the person's jobs: the dashboard, the story, compare, the jobs list, a
job's and an offer's own page (with "Mark as accepted"), and how scores work."""

from datetime import date
from typing import cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from alignment import dashboard as pages
from alignment import history, next_job, story, wording
from alignment.asked import (
    asks_direction,
    canonical_id,
    of_direction,
    redirect_canonical,
)
from alignment.scoring import ALIGNED_AT, DRIFT_POINTS, DRIFT_WINDOW_DAYS, WEIGHTS
from careers.models import Importance, Learning
from careers.views import suggested_for
from core.cache import cached
from core.models import bump_data_version
from jobs.models import Job, JobSkill, Stage
from jobs.offer_forms import TookItForm


@asks_direction
def dashboard(request: HttpRequest, asked: int | None) -> HttpResponse:
    """The signed-in person's home: their job history set against their direction."""
    today = timezone.localdate()

    def render_body() -> str:
        context = of_direction(pages.dashboard, request.user, today, asked)
        context["what_if"] = asked is not None and (
            context["direction"] is None or context["direction"].status != "current"
        )
        return render_to_string("alignment/_dashboard_frame.html", context, request=request)

    body = cached(cast(User, request.user), "dashboard", today, asked or "", compute=render_body)
    return render(request, "alignment/dashboard.html", {"body": body})


def story_page(request: HttpRequest) -> HttpResponse:
    """The person's working life year by year, newest first: the career story."""
    today = timezone.localdate()

    def render_body() -> str:
        context = story.story(cast(User, request.user), today)
        return render_to_string("alignment/_story.html", context, request=request)

    body = cached(cast(User, request.user), "story", today, compute=render_body)
    return render(request, "alignment/story.html", {"body": body})


def compare(request: HttpRequest) -> HttpResponse:
    """The whole history set against each of the directions chosen, side by side."""
    today = timezone.localdate()
    raw = request.GET.getlist("direction")
    asked = [canonical_id(value) for value in raw]
    if None in asked:
        raise Http404("No such direction.")
    asked = sorted(set(asked))  # type: ignore[type-var]  # no None is left in it
    if raw != [str(direction_id) for direction_id in asked]:
        return redirect_canonical(request, urlencode({"direction": asked}, doseq=True))
    directions = history.directions(cast(User, request.user))
    if any(direction_id not in directions for direction_id in asked):
        raise Http404("No such direction.")
    chosen = asked or pages.default_comparison(directions)
    too_many = len(chosen) > pages.COMPARED_AT_ONCE
    table = ""
    if chosen and not too_many:

        def render_table() -> str:
            context = pages.compare(cast(User, request.user), today, chosen, directions)  # type: ignore[arg-type]
            return render_to_string("alignment/_compare_table.html", context, request=request)

        table = cached(
            cast(User, request.user),
            "compare",
            today,
            ",".join(map(str, chosen)),
            compute=render_table,
        )
    return render(
        request,
        "alignment/compare.html",
        {
            "directions": list(directions.values()),
            "chosen": set(chosen),
            "limit": pages.COMPARED_AT_ONCE,
            "too_many": too_many,
            "table": table,
        },
    )


JOBS_PER_PAGE = 50


def job_list(request: HttpRequest) -> HttpResponse:
    """The timeline of held jobs, newest first, a page at a time, with the offers above it."""
    jobs = (
        Job.objects.owned_by(cast(User, request.user))
        .newest_first()
        .prefetch_related(
            Prefetch("skill_links", JobSkill.objects.select_related("skill")),
            "benefit_links",
        )
    )
    page = Paginator(jobs.held(), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    offers = list(jobs.offers()) if page.number == 1 else []
    held = list(page.object_list)
    shown = pages.judged(
        cast(User, request.user), [job.pk for job in held + offers], timezone.localdate()
    )
    return render(
        request,
        "alignment/job_list.html",
        {
            "offers": [(job, shown[job.pk]) for job in offers],
            "held": [(job, shown[job.pk]) for job in held],
            "page": page,
        },
    )


def _job_with_links(request: HttpRequest, pk: int) -> Job:
    # Whether the person has each skill from elsewhere (a held job, or learning finished):
    # an offer cannot teach what they have.
    had = Exists(
        JobSkill.objects.filter(skill=OuterRef("skill"), job__stage=Stage.HELD).exclude(
            job=OuterRef("job")
        )
    ) | Exists(
        Learning.skills.through.objects.filter(
            skill=OuterRef("skill"), learning__completed_on__isnull=False
        )
    )
    return get_object_or_404(
        Job.objects.prefetch_related(
            # django-stubs cannot infer this Prefetch's types here (it does in job_list).
            Prefetch("skill_links", JobSkill.objects.select_related("skill").annotate(had=had)),  # type: ignore[arg-type]
            "benefit_links",
            "goals",
            "contacts",
        ),
        pk=pk,
        owner=cast(User, request.user),
    )


def _offer_page(request: HttpRequest, offer: Job, today: date, took: TookItForm) -> HttpResponse:
    """An offer weighed against the job the person has, with the form to say they took it."""
    skills = [link.skill.name for link in offer.skill_links.all()]
    context = pages.weigh_offer(cast(User, request.user), offer.pk, today, skills)
    # Other jobs like it that would build more: 4 queries, only for an offer with an occupation.
    like = next_job.like_offer(cast(User, request.user), today, offer.occupation)
    # Pay is not a plus when it is less than now: the page says so instead of "Money".
    gives_money = any(link.value == "money" for link in offer.benefit_links.all())
    context["pays_less"] = context["pays_less"] if gives_money else ""
    direction = context.get("direction")
    context["toward"] = wording.career(direction.title) if direction else "your career"
    return render(
        request,
        "alignment/offer_detail.html",
        {"job": offer, "today": today, "took": took, "like": like, **context},
    )


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One job, with its score against the direction it is set against, explained; an
    offer is weighed against the job the person has."""
    job = _job_with_links(request, pk)
    today = timezone.localdate()
    if job.is_offer:
        return _offer_page(request, job, today, TookItForm(offer=job, today=today))
    view = pages.job_card(cast(User, request.user), job.pk, today)
    have = [link.skill.name for link in job.skill_links.all()]
    return render(
        request,
        "alignment/job_detail.html",
        {"job": job, "view": view, "suggested": suggested_for(job.occupation, have)},
    )


@require_POST
@transaction.atomic
def job_took_it(request: HttpRequest, pk: int) -> HttpResponse:
    """An offer the person took becomes a job they hold, from the day they started, with
    everything they said of it (skills, values, goals, pay, notes)."""
    job = get_object_or_404(Job, pk=pk, owner=cast(User, request.user))
    if not job.is_offer:  # taken already (a second click, another tab)
        messages.info(request, f"{job.title} is among your jobs already.")
        return redirect(job)
    today = timezone.localdate()
    took = TookItForm(request.POST, offer=job, today=today)
    if not took.is_valid():
        return _offer_page(request, _job_with_links(request, pk), today, took)
    # Only an offer still: a second sending at the same moment changes nothing.
    taken = Job.objects.filter(pk=job.pk, owner=cast(User, request.user), stage=Stage.OFFER).update(
        stage=Stage.HELD,
        started_on=took.cleaned_data["started_on"],
        lock_version=F("lock_version") + 1,  # a job form opened on the offer is told
    )
    if taken:
        bump_data_version(cast(User, request.user).pk)
        messages.success(request, f"You took {job.title}: it now counts among your jobs.")
    return redirect("alignment:dashboard")


@login_not_required
def how_scores_work(request: HttpRequest) -> HttpResponse:
    """How a score is counted, in Bearing's own words."""
    return render(
        request,
        "alignment/how_scores_work.html",
        {
            "weights": WEIGHTS,
            "aligned_at": ALIGNED_AT,
            "legend": wording.legend(),
            "drift_points": DRIFT_POINTS,
            "drift_days": DRIFT_WINDOW_DAYS,
            "importance": Importance,
        },
    )
