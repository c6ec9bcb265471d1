"""DRF throttles that count per client address as security.client defines it.

DRF's own `get_ident` trusts the whole X-Forwarded-For header unless NUM_PROXIES is set, so a client could pick a
new address per request; these use the one rule every other guard uses.
"""

from rest_framework import throttling

from security.client import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    def get_ident(self, request):
        return client_address(request)


class UserRateThrottle(throttling.UserRateThrottle):
    def get_ident(self, request):
        return client_address(request)
