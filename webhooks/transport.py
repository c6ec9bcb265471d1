"""The HTTP session deliveries go through: requests, and with DEBUG off a check of each connection's peer.

The URL's host is checked before a try (webhooks.addresses.host_problem), but the HTTP client resolves the name
again, and a name can answer differently the second time (DNS rebinding). So the address actually connected to is
checked too, as soon as the TCP connection is made and before TLS or a byte of the request: a non-public peer
closes the connection and raises AddressRefused. Proxies from the environment are not used then (the peer would be
the proxy).
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from webhooks.addresses import address_kind, refused


class AddressRefused(Exception):
    """The connection reached an address webhooks may not go to. Not an OSError, so nothing retries it."""


class _PublicPeerOnly:
    def _new_conn(self):
        sock = super()._new_conn()  # urllib3's own connect (timeouts, IPv4/IPv6 fallback), then the check
        address = sock.getpeername()[0]
        kind = address_kind(address)
        if kind:
            sock.close()
            raise AddressRefused(refused(f"{self.host} ({address})", kind))
        return sock


class _Connection(_PublicPeerOnly, HTTPConnection):
    pass


class _TLSConnection(_PublicPeerOnly, HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


class PublicOnlyAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}


def session(*, public_only: bool) -> requests.Session:
    """A requests session; with `public_only`, one that connects only to public addresses and ignores proxies."""
    http = requests.Session()
    if public_only:
        http.trust_env = False
        http.mount("http://", PublicOnlyAdapter())
        http.mount("https://", PublicOnlyAdapter())
    return http
