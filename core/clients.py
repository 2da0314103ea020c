"""The client's address, as every limit and the log-in lock-out see it.

With no proxy in front of Bearing (BEARING_TRUSTED_PROXIES=0, the default) it is the
connection's own address, and X-Forwarded-For is ignored: a client could write anything
there. Behind N proxies that each append the address they saw to X-Forwarded-For (as
nginx's `$proxy_add_x_forwarded_for` and most load balancers do), it is the N-th address
from the right: the one the outermost trusted proxy saw. Anything further left was written
by the client and is never believed.

An IPv6 client is counted by its /64 network: one household or one server is given a whole
/64 and can pick any of its 2^64 addresses, so counting each address would give every
limit, and the lock-out, as many tries as the client cares to take. An IPv4 address sent as
IPv6 (::ffff:1.2.3.4) is the IPv4 address it carries.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address of whoever sent `request`, or "" when it cannot be told."""
    proxies = settings.BEARING_TRUSTED_PROXIES
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        # Fewer hops than proxies: the request did not come through all of them.
        address = hops[-proxies] if len(hops) >= proxies else ""
    return valid(address)


IPV6_NETWORK = 64  # the prefix length an IPv6 client is counted by


def valid(address: str) -> str:
    """The address in its normal form, or "" when it is not an IP address at all. An IPv6
    client is named by the first address of its /64 (2001:db8:1:2::), itself an address, as
    the log-in records of django-axes (an `inet` column on PostgreSQL) need."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((int(ip), IPV6_NETWORK), strict=False).network_address)
