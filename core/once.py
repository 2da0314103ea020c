"""A form posted twice saves once."""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator

from core.models import FormSubmission

FIELD = "once"
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
REDIRECTS = (301, 302, 303)


def saved_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view whose add form carries a one-time token (the hidden field `once`, which
    core.forms.OwnedModelForm gives every add form) saves it at most once, whether it is
    sent twice in a row or twice at once.

    The token is claimed, in the database, before the view runs and in the same transaction
    as everything the view writes. A second sending waits for the first to finish: if the
    first saved (it answered with a redirect), the second is sent where the first led, with a
    word that it was saved already; if the first was refused (the form re-shown with its
    errors), its claim is gone and the second is treated as new. Views that take an add form
    say so with this decorator (or SavedOnceMixin), so no other request pays for it.
    """

    @wraps(view)
    def once(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = token_of(request)
        if token is None:
            return view(request, *args, **kwargs)
        owner = cast(User, request.user)  # token_of answers None for anybody signed out
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = FormSubmission.objects.create(
                        owner=owner,
                        token=token,
                        expires_at=timezone.now() + FormSubmission.LIFETIME,
                    )
            except IntegrityError:
                return sent_again(request, owner, token)
            response = view(request, *args, **kwargs)
            if response.status_code in REDIRECTS and response.has_header("Location"):
                claim.location = response["Location"][:500]
                claim.save(update_fields=["location"])
                FormSubmission.objects.filter(owner=owner, expires_at__lt=timezone.now()).delete()
            else:
                claim.delete()  # nothing saved: the same form may be sent again
        return response

    once.saves_once = True  # type: ignore[attr-defined]  # for the battery's walk
    return once


class SavedOnceMixin:
    """saved_once for a class-based view."""

    @method_decorator(saved_once)
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def token_of(request: HttpRequest) -> uuid.UUID | None:
    """The one-time token of a signed-in person's form, or None."""
    if request.method != "POST" or request.content_type not in FORMS:
        return None
    if not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def sent_again(request: HttpRequest, owner: User, token: uuid.UUID) -> HttpResponse:
    first = FormSubmission.objects.filter(owner=owner, token=token).first()
    if first is None or not first.location:
        # The first sending is gone meanwhile (refused, or expired): say so plainly.
        messages.warning(request, "This form was sent twice at once; send it again.")
        return redirect(request.get_full_path())
    messages.info(request, "This form was sent twice; it was saved once, and here it is.")
    return redirect(first.location)
