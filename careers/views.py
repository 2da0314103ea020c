"""Pages for the direction side: directions, goals, skills, learning and contacts.

The add/edit/delete pages are Django's generic views on top of one owner-scoped mixin
(core.views), given each kind's model and form by careers.urls.crud: every object is looked
up inside `Model.objects.owned_by(request.user)`, so a stranger's id is a 404 before
anything else happens.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from careers import occupations
from careers.forms import SkillNamesField
from careers.models import (
    DIRECTION_ORDER,
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionStatus,
    GoalStatus,
    Importance,
    Learning,
    Skill,
)
from careers.prefill import occupation_prefill
from core.models import bump_data_version
from core.views import OwnedCreateView, OwnedUpdateView
from core.vocabulary import HELD, OFFER

# -- Directions ---------------------------------------------------------------------------


def direction_list(request):
    """The person's directions: current first, then considering, then past."""
    directions = CareerDirection.objects.owned_by(request.user).annotate(
        skill_count=Count("skill_links", distinct=True),
        goal_count=Count("goals", distinct=True),
    )
    directions = sorted(directions, key=lambda direction: DIRECTION_ORDER[direction.status])
    return render(request, "careers/direction_list.html", {"directions": directions})


def direction_detail(request, pk):
    direction = get_object_or_404(
        CareerDirection.objects.prefetch_related(
            Prefetch("skill_links", DirectionSkill.objects.select_related("skill")),
            "value_links",
            "goals",
        ),
        pk=pk,
        owner=request.user,
    )
    return render(
        request,
        "careers/direction_detail.html",
        {
            "direction": direction,
            "today": timezone.localdate(),
            "suggested": suggested_for(
                direction.occupation,
                [link.skill.name for link in direction.skill_links.all()],
                ticked=request.GET.getlist("tick"),
            ),
        },
    )


def suggested_for(code, have, ticked=()):
    """The occupation's suggestions not among the names a direction or job `have` already
    (each with its level's word, and ticked when asked), or None without an occupation."""
    found = occupations.get(code) if code else None
    if found is None:
        return None
    have = {occupations.fold(name) for name in have}
    ticked = {occupations.fold(name) for name in ticked}
    return {
        "occupation": found,
        "items": [
            {
                "name": item.name,
                "level": item.level,
                "word": Importance(item.level).label,
                "ticked": occupations.fold(item.name) in ticked,
            }
            for item in occupations.suggestions(code).combined
            if occupations.fold(item.name) not in have
        ],
    }


def chosen_suggestions(request, code):
    """The suggestions of `code` the person chose in a POST (ticked, or the one button
    pressed), as occupations.Suggestion: names the occupation does not offer are ignored."""
    offered = {occupations.fold(item.name): item for item in occupations.suggestions(code).combined}
    only = request.POST.get("only")
    names = [only] if only else request.POST.getlist("skill")
    # Each at most once, in the order posted: a name ticked twice is one skill.
    chosen = {occupations.fold(name): None for name in names}
    return [offered[folded] for folded in chosen if folded in offered]


def add_suggested_skills(request, target, links, make):
    """Link the suggestions of `target`'s occupation that the person chose to `target` (a
    direction or a job), and say what was added. `links` is its manager of skill links;
    `make(skill, suggestion)` makes one link row. Skills it has already are skipped."""
    chosen = chosen_suggestions(request, target.occupation)
    have = set(links.values_list("skill_id", flat=True))
    skills = Skill.objects.named(request.user, [item.name for item in chosen])
    added = [
        make(skill, item)
        for skill, item in zip(skills, chosen, strict=True)
        if skill.pk not in have
    ]
    links.model.objects.bulk_create(added)
    if added:
        bump_data_version(request.user.pk)
        names = ", ".join(link.skill.name for link in added)
        messages.success(request, f"Added to {target}: {names}.")
    else:
        messages.info(request, "Nothing was added: tick the skills you want first.")


def back_to(request, fallback):
    """The path named by a POST's `next`, when it is a path on this site; else `fallback`
    (never the person sent off the site, never a view's name)."""
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_POST
@transaction.atomic
def direction_add_skills(request, pk):
    """Add skills its occupation suggests to a direction, at the importance O*NET gives."""
    direction = get_object_or_404(CareerDirection, pk=pk, owner=request.user)
    add_suggested_skills(
        request,
        direction,
        direction.skill_links,
        lambda skill, item: DirectionSkill(direction=direction, skill=skill, importance=item.level),
    )
    return HttpResponseRedirect(back_to(request, direction.get_absolute_url()))


class SuggestsSkills:
    """A form page whose form has skill names to type: the page offers the person's own
    names first, then O*NET's, so that a job and a direction meet on the same names."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if any(isinstance(field, SkillNamesField) for field in context["form"].fields.values()):
            own = list(Skill.objects.owned_by(self.request.user).values_list("name", flat=True))
            folded = {occupations.fold(name) for name in own}
            context["skill_suggestions"] = own + [
                name for name in occupations.vocabulary() if occupations.fold(name) not in folded
            ]
        return context


class AddPage(SuggestsSkills, OwnedCreateView):
    """The add page of every kind of record here (careers.urls.crud gives it the model, the
    form and the list to go back to); a kind whose add page does more has its own below."""


class EditPage(SuggestsSkills, OwnedUpdateView):
    """The edit page of every kind of record here (careers.urls.crud)."""


# What each kind's delete page says goes with the record (careers.urls.crud).
DELETING_A_DIRECTION = (
    "Its target skills and values go with it. Its goals stay, with no direction, "
    "and your jobs are not touched."
)


class DirectionCreate(AddPage):
    def get_initial(self):
        """`?status=considering` (from compare) starts the form as a direction considered;
        "Consider it as a direction" on the page "Your next job" fills in its title and
        occupation too (careers.prefill)."""
        initial = super().get_initial()
        if self.request.GET.get("status") in DirectionStatus.values:
            initial["status"] = self.request.GET["status"]
        return {**initial, **occupation_prefill(self.request)}


# -- Goals --------------------------------------------------------------------------------


def goal_list(request):
    goals = CareerGoal.objects.owned_by(request.user).select_related("direction")
    open_goals, closed_goals = [], []
    for goal in goals:
        (open_goals if goal.is_open else closed_goals).append(goal)
    return render(
        request,
        "careers/goal_list.html",
        {
            "open_goals": open_goals,
            "closed_goals": closed_goals,
            "today": timezone.localdate(),
        },
    )


def goal_detail(request, pk):
    goal = get_object_or_404(
        CareerGoal.objects.select_related("direction").prefetch_related("jobs"),
        pk=pk,
        owner=request.user,
    )
    return render(
        request, "careers/goal_detail.html", {"goal": goal, "today": timezone.localdate()}
    )


@require_POST
@transaction.atomic
def goal_achieve(request, pk):
    """Mark a goal achieved today, in one click."""
    goal = get_object_or_404(CareerGoal, pk=pk, owner=request.user)
    if goal.status != GoalStatus.ACHIEVED:
        goal.status = GoalStatus.ACHIEVED
        goal.achieved_on = timezone.localdate()
        goal.save(update_fields=["status", "achieved_on"])
        bump_data_version(request.user.pk)
        messages.success(request, f"Well done: “{goal}” is achieved.")
    return HttpResponseRedirect(back_to(request, goal.get_absolute_url()))


DELETING_A_GOAL = "Jobs that advanced it keep everything else."


class GoalCreate(AddPage):
    def get_initial(self):
        initial = super().get_initial()
        directions = CareerDirection.objects.owned_by(self.request.user)
        asked = self.request.GET.get("direction", "")
        # A mangled ?direction= is ignored, not a server error.
        direction = directions.filter(pk=asked).first() if asked.isdecimal() else None
        initial["direction"] = direction or directions.current().first()
        return initial


# -- Skills -------------------------------------------------------------------------------


def skill_list(request):
    """The person's skills, each with the jobs they held that name it (an offer is not a job
    had: offers are counted apart), the learning and the directions."""
    skills = Skill.objects.owned_by(request.user).annotate(
        job_count=Count("job_links", filter=Q(job_links__job__stage=HELD), distinct=True),
        offer_count=Count("job_links", filter=Q(job_links__job__stage=OFFER), distinct=True),
        learning_count=Count("learning", distinct=True),
        direction_count=Count("direction_links", distinct=True),
    )
    return render(request, "careers/skill_list.html", {"skills": skills})


def skill_detail(request, pk):
    skill = get_object_or_404(
        Skill.objects.prefetch_related("job_links__job", "learning", "direction_links__direction"),
        pk=pk,
        owner=request.user,
    )
    return render(request, "careers/skill_detail.html", {"skill": skill})


DELETING_A_SKILL = "It is also taken off every job, direction and learning entry that names it."


# -- Learning -----------------------------------------------------------------------------


def learning_list(request):
    entries = Learning.objects.owned_by(request.user).prefetch_related("skills")
    return render(request, "careers/learning_list.html", {"entries": entries})


def learning_detail(request, pk):
    entry = get_object_or_404(
        Learning.objects.prefetch_related("skills"), pk=pk, owner=request.user
    )
    return render(request, "careers/learning_detail.html", {"entry": entry})


DELETING_LEARNING = "The skills it taught stay in your list."


class LearningCreate(AddPage):
    def get_initial(self):
        # A next step on the dashboard links here with the missing skill filled in.
        return {**super().get_initial(), "skill_names": self.request.GET.get("skill", "")[:100]}


# -- Contacts -----------------------------------------------------------------------------


def contact_list(request):
    query = request.GET.get("q", "").strip()[:100]
    contacts = Contact.objects.owned_by(request.user).annotate(job_count=Count("jobs"))
    if query:
        contacts = contacts.filter(Q(name__icontains=query) | Q(context__icontains=query))
    return render(request, "careers/contact_list.html", {"contacts": contacts, "query": query})


def contact_detail(request, pk):
    contact = get_object_or_404(Contact.objects.prefetch_related("jobs"), pk=pk, owner=request.user)
    return render(request, "careers/contact_detail.html", {"contact": contact})


DELETING_A_CONTACT = "Jobs where you met keep everything else."


@login_not_required
def about_data(request):
    """What Bearing takes from O*NET and how, with the attribution its licence asks for."""
    catalogue = occupations.catalogue()
    found = catalogue.occupations.values()
    return render(
        request,
        "careers/about_data.html",
        {
            "source": catalogue.source,
            "attribution": catalogue.attribution,
            "counts": {
                "occupations": len(found),
                "rated": sum(1 for item in found if item.skills and not item.borrowed_from),
                "borrowing": sum(1 for item in found if item.borrowed_from),
                "unrated": sum(1 for item in found if not (item.skills or item.knowledge)),
            },
            "suggest_from": occupations.SUGGEST_FROM,
        },
    )
