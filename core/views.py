"""The owned views every app's pages stand on: a person's rows only, a record and its links
saved together, Bearing's own words for a clash, and a question before anything is deleted."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import CreateView, DeleteView, UpdateView

from core.models import ENDED_SHOWN, GrantQuerySet, bump_data_version, one_at_a_time
from core.once import SavedOnceMixin

if TYPE_CHECKING:
    from django.views.generic.base import TemplateResponseMixin
    from django.views.generic.detail import BaseDetailView
    from django.views.generic.edit import BaseCreateView

    _OwnedBase = BaseDetailView[Any]
else:
    _OwnedBase = object


class OwnedMixin(_OwnedBase):
    """Limit a generic view to the signed-in person's rows."""

    model: Any = None  # the owned model; every view sets it

    def get_queryset(self) -> QuerySet[Any]:
        return self.model.objects.owned_by(self.request.user)


if TYPE_CHECKING:

    class _OwnedFormBase(OwnedMixin, TemplateResponseMixin, BaseCreateView[Any, Any]): ...
else:
    _OwnedFormBase = OwnedMixin


class OwnedFormMixin(_OwnedFormBase):
    """Add/edit pages: the form knows its owner; the record is saved with its links."""

    template_name: str | None = "form_page.html"
    cancel_url = None

    @method_decorator(transaction.atomic)
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # A record and its links (skills, values, benefits) are saved together or not at all.
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "owner": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["verbose_name"] = self.model._meta.verbose_name
        context["page_title"] = getattr(self, "title", None) or (
            f"Edit “{self.object}”" if self.object else f"Add a {context['verbose_name']}"
        )
        context["submit_label"] = getattr(self, "submit_label", "Save")
        context["cancel_url"] = (
            self.object.get_absolute_url() if self.object else str(self.cancel_url)
        )
        return context

    def form_valid(self, form: forms.ModelForm) -> HttpResponse:
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
        bump_data_version(cast(User, self.request.user).pk)
        messages.success(self.request, f"Saved “{self.object}”.")
        return response


class OwnedCreateView(SavedOnceMixin, OwnedFormMixin, CreateView):
    """An add page: its form, sent twice, saves once (core.once)."""


class OwnedUpdateView(OwnedFormMixin, UpdateView):
    pass


class OwnedDeleteView(OwnedMixin, DeleteView):
    """Ask before deleting; delete on POST only."""

    template_name = "confirm_delete.html"
    consequence = ""

    @method_decorator(transaction.atomic)
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["verbose_name"] = self.model._meta.verbose_name
        context["consequence"] = self.consequence
        return context

    def form_valid(self, form: forms.Form) -> HttpResponse:
        name = str(self.object)
        response = super().form_valid(form)
        bump_data_version(cast(User, self.request.user).pk)
        messages.success(self.request, f"Deleted “{name}”.")
        return response


# --- Secrets shown once: API tokens and share links ------------------------------------------
# A secret made on a POST waits in the session for the page the POST redirects to, which shows
# it once and forgets it; Bearing keeps only its digest.


def make_secret(
    request: HttpRequest,
    form: forms.BaseForm,
    make: Callable[[dict[str, Any]], tuple[Model, str]],
    session_key: str,
) -> bool:
    """On a POST of a valid `form`, make the row (`make(cleaned_data)` gives the row and its
    secret) while holding the person's lock, so that a limit on live rows that the form
    checks holds when many are sent at once; keep its id and secret for one showing. True
    when one was made (the view then redirects to its page)."""
    if request.method != "POST":
        return False
    with transaction.atomic():
        one_at_a_time(cast(User, request.user))  # the views are for a signed-in person
        if not form.is_valid():
            return False
        row, secret = make(form.cleaned_data)
    request.session[session_key] = {"id": row.pk, "token": secret}
    return True


def secrets_listed(request: HttpRequest, rows: GrantQuerySet, session_key: str) -> dict[str, Any]:
    """The page's lists: the live rows, the latest ENDED_SHOWN that ended, and the secret
    just made (`new`, shown this once) and its row's id."""
    new = request.session.pop(session_key, None)
    return {
        "live": list(rows.live()),
        "ended": list(rows.ended()[:ENDED_SHOWN]),
        "new": new,
        "new_id": new and new["id"],
    }


def revoke(request: HttpRequest, model: Any, pk: int, said: str) -> None:
    """Revoke one of the person's secrets (a 404 for anybody else's), once, saying so with
    `said` (formatted with the row)."""
    row = get_object_or_404(model, pk=pk, owner=request.user)
    if row.revoked_at is None:
        model.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
        messages.success(request, said.format(row=row))
