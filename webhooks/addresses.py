"""Where a webhook may send: http(s) URLs whose host is a public internet address.

With DEBUG off, a host that is, or resolves to, any address that is not public is refused: loopback (127.0.0.0/8,
::1, `localhost`), unspecified (0.0.0.0, ::), private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
(169.254/16 with the cloud metadata service, fe80::/10), carrier-grade NAT (100.64/10), multicast and reserved
ranges; IPv4 addresses written as IPv6 (::ffff:127.0.0.1) count as the IPv4 address. Otherwise any admin could
make the server POST to itself or its private network. With DEBUG on everything is allowed, for a receiver on
the developer's machine.

Checked when a webhook is registered and again before every try, after resolving the name, so a name that
points at 127.0.0.1 (or is changed to later) is refused too. A name that resolves to several addresses is refused
if any one of them is not public. The address a delivery actually connects to is checked as well
(webhooks.transport), so a name that answers differently a moment later gets nothing through either.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
LOCAL_NAMES = ("localhost", "localhost.localdomain")


def address_kind(address: str) -> str | None:
    """Why this IP address is not public ("loopback", "private"...), or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is not part of it
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "unspecified", "link_local", "private", "multicast", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:  # 100.64.0.0/10 and the other ranges that are neither private nor public
        return "not public"
    return None


def url_problem(url: str) -> str | None:
    """What is wrong with the form of a webhook URL, or None."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number is a ValueError
    except ValueError:
        return "Enter a valid URL."
    if parts.scheme not in SCHEMES:
        return "Only http and https URLs can receive webhooks."
    if not parts.hostname:
        return "The URL needs a host name."
    return None


def host_problem(url: str, *, resolve: bool = True) -> str | None:
    """Why this URL's host may not receive webhooks (it is or resolves to a non-public address), or None.

    Raises OSError (socket.gaierror) when `resolve` and the name does not resolve now.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.rstrip(".").lower() in LOCAL_NAMES or host.rstrip(".").lower().endswith(".localhost"):
        return refused(host, "loopback")
    try:
        kind = address_kind(host)
    except ValueError:
        kind = None  # a name, not an address
    else:
        return refused(host, kind) if kind else None
    if not resolve:
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:  # a label over 63 characters, or one IDNA cannot encode
        return "The host name is not valid."
    for *_, sockaddr in found:
        kind = address_kind(sockaddr[0])
        if kind:
            return refused(f"{host} ({sockaddr[0]})", kind)
    return None


def refused(host: str, kind: str) -> str:
    return f"{host} is a {kind} address: webhooks go only to public addresses (unless DEBUG is on)."
