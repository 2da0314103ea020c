"""Share links and access tokens: the person's pages that make and revoke them, and the page
a share link opens for somebody who is not signed in."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from core.cache import cached
from core.clients import client_address
from core.limits import count_hit, hits, over_limit
from core.models import by_token
from core.once import saved_once
from core.views import make_secret, revoke, secrets_listed
from sharing import pages
from sharing.forms import ShareLinkForm
from sharing.models import ShareLink

# A secret made on a POST waits here for the page the POST redirects to, which shows it once
# and forgets it.
NEW_LINK = "sharing:new-link"

# Opening a link is limited like logging in: 5 wrong tokens from one address within a
# quarter of an hour lock that address out of every link until the quarter ends, and any
# address opens links at most 120 times an hour.
MISSES_ALLOWED = 5
MISS_WINDOW = 15 * 60
OPENS_PER_HOUR = 120


@saved_once
def links(request):
    """The person's share links: make one (its address shown once), see when each was last
    opened, revoke one."""
    form = ShareLinkForm(request.POST or None, owner=request.user)

    def make(data):
        return ShareLink.create(
            owner=request.user,
            label=data["label"],
            days=data["days"],
            show_contacts=data["show_contacts"],
        )

    if make_secret(request, form, make, NEW_LINK):
        return redirect("sharing:links")
    listed = secrets_listed(request, ShareLink.objects.owned_by(request.user), NEW_LINK)
    new = listed["new"]
    return render(
        request,
        "sharing/links.html",
        {
            "form": form,
            **listed,
            "new_url": new
            and request.build_absolute_uri(reverse("sharing:shared", args=[new["token"]])),
        },
    )


@require_POST
def link_revoke(request, pk):
    """Revoke a link: from now on it is a 404."""
    revoke(request, ShareLink, pk, "The link “{row.label}” is revoked: it no longer opens.")
    return redirect("sharing:links")


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
