"""Staff and superusers need a second factor (STAFF_REQUIRE_2FA): until they pass one, they reach only the pages
that let them enrol or sign in again."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

# Where an unverified staff member may still go: sign in, sign out, enrol (the wizard and its QR code).
OPEN_URL_NAMES = ["login", "logout", "two_factor:login", "two_factor:setup", "two_factor:qr"]


def needs_second_factor(user) -> bool:
    return (
        settings.STAFF_REQUIRE_2FA
        and user.is_authenticated
        and (user.is_staff or user.is_superuser)
        and not user.is_verified()
    )


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request):
        if not needs_second_factor(request.user) or self._is_open(request.path_info):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            # API clients use tokens, which this does not touch; a browser session must pass the second factor.
            return JsonResponse({"detail": "Staff accounts must sign in with a second factor first."}, status=403)
        if user_has_device(request.user):
            # A session that predates enrolment (or a password-only sign-in): sign in again with the code.
            logout(request)
            return redirect_to_login(request.get_full_path())
        return redirect(f"{reverse('two_factor:setup')}?{urlencode({'next': request.get_full_path()})}")

    def _is_open(self, path: str) -> bool:
        return path in self.open_paths() or path.startswith("/" + settings.STATIC_URL.lstrip("/"))
