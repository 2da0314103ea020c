"""Share links and access tokens: the person's pages that make and revoke them, and the page
a share link opens for somebody who is not signed in."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from accounts.clients import client_address
from accounts.limits import count_hit, hits, over_limit
from jobs.cache import cached

from . import pages
from .forms import AccessTokenForm, ShareLinkForm
from .models import AccessToken, ShareLink, by_token

# A secret made on a POST waits here for the page the POST redirects to, which shows it once
# and forgets it.
NEW_LINK = "sharing:new-link"
NEW_TOKEN = "sharing:new-token"  # noqa: S105 - a session key
ENDED_SHOWN = 10

# Opening a link is limited like logging in: 5 wrong tokens from one address within a
# quarter of an hour lock that address out of every link until the quarter ends, and any
# address opens links at most 120 times an hour.
MISSES_ALLOWED = 5
MISS_WINDOW = 15 * 60
OPENS_PER_HOUR = 120


def links(request):
    """The person's share links: make one (its address shown once), see when each was last
    opened, revoke one."""
    form = ShareLinkForm(request.POST or None, owner=request.user)
    if request.method == "POST":
        with transaction.atomic():
            one_at_a_time(request.user)  # the form counts the live links: none sent meanwhile
            if form.is_valid():
                link, token = ShareLink.create(
                    owner=request.user,
                    label=form.cleaned_data["label"],
                    days=form.cleaned_data["days"],
                    show_contacts=form.cleaned_data["show_contacts"],
                )
                request.session[NEW_LINK] = {"id": link.pk, "token": token}
                return redirect("sharing:links")
    new = request.session.pop(NEW_LINK, None)
    rows = ShareLink.objects.owned_by(request.user)
    return render(
        request,
        "sharing/links.html",
        {
            "form": form,
            "live": list(rows.live()),
            "ended": list(rows.ended()[:ENDED_SHOWN]),
            "new_url": new
            and request.build_absolute_uri(reverse("sharing:shared", args=[new["token"]])),
            "new_id": new and new["id"],
        },
    )


def one_at_a_time(user):
    """Lock the person's row until the transaction ends, so that the count of their live
    links or tokens (LIVE_LIMIT) and the one made after it are one step: 21 sent at once
    are made one after the other, and the 21st is refused."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk").get()


@require_POST
def link_revoke(request, pk):
    """Revoke a link: from now on it is a 404."""
    link = get_object_or_404(ShareLink, pk=pk, owner=request.user)
    if link.revoked_at is None:
        ShareLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
        messages.success(request, f"The link “{link.label}” is revoked: it no longer opens.")
    return redirect("sharing:links")


def tokens(request):
    """The person's API tokens: make one (shown once), see when each was last used, revoke."""
    form = AccessTokenForm(request.POST or None, owner=request.user)
    if request.method == "POST":
        with transaction.atomic():
            one_at_a_time(request.user)  # the form counts the live tokens: none made meanwhile
            if form.is_valid():
                row, token = AccessToken.create(
                    owner=request.user,
                    name=form.cleaned_data["name"],
                    days=form.cleaned_data["days"],
                )
                request.session[NEW_TOKEN] = {"id": row.pk, "token": token}
                return redirect("sharing:tokens")
    new = request.session.pop(NEW_TOKEN, None)
    rows = AccessToken.objects.owned_by(request.user)
    return render(
        request,
        "sharing/tokens.html",
        {
            "form": form,
            "live": list(rows.live()),
            "ended": list(rows.ended()[:ENDED_SHOWN]),
            "new_token": new and new["token"],
            "new_id": new and new["id"],
            "api_url": request.build_absolute_uri(reverse("api:alignment")),
        },
    )


@require_POST
def token_revoke(request, pk):
    """Revoke a token: the next request that sends it is refused."""
    row = get_object_or_404(AccessToken, pk=pk, owner=request.user)
    if row.revoked_at is None:
        AccessToken.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
        messages.success(request, f"The token “{row.name}” is revoked: it no longer works.")
    return redirect("sharing:tokens")


@login_not_required
@require_safe
def shared(request, token):
    """What a share link shows: the person's dashboard and career story as they are now,
    read-only, to whoever has the link. A revoked, expired or unknown token is a 404, and so
    is the link of a closed account or of a demo past its day."""
    address = client_address(request)
    if hits("share-miss", address, MISS_WINDOW) >= MISSES_ALLOWED or over_limit(
        request, "share-open", limit=OPENS_PER_HOUR, seconds=3600
    ):
        return _private(render(request, "sharing/too_many.html", status=429))
    link = by_token(ShareLink.objects.usable(), token)
    if link is None:
        count_hit("share-miss", address, MISS_WINDOW)
        raise Http404("No such link.")
    link.opened()
    today = timezone.localdate()
    body = cached(
        link.owner,
        "shared",
        today,
        int(link.show_contacts),
        compute=lambda: pages.shared_body(link.owner, today, names=link.show_contacts),
    )
    context = {"body": body, "link": link, "owner_name": pages.owner_name(link.owner)}
    response = render(request, "sharing/shared.html", context)
    return _private(response)


def _private(response):
    """Never indexed, never kept by a cache, never named to another site."""
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
