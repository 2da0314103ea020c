"""The client's address, as every limit and the log-in lock-out see it.

With no proxy in front of Bearing (BEARING_TRUSTED_PROXIES=0, the default) it is the
connection's own address, and X-Forwarded-For is ignored: a client could write anything
there. Behind N proxies that each append the address they saw to X-Forwarded-For (as
nginx's `$proxy_add_x_forwarded_for` and most load balancers do), it is the N-th address
from the right: the one the outermost trusted proxy saw. Anything further left was written
by the client and is never believed.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of whoever sent `request`, or "" when it cannot be told."""
    proxies = settings.BEARING_TRUSTED_PROXIES
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        # Fewer hops than proxies: the request did not come through all of them.
        address = hops[-proxies] if len(hops) >= proxies else ""
    return valid(address)


def valid(address):
    """The address in its normal form, or "" when it is not an IP address at all."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return ""
