from django.contrib.auth.models import AnonymousUser
from rest_framework.settings import api_settings

from security.throttling import AnonRateThrottle, UserRateThrottle
from tests.security.factories import through_proxy


def test_the_api_throttles_are_the_ones_that_count_per_client_address():
    assert [AnonRateThrottle, UserRateThrottle] == api_settings.DEFAULT_THROTTLE_CLASSES


def test_anonymous_requests_are_counted_per_client_address_not_per_forged_header(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    throttle = AnonRateThrottle()
    first = rf.get("/api/claims/", **through_proxy("203.0.113.5", sent="192.0.2.1"))
    second = rf.get("/api/claims/", **through_proxy("203.0.113.5", sent="192.0.2.2"))
    other = rf.get("/api/claims/", **through_proxy("198.51.100.7"))
    first.user = second.user = other.user = AnonymousUser()
    assert throttle.get_cache_key(first, None) == throttle.get_cache_key(second, None)
    assert throttle.get_cache_key(first, None) != throttle.get_cache_key(other, None)
    assert "203.0.113.5" in throttle.get_cache_key(first, None)
