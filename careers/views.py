"""Pages for the direction side: directions, goals, skills, learning and contacts.

The add/edit/delete pages are Django's generic views on top of one owner-scoped mixin:
every object is looked up inside `Model.objects.owned_by(request.user)`, so a stranger's
id is a 404 before anything else happens.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, UpdateView

from . import occupations
from .alignment import HELD, OFFER
from .forms import (
    ContactForm,
    DirectionForm,
    GoalForm,
    LearningForm,
    SkillForm,
    SkillNamesField,
)
from .models import (
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
    bump_data_version,
)
from .prefill import occupation_prefill


class OwnedMixin:
    """Limit a generic view to the signed-in person's rows."""

    model = None

    def get_queryset(self):
        return self.model.objects.owned_by(self.request.user)


class OwnedFormMixin(OwnedMixin):
    """Add/edit pages: the form knows its owner, and the page offers the person's skills."""

    template_name = "form_page.html"
    cancel_url = None

    @method_decorator(transaction.atomic)
    def post(self, request, *args, **kwargs):
        # A record and its links (skills, values, benefits) are saved together or not at all.
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "owner": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["verbose_name"] = self.model._meta.verbose_name
        context["page_title"] = getattr(self, "title", None) or (
            f"Edit “{self.object}”" if self.object else f"Add a {context['verbose_name']}"
        )
        context["submit_label"] = getattr(self, "submit_label", "Save")
        context["cancel_url"] = (
            self.object.get_absolute_url() if self.object else str(self.cancel_url)
        )
        if any(isinstance(field, SkillNamesField) for field in form.fields.values()):
            # The person's own names first, then O*NET's: a job and a direction then meet on
            # the same names.
            own = list(Skill.objects.owned_by(self.request.user).values_list("name", flat=True))
            folded = {occupations.fold(name) for name in own}
            context["skill_suggestions"] = own + [
                name for name in occupations.vocabulary() if occupations.fold(name) not in folded
            ]
        return context

    def form_valid(self, form):
        if getattr(form, "finding", False):
            # Find an occupation: the page again, with the matches and all that was typed.
            return self.render_to_response(self.get_context_data(form=form))
        adding = form.instance._state.adding
        try:
            with transaction.atomic():
                response = super().form_valid(form)
        except IntegrityError:
            # Another request saved a clashing row (the same skill name, a second current
            # direction) between this form's checks and its save. Checked again now, the form
            # says what clashes beside the field, as it would have a moment later.
            if adding:
                form.instance.pk = None
                form.instance._state.adding = True
            form.full_clean()
            if form.is_valid():
                form.add_error(
                    None,
                    "Something saved at the same moment, in another tab or device, clashed "
                    "with this. Nothing was saved: look at it again and save.",
                )
            return self.form_invalid(form)
        bump_data_version(self.request.user.pk)
        messages.success(self.request, f"Saved “{self.object}”.")
        return response


class OwnedCreateView(OwnedFormMixin, CreateView):
    pass


class OwnedUpdateView(OwnedFormMixin, UpdateView):
    pass


class OwnedDeleteView(OwnedMixin, DeleteView):
    """Ask before deleting; delete on POST only."""

    template_name = "confirm_delete.html"
    consequence = ""

    @method_decorator(transaction.atomic)
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verbose_name"] = self.model._meta.verbose_name
        context["consequence"] = self.consequence
        return context

    def form_valid(self, form):
        name = str(self.object)
        response = super().form_valid(form)
        bump_data_version(self.request.user.pk)
        messages.success(self.request, f"Deleted “{name}”.")
        return response


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


class DirectionCreate(OwnedCreateView):
    model = CareerDirection
    form_class = DirectionForm
    cancel_url = reverse_lazy("careers:direction_list")

    def get_initial(self):
        """`?status=considering` (from compare) starts the form as a direction considered;
        "Consider it as a direction" on the page "Your next job" fills in its title and
        occupation too (careers.prefill)."""
        initial = super().get_initial()
        if self.request.GET.get("status") in DirectionStatus.values:
            initial["status"] = self.request.GET["status"]
        return {**initial, **occupation_prefill(self.request)}


class DirectionUpdate(OwnedUpdateView):
    model = CareerDirection
    form_class = DirectionForm


class DirectionDelete(OwnedDeleteView):
    model = CareerDirection
    success_url = reverse_lazy("careers:direction_list")
    consequence = (
        "Its target skills and values go with it. Its goals stay, with no direction, "
        "and your jobs are not touched."
    )


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


class GoalCreate(OwnedCreateView):
    model = CareerGoal
    form_class = GoalForm
    cancel_url = reverse_lazy("careers:goal_list")

    def get_initial(self):
        initial = super().get_initial()
        directions = CareerDirection.objects.owned_by(self.request.user)
        asked = self.request.GET.get("direction", "")
        # A mangled ?direction= is ignored, not a server error.
        direction = directions.filter(pk=asked).first() if asked.isdecimal() else None
        initial["direction"] = direction or directions.current().first()
        return initial


class GoalUpdate(OwnedUpdateView):
    model = CareerGoal
    form_class = GoalForm


class GoalDelete(OwnedDeleteView):
    model = CareerGoal
    success_url = reverse_lazy("careers:goal_list")
    consequence = "Jobs that advanced it keep everything else."


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


class SkillCreate(OwnedCreateView):
    model = Skill
    form_class = SkillForm
    cancel_url = reverse_lazy("careers:skill_list")


class SkillUpdate(OwnedUpdateView):
    model = Skill
    form_class = SkillForm


class SkillDelete(OwnedDeleteView):
    model = Skill
    success_url = reverse_lazy("careers:skill_list")
    consequence = "It is also taken off every job, direction and learning entry that names it."


# -- Learning -----------------------------------------------------------------------------


def learning_list(request):
    entries = Learning.objects.owned_by(request.user).prefetch_related("skills")
    return render(request, "careers/learning_list.html", {"entries": entries})


def learning_detail(request, pk):
    entry = get_object_or_404(
        Learning.objects.prefetch_related("skills"), pk=pk, owner=request.user
    )
    return render(request, "careers/learning_detail.html", {"entry": entry})


class LearningCreate(OwnedCreateView):
    model = Learning
    form_class = LearningForm
    cancel_url = reverse_lazy("careers:learning_list")

    def get_initial(self):
        # A next step on the dashboard links here with the missing skill filled in.
        return {**super().get_initial(), "skill_names": self.request.GET.get("skill", "")[:100]}


class LearningUpdate(OwnedUpdateView):
    model = Learning
    form_class = LearningForm


class LearningDelete(OwnedDeleteView):
    model = Learning
    success_url = reverse_lazy("careers:learning_list")
    consequence = "The skills it taught stay in your list."


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


class ContactCreate(OwnedCreateView):
    model = Contact
    form_class = ContactForm
    cancel_url = reverse_lazy("careers:contact_list")


class ContactUpdate(OwnedUpdateView):
    model = Contact
    form_class = ContactForm


class ContactDelete(OwnedDeleteView):
    model = Contact
    success_url = reverse_lazy("careers:contact_list")
    consequence = "Jobs where you met keep everything else."


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
